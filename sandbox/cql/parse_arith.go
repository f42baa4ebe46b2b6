package cql

// This file parses arithmetic in terms (Parser.g's termAddition,
// termMultiplication and termGroup) and in selections (selectionAddition,
// selectionMultiplication and selectionGroup).

// arithOp returns the operator of token t, or 0.
func arithOp(t *token) ArithOp {
	switch t.kind {
	case tPlus:
		return OpAdd
	case tMinus:
		return OpSub
	case tStar:
		return OpMul
	case tSlash:
		return OpDiv
	case tPercent:
		return OpMod
	}
	return 0
}

// termAddition parses products joined by + and -. A '+' followed by a
// column name rather than a function call ends the term: it is the
// prepend of "c = [1] + c", which Parser.g's DFA leaves the loop for.
func (p *parser) termAddition() Term {
	left := p.termMultiplication()
	for {
		op := arithOp(p.tok)
		if op != OpAdd && op != OpSub {
			return left
		}
		if next := p.peek(1); op == OpAdd && (isIdentTok(next) || next.kind == tEmptyQuoted) &&
			p.peek(2).kind != tLParen && p.peek(2).kind != tDot {
			return left
		}
		p.termOperator()
		left = &BinaryTerm{Op: op, Left: left, Right: p.termMultiplication(), Pos: left.Position()}
	}
}

// termMultiplication parses term groups joined by *, / and %.
func (p *parser) termMultiplication() Term {
	left := p.termGroup()
	for {
		op := arithOp(p.tok)
		if op != OpMul && op != OpDiv && op != OpMod {
			return left
		}
		p.termOperator()
		left = &BinaryTerm{Op: op, Left: left, Right: p.termGroup(), Pos: left.Position()}
	}
}

// termOperator consumes an operator between two terms. When no term can
// follow it, the statement fails as in Cassandra: at the token after the
// operator, which is in brackets, except after '+', whose DFA (see
// endTerm) reads that token before failing.
func (p *parser) termOperator() {
	if !startsTermOrNeg(p.peek(1)) {
		if p.is(tPlus) {
			p.noViableAt(1)
		}
		p.next()
		p.noViable()
	}
	p.next()
}

// termGroup parses a simple term, negated or not.
func (p *parser) termGroup() Term {
	t := p.tok
	if t.kind != tMinus {
		return p.simpleTerm()
	}
	if !startsTermOrNeg(p.peek(1)) {
		p.next()
		p.noViable()
	}
	p.next()
	return &NegTerm{Term: p.simpleTerm(), Pos: t.pos()}
}

// selectionAddition parses products of selections joined by + and -.
func (p *parser) selectionAddition() Selection {
	left := p.selectionMultiplication()
	for {
		op := arithOp(p.tok)
		if op != OpAdd && op != OpSub {
			return left
		}
		p.selectionOperator()
		left = &BinarySel{Op: op, Left: left, Right: p.selectionMultiplication(), Pos: left.Position()}
	}
}

// selectionMultiplication parses selection groups joined by *, / and %.
func (p *parser) selectionMultiplication() Selection {
	left := p.selectionGroup()
	for {
		op := arithOp(p.tok)
		if op != OpMul && op != OpDiv && op != OpMod {
			return left
		}
		p.selectionOperator()
		left = &BinarySel{Op: op, Left: left, Right: p.selectionGroup(), Pos: left.Position()}
	}
}

// selectionOperator consumes an operator before a selection group, or
// fails at the token after it when no selection can start there.
func (p *parser) selectionOperator() {
	if !startsSelector(p.peek(1)) {
		p.next()
		p.noViable()
	}
	p.next()
}

// selectionGroup parses a selection with its field and element modifiers,
// or a negated selection group.
//
// Parser.g takes the modifiers only if a syntactic predicate parses them
// all, the token after them included; otherwise the selection ends before
// them, and the parser fails on the '.' or '[' that follows.
//
// Parser.g's selectionGroup decides with a DFA whose state after the first
// token evaluates that predicate and then reads one more token, which
// fetches the token after it.
func (p *parser) selectionGroup() Selection {
	t := p.tok
	p.nest()
	depth := p.depth
	defer func() { p.depth = depth - 1 }()
	if t.kind == tMinus {
		p.selectionOperator()
		return &NegSel{Expr: p.selectionGroup(), Pos: t.pos()}
	}
	if startsSelector(t) {
		p.fetched(2)
	}
	s := p.simpleSelector()
	if p.is(tDot) || p.is(tLBracket) {
		i, firstErr, firstErrOff := p.i, p.firstErr, p.firstErrOff
		var with Selection
		if p.try(func() { with = p.modifiers(s) }) {
			s = with
		} else {
			p.i, p.tok, p.firstErr, p.firstErrOff = i, &p.toks[i], firstErr, firstErrOff
		}
	}
	return s
}

// hintedSelector parses a type hint on a selection that is not a constant
// (Parser.g's selectionTypeHint): (int) a, (bigint)(a + b). The current
// token is the '('.
func (p *parser) hintedSelector() Selection {
	t := p.tok
	p.next()
	typ := p.typeExpr()
	p.expect(tRParen)
	p.nest()
	defer func() { p.depth-- }()
	if p.is(tMinus) {
		p.noViable() // selectionGroupWithoutField takes no '-'
	}
	return &HintSel{Type: typ, Expr: p.simpleSelector(), Pos: t.pos()}
}
