package cql

import "strings"

// ANTLR 3 picks between the alternatives of Parser.g with lookahead. Where
// one token is not enough, or where an optional part or a loop needs more
// than the next token to be left, it often builds a DFA for the decision,
// and such a DFA lists every token it accepts: to leave a construct, the
// tokens that can follow it anywhere in the grammar, not only where it is
// used. A token outside the list fails right there with "no viable
// alternative", and Cassandra's ErrorCollector then brackets the token
// where the decision started while the message names the token where it
// failed. A DFA also reads (and so fetches) the token after the last one
// it takes, which is where an error snippet may end.
//
// The parser checks the same tokens at the same decisions with the sets
// below, so that a learner's mistake is reported where and as Cassandra
// reports it. Decisions of one token with a default exit fail later, in
// the caller, with "mismatched input".

// followsTerm reports whether t may follow a term somewhere in Parser.g
// (the exit of termAddition's loop).
func followsTerm(t *token) bool {
	switch t.kind {
	case tEOF, tSemi, tComma, tColon, tRange, tRParen, tRBracket, tRBrace:
		return true
	case tWord:
		switch t.kw {
		case kwAllow, kwAnd, kwApply, kwAsc, kwDelete, kwDesc, kwGroup, kwIf, kwInsert,
			kwLimit, kwOrder, kwPer, kwPrimary, kwUpdate, kwWhere:
			return true
		}
	}
	return false
}

// startsTermOrNeg reports whether a term, or a negated one, can start
// with t.
func startsTermOrNeg(t *token) bool { return t.kind == tMinus || startsTerm(t) }

// followsType reports whether t, a token of src, may follow a type
// somewhere in Parser.g (comparatorType's DFA).
func followsType(src string, t *token) bool {
	switch t.kind {
	case tEOF, tSemi, tComma, tRParen, tGt:
		return true
	case tWord:
		switch t.kw {
		case kwPrimary, kwStatic:
			return true
		case kwNone:
			// Words of constructs the sandbox does not parse.
			switch strings.ToLower(src[t.off:t.end]) {
			case "masked", "finalfunc", "initcond", "language":
				return true
			}
		}
	}
	return false
}

// followsTableName reports whether t may follow a table name somewhere in
// Parser.g (the DFA of columnFamilyName's optional keyspace).
func followsTableName(t *token) bool {
	switch t.kind {
	case tEOF, tSemi, tLParen:
		return true
	case tWord:
		switch t.kw {
		case kwAdd, kwAllow, kwAlter, kwAs, kwDrop, kwFrom, kwGroup, kwJSON, kwLimit,
			kwNorecursive, kwOf, kwOrder, kwPer, kwPrimary, kwRename, kwSet, kwTo, kwUsing,
			kwWhere, kwWith:
			return true
		}
	}
	return false
}

// startsSelector reports whether a selector can start with t.
func startsSelector(t *token) bool {
	switch t.kind {
	case tString, tInteger, tFloat, tBoolean, tDuration, tUUID, tHex, tQMark, tColon,
		tLParen, tLBracket, tLBrace, tMinus, tQuoted:
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

// followsSelector reports whether t may follow a selector somewhere in
// Parser.g (simpleUnaliasedSelector's DFA).
func followsSelector(t *token) bool {
	switch t.kind {
	case tEOF, tSemi, tComma, tColon, tRParen, tRBracket, tRBrace, tLBracket,
		tPlus, tMinus, tStar, tSlash, tPercent:
		return true
	case tWord:
		switch t.kw {
		case kwAllow, kwAs, kwFrom, kwLimit, kwOrder, kwPer:
			return true
		}
	}
	return false
}

// isSelectorFuncKw reports whether kw is one of the unreserved keywords
// that the selector DFA takes for a field name as soon as it reads it
// after a dot.
func isSelectorFuncKw(kw keyword) bool {
	switch kw {
	case kwCast, kwDistinct, kwJSON, kwKey, kwMaxWritetime, kwTTL, kwWritetime:
		return true
	}
	return false
}

// followsModifier reports whether t may follow the modifiers of a
// selector (Parser.g's selectorModifier lists them explicitly; ';' is not
// one of them).
func followsModifier(t *token) bool {
	switch t.kind {
	case tEOF, tPercent, tRParen, tPlus, tComma, tMinus, tSlash, tColon, tStar, tRBracket, tRBrace:
		return true
	case tWord:
		switch t.kw {
		case kwAllow, kwAs, kwFrom, kwLimit, kwOrder, kwPer:
			return true
		}
	}
	return false
}

// startsRelationOp reports whether t can follow the column of a
// single-column relation (relation's DFA).
func startsRelationOp(t *token) bool {
	switch t.kind {
	case tEq, tLt, tLte, tGt, tGte, tNeq, tLBracket:
		return true
	case tWord:
		switch t.kw {
		case kwIn, kwContains, kwIs, kwLike:
			return true
		}
	}
	return false
}

// followsParenString reports whether t may follow "('text'" in a term:
// ')' for a custom type hint, or what continues or ends a tuple element.
func (t *token) followsParenString() bool {
	switch t.kind {
	case tRParen, tComma, tPlus, tMinus, tStar, tSlash, tPercent:
		return true
	}
	return false
}

// followsParenName reports whether t may follow "(name" in a term: '(' or
// '.' for a function call, ')' for a type hint, '<' after a collection
// keyword.
func (t *token) followsParenName(name *token) bool {
	switch t.kind {
	case tLParen, tRParen, tDot:
		return true
	case tLt:
		return name.kind == tWord && isCollectionKw(name.kw)
	}
	return false
}

// isUnreservedKw reports whether t is an unreserved keyword.
func isUnreservedKw(t *token) bool { return t.kind == tWord && t.kw != kwNone && !t.reserved }

// isPropertyValueTok reports whether t can be a simple property value: a
// constant or an unreserved keyword (property's DFA).
func isPropertyValueTok(t *token) bool {
	switch t.kind {
	case tString, tInteger, tFloat, tBoolean, tDuration, tUUID, tHex:
		return true
	case tWord:
		return t.kw == kwNaN || t.kw == kwInfinity || isUnreservedKw(t)
	}
	return false
}
