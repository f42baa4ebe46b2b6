package replica

import (
	"bytes"
	"sort"
)

// Elem is one element of a multi-cell column: a collection element or a
// field of a non-frozen UDT. Path is the element's cell path (the encoded
// map key or set element, the list element's time-based id, or the UDT
// field number).
type Elem struct {
	Path []byte
	Cell Cell
}

// ColumnData is the stored content of one column of a row.
type ColumnData struct {
	Name string
	// Deletion is the collection-wide deletion of a multi-cell column
	// (written when the whole collection is overwritten or deleted).
	Deletion Deletion
	// Cell holds a simple (single-cell) column.
	Cell *Cell
	// Elems holds a multi-cell column's elements, sorted by Path.
	Elems []Elem
}

// Row is a clustered row, or a partition's static row (Clustering nil).
type Row struct {
	// Clustering is the encoded clustering key (keys.AppendValue of each
	// clustering column, in order).
	Clustering []byte
	Deletion   Deletion
	// Marker is the row's primary-key liveness, written only by INSERT.
	Marker *Cell
	// Columns are sorted by name.
	Columns []ColumnData
}

// Column returns the data of the named column, or nil.
func (r *Row) Column(name string) *ColumnData {
	i := sort.Search(len(r.Columns), func(i int) bool { return r.Columns[i].Name >= name })
	if i < len(r.Columns) && r.Columns[i].Name == name {
		return &r.Columns[i]
	}
	return nil
}

// Bound is one end of a clustering range: an encoded clustering prefix,
// and whether rows with that prefix are inside. An empty Prefix is no
// bound.
type Bound struct {
	Prefix    []byte
	Inclusive bool
}

// Slice is a range of rows in clustering order, from Start to End.
type Slice struct {
	Start, End Bound
}

// FullSlice selects every row of a partition.
var FullSlice = Slice{}

// Contains reports whether a row with the given encoded clustering is in s.
func (s Slice) Contains(clustering []byte) bool {
	if p := s.Start.Prefix; len(p) > 0 {
		if bytes.HasPrefix(clustering, p) {
			if !s.Start.Inclusive {
				return false
			}
		} else if bytes.Compare(clustering, p) < 0 {
			return false
		}
	}
	if p := s.End.Prefix; len(p) > 0 {
		if bytes.HasPrefix(clustering, p) {
			if !s.End.Inclusive {
				return false
			}
		} else if bytes.Compare(clustering, p) > 0 {
			return false
		}
	}
	return true
}

// RangeTombstone deletes the rows of a slice written at or before its
// deletion's timestamp. Seq makes its storage key unique; copies of a
// range tombstone on several replicas share it.
type RangeTombstone struct {
	Slice    Slice
	Deletion Deletion
	Seq      uint64
}

// Partition is the stored content of one partition, or an update to one.
type Partition struct {
	// Key is the partition key in Cassandra's serialization (what the
	// token is computed from).
	Key      []byte
	Token    int64
	Deletion Deletion
	Ranges   []RangeTombstone
	// Static is the static row, nil when there is none.
	Static *Row
	// Rows are sorted by Clustering.
	Rows []Row
}

// NewPartition returns an empty partition (or update) for a key.
func NewPartition(key []byte, token int64) *Partition {
	return &Partition{Key: key, Token: token, Deletion: Live}
}

// IsEmpty reports whether the partition holds nothing at all, live or
// deleted.
func (p *Partition) IsEmpty() bool {
	return p.Deletion.IsLive() && len(p.Ranges) == 0 && p.Static == nil && len(p.Rows) == 0
}

// Row returns the row with the given clustering, creating it (in order)
// if needed.
func (p *Partition) Row(clustering []byte) *Row {
	i := sort.Search(len(p.Rows), func(i int) bool { return bytes.Compare(p.Rows[i].Clustering, clustering) >= 0 })
	if i < len(p.Rows) && bytes.Equal(p.Rows[i].Clustering, clustering) {
		return &p.Rows[i]
	}
	p.Rows = append(p.Rows, Row{})
	copy(p.Rows[i+1:], p.Rows[i:])
	p.Rows[i] = Row{Clustering: clustering, Deletion: Live}
	return &p.Rows[i]
}

