package lessons

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func plainLines(t *testing.T, md string, width int) []string {
	t.Helper()
	out, err := Render(md, width, true)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	return lines
}

func TestRenderJoinsJapaneseLines(t *testing.T) {
	got := strings.Join(plainLines(t, "日本語の文章を\n改行して書いた場合。\nEnglish\nlines keep spaces.", 80), "\n")
	for _, want := range []string{"日本語の文章を改行して書いた場合。", "English lines keep spaces."} {
		if !strings.Contains(got, want) {
			t.Errorf("Render = %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "文章を 改行") {
		t.Errorf("Render = %q: a soft break between Japanese characters became a space", got)
	}
}

func TestRenderBlockQuoteBar(t *testing.T) {
	md := "> 日本語の引用文には Cassandra のような英単語が混ざることがあり、それでも各行に縦線が残るはずです。"
	for _, w := range LintWidths {
		for _, l := range plainLines(t, md, w) {
			if strings.TrimSpace(l) != "" && !strings.Contains(l, "│") {
				t.Errorf("Render at width %d: quoted line %q has lost its bar", w, l)
			}
		}
	}
}

func TestRenderWidthAndStyles(t *testing.T) {
	md := "# Title\n\nSome **bold** text that is long enough to wrap at forty columns, surely.\n\n```cql\nSELECT * FROM t WHERE k = 1;\n```\n"
	for _, w := range LintWidths {
		for _, l := range plainLines(t, md, w) {
			if got := ansi.StringWidth(l); got > w {
				t.Errorf("Render at width %d: line %q is %d cells", w, l, got)
			}
		}
	}
	dark, err := Render(md, 60, true)
	if err != nil {
		t.Fatal(err)
	}
	light, err := Render(md, 60, false)
	if err != nil {
		t.Fatal(err)
	}
	if dark == light {
		t.Errorf("Render(dark) == Render(light), want different styles")
	}
	again, _ := Render(md, 60, true)
	if again != dark {
		t.Errorf("a cached render differs from the first one")
	}
	if _, err := Render(md, 0, true); err == nil {
		t.Errorf("Render at width 0 succeeded, want an error")
	}
}

func TestLint(t *testing.T) {
	tests := []struct {
		name string
		md   string
		// want lists "kind@width" or "kind:line" of the issues expected.
		want []string
	}{
		{"clean", "A paragraph with `code` and **bold**.\n\n- item one\n- item two\n", nil},
		{"clean japanese", "**重要**：日本語の段落です。\n\n- **短い**: 説明がここに続きます。長くても最初の語が短ければ大丈夫です。\n", nil},
		{"number ends a paragraph", strings.Repeat("word ", 14) + "the check wants at most 90.", nil},
		{"tab in code", "```cql\n\tSELECT\t*\tFROM\tt\tWHERE\tk\t=\t1\tAND\tv\t=\t2;\n```\n", []string{"tab@40", "width@40"}},
		{"half-width katakana", strings.Repeat("ｶﾞ", 30), []string{"width@40"}},
		// Japanese text breaks anywhere, so only an unbreakable word wider
		// than the line can leave a marker behind.
		{"japanese list item", "- 日本語のリスト項目が長い場合にはどうなるのかを確認するためのリスト項目です\n", nil},
		{"japanese heading", "## 見出しが長い場合はどうなるのかを確認するための見出しです\n", nil},
		// A list item's text starts on its bullet's line, cut if need be.
		{"long word after a bullet", "- `partition_key_of_the_readings_by_day_table` は日付です。\n", nil},
		{"orphaned heading", "## `partition_key_of_the_readings_by_day_table` の見出し\n", []string{"marker@40"}},
		{"literal emphasis", "一行目です。\n**「重要」**です。\n", []string{"emphasis:2"}},
		{"emphasis in code is fine", "`**kwargs` and\n\n```\n__init__\n```\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues, err := Lint(tt.md, LintWidths...)
			if err != nil {
				t.Fatalf("Lint: %v", err)
			}
			var got []string
			for _, is := range issues {
				if is.Kind == "emphasis" {
					got = append(got, is.Kind+":"+itoa(is.Line))
				} else {
					got = append(got, is.Kind+"@"+itoa(is.Width))
				}
				for _, lang := range Langs {
					if msg := is.Message(lang); msg == "" || strings.Contains(msg, "%!") {
						t.Errorf("issue %+v message in %s = %q", is, lang, msg)
					}
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Lint(%q) = %v (%+v), want %v", tt.name, got, issues, tt.want)
			}
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestLintMessages(t *testing.T) {
	issues, err := Lint("## `partition_key_of_the_readings_by_day_table` の見出し\n", 40)
	if err != nil || len(issues) != 1 {
		t.Fatalf("Lint = %+v, %v; want one issue", issues, err)
	}
	if got, want := issues[0].Message(English), `at width 40 the marker "##" is left alone on its line, above "partition_key_of_the_readings_by_da"`; !strings.HasPrefix(got, want) {
		t.Errorf("Message(en) = %q, want prefix %q", got, want)
	}
	if got, want := issues[0].Message(Japanese), `幅 40 で表示すると、"partition_key_of_the_readings_by_da" の上に記号 "##" だけの行ができます`; !strings.HasPrefix(got, want) {
		t.Errorf("Message(ja) = %q, want prefix %q", got, want)
	}
}

func TestRenderTable(t *testing.T) {
	// Tables once came out as HTML: goldmark's table renderer had joined
	// glamour's.
	got := strings.Join(plainLines(t, "| key | value |\n|---|---|\n| 1 | one |\n", 40), "\n")
	for _, want := range []string{"key", "value", "one", "│"} {
		if !strings.Contains(got, want) {
			t.Errorf("Render(table) = %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "<t") {
		t.Errorf("Render(table) = %q, want no HTML", got)
	}
}
