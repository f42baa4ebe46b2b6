package cql

// parseSelect parses a SELECT statement.
func (p *parser) parseSelect() Statement {
	st := &SelectStmt{Pos: p.expectKw(kwSelect).pos()}
	// json and distinct are also column names: as in Parser.g, they are
	// flags only when a select clause follows them.
	if p.isKw(kwJSON) && p.parsesAfterCurrent(func() { p.selectClause() }) {
		p.next()
		st.JSON = true
	}
	st.Distinct, st.Selectors = p.selectClause()
	p.expectKw(kwFrom)
	st.Table = p.tableName()
	if p.acceptKw(kwWhere) {
		st.Where = p.whereClause()
	}
	if p.isKw(kwGroup) {
		p.next()
		p.expectKw(kwBy)
		for {
			st.GroupBy = append(st.GroupBy, p.selector()) // Parser.g's groupByClause
			if !p.accept(tComma) {
				break
			}
		}
	}
	if p.isKw(kwOrder) {
		p.next()
		p.expectKw(kwBy)
		for {
			o := OrderDef{Column: p.cident()}
			if !p.acceptKw(kwAsc) {
				o.Desc = p.acceptKw(kwDesc)
			}
			st.OrderBy = append(st.OrderBy, o)
			if !p.accept(tComma) {
				break
			}
		}
	}
	if p.isKw(kwPer) {
		p.next()
		p.expectKw(kwPartition)
		p.expectKw(kwLimit)
		st.PerPartitionLimit = p.intValue()
	}
	if p.acceptKw(kwLimit) {
		st.Limit = p.intValue()
	}
	if p.acceptKw(kwAllow) {
		p.expectKw(kwFiltering)
		st.AllowFiltering = true
	}
	return st
}

// parsesAfterCurrent reports whether f parses from the token after the
// current one, and leaves the parser where it was. It implements
// Parser.g's syntactic predicates on JSON and DISTINCT.
func (p *parser) parsesAfterCurrent(f func()) bool {
	i, firstErr, firstErrOff, depth := p.i, p.firstErr, p.firstErrOff, p.depth
	defer func() {
		p.i, p.tok, p.firstErr, p.firstErrOff, p.depth = i, &p.toks[i], firstErr, firstErrOff, depth
	}()
	return p.try(func() {
		p.next()
		f()
	})
}

// try runs f and reports whether it parsed without a syntax error.
func (p *parser) try(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if b, isBailout := r.(bailout); !isBailout || b.fatal {
				panic(r)
			}
			ok = false
		}
	}()
	f()
	return true
}

// selectClause parses [DISTINCT] selectors; no selectors means *.
func (p *parser) selectClause() (distinct bool, sels []Selector) {
	if p.isKw(kwDistinct) && p.parsesAfterCurrent(func() { p.selectors() }) {
		p.next()
		distinct = true
	}
	return distinct, p.selectors()
}

// selectors parses * or selector [AS alias], ...
func (p *parser) selectors() []Selector {
	if p.accept(tStar) {
		return nil
	}
	var sels []Selector
	for {
		s := Selector{Expr: p.selector()}
		if p.acceptKw(kwAs) {
			s.Alias = p.ident()
		}
		sels = append(sels, s)
		if !p.accept(tComma) {
			return sels
		}
	}
}

// selector parses one selection expression (Parser.g's
// unaliasedSelector), arithmetic included.
func (p *parser) selector() Selection {
	return p.selectionAddition()
}

// modifiers parses .field, [key] and [from..to] after a selection.
func (p *parser) modifiers(s Selection) Selection {
	for {
		t := p.tok
		if p.is(tDot) || p.is(tLBracket) {
			p.nest() // each modifier wraps s once more; selector resets depth
		}
		switch {
		case p.accept(tDot):
			s = &FieldSel{Expr: s, Field: p.ident()}
		case p.accept(tLBracket):
			e := &ElementSel{Expr: s, Pos: t.pos()}
			if p.accept(tRange) {
				e.Slice, e.To = true, p.term()
			} else {
				e.Key = p.term()
				if p.accept(tRange) {
					e.Slice, e.From, e.Key = true, e.Key, nil
					if !p.is(tRBracket) {
						e.To = p.term()
					}
				}
			}
			p.expect(tRBracket)
			s = e
		default:
			if !followsModifier(p.tok) {
				p.noViable() // Parser.g's selectorModifier
			}
			return s
		}
	}
}

// simpleSelector parses a selection without modifiers: a column, a
// function, COUNT(*), CAST(...), a constant or a literal.
func (p *parser) simpleSelector() Selection {
	t := p.tok
	switch t.kind {
	case tString, tInteger, tFloat, tBoolean, tDuration, tUUID, tHex, tQMark, tColon,
		tLBracket, tLBrace:
		return &TermSel{Term: p.simpleTerm()}
	case tLParen:
		return p.parenSelector()
	case tWord, tQuoted:
		p.selectorAhead()
		if s := p.specialSelector(); s != nil {
			return s
		}
		if p.funcAhead() {
			pos := t.pos()
			ks, name := p.funcName()
			f := &FuncSel{Keyspace: ks, Name: name, Pos: pos}
			p.expect(tLParen)
			if startsSelector(p.tok) {
				for {
					f.Args = append(f.Args, p.selector())
					if !p.accept(tComma) {
						break
					}
				}
			}
			p.expect(tRParen)
			return f
		}
		if p.isKw(kwToken) {
			p.next()
			p.expect(tLParen) // TOKEN always starts a function call
		}
		if isIdentTok(t) {
			return &ColumnSel{Column: p.ident()}
		}
	}
	p.noViable()
	return nil
}

