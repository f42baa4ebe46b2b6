package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// receiver is what a term is assigned to: a column, a collection element
// ("value(tags)"), a map key ("key(m)"), a UDT field, a tuple component.
// Name is what Cassandra's messages call it.
type receiver struct {
	name string
	typ  *value.Type
}

func elemReceiver(r receiver) receiver {
	return receiver{name: "value(" + r.name + ")", typ: r.typ.Elem()}
}

func keyReceiver(r receiver) receiver {
	return receiver{name: "key(" + r.name + ")", typ: r.typ.Key()}
}

// literalKinds names the constant kinds as Cassandra's messages do.
var literalKinds = map[cql.LiteralKind]string{
	cql.StringLit: "STRING", cql.IntegerLit: "INTEGER", cql.FloatLit: "FLOAT",
	cql.BooleanLit: "BOOLEAN", cql.UUIDLit: "UUID", cql.HexLit: "HEX", cql.DurationLit: "DURATION",
}

// literalAssignable reports whether a constant of kind k may be given to a
// native type, following Constants.Literal.testAssignment.
func literalAssignable(k cql.LiteralKind, t *value.Type) bool {
	if t.Kind.IsCollection() || t.Kind == value.KindUDT || t.Kind == value.KindTuple {
		return false
	}
	switch k {
	case cql.StringLit:
		switch t.Kind {
		case value.KindAscii, value.KindText, value.KindInet, value.KindDate, value.KindTime, value.KindTimestamp:
			return true
		}
	case cql.IntegerLit:
		switch t.Kind {
		case value.KindBigint, value.KindCounter, value.KindDate, value.KindDecimal, value.KindDouble,
			value.KindDuration, value.KindFloat, value.KindInt, value.KindSmallint, value.KindTime,
			value.KindTimestamp, value.KindTinyint, value.KindVarint:
			return true
		}
	case cql.UUIDLit:
		return t.Kind == value.KindUUID || t.Kind == value.KindTimeuuid
	case cql.FloatLit:
		return t.Kind == value.KindDecimal || t.Kind == value.KindDouble || t.Kind == value.KindFloat
	case cql.BooleanLit:
		return t.Kind == value.KindBoolean
	case cql.HexLit:
		return t.Kind == value.KindBlob
	case cql.DurationLit:
		return t.Kind == value.KindDuration
	}
	return false
}

// assignable reports whether term t could be assigned to type typ, as
// Cassandra's testAssignment does before preparing collection elements.
func (c *Context) assignable(t cql.Term, typ *value.Type) bool {
	switch t := t.(type) {
	case *cql.Literal:
		if t.Kind == cql.NullLit {
			return typ.Kind != value.KindCounter
		}
		return literalAssignable(t.Kind, typ)
	case *cql.ListLit:
		if typ.Kind != value.KindList {
			return false
		}
		for _, e := range t.Elems {
			if !c.assignable(e, typ.Elem()) {
				return false
			}
		}
		return true
	case *cql.SetLit:
		if typ.Kind != value.KindSet {
			return false
		}
		for _, e := range t.Elems {
			if !c.assignable(e, typ.Elem()) {
				return false
			}
		}
		return true
	case *cql.MapLit:
		if len(t.Entries) == 0 {
			return typ.Kind == value.KindSet || typ.Kind == value.KindMap
		}
		if typ.Kind != value.KindMap {
			return false
		}
		for _, e := range t.Entries {
			if !c.assignable(e.Key, typ.Key()) || !c.assignable(e.Value, typ.Elem()) {
				return false
			}
		}
		return true
	case *cql.UDTLit:
		if typ.Kind != value.KindUDT {
			return false
		}
		for _, f := range t.Fields {
			i := typ.FieldIndex(f.Name.Name)
			if i < 0 || !c.assignable(f.Value, typ.Elems[i]) {
				return false
			}
		}
		return true
	case *cql.TupleLit:
		if typ.Kind != value.KindTuple || len(t.Elems) > len(typ.Elems) {
			return false
		}
		for i, e := range t.Elems {
			if !c.assignable(e, typ.Elems[i]) {
				return false
			}
		}
		return true
	case *cql.FuncCall:
		return c.termAssignment(t, typ) != notAssignable
	case *cql.TypeCast:
		ct, err := c.resolveType(t.Type)
		return err == nil && typeAssignable(ct, typ)
	case *cql.BinaryTerm, *cql.NegTerm:
		return c.operationAssignment(t, typ) != notAssignable
	}
	return false
}

