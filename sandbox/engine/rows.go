package engine

import (
	"encoding/binary"
	"fmt"

	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// rowView is one CQL row being read: its partition key, its clustering
// row (nil for a static-only row) and the partition's static row, with
// decoded values cached.
type rowView struct {
	t      *schema.Table
	pk     []any
	token  int64
	row    *replica.Row
	static *replica.Row
	ck     []any
	now    int64
	// cache holds the values decoded so far: the first ones inline, the
	// others in more.
	cache  [rowViewCached]cachedValue
	cached int
	more   map[*schema.Column]any
	// missing is set for the view of a row that does not exist but whose
	// key a conditional write named.
	missing bool
	// aggs holds the results of the aggregates of an aggregate query, set
	// on the view its selection is finally evaluated on.
	aggs map[*plan.Aggregate]any
}

// rowViewCached is the number of decoded values a row view keeps inline.
const rowViewCached = 6

// cachedValue is a column's decoded value.
type cachedValue struct {
	col *schema.Column
	v   any
}

func newRowView(t *schema.Table, pk []any, token int64, static, row *replica.Row, now int64) (*rowView, error) {
	v := &rowView{t: t, pk: pk, token: token, row: row, static: static, now: now}
	if row != nil && len(t.Clustering) > 0 {
		ck, err := DecodeClustering(t, row.Clustering)
		if err != nil {
			return nil, err
		}
		v.ck = ck
	}
	return v, nil
}

// DecodeClustering decodes an encoded clustering key of t.
func DecodeClustering(t *schema.Table, enc []byte) ([]any, error) {
	out := make([]any, len(t.Clustering))
	rest := enc
	for i, c := range t.Clustering {
		v, r, err := keys.DecodeValue(rest, c.Type, c.Desc)
		if err != nil {
			return nil, fmt.Errorf("decode clustering column %s: %w", c.Name, err)
		}
		out[i], rest = v, r
	}
	return out, nil
}

// data returns the stored content of a non-key column in this row.
func (v *rowView) data(c *schema.Column) *replica.ColumnData {
	src := v.row
	if c.Kind == schema.Static {
		src = v.static
	}
	if src == nil {
		return nil
	}
	return src.Column(c.Name)
}

// value returns a column's value, nil for null.
func (v *rowView) value(c *schema.Column) (any, error) {
	switch c.Kind {
	case schema.PartitionKey:
		if c.Position >= len(v.pk) {
			return nil, nil
		}
		return v.pk[c.Position], nil
	case schema.Clustering:
		if v.ck == nil {
			return nil, nil
		}
		return v.ck[c.Position], nil
	}
	for i := range v.cached {
		if v.cache[i].col == c {
			return v.cache[i].v, nil
		}
	}
	if x, ok := v.more[c]; ok {
		return x, nil
	}
	x, err := columnValue(c, v.data(c))
	if err != nil {
		return nil, err
	}
	switch {
	case v.cached < len(v.cache):
		v.cache[v.cached] = cachedValue{c, x}
		v.cached++
	case v.more == nil:
		v.more = map[*schema.Column]any{c: x}
	default:
		v.more[c] = x
	}
	return x, nil
}

// columnValue decodes the live content of a column.
func columnValue(c *schema.Column, d *replica.ColumnData) (any, error) {
	if d == nil {
		return nil, nil
	}
	t := c.Type
	if !t.IsMultiCell() {
		if d.Cell == nil {
			return nil, nil
		}
		return value.Unmarshal(t, d.Cell.Value)
	}
	if len(d.Elems) == 0 {
		return nil, nil
	}
	switch t.Kind {
	case value.KindList:
		out := make([]any, 0, len(d.Elems))
		for _, e := range d.Elems {
			x, err := value.Unmarshal(t.Elem(), e.Cell.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case value.KindSet:
		out := make([]any, 0, len(d.Elems))
		for _, e := range d.Elems {
			x, _, err := keys.DecodeValue(e.Path, t.Key(), false)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case value.KindMap:
		out := make([]value.MapEntry, 0, len(d.Elems))
		for _, e := range d.Elems {
			k, _, err := keys.DecodeValue(e.Path, t.Key(), false)
			if err != nil {
				return nil, err
			}
			x, err := value.Unmarshal(t.Elem(), e.Cell.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, value.MapEntry{Key: k, Value: x})
		}
		return out, nil
	case value.KindUDT:
		out := make([]any, len(t.Fields))
		for _, e := range d.Elems {
			if len(e.Path) != 2 {
				return nil, fmt.Errorf("bad UDT field path for %s", c.Name)
			}
			i := int(binary.BigEndian.Uint16(e.Path))
			if i >= len(out) {
				continue
			}
			x, err := value.Unmarshal(t.Elems[i], e.Cell.Value)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected multi-cell type %s", t)
}

// cells returns the live cells of a column, for writetime() and ttl().
func (v *rowView) cells(c *schema.Column) []*replica.Cell {
	d := v.data(c)
	if d == nil {
		return nil
	}
	if d.Cell != nil {
		return []*replica.Cell{d.Cell}
	}
	out := make([]*replica.Cell, len(d.Elems))
	for i := range d.Elems {
		out[i] = &d.Elems[i].Cell
	}
	return out
}

// ttlOf returns the remaining time to live of a cell, or nil.
func ttlOf(c *replica.Cell, now int64) any {
	if c.TTL == 0 {
		return nil
	}
	return int32(max(0, c.LDT-now))
}

// UDTPath returns the cell path of field i of a non-frozen UDT.
func UDTPath(i int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(i)) }