// StaticRow returns the static row, creating it if needed.
func (p *Partition) StaticRow() *Row {
	if p.Static == nil {
		p.Static = &Row{Deletion: Live}
	}
	return p.Static
}

// ColumnFor returns the named column's data in r, creating it in order.
func (r *Row) ColumnFor(name string) *ColumnData {
	if n := len(r.Columns); n == 0 || r.Columns[n-1].Name < name {
		r.Columns = append(r.Columns, ColumnData{Name: name, Deletion: Live})
		return &r.Columns[n]
	}
	i := sort.Search(len(r.Columns), func(i int) bool { return r.Columns[i].Name >= name })
	if i < len(r.Columns) && r.Columns[i].Name == name {
		return &r.Columns[i]
	}
	r.Columns = append(r.Columns, ColumnData{})
	copy(r.Columns[i+1:], r.Columns[i:])
	r.Columns[i] = ColumnData{Name: name, Deletion: Live}
	return &r.Columns[i]
}

// SetElem reconciles an element into a multi-cell column.
func (c *ColumnData) SetElem(path []byte, cell Cell) {
	i := sort.Search(len(c.Elems), func(i int) bool { return bytes.Compare(c.Elems[i].Path, path) >= 0 })
	if i < len(c.Elems) && bytes.Equal(c.Elems[i].Path, path) {
		c.Elems[i].Cell = *Reconcile(&c.Elems[i].Cell, &cell)
		return
	}
	c.Elems = append(c.Elems, Elem{})
	copy(c.Elems[i+1:], c.Elems[i:])
	c.Elems[i] = Elem{Path: path, Cell: cell}
}

// Merge reconciles q into p, as Cassandra merges the data of two replicas
// or two updates of the same partition.
func (p *Partition) Merge(q *Partition) {
	p.Deletion = p.Deletion.Max(q.Deletion)
	for _, rt := range q.Ranges {
		if !p.hasRange(rt) {
			p.Ranges = append(p.Ranges, rt)
		}
	}
	if q.Static != nil {
		p.StaticRow().merge(q.Static)
	}
	for i := range q.Rows {
		p.Row(q.Rows[i].Clustering).merge(&q.Rows[i])
	}
}

func (p *Partition) hasRange(rt RangeTombstone) bool {
	for _, r := range p.Ranges {
		if r.Seq == rt.Seq && r.Deletion == rt.Deletion && sliceEqual(r.Slice, rt.Slice) {
			return true
		}
	}
	return false
}

func sliceEqual(a, b Slice) bool {
	return bytes.Equal(a.Start.Prefix, b.Start.Prefix) && a.Start.Inclusive == b.Start.Inclusive &&
		bytes.Equal(a.End.Prefix, b.End.Prefix) && a.End.Inclusive == b.End.Inclusive
}

func (r *Row) merge(o *Row) {
	r.Deletion = r.Deletion.Max(o.Deletion)
	r.Marker = Reconcile(r.Marker, o.Marker)
	for i := range o.Columns {
		oc := &o.Columns[i]
		c := r.ColumnFor(oc.Name)
		c.Deletion = c.Deletion.Max(oc.Deletion)
		c.Cell = Reconcile(c.Cell, oc.Cell)
		for _, e := range oc.Elems {
			c.SetElem(e.Path, e.Cell)
		}
	}
}

// Clone returns a deep copy of p's structure (value bytes are shared).
func (p *Partition) Clone() *Partition {
	c := NewPartition(p.Key, p.Token)
	c.Merge(p)
	return c
}

// LiveView returns the rows of p that are live at time now (seconds),
// with every deleted, shadowed or expired cell removed, and the live
// static row (nil if it holds no live cell). Rows keep their order.
func (p *Partition) LiveView(now int64) (static *Row, rows []Row) {
	if p.Static != nil {
		if s, ok := liveRow(p.Static, p.Deletion, now, false); ok {
			static = &s
		}
	}
	if len(p.Rows) > 0 {
		rows = make([]Row, 0, len(p.Rows))
	}
	for i := range p.Rows {
		r := &p.Rows[i]
		if lr, ok := liveRow(r, p.rowDeletion(r), now, true); ok {
			rows = append(rows, lr)
		}
	}
	return static, rows
}

