package lessons

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"
)

func TestCanBreakBetween(t *testing.T) {
	tests := []struct {
		prev, next string
		want       bool
	}{
		{"あ", "い", true},
		{"漢", "字", true},
		{"ア", "B", true},  // Japanese, then Latin
		{"b", "の", true},  // Latin, then Japanese
		{"x", "y", false}, // inside a Latin word
		{"3", "4", false},
		{"す", "。", false}, // a full stop may not start a line
		{"す", "、", false},
		{"い", "）", false},
		{"ん", "」", false},
		{"キ", "ー", false}, // long vowel mark
		{"キ", "ャ", false}, // small kana
		{"し", "ょ", false},
		{"で", "っ", false},
		{"ル", "・", false},
		{"例", "：", false},
		{"か", "？", false},
		{"だ", "！", false},
		{"は", ",", false},
		{"は", ")", false},
		{"（", "注", false}, // an opening bracket may not end a line
		{"「", "重", false},
		{"『", "本", false},
		{"【", "注", false},
		{"(", "注", false},
		{"。", "次", true},
		{"）", "を", true},
		{"」", "と", true},
	}
	for _, tt := range tests {
		prev, _ := utf8.DecodeRuneInString(tt.prev)
		next, _ := utf8.DecodeRuneInString(tt.next)
		p := breakUnit{first: prev, last: prev, wide: isWide(prev)}
		n := breakUnit{first: next, last: next, wide: isWide(next)}
		if got := canBreakBetween(p, n); got != tt.want {
			t.Errorf("canBreakBetween(%q, %q) = %v, want %v", tt.prev, tt.next, got, tt.want)
		}
	}
}

