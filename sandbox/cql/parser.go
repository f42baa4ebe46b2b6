package cql

import (
	"fmt"
	"strings"
	"sync"
)

// Parse parses exactly one CQL statement or cqlsh command, optionally
// followed by semicolons, white space and comments. Errors are *Error.
//
// Positions are relative to src. cqlsh sends a statement to Cassandra with
// its terminating semicolon, so that an error at the end of a statement is
// reported at that ';'. Parse does the same: when src does not end with a
// semicolon, it reads it as if one followed it directly.
func Parse(src string) (stmt Statement, err error) {
	p := parserPool.Get().(*parser)
	defer func() {
		if r := recover(); r != nil {
			stmt = nil
			if b, ok := r.(bailout); ok {
				err = b.err
			} else {
				err = &Error{Msg: fmt.Sprintf("internal parser error: %v", r), NoPos: true}
			}
		}
		p.release()
	}()
	p.reset(src)
	stmt = p.parseQuery()
	if p.firstErr != nil {
		return nil, p.firstErr
	}
	return stmt, nil
}

// parser is a recursive-descent parser over the tokens of one statement.
// Syntax errors abort it with a bailout panic that Parse recovers.
type parser struct {
	src  string
	toks []token
	i    int
	tok  *token // &toks[i]

	// firstErr is the first non-fatal error: a lexical error or one of the
	// messages Cassandra's parser records without stopping. firstErrOff
	// orders it against a later syntax error.
	firstErr    *Error
	firstErrOff int

	// depth counts the nested constructs being parsed (see nest).
	depth int

	// far is the index of the last token that ANTLR's token stream would
	// have fetched by now, when its lookahead has gone past the current
	// token; error snippets end there (see snippet).
	far int

	// semi is set when the last token before EOF is a semicolon that
	// src lacks, added so that errors at the end are reported as
	// Cassandra reports them for the statement cqlsh sends.
	semi bool

	// lits is a slab the literals of this parse are carved from, so that
	// a statement with many constants costs few allocations. It is never
	// reused by another parse. constants counts the tokens that may become
	// literals, to size the first slab.
	lits      []Literal
	constants int
}

// bailout carries a syntax error from the point of failure to Parse.
// A fatal one (too deep a nesting) also ends speculative parses.
type bailout struct {
	err   *Error
	fatal bool
}

var parserPool = sync.Pool{New: func() any { return new(parser) }}

func (p *parser) reset(src string) {
	p.src = src
	p.i = 0
	p.firstErr = nil
	p.firstErrOff = 0
	p.depth = 0
	p.far = 0
	p.semi = false
	p.constants = 0
	lx := newLexer(src)
	for {
		// Each token is scanned into its place at the end of p.toks.
		p.toks = append(p.toks, token{})
		t := &p.toks[len(p.toks)-1]
		lx.nextInto(t, false)
		switch {
		case t.kind == tComment:
			p.toks = p.toks[:len(p.toks)-1]
			continue
		case mayBeConstant(t):
			p.constants++
		case t.kind == tEOF:
			if n := len(p.toks); n > 1 && p.toks[n-2].kind != tSemi {
				// The semicolon src lacks, before EOF.
				eof := *t
				semi := eof
				semi.kind = tSemi
				p.toks[n-1] = semi
				p.toks = append(p.toks, eof)
				p.semi = true
			}
		}
		if p.toks[len(p.toks)-1].kind == tEOF {
			break
		}
	}
	if lx.err != nil {
		p.record(lx.err, lx.err.Pos.Offset)
	}
	p.tok = &p.toks[0]
}

func (p *parser) release() {
	p.toks = p.toks[:0]
	if cap(p.toks) > 4096 {
		p.toks = nil
	}
	p.src, p.tok, p.firstErr, p.lits = "", nil, nil, nil
	parserPool.Put(p)
}

// maxNesting bounds how deeply terms, types and selections may nest, so
// that a hostile statement cannot exhaust the stack of the parser or of
// the code that walks its tree.
const maxNesting = 200

// nest is called before parsing a construct that may contain itself; the
// caller decrements p.depth when done. Bailouts leave depth as it is.
func (p *parser) nest() {
	p.depth++
	if p.depth > maxNesting {
		err := &Error{Pos: p.tok.pos(), Msg: "statement is nested too deeply"}
		if p.firstErr != nil && p.firstErrOff <= int(p.tok.off) {
			err = p.firstErr
		}
		panic(bailout{err: err, fatal: true})
	}
}

