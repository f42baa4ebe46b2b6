package cells

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		want []string
	}{
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"", 10, []string{""}},
		{"a\nb", 10, []string{"a", "b"}},
		{"supercalifragilistic", 8, []string{"supercal", "ifragili", "stic"}},
		{"日本語の文章です。", 6, []string{"日本語", "の文章", "です。"}},
		{"日本語の文章です。", 7, []string{"日本語", "の文章", "です。"}},
		{"これは「重要」です", 8, []string{"これは", "「重要」", "です"}},
		{"Cassandra は全パーティションを読みます", 14, []string{"Cassandra は全", "パーティション", "を読みます"}},
		{"  leading", 10, []string{"leading"}},
		{"（注意）これは大事", 6, []string{"（注", "意）こ", "れは大", "事"}},
		{"ALLOW FILTERING, then", 16, []string{"ALLOW FILTERING,", "then"}},
		{"読んだ行 1000000", 8, []string{"読んだ行", "1000000"}},
		{"a b", 1, []string{"a", "b"}},
		{"問い合わせ node4・1 行", 18, []string{"問い合わせ node4・", "1 行"}},
		{"3 台のノード", 4, []string{"3 台", "の", "ノー", "ド"}},
		{"は（node1, node2）です", 12, []string{"は（node1,", "node2）です"}},
		{"あ[['Future', x]]", 12, []string{"あ", "[['Future',", "x]]"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.s, tt.w)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Wrap(%q, %d) differs (-want +got):\n%s", tt.s, tt.w, diff)
		}
		for _, line := range got {
			if ansi.StringWidth(line) > tt.w {
				t.Errorf("Wrap(%q, %d) has line %q wider than %d", tt.s, tt.w, line, tt.w)
			}
		}
	}
}

func TestWrapKeepsStyles(t *testing.T) {
	styled := "\x1b[1mbold words here\x1b[m"
	got := Wrap(styled, 6)
	if len(got) < 2 {
		t.Fatalf("Wrap(styled, 6) = %q, want several lines", got)
	}
	if plain := ansi.Strip(strings.Join(got, " ")); plain != "bold words here" {
		t.Errorf("Wrap(styled, 6) lost text: %q", plain)
	}
}

func TestFitAndTruncate(t *testing.T) {
	tests := []struct {
		s         string
		w         int
		wantFit   string
		wantRight string
	}{
		{"abc", 5, "abc  ", "  abc"},
		{"abcdef", 4, "abc…", "abc…"},
		{"日本語", 5, "日本…", "日本…"},
		{"日本", 5, "日本 ", " 日本"},
		{"x", 0, "", ""},
	}
	for _, tt := range tests {
		if got := Fit(tt.s, tt.w); got != tt.wantFit {
			t.Errorf("Fit(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.wantFit)
		}
		if got := FitRight(tt.s, tt.w); got != tt.wantRight {
			t.Errorf("FitRight(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.wantRight)
		}
	}
}

func TestBlock(t *testing.T) {
	got := Block([]string{"abcdef", "日本語"}, 4, 3)
	want := "abc…\n日… \n    "
	if got != want {
		t.Errorf("Block = %q, want %q", got, want)
	}
}

func TestClean(t *testing.T) {
	if got, want := Clean("a\nb\tc\x00d"), `a\nb\tcd`; got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func TestBar(t *testing.T) {
	tests := []struct {
		part, total float64
		w           int
		want        string
	}{
		{1, 2, 4, "██░░"},
		{0, 2, 4, "░░░░"},
		{1, 1000, 4, "█░░░"},
		{5, 5, 3, "███"},
		{1, 0, 3, "░░░"},
	}
	for _, tt := range tests {
		if got := ansi.Strip(Bar(tt.part, tt.total, tt.w, lipgloss.NewStyle(), lipgloss.NewStyle())); got != tt.want {
			t.Errorf("Bar(%v, %v, %d) = %q, want %q", tt.part, tt.total, tt.w, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT item_no, product FROM order_items\nWHERE order_id = 'o1001'", "SELECT item_no, product FROM order_items WHERE order_id = 'o1001'"},
		{"INSERT INTO t (k, v)\r\n  VALUES (1, 'a  b');\n", "INSERT INTO t (k, v) VALUES (1, 'a  b');"},
		{"SELECT *\n\n\tFROM t", "SELECT * FROM t"},
		{"one line", "one line"},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestElide(t *testing.T) {
	key := "lesson01.test_table/7250318944307867790/('01')/row()/keyword['author']"
	tests := []struct {
		s       string
		w, head int
		want    string
	}{
		{key, 40, 10, "lesson01.t…'01')/row()/keyword['author']"},
		{key, 200, 10, key},
		{"abcdefghij", 5, 2, "ab…ij"},
		{"abcdefghij", 5, 4, "abcd…"},
		{"日本語のキー", 7, 2, "日…キー"},
		{"abc", 1, 0, "…"},
	}
	for _, tt := range tests {
		got := Elide(tt.s, tt.w, tt.head)
		if got != tt.want {
			t.Errorf("Elide(%q, %d, %d) = %q, want %q", tt.s, tt.w, tt.head, got, tt.want)
		}
		if w := Width(got); w > tt.w {
			t.Errorf("Elide(%q, %d, %d) is %d cells wide, want at most %d", tt.s, tt.w, tt.head, w, tt.w)
		}
	}
}

func TestRange(t *testing.T) {
	tests := []struct {
		offset, height, total int
		want                  string
	}{
		{0, 10, 5, ""},
		{0, 10, 10, ""},
		{0, 10, 25, "1-10/25"},
		{20, 10, 25, "21-25/25"},
	}
	for _, tt := range tests {
		if got := Range(tt.offset, tt.height, tt.total); got != tt.want {
			t.Errorf("Range(%d, %d, %d) = %q, want %q", tt.offset, tt.height, tt.total, got, tt.want)
		}
	}
}
