package cql

import (
	"strings"
	"unicode/utf8"
)

// ShellCommands holds the upper-cased first words of the cqlsh commands
// that end at the end of their line as well as at a semicolon. It follows
// cqlsh's commands_end_with_newline, which also lists DESCRIBE and DESC.
var ShellCommands = map[string]bool{
	"TRACING": true, "CONSISTENCY": true, "SERIAL": true, "EXPAND": true, "PAGING": true,
	"SHOW": true, "SOURCE": true, "CAPTURE": true, "HELP": true, "EXIT": true, "QUIT": true,
	"CLEAR": true, "CLS": true, "DESCRIBE": true, "DESC": true,
}

// Chunk is one statement of a script as Split cuts it.
type Chunk struct {
	// Text is the statement without its terminating semicolon, leading
	// comments and surrounding white space.
	Text string
	// Pos is where Text starts in the script.
	Pos Pos
	// Complete is false only for a last statement that lacks its
	// terminating semicolon, or that ends inside a string or comment.
	Complete bool
	// Sent is what cqlsh sends to the server: Text through its terminating
	// semicolon, with any white space before it (so that an error at the
	// semicolon has Cassandra's column). It equals Text for a statement
	// without a semicolon.
	Sent string
}

// Split cuts a script into statements the way cqlsh does: at semicolons
// outside string literals, quoted names and comments, except inside BEGIN
// BATCH ... APPLY BATCH; cqlsh commands (see ShellCommands) also end at the
// end of their line. Split never fails: malformed text ends up in a chunk
// that Parse will reject.
func Split(src string) []Chunk {
	s := splitter{src: src, line: 1}
	var chunks []Chunk
	for {
		if c, ok := s.skipBlank(); ok {
			return append(chunks, c)
		}
		if s.pos >= len(src) {
			return chunks
		}
		if c := s.statement(); c.Text != "" {
			chunks = append(chunks, c)
		}
	}
}

// IsComplete reports whether src ends with a complete statement, so that
// pressing Enter should run it rather than start a new line.
func IsComplete(src string) bool {
	chunks := Split(src)
	return len(chunks) > 0 && chunks[len(chunks)-1].Complete
}

// splitter walks a script, keeping track of lines for positions.
type splitter struct {
	src       string
	pos       int
	line      int
	lineStart int
}

// newline records the line break at offset i.
func (s *splitter) newline(i int) {
	s.line++
	s.lineStart = i + 1
}

// position returns the position of offset off on the current line.
func (s *splitter) position(off int) Pos {
	return Pos{Offset: off, Line: s.line, Col: utf8.RuneCountInString(s.src[s.lineStart:off])}
}

// skipTo moves to end, counting the line breaks on the way.
func (s *splitter) skipTo(end int) {
	for i := s.pos; i < end; i++ {
		if s.src[i] == '\n' {
			s.newline(i)
		}
	}
	s.pos = end
}

// skipBlank skips white space and comments before a statement. An
// unterminated block comment becomes an incomplete chunk (ok is true).
func (s *splitter) skipBlank() (c Chunk, ok bool) {
	src := s.src
	for s.pos < len(src) {
		switch ch := src[s.pos]; {
		case ch == '\n':
			s.newline(s.pos)
			s.pos++
		case ch == ' ' || ch == '\t' || ch == '\r':
			s.pos++
		case strings.HasPrefix(src[s.pos:], "--") || strings.HasPrefix(src[s.pos:], "//"):
			s.pos = lineEnd(src, s.pos)
		case strings.HasPrefix(src[s.pos:], "/*"):
			end := strings.Index(src[s.pos+2:], "*/")
			if end < 0 {
				c = Chunk{Text: strings.TrimRight(src[s.pos:], " \t\r\n"), Pos: s.position(s.pos)}
				s.skipTo(len(src))
				return c, true
			}
			s.skipTo(s.pos + 2 + end + 2)
		default:
			return Chunk{}, false
		}
	}
	return Chunk{}, false
}

// statement scans one statement starting at a non-blank character.
func (s *splitter) statement() Chunk {
	src := s.src
	start := s.pos
	c := Chunk{Pos: s.position(start)}
	word := src[start:wordEnd(src, start)]
	shell := isShellCommand(word)
	batch := strings.EqualFold(word, "BEGIN")
	var prev1, prev2 string // the last two tokens, "" for non-words
	end := len(src)
	finish := func(at int, complete bool) Chunk {
		c.Text = strings.TrimRight(src[start:at], " \t\r\n")
		c.Sent = c.Text
		if at < len(src) && src[at] == ';' {
			c.Sent = src[start : at+1]
		}
		c.Complete = complete
		return c
	}
	for i := start; i < len(src); {
		ch := src[i]
		var next byte
		if i+1 < len(src) {
			next = src[i+1]
		}
		switch {
		case ch == '\n':
			if shell {
				s.pos = i
				return finish(i, true)
			}
			s.newline(i)
			i++
			continue
		case ch == ' ' || ch == '\t' || ch == '\r':
			i++
			continue
		case ch == ';':
			if !batch || (strings.EqualFold(prev2, "APPLY") && strings.EqualFold(prev1, "BATCH")) {
				s.pos = i + 1
				return finish(i, true)
			}
			i++
		case ch == '\'' || ch == '"':
			j := closingQuote(src, i, ch)
			if j < 0 {
				s.skipTo(len(src))
				return finish(end, false)
			}
			s.pos = i
			s.skipTo(j)
			i = j
		case ch == '$' && next == '$':
			j := strings.Index(src[i+2:], "$$")
			if j < 0 {
				s.skipTo(len(src))
				return finish(end, false)
			}
			s.pos = i
			s.skipTo(i + 2 + j + 2)
			i = s.pos
		case (ch == '-' && next == '-') || (ch == '/' && next == '/'):
			i = lineEnd(src, i)
			continue // a comment is not a token
		case ch == '/' && next == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				s.pos = i
				s.skipTo(len(src))
				return finish(end, false)
			}
			s.pos = i
			s.skipTo(i + 2 + j + 2)
			i = s.pos
			continue
		case isWordChar(ch):
			j := wordEnd(src, i)
			prev2, prev1 = prev1, src[i:j]
			i = j
			continue
		default:
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
		}
		prev2, prev1 = prev1, ""
	}
	s.pos = len(src)
	return finish(end, shell)
}

// isShellCommand reports whether word, in any case, is in ShellCommands.
func isShellCommand(word string) bool {
	if word == "" || len(word) > 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return ShellCommands[string(buf[:len(word)])]
}

// wordEnd returns the end of the run of word characters starting at i.
func wordEnd(src string, i int) int {
	for i < len(src) && isWordChar(src[i]) {
		i++
	}
	return i
}

// lineEnd returns the offset of the line break ending the line that
// contains i, or len(src).
func lineEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}
