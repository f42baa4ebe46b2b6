package value

import "testing"

func TestDisplayWidth(t *testing.T) {
	text := &Type{Kind: KindText}
	setText := &Type{Kind: KindSet, Elems: []*Type{text}, Frozen: true}
	listOfSets := &Type{Kind: KindList, Elems: []*Type{setText}}
	mapTextInt := &Type{Kind: KindMap, Elems: []*Type{text, {Kind: KindInt}}}
	tests := []struct {
		name string
		t    *Type
		v    any
		want int
	}{
		{"null", text, nil, 4},
		{"text", text, "abc", 3},
		{"japanese text", text, "日本", 4},
		{"list of sets", listOfSets, []any{[]any{"a", "z"}, []any{"b"}}, 2*2 + (2*2 + 3 + 3) + (2*1 + 3)},
		// An empty nested set counts 0 cells, though "{}" prints 2.
		{"empty nested set", listOfSets, []any{[]any{"a", "z"}, []any{}}, 14},
		{"map", mapTextInt, []MapEntry{{Key: "k", Value: int32(10)}}, 4 + 3 + 2},
	}
	for _, tt := range tests {
		if got := DisplayWidth(tt.t, tt.v); got != tt.want {
			t.Errorf("%s: DisplayWidth(%s) = %d, want %d (printed %q)", tt.name, tt.t, got, tt.want, Format(tt.t, tt.v))
		}
	}
}
