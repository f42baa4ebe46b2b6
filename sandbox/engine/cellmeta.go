package engine

import (
	"encoding/binary"

	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// cellTimes is what Cassandra's ColumnTimestamps holds for a selection:
// no timestamp at all, one timestamp (a single cell, or a frozen value
// whose parts share it), or one per cell of a non-frozen collection or UDT.
// A nil entry is a cell without one (a TTL on a cell that does not
// expire, a UDT field that is not set).
type cellTimes struct {
	none  bool
	multi bool
	vals  []any
}

var noTimes = cellTimes{none: true}

// get returns the timestamps of the i-th cell (an element or field).
func (ct cellTimes) get(i int) cellTimes {
	switch {
	case ct.none || !ct.multi:
		return ct
	case len(ct.vals) == 0 || i < 0 || i >= len(ct.vals):
		return noTimes
	}
	return cellTimes{vals: []any{ct.vals[i]}}
}

// output returns the selected value: null, the timestamp, or the list.
func (ct cellTimes) output() any {
	switch {
	case ct.none, len(ct.vals) == 0:
		return nil
	case !ct.multi:
		return ct.vals[0]
	}
	return ct.vals
}

// max returns the largest timestamp, or null when there is none.
func (ct cellTimes) max() any {
	if ct.none || len(ct.vals) == 0 {
		return nil
	}
	var best any
	for _, v := range ct.vals {
		if x, ok := v.(int64); ok {
			if b, ok := best.(int64); !ok || x > b {
				best = x
			}
		}
	}
	return best
}

// cellMeta evaluates writetime(), maxwritetime() and ttl().
func (e *Engine) cellMeta(ctx *plan.Context, x *plan.CellMeta, v *rowView) (any, error) {
	ct, err := e.cellTimesOf(ctx, x.Arg, x.Kind == plan.TTLMeta, v)
	if err != nil {
		return nil, err
	}
	if x.Kind == plan.MaxWriteTimeMeta {
		return ct.max(), nil
	}
	return ct.output(), nil
}

// cellTimesOf returns the write timestamps (or TTLs) of what a selection
// inside writetime() reads: a column, an element or slice of a
// collection, a field of a UDT.
func (e *Engine) cellTimesOf(ctx *plan.Context, x plan.Expr, ttl bool, v *rowView) (cellTimes, error) {
	switch x := x.(type) {
	case *plan.ColumnRef:
		return v.columnTimes(x.Col, ttl), nil
	case *plan.FieldOf:
		val, err := e.eval(ctx, x, v)
		if err != nil || val == nil {
			return noTimes, err
		}
		ct, err := e.cellTimesOf(ctx, x.Arg, ttl, v)
		return ct.get(x.Index), err
	case *plan.ElementOf:
		coll, err := e.eval(ctx, x.Arg, v)
		if err != nil || coll == nil {
			return noTimes, err
		}
		ct, err := e.cellTimesOf(ctx, x.Arg, ttl, v)
		if err != nil {
			return noTimes, err
		}
		from, to := elementRange(x, coll)
		switch {
		case from >= to:
			return noTimes, nil
		case !x.Slice:
			return ct.get(from), nil
		case ct.none || !ct.multi:
			return ct, nil
		case to > len(ct.vals):
			return noTimes, nil
		}
		return cellTimes{multi: true, vals: ct.vals[from:to]}, nil
	}
	return noTimes, nil
}

// elementRange returns the positions [from, to) of the elements an
// element or slice selection picks in a set or map value.
func elementRange(x *plan.ElementOf, coll any) (from, to int) {
	t := x.Arg.ResultType()
	keyAt := func(i int) any { return nil }
	n := 0
	switch c := coll.(type) {
	case []value.MapEntry:
		n = len(c)
		keyAt = func(i int) any { return c[i].Key }
	case []any:
		n = len(c)
		keyAt = func(i int) any { return c[i] }
	}
	if !x.Slice {
		for i := 0; i < n; i++ {
			if value.Compare(t.Key(), keyAt(i), x.Key) == 0 {
				return i, i + 1
			}
		}
		return 0, 0
	}
	from, to = n, n
	for i := 0; i < n; i++ {
		k := keyAt(i)
		if x.From == nil || value.Compare(t.Key(), k, x.From) >= 0 {
			from = i
			break
		}
	}
	for i := from; i < n; i++ {
		if x.To != nil && value.Compare(t.Key(), keyAt(i), x.To) > 0 {
			to = i
			break
		}
	}
	return from, to
}

// columnTimes returns the write timestamps (or TTLs) of a column's live
// cells: one for a single-cell column, one per element of a non-frozen
// collection, one per field of a non-frozen UDT (nil for unset fields).
func (v *rowView) columnTimes(col *schema.Column, ttl bool) cellTimes {
	of := func(c *replica.Cell) any {
		if ttl {
			return ttlOf(c, v.now)
		}
		return c.TS
	}
	d := v.data(col)
	if !col.Type.IsMultiCell() {
		if d == nil || d.Cell == nil {
			return cellTimes{vals: []any{nil}}
		}
		return cellTimes{vals: []any{of(d.Cell)}}
	}
	ct := cellTimes{multi: true}
	if d == nil || len(d.Elems) == 0 {
		return ct
	}
	if col.Type.Kind == value.KindUDT {
		ct.vals = make([]any, len(col.Type.Fields))
		for i := range d.Elems {
			el := &d.Elems[i]
			if len(el.Path) != 2 {
				continue
			}
			if f := int(binary.BigEndian.Uint16(el.Path)); f < len(ct.vals) {
				ct.vals[f] = of(&el.Cell)
			}
		}
		return ct
	}
	ct.vals = make([]any, len(d.Elems))
	for i := range d.Elems {
		ct.vals[i] = of(&d.Elems[i].Cell)
	}
	return ct
}
