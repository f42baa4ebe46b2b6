package cql

import "strings"

// tokKind is the lexical class of a token.
type tokKind uint8

// The token kinds. tWS and tComment are hidden: the parser never sees them,
// but error snippets count them the way ANTLR's token stream does.
const (
	tEOF tokKind = iota
	tWS
	tComment
	tWord        // identifier or keyword (kw says which)
	tQuoted      // "Quoted Name"
	tEmptyQuoted // ""
	tString      // 'text' or $$text$$
	tInteger
	tFloat // includes -NaN and -Infinity
	tBoolean
	tDuration
	tUUID
	tHex
	tSemi
	tComma
	tDot
	tRange // ..
	tLParen
	tRParen
	tLBracket
	tRBracket
	tLBrace
	tRBrace
	tColon
	tEq
	tLt
	tLte
	tGt
	tGte
	tNeq
	tPlus
	tMinus
	tPlusEq
	tMinusEq
	tStar
	tSlash
	tPercent
	tQMark
)

// kindNames are ANTLR's display names of the token kinds, used in
// "expecting X" messages.
var kindNames = [...]string{
	tEOF: "EOF", tWS: "WS", tComment: "COMMENT", tWord: "IDENT", tQuoted: "QUOTED_NAME",
	tEmptyQuoted: "EMPTY_QUOTED_NAME", tString: "STRING_LITERAL", tInteger: "INTEGER",
	tFloat: "FLOAT", tBoolean: "BOOLEAN", tDuration: "DURATION", tUUID: "UUID",
	tHex: "HEXNUMBER", tSemi: "';'", tComma: "','", tDot: "'.'", tRange: "RANGE",
	tLParen: "'('", tRParen: "')'", tLBracket: "'['", tRBracket: "']'", tLBrace: "'{'",
	tRBrace: "'}'", tColon: "':'", tEq: "'='", tLt: "'<'", tLte: "'<='", tGt: "'>'",
	tGte: "'>='", tNeq: "'!='", tPlus: "'+'", tMinus: "'-'", tPlusEq: "'+='",
	tMinusEq: "'-='", tStar: "'*'", tSlash: "'/'", tPercent: "'%'", tQMark: "QMARK",
}

// token is one lexical token. Offsets are byte offsets into the source.
type token struct {
	kind     tokKind
	kw       keyword // for tWord: the keyword, or kwNone
	reserved bool    // for tWord: a reserved keyword, unusable as an identifier
	off, end int32
	line     int32
	col      int32
}

// isKw reports whether t is the keyword kw.
func (t *token) isKw(kw keyword) bool { return t.kind == tWord && t.kw == kw }

// pos returns the token's position.
func (t *token) pos() Pos {
	return Pos{Offset: int(t.off), Line: int(t.line), Col: int(t.col)}
}

// keyword identifies a CQL keyword.
type keyword uint8

// The keywords the parser looks at. Reserved keywords that the sandbox
// does not parse still get an entry so that they are refused as
// identifiers.
const (
	kwNone keyword = iota
	kwAdd
	kwAggregate
	kwAggregates
	kwAll
	kwAllow
	kwAlter
	kwAnd
	kwApply
	kwAs
	kwAsc
	kwAuthorize
	kwBatch
	kwBegin
	kwBy
	kwCast
	kwCluster
	kwClustering
	kwCompact
	kwContains
	kwCount
	kwCounter
	kwCreate
	kwCustom
	kwDefault
	kwDelete
	kwDesc
	kwDescribe
	kwDistinct
	kwDrop
	kwEntries
	kwExecute
	kwExists
	kwFiltering
	kwFrom
	kwFrozen
	kwFull
	kwFunction
	kwFunctions
	kwGrant
	kwGroup
	kwIf
	kwIn
	kwIndex
	kwInfinity
	kwInsert
	kwInternals
	kwInto
	kwIs
	kwJSON
	kwKey
	kwKeys
	kwKeyspace
	kwKeyspaces
	kwLike
	kwLimit
	kwList
	kwMap
	kwMaterialized
	kwMaxWritetime
	kwModify
	kwNaN
	kwNorecursive
	kwNot
	kwNull
	kwOf
	kwOn
	kwOnly
	kwOr
	kwOrder
	kwPartition
	kwPer
	kwPrimary
	kwRename
	kwRevoke
	kwSchema
	kwSelect
	kwSet
	kwStatic
	kwStorage
	kwTable
	kwTables
	kwTo
	kwToken
	kwTruncate
	kwTTL
	kwTuple
	kwType
	kwTypes
	kwUnlogged
	kwUnset
	kwUpdate
	kwUse
	kwUsing
	kwValues
	kwVector
	kwView
	kwWhere
	kwWith
	kwWritetime
	// Native type names; kwASCII..kwVarint must stay contiguous.
	kwASCII
	kwBigint
	kwBlob
	kwBoolean
	kwDate
	kwDecimal
	kwDouble
	kwDuration
	kwFloat
	kwInet
	kwInt
	kwSmallint
	kwText
	kwTime
	kwTimestamp
	kwTimeuuid
	kwTinyint
	kwUUID
	kwVarchar
	kwVarint
	numKeywords // sentinel: the number of keywords
)

