package cql

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tok is a token as the lexer tests see it: its kind and value.
type tok struct {
	Kind tokKind
	Val  string
}

// lexAll returns the visible tokens of src (EOF excluded) and the lexical
// error, if any.
func lexAll(src string) ([]tok, *Error) {
	lx := newLexer(src)
	var toks []tok
	for {
		t := lx.scan()
		switch t.kind {
		case tEOF:
			return toks, lx.err
		case tWS, tComment:
			continue
		}
		toks = append(toks, tok{t.kind, tokenValue(src, &t)})
	}
}

func TestLexer(t *testing.T) {
	tests := []struct {
		src  string
		want []tok
	}{
		{"SELECT * FROM t;", []tok{{tWord, "SELECT"}, {tStar, "*"}, {tWord, "FROM"}, {tWord, "t"}, {tSemi, ";"}}},
		{"a_1 B2 \"Quoted \"\" Name\" \"\"", []tok{{tWord, "a_1"}, {tWord, "B2"}, {tQuoted, `Quoted " Name`}, {tEmptyQuoted, `""`}}},
		{`""""`, []tok{{tQuoted, `"`}}},
		{"'it''s' '' $$a'b$$ $$$$", []tok{{tString, "it's"}, {tString, ""}, {tString, "a'b"}, {tString, ""}}},
		{"'日本語' 'a;b'", []tok{{tString, "日本語"}, {tString, "a;b"}}},
		{"1 -2 007 1.5 -2.0e3 1e10 1E+3 1. 1.e5", []tok{
			{tInteger, "1"}, {tInteger, "-2"}, {tInteger, "007"}, {tFloat, "1.5"}, {tFloat, "-2.0e3"},
			{tFloat, "1e10"}, {tFloat, "1E+3"}, {tFloat, "1."}, {tFloat, "1.e5"},
		}},
		{"NaN -NaN Infinity -infinity", []tok{{tWord, "NaN"}, {tFloat, "NaN"}, {tWord, "Infinity"}, {tFloat, "-Infinity"}}},
		{"true FALSE True", []tok{{tBoolean, "true"}, {tBoolean, "FALSE"}, {tBoolean, "True"}}},
		{"1..3 [..2] 1...3", []tok{
			{tInteger, "1"}, {tRange, ".."}, {tInteger, "3"}, {tLBracket, "["}, {tRange, ".."}, {tInteger, "2"},
			{tRBracket, "]"}, {tFloat, "1."}, {tRange, ".."}, {tInteger, "3"},
		}},
		{"12h30m 1y2mo3w4d 5ms 6us 7µs 8ns 1H -3d 1mo", []tok{
			{tDuration, "12h30m"}, {tDuration, "1y2mo3w4d"}, {tDuration, "5ms"}, {tDuration, "6us"},
			{tDuration, "7µs"}, {tDuration, "8ns"}, {tDuration, "1H"}, {tDuration, "-3d"}, {tDuration, "1mo"},
		}},
		{"P1Y2M3DT4H5M6S PT1H P2W -P1D P0001-02-03T04:05:06 P1 p1d P1DX", []tok{
			{tDuration, "P1Y2M3DT4H5M6S"}, {tDuration, "PT1H"}, {tDuration, "P2W"}, {tDuration, "-P1D"},
			{tDuration, "P0001-02-03T04:05:06"}, {tWord, "P1"}, {tWord, "p1d"}, {tWord, "P1DX"},
		}},
		{"123e4567-e89b-12d3-a456-426614174000 DEADBEEF-dead-beef-dead-beefdeadbeef", []tok{
			{tUUID, "123e4567-e89b-12d3-a456-426614174000"}, {tUUID, "DEADBEEF-dead-beef-dead-beefdeadbeef"},
		}},
		{"0xcafe 0X00 0x", []tok{{tHex, "0xcafe"}, {tHex, "0X00"}, {tHex, "0x"}}},
		{"= < <= > >= != + - += -= * / % ? : . , ( ) [ ] { }", []tok{
			{tEq, "="}, {tLt, "<"}, {tLte, "<="}, {tGt, ">"}, {tGte, ">="}, {tNeq, "!="}, {tPlus, "+"},
			{tMinus, "-"}, {tPlusEq, "+="}, {tMinusEq, "-="}, {tStar, "*"}, {tSlash, "/"}, {tPercent, "%"},
			{tQMark, "?"}, {tColon, ":"}, {tDot, "."}, {tComma, ","}, {tLParen, "("}, {tRParen, ")"},
			{tLBracket, "["}, {tRBracket, "]"}, {tLBrace, "{"}, {tRBrace, "}"},
		}},
		{"map<text,frozen<list<int>>>", []tok{
			{tWord, "map"}, {tLt, "<"}, {tWord, "text"}, {tComma, ","}, {tWord, "frozen"}, {tLt, "<"},
			{tWord, "list"}, {tLt, "<"}, {tWord, "int"}, {tGt, ">"}, {tGt, ">"}, {tGt, ">"},
		}},
		{"a -- comment ; 'x\n// another\nb /* multi\nline */ c", []tok{{tWord, "a"}, {tWord, "b"}, {tWord, "c"}}},
		{"c-1 c - 1 c--1", []tok{{tWord, "c"}, {tInteger, "-1"}, {tWord, "c"}, {tMinus, "-"}, {tInteger, "1"}, {tWord, "c"}}},
	}
	for _, tt := range tests {
		got, err := lexAll(tt.src)
		if err != nil {
			t.Errorf("lexing %q: unexpected error %v", tt.src, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("lexing %q mismatch (-want +got):\n%s", tt.src, diff)
		}
	}
}

func TestLexerKeywords(t *testing.T) {
	tests := []struct {
		src      string
		kw       keyword
		reserved bool
	}{
		{"select", kwSelect, true},
		{"SeLeCt", kwSelect, true},
		{"key", kwKey, false},
		{"TABLE", kwTable, true},
		{"columnfamily", kwTable, true},
		{"text", kwText, false},
		{"user", kwNone, false},
		{"writetime", kwWritetime, false},
		{"token", kwToken, true},
		{"infinity", kwInfinity, true},
		{"users", kwNone, false},
	}
	for _, tt := range tests {
		lx := newLexer(tt.src)
		got := lx.scan()
		if got.kind != tWord || got.kw != tt.kw || got.reserved != tt.reserved {
			t.Errorf("scan(%q) = kind %d kw %d reserved %v, want word kw %d reserved %v",
				tt.src, got.kind, got.kw, got.reserved, tt.kw, tt.reserved)
		}
	}
}

// TestLookupKeyword checks the lexer's keyword table against the keyword
// map, in every case, and words that are not keywords.
func TestLookupKeyword(t *testing.T) {
	for text, want := range keywords {
		for _, w := range []string{text, strings.ToUpper(text), strings.ToUpper(text[:1]) + text[1:]} {
			if got, ok := lookupKeyword(w); !ok || got != want {
				t.Errorf("lookupKeyword(%q) = %v, %v, want %v, true", w, got, ok, want)
			}
		}
	}
	for _, w := range []string{"", "a", "users", "selec", "selects", "select_", "columnfamilies2", "idx", "keyspacesx", "ÄÖ"} {
		if got, ok := lookupKeyword(w); ok {
			t.Errorf("lookupKeyword(%q) = %v, true, want not found", w, got)
		}
	}
}

func TestLexerPositions(t *testing.T) {
	src := "SELECT 'é'\n  , \"x\ny\" /* é\n */ b"
	want := []Pos{{0, 1, 0}, {7, 1, 7}, {14, 2, 2}, {16, 2, 4}, {32, 4, 4}}
	lx := newLexer(src)
	var got []Pos
	for {
		tk := lx.scan()
		if tk.kind == tEOF {
			break
		}
		if tk.kind != tWS && tk.kind != tComment {
			got = append(got, tk.pos())
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("token positions mismatch (-want +got):\n%s", diff)
	}
}
