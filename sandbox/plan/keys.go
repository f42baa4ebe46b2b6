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
// clustering restrictions they fully apply (the others become filters):
// the tuples an =/IN prefix of restrictions allows (single-column ones
// give tuples of one value), each followed by the bounds of a slice on the
// next column when there is one.
func (rs *restrictions) clustering() (slices []replica.Slice, used map[int]bool, err error) {
	segs := rs.segments()
	if len(segs) == 0 {
		return nil, nil, nil // no clustering restriction: every row
	}
	used = map[int]bool{}
	var lists [][]any // per restriction of the prefix, its tuples
	pos, i := 0, 0
	for ; i < len(segs); i++ {
		s := segs[i]
		if s.first != pos || s.isSlice() || s.isContains() {
			break
		}
		tuples, err := s.tuples()
		if err != nil {
			return nil, nil, err
		}
		lists = append(lists, tuples)
		for p := s.first; p <= s.last; p++ {
			used[p] = true
		}
		pos = s.last + 1
	}
	var slice *ckSegment
	if i < len(segs) && segs[i].first == pos && segs[i].isSlice() {
		slice = &segs[i]
	}
	lo, hi, ok, err := rs.sliceBounds(slice)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		for p := slice.first; p <= slice.last; p++ {
			used[p] = true
		}
	} else if len(lists) == 0 {
		return nil, used, nil
	}
	type prefix struct {
		vals []any
		enc  []byte
	}
	var prefixes []prefix
	// An empty IN leaves no prefix: no row at all (an empty, not nil, list
	// of slices).
	slices = []replica.Slice{}
	for _, combo := range cartesian(lists) {
		var vals []any
		for _, t := range combo {
			vals = append(vals, t.([]any)...)
		}
		prefixes = append(prefixes, prefix{vals: vals, enc: EncodeClustering(rs.t, vals)})
	}
	sort.SliceStable(prefixes, func(i, j int) bool { return bytes.Compare(prefixes[i].enc, prefixes[j].enc) < 0 })
	for i, p := range prefixes {
		if i > 0 && bytes.Equal(prefixes[i-1].enc, p.enc) {
			continue
		}
		sl := replica.Slice{Start: replica.Bound{Prefix: p.enc, Inclusive: true}, End: replica.Bound{Prefix: p.enc, Inclusive: true}}
		if ok {
			if lo.set {
				sl.Start = replica.Bound{Prefix: EncodeClustering(rs.t, appendValues(p.vals, lo.val.([]any))), Inclusive: lo.incl}
			}
			if hi.set {
				sl.End = replica.Bound{Prefix: EncodeClustering(rs.t, appendValues(p.vals, hi.val.([]any))), Inclusive: hi.incl}
			}
		}
		if len(sl.Start.Prefix) == 0 && len(sl.End.Prefix) == 0 {
			return nil, used, nil
		}
		slices = append(slices, sl)
	}
	return slices, used, nil
}

// sliceBounds returns the bounds of the slice restriction s as tuples in
// storage order (swapped for a descending column). ok is false when there
// is no slice, or when a tuple slice spans columns of both orders and
// cannot be one byte range (it is then left to filtering).
func (rs *restrictions) sliceBounds(s *ckSegment) (lo, hi bound, ok bool, err error) {
	if s == nil {
		return lo, hi, false, nil
	}
	var desc bool
	if s.single != nil {
		r := s.single
		if (r.lo.set && r.lo.val == nil) || (r.hi.set && r.hi.val == nil) {
			return lo, hi, false, cqlerr.Invalidf("Invalid null value in condition for column %s", r.col.Name)
		}
		lo, hi, desc = r.lo, r.hi, r.col.Desc
		if lo.set {
			lo.val = []any{lo.val}
		}
		if hi.set {
			hi.val = []any{hi.val}
		}
	} else {
		m := s.multi
		desc = m.cols[0].Desc
		for _, c := range m.cols {
			if c.Desc != desc {
				return lo, hi, false, nil
			}
		}
		lo, hi = m.lo, m.hi
	}
	if desc {
		lo, hi = hi, lo
	}
	return lo, hi, true, nil
}

// tuples returns the clustering values an = or IN restriction allows, as
// tuples of its columns.
func (s ckSegment) tuples() ([]any, error) {
	if s.multi != nil {
		if s.multi.hasEq {
			return []any{s.multi.eq}, nil
		}
		out := make([]any, len(s.multi.in))
		for i, t := range s.multi.in {
			out[i] = t
		}
		return out, nil
	}
	r := s.single
	vals := r.in
	if r.hasEq {
		vals = []any{r.eq}
	}
	out := make([]any, len(vals))
	for i, v := range vals {
		if err := checkKeyValue(r.col, v); err != nil {
			return nil, err
		}
		out[i] = []any{v}
	}
	return out, nil
}

func appendValues(prefix, vals []any) []any {
	return append(append(make([]any, 0, len(prefix)+len(vals)), prefix...), vals...)
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
	for _, p := range rs.ck.positions() {
		if !usedCK[p] {
			add(rs.ck.at(p))
		}
	}
	for _, m := range rs.multis {
		if usedCK[m.cols[0].Position] {
			continue
		}
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
