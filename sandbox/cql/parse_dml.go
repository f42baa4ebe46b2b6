package cql

// parseInsert parses INSERT INTO t (cols) VALUES (...) and INSERT INTO t
// JSON '...'.
func (p *parser) parseInsert() Statement {
	pos := p.expectKw(kwInsert).pos()
	p.expectKw(kwInto)
	st := &InsertStmt{Table: p.tableName(), Pos: pos}
	switch {
	case p.acceptKw(kwJSON):
		switch {
		case p.is(tString):
			st.JSON = p.constant()
		case p.isMarkerStart():
			st.JSON = p.marker()
		default:
			p.noViable()
		}
		if p.acceptKw(kwDefault) {
			switch {
			case p.acceptKw(kwNull):
				st.JSONDefault = "NULL"
			case p.acceptKw(kwUnset):
				st.JSONDefault = "UNSET"
			default:
				p.noViable()
			}
		}
	case p.is(tLParen):
		st.Columns = p.columnList()
		p.expectKw(kwValues)
		st.Values = p.termList(tLParen, tRParen)
	default:
		p.noViable()
	}
	if p.acceptKw(kwIf) {
		p.expectKw(kwNot)
		p.expectKw(kwExists)
		st.IfNotExists = true
	}
	if p.isKw(kwUsing) {
		st.Using = p.usingClause(true)
	}
	return st
}

// columnList parses (c1, c2, ...) into a slice of the right size.
func (p *parser) columnList() []Ident {
	p.expect(tLParen)
	cols := make([]Ident, 0, p.countItems())
	for {
		cols = append(cols, p.cident())
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRParen)
	return cols
}

// usingClause parses USING TTL x AND TIMESTAMP y; only TIMESTAMP is
// allowed when ttl is false (DELETE).
func (p *parser) usingClause(ttl bool) *UsingClause {
	p.expectKw(kwUsing)
	u := &UsingClause{}
	if !ttl {
		p.expectKw(kwTimestamp)
		u.Timestamp = p.intValue()
		return u
	}
	for {
		switch {
		case p.acceptKw(kwTimestamp):
			u.Timestamp = p.intValue()
		case p.acceptKw(kwTTL):
			u.TTL = p.intValue()
		default:
			p.noViable()
		}
		if !p.acceptKw(kwAnd) {
			return u
		}
	}
}

// parseUpdate parses UPDATE t [USING ...] SET ... WHERE ... [IF ...].
func (p *parser) parseUpdate() Statement {
	pos := p.expectKw(kwUpdate).pos()
	st := &UpdateStmt{Table: p.tableName(), Pos: pos}
	if p.isKw(kwUsing) {
		st.Using = p.usingClause(true)
	}
	p.expectKw(kwSet)
	for {
		a := p.assignment()
		for _, prev := range st.Assignments {
			if prev.Column.Name == a.Column.Name && !compatibleAssignments(prev, a) {
				p.recordf("Multiple incompatible setting of column %s", a.Column.Name)
			}
		}
		st.Assignments = append(st.Assignments, a)
		if !p.accept(tComma) {
			break
		}
	}
	p.expectKw(kwWhere)
	st.Where = p.whereClause()
	st.IfExists, st.Conditions = p.ifClause()
	return st
}

// compatibleAssignments mirrors Operation.RawUpdate.isCompatibleWith:
// a column may not be set twice, nor set and modified.
func compatibleAssignments(prev, next Assignment) bool {
	switch {
	case prev.Kind == AssignValue || next.Kind == AssignValue:
		return false
	case prev.Kind == AssignField && next.Kind == AssignField:
		return prev.Field.Name != next.Field.Name
	}
	return true
}

// assignment parses one element of a SET clause (Parser.g's
// columnOperation), including its error messages for X = Y + v.
func (p *parser) assignment() Assignment {
	col := p.cident()
	a := Assignment{Column: col, Pos: col.Pos}
	switch {
	case p.accept(tPlusEq):
		a.Kind, a.Value = AssignAdd, p.term()
	case p.accept(tMinusEq):
		a.Kind, a.Value = AssignSub, p.term()
	case p.accept(tLBracket):
		a.Kind, a.Key = AssignElement, p.term()
		p.expect(tRBracket)
		p.expect(tEq)
		a.Value = p.term()
	case p.accept(tDot):
		a.Kind, a.Field = AssignField, p.ident()
		p.expect(tEq)
		a.Value = p.term()
	case p.accept(tEq):
		p.normalAssignment(&a)
	default:
		p.noViable()
	}
	return a
}

