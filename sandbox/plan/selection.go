package plan

import (
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

// MetaKind says which cell metadata a CellMeta selects.
type MetaKind int

// The cell metadata selection functions.
const (
	WriteTimeMeta    MetaKind = iota // writetime(x)
	MaxWriteTimeMeta                 // maxwritetime(x)
	TTLMeta                          // ttl(x)
)

// CellMeta is writetime(x), maxwritetime(x) or ttl(x), where x is a
// column, an element or slice of a collection column, or a field of a UDT
// column. A selection that spans several cells (a non-frozen collection or
// UDT) gives a list with one entry per cell, except for maxwritetime,
// which gives the largest.
type CellMeta struct {
	Kind MetaKind
	// Col is the column whose cells are read.
	Col *schema.Column
	// Arg is the selection inside the parentheses.
	Arg Expr
	typ *value.Type
}

// TokenOf is token(pk...) applied to the partition key columns in order:
// the token of the row's partition.
type TokenOf struct {
	// Cols are the partition key columns.
	Cols []*schema.Column
}

// Call applies a scalar function to its arguments.
type Call struct {
	Name string
	f    *function
	Args []Expr
	// from holds, for each argument whose Go representation differs from
	// its parameter's (a text given to a blob parameter), the argument's
	// type; nil when no argument needs converting.
	from []*value.Type
}

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

// Const is a constant selected as is.
type Const struct {
	V   any
	Typ *value.Type
}

// Aggregate is an aggregate function: count(*) (Star), count(x), min, max,
// sum or avg.
type Aggregate struct {
	Fn   string
	Star bool
	Arg  Expr
	typ  *value.Type
}

// ResultType implements Expr.
func (e *ColumnRef) ResultType() *value.Type { return e.Col.Type }

// ResultType implements Expr.
func (e *CellMeta) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *TokenOf) ResultType() *value.Type { return value.BigintType }

// ResultType implements Expr.
func (e *Call) ResultType() *value.Type { return e.f.ret }

// ResultType implements Expr.
func (e *FieldOf) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *ElementOf) ResultType() *value.Type { return e.typ }

// ResultType implements Expr.
func (e *Const) ResultType() *value.Type { return e.Typ }

// ResultType implements Expr.
func (e *Aggregate) ResultType() *value.Type { return e.typ }

