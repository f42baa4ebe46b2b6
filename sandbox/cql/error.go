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
	switch {
	case t.kind == tEOF:
		return "'<EOF>'"
	case t.kind == tSemi:
		return "';'" // also the semicolon Parse supposes after src
	}
	text := src[t.off:t.end] // -NaN and -Infinity as written
	if t.kind == tString || t.kind == tQuoted {
		text = tokenValue(src, t)
	}
	if strings.ContainsAny(text, "\n\r\t") {
		text = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(text)
	}
	return "'" + text + "'"
}

// textLen returns the length in characters of the text ANTLR keeps for
// token t, which ErrorCollector uses to place its brackets: string
// literals and quoted names lose their quotes, other tokens keep the
// source text.
func textLen(src string, t *token) int {
	switch t.kind {
	case tString, tQuoted:
		return utf8.RuneCountInString(tokenValue(src, t))
	case tSemi:
		return 1
	}
	return utf8.RuneCountInString(src[t.off:t.end])
}

// Cassandra's ErrorCollector shows the ten tokens (white space included)
// before the token it brackets and at most two after it.
const (
	snippetTokensBefore = 10
	snippetTokensAfter  = 2
)

// snippet returns the " (... [token]...)" suffix that Cassandra's
// ErrorCollector appends to parser errors, or "" when it appends none.
//
// hi is the token ErrorCollector brackets: the index of ANTLR's token
// stream when the error is reported, which is the offending token for a
// mismatched token but the token where the failed decision started for a
// "no viable alternative". last is the last token the stream had fetched,
// where the snippet ends at the latest; when that is the end of input,
// which has no position in Cassandra's lexer, there is no snippet. semi
// tells that the statement is taken to end with a ';' after src.
func snippet(src string, semi bool, hi, last *token) string {
	if hi.kind == tEOF {
		return ""
	}
	text := src
	if semi {
		text += ";"
	}
	// Lex again, white space and comments included, as ANTLR's stream
	// holds them; the end of input is the last element.
	var toks []token
	hiIdx, lastIdx := -1, -1
	lx := newLexer(src)
	for {
		t := lx.scan()
		if t.kind == tEOF && semi {
			semi = false
			t.kind, t.end = tSemi, t.off
		}
		if t.off == hi.off && (t.kind == tEOF) == (hi.kind == tEOF) && (t.kind == tSemi) == (hi.kind == tSemi) {
			hiIdx = len(toks)
		}
		if t.off == last.off && (t.kind == tEOF) == (last.kind == tEOF) && (t.kind == tSemi) == (last.kind == tSemi) {
			lastIdx = len(toks)
		}
		toks = append(toks, t)
		if t.kind == tEOF {
			break
		}
	}
	if hiIdx < 0 || lastIdx < hiIdx {
		return ""
	}
	toIdx := min(lastIdx, hiIdx+snippetTokensAfter)
	hi, from, to := &toks[hiIdx], &toks[max(0, hiIdx-snippetTokensBefore)], &toks[toIdx]
	if to.kind == tEOF {
		return ""
	}
	lines := strings.Split(text, "\n")
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // as Java's String.split
	}
	if int(to.line) > len(lines) {
		return ""
	}
	endCol := func(t *token) int { return int(t.col) + textLen(src, t) }
	includeStart := from.line == 1 && from.col == 0
	includeEnd := int(to.line) == len(lines) && endCol(to) == utf8.RuneCountInString(lines[len(lines)-1])

	// Edit the lines as ErrorCollector.appendSnippet does: cut the last
	// line after the last token, bracket the offending token, cut the first
	// line before the first token.
	edited := map[int][]rune{}
	line := func(n int32) []rune {
		if l, ok := edited[int(n)]; ok {
			return l
		}
		return []rune(lines[n-1])
	}
	l := line(to.line)
	edited[int(to.line)] = l[:min(endCol(to), len(l))]
	l = line(hi.line)
	start, end := min(int(hi.col), len(l)), min(endCol(hi), len(l))
	edited[int(hi.line)] = slices.Concat(l[:start], []rune{'['}, l[start:end], []rune{']'}, l[end:])
	l = line(from.line)
	edited[int(from.line)] = l[min(int(from.col), len(l)):]

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
