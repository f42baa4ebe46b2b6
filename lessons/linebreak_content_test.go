package lessons

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/learnkv/learnkv/content"
)

func loadContent(t testing.TB) *Pack {
	t.Helper()
	pack, err := LoadPack(content.FS)
	if err != nil {
		t.Fatalf("LoadPack(content): %v", err)
	}
	if len(pack.Lessons(Japanese)) == 0 {
		t.Skip("content holds no lessons")
	}
	return pack
}

// lessonTexts returns the Markdown texts of a lesson that the lesson pane
// renders.
func lessonTexts(l *Lesson) []string {
	var texts []string
	for _, it := range l.Items {
		texts = append(texts, it.Body)
		if ex := it.Exercise; ex != nil {
			texts = append(texts, ex.Task, ex.Why)
			texts = append(texts, ex.Hints...)
		}
	}
	return texts
}

// fencedCodeRE matches a fenced code block, which is not wrapped.
var fencedCodeRE = regexp.MustCompile("(?ms)^```.*?^```[ \t]*$")

// listMarkerRE matches the list bullet or number, or the heading marker,
// that opens a rendered line.
var listMarkerRE = regexp.MustCompile(`^(?:• |[0-9]+\.\x{a0}?|#{1,6} )`)

// layoutProblems checks rendered lines (escape sequences stripped) of text
// without code blocks rendered at width: a line wider than the width, a
// line that starts with a character that may not start one or ends with
// one that may not end one, and a line broken early: the first unbreakable
// piece of the next line of the same block would have fitted on it.
func layoutProblems(lines []string, width int) []string {
	var problems []string
	// glamour's right margin is two cells: text ends at width-2.
	right := width - 2
	// inCode tells whether the line starts inside inline code, which
	// glamour pads with non-breaking spaces.
	inCode := false
	for i, line := range lines {
		line = strings.TrimRight(line, " ")
		if w := ansi.StringWidth(line); w > width {
			problems = append(problems, "too wide: "+line)
		}
		text := strings.TrimLeft(line, " │")
		if text == "" {
			inCode = false
			continue
		}
		startsInCode := inCode
		if strings.Count(text, "\u00a0")%2 == 1 {
			inCode = !inCode
		}
		marker := listMarkerRE.FindString(text)
		body := strings.TrimPrefix(text, marker)
		if r := []rune(body); !startsInCode && len(r) > 0 && strings.ContainsRune(noBreakBefore, r[0]) {
			problems = append(problems, "starts with "+string(r[0])+": "+line)
		}
		if r := []rune(text); !inCode && strings.ContainsRune(noBreakAfter, r[len(r)-1]) {
			problems = append(problems, "ends with "+string(r[len(r)-1])+": "+line)
		}
		if i == 0 || marker != "" {
			continue
		}
		prev := strings.TrimRight(lines[i-1], " ")
		if strings.TrimLeft(prev, " │") == "" {
			continue
		}
		sep := 0
		if last, first := []rune(prev), []rune(body); !isWide(last[len(last)-1]) || !isWide(first[0]) {
			sep = 1 // there may have been a space
		}
		avail := right - ansi.StringWidth(line[:len(line)-len(body)])
		if ansi.StringWidth(prev)+sep+firstPieceWidth(body, startsInCode, avail) <= right {
			problems = append(problems, "broken early: "+prev+" / "+line)
		}
	}
	return problems
}

// firstPieceWidth returns the width of the text up to the first place a
// line may break: a space, or between two characters one of which is
// Japanese, unless kinsoku forbids it. Inline code is padded with
// non-breaking spaces; code no wider than avail is never broken, wider
// code breaks at its spaces. inCode tells whether s starts inside (wide)
// inline code.
func firstPieceWidth(s string, inCode bool, avail int) int {
	r := []rune(s)
	for i := 0; i < len(r); i++ {
		if r[i] == '\u00a0' && !inCode {
			end := slices.Index(r[i+1:], '\u00a0')
			if end >= 0 && ansi.StringWidth(string(r[i:i+end+2])) <= avail {
				i += end + 1 // glued code: skip to its end
				continue
			}
			inCode = true
		} else if r[i] == '\u00a0' {
			inCode = false
		}
		if i == 0 {
			continue
		}
		if r[i] == ' ' {
			return ansi.StringWidth(string(r[:i]))
		}
		if !inCode && (isWide(r[i-1]) || isWide(r[i])) && !strings.ContainsRune(noBreakBefore, r[i]) && !strings.ContainsRune(noBreakAfter, r[i-1]) {
			return ansi.StringWidth(string(r[:i]))
		}
	}
	return ansi.StringWidth(s)
}

