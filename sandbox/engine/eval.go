package engine

import (
	"fmt"
	"math"
	"math/big"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// eval evaluates a selection expression on a row.
func (e *Engine) eval(ctx *plan.Context, x plan.Expr, v *rowView) (any, error) {
	switch x := x.(type) {
	case *plan.ColumnRef:
		return v.value(x.Col)
	case *plan.WriteTime, *plan.TTLOf:
		return v.cellMeta(x)
	case *plan.TokenOf:
		return v.token, nil
	case *plan.Call:
		args := make([]any, len(x.Args))
		for i, a := range x.Args {
			val, err := e.eval(ctx, a, v)
			if err != nil {
				return nil, err
			}
			args[i] = val
		}
		return x.Apply(ctx, args)
	case *plan.ToJSON:
		val, err := e.eval(ctx, x.Arg, v)
		if err != nil || val == nil {
			return "null", err
		}
		return value.ToJSON(x.Arg.ResultType(), val), nil
	case *plan.FieldOf:
		val, err := e.eval(ctx, x.Arg, v)
		if err != nil || val == nil {
			return nil, err
		}
		fields := val.([]any)
		if x.Index >= len(fields) {
			return nil, nil
		}
		return fields[x.Index], nil
	case *plan.ElementOf:
		val, err := e.eval(ctx, x.Arg, v)
		if err != nil || val == nil {
			return nil, err
		}
		return element(x, val), nil
	case *plan.CastOf:
		val, err := e.eval(ctx, x.Arg, v)
		if err != nil || val == nil {
			return nil, err
		}
		return cast(x.Arg.ResultType(), x.To, val)
	case *plan.Const:
		return x.V, nil
	case *plan.Aggregate:
		return nil, fmt.Errorf("aggregate outside an aggregate query")
	}
	return nil, fmt.Errorf("unsupported expression %T", x)
}

// cellMeta evaluates writetime() and ttl().
func (v *rowView) cellMeta(x plan.Expr) (any, error) {
	var col *schema.Column
	ttl := false
	switch x := x.(type) {
	case *plan.WriteTime:
		col = x.Col
	case *plan.TTLOf:
		col, ttl = x.Col, true
	}
	cells := v.cells(col)
	if len(cells) == 0 {
		return nil, nil
	}
	if !col.Type.IsMultiCell() {
		if ttl {
			return ttlOf(cells[0], v.now), nil
		}
		return cells[0].TS, nil
	}
	out := make([]any, len(cells))
	for i, c := range cells {
		if ttl {
			out[i] = ttlOf(c, v.now)
		} else {
			out[i] = c.TS
		}
	}
	return out, nil
}

func element(x *plan.ElementOf, val any) any {
	t := x.Arg.ResultType()
	if !x.Slice {
		switch t.Kind {
		case value.KindMap:
			for _, me := range val.([]value.MapEntry) {
				if value.Compare(t.Key(), me.Key, x.Key) == 0 {
					return me.Value
				}
			}
		case value.KindSet:
			for _, el := range val.([]any) {
				if value.Compare(t.Key(), el, x.Key) == 0 {
					return el
				}
			}
		}
		return nil
	}
	in := func(k any) bool {
		return (x.From == nil || value.Compare(t.Key(), k, x.From) >= 0) && (x.To == nil || value.Compare(t.Key(), k, x.To) <= 0)
	}
	switch t.Kind {
	case value.KindMap:
		var out []value.MapEntry
		for _, me := range val.([]value.MapEntry) {
			if in(me.Key) {
				out = append(out, me)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	default:
		var out []any
		for _, el := range val.([]any) {
			if in(el) {
				out = append(out, el)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
}

// cast converts a value for CAST(x AS type): numbers between numeric
// types, and anything to text as cqlsh would show it.
func cast(from, to *value.Type, v any) (any, error) {
	if from.Equal(to) {
		return v, nil
	}
	switch to.Kind {
	case value.KindText, value.KindAscii:
		return value.Format(from, v), nil
	}
	f, ok := toFloat(v)
	if !ok {
		return nil, cqlerr.Invalidf("Cannot cast %s to %s", from, to)
	}
	switch to.Kind {
	case value.KindInt:
		return int32(f), nil
	case value.KindBigint:
		return int64(f), nil
	case value.KindSmallint:
		return int16(f), nil
	case value.KindTinyint:
		return int8(f), nil
	case value.KindFloat:
		return float32(f), nil
	case value.KindDouble:
		return f, nil
	case value.KindVarint:
		return big.NewInt(int64(f)), nil
	case value.KindDecimal:
		d, _, err := apd.NewFromString(fmt.Sprint(v))
		if err != nil {
			return nil, cqlerr.Invalidf("Cannot cast %s to decimal", from)
		}
		return d, nil
	}
	return nil, cqlerr.Invalidf("Cannot cast %s to %s", from, to)
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int8:
		return float64(v), true
	case int16:
		return float64(v), true
	case int32:
		return float64(v), true
	case int64:
		return float64(v), true
	case float32:
		return float64(v), true
	case float64:
		return v, true
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		return f, true
	case *apd.Decimal:
		f, err := v.Float64()
		return f, err == nil
	}
	return 0, false
}

// filter reports whether a row satisfies every filter.
func (e *Engine) filter(fs []plan.Filter, v *rowView) (bool, error) {
	for i := range fs {
		ok, err := matches(&fs[i], v)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

func matches(f *plan.Filter, v *rowView) (bool, error) {
	if f.Multi != nil {
		tuple := make([]any, len(f.Multi))
		for i, c := range f.Multi {
			x, err := v.value(c)
			if err != nil {
				return false, err
			}
			tuple[i] = x
		}
		cmp := func(other any) int {
			o := other.([]any)
			for i, c := range f.Multi {
				if r := value.Compare(c.Type, tuple[i], o[i]); r != 0 {
					return r
				}
			}
			return 0
		}
		return compareOp(f, cmp), nil
	}
	x, err := v.value(f.Column)
	if err != nil || x == nil {
		return false, err
	}
	t := f.Column.Type
	switch {
	case f.HasKey:
		for _, me := range x.([]value.MapEntry) {
			if value.Compare(t.Key(), me.Key, f.Key) == 0 {
				return value.Compare(t.Elem(), me.Value, f.Value) == 0, nil
			}
		}
		return false, nil
	case f.Op == cql.OpContains:
		switch t.Kind {
		case value.KindMap:
			for _, me := range x.([]value.MapEntry) {
				if value.Compare(t.Elem(), me.Value, f.Value) == 0 {
					return true, nil
				}
			}
		default:
			for _, el := range x.([]any) {
				if value.Compare(t.Elem(), el, f.Value) == 0 {
					return true, nil
				}
			}
		}
		return false, nil
	case f.Op == cql.OpContainsKey:
		for _, me := range x.([]value.MapEntry) {
			if value.Compare(t.Key(), me.Key, f.Value) == 0 {
				return true, nil
			}
		}
		return false, nil
	}
	return compareOp(f, func(other any) int { return value.Compare(t, x, other) }), nil
}

func compareOp(f *plan.Filter, cmp func(any) int) bool {
	switch f.Op {
	case cql.OpEq:
		return cmp(f.Value) == 0
	case cql.OpLt:
		return cmp(f.Value) < 0
	case cql.OpLte:
		return cmp(f.Value) <= 0
	case cql.OpGt:
		return cmp(f.Value) > 0
	case cql.OpGte:
		return cmp(f.Value) >= 0
	case cql.OpIn:
		for _, o := range f.Values {
			if o != nil && cmp(o) == 0 {
				return true
			}
		}
	}
	return false
}

// aggregator accumulates the selectors of an aggregate query.
type aggregator struct {
	exprs []plan.Expr
	state []aggState
	first []any
	seen  bool
}

type aggState struct {
	count int64
	best  any
	sum   *apd.Decimal
	fsum  float64
	isum  *big.Int
}

func newAggregator(exprs []plan.Expr) *aggregator {
	return &aggregator{exprs: exprs, state: make([]aggState, len(exprs))}
}

func (a *aggregator) add(e *Engine, ctx *plan.Context, v *rowView) error {
	if !a.seen {
		a.first = make([]any, len(a.exprs))
	}
	for i, x := range a.exprs {
		ag, ok := x.(*plan.Aggregate)
		if !ok {
			if !a.seen {
				val, err := e.eval(ctx, x, v)
				if err != nil {
					return err
				}
				a.first[i] = val
			}
			continue
		}
		st := &a.state[i]
		if ag.Star {
			st.count++
			continue
		}
		val, err := e.eval(ctx, ag.Arg, v)
		if err != nil {
			return err
		}
		if val == nil {
			continue
		}
		st.count++
		t := ag.Arg.ResultType()
		switch ag.Fn {
		case "min":
			if st.best == nil || value.Compare(t, val, st.best) < 0 {
				st.best = val
			}
		case "max":
			if st.best == nil || value.Compare(t, val, st.best) > 0 {
				st.best = val
			}
		case "sum", "avg":
			accumulate(st, val)
		}
	}
	a.seen = true
	return nil
}

func accumulate(st *aggState, val any) {
	switch v := val.(type) {
	case float32:
		st.fsum += float64(v)
	case float64:
		st.fsum += v
	case *apd.Decimal:
		if st.sum == nil {
			st.sum = new(apd.Decimal)
		}
		_, _ = apd.BaseContext.WithPrecision(38).Add(st.sum, st.sum, v)
	default:
		if st.isum == nil {
			st.isum = new(big.Int)
		}
		if f, ok := toFloat(v); ok {
			if b, ok := v.(*big.Int); ok {
				st.isum.Add(st.isum, b)
			} else {
				st.isum.Add(st.isum, big.NewInt(int64(f)))
			}
		}
	}
}

func (a *aggregator) result() ([]any, error) {
	out := make([]any, len(a.exprs))
	for i, x := range a.exprs {
		ag, ok := x.(*plan.Aggregate)
		if !ok {
			if a.seen {
				out[i] = a.first[i]
			}
			continue
		}
		st := a.state[i]
		switch ag.Fn {
		case "count":
			out[i] = st.count
		case "min", "max":
			out[i] = st.best
		case "sum", "avg":
			out[i] = numericResult(ag.ResultType(), st, ag.Fn == "avg")
		}
	}
	return out, nil
}

// numericResult converts a sum (or average) to the argument's type, with
// Java's integer overflow and truncating division as Cassandra has them.
func numericResult(t *value.Type, st aggState, avg bool) any {
	n := st.count
	switch t.Kind {
	case value.KindFloat, value.KindDouble:
		f := st.fsum
		if avg {
			if n == 0 {
				f = 0
			} else {
				f /= float64(n)
			}
		}
		if t.Kind == value.KindFloat {
			return float32(f)
		}
		return f
	case value.KindDecimal:
		d := st.sum
		if d == nil {
			d = new(apd.Decimal)
		}
		if avg && n > 0 {
			q := new(apd.Decimal)
			_, _ = apd.BaseContext.WithPrecision(38).Quo(q, d, apd.New(n, 0))
			return q
		}
		return d
	}
	s := st.isum
	if s == nil {
		s = new(big.Int)
	}
	if avg && n > 0 {
		s = new(big.Int).Quo(s, big.NewInt(n))
	}
	switch t.Kind {
	case value.KindInt:
		return int32(s.Int64())
	case value.KindSmallint:
		return int16(s.Int64())
	case value.KindTinyint:
		return int8(s.Int64())
	case value.KindVarint:
		return s
	}
	if s.IsInt64() {
		return s.Int64()
	}
	return int64(math.MaxInt64)
}