// selectorAhead fails as ANTLR does when a name in a select clause is
// followed by a token that fits neither a column nor a function call.
// Parser.g's simpleUnaliasedSelector tells them apart with a DFA that reads
// the name, and a dot and a second name if there are some, and then the
// token after them: a '(' makes a function call, a token that can follow a
// selector a column, and any other token fails there, with the name in
// brackets. TOKEN always starts a function call.
func (p *parser) selectorAhead() {
	if n, ok := p.selectorNameAt(0); !ok {
		p.noViableAt(n)
	} else if n > 0 {
		p.fetched(n + 1)
	}
}

// selectorNameAt runs the DFA of selectorAhead on the tokens from offset
// at. It returns the offset of the last token the DFA reads (0 when it has
// nothing to decide) and whether it accepts that token.
func (p *parser) selectorNameAt(at int) (int, bool) {
	if t := p.peek(at); !isIdentTok(t) || t.isKw(kwToken) {
		return 0, true
	}
	n := at + 1
	if p.peek(n).kind == tDot {
		switch field := p.peek(n + 1); {
		case field.kind == tWord && (field.kw == kwToken || isSelectorFuncKw(field.kw)):
			return n + 1, true
		case !isIdentTok(field):
			return n + 1, false
		}
		n += 2
	}
	next := p.peek(n)
	if first := p.peek(at); next.kind == tLParen && n == at+1 &&
		(first.isKw(kwKey) || first.isKw(kwDistinct) || first.isKw(kwJSON)) {
		return n, false // names no function can have
	}
	return n, next.kind == tLParen || followsSelector(next) || n == at+3 && next.kind == tDot
}

// specialSelector parses the selections with a grammar of their own:
// COUNT(*), WRITETIME(c), MAXWRITETIME(c), TTL(c), CAST(s AS type), NULL,
// NaN and Infinity. It returns nil for anything else.
func (p *parser) specialSelector() Selection {
	t := p.tok
	if t.kind != tWord {
		return nil
	}
	switch t.kw {
	case kwNull, kwNaN, kwInfinity:
		return &TermSel{Term: p.simpleTerm()}
	}
	if p.peek(1).kind != tLParen {
		return nil
	}
	switch t.kw {
	case kwCount:
		// A DFA reads COUNT, '(' and the token after them.
		if next := p.peek(2); next.kind != tStar {
			if !startsSelector(next) && next.kind != tRParen {
				p.noViableAt(2)
			}
			return nil
		}
		p.next()
		p.next()
		p.next()
		p.expect(tRParen)
		return &CountStarSel{Pos: t.pos()}
	case kwWritetime, kwMaxWritetime, kwTTL:
		name := p.identOf(t)
		p.next()
		p.next()
		arg := p.modifiers(&ColumnSel{Column: p.ident()})
		p.expect(tRParen)
		return &FuncSel{Name: name, Args: []Selection{arg}, Pos: t.pos()}
	case kwCast:
		p.next()
		p.next()
		c := &CastSel{Expr: p.selector(), Pos: t.pos()}
		p.expectKw(kwAs)
		c.Type = p.nativeType()
		p.expect(tRParen)
		return c
	}
	return nil
}

// parenSelector parses a selection starting with '(': a type hint on a
// term, (int) 3, or on a selection, (int) a, a parenthesised selection,
// or a tuple of constants.
func (p *parser) parenSelector() Selection {
	t := p.tok
	// A type hint must be followed by a selector that parses, as the
	// syntactic predicate on Parser.g's selectionTypeHint requires.
	if _, ok := p.selectorNameAt(3); ok && p.castAhead() {
		if hinted := p.peek(p.hintLength()); isIdentTok(hinted) || hinted.kind == tLParen {
			return p.hintedSelector()
		}
		return &TermSel{Term: p.simpleTerm()}
	}
	p.next()
	var sels []Selection
	for {
		sels = append(sels, p.selector())
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRParen)
	if len(sels) == 1 {
		return &ParenSel{Expr: sels[0], Pos: t.pos()}
	}
	tuple := &TupleLit{Pos: t.pos()}
	for _, s := range sels {
		ts, ok := s.(*TermSel)
		if !ok {
			p.failAt(t, "tuples of selections are not supported by the sandbox")
		}
		tuple.Elems = append(tuple.Elems, ts.Term)
	}
	return &TermSel{Term: tuple}
}

// hintLength returns the number of tokens of the type hint that starts at
// the current '(', its ')' included. Types hold no parentheses.
func (p *parser) hintLength() int {
	n := 1
	for k := p.peek(n).kind; k != tRParen && k != tEOF; k = p.peek(n).kind {
		n++
	}
	return n + 1
}
