package cql

import "strings"

// printer writes canonical CQL: upper-case keywords, identifiers quoted
// only when they must be (or were), single spaces.
type printer struct{ strings.Builder }

// needsQuotes reports whether name cannot be written as an unquoted
// identifier: it is not lower-case letters, digits and '_' starting with a
// letter, or it is a reserved keyword or a boolean.
func needsQuotes(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return true
	}
	for i := 1; i < len(name); i++ {
		c := name[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return true
		}
	}
	return isReserved(name) || name == "true" || name == "false"
}

// quoted writes name in double quotes, doubling inner double quotes.
func (w *printer) quoted(name string) {
	w.WriteByte('"')
	w.WriteString(strings.ReplaceAll(name, `"`, `""`))
	w.WriteByte('"')
}

// name writes a bare name, quoting it if needed.
func (w *printer) name(name string) {
	if needsQuotes(name) {
		w.quoted(name)
		return
	}
	w.WriteString(name)
}

// ident writes an identifier; one written in quotes stays quoted.
func (w *printer) ident(id Ident) {
	if id.Quoted {
		w.quoted(id.Name)
		return
	}
	w.name(id.Name)
}

// funcName writes a function name, which may be the keyword token.
func (w *printer) funcName(keyspace string, id Ident) {
	if keyspace != "" {
		w.name(keyspace)
		w.WriteByte('.')
	}
	if !id.Quoted && id.Name == "token" {
		w.WriteString("token")
		return
	}
	w.ident(id)
}

// qname writes [keyspace.]name.
func (w *printer) qname(qn QualifiedName) {
	if qn.Keyspace.Name != "" || qn.Keyspace.Quoted {
		w.ident(qn.Keyspace)
		w.WriteByte('.')
	}
	w.ident(qn.Name)
}

// idents writes a comma-separated list of identifiers.
func (w *printer) idents(ids []Ident) {
	for i, id := range ids {
		if i > 0 {
			w.WriteString(", ")
		}
		w.ident(id)
	}
}

// stringLit writes s as a single-quoted CQL string.
func (w *printer) stringLit(s string) {
	w.WriteByte('\'')
	w.WriteString(strings.ReplaceAll(s, "'", "''"))
	w.WriteByte('\'')
}

// typ writes a type.
func (w *printer) typ(t *TypeExpr) {
	if t == nil {
		return
	}
	if t.Frozen {
		w.WriteString("frozen<")
	}
	switch {
	case len(t.Params) > 0 && !t.Quoted && t.Keyspace == "":
		w.WriteString(t.Name)
		w.WriteByte('<')
		for i, p := range t.Params {
			if i > 0 {
				w.WriteString(", ")
			}
			w.typ(p)
		}
		w.WriteByte('>')
	case !t.Quoted && t.Keyspace == "" && isNativeName(t.Name):
		w.WriteString(t.Name)
	default:
		if t.Keyspace != "" {
			w.name(t.Keyspace)
			w.WriteByte('.')
		}
		if t.Quoted || isNativeName(t.Name) {
			w.quoted(t.Name)
		} else {
			w.name(t.Name)
		}
	}
	if t.Frozen {
		w.WriteByte('>')
	}
}

// terms writes a comma-separated list of terms.
func (w *printer) terms(ts []Term) {
	for i, t := range ts {
		if i > 0 {
			w.WriteString(", ")
		}
		w.term(t)
	}
}

// term writes a term.
func (w *printer) term(t Term) {
	switch t := t.(type) {
	case nil:
	case *Literal:
		switch t.Kind {
		case StringLit:
			w.stringLit(t.Text)
		case NullLit:
			w.WriteString("NULL")
		default:
			w.WriteString(t.Text)
		}
	case *ListLit:
		w.WriteByte('[')
		w.terms(t.Elems)
		w.WriteByte(']')
	case *SetLit:
		w.WriteByte('{')
		w.terms(t.Elems)
		w.WriteByte('}')
	case *MapLit:
		w.WriteByte('{')
		for i, e := range t.Entries {
			if i > 0 {
				w.WriteString(", ")
			}
			w.term(e.Key)
			w.WriteString(": ")
			w.term(e.Value)
		}
		w.WriteByte('}')
	case *UDTLit:
		w.WriteByte('{')
		for i, f := range t.Fields {
			if i > 0 {
				w.WriteString(", ")
			}
			w.ident(f.Name)
			w.WriteString(": ")
			w.term(f.Value)
		}
		w.WriteByte('}')
	case *TupleLit:
		w.WriteByte('(')
		w.terms(t.Elems)
		w.WriteByte(')')
	case *FuncCall:
		w.funcName(t.Keyspace, t.Name)
		w.WriteByte('(')
		w.terms(t.Args)
		w.WriteByte(')')
	case *TypeCast:
		w.WriteByte('(')
		w.typ(t.Type)
		w.WriteString(") ")
		w.term(t.Term)
	case *BinaryTerm:
		w.binaryTerm(t)
	case *NegTerm:
		w.negTerm(t)
	case *BindMarker:
		if t.Name.Name == "" && !t.Name.Quoted {
			w.WriteByte('?')
			return
		}
		w.WriteByte(':')
		w.ident(t.Name)
	}
}

