package cql

import (
	"slices"
	"strings"
)

// ifNotExists parses an optional IF NOT EXISTS.
func (p *parser) ifNotExists() bool {
	if !p.acceptKw(kwIf) {
		return false
	}
	p.expectKw(kwNot)
	p.expectKw(kwExists)
	return true
}

// ifExists parses an optional IF EXISTS.
func (p *parser) ifExists() bool {
	if !p.acceptKw(kwIf) {
		return false
	}
	p.expectKw(kwExists)
	return true
}

// isKeyspaceKw reports whether the current token is KEYSPACE or its
// synonym SCHEMA.
func (p *parser) isKeyspaceKw() bool { return p.isKw(kwKeyspace) || p.isKw(kwSchema) }

// parseCreate parses the CREATE statements.
//
// Parser.g's cqlStatement picks the statement with a DFA that reads the
// first two words of CREATE, DROP and ALTER statements, so a second word
// that starts none of them fails there, at the first word (see
// secondWord).
func (p *parser) parseCreate() Statement {
	p.secondWord(kwKeyspace, kwSchema, kwTable, kwType, kwIndex, kwCustom, kwMaterialized)
	start := p.expectKw(kwCreate)
	pos := start.pos()
	switch {
	case p.isKeyspaceKw():
		p.next()
		st := &CreateKeyspaceStmt{IfNotExists: p.ifNotExists(), Pos: pos}
		st.Name = p.objectName("keyspace")
		p.expectKw(kwWith)
		st.Options = p.properties()
		return st
	case p.isKw(kwTable):
		p.next()
		return p.parseCreateTable(pos)
	case p.isKw(kwType):
		p.next()
		st := &CreateTypeStmt{IfNotExists: p.ifNotExists(), Pos: pos}
		st.Name = p.userTypeName()
		p.expect(tLParen)
		p.commaList(false, func() {
			name := p.ident()
			st.Fields = append(st.Fields, FieldDef{Name: name, Type: p.typeExpr()})
		})
		p.expect(tRParen)
		return st
	case p.isKw(kwIndex), p.isKw(kwCustom):
		return p.parseCreateIndex(pos)
	case p.isKw(kwMaterialized):
		return p.parseCreateView(pos)
	}
	p.noViable()
	return nil
}

// commaList parses item (, item?)*: the element lists of CREATE TABLE and
// CREATE TYPE, which Cassandra lets end with a comma. After a comma, an
// item is parsed only if the current token can start one (a name, or
// PRIMARY when primary is set); otherwise the list ends there, so that a
// reserved word used as a column name fails where the closing parenthesis
// is expected, as in Cassandra.
func (p *parser) commaList(primary bool, item func()) {
	item()
	for p.accept(tComma) {
		if isIdentTok(p.tok) || primary && p.isKw(kwPrimary) {
			item()
		}
	}
}

// parseCreateTable parses CREATE TABLE after its first two words.
func (p *parser) parseCreateTable(pos Pos) Statement {
	st := &CreateTableStmt{IfNotExists: p.ifNotExists(), Pos: pos}
	st.Name = p.tableName()
	p.expect(tLParen)
	p.commaList(true, func() {
		if p.isKw(kwPrimary) {
			st.PrimaryKeys = append(st.PrimaryKeys, p.primaryKeyDef())
			return
		}
		st.Columns = append(st.Columns, p.columnDef(true))
	})
	p.expect(tRParen)
	if !p.acceptKw(kwWith) {
		return st
	}
	for {
		switch {
		case p.isKw(kwCompact) && p.peek(1).kind == tWord && p.peek(1).kw == kwStorage:
			p.next()
			p.next()
			st.CompactStorage = true
		case p.isKw(kwClustering) && p.peek(1).kind == tWord && p.peek(1).kw == kwOrder:
			p.next()
			p.next()
			p.expectKw(kwBy)
			p.expect(tLParen)
			for {
				col := p.ident()
				desc := p.isKw(kwDesc)
				if !p.acceptKw(kwAsc) && !p.acceptKw(kwDesc) {
					p.noViable()
				}
				st.ClusteringOrder = append(st.ClusteringOrder, OrderDef{Column: col, Desc: desc})
				if !p.accept(tComma) {
					break
				}
			}
			p.expect(tRParen)
		default:
			st.Options = p.addProperty(st.Options)
		}
		if !p.acceptKw(kwAnd) {
			return st
		}
	}
}

// columnDef parses name type [STATIC], and [PRIMARY KEY] when inline is
// set. The sandbox refuses a column mask (MASKED WITH ...), which 5.0
// allows after STATIC.
func (p *parser) columnDef(inline bool) ColumnDef {
	col := ColumnDef{Name: p.ident()}
	col.Type = p.typeExpr()
	col.Static = p.acceptKw(kwStatic)
	if isWord(p.src, p.tok, "masked") {
		p.failAt(p.tok, maskNotSupported)
	}
	if inline && p.acceptKw(kwPrimary) {
		p.expectKw(kwKey)
		col.PrimaryKey = true
	}
	return col
}

