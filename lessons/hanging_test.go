package lessons

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"
)

// atomicityList is the list of the atomicity step of
// content/en/08-shard-keys.md.
const atomicityList = "- writes to **one partition** in one statement or batch\n" +
	"  are applied atomically and in isolation;\n" +
	"- a lightweight transaction (`IF ...`), alone or in a\n" +
	"  batch, works only inside one partition.\n"

func TestRenderListLayout(t *testing.T) {
	const nbsp = "\u00a0"
	tests := []struct {
		name  string
		md    string
		width int
		want  []string
	}{
		{"soft breaks reflow, hanging indent", atomicityList, 40, []string{
			"  • writes to one partition in one",
			"    statement or batch are applied",
			"    atomically and in isolation;",
			"  • a lightweight transaction (" + nbsp + "IF",
			"    ..." + nbsp + "), alone or in a batch, works",
			"    only inside one partition.",
		}},
		{"wide terminal", atomicityList, 80, []string{
			"  • writes to one partition in one statement or batch are applied atomically",
			"    and in isolation;",
			"  • a lightweight transaction (" + nbsp + "IF ..." + nbsp + "), alone or in a batch, works only",
			"    inside one partition.",
		}},
		{"numbers from 9 to 11", "9. nine is short\n10. ten is long enough to wrap around\n11. `SELECT *` and **bold** words that wrap\n", 30, []string{
			"  9. nine is short",
			"  10. ten is long enough to",
			"      wrap around",
			"  11. " + nbsp + "SELECT *" + nbsp + " and bold",
			"      words that wrap",
		}},
		{"nested lists", "1. first numbered item that is long enough to wrap\n   - nested bullet that is long enough to wrap too\n     1. deep numbered item that wraps as well\n2. second\n", 40, []string{
			"  1. first numbered item that is long",
			"     enough to wrap",
			"    • nested bullet that is long",
			"      enough to wrap too",
			"      1. deep numbered item that wraps",
			"         as well",
			"",
			"  2. second",
		}},
		{"japanese, with kinsoku and joined lines", "- あいうえおかき。くけ\n- 日本語の\n  文章です。\n- English\n  words\n", 20, []string{
			"  • あいうえおか",
			"    き。くけ",
			"  • 日本語の文章で",
			"    す。",
			"  • English words",
		}},
		{"japanese numbers with code and bold", "1. `id` は**主キー**です。長い説明が続きます。\n2. `name` は列です。\n", 30, []string{
			"  1. " + nbsp + "id" + nbsp + " は主キーです。長い",
			"     説明が続きます。",
			"  2. " + nbsp + "name" + nbsp + " は列です。",
		}},
		{"japanese nested under a number", "10. 外側の項目です。\n    - 内側の項目は長いので折り返されます。\n", 24, []string{
			"  10. 外側の項目です。",
			"    • 内側の項目は長い",
			"      ので折り返されま",
			"      す。",
		}},
		{"list in a blockquote", "> - quoted item that is long enough to wrap\n>   around\n\nText.\n", 30, []string{
			"  │",
			"  │• quoted item that is",
			"  │  long enough to wrap",
			"  │  around",
			"",
			"  Text.",
		}},
		{"definition", "Term\n: the definition that is long enough to wrap\n  around the width\n", 30, []string{
			"  Term",
			"  🠶 the definition that is",
			"    long enough to wrap",
			"    around the width",
		}},
		{"task items", "- [ ] a task that is long enough to wrap around\n- [x] done\n", 30, []string{
			"  [ ] a task that is long",
			"      enough to wrap around",
			"  [✓] done",
		}},
		{"text after a code block in an item", "- item\n\n  ```\n  code\n  ```\n\n  paragraph after the code that wraps\n- two\n", 30, []string{
			"  • item",
			"    code",
			"",
			"    paragraph after the code",
			"    that wraps",
			"  • two",
		}},
		{"two paragraphs in an item", "- loose item whose first paragraph wraps\n\n  second paragraph\n\n- two\n", 30, []string{
			"  • loose item whose first",
			"    paragraph wraps",
			"",
			"    second paragraph",
			"  • two",
		}},
		{"escapes and entities stay as glamour renders them", `- AT&amp;T \\ back\*slash &lt;tag&gt; "q" 'q'` + "\n", 40, []string{
			`  • AT&T \ back*slash <tag> "q" 'q'`,
		}},
		// Too narrow for a hanging indent: glamour's layout.
		{"narrow", "- - - deep item text that wraps\n", 14, []string{
			"  •",
			"    •",
			"      • deep",
			"      item",
			"      text",
			"      that",
			"      wraps",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outerBlankTrimmed(plainLines(t, tt.md, tt.width))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Render(%q, %d) lines (-want +got):\n%s", tt.md, tt.width, diff)
			}
			checkLines(t, tt.md, tt.width)
		})
	}
}