// At width 20 glamour leaves 16 cells between its margins: eight wide
// characters.
func TestRenderJapaneseLines(t *testing.T) {
	const nbsp = "\u00a0"
	tests := []struct {
		name  string
		md    string
		width int
		want  []string
	}{
		{"fills lines", "あいうえおかきくけこさしすせそたちつてと", 20,
			[]string{"  あいうえおかきく", "  けこさしすせそた", "  ちつてと"}},
		{"odd width", "あいうえおかきくけこさしすせそたちつてと", 21,
			[]string{"  あいうえおかきく", "  けこさしすせそた", "  ちつてと"}},
		{"full stop pushes a character down", "あいうえおかきく。けこ", 20,
			[]string{"  あいうえおかき", "  く。けこ"}},
		{"comma and closing bracket", "（あいうえおか）、きくけ", 20,
			[]string{"  （あいうえお", "  か）、きくけ"}},
		{"small kana", "あいうえおかきくっと", 20,
			[]string{"  あいうえおかき", "  くっと"}},
		{"long vowel mark", "あいうえおかきクーと", 20,
			[]string{"  あいうえおかき", "  クーと"}},
		{"opening bracket moves down", "あいうえおかき「くけ」", 20,
			[]string{"  あいうえおかき", "  「くけ」"}},
		{"Latin word kept whole", "あいうえおCassandraかきく", 20,
			[]string{"  あいうえお", "  Cassandraかきく"}},
		{"Latin words break at spaces", "あいうえ Apache Cassandra かきく", 20,
			[]string{"  あいうえ Apache", "  Cassandra かきく"}},
		{"inline code kept whole", "あいうえお`id = 2`かきく", 20,
			[]string{"  あいうえお", "  " + nbsp + "id = 2" + nbsp + "かきく"}},
		{"inline code with a hyphen", "あいうえおか`-40699`です", 20,
			[]string{"  あいうえおか", "  " + nbsp + "-40699" + nbsp + "です"}},
		{"full stop after inline code", "あいうえおか`users`。", 20,
			[]string{"  あいうえおか", "  " + nbsp + "users" + nbsp + "。"}},
		{"inline code too long breaks at its spaces", "表`SELECT name FROM users WHERE id = 2`を", 20,
			[]string{"  表" + nbsp + "SELECT name", "  FROM users WHERE", "  id = 2" + nbsp + "を"}},
		{"inline code too long without spaces is cut", "表`abcdefghijklmnopqrstuvwxyz`を", 20,
			[]string{"  表", "  " + nbsp + "abcdefghijklmno", "  pqrstuvwxyz" + nbsp + "を"}},
		{"bold", "あいうえお**かきくけこ**さし", 20,
			[]string{"  あいうえおかきく", "  けこさし"}},
		{"list item", "- あいうえおかきくけこさしす\n- たち", 20,
			[]string{"  • あいうえおかき", "    くけこさしす", "  • たち"}},
		{"numbered item", "1. `id`は主キーです。\n2. `name`は列です。", 20,
			[]string{"  1. " + nbsp + "id" + nbsp + "は主キー", "     です。", "  2. " + nbsp + "name" + nbsp + "は列で", "     す。"}},
		{"blockquote", "> あいうえおかきくけこさしすせ", 20,
			[]string{"  │あいうえおかき", "  │くけこさしすせ"}},
		{"heading", "## あいうえおかきくけこ", 20,
			[]string{"  ## あいうえおか", "  きくけこ"}},
		{"soft line break", "あいうえお\nかきくけこ", 20,
			[]string{"  あいうえおかきく", "  けこ"}},
		{"table", "| 列 | 説明 |\n|---|---|\n| `id` | パーティションキーです |", 30,
			[]string{"   列   │ 説明", "  ──────┼" + strings.Repeat("─", 19), "   " + nbsp + "id" + nbsp + " │ パーティション", "        │ キーです"}},
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

// outerBlankTrimmed drops blank lines at both ends.
func outerBlankTrimmed(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// checkLines renders md in both styles and checks that no line is wider
// than width (escape sequences not counted) and that no break mark or
// stand-in character is left.
func checkLines(t *testing.T, md string, width int) {
	t.Helper()
	for _, dark := range []bool{true, false} {
		out, err := Render(md, width, dark)
		if err != nil {
			t.Fatalf("Render(%q, %d): %v", md, width, err)
		}
		if strings.ContainsAny(out, reservedRunes) {
			t.Errorf("Render(%q, %d) = %q, which holds a break mark or stand-in", md, width, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("Render(%q, %d): line %q is %d cells wide", md, width, ansi.Strip(line), w)
			}
		}
	}
}

// sgrRE matches a Select Graphic Rendition escape sequence.
var sgrRE = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// boldAt reports whether the text at byte offset i of a rendered line is
// bold: the escape sequences before it set bold (1) after the last reset.
func boldAt(line string, i int) bool {
	bold := false
	for _, m := range sgrRE.FindAllStringSubmatch(line[:i], -1) {
		for _, p := range strings.Split(m[1], ";") {
			switch p {
			case "", "0", "22":
				bold = false
			case "1":
				bold = true
			}
		}
	}
	return bold
}

func TestRenderJapaneseKeepsStyles(t *testing.T) {
	out, err := Render("あいうえお**かきくけこ**さし`code`す", 20, true)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	lines := outerBlankTrimmed(strings.Split(out, "\n"))
	if len(lines) != 2 {
		t.Fatalf("Render = %q, want two lines", out)
	}
	for _, tt := range []struct {
		line int
		text string
		bold bool
	}{
		{0, "お", false}, {0, "か", true}, {0, "く", true},
		{1, "け", true}, {1, "こ", true}, {1, "さ", false},
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
	// Inline code keeps its own colours: the same escape sequences as
	// glamour gives it in English.
	en, err := Render("some `code` here", 20, true)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	codeSGR := func(s string) string {
		i := strings.Index(s, "code")
		m := sgrRE.FindAllString(s[:i], -1)
		return m[len(m)-1]
	}
	if got, want := codeSGR(lines[1]), codeSGR(en); got != want {
		t.Errorf("inline code style in Japanese = %q, want %q as in English", got, want)
	}
}

// TestRenderEnglishOnlyKeepsCodeWhole checks that in English the line
// breaker changes nothing but where lines break (the same text, the same
// words), and that inline code no longer breaks at a hyphen.
func TestRenderEnglishOnlyKeepsCodeWhole(t *testing.T) {
	squeeze := func(s string) string {
		return strings.Join(strings.FieldsFunc(ansi.Strip(s), func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }), "")
	}
	pack := loadContent(t)
	for _, l := range pack.Lessons(English) {
		for _, md := range lessonTexts(l) {
			for _, w := range LintWidths {
				got, err := render(md, w, true, true)
				if err != nil {
					t.Fatalf("render: %v", err)
				}
				want, err := render(md, w, true, false)
				if err != nil {
					t.Fatalf("render: %v", err)
				}
				if squeeze(got) != squeeze(want) {
					t.Errorf("%s at width %d: the text changed:\n%s", l.File, w, cmp.Diff(ansi.Strip(want), ansi.Strip(got)))
				}
			}
		}
	}
	out, err := Render("If you need several days, name them: `day IN ('2024-01-01', '2024-01-02')` reads two partitions.", 40, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(ansi.Strip(out), "\n") {
		if strings.HasSuffix(strings.TrimRight(line, " "), "-") {
			t.Errorf("inline code broken at a hyphen: %q", ansi.Strip(out))
		}
	}
}
