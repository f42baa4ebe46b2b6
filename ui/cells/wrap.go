package cells

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// noBreakBefore holds the characters a line must not start with (the
// push-out rule of Japanese line breaking, kinsoku): closing brackets,
// the comma and full stop, small kana and the long vowel mark.
const noBreakBefore = "、。，．）」』】〕〉》・：；？！ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}%"

// noBreakAfter holds the characters a line must not end with: opening
// brackets.
const noBreakAfter = "（「『【〔〈《([{"

// Wrap wraps s to lines of at most w cells. Latin text breaks at spaces;
// Japanese breaks between any two characters except before closing
// punctuation and after opening brackets; a word longer than a line is
// cut. Existing line breaks are kept. Text holding escape sequences is
// wrapped by x/ansi, which keeps the styles intact.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if strings.Contains(para, "\x1b") {
			out = append(out, strings.Split(ansi.Wrap(para, w, "-"), "\n")...)
			continue
		}
		out = append(out, wrapLine(para, w)...)
	}
	return out
}

// segment is a piece of a line that is never broken (unless it is wider
// than a line): a Latin word, one Japanese character with the punctuation
// glued to it, or a space.
type segment struct {
	text  string
	width int
	space bool
}

// segments cuts a line into segments.
func segments(s string) []segment {
	var segs []segment
	var cur strings.Builder
	curW, curWide := 0, false
	flush := func() {
		if cur.Len() > 0 {
			segs = append(segs, segment{text: cur.String(), width: curW})
			cur.Reset()
			curW, curWide = 0, false
		}
	}
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		gs := g.Str()
		gw := ansi.StringWidth(gs)
		last, _ := lastRune(cur.String())
		glued := cur.Len() > 0 && (strings.Contains(noBreakBefore, gs) || strings.ContainsRune(noBreakAfter, last))
		switch {
		case gs == " ":
			flush()
			segs = append(segs, segment{text: " ", width: 1, space: true})
			continue
		case glued:
		case gw == 2 || curWide:
			flush()
		}
		cur.WriteString(gs)
		curW += gw
		// A break may follow a wide character, not a Latin letter glued
		// to one ("（node1" must not break after the n).
		curWide = gw == 2
	}
	flush()
	return glueCounters(segs)
}

// glueCounters joins a number, the space after it and the Japanese word
// that follows ("3 行", "4 台") into one segment: a counter is not moved
// to the next line away from its number.
func glueCounters(segs []segment) []segment {
	out := segs[:0]
	for i := 0; i < len(segs); i++ {
		if i+2 < len(segs) && segs[i+1].space && endsWithDigit(segs[i].text) && startsWide(segs[i+2].text) {
			out = append(out, segment{text: segs[i].text + " " + segs[i+2].text, width: segs[i].width + 1 + segs[i+2].width})
			i += 2
			continue
		}
		out = append(out, segs[i])
	}
	return out
}

func endsWithDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

func startsWide(s string) bool {
	for _, r := range s {
		return ansi.StringWidth(string(r)) == 2
	}
	return false
}

func lastRune(s string) (rune, bool) {
	if s == "" {
		return 0, false
	}
	r := []rune(s)
	return r[len(r)-1], true
}

// wrapLine wraps one line without line breaks.
func wrapLine(s string, w int) []string {
	var out []string
	var line strings.Builder
	lineW := 0
	pendingSpace := false
	emit := func() {
		out = append(out, line.String())
		line.Reset()
		lineW, pendingSpace = 0, false
	}
	for _, sg := range segments(s) {
		if sg.space {
			if lineW > 0 {
				pendingSpace = true
			}
			continue
		}
		need := sg.width
		if pendingSpace {
			need++
		}
		if lineW > 0 && lineW+need > w {
			emit()
			need = sg.width
		}
		if sg.width > w {
			// A word wider than a line: cut it wherever it must be cut.
			if pendingSpace {
				line.WriteByte(' ')
				lineW++
			}
			for _, piece := range strings.Split(ansi.Hardwrap(sg.text, w, true), "\n") {
				if lineW > 0 && lineW+ansi.StringWidth(piece) > w {
					emit()
				}
				line.WriteString(piece)
				lineW += ansi.StringWidth(piece)
			}
			pendingSpace = false
			continue
		}
		if pendingSpace && lineW > 0 {
			line.WriteByte(' ')
			lineW++
		}
		pendingSpace = false
		line.WriteString(sg.text)
		lineW += sg.width
	}
	if lineW > 0 || len(out) == 0 {
		emit()
	}
	return out
}
