package lessons

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// codeMargin is how many cells glamour puts before and around a code
// block's text: the document margin and the block's indent on the left,
// the margin on the right.
const codeMargin = 6

// wrapCodeBlocks breaks the lines of fenced code blocks that would not fit
// in width cells, at a space, and indents the continuation two more
// spaces than the line it continues. glamour would wrap them itself, but
// at the block's margin, so a wrapped CQL statement lost its shape; CQL
// does not care where a statement breaks, so the wrapped text stays valid
// to read and type. Lines without a space to break at are left to glamour.
func wrapCodeBlocks(md string, width int) string {
	avail := width - codeMargin
	if avail < 12 || !strings.Contains(md, "```") && !strings.Contains(md, "~~~") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	fence, fenceIndent := "", ""
	for _, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(trimmed)]
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence, fenceIndent = trimmed[:3], indent
		case fence != "" && strings.HasPrefix(trimmed, fence) && strings.TrimSpace(trimmed[3:]) == "":
			fence = ""
		case fence != "":
			out = append(out, wrapCodeLine(line, fenceIndent, avail)...)
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// wrapCodeLine wraps one code line; blockIndent is the indent of its
// fence, which is not part of the code.
func wrapCodeLine(line, blockIndent string, avail int) []string {
	if !strings.HasPrefix(line, blockIndent) {
		return []string{line}
	}
	code := line[len(blockIndent):]
	if ansi.StringWidth(code) <= avail {
		return []string{line}
	}
	body := strings.TrimLeft(code, " ")
	cont := code[:len(code)-len(body)] + "  "
	var out []string
	prefix := code[:len(code)-len(body)]
	for ansi.StringWidth(prefix+body) > avail {
		cut := breakAt(body, avail-ansi.StringWidth(prefix))
		if cut <= 0 {
			break
		}
		out = append(out, blockIndent+prefix+strings.TrimRight(body[:cut], " "))
		body = strings.TrimLeft(body[cut:], " ")
		prefix = cont
	}
	return append(out, blockIndent+prefix+body)
}

// breakAt returns the byte offset of the last space in s at which the text
// before it fits in w cells, or 0 when there is none. It does not break
// inside a quoted string.
func breakAt(s string, w int) int {
	best, cells := 0, 0
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote == 0 && (r == '\'' || r == '"'):
			quote = r
		case quote == 0 && r == ' ' && cells <= w && i > 0:
			best = i
		}
		cells += ansi.StringWidth(string(r))
		if cells > w && best > 0 {
			return best
		}
	}
	return best
}
