package plan

import (
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Expr is one selected expression, evaluated on each row by the engine.
type Expr interface {
	// ResultType returns the type of the expression's values.
	ResultType() *value.Type
}

// ColumnRef selects a column's value.
type ColumnRef struct{ Col *schema.Column }

// WriteTime is writetime(c): the cell's write timestamp in microseconds
// (a list of them for a non-frozen collection, as in Cassandra 5.0).
type WriteTime struct {
	Col *schema.Column
	typ *value.Type
}

// TTLOf is ttl(c): the cell's remaining time to live in seconds, or null.
type TTLOf struct {
	Col *schema.Column
	typ *value.Type
}

// TokenOf is token(pk...): the partition's token.
type TokenOf struct{}

// Call applies a scalar function to its arguments.
type Call struct {
	Name string
	f    *function
	Args []Expr
}

// ToJSON is toJson(x).
type ToJSON struct{ Arg Expr }

// FieldOf selects one field of a UDT value.
type FieldOf struct {
	Arg   Expr
	Index int
	typ   *value.Type
}

// ElementOf selects one element of a map or set (Key), or a range of them
// (Slice, with From and To nil for open ends).
type ElementOf struct {
	Arg      Expr
	Key      any
	Slice    bool
	From, To any
	typ      *value.Type
}

// CastOf is CAST(x AS type).
type CastOf struct {
	Arg Expr
	To  *value.Type
}

// Const is a constant selected as is.
type Const struct {
	V   any
	Typ *value.Type
}

// Aggregate is count(*), count(x), min, max, sum or avg.
type Aggregate struct {
	Fn   string
	Star bool
	Arg  Expr
	typ  *value.Type
}

// ResultType implements Expr.
func (e *ColumnRef) ResultType() *value.Type { return e.Col.Type }

// ResultType implements Expr.
func (e *WriteTime) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *TTLOf) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *TokenOf) ResultType() *value.Type { return value.BigintType }

// ResultType implements Expr.
func (e *Call) ResultType() *value.Type { return e.f.ret }

// ResultType implements Expr.
func (e *ToJSON) ResultType() *value.Type { return value.TextType }

// ResultType implements Expr.
func (e *FieldOf) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *ElementOf) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *CastOf) ResultType() *value.Type { return e.To }

// ResultType implements Expr.
func (e *Const) ResultType() *value.Type { return e.Typ }

// ResultType implements Expr.
func (e *Aggregate) ResultType() *value.Type { return e.typ }

// Apply evaluates the function on argument values; a null argument gives
// null.
func (e *Call) Apply(c *Context, args []any) (any, error) { return e.f.apply(c, args) }

// selection builds the expressions and result columns of a SELECT clause.
func (c *Context) selection(t *schema.Table, sels []cql.Selector) ([]Expr, []ResultColumn, error) {
	if len(sels) == 0 {
		exprs := make([]Expr, len(t.Columns))
		cols := make([]ResultColumn, len(t.Columns))
		for i, col := range t.Columns {
			exprs[i] = &ColumnRef{Col: col}
			cols[i] = ResultColumn{Name: col.Name, Type: col.Type}
		}
		return exprs, cols, nil
	}
	exprs := make([]Expr, len(sels))
	cols := make([]ResultColumn, len(sels))
	for i, s := range sels {
		e, name, err := c.selector(t, s.Expr)
		if err != nil {
			return nil, nil, err
		}
		if s.Alias.Name != "" {
			name = s.Alias.Name
		}
		exprs[i] = e
		cols[i] = ResultColumn{Name: name, Type: e.ResultType()}
	}
	return exprs, cols, nil
}

var aggregates = map[string]bool{"count": true, "min": true, "max": true, "sum": true, "avg": true}

