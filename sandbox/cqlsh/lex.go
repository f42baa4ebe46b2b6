package cqlsh

import (
	"strings"
	"unicode/utf8"

	"github.com/learnkv/learnkv/sandbox/cql"
)

// token is one token of cqlsh's own lexer (cqlshlib's pylexotron with the
// terminals of cql3handling.py): its kind, and where its text starts and
// ends in the statement buffer.
type token struct {
	kind       tokenKind
	start, end int
}

type tokenKind int

const (
	tokEndline tokenKind = iota
	tokEndtoken
	tokWord   // identifiers, numbers and every other token cqlsh lexes
	tokString // '...' and $$...$$ (cqlsh's stringLiteral)
	tokName   // "..." (cqlsh's quotedName)
	tokUnclosedPgString
	tokUnclosed // unclosed strings, names and comments
)

// lexError is the first character cqlsh's lexer cannot match: its line and
// column, both counted from one (the column in characters).
type lexError struct {
	line, col int
}

// lex cuts src into tokens the way cqlsh's lexer does, trying its
// terminals in their order at each position (the first that matches wins)
// and skipping white space and comments. It stops at the first character
// no terminal matches and reports where it is.
func lex(src string) ([]token, *lexError) {
	var toks []token
	for i := 0; i < len(src); {
		end, kind, skip := matchTerminal(src, i)
		if end <= i {
			line := strings.Count(src[:i], "\n") + 1
			col := utf8.RuneCountInString(src[strings.LastIndexByte(src[:i], '\n')+1:i]) + 1
			return toks, &lexError{line: line, col: col}
		}
		if !skip {
			toks = append(toks, token{kind: kind, start: i, end: end})
		}
		i = end
	}
	return toks, nil
}

// matchTerminal returns the end of the terminal that matches at i (i when
// none does), its kind, and whether it is white space or a comment.
func matchTerminal(src string, i int) (end int, kind tokenKind, skip bool) {
	c := src[i]
	rest := src[i:]
	switch {
	case c == '\n':
		return i + 1, tokEndline, false
	case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		j := i
		for j < len(src) && strings.IndexByte(" \t\r\f\v", src[j]) >= 0 {
			j++
		}
		return j, 0, true
	case strings.HasPrefix(rest, "--") || strings.HasPrefix(rest, "//"):
		// The comment takes its line break with it.
		j := strings.IndexAny(rest, "\n\r")
		if j < 0 {
			return len(src), 0, true
		}
		return i + j + 1, 0, true
	case strings.HasPrefix(rest, "/*"):
		if j := strings.Index(rest[2:], "*/"); j >= 0 {
			return i + 2 + j + 2, 0, true
		}
		return len(src), tokUnclosed, false
	case c == '\'' || c == '"':
		if j := closedQuote(rest, c); j > 0 && c == '"' {
			return i + j, tokName, false
		} else if j > 0 {
			return i + j, tokString, false
		}
		return len(src), tokUnclosed, false
	case strings.HasPrefix(rest, "$$"):
		if j := strings.Index(rest[2:], "$$"); j >= 0 {
			return i + 2 + j + 2, tokString, false
		}
		return len(src), tokUnclosedPgString, false
	case c == ';':
		return i + 1, tokEndtoken, false
	}
	// float, uuid, blobLiteral, wholenumber and identifier, in this order.
	if j := floatEnd(rest); j > 0 {
		return i + j, tokWord, false
	}
	if isUUID(rest) {
		return i + 36, tokWord, false
	}
	if len(rest) > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') && isHexDigit(rest[2]) {
		j := i + 2
		for j < len(src) && isHexDigit(src[j]) {
			j++
		}
		return j, tokWord, false
	}
	if isDigit(c) {
		j := i
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		return j, tokWord, false
	}
	if r, size := utf8.DecodeRuneInString(rest); isLetter(r) {
		j := i + size
		for j < len(src) {
			r, size := utf8.DecodeRuneInString(src[j:])
			if !isLetter(r) && !isDigit(src[j]) && r != '_' {
				break
			}
			j += size
		}
		return j, tokWord, false
	}
	switch {
	case strings.IndexByte(":*-+=%/,().[]{}?", c) >= 0:
		return i + 1, tokWord, false
	case c == '<' || c == '>' || c == '!':
		if strings.HasPrefix(rest[1:], "=") {
			return i + 2, tokWord, false
		}
		return i + 1, tokWord, false
	}
	return i, 0, false
}