// sel writes a selection.
func (w *printer) sel(s Selection) {
	switch s := s.(type) {
	case nil:
	case *ColumnSel:
		w.ident(s.Column)
	case *CountStarSel:
		w.WriteString("COUNT(*)")
	case *FuncSel:
		w.funcName(s.Keyspace, s.Name)
		w.WriteByte('(')
		for i, a := range s.Args {
			if i > 0 {
				w.WriteString(", ")
			}
			w.sel(a)
		}
		w.WriteByte(')')
	case *FieldSel:
		w.sel(s.Expr)
		w.WriteByte('.')
		w.ident(s.Field)
	case *ElementSel:
		w.sel(s.Expr)
		w.WriteByte('[')
		if s.Slice {
			w.term(s.From)
			w.WriteString("..")
			w.term(s.To)
		} else {
			w.term(s.Key)
		}
		w.WriteByte(']')
	case *CastSel:
		w.WriteString("CAST(")
		w.sel(s.Expr)
		w.WriteString(" AS ")
		w.typ(s.Type)
		w.WriteByte(')')
	case *TermSel:
		w.term(s.Term)
	case *BinarySel:
		w.binarySel(s)
	case *NegSel:
		w.negSel(s)
	case *ParenSel:
		w.selOperand(s.Expr, true)
	case *HintSel:
		w.hintSel(s)
	}
}

// relation writes one WHERE relation.
func (w *printer) relation(r Relation) {
	switch r.Kind {
	case TokenRelation:
		w.WriteString("TOKEN(")
		w.idents(r.Columns)
		w.WriteByte(')')
	case MultiColumnRelation:
		w.WriteByte('(')
		w.idents(r.Columns)
		w.WriteByte(')')
	default:
		w.idents(r.Columns)
		if r.Key != nil {
			w.WriteByte('[')
			w.term(r.Key)
			w.WriteByte(']')
		}
	}
	w.operation(r.Op, r.Value, r.Values)
}

// operation writes " op value", " IN (values)" or " IS NOT NULL".
func (w *printer) operation(op Operator, value Term, values []Term) {
	w.WriteByte(' ')
	w.WriteString(op.String())
	switch {
	case op == OpIsNotNull:
	case op == OpIn && value == nil:
		w.WriteString(" (")
		w.terms(values)
		w.WriteByte(')')
	default:
		w.WriteByte(' ')
		w.term(value)
	}
}

// condition writes one IF condition.
func (w *printer) condition(c Condition) {
	w.ident(c.Column)
	switch {
	case c.Key != nil:
		w.WriteByte('[')
		w.term(c.Key)
		w.WriteByte(']')
	case c.Field.Name != "" || c.Field.Quoted:
		w.WriteByte('.')
		w.ident(c.Field)
	}
	w.operation(c.Op, c.Value, c.Values)
}

// ifClause writes IF EXISTS or IF conditions, if any.
func (w *printer) ifClause(ifExists bool, conds []Condition) {
	if ifExists {
		w.WriteString(" IF EXISTS")
		return
	}
	for i, c := range conds {
		if i == 0 {
			w.WriteString(" IF ")
		} else {
			w.WriteString(" AND ")
		}
		w.condition(c)
	}
}

// where writes a WHERE clause, if any.
func (w *printer) where(rels []Relation) {
	for i, r := range rels {
		if i == 0 {
			w.WriteString(" WHERE ")
		} else {
			w.WriteString(" AND ")
		}
		w.relation(r)
	}
}

// using writes a USING clause, if any.
func (w *printer) using(u *UsingClause) {
	if u == nil || (u.TTL == nil && u.Timestamp == nil) {
		return
	}
	w.WriteString(" USING ")
	if u.TTL != nil {
		w.WriteString("TTL ")
		w.term(u.TTL)
		if u.Timestamp != nil {
			w.WriteString(" AND ")
		}
	}
	if u.Timestamp != nil {
		w.WriteString("TIMESTAMP ")
		w.term(u.Timestamp)
	}
}

// properties writes name = value AND ...
func (w *printer) properties(props []Property) {
	for i, p := range props {
		if i > 0 {
			w.WriteString(" AND ")
		}
		w.ident(p.Name)
		w.WriteString(" = ")
		w.term(p.Value)
	}
}