func TestRenderListKeepsStyles(t *testing.T) {
	out, err := Render("- plain words and **bold words that wrap** then `code`\n", 30, true)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(ansi.Strip(l)) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) != 3 {
		t.Fatalf("Render = %q, want three lines", out)
	}
	for _, tt := range []struct {
		line int
		text string
		bold bool
	}{
		{0, "plain", false}, {0, "bold", true}, {1, "words", true}, {1, "then", false},
	} {
		i := strings.Index(lines[tt.line], tt.text)
		if i < 0 {
			t.Errorf("line %d = %q, want it to hold %q", tt.line, lines[tt.line], tt.text)
			continue
		}
		if got := boldAt(lines[tt.line], i); got != tt.bold {
			t.Errorf("%q on line %d %q: bold = %v, want %v", tt.text, tt.line, lines[tt.line], got, tt.bold)
		}
	}
	// The text and the inline code have the colours glamour gives them in
	// a paragraph.
	para, err := Render("plain `code`", 30, true)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	sgrBefore := func(s, text string) string {
		i := strings.Index(s, text)
		if i < 0 {
			return ""
		}
		m := sgrRE.FindAllString(s[:i], -1)
		return m[len(m)-1]
	}
	for _, text := range []string{"plain", "code"} {
		if got, want := sgrBefore(out, text), sgrBefore(para, text); got != want || got == "" {
			t.Errorf("escape sequence before %q in a list = %q, want %q as in a paragraph", text, got, want)
		}
	}
}

// itemStartRE matches the first line of a list item: indent and marker.
var itemStartRE = regexp.MustCompile(`^( *)(• |[0-9]+\. )`)

// TestRenderListContent checks every list of the lessons: the lines of an
// item after its first are indented to its text, and the item's lines are
// filled: the next line's first word would not have fitted.
func TestRenderListContent(t *testing.T) {
	pack := loadContent(t)
	for _, lang := range Langs {
		for _, l := range pack.Lessons(lang) {
			for _, md := range lessonTexts(l) {
				md = fencedCodeRE.ReplaceAllString(md, "")
				for _, w := range LintWidths {
					lines := plainLines(t, md, w)
					for _, p := range listProblems(lines, w) {
						t.Errorf("%s at width %d: %s", l.File, w, p)
					}
				}
			}
		}
	}
}

// listProblems returns the continuation lines of list items in lines
// that are not indented to their item's text, or that hold a word which
// would have fitted on the line before (English text only: Japanese is
// checked by layoutProblems).
func listProblems(lines []string, width int) []string {
	var problems []string
	indent := -1
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			indent = -1
			continue
		}
		if m := itemStartRE.FindStringSubmatch(line); m != nil {
			indent = len(m[1]) + ansi.StringWidth(m[2])
			continue
		}
		if indent < 0 {
			continue
		}
		body := strings.TrimLeft(line, " ")
		if got := len(line) - len(body); got != indent {
			problems = append(problems, "indented "+itoa(got)+", want "+itoa(indent)+": "+line)
		}
		word, _, _ := strings.Cut(body, " ")
		prev := lines[i-1]
		if !strings.ContainsFunc(prev+word, func(r rune) bool { return isWide(r) }) &&
			ansi.StringWidth(prev)+1+ansi.StringWidth(word) <= width-2 {
			problems = append(problems, "broken early: "+prev+" / "+line)
		}
	}
	return problems
}

func TestListProblems(t *testing.T) {
	tests := []struct {
		lines []string
		want  int
	}{
		{[]string{"  • one two three", "    four"}, 0},
		{[]string{"  • one two three", "  four"}, 1},
		{[]string{"  10. one two", "      three"}, 0},
		{[]string{"  10. one two", "     three"}, 1},
		{[]string{"  • one", "    two"}, 1}, // two fitted
		{[]string{"  • one", "", "  two"}, 0},
	}
	for _, tt := range tests {
		if got := listProblems(tt.lines, 20); len(got) != tt.want {
			t.Errorf("listProblems(%q, 20) = %q, want %d problems", tt.lines, got, tt.want)
		}
	}
}

func TestTrimPadding(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"text", "text"},
		{"text   ", "text"},
		{"\x1b[1mtext\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", "\x1b[1mtext\x1b[m"},
		{"a b\x1b[m \x1b[m", "a b\x1b[m"},
		{"code\u00a0", "code\u00a0"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := trimPadding(tt.line); got != tt.want {
			t.Errorf("trimPadding(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