// Apply evaluates the function on argument values; a null argument gives
// null, except for the functions that accept nulls (toJson).
func (e *Call) Apply(c *Context, args []any) (any, error) {
	for i, t := range e.from {
		if t == nil {
			continue
		}
		v, err := coerceValue(t, e.f.args[i], args[i])
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	return e.f.apply(c, args)
}

// selection builds the expressions and result columns of a SELECT clause.
func (c *Context) selection(t *schema.Table, sels []cql.Selector) ([]Expr, []ResultColumn, error) {
	c.stmtTable = t
	if len(sels) == 0 {
		if info := c.Tables.info(t); info != nil {
			return info.starExprs, info.starColumns, nil
		}
		return starSelection(t)
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

// starSelection builds the expressions and result columns of SELECT *.
// They are read only: the slices are capped, so that appending to them
// copies.
func starSelection(t *schema.Table) ([]Expr, []ResultColumn, error) {
	n := len(t.Columns)
	exprs := make([]Expr, n)
	cols := make([]ResultColumn, n)
	refs := make([]ColumnRef, n)
	for i, col := range t.Columns {
		refs[i].Col = col
		exprs[i] = &refs[i]
		cols[i] = ResultColumn{Name: col.Name, Type: col.Type}
	}
	return exprs[:n:n], cols[:n:n], nil
}

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
		return c.fieldSelector(t, s)
	case *cql.ElementSel:
		return c.elementSelector(t, s)
	case *cql.CastSel:
		return c.castSelector(t, s)
	case *cql.BinarySel:
		return c.operationSelector(t, operationNames[s.Op], []cql.Selection{s.Left, s.Right})
	case *cql.NegSel:
		return c.operationSelector(t, negationName, []cql.Selection{s.Expr})
	case *cql.HintSel:
		return c.hintSelector(t, s)
	case *cql.ParenSel:
		// Without an expected type, a selection in parentheses could be
		// a tuple of one element (Selectable.BetweenParenthesesOrWithTuple
		// knows no type for a single element).
		return nil, "", cqlerr.Invalidf("Cannot infer type for term %s in selection clause (try using a cast to force a type)", s.String())
	case *cql.TermSel:
		if tc, ok := s.Term.(*cql.TypeCast); ok {
			typ, err := c.resolveTypeIn(t.Keyspace, tc.Type, false)
			if err != nil {
				return nil, "", err
			}
			return c.constSelector(s.Term, typ)
		}
		return nil, "", cqlerr.Invalidf("Cannot infer type for term %s in selection clause (try using a cast to force a type)", termText(s.Term))
	}
	return nil, "", cqlerr.Invalidf("unsupported selection %s", s.String())
}

// constSelector prepares a term selected for a known type.
func (c *Context) constSelector(term cql.Term, typ *value.Type) (Expr, string, error) {
	v, err := c.value(term, receiver{name: "[selection]", typ: typ})
	if err != nil {
		return nil, "", err
	}
	return &Const{V: v, Typ: typ}, termText(term), nil
}

func (c *Context) fieldSelector(t *schema.Table, s *cql.FieldSel) (Expr, string, error) {
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
}

func (c *Context) elementSelector(t *schema.Table, s *cql.ElementSel) (Expr, string, error) {
	arg, name, err := c.selector(t, s.Expr)
	if err != nil {
		return nil, "", err
	}
	at := arg.ResultType()
	if !at.Kind.IsCollection() {
		return nil, "", cqlerr.Invalidf("Invalid element selection: %s is of type %s is not a collection", name, at)
	}
	var kr receiver
	switch at.Kind {
	case value.KindList:
		what := "Element"
		if s.Slice {
			what = "Slice"
		}
		return nil, "", cqlerr.Invalidf("%s selection is only allowed on sets and maps, but %s is a list", what, name)
	case value.KindSet:
		kr = receiver{name: "value(" + name + ")", typ: at.Key()}
	default:
		kr = receiver{name: "key(" + name + ")", typ: at.Key()}
	}
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
}

func termOrEmpty(t cql.Term) string {
	if t == nil {
		return ""
	}
	return termText(t)
}

// columnSet is a set of columns that keeps the order they were added in.
type columnSet struct {
	list []*schema.Column
	// index holds the columns of a large set.
	index map[*schema.Column]bool
}

// columnSetIndexed is the size from which a set indexes its columns.
const columnSetIndexed = 16

func (s *columnSet) add(c *schema.Column) {
	if s.has(c) {
		return
	}
	s.list = append(s.list, c)
	switch {
	case s.index != nil:
		s.index[c] = true
	case len(s.list) >= columnSetIndexed:
		s.index = make(map[*schema.Column]bool, 2*len(s.list))
		for _, x := range s.list {
			s.index[x] = true
		}
	}
}

func (s *columnSet) has(c *schema.Column) bool {
	if s.index != nil {
		return s.index[c]
	}
	for _, x := range s.list {
		if x == c {
			return true
		}
	}
	return false
}

// selectedColumns adds the table columns an expression reads to out.
func selectedColumns(e Expr, out *columnSet) {
	switch e := e.(type) {
	case *ColumnRef:
		out.add(e.Col)
	case *TokenOf:
		for _, c := range e.Cols {
			out.add(c)
		}
	case *CellMeta:
		out.add(e.Col)
		selectedColumns(e.Arg, out)
	case *Call:
		for _, a := range e.Args {
			selectedColumns(a, out)
		}
	case *FieldOf:
		selectedColumns(e.Arg, out)
	case *ElementOf:
		selectedColumns(e.Arg, out)
	case *Aggregate:
		if e.Arg != nil {
			selectedColumns(e.Arg, out)
		}
	}
}

// isAggregate reports whether an expression aggregates rows.
func isAggregate(e Expr) bool {
	switch e := e.(type) {
	case *Aggregate:
		return true
	case *Call:
		for _, a := range e.Args {
			if isAggregate(a) {
				return true
			}
		}
	case *FieldOf:
		return isAggregate(e.Arg)
	case *ElementOf:
		return isAggregate(e.Arg)
	case *CellMeta:
		return isAggregate(e.Arg)
	}
	return false
}

// firstColumn returns the name of the first column an expression reads,
// or "" (the column Cassandra names in "x cannot be cast to y").
func firstColumn(e Expr) string {
	switch e := e.(type) {
	case *ColumnRef:
		return e.Col.Name
	case *CellMeta:
		return e.Col.Name
	case *Call:
		for _, a := range e.Args {
			if n := firstColumn(a); n != "" {
				return n
			}
		}
	case *FieldOf:
		return firstColumn(e.Arg)
	case *ElementOf:
		return firstColumn(e.Arg)
	case *Aggregate:
		if e.Arg != nil {
			return firstColumn(e.Arg)
		}
	}
	return ""
}
