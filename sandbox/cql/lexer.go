package cql

import (
	"strings"
	"unicode/utf8"
)

// lexer splits CQL source into tokens following Cassandra's Lexer.g.
// Lexical errors do not stop it: like ANTLR it records the first one and
// carries on, and the parser reports it.
type lexer struct {
	src       string
	pos       int
	line      int
	lineStart int  // byte offset where the current line starts
	lineASCII bool // no non-ASCII byte between lineStart and pos
	err       *Error
}

func newLexer(src string) lexer {
	return lexer{src: src, line: 1, lineASCII: true}
}

// colAt returns the rune column of byte offset off on the current line.
func (lx *lexer) colAt(off int) int {
	if lx.lineASCII {
		return off - lx.lineStart
	}
	return utf8.RuneCountInString(lx.src[lx.lineStart:off])
}

// here returns the position of byte offset off on the current line.
func (lx *lexer) here(off int) Pos {
	return Pos{Offset: off, Line: lx.line, Col: lx.colAt(off)}
}

// advanceTo moves pos to end, keeping track of lines and non-ASCII text.
func (lx *lexer) advanceTo(end int) {
	for i := lx.pos; i < end; i++ {
		switch c := lx.src[i]; {
		case c == '\n':
			lx.line++
			lx.lineStart = i + 1
			lx.lineASCII = true
		case c >= utf8.RuneSelf:
			lx.lineASCII = false
		}
	}
	lx.pos = end
}

// fail records a lexical error (the first one wins).
func (lx *lexer) fail(pos Pos, msg string) {
	if lx.err == nil {
		lx.err = &Error{Pos: pos, Msg: msg}
	}
}

// scan returns the next token, hidden ones (white space, comments)
// included. At the end of the input it returns tEOF forever.
func (lx *lexer) scan() token {
	return lx.next(true)
}

// skipSpace skips white space.
func (lx *lexer) skipSpace() {
	src := lx.src
	for i := lx.pos; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\r':
		case '\n':
			lx.line++
			lx.lineStart = i + 1
			lx.lineASCII = true
		default:
			lx.pos = i
			return
		}
	}
	lx.pos = len(src)
}

// next returns the next token; white space is skipped unless hidden is
// set.
func (lx *lexer) next(hidden bool) token {
	var t token
	lx.nextInto(&t, hidden)
	return t
}

// nextInto is next storing the token in *t, which saves copying it.
func (lx *lexer) nextInto(t *token, hidden bool) {
	for {
		if !hidden {
			lx.skipSpace()
		}
		start := lx.pos
		*t = token{off: int32(start), line: int32(lx.line), col: int32(lx.colAt(start))}
		kind, end, ok := lx.scanAt(start)
		if !ok {
			continue // an illegal character was skipped
		}
		t.kind = kind
		t.end = int32(end)
		if kind == tWord {
			if info, found := lookupKeyword(lx.src[start:end]); found {
				t.kw, t.reserved = info.kw, info.reserved
			}
		}
		if kind == tEOF {
			t.off, t.end = int32(len(lx.src)), int32(len(lx.src))
			t.line, t.col = int32(lx.line), int32(lx.colAt(len(lx.src)))
		}
		return
	}
}

// tokenValue returns the value of token t of src: the unescaped content
// of strings and quoted names, the canonical text of -NaN and -Infinity,
// and the source text otherwise.
func tokenValue(src string, t *token) string {
	s := src[t.off:t.end]
	switch t.kind {
	case tString:
		if s[0] == '$' {
			return s[2 : len(s)-2]
		}
		return unquote(s, "'")
	case tQuoted:
		return unquote(s, `"`)
	case tFloat:
		if s[0] == '-' && len(s) > 1 && !isDigit(s[1]) {
			if len(s) == 4 {
				return "NaN"
			}
			return "-Infinity"
		}
	}
	return s
}