// normalAssignment parses what follows "c =": v, v + c, c + v, c - v, or
// c -3 (lexed as c and the integer -3).
func (p *parser) normalAssignment(a *Assignment) {
	if next := p.peek(1); (isIdentTok(p.tok) || p.is(tEmptyQuoted)) &&
		(next.kind == tPlus || next.kind == tMinus || next.kind == tInteger) {
		other := p.cident()
		op := p.tok
		if op.kind == tInteger {
			a.Kind, a.Value = AssignAdd, p.constant()
			if other.Name != a.Column.Name {
				sign := "+"
				if p.val(op)[0] == '-' {
					sign = "-"
				}
				p.recordf("Only expressions of the form X = X %s <value> are supported.", sign)
			}
			return
		}
		p.next()
		a.Kind, a.Value = AssignAdd, p.term()
		if op.kind == tMinus {
			a.Kind = AssignSub
		}
		if other.Name != a.Column.Name {
			p.recordf("Only expressions of the form X = X %s<value> are supported.", p.val(op))
		}
		return
	}
	a.Kind, a.Value = AssignValue, p.termAddition()
	if next := p.peek(1); p.is(tPlus) && (isIdentTok(next) || next.kind == tEmptyQuoted) &&
		p.peek(2).kind != tLParen && p.peek(2).kind != tDot {
		p.next()
		other := p.cident()
		a.Kind = AssignPrepend
		if other.Name != a.Column.Name {
			p.recordf("Only expressions of the form X = <value> + X are supported.")
		}
		return
	}
	p.endTerm()
}

// ifClause parses an optional IF EXISTS or IF conditions.
func (p *parser) ifClause() (ifExists bool, conds []Condition) {
	if !p.acceptKw(kwIf) {
		return false, nil
	}
	if p.isKw(kwExists) {
		// EXISTS may also be a column: the token after it decides.
		switch next := p.peek(1); {
		case next.kind == tEOF, next.kind == tSemi, next.kind == tWord &&
			(next.kw == kwApply || next.kw == kwDelete || next.kw == kwInsert || next.kw == kwUpdate):
			p.next()
			return true, nil
		case next.kind != tDot && next.kind != tLBracket && !startsRelationOp(next),
			next.kind == tWord && (next.kw == kwIs || next.kw == kwLike):
			p.noViableAt(1)
		}
	}
	for {
		conds = append(conds, p.condition())
		if !p.acceptKw(kwAnd) {
			return false, conds
		}
	}
}

// condition parses one condition of an IF clause.
func (p *parser) condition() Condition {
	col := p.cident()
	c := Condition{Column: col, Pos: col.Pos}
	switch {
	case p.accept(tLBracket):
		c.Key = p.term()
		p.expect(tRBracket)
	case p.accept(tDot):
		c.Field = p.ident()
	case p.acceptKw(kwContains):
		c.Op = p.containsOp()
		c.Value = p.term()
		return c
	}
	if p.acceptKw(kwIn) {
		c.Op = OpIn
		c.Value, c.Values = p.inValues()
		return c
	}
	c.Op = p.relationOp()
	c.Value = p.term()
	return c
}

// containsOp parses what follows CONTAINS (Parser.g's containsOperator).
// KEY may also be a function name in the term after it, so ANTLR reads
// the token after KEY and fails there, with KEY in brackets, when no term
// can start with it.
func (p *parser) containsOp() Operator {
	if !p.isKw(kwKey) {
		return OpContains
	}
	if next := p.peek(1); !startsTermOrNeg(next) && next.kind != tDot {
		p.noViableAt(1)
	}
	p.next()
	return OpContainsKey
}

