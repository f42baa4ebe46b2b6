package lessons

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// LintWidths are the terminal widths every lesson must render cleanly at.
var LintWidths = []int{40, 60, 80, 120}

// RenderIssue is a flaw in how a piece of lesson Markdown renders.
type RenderIssue struct {
	// Kind is "width" (a line wider than the terminal), "tab" (a tab
	// character, whose width the terminal decides), "marker" (a list
	// bullet or heading marker alone on its line) or "emphasis" (** or __
	// left as literal text).
	Kind string
	// Width is the render width the issue appeared at (0 for emphasis).
	Width int
	// Cells is the width of the offending line, for "width".
	Cells int
	// Text is the offending rendered line, marker or source text.
	Text string
	// Next is the rendered line after a lone marker: the text the marker
	// belongs to.
	Next string
	// Line is the line of the Markdown source, when known (emphasis).
	Line int
}

// Message describes the issue in lang.
func (i RenderIssue) Message(lang Lang) string {
	switch i.Kind {
	case "width":
		return tr(lang, "lint.width", i.Width, i.Cells, strings.TrimSpace(i.Text))
	case "tab":
		return tr(lang, "lint.tab", strings.TrimSpace(i.Text))
	case "marker":
		return tr(lang, "lint.marker", i.Width, i.Text, oneLine(i.Next, 40))
	}
	return tr(lang, "lint.emphasis", i.Text)
}

// loneMarkerRE matches a rendered line that is only a list or heading
// marker (or an orphaned CQL comment marker).
var loneMarkerRE = regexp.MustCompile(`^(?:•|[-*+]|--|//|#{1,6}|[0-9]+\.)$`)

// Lint renders markdown at each width (dark style) and reports lines
// wider than the width, measured both as Charm does (x/ansi) and as
// wcwidth terminals do (go-runewidth, ambiguous characters narrow), with
// tabs expanded; tab characters; lines that hold only a marker; and
// emphasis markers left as literal text. Each kind of issue is reported
// at the first width it appears at: one overflow and one tab per text, and
// every distinct lone marker.
func Lint(markdown string, widths ...int) ([]RenderIssue, error) {
	issues := lintEmphasis(markdown)
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	// Each kind is reported at the first width it appears at only: one tab
	// or overflow per text, every distinct lone marker.
	firstWidth := map[string]int{}
	seen := map[string]bool{}
	add := func(i RenderIssue) {
		if w, ok := firstWidth[i.Kind]; ok && (w != i.Width || i.Kind != "marker") {
			return
		}
		firstWidth[i.Kind] = i.Width
		if k := i.Kind + "\x00" + i.Text + "\x00" + i.Next; !seen[k] {
			seen[k] = true
			issues = append(issues, i)
		}
	}
	for _, w := range widths {
		out, err := Render(markdown, w, true)
		if err != nil {
			return issues, err
		}
		lines := strings.Split(out, "\n")
		for i, line := range lines {
			plain := ansi.Strip(line)
			if strings.Contains(plain, "\t") {
				add(RenderIssue{Kind: "tab", Width: w, Text: plain})
			}
			expanded := expandTabs(plain)
			if cells := max(ansi.StringWidth(expanded), cond.StringWidth(expanded)); cells > w {
				add(RenderIssue{Kind: "width", Width: w, Cells: cells, Text: plain})
			}
			// A marker alone is an orphan when its text went to the next
			// line; "90." at the end of a paragraph is just a word.
			m := strings.TrimSpace(plain)
			if !loneMarkerRE.MatchString(m) || i+1 == len(lines) {
				continue
			}
			if next := strings.TrimSpace(ansi.Strip(lines[i+1])); next != "" {
				add(RenderIssue{Kind: "marker", Width: w, Text: m, Next: next})
			}
		}
	}
	return issues, nil
}

// expandTabs replaces tabs with spaces up to the next multiple of eight.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col += ansi.StringWidth(string(r))
	}
	return b.String()
}

// lintEmphasis finds ** and __ that Markdown left as text (outside code),
// as happens next to Japanese punctuation: **「重要」**.
func lintEmphasis(markdown string) []RenderIssue {
	src := []byte(markdown)
	doc := newMarkdown(nil).Parser().Parse(text.NewReader(src))
	var issues []RenderIssue
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			v := x.Segment.Value(src)
			line := bytes.Count(src[:x.Segment.Start], []byte("\n")) + 1
			if (bytes.Contains(v, []byte("**")) || bytes.Contains(v, []byte("__"))) &&
				(len(issues) == 0 || issues[len(issues)-1].Line != line) {
				issues = append(issues, RenderIssue{Kind: "emphasis", Text: emphasisContext(src, x.Segment.Start), Line: line})
			}
		}
		return ast.WalkContinue, nil
	})
	return issues
}

// emphasisContext returns the source line around offset, shortened.
func emphasisContext(src []byte, offset int) string {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	end := bytes.IndexByte(src[offset:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += offset
	}
	return oneLine(string(src[start:end]), 60)
}