// selector plans one selection and returns its expression and the column
// name Cassandra gives it.
func (c *Context) selector(t *schema.Table, s cql.Selection) (Expr, string, error) {
	switch s := s.(type) {
	case *cql.ColumnSel:
		col, err := column(t, s.Column)
		if err != nil {
			return nil, "", err
		}
		return &ColumnRef{Col: col}, col.Name, nil
	case *cql.CountStarSel:
		return &Aggregate{Fn: "count", Star: true, typ: value.BigintType}, "count", nil
	case *cql.FuncSel:
		return c.funcSelector(t, s)
	case *cql.FieldSel:
		arg, name, err := c.selector(t, s.Expr)
		if err != nil {
			return nil, "", err
		}
		at := arg.ResultType()
		if at.Kind != value.KindUDT {
			return nil, "", cqlerr.Invalidf("Invalid field selection: %s of type %s is not a user type", name, at)
		}
		idx := at.FieldIndex(s.Field.Name)
		if idx < 0 {
			return nil, "", cqlerr.Invalidf("%s of type %s has no field %s", name, at, s.Field.Name)
		}
		return &FieldOf{Arg: arg, Index: idx, typ: at.Elems[idx]}, name + "." + s.Field.Name, nil
	case *cql.ElementSel:
		arg, name, err := c.selector(t, s.Expr)
		if err != nil {
			return nil, "", err
		}
		at := arg.ResultType()
		if at.Kind != value.KindMap && at.Kind != value.KindSet {
			return nil, "", cqlerr.Invalidf("Invalid element selection: %s is of type %s is not a collection", name, at)
		}
		kr := receiver{name: name, typ: at.Key()}
		e := &ElementOf{Arg: arg, Slice: s.Slice}
		if s.Slice {
			e.typ = at
			if s.From != nil {
				if e.From, err = c.value(s.From, kr); err != nil {
					return nil, "", err
				}
			}
			if s.To != nil {
				if e.To, err = c.value(s.To, kr); err != nil {
					return nil, "", err
				}
			}
			return e, name + "[" + termOrEmpty(s.From) + ".." + termOrEmpty(s.To) + "]", nil
		}
		if e.Key, err = c.value(s.Key, kr); err != nil {
			return nil, "", err
		}
		e.typ = at.Elem()
		if at.Kind == value.KindSet {
			e.typ = at.Key()
		}
		return e, name + "[" + termText(s.Key) + "]", nil
	case *cql.CastSel:
		arg, name, err := c.selector(t, s.Expr)
		if err != nil {
			return nil, "", err
		}
		to, err := c.resolveTypeIn(t.Keyspace, s.Type, false)
		if err != nil {
			return nil, "", err
		}
		return &CastOf{Arg: arg, To: to}, "cast(" + name + " as " + to.String() + ")", nil
	case *cql.TermSel:
		typ := literalType(s.Term)
		if typ == nil {
			return nil, "", cqlerr.Invalidf("Cannot infer type for term %s in selection clause (try using a cast to force a type)", termText(s.Term))
		}
		v, err := c.value(s.Term, receiver{name: termText(s.Term), typ: typ})
		if err != nil {
			return nil, "", err
		}
		return &Const{V: v, Typ: typ}, termText(s.Term), nil
	}
	return nil, "", cqlerr.Invalidf("unsupported selection %s", s.String())
}

func termOrEmpty(t cql.Term) string {
	if t == nil {
		return ""
	}
	return termText(t)
}

// literalType is the type Cassandra infers for a constant selected on its
// own.
func literalType(t cql.Term) *value.Type {
	l, ok := t.(*cql.Literal)
	if !ok {
		return nil
	}
	switch l.Kind {
	case cql.StringLit:
		return value.TextType
	case cql.IntegerLit:
		return value.IntType
	case cql.FloatLit:
		return value.DoubleType
	case cql.BooleanLit:
		return value.BooleanType
	case cql.UUIDLit:
		return value.UUIDType
	case cql.HexLit:
		return value.BlobType
	case cql.DurationLit:
		return value.DurationType
	}
	return nil
}