// relationOp parses = < <= > >= !=.
func (p *parser) relationOp() Operator {
	var op Operator
	switch p.tok.kind {
	case tEq:
		op = OpEq
	case tLt:
		op = OpLt
	case tLte:
		op = OpLte
	case tGt:
		op = OpGt
	case tGte:
		op = OpGte
	case tNeq:
		op = OpNeq
	default:
		p.noViable()
	}
	p.next()
	return op
}

// inValues parses the right side of a single-column IN: (t, ...), () or a
// bind marker. A marker comes back as value, the list as values.
func (p *parser) inValues() (value Term, values []Term) {
	if p.isMarkerStart() {
		return p.marker(), nil
	}
	if !p.is(tLParen) {
		p.noViable() // the forms of IN start with a marker or '('
	}
	return nil, p.termListOpt(tLParen, tRParen)
}

// parseDelete parses DELETE [targets] FROM t [USING TIMESTAMP] WHERE ...
// [IF ...].
func (p *parser) parseDelete() Statement {
	pos := p.expectKw(kwDelete).pos()
	st := &DeleteStmt{Pos: pos}
	if isIdentTok(p.tok) || p.is(tEmptyQuoted) {
		for {
			p.deleteTargetAhead()
			target := DeleteTarget{Column: p.cident()}
			if p.accept(tLBracket) {
				target.Key = p.term()
				p.expect(tRBracket)
			} else if p.accept(tDot) {
				target.Field = p.ident()
			}
			st.Targets = append(st.Targets, target)
			if !p.accept(tComma) {
				break
			}
		}
	}
	p.expectKw(kwFrom)
	st.Table = p.tableName()
	if p.isKw(kwUsing) {
		st.Using = p.usingClause(false)
	}
	p.expectKw(kwWhere)
	st.Where = p.whereClause()
	st.IfExists, st.Conditions = p.ifClause()
	return st
}

// deleteTargetAhead fails as ANTLR does when the token after a column to
// delete fits none of Parser.g's deleteOp forms (c, c[key], c.field),
// which a DFA tells apart by reading that token: the column is then in
// brackets.
func (p *parser) deleteTargetAhead() {
	if !isIdentTok(p.tok) && !p.is(tEmptyQuoted) {
		p.noViable()
	}
	switch next := p.peek(1); {
	case next.kind == tComma, next.kind == tLBracket, next.kind == tDot, next.isKw(kwFrom):
	default:
		p.noViableAt(1)
	}
}

// parseBatch parses BEGIN [UNLOGGED|COUNTER] BATCH ... APPLY BATCH.
func (p *parser) parseBatch() Statement {
	st := &BatchStmt{Pos: p.expectKw(kwBegin).pos()}
	switch {
	case p.acceptKw(kwUnlogged):
		st.Type = UnloggedBatch
	case p.acceptKw(kwCounter):
		st.Type = CounterBatch
	}
	p.expectKw(kwBatch)
	if p.isKw(kwUsing) {
		st.Using = p.usingClause(true)
	}
	for {
		var s Statement
		switch {
		case p.isKw(kwInsert):
			s = p.parseInsert()
		case p.isKw(kwUpdate):
			s = p.parseUpdate()
		case p.isKw(kwDelete):
			s = p.parseDelete()
		}
		if s == nil {
			break
		}
		st.Statements = append(st.Statements, s)
		p.accept(tSemi)
	}
	p.expectKw(kwApply)
	p.expectKw(kwBatch)
	return st
}

// whereClause parses relation (AND relation)*.
func (p *parser) whereClause() []Relation {
	var rels []Relation
	for {
		rels = p.relation(rels)
		if !p.acceptKw(kwAnd) {
			return rels
		}
	}
}

