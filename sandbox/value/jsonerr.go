package value

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file imitates the errors Jackson 2.13 (Cassandra 5.0's JSON parser)
// reports for a document that is not JSON: the exception class, the
// message and the location line Jackson appends to it. The messages follow
// ReaderBasedJsonParser; the positions are those of the offending
// character, counted as Jackson counts them (1-based columns, just after
// the character read). Rare cases (invalid numbers, surrogates) get the
// nearest general message.

// jacksonSyntax describes the first syntax error of s as Jackson would,
// or returns "" when s starts with a well-formed JSON value.
func jacksonSyntax(s string) string {
	p := &jsonErrScanner{s: s}
	p.skipSpace()
	if p.i >= len(s) {
		// Databind reports the position of the token that was not read.
		return "com.fasterxml.jackson.databind.exc.MismatchedInputException: No content to map due to end-of-input\n at " + p.location(p.i-1)
	}
	p.value()
	return p.err
}

type jsonErrScanner struct {
	s   string
	i   int
	err string
}

func (p *jsonErrScanner) fail(class, msg string, at int) {
	if p.err == "" {
		p.err = "com.fasterxml.jackson.core." + class + ": " + msg + "\n at " + p.location(at)
	}
}

// location renders Jackson's JsonLocation for the position just after
// byte offset at.
func (p *jsonErrScanner) location(at int) string {
	line, col := 1, 1
	if at < 0 {
		col = 0
	}
	for _, r := range p.s[:max(0, min(at, len(p.s)))] {
		if r == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	src := p.s
	truncated := ""
	if n := utf8.RuneCountInString(src); n > 500 {
		src = string([]rune(src)[:500])
		truncated = fmt.Sprintf("[truncated %d chars]", n-500)
	}
	return fmt.Sprintf("[Source: (String)\"%s\"%s; line: %d, column: %d]", src, truncated, line, col)
}

func (p *jsonErrScanner) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// unexpected reports the character at the current position.
func (p *jsonErrScanner) unexpected(what string) {
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	p.fail("JsonParseException", fmt.Sprintf("Unexpected character (%s): %s", jacksonChar(r), what), p.i+size)
}

// jacksonChar renders a character as Jackson's _getCharDesc does.
func jacksonChar(r rune) string {
	if r < 0x20 {
		return fmt.Sprintf("(CTRL-CHAR, code %d)", r)
	}
	return fmt.Sprintf("'%c' (code %d)", r, r)
}

// eof reports the end of the document inside a structure opened at start.
func (p *jsonErrScanner) eof(kind string, start int) {
	p.fail("io.JsonEOFException", fmt.Sprintf("Unexpected end-of-input: expected close marker for %s (start marker at %s)", kind, p.location(start)), len(p.s))
}

const jsonValueExpected = "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"

func (p *jsonErrScanner) value() {
	if p.err != "" {
		return
	}
	switch c := p.s[p.i]; {
	case c == '{':
		p.object()
	case c == '[':
		p.array()
	case c == '"':
		p.str()
	case c == '-' || c >= '0' && c <= '9':
		p.number()
	case c == ']' || c == '}':
		p.unexpected("expected a value")
	default:
		p.word()
	}
}

func (p *jsonErrScanner) object() {
	start := p.i
	p.i++
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return
	}
	for p.err == "" {
		if p.i >= len(p.s) {
			p.eof("Object", start)
			return
		}
		if p.s[p.i] != '"' {
			p.unexpected("was expecting double-quote to start field name")
			return
		}
		p.str()
		p.skipSpace()
		if p.err != "" {
			return
		}
		if p.i >= len(p.s) {
			p.eof("Object", start)
			return
		}
		if p.s[p.i] != ':' {
			p.unexpected("was expecting a colon to separate field name and value")
			return
		}
		p.i++
		p.skipSpace()
		if p.i >= len(p.s) {
			p.eof("Object", start)
			return
		}
		p.value()
		if p.entryEnd("Object", start, '}') {
			return
		}
	}
}

func (p *jsonErrScanner) array() {
	start := p.i
	p.i++
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return
	}
	for p.err == "" {
		if p.i >= len(p.s) {
			p.eof("Array", start)
			return
		}
		p.value()
		if p.entryEnd("Array", start, ']') {
			return
		}
	}
}

// entryEnd reads what follows an entry of an Object or Array (kind) that
// began at start: a comma, or the closing bracket, after which (or after
// an error) it reports true.
func (p *jsonErrScanner) entryEnd(kind string, start int, closing byte) bool {
	p.skipSpace()
	if p.err != "" {
		return true
	}
	if p.i >= len(p.s) {
		p.eof(kind, start)
		return true
	}
	switch p.s[p.i] {
	case closing:
		p.i++
		return true
	case ',':
		p.i++
		p.skipSpace()
		return false
	}
	p.unexpected("was expecting comma to separate " + kind + " entries")
	return true
}

func (p *jsonErrScanner) str() {
	p.i++
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return
		case c == '\\':
			p.i++
			if p.i >= len(p.s) {
				break
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for k := 0; k < 4; k++ {
					if p.i >= len(p.s) {
						break
					}
					h := p.s[p.i]
					p.i++
					if !isHexDigit(h) {
						p.fail("JsonParseException", fmt.Sprintf("Unexpected character (%s): expected a hex-digit for character escape sequence", jacksonChar(rune(h))), p.i)
						return
					}
				}
			default:
				r, _ := utf8.DecodeRuneInString(p.s[p.i-1:])
				p.fail("JsonParseException", fmt.Sprintf("Unrecognized character escape %s", jacksonChar(r)), p.i)
				return
			}
		case c < 0x20:
			p.i++
			p.fail("JsonParseException", fmt.Sprintf("Illegal unquoted character (%s): has to be escaped using backslash to be included in string value", jacksonChar(rune(c))), p.i)
			return
		default:
			p.i++
		}
	}
	p.fail("io.JsonEOFException", "Unexpected end-of-input: was expecting closing quote for a string value", len(p.s))
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (p *jsonErrScanner) number() {
	if p.s[p.i] == '-' {
		p.i++
		if p.i >= len(p.s) || p.s[p.i] < '0' || p.s[p.i] > '9' {
			if p.i >= len(p.s) {
				p.fail("io.JsonEOFException", "Unexpected end-of-input in numeric value", len(p.s))
				return
			}
			p.unexpected("expected digit (0-9) to follow minus sign, for valid numeric value")
			return
		}
	}
	for p.i < len(p.s) && strings.IndexByte("0123456789.eE+-", p.s[p.i]) >= 0 {
		p.i++
	}
}

// word reads an unquoted token: true, false, null, or an unrecognized one.
func (p *jsonErrScanner) word() {
	start := p.i
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	if !unicode.IsLetter(r) && r != '_' && r != '$' {
		p.unexpected(jsonValueExpected)
		return
	}
	p.i += size
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '$' {
			break
		}
		p.i += size
	}
	switch tok := p.s[start:p.i]; tok {
	case "true", "false", "null":
	default:
		p.fail("JsonParseException", fmt.Sprintf("Unrecognized token '%s': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", tok), p.i)
	}
}

// tokenLocation is the location Jackson gives for the first token of s: its
// first column.
func tokenLocation(s string) string {
	p := &jsonErrScanner{s: s}
	p.skipSpace()
	return p.location(p.i)
}
