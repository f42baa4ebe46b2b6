package cql

import "strings"

// term parses a term (Parser.g's term), arithmetic included.
func (p *parser) term() Term {
	t := p.termAddition()
	p.endTerm()
	return t
}

// endTerm checks the token after a term as ANTLR does. The loop of
// Parser.g's termAddition needs more than one token of lookahead, so ANTLR
// decides whether to leave it with a DFA that knows every token that can
// follow a term anywhere in the grammar: any other token fails there with
// "no viable alternative", wherever the term is. A token it knows is read
// by the DFA, which fetches the token after it.
func (p *parser) endTerm() {
	if !followsTerm(p.tok) {
		p.noViable()
	}
	p.fetched(1)
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
	if isIdentTok(t) || isFuncNameTok(t) {
		// A bare name, typically a string without its quotes: ANTLR's
		// lookahead for a function call fails on the token after it.
		n := 1
		if p.peek(1).kind == tDot {
			n = 2
			if next := p.peek(2); isIdentTok(next) || isFuncNameTok(next) {
				n = 3
			}
		}
		p.noViableAt(n)
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
	case !startsTermOrNeg(p.peek(1)) && !p.peek(1).isKw(kwSet):
		// Parser.g's simpleTerm reads the token after '(' to tell a
		// tuple from a type hint, and after a string (a custom type) or
		// a name the token after that.
		p.noViableAt(1)
	case p.peek(1).kind == tString && !p.peek(2).followsParenString():
		p.noViableAt(2)
	case isIdentTok(p.peek(1)) && !p.peek(2).followsParenName(p.peek(1)):
		p.noViableAt(2)
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

// termListOpt is termList for lists that may be empty: [] and IN (). As
// in Parser.g, the list is empty unless a term can start after open, and
// then close must follow.
func (p *parser) termListOpt(open, close tokKind) []Term {
	if p.is(open) && !startsTermOrNeg(p.peek(1)) {
		p.next()
		p.expect(close)
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
//
// Parser.g's value tells a user-type literal from a collection with a DFA
// that reads the '{', the token after it, and after a name the token after
// that (':' for a field, '(' or '.' for a function call), so a wrong token
// there fails with the '{' in brackets.
func (p *parser) braceLiteral() Term {
	open := p.tok
	pos := open.pos()
	switch next := p.peek(1); {
	case next.kind == tRBrace, next.kind == tMinus, next.kind == tWord && next.kw == kwToken,
		startsTerm(next) && !isIdentTok(next):
	case isIdentTok(next):
		switch p.peek(2).kind {
		case tColon, tDot:
		case tLParen:
			if isFuncNameTok(next) || next.isKw(kwCast) {
				break
			}
			fallthrough
		default:
			p.noViableAt(2)
		}
	default:
		p.noViableAt(1)
	}
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
	if !p.is(tColon) && !p.is(tComma) && !p.is(tRBrace) {
		p.noViable() // Parser.g's setOrMapLiteral
	}
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
	if !startsTermOrNeg(p.tok) {
		p.expect(tRBrace)
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

// funcCall parses a function call used as a term. Parser.g's function
// tells a call without arguments from one with some by reading the token
// after '(', so a token that can start neither fails there, with the
// function name in brackets.
func (p *parser) funcCall() Term {
	n := 2 // the token after '('
	if p.peek(1).kind == tDot {
		n = 4
	}
	if arg := p.peek(n); arg.kind != tRParen && !startsTermOrNeg(arg) {
		p.noViableAt(n)
	}
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
//
// The keywords that cannot name a type (TTL, COUNT, ...) can still name
// its keyspace, so as in Parser.g a '.' must follow them.
func (p *parser) userTypeName() QualifiedName {
	var qn QualifiedName
	if isIdentTok(p.tok) && (p.peek(1).kind == tDot || isNonTypeNameKw(p.tok.kw)) {
		qn.Keyspace = p.ident()
		p.expect(tDot)
	}
	t := p.tok
	if t.kind == tWord {
		switch {
		case isNonTypeNameKw(t.kw):
			p.noViable()
		case t.kw == kwNone:
			if reservedTypeNames[strings.ToLower(p.val(t))] {
				p.recordf("Invalid (reserved) user type name %s", p.val(t))
			}
		case t.kw.isNativeType():
			p.noViable()
		}
	}
	qn.Name = p.ident()
	return qn
}

// isNonTypeNameKw reports whether kw is an unreserved keyword that cannot
// name a user type (it is missing from Parser.g's non_type_ident).
func isNonTypeNameKw(kw keyword) bool {
	switch kw {
	case kwTTL, kwCount, kwWritetime, kwMaxWritetime, kwCast, kwJSON, kwDistinct:
		return true
	}
	return false
}

// typeExpr parses a CQL type (Parser.g's comparatorType).
//
// ANTLR chooses between the kinds of type with a DFA. A native type name
// or a collection keyword may also name a user type (text.t is type t of
// keyspace text), so the DFA reads the token after it: '<' makes a
// collection, '.' a user type, a token that can follow a type ends the
// type, and any other token fails there, with the type name in brackets.
func (p *parser) typeExpr() *TypeExpr {
	t := p.tok
	pos := t.pos()
	if isNativeTypeTok(t) || t.kind == tWord && isCollectionKw(t.kw) && t.kw != kwSet {
		switch next := p.peek(1); {
		case next.kind == tDot, next.kind == tLt && isCollectionKw(t.kw):
		case followsType(p.src, next):
			p.fetched(2)
		default:
			p.noViableAt(1)
		}
	} else if isIdentTok(t) || t.kind == tString || p.isKw(kwSet) {
		p.fetched(1) // read and taken by the DFA
	}
	if isNativeTypeTok(t) && p.peek(1).kind != tDot {
		return p.nativeType()
	}
	if t.kind == tWord && isCollectionKw(t.kw) && (p.peek(1).kind == tLt || t.kw == kwSet) {
		p.nest()
		defer func() { p.depth-- }()
		p.next()
		p.expect(tLt) // SET, being reserved, always starts a collection
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

// nativeType parses the name of a native type (Parser.g's native_type).
func (p *parser) nativeType() *TypeExpr {
	t := p.tok
	if !isNativeTypeTok(t) {
		p.noViable()
	}
	p.next()
	name := strings.ToLower(p.val(t))
	if name == "varchar" {
		name = "text"
	}
	return &TypeExpr{Name: name, Pos: t.pos()}
}

// isNativeTypeTok reports whether t names a native type (COUNTER is one
// too, though the lexer keeps it apart for BEGIN COUNTER BATCH).
func isNativeTypeTok(t *token) bool {
	return t.kind == tWord && (t.kw.isNativeType() || t.kw == kwCounter)
}

// closeAngle consumes the '>' closing a type's parameters.
func (p *parser) closeAngle() { p.expect(tGt) }

// isNativeName reports whether name is a native type name.
func isNativeName(name string) bool {
	info, ok := keywords[name]
	return ok && info.kw.isNativeType()
}