// unquote strips the quotes q around s and undoubles the inner ones.
func unquote(s, q string) string {
	s = s[1 : len(s)-1]
	if strings.Contains(s, q+q) {
		s = strings.ReplaceAll(s, q+q, q)
	}
	return s
}

// scanAt scans the token at start and advances past it. ok is false when
// the character at start is illegal and was skipped.
func (lx *lexer) scanAt(start int) (kind tokKind, end int, ok bool) {
	src := lx.src
	if start >= len(src) {
		return tEOF, start, true
	}
	c := src[start]
	next := byte(0)
	if start+1 < len(src) {
		next = src[start+1]
	}
	end = start + 1
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		for end = start; end < len(src); end++ {
			if c := src[end]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				break
			}
		}
		lx.advanceTo(end)
		return tWS, end, true
	case isHex(c) && uuidStarts(src, start):
		kind, end = tUUID, uuidEnd(src, start)
		if end < start+uuidLen {
			// ANTLR's lexer has committed to a UUID: it reports the
			// character that breaks the pattern and keeps the rest.
			lx.fail(lx.here(end), "mismatched character "+uuidBreak(src, start, end))
		}
	case isLetter(c):
		kind, end = lx.scanWord(start)
	case isDigit(c) || (c == '-' && isDigit(next)):
		kind, end = scanNumber(src, start)
	case c == '-' && next == 'P' && matchISODuration(src, start+1) > 0:
		kind, end = tDuration, start+1+matchISODuration(src, start+1)
	case c == '-' && (hasPrefixFold(src[start+1:], "nan") || hasPrefixFold(src[start+1:], "infinity")):
		kind, end = tFloat, start+4
		if !hasPrefixFold(src[start+1:], "nan") {
			end = start + 9
		}
	case c == '-' && next == '-', c == '/' && next == '/':
		// As in Lexer.g, the comment takes the line break that ends it.
		end = strings.IndexAny(src[start:], "\n\r")
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		kind = tComment
	case c == '/' && next == '*':
		i := strings.Index(src[start+2:], "*/")
		if i < 0 {
			return lx.unterminated(start, "unterminated comment")
		}
		kind, end = tComment, start+2+i+2
	case c == '\'':
		kind, end = tString, closingQuote(src, start, '\'')
		if end < 0 {
			return lx.unterminated(start, "unterminated string literal")
		}
	case c == '$' && next == '$':
		i := strings.Index(src[start+2:], "$$")
		if i < 0 {
			return lx.unterminated(start, "unterminated $$ string literal")
		}
		kind, end = tString, start+2+i+2
	case c == '"':
		if next == '"' && (start+2 >= len(src) || src[start+2] != '"') {
			kind, end = tEmptyQuoted, start+2
			break
		}
		kind, end = tQuoted, closingQuote(src, start, '"')
		if end < 0 {
			return lx.unterminated(start, "unterminated quoted identifier")
		}
	default:
		kind, end = punctuation(c, next)
		if kind == tEOF {
			lx.illegal(start)
			return tEOF, 0, false
		}
		if kind == tDot && next == '.' {
			kind, end = tRange, start+2
		} else {
			end = start + int(end)
		}
	}
	lx.advanceTo(end)
	return kind, end, true
}

// punctuation returns the operator starting with c (and maybe next) and
// its length, or tEOF when c starts no token.
func punctuation(c, next byte) (tokKind, int) {
	two := func(second byte, long, short tokKind) (tokKind, int) {
		if next == second {
			return long, 2
		}
		return short, 1
	}
	switch c {
	case ';':
		return tSemi, 1
	case ',':
		return tComma, 1
	case '.':
		return tDot, 1
	case '(':
		return tLParen, 1
	case ')':
		return tRParen, 1
	case '[':
		return tLBracket, 1
	case ']':
		return tRBracket, 1
	case '{':
		return tLBrace, 1
	case '}':
		return tRBrace, 1
	case ':':
		return tColon, 1
	case '=':
		return tEq, 1
	case '<':
		return two('=', tLte, tLt)
	case '>':
		return two('=', tGte, tGt)
	case '!':
		if next == '=' {
			return tNeq, 2
		}
	case '+':
		return two('=', tPlusEq, tPlus)
	case '-':
		return two('=', tMinusEq, tMinus)
	case '*':
		return tStar, 1
	case '/':
		return tSlash, 1
	case '%':
		return tPercent, 1
	case '?':
		return tQMark, 1
	}
	return tEOF, 0
}