// keywordInfo describes one keyword.
type keywordInfo struct {
	kw       keyword
	reserved bool
	// name is ANTLR's token name (K_COLUMNFAMILY for TABLE).
	name string
}

// keywords maps lower-case keyword text to its description.
var keywords = map[string]keywordInfo{}

// keywordNames holds the ANTLR token name of each keyword.
var keywordNames [numKeywords]string

// reservedWords is Cassandra 5.0's reserved_keywords.txt.
const reservedWords = `add allow alter and apply asc authorize batch begin by columnfamily create
delete desc describe drop entries execute from full grant if in index infinity insert into is
keyspace limit materialized modify nan norecursive not null of on or order primary rename revoke
schema select set table to token truncate unlogged update use using view where with`

func init() {
	defs := []struct {
		text string
		kw   keyword
		name string
	}{
		{"add", kwAdd, ""}, {"aggregate", kwAggregate, ""}, {"aggregates", kwAggregates, ""},
		{"all", kwAll, ""}, {"allow", kwAllow, ""}, {"alter", kwAlter, ""}, {"and", kwAnd, ""},
		{"apply", kwApply, ""}, {"as", kwAs, ""}, {"asc", kwAsc, ""}, {"authorize", kwAuthorize, ""},
		{"batch", kwBatch, ""}, {"begin", kwBegin, ""}, {"by", kwBy, ""}, {"cast", kwCast, ""},
		{"cluster", kwCluster, ""}, {"clustering", kwClustering, ""},
		{"columnfamily", kwTable, "K_COLUMNFAMILY"}, {"compact", kwCompact, ""},
		{"contains", kwContains, ""}, {"count", kwCount, ""}, {"counter", kwCounter, ""},
		{"create", kwCreate, ""}, {"custom", kwCustom, ""}, {"default", kwDefault, ""},
		{"delete", kwDelete, ""}, {"desc", kwDesc, ""}, {"describe", kwDescribe, ""},
		{"distinct", kwDistinct, ""}, {"drop", kwDrop, ""}, {"entries", kwEntries, ""},
		{"execute", kwExecute, ""}, {"exists", kwExists, ""}, {"filtering", kwFiltering, ""},
		{"from", kwFrom, ""}, {"frozen", kwFrozen, ""}, {"full", kwFull, ""},
		{"function", kwFunction, ""}, {"functions", kwFunctions, ""}, {"grant", kwGrant, ""},
		{"group", kwGroup, ""}, {"if", kwIf, ""}, {"in", kwIn, ""}, {"index", kwIndex, ""},
		{"infinity", kwInfinity, "K_POSITIVE_INFINITY"}, {"insert", kwInsert, ""},
		{"internals", kwInternals, ""}, {"into", kwInto, ""}, {"is", kwIs, ""},
		{"json", kwJSON, ""}, {"key", kwKey, ""}, {"keys", kwKeys, ""},
		{"keyspace", kwKeyspace, ""}, {"keyspaces", kwKeyspaces, ""}, {"like", kwLike, ""},
		{"limit", kwLimit, ""}, {"list", kwList, ""}, {"map", kwMap, ""},
		{"materialized", kwMaterialized, ""}, {"maxwritetime", kwMaxWritetime, ""},
		{"modify", kwModify, ""}, {"nan", kwNaN, "K_POSITIVE_NAN"},
		{"norecursive", kwNorecursive, ""}, {"not", kwNot, ""}, {"null", kwNull, ""},
		{"of", kwOf, ""}, {"on", kwOn, ""}, {"only", kwOnly, ""}, {"or", kwOr, ""},
		{"order", kwOrder, ""}, {"partition", kwPartition, ""}, {"per", kwPer, ""},
		{"primary", kwPrimary, ""}, {"rename", kwRename, ""}, {"revoke", kwRevoke, ""},
		{"schema", kwSchema, ""}, {"select", kwSelect, ""}, {"set", kwSet, ""},
		{"static", kwStatic, ""}, {"storage", kwStorage, ""},
		{"table", kwTable, "K_COLUMNFAMILY"}, {"tables", kwTables, ""},
		{"columnfamilies", kwTables, "K_TABLES"}, {"to", kwTo, ""}, {"token", kwToken, ""},
		{"truncate", kwTruncate, ""}, {"ttl", kwTTL, ""}, {"tuple", kwTuple, ""},
		{"type", kwType, ""}, {"types", kwTypes, ""}, {"unlogged", kwUnlogged, ""},
		{"unset", kwUnset, ""}, {"update", kwUpdate, ""}, {"use", kwUse, ""},
		{"using", kwUsing, ""}, {"values", kwValues, ""}, {"vector", kwVector, ""},
		{"view", kwView, ""}, {"where", kwWhere, ""}, {"with", kwWith, ""},
		{"writetime", kwWritetime, ""},
		{"ascii", kwASCII, ""}, {"bigint", kwBigint, ""}, {"blob", kwBlob, ""},
		{"boolean", kwBoolean, ""}, {"date", kwDate, ""}, {"decimal", kwDecimal, ""},
		{"double", kwDouble, ""}, {"duration", kwDuration, ""}, {"float", kwFloat, ""},
		{"inet", kwInet, ""}, {"int", kwInt, ""}, {"smallint", kwSmallint, ""},
		{"text", kwText, ""}, {"time", kwTime, ""}, {"timestamp", kwTimestamp, ""},
		{"timeuuid", kwTimeuuid, ""}, {"tinyint", kwTinyint, ""}, {"uuid", kwUUID, ""},
		{"varchar", kwVarchar, ""}, {"varint", kwVarint, ""},
	}
	reserved := map[string]bool{}
	for _, w := range strings.Fields(reservedWords) {
		reserved[w] = true
	}
	for _, d := range defs {
		name := d.name
		if name == "" {
			name = "K_" + strings.ToUpper(d.text)
		}
		keywords[d.text] = keywordInfo{kw: d.kw, reserved: reserved[d.text], name: name}
		if keywordNames[d.kw] == "" {
			keywordNames[d.kw] = name
		}
	}
	for text, info := range keywords {
		keywordTable.add(text, info)
	}
	// Reserved words with no grammar use of their own still must not be
	// identifiers.
	for w := range reserved {
		if _, ok := keywords[w]; !ok {
			panic("cql: reserved word without keyword entry: " + w)
		}
	}
}