// primaryKeyDef parses PRIMARY KEY (pk, c...) or PRIMARY KEY ((pk...), c...).
func (p *parser) primaryKeyDef() PrimaryKeyDef {
	pk := PrimaryKeyDef{Pos: p.expectKw(kwPrimary).pos()}
	p.expectKw(kwKey)
	p.expect(tLParen)
	if p.accept(tLParen) {
		pk.Parenthesized = true
		for {
			pk.PartitionKey = append(pk.PartitionKey, p.ident())
			if !p.accept(tComma) {
				break
			}
		}
		p.expect(tRParen)
	} else {
		pk.PartitionKey = []Ident{p.ident()}
	}
	for p.accept(tComma) {
		pk.Clustering = append(pk.Clustering, p.ident())
	}
	p.expect(tRParen)
	return pk
}

// parseCreateIndex parses CREATE [CUSTOM] INDEX after CREATE.
func (p *parser) parseCreateIndex(pos Pos) Statement {
	st := &CreateIndexStmt{Custom: p.acceptKw(kwCustom), Pos: pos}
	p.expectKw(kwIndex)
	st.IfNotExists = p.ifNotExists()
	if isIdentTok(p.tok) || p.is(tQMark) {
		st.Name = p.objectName("index")
	}
	p.expectKw(kwOn)
	st.Table = p.tableName()
	p.expect(tLParen)
	t := p.tok
	if t.isKw(kwKeys) || t.isKw(kwValues) || t.isKw(kwEntries) || t.isKw(kwFull) {
		// Also column names: the token after them decides.
		switch p.peek(1).kind {
		case tLParen, tRParen, tComma:
		default:
			p.noViableAt(1)
		}
	}
	if t.kind == tWord && p.peek(1).kind == tLParen &&
		(t.kw == kwKeys || t.kw == kwValues || t.kw == kwEntries || t.kw == kwFull) {
		st.TargetFunc = strings.ToLower(p.val(t))
		p.next()
		p.next()
		st.Target = p.cident()
		p.expect(tRParen)
	} else if isIdentTok(t) || t.kind == tEmptyQuoted || t.kind == tRParen {
		st.Target = p.cident()
	} else {
		p.mismatched("')'") // the list of targets may be empty
	}
	if p.is(tComma) {
		p.failAt(p.tok, "indexes on several columns are not supported by the sandbox")
	}
	p.expect(tRParen)
	if p.acceptKw(kwUsing) {
		st.Using = p.val(p.expect(tString))
	}
	if p.acceptKw(kwWith) {
		st.Options = p.properties()
	}
	return st
}

// parseCreateView keeps the text of CREATE MATERIALIZED VIEW up to the end
// of the statement.
func (p *parser) parseCreateView(pos Pos) Statement {
	var b strings.Builder
	for !p.is(tEOF) && !p.is(tSemi) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.src[p.tok.off:p.tok.end])
		p.next()
	}
	return &CreateViewStmt{Raw: b.String(), Pos: pos}
}

// secondWord fails with "no viable alternative" at the word after the
// current one unless it is one of kws, as Parser.g's cqlStatement does
// for the second word of a statement.
func (p *parser) secondWord(kws ...keyword) {
	if next := p.peek(1); next.kind == tWord && slices.Contains(kws, next.kw) {
		return
	}
	p.noViableAt(1)
}

// parseDrop parses DROP KEYSPACE, DROP TABLE and DROP TYPE.
func (p *parser) parseDrop() Statement {
	p.secondWord(kwKeyspace, kwSchema, kwTable, kwType)
	pos := p.expectKw(kwDrop).pos()
	switch {
	case p.isKeyspaceKw():
		p.next()
		st := &DropKeyspaceStmt{IfExists: p.ifExists(), Pos: pos}
		st.Name = p.objectName("keyspace")
		return st
	case p.isKw(kwTable):
		p.next()
		st := &DropTableStmt{IfExists: p.ifExists(), Pos: pos}
		st.Name = p.tableName()
		return st
	case p.isKw(kwType):
		p.next()
		st := &DropTypeStmt{IfExists: p.ifExists(), Pos: pos}
		st.Name = p.userTypeName()
		return st
	}
	p.noViable()
	return nil
}

// parseAlter parses ALTER KEYSPACE and ALTER TABLE.
func (p *parser) parseAlter() Statement {
	p.secondWord(kwKeyspace, kwSchema, kwTable)
	pos := p.expectKw(kwAlter).pos()
	if p.isKeyspaceKw() {
		p.next()
		st := &AlterKeyspaceStmt{IfExists: p.ifExists(), Pos: pos}
		st.Name = p.objectName("keyspace")
		p.expectKw(kwWith)
		st.Options = p.properties()
		return st
	}
	p.expectKw(kwTable)
	return p.parseAlterTable(pos)
}