func (c *Context) funcSelector(t *schema.Table, s *cql.FuncSel) (Expr, string, error) {
	name := strings.ToLower(s.Name.Name)
	switch name {
	case "writetime", "ttl":
		fname := map[string]string{"writetime": "writeTime", "ttl": "ttl"}[name]
		if len(s.Args) != 1 {
			return nil, "", cqlerr.Invalidf("Invalid number of arguments for %s", fname)
		}
		cs, ok := s.Args[0].(*cql.ColumnSel)
		if !ok {
			return nil, "", cqlerr.Invalidf("Only column names are supported as arguments of %s", fname)
		}
		col, err := column(t, cs.Column)
		if err != nil {
			return nil, "", err
		}
		if col.IsPrimaryKey() {
			return nil, "", cqlerr.Invalidf("Cannot use selection function %s on PRIMARY KEY part %s", fname, col.Name)
		}
		label := name + "(" + col.Name + ")"
		if name == "writetime" {
			typ := value.BigintType
			if col.Type.IsMultiCell() {
				typ = value.ListOf(value.BigintType, true)
			}
			return &WriteTime{Col: col, typ: typ}, label, nil
		}
		typ := value.IntType
		if col.Type.IsMultiCell() {
			typ = value.ListOf(value.IntType, true)
		}
		return &TTLOf{Col: col, typ: typ}, label, nil
	case "token":
		names := make([]string, len(s.Args))
		for i, a := range s.Args {
			cs, ok := a.(*cql.ColumnSel)
			if !ok || i >= len(t.PartitionKey) || cs.Column.Name != t.PartitionKey[i].Name {
				return nil, "", cqlerr.Invalidf("Type error: token() arguments must be the partition key columns of %s in order", t.QualifiedName())
			}
			names[i] = cs.Column.Name
		}
		if len(s.Args) != len(t.PartitionKey) {
			return nil, "", cqlerr.Invalidf("Invalid number of arguments in call to function system.token: %d required but %d provided", len(t.PartitionKey), len(s.Args))
		}
		return &TokenOf{}, "system.token(" + strings.Join(names, ", ") + ")", nil
	case "tojson":
		if len(s.Args) != 1 {
			return nil, "", cqlerr.Invalidf("toJson() only accepts one argument (got %d)", len(s.Args))
		}
		arg, an, err := c.selector(t, s.Args[0])
		if err != nil {
			return nil, "", err
		}
		return &ToJSON{Arg: arg}, "system.tojson(" + an + ")", nil
	}
	if aggregates[name] {
		return c.aggregateSelector(t, s, name)
	}
	args := make([]Expr, len(s.Args))
	argTypes := make([]*value.Type, len(s.Args))
	names := make([]string, len(s.Args))
	for i, a := range s.Args {
		e, n, err := c.selector(t, a)
		if err != nil {
			return nil, "", err
		}
		args[i], argTypes[i], names[i] = e, e.ResultType(), n
	}
	f := resolveForTypes(name, argTypes)
	if f == nil {
		if lookupFunction(name, -1) != nil {
			types := make([]string, len(argTypes))
			for i, at := range argTypes {
				types[i] = at.String()
			}
			return nil, "", cqlerr.Invalidf("Invalid call to function %s, none of its type signatures match (known type signatures: for arguments %s)", name, strings.Join(types, ", "))
		}
		return nil, "", cqlerr.Invalidf("Unknown function '%s'", s.Name.Name)
	}
	return &Call{Name: name, f: f, Args: args}, "system." + name + "(" + strings.Join(names, ", ") + ")", nil
}

func (c *Context) aggregateSelector(t *schema.Table, s *cql.FuncSel, name string) (Expr, string, error) {
	if len(s.Args) != 1 {
		return nil, "", cqlerr.Invalidf("Invalid number of arguments in call to function system.%s: 1 required but %d provided", name, len(s.Args))
	}
	if ts, ok := s.Args[0].(*cql.TermSel); ok && name == "count" {
		// COUNT(1) is COUNT(*).
		if l, ok := ts.Term.(*cql.Literal); ok && l.Kind != cql.NullLit {
			return &Aggregate{Fn: "count", Star: true, typ: value.BigintType}, "count", nil
		}
	}
	arg, an, err := c.selector(t, s.Args[0])
	if err != nil {
		return nil, "", err
	}
	at := arg.ResultType()
	typ := at
	switch name {
	case "count":
		typ = value.BigintType
	case "sum", "avg":
		switch at.Kind {
		case value.KindInt, value.KindBigint, value.KindSmallint, value.KindTinyint, value.KindVarint,
			value.KindFloat, value.KindDouble, value.KindDecimal, value.KindCounter:
		default:
			return nil, "", cqlerr.Invalidf("Invalid call to function %s, none of its type signatures match (known type signatures: system.%s : (int) -> int, ...)", name, name)
		}
		if at.Kind == value.KindCounter {
			typ = value.BigintType
		}
	}
	return &Aggregate{Fn: name, Arg: arg, typ: typ}, "system." + name + "(" + an + ")", nil
}

// selectedColumns returns the table columns an expression reads.
func selectedColumns(e Expr, out map[*schema.Column]bool) {
	switch e := e.(type) {
	case *ColumnRef:
		out[e.Col] = true
	case *WriteTime:
		out[e.Col] = true
	case *TTLOf:
		out[e.Col] = true
	case *Call:
		for _, a := range e.Args {
			selectedColumns(a, out)
		}
	case *ToJSON:
		selectedColumns(e.Arg, out)
	case *FieldOf:
		selectedColumns(e.Arg, out)
	case *ElementOf:
		selectedColumns(e.Arg, out)
	case *CastOf:
		selectedColumns(e.Arg, out)
	case *Aggregate:
		if e.Arg != nil {
			selectedColumns(e.Arg, out)
		}
	}
}

func isAggregate(e Expr) bool {
	_, ok := e.(*Aggregate)
	return ok
}
