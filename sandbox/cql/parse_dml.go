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
	a.Kind, a.Value = AssignValue, p.simpleTerm()
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
	p.noArithmetic()
}

// ifClause parses an optional IF EXISTS or IF conditions.
func (p *parser) ifClause() (ifExists bool, conds []Condition) {
	if !p.acceptKw(kwIf) {
		return false, nil
	}
	if p.acceptKw(kwExists) {
		return true, nil
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
		c.Op = OpContains
		if p.acceptKw(kwKey) {
			c.Op = OpContainsKey
		}
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
	return nil, p.termListOpt(tLParen, tRParen)
}

// parseDelete parses DELETE [targets] FROM t [USING TIMESTAMP] WHERE ...
// [IF ...].
func (p *parser) parseDelete() Statement {
	pos := p.expectKw(kwDelete).pos()
	st := &DeleteStmt{Pos: pos}
	if !p.isKw(kwFrom) {
		for {
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
		r.Op = OpContains
		if p.acceptKw(kwKey) {
			r.Op = OpContainsKey
		}
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
	p.expect(tLParen)
	if p.accept(tRParen) {
		return nil, nil
	}
	markers := p.isMarkerStart()
	if !markers && !p.is(tLParen) {
		p.noViable()
	}
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
