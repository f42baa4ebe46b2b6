// Package cells fits text to terminal cells. Every width here is measured
// in cells (lipgloss.Width: grapheme clusters, East Asian wide characters
// count 2, ambiguous ones 1), never in bytes or runes, so Japanese text
// lines up with English.
package cells

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Width returns the width of s in cells (the widest line of s).
func Width(s string) int { return lipgloss.Width(s) }

// Truncate shortens s to at most w cells, ending it with "…" when it had
// to cut. Styles in s are kept.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Fit truncates s to w cells and pads it with spaces to exactly w cells.
func Fit(s string, w int) string {
	s = Truncate(s, w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// FitRight truncates s to w cells and pads it on the left to exactly w.
func FitRight(s string, w int) string {
	s = Truncate(s, w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s = strings.Repeat(" ", pad) + s
	}
	return s
}

// Cut returns the cells of s from column left (inclusive) to right
// (exclusive); a wide character split by either edge is dropped.
func Cut(s string, left, right int) string {
	if left <= 0 {
		return ansi.Truncate(s, right, "")
	}
	return ansi.Cut(s, left, right)
}

// Block returns exactly h lines of exactly w cells each: lines are cut or
// padded, missing lines are blank.
func Block(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		b.WriteString(Fit(line, w))
	}
	return b.String()
}

// Lines splits s into lines.
func Lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Spaces returns n spaces (none for n <= 0).
func Spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// Bar draws a horizontal bar of w cells, filled to the share part/total
// with filled and the rest with empty (both one cell wide).
func Bar(part, total float64, w int, filled, empty lipgloss.Style) string {
	if w <= 0 {
		return ""
	}
	n := 0
	if total > 0 {
		n = int(part/total*float64(w) + 0.5)
	}
	n = min(max(n, 0), w)
	if part > 0 && total > 0 && n == 0 {
		n = 1
	}
	return filled.Render(strings.Repeat("█", n)) + empty.Render(strings.Repeat("░", w-n))
}

// Clean makes a value printable on one line: line breaks and tabs are
// shown as \n and \t, other control characters are dropped.
func Clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// OneLine puts a statement typed over several lines on one line, for a
// header: each line break, with the indentation around it, becomes one
// space (spaces inside a line, as in a string literal, are kept), then
// the text is cleaned as Clean does.
func OneLine(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\t", " ")
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return Clean(strings.Join(parts, " "))
}

// Elide shortens s to at most w cells by cutting out its middle: the
// first head cells, "…", then as much of the end as fits. It keeps the
// end of a value whose start is shared with its neighbours (a storage
// key's table and token), where Truncate would keep only the shared part.
// A head of w-1 or more cuts the end, as Truncate does.
func Elide(s string, w, head int) string {
	total := ansi.StringWidth(s)
	if total <= w {
		return s
	}
	if w <= 1 || head >= w-1 {
		return Truncate(s, w)
	}
	head = max(head, 0)
	tail := w - head - 1
	return Cut(s, 0, head) + "…" + ansi.Cut(s, total-tail, total)
}

// Range describes which lines of a scrolling pane are on screen, from
// offset (counted from 0), height lines high, of total: "12-30/85", or ""
// when they all fit.
func Range(offset, height, total int) string {
	if total <= height {
		return ""
	}
	return fmt.Sprintf("%d-%d/%d", offset+1, min(offset+height, total), total)
}