// relation parses one relation of a WHERE clause and appends it to rels.
// A parenthesised relation, (a = 1), is the relation itself.
func (p *parser) relation(rels []Relation) []Relation {
	p.relationAhead()
	t := p.tok
	r := Relation{Pos: t.pos()}
	switch {
	case p.isKw(kwToken):
		p.next()
		r.Kind, r.Columns = TokenRelation, p.identTuple()
		r.Op = p.relationOp()
		r.Value = p.term()
	case t.kind == tLParen:
		if n := p.peek(1); !isIdentTok(n) && n.kind != tEmptyQuoted ||
			p.peek(2).kind != tComma && p.peek(2).kind != tRParen {
			p.nest()
			p.next()
			rels = p.relation(rels)
			p.expect(tRParen)
			p.depth--
			return rels
		}
		r.Kind, r.Columns = MultiColumnRelation, p.identTuple()
		if !p.isKw(kwIn) {
			// A DFA reads the operator and the token after it.
			if next := p.peek(1); startsRelationOp(p.tok) && next.kind != tLParen &&
				next.kind != tQMark && next.kind != tColon {
				p.noViableAt(1)
			}
		}
		if p.acceptKw(kwIn) {
			r.Op = OpIn
			r.Value, r.Values = p.multiColumnInValues()
			break
		}
		r.Op = p.relationOp()
		if p.isMarkerStart() {
			r.Value = p.marker()
		} else {
			r.Value = p.tupleLiteral()
		}
	default:
		r.Columns = []Ident{p.cident()}
		p.columnRelation(&r)
	}
	return append(rels, r)
}

// relationAhead fails as ANTLR does when the tokens at the start of a
// relation fit none of its forms. Parser.g's relation picks its form with
// a DFA that reads a column and the operator after it (and after IN, the
// token after that), or after '(' a column and the token after it, so a
// wrong token there fails with the first token of the relation in
// brackets.
func (p *parser) relationAhead() {
	t, next := p.tok, p.peek(1)
	switch {
	case p.isKw(kwToken):
	case t.kind == tLParen:
		switch {
		case next.kind == tLParen || next.kind == tWord && next.kw == kwToken:
		case isIdentTok(next) || next.kind == tEmptyQuoted:
			if after := p.peek(2); after.kind != tComma && after.kind != tRParen && !startsRelationOp(after) {
				p.noViableAt(2)
			}
		default:
			p.noViableAt(1)
		}
	case isIdentTok(t) || t.kind == tEmptyQuoted:
		if !startsRelationOp(next) {
			p.noViableAt(1)
		}
		if next.kind == tWord && next.kw == kwIn {
			if after := p.peek(2); after.kind != tLParen && after.kind != tQMark && after.kind != tColon {
				p.noViableAt(2)
			}
		}
	}
}

// columnRelation parses what follows the column of a single-column
// relation.
func (p *parser) columnRelation(r *Relation) {
	switch {
	case p.accept(tLBracket):
		r.Key = p.term()
		p.expect(tRBracket)
		r.Op = p.relationOp()
		r.Value = p.term()
	case p.acceptKw(kwIn):
		r.Op = OpIn
		r.Value, r.Values = p.inValues()
	case p.acceptKw(kwContains):
		r.Op = p.containsOp()
		r.Value = p.term()
	case p.acceptKw(kwLike):
		r.Op = OpLike
		r.Value = p.term()
	case p.acceptKw(kwIs):
		p.expectKw(kwNot)
		p.expectKw(kwNull)
		r.Op = OpIsNotNull
	default:
		r.Op = p.relationOp()
		r.Value = p.term()
	}
}

// identTuple parses (c1, c2, ...).
func (p *parser) identTuple() []Ident {
	p.expect(tLParen)
	var ids []Ident
	for {
		ids = append(ids, p.cident())
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRParen)
	return ids
}

// multiColumnInValues parses the right side of (a, b) IN: (), a marker, a
// list of tuples or a list of markers.
func (p *parser) multiColumnInValues() (value Term, values []Term) {
	if p.isMarkerStart() {
		return p.marker(), nil
	}
	if !p.is(tLParen) {
		p.noViable()
	}
	// Parser.g tells its forms apart by the token after '('.
	switch p.peek(1).kind {
	case tRParen, tLParen, tQMark, tColon:
	default:
		p.noViableAt(1)
	}
	p.next()
	if p.accept(tRParen) {
		return nil, nil
	}
	markers := p.isMarkerStart()
	for {
		if markers {
			values = append(values, p.marker())
		} else {
			values = append(values, p.tupleLiteral())
		}
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRParen)
	return nil, values
}