// closedQuote returns the length of the quoted string or name at the start
// of s (quote doubled inside), or 0 when it is not closed. Like the
// regular expression cqlsh uses, an unclosed string that contains a doubled
// quote ends at the first quote of the last one.
func closedQuote(s string, q byte) int {
	lastPair := -1
	for j := 1; j < len(s); j++ {
		if s[j] != q {
			continue
		}
		if j+1 < len(s) && s[j+1] == q {
			lastPair = j
			j++
			continue
		}
		return j + 1
	}
	if lastPair >= 0 {
		return lastPair + 1
	}
	return 0
}

// floatEnd returns the length of cqlsh's float (-?[0-9]+\.[0-9]+) at the
// start of s, or 0.
func floatEnd(s string) int {
	j := 0
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k == j || k >= len(s) || s[k] != '.' {
		return 0
	}
	m := k + 1
	for m < len(s) && isDigit(s[m]) {
		m++
	}
	if m == k+1 {
		return 0
	}
	return m
}

// isUUID reports whether s starts with a uuid (8-4-4-4-12 hex digits).
func isUUID(s string) bool {
	if len(s) < 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if s[i] != '-' {
				return false
			}
		} else if !isHexDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isLetter reports whether r matches [a-z] in Python's case-insensitive
// Unicode matching: ASCII letters, and the four letters whose case folds
// onto one (dotless i, dotted capital I, long s, Kelvin sign).
func isLetter(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r == 'ı', r == 'İ', r == 'ſ', r == 'K':
		return true
	}
	return false
}

// newlineCommands are the commands whose statements end at the end of
// their line (cqlshhandling.py's my_commands_ending_with_newline); the
// sandbox's own commands (cql.ShellCommands) do too.
var newlineCommands = map[string]bool{
	"help": true, "?": true, "consistency": true, "serial": true, "describe": true, "desc": true,
	"show": true, "source": true, "capture": true, "login": true, "debug": true, "tracing": true,
	"expand": true, "paging": true, "exit": true, "quit": true, "clear": true, "cls": true, "history": true,
}

func endsWithNewline(word string) bool {
	return newlineCommands[strings.ToLower(word)] || cql.ShellCommands[strings.ToUpper(word)]
}

// statement is one statement as cqlsh splits a buffer: its tokens, the
// last of which is its terminator when it has one.
type statement []token

// splitStatements splits a buffer's tokens into statements as cqlsh's
// cql_split_statements does: line breaks end the commands of
// endsWithNewline and are dropped elsewhere; semicolons end statements,
// except inside BEGIN ... APPLY BATCH. escaped reports that the buffer ends
// inside a batch or a $$ string, so that more lines are needed.
func splitStatements(src string, toks []token) (stmts []statement, escaped bool) {
	// cql_massage_tokens.
	var massaged []token
	termOnNewline := false
	var cur int
	for _, t := range toks {
		if t.kind == tokEndline {
			if !termOnNewline {
				continue
			}
			t.kind = tokEndtoken
		}
		massaged = append(massaged, t)
		cur++
		if t.kind == tokEndtoken {
			termOnNewline = false
			cur = 0
		} else if cur == 1 {
			termOnNewline = endsWithNewline(src[t.start:t.end])
		}
	}
	// util.split_list and the batch rule.
	var parts []statement
	part := statement{}
	for _, t := range massaged {
		part = append(part, t)
		if t.kind == tokEndtoken {
			parts = append(parts, part)
			part = statement{}
		}
	}
	parts = append(parts, part)
	inBatch := false
	pgStrings := 0
	for _, t := range toks {
		if t.kind == tokUnclosedPgString {
			pgStrings++
		}
	}
	text := func(t token) string { return src[t.start:t.end] }
	for _, p := range parts {
		if inBatch {
			stmts[len(stmts)-1] = append(stmts[len(stmts)-1], p...)
		} else {
			stmts = append(stmts, p)
		}
		if len(p) > 2 {
			if strings.EqualFold(text(p[len(p)-3]), "APPLY") {
				inBatch = false
			} else if strings.EqualFold(text(p[0]), "BEGIN") {
				inBatch = true
			}
		}
	}
	for len(stmts) > 0 && len(stmts[len(stmts)-1]) == 0 {
		stmts = stmts[:len(stmts)-1]
	}
	return stmts, inBatch || pgStrings == 1
}

// complete reports whether a buffer's statements can run: the last one
// ends with its terminator and the buffer does not end inside a batch or
// a $$ string.
func complete(stmts []statement, escaped bool) bool {
	if escaped || len(stmts) == 0 {
		return !escaped
	}
	last := stmts[len(stmts)-1]
	return last[len(last)-1].kind == tokEndtoken
}

// origText is the statement's text as cqlsh sends it: from its first
// token through its terminator.
func (st statement) origText(src string) string {
	return src[st[0].start:st[len(st)-1].end]
}
