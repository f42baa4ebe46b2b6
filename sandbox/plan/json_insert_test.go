package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/value"
)

// TestColumnNamesOf checks the key handling of JsonUtils.handleCaseSensitivity:
// keys are lower-cased unless quoted, and a renamed key overrides the value
// already under its new name, whatever the order of the keys.
func TestColumnNamesOf(t *testing.T) {
	tests := []struct {
		doc  string
		want map[string]any
	}{
		{doc: `{"k": 1, "V": 2}`, want: map[string]any{"k": "1", "v": "2"}},
		{doc: `{"v": 1, "V": 3}`, want: map[string]any{"v": "3"}},
		{doc: `{"V": 3, "v": 1}`, want: map[string]any{"v": "3"}},
		{doc: `{"v": 1, "v": 2}`, want: map[string]any{"v": "2"}},
		{doc: `{"\"Name\"": "a", "name": "b"}`, want: map[string]any{"Name": "a", "name": "b"}},
		{doc: `{"NAME": "b", "\"name\"": "a"}`, want: map[string]any{"name": "a"}},
		{doc: `{"\"a\"\"b\"": 1}`, want: map[string]any{`a""b`: "1"}},
	}
	for _, tt := range tests {
		obj, err := value.ParseJSONObject(tt.doc)
		if err != nil {
			t.Fatalf("ParseJSONObject(%q): %v", tt.doc, err)
		}
		got := map[string]any{}
		for k, v := range columnNamesOf(obj, jsonKeyOrder(tt.doc)) {
			got[k] = stringOf(v)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("columnNamesOf(%q) mismatch (-want +got):\n%s", tt.doc, diff)
		}
	}
}

// stringOf renders a decoded JSON scalar for comparison.
func stringOf(v any) any {
	switch v := v.(type) {
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	return v
}

func TestJSONKeyOrder(t *testing.T) {
	tests := []struct {
		doc  string
		want []string
	}{
		{doc: `{"b": 1, "a": {"x": [1, 2]}, "b": 3, "c": null}`, want: []string{"b", "a", "c"}},
		{doc: `{}`, want: nil},
		{doc: `[1, 2]`, want: nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, jsonKeyOrder(tt.doc)); diff != "" {
			t.Errorf("jsonKeyOrder(%q) mismatch (-want +got):\n%s", tt.doc, diff)
		}
	}
}