// mayBeConstant reports whether token t may become a literal (see
// constant).
func mayBeConstant(t *token) bool {
	switch t.kind {
	case tString, tInteger, tFloat, tBoolean, tDuration, tUUID, tHex:
		return true
	case tWord:
		return t.kw == kwNaN || t.kw == kwInfinity
	}
	return false
}

// newLiteral returns a zero literal carved from the slab.
func (p *parser) newLiteral() *Literal {
	if len(p.lits) == 0 {
		// The first slab fits every constant of the statement; more are
		// needed only when a speculative parse read some twice.
		n := p.constants
		if n == 0 {
			n = 8
		}
		p.lits = make([]Literal, n)
		p.constants = 0
	}
	lit := &p.lits[0]
	p.lits = p.lits[1:]
	return lit
}

// countItems counts the comma-separated items from the current token to
// the token closing the list, looking past nested brackets. It sizes
// slices ahead of parsing them.
func (p *parser) countItems() int {
	n, depth := 1, 0
	for i := p.i; i < len(p.toks); i++ {
		switch p.toks[i].kind {
		case tLParen, tLBracket, tLBrace:
			depth++
		case tRParen, tRBracket, tRBrace:
			if depth == 0 {
				return n
			}
			depth--
		case tComma:
			if depth == 0 {
				n++
			}
		case tEOF:
			return n
		}
	}
	return n
}

// next moves to the next token; it stays on EOF.
func (p *parser) next() {
	if p.i < len(p.toks)-1 {
		p.i++
		p.tok = &p.toks[p.i]
	}
}

// peek returns the token n places ahead of the current one.
func (p *parser) peek(n int) *token {
	return &p.toks[min(p.i+n, len(p.toks)-1)]
}

// record keeps a non-fatal error unless an earlier one is known.
func (p *parser) record(err *Error, off int) {
	if p.firstErr == nil || off < p.firstErrOff {
		p.firstErr, p.firstErrOff = err, off
	}
}

// recordf records one of the position-less messages of Cassandra's
// parser (addRecognitionError) at the current token.
func (p *parser) recordf(format string, args ...any) {
	p.record(&Error{Pos: p.tok.pos(), Msg: fmt.Sprintf(format, args...), NoPos: true}, int(p.tok.off))
}

// fetched notes that ANTLR's lookahead has fetched the token n places
// ahead of the current one, as its DFAs do for the token after the last
// one they read.
func (p *parser) fetched(n int) {
	p.far = max(p.far, min(p.i+n, len(p.toks)-1))
}

// fail aborts parsing with a syntax error at the token n places ahead,
// bracketing the current token in the snippet, unless an earlier error was
// already recorded, which then wins as in Cassandra's ErrorCollector.
func (p *parser) fail(n int, msg string) {
	at := min(p.i+n, len(p.toks)-1)
	p.far = max(p.far, at) // kept by speculative parses that fail
	t := &p.toks[at]
	if p.firstErr != nil && p.firstErrOff <= int(t.off) {
		panic(bailout{err: p.firstErr})
	}
	last := &p.toks[max(at, p.far)]
	panic(bailout{err: &Error{Pos: t.pos(), Msg: msg + snippet(p.src, p.semi, p.tok, last)}})
}

// noViable fails with ANTLR's "no viable alternative" at the current token.
func (p *parser) noViable() {
	p.fail(0, "no viable alternative at input "+tokenDisplay(p.src, p.tok))
}

// noViableAt fails with "no viable alternative" at the token n places
// ahead, where ANTLR's lookahead for a decision that started at the
// current token failed: Cassandra then names that token but brackets the
// current one in its snippet.
func (p *parser) noViableAt(n int) {
	p.fail(n, "no viable alternative at input "+tokenDisplay(p.src, p.peek(n)))
}

// mismatched fails with ANTLR's "mismatched input" at the current token.
func (p *parser) mismatched(expecting string) {
	p.fail(0, "mismatched input "+tokenDisplay(p.src, p.tok)+" expecting "+expecting)
}