func TestLayoutProblems(t *testing.T) {
	tests := []struct {
		lines []string
		want  int
	}{
		{[]string{"  あいうえおかきく", "  けこ"}, 0},
		{[]string{"  あいうえおかき", "  くけこ"}, 1},  // く fitted
		{[]string{"  あいうえおかき", "  く。けこ"}, 0}, // く。 did not
		{[]string{"  あいうえ", "  \u00a0id = 2\u00a0かき"}, 0},
		{[]string{"  あいう", "  \u00a0id = 2\u00a0かき"}, 1},
		{[]string{"  • あいうえ", "  • かき"}, 0},
		{[]string{"  。あいうえ"}, 1},
		{[]string{"  あいうえ（"}, 1},
		{[]string{"  あ\u00a0SELECT a,", "  b FROM t\u00a0を"}, 1}, // b fitted
		{[]string{"  あいうえお\u00a0SELECT", "  (a) FROM t\u00a0を"}, 0},
		{[]string{"  あいうえおかきくけこ"}, 1}, // 22 cells
	}
	for _, tt := range tests {
		if got := layoutProblems(tt.lines, 20); len(got) != tt.want {
			t.Errorf("layoutProblems(%q, 20) = %q, want %d problems", tt.lines, got, tt.want)
		}
	}
}

// byKeyTask is the task of the by-key exercise of content/ja/00-tour.md.
const byKeyTask = "テーブル `users` には 3 人のユーザーが入っています。トレースをオンにしてから、Bob のキー `id = 2` を使って彼の名前を読んでください（`name` 列だけを選択します）。トレースで、読んだパーティションの数と、そのレプリカを持つノードを確認しましょう。"

func TestRenderJapaneseGolden(t *testing.T) {
	for _, w := range []int{40, 52, 60, 80} {
		t.Run(itoa(w), func(t *testing.T) {
			lines := plainLines(t, byKeyTask, w)
			if p := layoutProblems(lines, w); len(p) > 0 {
				t.Errorf("Render(task, %d) = %q:\n%s", w, lines, strings.Join(p, "\n"))
			}
			golden.RequireEqual(t, []byte(strings.Join(lines, "\n")))
		})
	}
}

func TestRenderJapaneseContent(t *testing.T) {
	pack := loadContent(t)
	for _, l := range pack.Lessons(Japanese) {
		for _, md := range lessonTexts(l) {
			md = fencedCodeRE.ReplaceAllString(md, "")
			for _, w := range LintWidths {
				lines := plainLines(t, md, w)
				for _, p := range layoutProblems(lines, w) {
					t.Errorf("%s at width %d: %s", l.File, w, p)
				}
			}
		}
	}
}

// lessonMarkdown returns a lesson file without its front matter.
func lessonMarkdown(tb testing.TB, name string) string {
	tb.Helper()
	src, err := fs.ReadFile(content.FS, name)
	if err != nil {
		tb.Fatalf("ReadFile(%s): %v", name, err)
	}
	_, md, ok := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "\n---\n")
	if !ok {
		tb.Fatalf("%s has no front matter", name)
	}
	return md
}

func BenchmarkRenderJapaneseLesson(b *testing.B) {
	md := lessonMarkdown(b, "ja/00-tour.md")
	for _, bb := range []struct {
		name     string
		japanese bool
	}{{"glamour", false}, {"japanese", true}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := render(md, 80, true, bb.japanese); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// visibleRunes returns the characters of rendered text, sorted, without
// escape sequences, white space and the box drawing of table borders
// (breaking lines in a table cell changes the column widths and with them
// the order of the characters and the length of the borders).
func visibleRunes(s string) string {
	var rs []rune
	for _, r := range ansi.Strip(s) {
		if !unicode.IsSpace(r) && (r < 0x2500 || r > 0x257f) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(rs)
}

func FuzzRenderJapanese(f *testing.F) {
	f.Add(byKeyTask, 40)
	f.Add("- `SELECT * FROM t` は（**重要**）です。\n\n> 引用の中の `code` と「かぎ括弧」。", 30)
	f.Add("| 列 | 説明 |\n|---|---|\n| `id` | キーです |", 25)
	f.Add("見出し\n===\n\n1. あ\n   - い`-1`う", 12)
	f.Fuzz(func(t *testing.T, md string, width int) {
		// Text that is not UTF-8 upsets glamour's escape sequences by
		// itself; blocks holding it are left alone.
		if strings.ContainsAny(md, reservedRunes) || len(md) > 2000 || !utf8.ValidString(md) {
			return
		}
		width = 10 + abs(width)%110
		got, err := render(md, width, true, true)
		if err != nil {
			return
		}
		want, err := render(md, width, true, false)
		if err != nil {
			return
		}
		// Breaking lines moves text, never changes it.
		if g, w := visibleRunes(got), visibleRunes(want); g != w {
			t.Errorf("render(%q, %d) characters = %q, want %q", md, width, g, w)
		}
		if strings.ContainsAny(got, reservedRunes) {
			t.Errorf("render(%q, %d) = %q, which holds a break mark or stand-in", md, width, got)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
