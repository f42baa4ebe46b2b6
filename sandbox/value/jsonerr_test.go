package value

import (
	"strings"
	"testing"
)

func TestJacksonSyntax(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"k": 1}`, ""},
		{`[1, "a", {"b": [true, false, null]}] trailing`, ""},
		{`xyz`, "com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'xyz': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"xyz\"; line: 1, column: 4]"},
		{`{k: 1}`, "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('k' (code 107)): was expecting double-quote to start field name\n at [Source: (String)\"{k: 1}\"; line: 1, column: 3]"},
		{`{"k" 1}`, "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value\n at [Source: (String)\"{\"k\" 1}\"; line: 1, column: 7]"},
		{`[1 2]`, "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('2' (code 50)): was expecting comma to separate Array entries\n at [Source: (String)\"[1 2]\"; line: 1, column: 5]"},
		{`[1,]`, "com.fasterxml.jackson.core.JsonParseException: Unexpected character (']' (code 93)): expected a value\n at [Source: (String)\"[1,]\"; line: 1, column: 5]"},
		{`'a'`, "com.fasterxml.jackson.core.JsonParseException: Unexpected character (''' (code 39)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"'a'\"; line: 1, column: 2]"},
		{"{\n\"k\": 1", "com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)\"{\n\"k\": 1\"; line: 1, column: 1])\n at [Source: (String)\"{\n\"k\": 1\"; line: 2, column: 7]"},
		{`"abc`, "com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input: was expecting closing quote for a string value\n at [Source: (String)\"\"abc\"; line: 1, column: 5]"},
		{`"a\qb"`, "com.fasterxml.jackson.core.JsonParseException: Unrecognized character escape 'q' (code 113)\n at [Source: (String)\"\"a\\qb\"\"; line: 1, column: 5]"},
		{``, "com.fasterxml.jackson.databind.exc.MismatchedInputException: No content to map due to end-of-input\n at [Source: (String)\"\"; line: 1, column: 0]"},
	}
	for _, tt := range tests {
		if got := jacksonSyntax(tt.in); got != tt.want {
			t.Errorf("jacksonSyntax(%q) =\n%q, want\n%q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeJSON(t *testing.T) {
	if v, err := DecodeJSON(`[1, "a"]`); err != nil || len(v.([]any)) != 2 {
		t.Errorf(`DecodeJSON("[1, \"a\"]") = %v, %v, want a two-element array`, v, err)
	}
	if _, err := DecodeJSON(`nope`); err == nil {
		t.Errorf(`DecodeJSON("nope") = nil error, want one`)
	}
}

func FuzzJacksonSyntax(f *testing.F) {
	for _, s := range []string{`{"k": [1, 2.5e3, "x\u00e9"]}`, `{k: 1}`, `[1,]`, `"abc`, `tru`, `-x`, "\"\x01\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := jacksonSyntax(s)
		if got != "" && !strings.HasPrefix(got, "com.fasterxml.jackson.") {
			t.Errorf("jacksonSyntax(%q) = %q, want a Jackson exception or nothing", s, got)
		}
		if _, err := DecodeJSON(s); err != nil && !strings.HasPrefix(err.Error(), "com.fasterxml.jackson.") {
			t.Errorf("DecodeJSON(%q) error = %q, want a Jackson exception", s, err)
		}
	})
}