// failAt aborts with a message of the sandbox's own at token t; unlike
// Cassandra's messages, it gets no snippet.
func (p *parser) failAt(t *token, msg string) {
	if p.firstErr != nil && p.firstErrOff <= int(t.off) {
		panic(bailout{err: p.firstErr})
	}
	panic(bailout{err: &Error{Pos: t.pos(), Msg: msg}})
}

func (p *parser) is(kind tokKind) bool { return p.tok.kind == kind }

func (p *parser) isKw(kw keyword) bool { return p.tok.kind == tWord && p.tok.kw == kw }

// accept consumes the current token if it has the given kind.
func (p *parser) accept(kind tokKind) bool {
	if p.tok.kind == kind {
		p.next()
		return true
	}
	return false
}

// acceptKw consumes the current token if it is the keyword kw.
func (p *parser) acceptKw(kw keyword) bool {
	if p.isKw(kw) {
		p.next()
		return true
	}
	return false
}

// expect consumes a token of the given kind or fails.
func (p *parser) expect(kind tokKind) *token {
	t := p.tok
	if t.kind != kind {
		p.mismatched(kindNames[kind])
	}
	p.next()
	return t
}

// expectKw consumes the keyword kw or fails.
func (p *parser) expectKw(kw keyword) *token {
	t := p.tok
	if !p.isKw(kw) {
		p.mismatched(keywordNames[kw])
	}
	p.next()
	return t
}

// isIdentTok reports whether t can be an identifier (Parser.g's ident:
// IDENT, QUOTED_NAME or an unreserved keyword).
func isIdentTok(t *token) bool {
	return (t.kind == tWord && !t.reserved) || t.kind == tQuoted
}

// val returns the value of token t (see tokenValue).
func (p *parser) val(t *token) string { return tokenValue(p.src, t) }

// identOf makes an identifier of t, lower-casing it unless quoted.
func (p *parser) identOf(t *token) Ident {
	if t.kind == tQuoted || t.kind == tEmptyQuoted {
		name := p.val(t)
		if t.kind == tEmptyQuoted {
			name = ""
		}
		return Ident{Name: name, Quoted: true, Pos: t.pos()}
	}
	return Ident{Name: strings.ToLower(p.val(t)), Pos: t.pos()}
}

// ident parses an identifier.
func (p *parser) ident() Ident {
	if !isIdentTok(p.tok) {
		p.noViable()
	}
	id := p.identOf(p.tok)
	p.next()
	return id
}

// cident parses a column reference, which may also be the empty quoted
// name "".
func (p *parser) cident() Ident {
	if p.tok.kind == tEmptyQuoted {
		id := p.identOf(p.tok)
		p.next()
		return id
	}
	return p.ident()
}

// objectName parses a keyspace, table or index name component; what
// names it in the message Cassandra gives for a bind marker there.
func (p *parser) objectName(what string) Ident {
	if p.tok.kind == tQMark {
		p.recordf("Bind variables cannot be used for %s names", what)
		id := Ident{Pos: p.tok.pos()}
		p.next()
		return id
	}
	return p.ident()
}

// tableName parses [keyspace.]table.
//
// Whether a keyspace comes first is decided by a DFA that reads the first
// name and the token after it: a dot, or a token that can follow a table
// name, or else it fails there, with the name in brackets.
func (p *parser) tableName() QualifiedName {
	if isIdentTok(p.tok) || p.is(tQMark) {
		switch next := p.peek(1); {
		case next.kind == tDot:
		case followsTableName(next):
			p.fetched(2)
		default:
			p.noViableAt(1)
		}
	}
	if p.is(tQMark) && p.peek(1).kind != tDot {
		return QualifiedName{Name: p.objectName("table")}
	}
	first := p.objectName("keyspace")
	if p.accept(tDot) {
		return QualifiedName{Keyspace: first, Name: p.objectName("table")}
	}
	return QualifiedName{Name: first}
}

// parseQuery parses one statement and what may follow it.
func (p *parser) parseQuery() Statement {
	st := p.parseStatement()
	for p.accept(tSemi) {
	}
	if !p.is(tEOF) {
		p.mismatched("EOF")
	}
	return st
}