// isReserved reports whether the lower-case word is a reserved keyword.
func isReserved(word string) bool {
	info, ok := keywords[word]
	return ok && info.reserved
}

// isNativeType reports whether kw names a native type.
func (k keyword) isNativeType() bool { return k >= kwASCII && k <= kwVarint }

// lookupKeyword finds the keyword spelled by word, case-insensitively,
// without allocating.
func lookupKeyword(word string) (keywordInfo, bool) {
	if len(word) < 2 || len(word) > maxKeywordLen {
		return keywordInfo{}, false
	}
	var buf [maxKeywordLen]byte
	h := uint32(fnvOffset)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = (h ^ uint32(c)) * fnvPrime
	}
	return keywordTable.find(h, buf[:len(word)])
}

// maxKeywordLen is the length of the longest keyword.
const maxKeywordLen = 14

// FNV-1a, the hash of keywordTable.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// keywordHash is an open-addressing hash table of the keywords by their
// lower-case text, faster than a map for the lexer's lookups.
type keywordHash [512]keywordSlot

type keywordSlot struct {
	text string
	info keywordInfo
}

// keywordTable holds every keyword.
var keywordTable keywordHash

func (t *keywordHash) add(text string, info keywordInfo) {
	if len(text) > maxKeywordLen {
		panic("cql: keyword longer than maxKeywordLen: " + text)
	}
	h := uint32(fnvOffset)
	for i := 0; i < len(text); i++ {
		h = (h ^ uint32(text[i])) * fnvPrime
	}
	for i := h; ; i++ {
		if s := &t[i%uint32(len(t))]; s.text == "" {
			s.text, s.info = text, info
			return
		}
	}
}

// find returns the keyword whose lower-case text, of hash h, is lower.
func (t *keywordHash) find(h uint32, lower []byte) (keywordInfo, bool) {
	for i := h; ; i++ {
		s := &t[i%uint32(len(t))]
		if s.text == "" {
			return keywordInfo{}, false
		}
		if s.text == string(lower) {
			return s.info, true
		}
	}
}
