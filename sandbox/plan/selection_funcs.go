package plan

import (
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// selArg is one planned argument of a function in a selection: an
// expression, or a term still waiting for its parameter's type.
type selArg struct {
	expr Expr
	term cql.Term
	name string
}

// funcSelector plans a function call in a selection: writetime(),
// maxwritetime() and ttl(), COUNT(1), then any native function resolved
// as Cassandra's FunctionResolver does.
func (c *Context) funcSelector(t *schema.Table, s *cql.FuncSel) (Expr, string, error) {
	name := s.Name.Name
	if !s.Name.Quoted && s.Keyspace == "" {
		switch name {
		case "writetime", "maxwritetime", "ttl":
			return c.cellMetaSelector(t, s)
		case "count":
			// COUNT(x) of any constant x counts rows, like COUNT(*).
			if len(s.Args) == 1 {
				if ts, ok := s.Args[0].(*cql.TermSel); ok {
					if l, ok := ts.Term.(*cql.Literal); ok && l.Kind != cql.NullLit {
						return &Aggregate{Fn: "count", Star: true, typ: value.BigintType}, "count", nil
					}
				}
			}
		}
	}
	args := make([]selArg, len(s.Args))
	callArgs := make([]callArg, len(s.Args))
	for i, a := range s.Args {
		arg, err := c.operand(t, a)
		if err != nil {
			return nil, "", err
		}
		args[i] = arg
		callArgs[i] = callArg{text: arg.name, term: arg.term}
		if arg.expr != nil {
			callArgs[i].typ = arg.expr.ResultType()
		}
	}
	f, err := c.resolveCall(s.Keyspace, s.Name, callArgs, nil)
	if err != nil {
		return nil, "", err
	}
	if f == nil {
		return nil, "", cqlerr.Invalidf("Unknown function '%s'", functionName(s.Keyspace, s.Name))
	}
	return c.applySelected(f, args)
}

// applySelected builds the expression of a resolved function applied to
// planned arguments, preparing the constant arguments for their
// parameters' types.
func (c *Context) applySelected(f *function, args []selArg) (Expr, string, error) {
	exprs := make([]Expr, len(args))
	names := make([]string, len(args))
	for i, a := range args {
		names[i] = a.name
		if a.expr != nil {
			exprs[i] = a.expr
			continue
		}
		e, _, err := c.constSelector(a.term, f.args[i])
		if err != nil {
			return nil, "", err
		}
		exprs[i] = e
	}
	name := f.columnName(names)
	if f.agg != "" {
		for _, e := range exprs {
			if isAggregate(e) {
				return nil, "", cqlerr.Invalidf("aggregate functions cannot be used as arguments of aggregate functions")
			}
		}
		ag := &Aggregate{Fn: f.agg, typ: f.ret}
		if f.agg == "count_rows" {
			ag.Fn, ag.Star = "count", true
		} else {
			ag.Arg = exprs[0]
		}
		return ag, name, nil
	}
	if f.name == "token" && c.stmtTable != nil && ownPartitionKey(c.stmtTable, exprs) {
		return &TokenOf{Cols: c.stmtTable.PartitionKey}, name, nil
	}
	call := &Call{Name: f.name, f: f, Args: exprs}
	for i, e := range exprs {
		if t := e.ResultType(); !sameRepresentation(t, f.args[i]) {
			if call.from == nil {
				call.from = make([]*value.Type, len(exprs))
			}
			call.from[i] = t
		}
	}
	return call, name, nil
}

// ownPartitionKey reports whether exprs are the partition key columns of t
// in order, so that token() is the row's own token.
func ownPartitionKey(t *schema.Table, exprs []Expr) bool {
	if len(exprs) != len(t.PartitionKey) {
		return false
	}
	for i, e := range exprs {
		cr, ok := e.(*ColumnRef)
		if !ok || cr.Col != t.PartitionKey[i] {
			return false
		}
	}
	return true
}

// castSelector plans CAST(x AS type): x itself when it already has the
// type, else the cast_as_<type> function for x's type.
func (c *Context) castSelector(t *schema.Table, s *cql.CastSel) (Expr, string, error) {
	arg, name, err := c.selector(t, s.Expr)
	if err != nil {
		return nil, "", err
	}
	to, err := c.resolveTypeIn(t.Keyspace, s.Type, false)
	if err != nil {
		return nil, "", err
	}
	if to.Equal(arg.ResultType()) {
		return arg, name, nil
	}
	typeName := strings.ToLower(s.Type.Name)
	fname := cql.Ident{Name: castFunctionName(typeName)}
	if !isKnownFunction(fname.Name) {
		col := firstColumn(arg)
		if col == "" {
			col = name
		}
		return nil, "", cqlerr.Invalidf("%s cannot be cast to %s", col, typeName)
	}
	f, err := c.resolveCall("system", fname, []callArg{{text: name, typ: arg.ResultType()}}, nil)
	if err != nil {
		return nil, "", err
	}
	return c.applySelected(f, []selArg{{expr: arg, name: name}})
}

// cellMetaSelector plans writetime(x), maxwritetime(x) and ttl(x).
func (c *Context) cellMetaSelector(t *schema.Table, s *cql.FuncSel) (Expr, string, error) {
	kind := s.Name.Name
	if len(s.Args) != 1 {
		return nil, "", cqlerr.Invalidf("Invalid number of arguments for %s", kind)
	}
	base := s.Args[0]
	for {
		switch b := base.(type) {
		case *cql.ElementSel:
			base = b.Expr
			continue
		case *cql.FieldSel:
			base = b.Expr
			continue
		}
		break
	}
	cs, ok := base.(*cql.ColumnSel)
	if !ok {
		return nil, "", cqlerr.Invalidf("Only column names are supported as arguments of %s", kind)
	}
	col, err := column(t, cs.Column)
	if err != nil {
		return nil, "", err
	}
	if col.IsPrimaryKey() {
		return nil, "", cqlerr.Invalidf("Cannot use selection function %s on PRIMARY KEY part %s", kind, col.Name)
	}
	arg, name, err := c.selector(t, s.Args[0])
	if err != nil {
		return nil, "", err
	}
	e := &CellMeta{Col: col, Arg: arg, typ: value.BigintType}
	switch kind {
	case "maxwritetime":
		e.Kind = MaxWriteTimeMeta
	case "ttl":
		e.Kind, e.typ = TTLMeta, value.IntType
	}
	if arg.ResultType().IsMultiCell() && e.Kind != MaxWriteTimeMeta {
		e.typ = value.ListOf(e.typ, true)
	}
	return e, kind + "(" + name + ")", nil
}
