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
