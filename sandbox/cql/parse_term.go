package cql

import "strings"

// term parses a term. Cassandra 4.0+ also accepts arithmetic (1 + 2) and
// negation (- x) in terms; the sandbox's tree has no node for them, so
// they are refused with a message that says so.
func (p *parser) term() Term {
	t := p.simpleTerm()
	p.noArithmetic()
	return t
}

// noArithmetic refuses an arithmetic operator after a term or selection.
func (p *parser) noArithmetic() {
	switch p.tok.kind {
	case tPlus, tMinus, tStar, tSlash, tPercent:
		p.failAt(p.tok, "arithmetic operators are not supported by the sandbox")
	}
}

// simpleTerm parses a term without arithmetic (Parser.g's simpleTerm).
func (p *parser) simpleTerm() Term {
	t := p.tok
	switch t.kind {
	case tString, tInteger, tFloat, tBoolean, tDuration, tUUID, tHex:
		return p.constant()
	case tLBracket, tLBrace, tLParen:
		p.nest()
		term := p.compoundTerm()
		p.depth--
		return term
	case tQMark, tColon:
		return p.marker()
	case tWord:
		switch t.kw {
		case kwNull:
			p.next()
			return &Literal{Kind: NullLit, Text: "null", Pos: t.pos()}
		case kwNaN, kwInfinity:
			return p.constant()
		}
	}
	if p.funcAhead() {
		p.nest()
		call := p.funcCall()
		p.depth--
		return call
	}
	if isFuncNameTok(t) {
		// A bare name, typically a string without its quotes: ANTLR's
		// lookahead for a function call fails on the token after it.
		at := p.peek(1)
		if at.kind == tDot {
			at = p.peek(2)
			if isFuncNameTok(at) {
				at = p.peek(3)
			}
		}
		p.noViableAfter(at)
	}
	p.noViable()
	return nil
}

// compoundTerm parses a list, map, set, user-type or tuple literal, a
// parenthesised term or a type cast.
func (p *parser) compoundTerm() Term {
	t := p.tok
	switch {
	case t.kind == tLBracket:
		return p.listLiteral()
	case t.kind == tLBrace:
		return p.braceLiteral()
	case p.castAhead():
		p.next()
		typ := p.typeExpr()
		p.expect(tRParen)
		return &TypeCast{Type: typ, Term: p.simpleTerm(), Pos: t.pos()}
	}
	elems := p.termList(tLParen, tRParen)
	if len(elems) == 1 {
		return elems[0] // a parenthesised term, not a tuple
	}
	return &TupleLit{Elems: elems, Pos: t.pos()}
}

// constant parses a literal constant, or returns nil when the current
// token is none.
func (p *parser) constant() *Literal {
	t := p.tok
	var kind LiteralKind
	text := ""
	switch t.kind {
	case tString:
		kind = StringLit
	case tInteger:
		kind = IntegerLit
	case tFloat:
		kind = FloatLit
	case tBoolean:
		kind, text = BooleanLit, strings.ToLower(p.val(t))
	case tDuration:
		kind = DurationLit
	case tUUID:
		kind, text = UUIDLit, strings.ToLower(p.val(t))
	case tHex:
		kind, text = HexLit, strings.ToLower(p.val(t))
	case tWord:
		switch t.kw {
		case kwNaN:
			kind, text = FloatLit, "NaN"
		case kwInfinity:
			kind, text = FloatLit, "Infinity"
		default:
			return nil
		}
	default:
		return nil
	}
	if text == "" {
		text = p.val(t)
	}
	lit := p.newLiteral()
	lit.Kind, lit.Text, lit.Pos = kind, text, t.pos()
	p.next()
	return lit
}

// marker parses a bind marker: ? or :name.
func (p *parser) marker() *BindMarker {
	t := p.tok
	if p.accept(tQMark) {
		return &BindMarker{Pos: t.pos()}
	}
	if !p.accept(tColon) {
		p.noViable()
	}
	return &BindMarker{Name: p.ident(), Pos: t.pos()}
}

// isMarkerStart reports whether the current token starts a bind marker.
func (p *parser) isMarkerStart() bool { return p.is(tQMark) || p.is(tColon) }

// intValue parses an integer or a bind marker (LIMIT, USING TTL, ...).
func (p *parser) intValue() Term {
	if p.is(tInteger) {
		return p.constant()
	}
	if p.isMarkerStart() {
		return p.marker()
	}
	p.noViable()
	return nil
}

