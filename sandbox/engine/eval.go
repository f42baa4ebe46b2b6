package engine

import (
	"fmt"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/value"
)

// eval evaluates a selection expression on a row.
func (e *Engine) eval(ctx *plan.Context, x plan.Expr, v *rowView) (any, error) {
	switch x := x.(type) {
	case *plan.ColumnRef:
		return v.value(x.Col)
	case *plan.CellMeta:
		return e.cellMeta(ctx, x, v)
	case *plan.TokenOf:
		if v.pk == nil {
			return nil, nil
		}
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
	case *plan.Const:
		return x.V, nil
	case *plan.Aggregate:
		if r, ok := v.aggs[x]; ok {
			return r, nil
		}
		return nil, fmt.Errorf("aggregate outside an aggregate query")
	}
	return nil, fmt.Errorf("unsupported expression %T", x)
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
			// A bound may name fewer columns than the relation (a tuple
			// slice merged with a slice on its first column): it compares
			// as a prefix.
			o := other.([]any)
			for i, c := range f.Multi {
				if i >= len(o) {
					break
				}
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