// LiveRows returns the number of rows of p that are live at time now, the
// length of LiveView's rows, without building them.
func (p *Partition) LiveRows(now int64) int {
	n := 0
	for i := range p.Rows {
		if isLiveRow(&p.Rows[i], p.rowDeletion(&p.Rows[i]), now, true) {
			n++
		}
	}
	return n
}

// rowDeletion returns the deletion that applies to row r from outside it:
// the partition's, or a range tombstone's.
func (p *Partition) rowDeletion(r *Row) Deletion {
	del := p.Deletion
	for _, rt := range p.Ranges {
		if rt.Slice.Contains(r.Clustering) {
			del = del.Max(rt.Deletion)
		}
	}
	return del
}

// isLiveRow reports whether liveRow would find r live.
func isLiveRow(r *Row, outer Deletion, now int64, clustered bool) bool {
	del := outer.Max(r.Deletion)
	if clustered && r.Marker != nil && !del.Deletes(r.Marker.TS) && r.Marker.Live(now) {
		return true
	}
	for i := range r.Columns {
		c := &r.Columns[i]
		cdel := del.Max(c.Deletion)
		if c.Cell != nil && !cdel.Deletes(c.Cell.TS) && c.Cell.Live(now) {
			return true
		}
		for j := range c.Elems {
			if e := &c.Elems[j].Cell; !cdel.Deletes(e.TS) && e.Live(now) {
				return true
			}
		}
	}
	return false
}

// wholeLiveRow reports whether every part of r is live under the outer
// deletion, so that liveRow would return a copy of r.
func wholeLiveRow(r *Row, outer Deletion, now int64, clustered bool) bool {
	if r.Deletion != Live {
		return false
	}
	del := outer.Max(r.Deletion)
	if r.Marker != nil && !(clustered && !del.Deletes(r.Marker.TS) && r.Marker.Live(now)) {
		return false
	}
	for i := range r.Columns {
		c := &r.Columns[i]
		if c.Deletion != Live || c.Cell == nil && len(c.Elems) == 0 {
			return false
		}
		if c.Cell != nil && (del.Deletes(c.Cell.TS) || !c.Cell.Live(now)) {
			return false
		}
		for j := range c.Elems {
			if e := &c.Elems[j].Cell; del.Deletes(e.TS) || !e.Live(now) {
				return false
			}
		}
	}
	return r.Marker != nil || len(r.Columns) > 0
}

// liveRow returns the live part of r under the outer deletion, and whether
// the row exists at now. A clustered row exists when its marker or any of
// its cells is live; a static row when any cell is live.
func liveRow(r *Row, outer Deletion, now int64, clustered bool) (Row, bool) {
	if wholeLiveRow(r, outer, now, clustered) {
		// Nothing to drop: share r's columns (capped, so that appending
		// to them cannot write into r's).
		out := *r
		if len(out.Columns) == 0 {
			out.Columns = nil
		} else {
			out.Columns = out.Columns[:len(out.Columns):len(out.Columns)]
		}
		return out, true
	}
	return filterLiveRow(r, outer, now, clustered)
}

// filterLiveRow is liveRow building a new row of the live parts.
func filterLiveRow(r *Row, outer Deletion, now int64, clustered bool) (Row, bool) {
	del := outer.Max(r.Deletion)
	out := Row{Clustering: r.Clustering, Deletion: Live}
	live := false
	if clustered && r.Marker != nil && !del.Deletes(r.Marker.TS) && r.Marker.Live(now) {
		out.Marker = r.Marker
		live = true
	}
	for i := range r.Columns {
		c := &r.Columns[i]
		cdel := del.Max(c.Deletion)
		lc := ColumnData{Name: c.Name, Deletion: Live}
		if c.Cell != nil && !cdel.Deletes(c.Cell.TS) && c.Cell.Live(now) {
			lc.Cell = c.Cell
		}
		elemsLive := true
		for _, e := range c.Elems {
			if cdel.Deletes(e.Cell.TS) || !e.Cell.Live(now) {
				elemsLive = false
				break
			}
		}
		if elemsLive {
			lc.Elems = c.Elems
		} else {
			for _, e := range c.Elems {
				if !cdel.Deletes(e.Cell.TS) && e.Cell.Live(now) {
					lc.Elems = append(lc.Elems, e)
				}
			}
		}
		if lc.Cell != nil || len(lc.Elems) > 0 {
			if out.Columns == nil {
				out.Columns = make([]ColumnData, 0, len(r.Columns)-i)
			}
			out.Columns = append(out.Columns, lc)
			live = true
		}
	}
	return out, live
}