// termList parses open term (, term)* close, with at least one term.
func (p *parser) termList(open, close tokKind) []Term {
	p.expect(open)
	terms := make([]Term, 0, p.countItems())
	for {
		terms = append(terms, p.term())
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(close)
	return terms
}

// termListOpt is termList for lists that may be empty: [] and IN ().
func (p *parser) termListOpt(open, close tokKind) []Term {
	if p.peek(1).kind == close {
		p.next()
		p.next()
		return nil
	}
	return p.termList(open, close)
}

// listLiteral parses [a, b, ...].
func (p *parser) listLiteral() Term {
	pos := p.tok.pos()
	return &ListLit{Elems: p.termListOpt(tLBracket, tRBracket), Pos: pos}
}

// tupleLiteral parses (a, b, ...) as a tuple even when it has one element,
// as multi-column relations do.
func (p *parser) tupleLiteral() *TupleLit {
	pos := p.tok.pos()
	return &TupleLit{Elems: p.termList(tLParen, tRParen), Pos: pos}
}

// braceLiteral parses a map, set or user-type literal: {}, {k: v, ...},
// {a, b, ...} or {field: v, ...}.
func (p *parser) braceLiteral() Term {
	open := p.tok
	pos := open.pos()
	if next := p.peek(1); next.kind == tRBrace {
		p.next()
		p.next()
		return &MapLit{Pos: pos}
	} else if isIdentTok(next) && p.peek(2).kind == tColon {
		p.next()
		lit := &UDTLit{Pos: pos}
		for {
			name := p.ident()
			p.expect(tColon)
			lit.Fields = append(lit.Fields, FieldLit{Name: name, Value: p.term()})
			if !p.accept(tComma) {
				break
			}
		}
		p.expect(tRBrace)
		return lit
	}
	p.next()
	first := p.term()
	if p.accept(tColon) {
		lit := &MapLit{Entries: []MapEntryLit{{Key: first, Value: p.term()}}, Pos: pos}
		for p.accept(tComma) {
			k := p.term()
			p.expect(tColon)
			lit.Entries = append(lit.Entries, MapEntryLit{Key: k, Value: p.term()})
		}
		p.expect(tRBrace)
		return lit
	}
	lit := &SetLit{Elems: []Term{first}, Pos: pos}
	for p.accept(tComma) {
		lit.Elems = append(lit.Elems, p.term())
	}
	p.expect(tRBrace)
	return lit
}

// mapLiteral parses Parser.g's fullMapLiteral: {} or {k: v, ...}.
func (p *parser) mapLiteral() *MapLit {
	lit := &MapLit{Pos: p.expect(tLBrace).pos()}
	if p.accept(tRBrace) {
		return lit
	}
	for {
		k := p.term()
		p.expect(tColon)
		lit.Entries = append(lit.Entries, MapEntryLit{Key: k, Value: p.term()})
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRBrace)
	return lit
}

// castAhead reports whether the '(' at the current token starts a type
// hint such as (int) 3 or (frozen<list<int>>) [1] rather than a tuple or a
// parenthesised selection.
func (p *parser) castAhead() bool {
	t1, t2 := p.peek(1), p.peek(2)
	switch {
	case t1.kind == tWord && t1.kw.isNativeType():
		return t2.kind == tRParen && startsTerm(p.peek(3))
	case t1.kind == tWord && isCollectionKw(t1.kw) && t2.kind == tLt:
		return true
	case !isIdentTok(t1):
		return false
	case t2.kind == tRParen:
		return startsTerm(p.peek(3)) // a user type name
	}
	return t2.kind == tDot && isIdentTok(p.peek(3)) && p.peek(4).kind == tRParen && startsTerm(p.peek(5))
}

// startsTerm reports whether a term can start with t.
func startsTerm(t *token) bool {
	switch t.kind {
	case tString, tInteger, tFloat, tBoolean, tDuration, tUUID, tHex, tLBracket, tLBrace,
		tLParen, tQMark, tColon, tQuoted:
		return true
	case tWord:
		switch t.kw {
		case kwNull, kwNaN, kwInfinity, kwToken:
			return true
		}
		return !t.reserved
	}
	return false
}

// isCollectionKw reports whether kw starts a parameterised type.
func isCollectionKw(kw keyword) bool {
	switch kw {
	case kwMap, kwList, kwSet, kwTuple, kwFrozen, kwVector:
		return true
	}
	return false
}

// isFuncNameTok reports whether t can name a function (Parser.g's
// allowedFunctionName).
func isFuncNameTok(t *token) bool {
	if t.kind == tQuoted {
		return true
	}
	if t.kind != tWord {
		return false
	}
	switch t.kw {
	case kwToken, kwCount:
		return true
	case kwTTL, kwWritetime, kwMaxWritetime, kwKey, kwCast, kwJSON, kwDistinct:
		return false
	}
	return !t.reserved
}

// funcAhead reports whether a function call ([ks.]f(...)) starts here.
func (p *parser) funcAhead() bool {
	if isFuncNameTok(p.tok) && p.peek(1).kind == tLParen {
		return true
	}
	return isIdentTok(p.tok) && p.peek(1).kind == tDot && isFuncNameTok(p.peek(2)) &&
		p.peek(3).kind == tLParen
}

// funcName parses [keyspace.]function.
func (p *parser) funcName() (keyspace string, name Ident) {
	if p.peek(1).kind == tDot {
		keyspace = p.ident().Name
		p.next()
	}
	if !isFuncNameTok(p.tok) {
		p.noViable()
	}
	name = p.identOf(p.tok)
	p.next()
	return keyspace, name
}

// funcCall parses a function call used as a term.
func (p *parser) funcCall() Term {
	pos := p.tok.pos()
	ks, name := p.funcName()
	call := &FuncCall{Keyspace: ks, Name: name, Pos: pos}
	if p.peek(1).kind == tRParen {
		p.next()
		p.next()
		return call
	}
	call.Args = p.termList(tLParen, tRParen)
	return call
}

// reservedTypeNames may not name user types (Parser.g reservedTypeNames).
var reservedTypeNames = map[string]bool{
	"byte": true, "complex": true, "enum": true, "date": true, "interval": true,
	"macaddr": true, "bitstring": true,
}

// userTypeName parses [keyspace.]name of a user-defined type; native type
// names and a few unreserved keywords cannot name one.
func (p *parser) userTypeName() QualifiedName {
	var qn QualifiedName
	if isIdentTok(p.tok) && p.peek(1).kind == tDot {
		qn.Keyspace = p.ident()
		p.next()
	}
	t := p.tok
	if t.kind == tWord {
		switch t.kw {
		case kwTTL, kwCount, kwWritetime, kwMaxWritetime, kwCast, kwJSON, kwDistinct:
			p.noViable()
		case kwNone:
			if reservedTypeNames[strings.ToLower(p.val(t))] {
				p.recordf("Invalid (reserved) user type name %s", p.val(t))
			}
		default:
			if t.kw.isNativeType() {
				p.noViable()
			}
		}
	}
	qn.Name = p.ident()
	return qn
}

// typeExpr parses a CQL type (Parser.g's comparatorType).
func (p *parser) typeExpr() *TypeExpr {
	t := p.tok
	pos := t.pos()
	if t.kind == tWord && t.kw.isNativeType() {
		p.next()
		name := strings.ToLower(p.val(t))
		if name == "varchar" {
			name = "text"
		}
		return &TypeExpr{Name: name, Pos: pos}
	}
	if t.kind == tWord && isCollectionKw(t.kw) && p.peek(1).kind == tLt {
		p.nest()
		defer func() { p.depth-- }()
		p.next()
		p.next()
		switch t.kw {
		case kwFrozen:
			inner := p.typeExpr()
			p.closeAngle()
			if inner.Keyspace == "" && !inner.Quoted && len(inner.Params) == 0 && isNativeName(inner.Name) {
				p.recordf("frozen<> is only allowed on collections, tuples, and user-defined types (got %s)", inner.Name)
			}
			inner.Frozen = true
			inner.Pos = pos
			return inner
		case kwVector:
			p.failAt(t, "vector types are not supported by the sandbox")
		}
		typ := &TypeExpr{Name: strings.ToLower(p.val(t)), Pos: pos}
		typ.Params = append(typ.Params, p.typeExpr())
		switch t.kw {
		case kwMap:
			p.expect(tComma)
			typ.Params = append(typ.Params, p.typeExpr())
		case kwTuple:
			for p.accept(tComma) {
				typ.Params = append(typ.Params, p.typeExpr())
			}
		}
		p.closeAngle()
		return typ
	}
	if t.kind == tString {
		p.failAt(t, "custom types are not supported by the sandbox")
	}
	qn := p.userTypeName()
	return &TypeExpr{Name: qn.Name.Name, Keyspace: qn.Keyspace.Name, Quoted: qn.Name.Quoted, Pos: pos}
}

// closeAngle consumes the '>' closing a type's parameters.
func (p *parser) closeAngle() { p.expect(tGt) }

// isNativeName reports whether name is a native type name.
func isNativeName(name string) bool {
	info, ok := keywords[name]
	return ok && info.kw.isNativeType()
}