// unsupported lists statements Cassandra accepts that the sandbox does not
// parse, by their first one or two words.
var unsupported = map[string]bool{
	"CREATE FUNCTION": true, "CREATE AGGREGATE": true, "CREATE ROLE": true, "CREATE USER": true,
	"CREATE TRIGGER": true, "CREATE OR": true, "DROP INDEX": true, "DROP MATERIALIZED": true,
	"DROP FUNCTION": true, "DROP AGGREGATE": true, "DROP ROLE": true, "DROP USER": true,
	"DROP TRIGGER": true, "ALTER TYPE": true, "ALTER MATERIALIZED": true, "ALTER ROLE": true,
	"ALTER USER": true, "ADD IDENTITY": true, "DROP IDENTITY": true,
}

// checkUnsupported fails with a clear message for a statement Cassandra
// has but the sandbox does not.
func (p *parser) checkUnsupported() {
	first := strings.ToUpper(p.val(p.tok))
	words := first
	if second := p.peek(1); second.kind == tWord {
		words += " " + strings.ToUpper(p.val(second))
	}
	switch {
	case first == "GRANT" || first == "REVOKE" || first == "LIST":
		words = first
	case !unsupported[words]:
		return
	}
	if words == "CREATE OR" {
		words = "CREATE OR REPLACE"
	}
	p.failAt(p.tok, words+" statements are not supported by the sandbox")
}

// parseStatement dispatches on the first words of a statement.
func (p *parser) parseStatement() Statement {
	t := p.tok
	if t.kind != tWord {
		p.noViable()
	}
	switch t.kw {
	case kwSelect:
		return p.parseSelect()
	case kwInsert:
		return p.parseInsert()
	case kwUpdate:
		return p.parseUpdate()
	case kwDelete:
		return p.parseDelete()
	case kwBegin:
		return p.parseBatch()
	case kwUse:
		p.next()
		return &UseStmt{Keyspace: p.objectName("keyspace"), Pos: t.pos()}
	case kwTruncate:
		p.next()
		p.acceptKw(kwTable)
		return &TruncateStmt{Name: p.tableName(), Pos: t.pos()}
	case kwCreate:
		p.checkUnsupported()
		return p.parseCreate()
	case kwDrop:
		p.checkUnsupported()
		return p.parseDrop()
	case kwAlter:
		p.checkUnsupported()
		return p.parseAlter()
	case kwDescribe, kwDesc:
		return p.parseDescribe()
	}
	switch strings.ToUpper(p.val(t)) {
	case "TRACING", "CONSISTENCY", "SERIAL":
		return p.parseShell()
	}
	p.checkUnsupported()
	p.noViable()
	return nil
}

// consistencyLevels are the levels cqlsh's CONSISTENCY accepts.
var consistencyLevels = map[string]bool{
	"ANY": true, "ONE": true, "TWO": true, "THREE": true, "QUORUM": true, "ALL": true,
	"LOCAL_QUORUM": true, "EACH_QUORUM": true, "SERIAL": true, "LOCAL_SERIAL": true,
	"LOCAL_ONE": true,
}

// parseShell parses the cqlsh commands TRACING, CONSISTENCY and SERIAL
// CONSISTENCY. Like cqlsh, it answers "Improper <word> command." to
// anything else after the command word.
func (p *parser) parseShell() Statement {
	first := p.tok
	improper := func() {
		panic(bailout{err: &Error{Pos: first.pos(), Msg: "Improper " + p.val(first) + " command.", NoPos: true}})
	}
	word := strings.ToUpper(p.val(first))
	p.next()
	serial := false
	if word == "SERIAL" {
		if p.tok.kind != tWord || !strings.EqualFold(p.val(p.tok), "CONSISTENCY") {
			improper()
		}
		serial = true
		p.next()
	}
	arg := ""
	if p.tok.kind == tWord {
		arg = strings.ToUpper(p.val(p.tok))
		p.next()
	} else if !p.is(tSemi) && !p.is(tEOF) {
		improper()
	}
	for p.accept(tSemi) {
	}
	if !p.is(tEOF) {
		improper()
	}
	switch {
	case word == "TRACING":
		if arg != "" && arg != "ON" && arg != "OFF" {
			improper()
		}
		return &TracingStmt{Mode: arg, Pos: first.pos()}
	case serial:
		if arg != "" && arg != "SERIAL" && arg != "LOCAL_SERIAL" {
			improper()
		}
	default:
		if arg != "" && !consistencyLevels[arg] {
			improper()
		}
	}
	return &ConsistencyStmt{Serial: serial, Level: arg, Pos: first.pos()}
}