// MaxTS returns the highest timestamp written anywhere in p, used to tell
// whether an update can be written blindly.
func (p *Partition) MaxTS() int64 {
	m := p.Deletion.TS
	for _, rt := range p.Ranges {
		m = max(m, rt.Deletion.TS)
	}
	if p.Static != nil {
		m = max(m, p.Static.maxTS())
	}
	for i := range p.Rows {
		m = max(m, p.Rows[i].maxTS())
	}
	return m
}

// MinTS returns the lowest timestamp written anywhere in p.
func (p *Partition) MinTS() int64 {
	m := int64(1<<63 - 1)
	if !p.Deletion.IsLive() {
		m = min(m, p.Deletion.TS)
	}
	for _, rt := range p.Ranges {
		m = min(m, rt.Deletion.TS)
	}
	if p.Static != nil {
		m = min(m, p.Static.minTS())
	}
	for i := range p.Rows {
		m = min(m, p.Rows[i].minTS())
	}
	return m
}

func (r *Row) maxTS() int64 {
	m := r.Deletion.TS
	if r.Marker != nil {
		m = max(m, r.Marker.TS)
	}
	for _, c := range r.Columns {
		m = max(m, c.Deletion.TS)
		if c.Cell != nil {
			m = max(m, c.Cell.TS)
		}
		for _, e := range c.Elems {
			m = max(m, e.Cell.TS)
		}
	}
	return m
}

func (r *Row) minTS() int64 {
	m := int64(1<<63 - 1)
	if !r.Deletion.IsLive() {
		m = min(m, r.Deletion.TS)
	}
	if r.Marker != nil {
		m = min(m, r.Marker.TS)
	}
	for _, c := range r.Columns {
		if !c.Deletion.IsLive() {
			m = min(m, c.Deletion.TS)
		}
		if c.Cell != nil {
			m = min(m, c.Cell.TS)
		}
		for _, e := range c.Elems {
			m = min(m, e.Cell.TS)
		}
	}
	return m
}

// Equal reports whether p and q hold exactly the same data (what a digest
// comparison between two replicas checks).
func Equal(p, q *Partition) bool {
	if !bytes.Equal(p.Key, q.Key) || p.Deletion != q.Deletion || len(p.Ranges) != len(q.Ranges) || len(p.Rows) != len(q.Rows) {
		return false
	}
	for _, rt := range q.Ranges {
		if !p.hasRange(rt) {
			return false
		}
	}
	if (p.Static == nil) != (q.Static == nil) || (p.Static != nil && !rowEqual(p.Static, q.Static)) {
		return false
	}
	for i := range p.Rows {
		if !rowEqual(&p.Rows[i], &q.Rows[i]) {
			return false
		}
	}
	return true
}

func rowEqual(a, b *Row) bool {
	if !bytes.Equal(a.Clustering, b.Clustering) || a.Deletion != b.Deletion || !cellEqual(a.Marker, b.Marker) || len(a.Columns) != len(b.Columns) {
		return false
	}
	for i := range a.Columns {
		x, y := &a.Columns[i], &b.Columns[i]
		if x.Name != y.Name || x.Deletion != y.Deletion || !cellEqual(x.Cell, y.Cell) || len(x.Elems) != len(y.Elems) {
			return false
		}
		for j := range x.Elems {
			if !bytes.Equal(x.Elems[j].Path, y.Elems[j].Path) || !cellEqual(&x.Elems[j].Cell, &y.Elems[j].Cell) {
				return false
			}
		}
	}
	return true
}

func cellEqual(a, b *Cell) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.TS == b.TS && a.Tomb == b.Tomb && a.TTL == b.TTL && a.LDT == b.LDT && bytes.Equal(a.Value, b.Value)
}
