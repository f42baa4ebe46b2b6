package i18n

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mattn/go-runewidth"

	"github.com/learnkv/learnkv/lessons"
)

// verbRE matches a fmt verb with its flags, argument index, width and
// precision.
var verbRE = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z%]`)

// verbs returns the verbs of a format, without widths and flags (a
// translation may pad differently), but with argument indexes.
func verbs(format string) []string {
	var out []string
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		v := m[0]
		out = append(out, m[1]+v[len(v)-1:])
	}
	return out
}

func TestEveryStringHasBothLanguages(t *testing.T) {
	for id := ID(0); id < numIDs; id++ {
		en, ja := Texts(id)
		if strings.TrimSpace(en) == "" {
			t.Errorf("Texts(%d) English = %q, want a text", id, en)
		}
		if strings.TrimSpace(ja) == "" {
			t.Errorf("Texts(%d) Japanese = %q (English %q), want a text", id, ja, en)
		}
	}
}

func TestTranslationsUseTheSameVerbs(t *testing.T) {
	for id := ID(0); id < numIDs; id++ {
		en, ja := Texts(id)
		if diff := cmp.Diff(verbs(en), verbs(ja)); diff != "" {
			t.Errorf("verbs of %q and %q differ (-en +ja):\n%s", en, ja, diff)
		}
	}
}

func TestJapaneseAvoidsHalfWidthKatakana(t *testing.T) {
	for id := ID(0); id < numIDs; id++ {
		_, ja := Texts(id)
		for _, r := range ja {
			if r >= 0xFF61 && r <= 0xFF9F {
				t.Errorf("Japanese text %q has half-width katakana %q", ja, r)
			}
		}
	}
}

func TestStringsHaveNoAmbiguousWidthSymbolsButTheUsualOnes(t *testing.T) {
	// Arrows and the ellipsis are drawn narrow by every terminal in
	// its default settings; other ambiguous symbols are not used.
	allowed := "…←→↑↓"
	for id := ID(0); id < numIDs; id++ {
		en, ja := Texts(id)
		for _, s := range []string{en, ja} {
			for _, r := range s {
				if runewidth.IsAmbiguousWidth(r) && !strings.ContainsRune(allowed, r) {
					t.Errorf("text %q has the ambiguous-width symbol %q", s, r)
				}
			}
		}
	}
}

func TestLookups(t *testing.T) {
	tests := []struct {
		lang lessons.Lang
		id   ID
		args []any
		want string
	}{
		{lessons.English, TabResults, nil, "Results"},
		{lessons.Japanese, TabResults, nil, "結果"},
		{lessons.English, ResultsRowCount, []any{3}, "(3 rows)"},
		{lessons.Japanese, ResultsRowCount, []any{3}, "（3 行）"},
		{"fr", TabTrace, nil, "Trace"},
		{lessons.English, ID(-1), nil, "!(i18n -1)"},
		{lessons.English, numIDs, nil, fmt.Sprintf("!(i18n %d)", int(numIDs))},
	}
	for _, tt := range tests {
		got := F(tt.lang, tt.id, tt.args...)
		if got != tt.want {
			t.Errorf("F(%q, %d, %v) = %q, want %q", tt.lang, tt.id, tt.args, got, tt.want)
		}
	}
	if got := Other(lessons.English); got != lessons.Japanese {
		t.Errorf("Other(en) = %q, want ja", got)
	}
	if got := Other(lessons.Japanese); got != lessons.English {
		t.Errorf("Other(ja) = %q, want en", got)
	}
	if got := Name(lessons.Japanese); got != "JA" {
		t.Errorf("Name(ja) = %q, want JA", got)
	}
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"%d rows", []string{"d"}},
		{"~%.2f ms, %5.1f%%", []string{"f", "f", "%"}},
		{"%[2]s then %[1]d", []string{"[2]s", "[1]d"}},
		{"none", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, verbs(tt.format)); diff != "" {
			t.Errorf("verbs(%q) differs (-want +got):\n%s", tt.format, diff)
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		format string
		args   []any
		want   string
	}{
		{"%d row{s}", []any{1}, "1 row"},
		{"%d row{s}", []any{2}, "2 rows"},
		{"%d row{s}", []any{0}, "0 rows"},
		{"%d row{s} in %d partition{s}", []any{1, 3}, "1 row in 3 partitions"},
		{"%d row{s} in %d partition{s}", []any{3, 1}, "3 rows in 1 partition"},
		{"only %d {is|are} up", []any{1}, "only 1 is up"},
		{"only %d {is|are} up", []any{2}, "only 2 are up"},
		{"%s needs %d replica{s}", []any{"QUORUM", 1}, "QUORUM needs 1 replica"},
		{"%.1f%% of %d node{s}", []any{2.5, 1}, "2.5% of 1 node"},
		{"%[2]d node{s}, %[1]d row{s}", []any{2, 1}, "1 node, 2 rows"},
		{"%d row{s}", []any{int64(1)}, "1 row"},
		{"no verb{s}", nil, "no verbs"},
		{"%d unclosed {s", []any{1}, "1 unclosed {s"},
	}
	for _, tt := range tests {
		if got := format(tt.format, tt.args); got != tt.want {
			t.Errorf("format(%q, %v) = %q, want %q", tt.format, tt.args, got, tt.want)
		}
	}
}

func TestJoinSetsNoSpaceNextToFullWidthBrackets(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"Table", "(here)", "Table (here)"},
		{"テーブル", "（表示中）", "テーブル（表示中）"},
		{"キー：読取 3、書込 0", "（先頭 500 件を表示）", "キー：読取 3、書込 0（先頭 500 件を表示）"},
		{"", "x", "x"},
		{"(last of 3)", "SELECT 1", "(last of 3) SELECT 1"},
		{"（3 文の最後）", "SELECT 1", "（3 文の最後）SELECT 1"},
	}
	for _, tt := range tests {
		if got := Join(tt.a, tt.b); got != tt.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNotes(t *testing.T) {
	tests := []struct {
		lang lessons.Lang
		id   string
		args []any
		want string
		ok   bool
	}{
		{lessons.English, "node.down", []any{2}, "node2 is down.", true},
		{lessons.Japanese, "node.down", []any{2}, "node2 を停止しました。", true},
		{lessons.English, "node.up.replayed", []any{2, 1}, "node2 is up. 1 hint replayed to it.", true},
		{lessons.English, "node.up.replayed", []any{2, 3}, "node2 is up. 3 hints replayed to it.", true},
		{lessons.Japanese, "switch.set", []any{"HINTED HANDOFF", "OFF"}, "ヒンテッドハンドオフ（HINTED HANDOFF）を OFF にしました。", true},
		{lessons.English, "switch.set", []any{"HINTED HANDOFF", "OFF"}, "HINTED HANDOFF set to OFF", true},
		{lessons.Japanese, "switch.is", []any{"EXPAND", "ON"}, "EXPAND は ON です。", true},
		{lessons.Japanese, "consistency.set", []any{"QUORUM"}, "一貫性レベルを QUORUM にしました。", true},
		{lessons.English, "dataset.loaded", []any{1, "users", "lesson00.users", 0.5, 2.0}, "Loaded 1 row of dataset users into lesson00.users in 0.50 s (2 rows/s).", true},
		{lessons.English, "nodes.resized", []any{1}, "The cluster now has 1 node; data moved to its new replicas.", true},
		{lessons.Japanese, "no.such.note", []any{1}, "", false},
		{lessons.Japanese, "node.down", nil, "", false},
		{lessons.Japanese, "node.down", []any{"two"}, "", false},
	}
	for _, tt := range tests {
		got, ok := Note(tt.lang, tt.id, tt.args)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Note(%q, %q, %v) = %q, %v, want %q, %v", tt.lang, tt.id, tt.args, got, ok, tt.want, tt.ok)
		}
	}
}
