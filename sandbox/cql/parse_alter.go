package cql

import "strings"

// parseAlterTable parses ALTER TABLE after its first two words, following
// Parser.g's alterTableStatement (Cassandra 5.0):
//
//	ALTER TABLE [IF EXISTS] t
//	    ( ALTER c TYPE type
//	    | ALTER [IF EXISTS] c (MASKED WITH ... | DROP MASKED)
//	    | ADD [IF NOT EXISTS] (c type [STATIC] | '(' c type [STATIC], ... ')')
//	    | DROP [IF EXISTS] (c | '(' c, ... ')') [USING TIMESTAMP n]
//	    | RENAME [IF EXISTS] a TO b (AND c TO d)*
//	    | DROP COMPACT STORAGE
//	    | WITH properties )
//
// The sandbox refuses column masks, which it does not model.
func (p *parser) parseAlterTable(pos Pos) Statement {
	st := &AlterTableStmt{IfExists: p.ifExists(), Pos: pos}
	st.Name = p.tableName()
	switch {
	case p.isKw(kwAlter):
		p.alterColumn(st)
	case p.acceptKw(kwAdd):
		st.Op = AlterAdd
		st.IfColumnNotExists = p.ifNotExists()
		if !p.accept(tLParen) {
			st.Add = []ColumnDef{p.columnDef(false)}
			break
		}
		for {
			st.Add = append(st.Add, p.columnDef(false))
			if !p.accept(tComma) {
				break
			}
		}
		p.expect(tRParen)
	case p.isKw(kwDrop):
		if p.dropsCompactStorage() {
			p.next()
			p.next()
			p.next()
			st.Op = AlterDropCompactStorage
			break
		}
		p.next()
		st.Op = AlterDrop
		st.IfColumnExists = p.ifExists()
		if !p.accept(tLParen) {
			st.Drop = []Ident{p.ident()}
			st.Timestamp = p.dropTimestamp()
			break
		}
		for {
			st.Drop = append(st.Drop, p.ident())
			if !p.accept(tComma) {
				break
			}
		}
		p.expect(tRParen)
		st.Timestamp = p.dropTimestamp()
	case p.acceptKw(kwWith):
		st.Op = AlterWith
		st.Options = p.properties()
	case p.acceptKw(kwRename):
		st.Op = AlterRename
		st.IfColumnExists = p.ifExists()
		for {
			from := p.ident()
			p.expectKw(kwTo)
			st.Renames = append(st.Renames, [2]Ident{from, p.ident()})
			if !p.acceptKw(kwAnd) {
				break
			}
		}
	default:
		p.noViable()
	}
	return st
}

// alterColumn parses ALTER c TYPE type. A DFA tells it from the masking
// forms, ALTER [IF EXISTS] c (MASKED WITH ... | DROP MASKED), by the
// tokens after ALTER: IF, or the column and then TYPE, MASKED or DROP.
// The sandbox refuses the masking forms once it has read the column.
func (p *parser) alterColumn(st *AlterTableStmt) {
	name := p.peek(1)
	typeChange := false
	switch {
	case name.isKw(kwIf):
	case isIdentTok(name) || name.kind == tEmptyQuoted:
		after := p.peek(2)
		typeChange = after.isKw(kwType)
		if !typeChange && !after.isKw(kwDrop) && !isWord(p.src, after, "masked") {
			p.noViableAt(2)
		}
		p.fetched(3)
	default:
		p.noViableAt(1)
	}
	p.next()
	if !typeChange {
		p.ifExists()
		p.cident()
		if !p.isKw(kwDrop) && !isWord(p.src, p.tok, "masked") {
			p.noViable()
		}
		p.failAt(p.tok, maskNotSupported)
	}
	st.Op = AlterType
	st.Column = p.cident()
	p.expectKw(kwType)
	st.Type = p.typeExpr()
}

// dropsCompactStorage reports whether the DROP at the current token
// starts DROP COMPACT STORAGE rather than the drop of columns. Parser.g
// decides with a DFA that reads the tokens after DROP: IF, '(' or a
// column name other than COMPACT drop columns; after COMPACT (which may
// also name a column) STORAGE drops compact storage, and only what may
// end DROP compact (USING or the end of the statement) drops a column.
func (p *parser) dropsCompactStorage() bool {
	next := p.peek(1)
	switch {
	case next.isKw(kwCompact):
		after := p.peek(2)
		switch {
		case after.isKw(kwStorage):
			p.fetched(3)
			return true
		case after.isKw(kwUsing), after.kind == tSemi, after.kind == tEOF:
			p.fetched(3)
			return false
		}
		p.noViableAt(2)
	case next.isKw(kwIf), next.kind == tLParen, isIdentTok(next):
	default:
		p.noViableAt(1)
	}
	return false
}

// dropTimestamp parses the optional USING TIMESTAMP n that ends ALTER
// TABLE ... DROP (an integer literal, no bind marker) and returns n's
// text, or "".
func (p *parser) dropTimestamp() string {
	if !p.acceptKw(kwUsing) {
		return ""
	}
	p.expectKw(kwTimestamp)
	return p.val(p.expect(tInteger))
}

// maskNotSupported is the sandbox's message for the column masks of
// Cassandra 5.0's dynamic data masking.
const maskNotSupported = "column masks (dynamic data masking) are not supported by the sandbox"

// isWord reports whether t is the word w (in any case), for the
// keywords of constructs the sandbox does not parse.
func isWord(src string, t *token, w string) bool {
	return t.kind == tWord && strings.EqualFold(src[t.off:t.end], w)
}