// illegal records an illegal character at start and skips it.
func (lx *lexer) illegal(start int) {
	r, size := utf8.DecodeRuneInString(lx.src[start:])
	lx.fail(lx.here(start), "no viable alternative at character "+charDisplay(r))
	lx.advanceTo(start + size)
}

// unterminated records an unterminated literal or comment at start and
// consumes the rest of the input.
func (lx *lexer) unterminated(start int, msg string) (tokKind, int, bool) {
	lx.fail(lx.here(start), msg)
	lx.advanceTo(len(lx.src))
	return tEOF, len(lx.src), true
}

// scanWord scans an identifier or keyword, or an ISO 8601 duration that
// looks like one (P1D is a duration, as DURATION precedes IDENT in
// Lexer.g).
func (lx *lexer) scanWord(start int) (tokKind, int) {
	src := lx.src
	end := start + 1
	for end < len(src) && isWordChar(src[end]) {
		end++
	}
	if src[start] == 'P' {
		if n := matchISODuration(src, start); n > 0 && start+n >= end {
			return tDuration, start + n
		}
	}
	if n := end - start; n == 4 || n == 5 {
		if w := src[start:end]; strings.EqualFold(w, "true") || strings.EqualFold(w, "false") {
			return tBoolean, end
		}
	}
	return tWord, end
}

// scanNumber scans an integer, float, duration or hex literal at start
// (which is a digit or '-' followed by a digit).
func scanNumber(src string, start int) (tokKind, int) {
	i := start
	if src[i] == '-' {
		i++
	} else if src[i] == '0' && i+1 < len(src) && (src[i+1] == 'x' || src[i+1] == 'X') {
		i += 2
		for i < len(src) && isHex(src[i]) {
			i++
		}
		return tHex, i
	}
	i = skipDigits(src, i)
	if n := durationUnit(src, i); n > 0 {
		i += n
		for {
			j := skipDigits(src, i)
			if j == i {
				break
			}
			n := durationUnit(src, j)
			if n == 0 {
				break
			}
			i = j + n
		}
		return tDuration, i
	}
	kind := tInteger
	if i < len(src) && src[i] == '.' {
		if i+1 < len(src) && src[i+1] == '.' {
			// "1..2" is 1 RANGE 2, but "1...2" is FLOAT("1.") RANGE 2.
			if i+2 < len(src) && src[i+2] == '.' {
				return tFloat, i + 1
			}
			return tInteger, i
		}
		kind = tFloat
		i = skipDigits(src, i+1)
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if k := skipDigits(src, j); k > j {
			return tFloat, k
		}
	}
	return kind, i
}

// durationUnit returns the length of the duration unit at i, or 0.
func durationUnit(src string, i int) int {
	if i >= len(src) {
		return 0
	}
	next := byte(0)
	if i+1 < len(src) {
		next = lowerByte(src[i+1])
	}
	switch lowerByte(src[i]) {
	case 'y', 'w', 'd', 'h', 's':
		return 1
	case 'm':
		if next == 'o' || next == 's' {
			return 2
		}
		return 1
	case 'u', 'n':
		if next == 's' {
			return 2
		}
	case 0xC2: // µ (U+00B5) is C2 B5 in UTF-8
		if next == 0xB5 && i+2 < len(src) && lowerByte(src[i+2]) == 's' {
			return 3
		}
	}
	return 0
}