// typeAssignable reports whether a value of type from may be stored in a
// receiver of type to (AbstractType.testAssignment: same type, or text
// into ascii-compatible and similar widenings Cassandra accepts).
func typeAssignable(from, to *value.Type) bool {
	if from.Equal(to) {
		return true
	}
	if from.Kind == to.Kind && !from.Kind.IsCollection() && from.Kind != value.KindUDT {
		return true
	}
	if from.Kind == to.Kind && (from.Kind.IsCollection() || from.Kind == value.KindUDT) {
		return from.Unfrozen().Equal(to.Unfrozen())
	}
	switch to.Kind {
	case value.KindText:
		return from.Kind == value.KindAscii
	case value.KindUUID:
		return from.Kind == value.KindTimeuuid
	}
	return false
}

// termText renders a term the way Cassandra's Term.Raw.getText does, for
// error messages: strings in quotes, collections with their elements.
func termText(t cql.Term) string {
	switch t := t.(type) {
	case *cql.Literal:
		if t.Kind == cql.StringLit {
			return "'" + t.Text + "'"
		}
		if t.Kind == cql.NullLit {
			return "NULL"
		}
		return t.Text
	case *cql.ListLit:
		return "[" + joinTerms(t.Elems) + "]"
	case *cql.SetLit:
		return "{" + joinTerms(t.Elems) + "}"
	case *cql.TupleLit:
		return "(" + joinTerms(t.Elems) + ")"
	case *cql.MapLit:
		parts := make([]string, len(t.Entries))
		for i, e := range t.Entries {
			parts[i] = termText(e.Key) + ": " + termText(e.Value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *cql.TypeCast:
		return "(" + t.Type.String() + ")" + termText(t.Term)
	case *cql.FuncCall:
		return functionName(t.Keyspace, t.Name) + "(" + joinTerms(t.Args) + ")"
	case *cql.UDTLit:
		parts := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			parts[i] = f.Name.Name + ": " + termText(f.Value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return t.String()
}

func joinTerms(ts []cql.Term) string {
	parts := make([]string, len(ts))
	for i, e := range ts {
		parts[i] = termText(e)
	}
	return strings.Join(parts, ", ")
}

// Value converts term t into a value for receiver r, with Cassandra's
// messages for every mismatch. A null term gives nil.
func (c *Context) value(t cql.Term, r receiver) (any, error) {
	switch t := t.(type) {
	case *cql.Literal:
		return c.literal(t, r)
	case *cql.ListLit:
		return c.listLiteral(t, r)
	case *cql.SetLit:
		return c.setLiteral(t.Elems, r, t.Pos)
	case *cql.MapLit:
		if len(t.Entries) == 0 {
			return c.setLiteral(nil, r, t.Pos)
		}
		return c.mapLiteral(t, r)
	case *cql.UDTLit:
		return c.udtLiteral(t, r)
	case *cql.TupleLit:
		return c.tupleLiteral(t, r)
	case *cql.FuncCall:
		return c.callTerm(t, r)
	case *cql.TypeCast:
		ct, err := c.resolveType(t.Type)
		if err != nil {
			return nil, err
		}
		if !typeAssignable(ct, r.typ) {
			return nil, invalidAt(t.Pos, "Cannot assign value %s to %s of type %s", t.String(), r.name, r.typ)
		}
		return c.value(t.Term, receiver{name: r.name, typ: ct})
	case *cql.BindMarker:
		return nil, invalidAt(t.Pos, "Invalid amount of bind variables")
	case *cql.BinaryTerm, *cql.NegTerm:
		return c.operationValue(t, r)
	}
	return nil, cqlerr.Invalidf("unsupported term %s", t.String())
}

func invalidAt(p cql.Pos, format string, args ...any) *cqlerr.Error {
	return cqlerr.Invalidf(format, args...).At(p.Offset)
}

func (c *Context) literal(t *cql.Literal, r receiver) (any, error) {
	if t.Kind == cql.NullLit {
		if r.typ.Kind == value.KindCounter {
			return nil, invalidAt(t.Pos, "Invalid null value for counter increment/decrement")
		}
		return nil, nil
	}
	if !literalAssignable(t.Kind, r.typ) {
		return nil, invalidAt(t.Pos, "Invalid %s constant (%s) for \"%s\" of type %s", literalKinds[t.Kind], t.Text, r.name, r.typ)
	}
	var v any
	var err error
	if t.Kind == cql.HexLit {
		v, err = value.ParseBlobHex(t.Text)
	} else {
		typ := r.typ
		if typ.Kind == value.KindCounter {
			typ = value.BigintType
		}
		v, err = value.FromString(typ, t.Text)
	}
	if err != nil {
		return nil, invalidAt(t.Pos, "%s", err.Error())
	}
	return v, nil
}

func (c *Context) listLiteral(t *cql.ListLit, r receiver) (any, error) {
	if r.typ.Kind != value.KindList {
		return nil, invalidAt(t.Pos, "Unexpected receiver type '%s'; only list and vector are expected", r.typ)
	}
	er := elemReceiver(r)
	for _, e := range t.Elems {
		if !c.assignable(e, er.typ) {
			return nil, invalidAt(t.Pos, "Invalid list literal for %s: value %s is not of type %s", r.name, termText(e), er.typ)
		}
	}
	out := make([]any, 0, len(t.Elems))
	for _, e := range t.Elems {
		v, err := c.value(e, er)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, invalidAt(t.Pos, "null is not supported inside collections")
		}
		out = append(out, v)
	}
	return emptyCollection(out, r.typ), nil
}

// emptyCollection maps an empty non-frozen collection to null: it has no
// cells, so Cassandra reads it back as null.
func emptyCollection[T any](v []T, t *value.Type) any {
	if len(v) == 0 && !t.Frozen {
		return nil
	}
	return v
}

func (c *Context) setLiteral(elems []cql.Term, r receiver, pos cql.Pos) (any, error) {
	if r.typ.Kind != value.KindSet {
		if r.typ.Kind == value.KindMap && len(elems) == 0 {
			return emptyCollection([]value.MapEntry{}, r.typ), nil
		}
		return nil, invalidAt(pos, "Invalid set literal for %s of type %s", r.name, r.typ)
	}
	er := elemReceiver(r)
	for _, e := range elems {
		if !c.assignable(e, er.typ) {
			return nil, invalidAt(pos, "Invalid set literal for %s: value %s is not of type %s", r.name, termText(e), er.typ)
		}
	}
	out := make([]any, 0, len(elems))
	for _, e := range elems {
		v, err := c.value(e, er)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, invalidAt(pos, "null is not supported inside collections")
		}
		out = append(out, v)
	}
	return emptyCollection(value.SortSet(r.typ, out), r.typ), nil
}

func (c *Context) mapLiteral(t *cql.MapLit, r receiver) (any, error) {
	if r.typ.Kind != value.KindMap {
		return nil, invalidAt(t.Pos, "Invalid map literal for %s of type %s", r.name, r.typ)
	}
	kr, vr := keyReceiver(r), elemReceiver(r)
	for _, e := range t.Entries {
		if !c.assignable(e.Key, kr.typ) {
			return nil, invalidAt(t.Pos, "Invalid map literal for %s: key %s is not of type %s", r.name, termText(e.Key), kr.typ)
		}
		if !c.assignable(e.Value, vr.typ) {
			return nil, invalidAt(t.Pos, "Invalid map literal for %s: value %s is not of type %s", r.name, termText(e.Value), vr.typ)
		}
	}
	out := make([]value.MapEntry, 0, len(t.Entries))
	for _, e := range t.Entries {
		k, err := c.value(e.Key, kr)
		if err != nil {
			return nil, err
		}
		v, err := c.value(e.Value, vr)
		if err != nil {
			return nil, err
		}
		if k == nil || v == nil {
			return nil, invalidAt(t.Pos, "null is not supported inside collections")
		}
		out = append(out, value.MapEntry{Key: k, Value: v})
	}
	return emptyCollection(value.SortMap(r.typ, out), r.typ), nil
}

func (c *Context) udtLiteral(t *cql.UDTLit, r receiver) (any, error) {
	if r.typ.Kind != value.KindUDT {
		return nil, invalidAt(t.Pos, "Invalid user type literal for %s of type %s", r.name, r.typ)
	}
	for _, f := range t.Fields {
		if r.typ.FieldIndex(f.Name.Name) < 0 {
			return nil, invalidAt(t.Pos, "Unknown field '%s' in value of user defined type %s", f.Name.Name, r.typ.Name)
		}
	}
	for i, name := range r.typ.Fields {
		for _, f := range t.Fields {
			if f.Name.Name == name && !c.assignable(f.Value, r.typ.Elems[i]) {
				return nil, invalidAt(t.Pos, "Invalid user type literal for %s: field %s is not of type %s", r.name, value.QuoteIdent(name), r.typ.Elems[i])
			}
		}
	}
	out := make([]any, len(r.typ.Fields))
	for _, f := range t.Fields {
		i := r.typ.FieldIndex(f.Name.Name)
		v, err := c.value(f.Value, receiver{name: r.name + "." + f.Name.Name, typ: r.typ.Elems[i]})
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (c *Context) tupleLiteral(t *cql.TupleLit, r receiver) (any, error) {
	if r.typ.Kind != value.KindTuple {
		return nil, invalidAt(t.Pos, "Invalid tuple type literal for %s of type %s", r.name, r.typ)
	}
	if len(t.Elems) > len(r.typ.Elems) {
		return nil, invalidAt(t.Pos, "Invalid tuple literal for %s: too many elements. Type %s expects %d but got %d",
			r.name, r.typ, len(r.typ.Elems), len(t.Elems))
	}
	for i, e := range t.Elems {
		if !c.assignable(e, r.typ.Elems[i]) {
			return nil, invalidAt(t.Pos, "Invalid tuple literal for %s: component %d is not of type %s", r.name, i, r.typ.Elems[i])
		}
	}
	out := make([]any, len(r.typ.Elems))
	for i, e := range t.Elems {
		v, err := c.value(e, receiver{name: fmt.Sprintf("%s[%d]", r.name, i), typ: r.typ.Elems[i]})
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// callTerm evaluates a function call used as a value (FunctionCall.Raw
// prepare, then its execution).
func (c *Context) callTerm(t *cql.FuncCall, r receiver) (any, error) {
	f, err := c.resolveTerm(t, r.typ)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, invalidAt(t.Pos, "Unknown function %s called", functionName(t.Keyspace, t.Name))
	}
	if f.agg != "" {
		return nil, invalidAt(t.Pos, "Aggregation function are not supported in the where clause")
	}
	if resultAssignment(f.ret, r.typ) == notAssignable {
		return nil, invalidAt(t.Pos, "Type error: cannot assign result of function %s (type %s) to %s (type %s)", f.qualifiedName(), f.ret, r.name, r.typ)
	}
	if len(f.args) != len(t.Args) {
		return nil, invalidAt(t.Pos, "Incorrect number of arguments specified for function %s (expected %d, found %d)", f, len(f.args), len(t.Args))
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		v, err := c.value(a, receiver{name: "arg" + strconv.Itoa(i) + "(" + f.qualifiedName() + ")", typ: f.args[i]})
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	v, err := f.apply(c, args)
	if err != nil {
		return nil, err
	}
	return coerceValue(f.ret, r.typ, v)
}