// properties parses name = value (AND name = value)*.
func (p *parser) properties() []Property {
	var props []Property
	for {
		props = p.addProperty(props)
		if !p.acceptKw(kwAnd) {
			return props
		}
	}
}

// addProperty parses one name = value and appends it to props, recording
// Cassandra's complaints about duplicate or non-constant properties.
//
// Parser.g's property tells a simple value from a map by reading the name,
// the '=' and the token after it, so a wrong token there fails with the
// name in brackets.
func (p *parser) addProperty(props []Property) []Property {
	if isIdentTok(p.tok) {
		if p.peek(1).kind != tEq {
			p.noViableAt(1)
		}
		if v := p.peek(2); v.kind != tLBrace && !isPropertyValueTok(v) {
			p.noViableAt(2)
		}
	}
	name := p.ident()
	p.expect(tEq)
	var value Term
	switch t := p.tok; {
	case t.kind == tLBrace:
		m := p.mapLiteral()
		p.checkPropertyMap(m)
		value = m
	case isUnreservedKw(t):
		value = &Literal{Kind: StringLit, Text: p.val(t), Pos: t.pos()}
		p.next()
	default:
		lit := p.constant()
		if lit == nil {
			p.noViable()
		}
		value = lit
	}
	for _, prev := range props {
		if prev.Name.Name == name.Name {
			// PropertyDefinitions.addProperty; a map's repeated key
			// (convertPropertyMap, below) has other words.
			p.recordf("Multiple definitions for property '%s'", name.Name)
		}
	}
	return append(props, Property{Name: name, Value: value})
}

// checkPropertyMap records the errors of Parser.g's convertPropertyMap:
// keys and values must be constants, keys must not repeat.
func (p *parser) checkPropertyMap(m *MapLit) {
	seen := map[string]bool{}
	for _, e := range m.Entries {
		k, kok := e.Key.(*Literal)
		v, vok := e.Value.(*Literal)
		switch {
		case !kok || k.Kind == NullLit:
			p.recordf("Invalid property name: %s%s", e.Key, bindNote(e.Key))
			return
		case !vok || v.Kind == NullLit:
			p.recordf("Invalid property value: %s for property: %s%s", e.Value, e.Key, bindNote(e.Value))
			return
		case seen[k.Text]:
			p.recordf("Multiple definition for property %s", k.Text)
		}
		seen[k.Text] = true
	}
}

// bindNote is the note Cassandra adds when a bind marker is misused in DDL.
func bindNote(t Term) string {
	if _, ok := t.(*BindMarker); ok {
		return " (bind variables are not supported in DDL queries)"
	}
	return ""
}

// parseDescribe parses DESCRIBE (or DESC) in its server-side forms.
func (p *parser) parseDescribe() Statement {
	st := &DescribeStmt{Pos: p.tok.pos()}
	p.next()
	t := p.tok
	unsupported := func(what string) {
		p.failAt(t, "DESCRIBE "+what+" is not supported by the sandbox")
	}
	nameFollows := func() bool {
		n := p.peek(1)
		return isIdentTok(n) || n.kind == tQMark
	}
	switch {
	case p.acceptKw(kwCluster):
		st.Kind = DescribeCluster
	case p.acceptKw(kwFull):
		p.expectKw(kwSchema)
		st.Kind, st.Full = DescribeSchema, true
	case p.acceptKw(kwSchema):
		st.Kind = DescribeSchema
	case p.acceptKw(kwKeyspaces):
		st.Kind = DescribeKeyspaces
	case p.acceptKw(kwKeyspace):
		st.Kind = DescribeKeyspace
		if isIdentTok(p.tok) || p.is(tQMark) {
			st.Name.Name = p.objectName("keyspace")
		}
	case p.acceptKw(kwTables):
		st.Kind = DescribeTables
	case p.acceptKw(kwTable):
		st.Kind = DescribeTable
		st.Name = p.tableName()
	case p.acceptKw(kwTypes):
		st.Kind = DescribeTypes
	case p.isKw(kwType) && nameFollows():
		p.next()
		st.Kind = DescribeType
		st.Name = p.userTypeName()
	case p.isKw(kwOnly):
		unsupported("ONLY KEYSPACE")
	case p.isKw(kwIndex), p.isKw(kwMaterialized), p.isKw(kwFunctions), p.isKw(kwAggregates):
		unsupported(strings.ToUpper(p.val(t)))
	case (p.isKw(kwFunction) || p.isKw(kwAggregate)) && nameFollows():
		unsupported(strings.ToUpper(p.val(t)))
	default:
		st.Kind = DescribeName
		first := p.ident()
		if p.accept(tDot) {
			st.Name = QualifiedName{Keyspace: first, Name: p.ident()}
		} else {
			st.Name.Name = first
		}
	}
	if p.isKw(kwWith) {
		p.failAt(p.tok, "DESCRIBE ... WITH INTERNALS is not supported by the sandbox")
	}
	return st
}
