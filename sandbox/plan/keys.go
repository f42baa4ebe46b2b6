package plan

import (
	"bytes"
	"sort"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// makeKey builds a partition key from its column values.
func makeKey(t *schema.Table, vals []any) PartitionKey {
	b := keys.PartitionKey(t.PartitionKeyTypes(), vals)
	return PartitionKey{Values: vals, Bytes: b, Token: keys.Token(b)}
}

// MakeKey builds the partition key of table t from its column values.
func MakeKey(t *schema.Table, vals []any) PartitionKey { return makeKey(t, vals) }

// EncodeClustering returns the encoded clustering key of t for vals (a
// full key or a prefix).
func EncodeClustering(t *schema.Table, vals []any) []byte {
	var b []byte
	for i, v := range vals {
		c := t.Clustering[i]
		b = keys.AppendValue(b, c.Type, v, c.Desc)
	}
	return b
}

// cartesian returns every combination of the per-column value lists.
func cartesian(lists [][]any) [][]any {
	out := [][]any{{}}
	for _, l := range lists {
		next := make([][]any, 0, len(out)*len(l))
		for _, prefix := range out {
			for _, v := range l {
				row := append(append(make([]any, 0, len(prefix)+1), prefix...), v)
				next = append(next, row)
			}
		}
		out = next
	}
	return out
}

// checkKeyValue refuses null and empty key values as Cassandra does.
func checkKeyValue(c *schema.Column, v any) error {
	switch v.(type) {
	case nil:
		return cqlerr.Invalidf("Invalid null value in condition for column %s", c.Name)
	case unsetValue:
		return cqlerr.Invalidf("Invalid unset value for column %s", c.Name)
	}
	return nil
}

// unsetValue is the value of a key column that INSERT JSON ... DEFAULT
// UNSET leaves out.
type unsetValue struct{}

// partitionKeys returns the partitions selected by = and IN restrictions
// on every partition key column: the cartesian product, in the key type's
// order, without duplicates.
func (rs *restrictions) partitionKeys() ([]PartitionKey, error) {
	if k, ok, err := rs.singlePartitionKey(); err != nil {
		return nil, err
	} else if ok {
		return []PartitionKey{k}, nil
	}
	lists := make([][]any, len(rs.t.PartitionKey))
	for i, c := range rs.t.PartitionKey {
		r := rs.pk.at(i)
		switch {
		case r.hasEq:
			if err := checkKeyValue(c, r.eq); err != nil {
				return nil, err
			}
			lists[i] = []any{r.eq}
		case r.hasIn:
			for _, v := range r.in {
				if err := checkKeyValue(c, v); err != nil {
					return nil, err
				}
			}
			lists[i] = r.in
		}
	}
	combos := cartesian(lists)
	ks := make([]PartitionKey, 0, len(combos))
	for _, vals := range combos {
		k := makeKey(rs.t, vals)
		if len(k.Bytes) == 0 {
			return nil, cqlerr.Invalidf("Key may not be empty")
		}
		ks = append(ks, k)
	}
	sort.SliceStable(ks, func(i, j int) bool { return comparePK(rs.t, ks[i].Values, ks[j].Values) < 0 })
	out := ks[:0]
	for i, k := range ks {
		if i > 0 && comparePK(rs.t, ks[i-1].Values, k.Values) == 0 {
			continue
		}
		out = append(out, k)
	}
	return out, nil
}

// singlePartitionKey is partitionKeys for the common case of = on every
// partition key column, which selects one partition: ok is false when
// some column is restricted by IN.
func (rs *restrictions) singlePartitionKey() (k PartitionKey, ok bool, err error) {
	for i := range rs.t.PartitionKey {
		if r := rs.pk.at(i); r == nil || !r.hasEq {
			return k, false, nil
		}
	}
	vals := make([]any, len(rs.t.PartitionKey))
	for i, c := range rs.t.PartitionKey {
		eq := rs.pk.at(i).eq
		if err := checkKeyValue(c, eq); err != nil {
			return k, false, err
		}
		vals[i] = eq
	}
	k = makeKey(rs.t, vals)
	if len(k.Bytes) == 0 {
		return k, false, cqlerr.Invalidf("Key may not be empty")
	}
	return k, true, nil
}

func comparePK(t *schema.Table, a, b []any) int {
	for i, c := range t.PartitionKey {
		if r := value.Compare(c.Type, a[i], b[i]); r != 0 {
			return r
		}
	}
	return 0
}

// clustering computes the clustering slices to read and reports which
// clustering restrictions they fully apply (the others become filters).
// With full set, every row key is given by = and IN (UPDATE, INSERT).
func (rs *restrictions) clustering() (slices []replica.Slice, used map[int]bool, err error) {
	if rs.multi == nil && rs.ck.count() == 0 {
		return nil, nil, nil // no clustering restriction: every row
	}
	used = map[int]bool{}
	if rs.multi != nil {
		return rs.multiSlices(used)
	}
	var lists [][]any
	pos := 0
	for ; pos < len(rs.t.Clustering); pos++ {
		r := rs.ck.at(pos)
		if r == nil || !r.isEqOrIn() {
			break
		}
		c := rs.t.Clustering[pos]
		if r.hasEq {
			if err := checkKeyValue(c, r.eq); err != nil {
				return nil, nil, err
			}
			lists = append(lists, []any{r.eq})
		} else {
			for _, v := range r.in {
				if err := checkKeyValue(c, v); err != nil {
					return nil, nil, err
				}
			}
			lists = append(lists, r.in)
		}
		used[pos] = true
	}
	var slice *restriction
	if pos < len(rs.t.Clustering) {
		if r := rs.ck.at(pos); r != nil && r.isSlice() {
			slice = r
			used[pos] = true
		}
	}
	if len(lists) == 0 && slice == nil {
		return nil, used, nil
	}
	prefixes := [][]byte{nil}
	if len(lists) > 0 {
		combos := cartesian(lists)
		prefixes = prefixes[:0]
		for _, vals := range combos {
			prefixes = append(prefixes, EncodeClustering(rs.t, vals))
		}
		sort.Slice(prefixes, func(i, j int) bool { return bytes.Compare(prefixes[i], prefixes[j]) < 0 })
		prefixes = dedupeBytes(prefixes)
	}
	for _, p := range prefixes {
		sl := replica.Slice{Start: replica.Bound{Prefix: p, Inclusive: true}, End: replica.Bound{Prefix: p, Inclusive: true}}
		if slice != nil {
			c := slice.col
			lo, hi := slice.lo, slice.hi
			if c.Desc {
				lo, hi = hi, lo
			}
			if lo.set {
				if lo.val == nil {
					return nil, nil, cqlerr.Invalidf("Invalid null value in condition for column %s", c.Name)
				}
				sl.Start = replica.Bound{Prefix: withValue(p, c, lo.val), Inclusive: lo.incl}
			}
			if hi.set {
				if hi.val == nil {
					return nil, nil, cqlerr.Invalidf("Invalid null value in condition for column %s", c.Name)
				}
				sl.End = replica.Bound{Prefix: withValue(p, c, hi.val), Inclusive: hi.incl}
			}
		}
		if len(sl.Start.Prefix) == 0 && len(sl.End.Prefix) == 0 {
			return nil, used, nil
		}
		slices = append(slices, sl)
	}
	return slices, used, nil
}

func withValue(prefix []byte, c *schema.Column, v any) []byte {
	return keys.AppendValue(prefix[:len(prefix):len(prefix)], c.Type, v, c.Desc)
}

func dedupeBytes(bs [][]byte) [][]byte {
	out := bs[:0]
	for i, b := range bs {
		if i > 0 && bytes.Equal(bs[i-1], b) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// multiSlices computes slices for a multi-column relation. Mixed ASC/DESC
// columns in a tuple slice cannot be one byte range: such a relation is
// left to filtering.
func (rs *restrictions) multiSlices(used map[int]bool) ([]replica.Slice, map[int]bool, error) {
	m := rs.multi
	if m.cols[0].Position != 0 {
		return nil, used, nil
	}
	enc := func(vals []any) []byte { return EncodeClustering(rs.t, vals) }
	mark := func() {
		for _, c := range m.cols {
			used[c.Position] = true
		}
	}
	switch {
	case m.hasEq:
		mark()
		p := enc(m.eq)
		return []replica.Slice{{Start: replica.Bound{Prefix: p, Inclusive: true}, End: replica.Bound{Prefix: p, Inclusive: true}}}, used, nil
	case m.hasIn:
		mark()
		ps := make([][]byte, len(m.in))
		for i, v := range m.in {
			ps[i] = enc(v)
		}
		sort.Slice(ps, func(i, j int) bool { return bytes.Compare(ps[i], ps[j]) < 0 })
		ps = dedupeBytes(ps)
		out := make([]replica.Slice, len(ps))
		for i, p := range ps {
			out[i] = replica.Slice{Start: replica.Bound{Prefix: p, Inclusive: true}, End: replica.Bound{Prefix: p, Inclusive: true}}
		}
		return out, used, nil
	}
	desc := m.cols[0].Desc
	for _, c := range m.cols {
		if c.Desc != desc {
			return nil, used, nil
		}
	}
	mark()
	lo, hi := m.lo, m.hi
	if desc {
		lo, hi = hi, lo
	}
	var sl replica.Slice
	if lo.set {
		sl.Start = replica.Bound{Prefix: enc(lo.val.([]any)), Inclusive: lo.incl}
	}
	if hi.set {
		sl.End = replica.Bound{Prefix: enc(hi.val.([]any)), Inclusive: hi.incl}
	}
	return []replica.Slice{sl}, used, nil
}

// filters returns the restrictions that must be checked row by row: those
// on non-key columns, partition key columns of a partial key, and
// clustering restrictions the slices do not apply.
func (rs *restrictions) filters(usedCK map[int]bool, pkFiltered bool) []Filter {
	var fs []Filter
	add := func(r *restriction) {
		c := r.col
		if r.hasEq {
			fs = append(fs, Filter{Column: c, Op: cql.OpEq, Value: r.eq})
		}
		if r.hasIn {
			fs = append(fs, Filter{Column: c, Op: cql.OpIn, Values: r.in})
		}
		if r.lo.set {
			op := cql.OpGt
			if r.lo.incl {
				op = cql.OpGte
			}
			fs = append(fs, Filter{Column: c, Op: op, Value: r.lo.val})
		}
		if r.hi.set {
			op := cql.OpLt
			if r.hi.incl {
				op = cql.OpLte
			}
			fs = append(fs, Filter{Column: c, Op: op, Value: r.hi.val})
		}
		for _, v := range r.contains {
			fs = append(fs, Filter{Column: c, Op: cql.OpContains, Value: v})
		}
		for _, v := range r.containsKey {
			fs = append(fs, Filter{Column: c, Op: cql.OpContainsKey, Value: v})
		}
		for _, e := range r.mapEq {
			fs = append(fs, Filter{Column: c, Op: cql.OpEq, Key: e.Key, HasKey: true, Value: e.Value})
		}
	}
	if pkFiltered {
		for i := range rs.t.PartitionKey {
			if r := rs.pk.at(i); r != nil {
				add(r)
			}
		}
	}
	for _, p := range rs.ckPositions() {
		if rs.multi != nil {
			break
		}
		if !usedCK[p] {
			add(rs.ck.at(p))
		}
	}
	if m := rs.multi; m != nil && !usedCK[m.cols[0].Position] {
		if m.lo.set {
			op := cql.OpGt
			if m.lo.incl {
				op = cql.OpGte
			}
			fs = append(fs, Filter{Multi: m.cols, Op: op, Value: m.lo.val})
		}
		if m.hi.set {
			op := cql.OpLt
			if m.hi.incl {
				op = cql.OpLte
			}
			fs = append(fs, Filter{Multi: m.cols, Op: op, Value: m.hi.val})
		}
		if m.hasEq {
			fs = append(fs, Filter{Multi: m.cols, Op: cql.OpEq, Value: m.eq})
		}
		if m.hasIn {
			vals := make([]any, len(m.in))
			for i, v := range m.in {
				vals[i] = v
			}
			fs = append(fs, Filter{Multi: m.cols, Op: cql.OpIn, Values: vals})
		}
	}
	for _, r := range rs.others {
		add(r)
	}
	return fs
}

// tokenRange returns the token range of token() restrictions.
func (rs *restrictions) tokenRange() *TokenRange {
	tr := rs.token
	if tr == nil {
		return nil
	}
	r := &TokenRange{Start: -1 << 63, End: 1<<63 - 1, StartIncl: true, EndIncl: true}
	if tr.eq != nil {
		r.Start, r.End = *tr.eq, *tr.eq
	}
	if tr.lo.set {
		r.Start, r.StartIncl = tr.lo.val.(int64), tr.lo.incl
	}
	if tr.hi.set {
		r.End, r.EndIncl = tr.hi.val.(int64), tr.hi.incl
	}
	// Cassandra returns nothing for a range whose start is after its end.
	if r.Start > r.End || (r.Start == r.End && !(r.StartIncl && r.EndIncl)) {
		r.Empty = true
	}
	return r
}