// matchISODuration returns the length of the ISO 8601 duration starting
// with 'P' at i, or 0.
func matchISODuration(src string, i int) int {
	if i >= len(src) || src[i] != 'P' {
		return 0
	}
	// Alternative format: P0001-02-03T04:05:06.
	const alt = "P####-##-##T##:##:##"
	if i+len(alt) <= len(src) {
		ok := true
		for k := 0; k < len(alt) && ok; k++ {
			c := src[i+k]
			if alt[k] == '#' {
				ok = isDigit(c)
			} else {
				ok = c == alt[k]
			}
		}
		if ok {
			return len(alt)
		}
	}
	j := i + 1
	if k := skipDigits(src, j); k > j && k < len(src) && src[k] == 'W' {
		return k + 1 - i
	}
	j, dates := designators(src, j, "YMD")
	if j < len(src) && src[j] == 'T' {
		if k, times := designators(src, j+1, "HMS"); times > 0 {
			return k - i
		}
	}
	if dates > 0 {
		return j - i
	}
	return 0
}

// designators reads DIGIT+ designator pairs at j, the designators taken in
// the order given, and returns where they end and how many there were.
func designators(src string, j int, order string) (int, int) {
	n := 0
	for {
		k := skipDigits(src, j)
		if k == j || k >= len(src) {
			return j, n
		}
		at := strings.IndexByte(order, src[k])
		if at < 0 {
			return j, n
		}
		order = order[at+1:]
		j = k + 1
		n++
	}
}

// uuidLen is the length of a UUID: 8-4-4-4-12 hex digits.
const uuidLen = 36

// isUUIDDash reports whether offset k of a UUID holds a '-'.
func isUUIDDash(k int) bool { return k == 8 || k == 13 || k == 18 || k == 23 }

// uuidStarts reports whether a UUID starts at i as far as Cassandra's
// lexer is concerned: eight hex digits and a '-', after which it takes
// nothing else for another token.
func uuidStarts(src string, i int) bool {
	if len(src)-i < 9 || src[i+8] != '-' {
		return false
	}
	for k := range 8 {
		if !isHex(src[i+k]) {
			return false
		}
	}
	return true
}

// uuidEnd returns the end of the UUID that starts at i, or the offset of
// the first character that breaks its pattern.
func uuidEnd(src string, i int) int {
	for k := range uuidLen {
		if i+k >= len(src) {
			return i + k
		}
		if c := src[i+k]; isUUIDDash(k) && c != '-' || !isUUIDDash(k) && !isHex(c) {
			return i + k
		}
	}
	return i + uuidLen
}

// uuidBreak describes, as ANTLR's lexer does, the character at end that
// breaks the UUID starting at start and what it expected instead. The end
// of src shows as ';', which is what cqlsh sends after the statement.
func uuidBreak(src string, start, end int) string {
	char := "';'"
	if end < len(src) {
		r, _ := utf8.DecodeRuneInString(src[end:])
		char = charDisplay(r)
	}
	if isUUIDDash(end - start) {
		return char + " expecting '-'"
	}
	return char + " expecting set null"
}

// closingQuote returns the offset just past the quote closing the literal
// that starts at start, or -1. Doubled quotes are escapes.
func closingQuote(src string, start int, q byte) int {
	for i := start + 1; i < len(src); i++ {
		if src[i] != q {
			continue
		}
		if i+1 < len(src) && src[i+1] == q {
			i++
			continue
		}
		return i + 1
	}
	return -1
}

func skipDigits(src string, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	return i
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isLetter(c byte) bool   { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isWordChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }
func isHex(c byte) bool      { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// charDisplay quotes a character the way ANTLR's error messages do.
func charDisplay(r rune) string {
	switch r {
	case '\n':
		return `'\n'`
	case '\r':
		return `'\r'`
	case '\t':
		return `'\t'`
	}
	return "'" + string(r) + "'"
}
