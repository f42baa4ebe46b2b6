package plan

import (
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// GroupBy is the GROUP BY clause of a SELECT, as Cassandra's
// AggregationSpecification holds it: rows of one partition belong to the
// same group while their first PrefixSize clustering columns are equal.
// When Func is set (Cassandra 5.0's GROUP BY pk, floor(ts, 1h)), the last
// of those columns is compared through Func instead of as is.
type GroupBy struct {
	PrefixSize int
	Func       Expr
}

// The Java classes Cassandra names when a GROUP BY element is neither a
// column nor a function: SelectStatement casts it to a column and fails.
const (
	selectablePackage = "org.apache.cassandra.cql3.selection.Selectable$"
	columnClass       = "org.apache.cassandra.schema.ColumnMetadata"
)

// groupBy plans a GROUP BY clause with the checks of
// SelectStatement.getAggregationSpecFactory: the elements must follow the
// primary key in order, skipping only columns restricted by =, and cover
// the whole partition key; a function may only be the last element, and
// only on one clustering column.
func (c *Context) groupBy(t *schema.Table, groups []cql.Selection, rs *restrictions, distinct bool) (*GroupBy, error) {
	pkCols := make([]*schema.Column, 0, len(t.PartitionKey)+len(t.Clustering))
	pkCols = append(append(pkCols, t.PartitionKey...), t.Clustering...)
	next, prefix := 0, 0
	var fn Expr
	for _, g := range groups {
		var def *schema.Column
		if cs, ok := g.(*cql.ColumnSel); ok {
			col, err := column(t, cs.Column)
			if err != nil {
				return nil, err
			}
			if !col.IsPrimaryKey() {
				return nil, cqlerr.Invalidf("Group by is currently only supported on the columns of the PRIMARY KEY, got %s", col.Name)
			}
			if fn != nil {
				return nil, cqlerr.Invalidf("Functions are only supported on the last element of the GROUP BY clause")
			}
			def = col
		} else {
			e, col, err := c.groupByFunction(t, g)
			if err != nil {
				return nil, err
			}
			fn, def = e, col
		}
		for {
			if next == len(pkCols) {
				return nil, cqlerr.Invalidf("Group by currently only support groups of columns following their declared order in the PRIMARY KEY")
			}
			pc := pkCols[next]
			next++
			if pc.Kind == schema.Clustering {
				prefix++
			}
			if pc == def {
				break
			}
			if !rs.columnRestrictedByEq(pc) {
				return nil, cqlerr.Invalidf("Group by currently only support groups of columns following their declared order in the PRIMARY KEY")
			}
		}
	}
	if next < len(pkCols) && pkCols[next].Kind == schema.PartitionKey {
		return nil, cqlerr.Invalidf("Group by is not supported on only a part of the partition key")
	}
	if prefix > 0 && distinct {
		return nil, cqlerr.Invalidf("Grouping on clustering columns is not allowed for SELECT DISTINCT queries")
	}
	return &GroupBy{PrefixSize: prefix, Func: fn}, nil
}

// groupByFunction plans a GROUP BY element that is not a column: a
// function of one clustering column. It returns the function and the
// column.
func (c *Context) groupByFunction(t *schema.Table, g cql.Selection) (Expr, *schema.Column, error) {
	if class := selectableClass(g); class != "" {
		// Cassandra prepares the element, then casts it to a column: a
		// server error.
		if err := c.prepareSelectable(t, g); err != nil {
			return nil, nil, err
		}
		return nil, nil, cqlerr.Serverf("java.lang.ClassCastException: class %s%s cannot be cast to class %s (%s%s and %s are in unnamed module of loader 'app')",
			selectablePackage, class, columnClass, selectablePackage, class, columnClass)
	}
	e, _, err := c.selector(t, g)
	if err != nil {
		return nil, nil, err
	}
	if ag, ok := e.(*Aggregate); ok {
		name := "system." + ag.Fn
		if ag.Star {
			name = "system.count_rows"
		}
		return nil, nil, cqlerr.Invalidf("Aggregate functions are not supported within the GROUP BY clause, got: %s", name)
	}
	var cols []*schema.Column
	orderedColumns(e, &cols)
	switch {
	case len(cols) == 0:
		return nil, nil, cqlerr.Invalidf("GROUP BY functions must have one clustering column name as parameter")
	case len(cols) > 1:
		names := make([]string, len(cols))
		for i, col := range cols {
			names[i] = col.Name
		}
		return nil, nil, cqlerr.Invalidf("GROUP BY functions accept only one clustering column as parameter, got: %s", strings.Join(names, ","))
	case cols[0].Kind != schema.Clustering:
		return nil, nil, cqlerr.Invalidf("Group by functions are only supported on clustering columns, got %s", cols[0].Name)
	}
	return e, cols[0], nil
}

// selectableClass returns the name of the Selectable class Cassandra
// prepares a GROUP BY element into when it is neither a column nor a
// function (Selectable.WithFunction), or "".
func selectableClass(g cql.Selection) string {
	switch g := g.(type) {
	case *cql.CastSel:
		return "WithCast"
	case *cql.FieldSel:
		return "WithFieldSelection"
	case *cql.ElementSel:
		if g.Slice {
			return "WithSliceSelection"
		}
		return "WithElementSelection"
	case *cql.TermSel:
		switch g.Term.(type) {
		case *cql.TypeCast:
			return "WithTypeHint"
		case *cql.ListLit:
			return "WithList"
		case *cql.SetLit:
			return "WithSet"
		case *cql.MapLit, *cql.UDTLit:
			return "WithMapOrUdt"
		case *cql.TupleLit:
			return "BetweenParenthesesOrWithTuple"
		}
		return "WithTerm"
	case *cql.FuncSel:
		if isCellMetaCall(g) {
			return "WritetimeOrTTL"
		}
	}
	return ""
}

// isCellMetaCall reports whether s is writetime(), maxwritetime() or
// ttl(), which CQL's grammar reads as keywords, not function calls.
func isCellMetaCall(s *cql.FuncSel) bool {
	if s.Name.Quoted || s.Keyspace != "" {
		return false
	}
	switch s.Name.Name {
	case "writetime", "maxwritetime", "ttl":
		return true
	}
	return false
}

// prepareSelectable makes the checks Selectable.Raw.prepare makes on a
// selection: its columns exist and its functions resolve.
func (c *Context) prepareSelectable(t *schema.Table, s cql.Selection) error {
	switch s := s.(type) {
	case *cql.ColumnSel:
		_, err := column(t, s.Column)
		return err
	case *cql.FuncSel:
		if !isCellMetaCall(s) {
			_, _, err := c.selector(t, s)
			return err
		}
		for _, a := range s.Args {
			if err := c.prepareSelectable(t, a); err != nil {
				return err
			}
		}
	case *cql.CastSel:
		return c.prepareSelectable(t, s.Expr)
	case *cql.FieldSel:
		return c.prepareSelectable(t, s.Expr)
	case *cql.ElementSel:
		return c.prepareSelectable(t, s.Expr)
	}
	return nil
}

// orderedColumns appends the table columns an expression reads, each
// once, in the order they appear.
func orderedColumns(e Expr, out *[]*schema.Column) {
	seen := map[*schema.Column]bool{}
	for _, c := range *out {
		seen[c] = true
	}
	add := func(c *schema.Column) {
		if !seen[c] {
			seen[c] = true
			*out = append(*out, c)
		}
	}
	var walk func(Expr)
	walk = func(e Expr) {
		switch e := e.(type) {
		case *ColumnRef:
			add(e.Col)
		case *TokenOf:
			for _, c := range e.Cols {
				add(c)
			}
		case *CellMeta:
			add(e.Col)
		case *Call:
			for _, a := range e.Args {
				walk(a)
			}
		case *FieldOf:
			walk(e.Arg)
		case *ElementOf:
			walk(e.Arg)
		}
	}
	walk(e)
}

// columnRestrictedByEq is StatementRestrictions.isColumnRestrictedByEq
// for a primary key column: restricted by = (or an IN of one value).
func (rs *restrictions) columnRestrictedByEq(col *schema.Column) bool {
	if col.Kind == schema.Clustering {
		return rs.restrictedByEq(col.Position)
	}
	r := rs.pk.at(col.Position)
	return r != nil && (r.hasEq || (r.hasIn && len(r.in) == 1))
}

// hasPartitionKeyIn reports whether a partition key column is restricted
// by an IN of several values (StatementRestrictions.keyIsInRelation).
func (rs *restrictions) hasPartitionKeyIn() bool {
	for _, r := range rs.pk.byPos {
		if r != nil && r.hasIn && len(r.in) > 1 {
			return true
		}
	}
	return false
}

// monotonicFunctions are the native functions whose isMonotonic is true
// in Cassandra 5.0 (TimeFcts' conversions), under both their names.
var monotonicFunctions = map[string]bool{
	"to_date": true, "todate": true, "to_timestamp": true, "totimestamp": true,
	"to_unix_timestamp": true, "tounixtimestamp": true,
}

// validateForGroupBy is Selector.validateForGroupBy, which Cassandra runs
// on the GROUP BY function when the query executes: the function, once
// its constant arguments are applied, must be monotonic, and its other
// arguments columns or such functions.
func validateForGroupBy(e Expr) error {
	switch e := e.(type) {
	case *ColumnRef:
		return nil
	case *Call:
		constant := make([]bool, len(e.Args))
		partial := false
		for i, a := range e.Args {
			if isConstant(a) {
				constant[i], partial = true, true
			}
		}
		if !callMonotonic(e, constant, partial) {
			return cqlerr.Invalidf("Only monotonic functions are supported in the GROUP BY clause. Got: %s ", partialFunctionString(e, constant, partial))
		}
		for i, a := range e.Args {
			if !constant[i] {
				if err := validateForGroupBy(a); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return cqlerr.Invalidf("Only column names and monotonic scalar functions are supported in the GROUP BY clause.")
}

// isConstant reports whether an argument is terminal: a constant, or a
// call on constants only (Cassandra computes it once).
func isConstant(e Expr) bool {
	switch e := e.(type) {
	case *Const:
		return true
	case *Call:
		for _, a := range e.Args {
			if !isConstant(a) {
				return false
			}
		}
		return len(e.Args) > 0
	}
	return false
}

// callMonotonic is ScalarFunction.isMonotonic for a call, or, when some of
// its arguments are constants, for its partial application: floor(t, d)
// and floor(t, d, start) are monotonic when only t varies.
func callMonotonic(e *Call, constant []bool, partial bool) bool {
	if !partial {
		return monotonicFunctions[e.f.name]
	}
	if e.f.name == "floor" {
		for i, c := range constant {
			if c != (i > 0) {
				return false
			}
		}
		return true
	}
	return monotonicFunctions[e.f.name]
}

// partialFunctionString prints a function as Cassandra's error messages
// do; a partial application marks its constant parameters
// ("system.floor : (timestamp, duration(constant)) -> timestamp").
func partialFunctionString(e *Call, constant []bool, partial bool) string {
	if !partial {
		return e.f.String()
	}
	args := make([]string, len(e.f.args))
	for i, a := range e.f.args {
		args[i] = a.String()
		if constant[i] {
			args[i] += "(constant)"
		}
	}
	return fmt.Sprintf("%s : (%s) -> %s", e.f.qualifiedName(), strings.Join(args, ", "), e.f.ret)
}
