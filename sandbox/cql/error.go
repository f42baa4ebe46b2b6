package cql

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Error is a CQL syntax error. Its text follows Cassandra's
// SyntaxException messages as cqlsh shows them: "line 1:7 no viable
// alternative at input 'FROM' (SELECT [FROM]...)". Line is 1-based and Col
// 0-based in characters.
type Error struct {
	Pos Pos
	Msg string
	// NoPos is set for the messages that Cassandra's parser raises without
	// a position ("Only expressions of the form X = <value> + X are
	// supported.") and for cqlsh command errors; Error then returns Msg
	// alone. Pos still tells where the parser was.
	NoPos bool
}

// Error returns the message as Cassandra words it.
func (e *Error) Error() string {
	if e.NoPos {
		return e.Msg
	}
	return fmt.Sprintf("line %d:%d %s", e.Pos.Line, e.Pos.Col, e.Msg)
}

// tokenDisplay renders a token as ANTLR does in error messages: its text
// in single quotes, with control characters escaped.
func tokenDisplay(src string, t *token) string {
	if t.kind == tEOF {
		return "'<EOF>'"
	}
	text := tokenValue(src, t)
	if strings.ContainsAny(text, "\n\r\t") {
		text = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(text)
	}
	return "'" + text + "'"
}

// Cassandra's ErrorCollector shows the ten tokens (white space included)
// before the offending one.
const snippetTokensBefore = 10

// snippet returns the " (... [offending]...)" suffix that Cassandra's
// ErrorCollector appends to parser errors, or "" when it would append none
// (when the snippet would reach the end of the input).
//
// hiOff is the byte offset of the token to bracket, the one the parser
// stopped at; lastOff is that of the last token it looked at, where the
// snippet ends (at most two tokens, white space included, after the
// bracketed one). The two differ when ANTLR's lookahead ran past the token
// where its decision started, as for a bare identifier used as a value.
func snippet(src string, hiOff, lastOff int) string {
	type span struct{ off, end, line, col int }
	var toks []span
	hiIdx, lastIdx := -1, -1
	lx := newLexer(src)
	for lastIdx < 0 {
		t := lx.scan()
		if t.kind == tEOF {
			lastIdx = len(toks)
			break
		}
		if int(t.off) == hiOff {
			hiIdx = len(toks)
		}
		if int(t.off) == lastOff {
			lastIdx = len(toks)
		}
		toks = append(toks, span{int(t.off), int(t.end), int(t.line), int(t.col)})
	}
	toIdx := min(lastIdx, hiIdx+2)
	if hiIdx < 0 || toIdx >= len(toks) {
		return ""
	}
	hi, from, to := toks[hiIdx], toks[max(0, hiIdx-snippetTokensBefore)], toks[toIdx]
	lines := strings.Split(src, "\n")
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // as Java's String.split
	}
	if to.line > len(lines) {
		return ""
	}
	endCol := func(t span) int { return t.col + utf8.RuneCountInString(src[t.off:t.end]) }
	includeStart := from.line == 1 && from.col == 0
	includeEnd := to.line == len(lines) && endCol(to) == utf8.RuneCountInString(lines[len(lines)-1])

	// Edit the lines as ErrorCollector.appendSnippet does: cut the last
	// line after the last token, bracket the offending token, cut the first
	// line before the first token.
	edited := map[int][]rune{}
	line := func(n int) []rune {
		if l, ok := edited[n]; ok {
			return l
		}
		return []rune(lines[n-1])
	}
	l := line(to.line)
	edited[to.line] = l[:min(endCol(to), len(l))]
	l = line(hi.line)
	start, end := min(hi.col, len(l)), min(endCol(hi), len(l))
	edited[hi.line] = slices.Concat(l[:start], []rune{'['}, l[start:end], []rune{']'}, l[end:])
	l = line(from.line)
	edited[from.line] = l[min(from.col, len(l)):]

	var b strings.Builder
	b.WriteString(" (")
	if !includeStart {
		b.WriteString("...")
	}
	for n := from.line; n <= to.line; n++ {
		b.WriteString(string(line(n)))
	}
	if !includeEnd {
		b.WriteString("...")
	}
	b.WriteByte(')')
	return b.String()
}
