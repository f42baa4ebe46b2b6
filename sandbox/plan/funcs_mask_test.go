package plan

import "testing"

func TestPartialMask(t *testing.T) {
	tests := []struct {
		in         string
		begin, end int
		padding    uint16
		inner      bool
		want       string
	}{
		{"abcdefgh", 1, 2, '*', true, "a*****gh"},
		{"abcdefgh", 1, 2, '*', false, "*bcdef**"},
		{"abcdefgh", 0, 0, '#', true, "########"},
		{"abcdefgh", 0, 0, '#', false, "abcdefgh"},
		{"abc", 10, 10, '*', true, "abc"},
		{"abc", 10, 10, '*', false, "***"},
		{"", 1, 1, '*', true, ""},
		{"データ", 1, 0, '*', true, "デ**"},
	}
	for _, tt := range tests {
		if got := partialMask(tt.in, tt.begin, tt.end, tt.padding, tt.inner); got != tt.want {
			t.Errorf("partialMask(%q, %d, %d, %q, %v) = %q, want %q", tt.in, tt.begin, tt.end, rune(tt.padding), tt.inner, got, tt.want)
		}
	}
}
