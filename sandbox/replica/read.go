package replica

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/store"
)

// ReadStats counts the storage work of a read, for the trace.
type ReadStats struct {
	// Keys is the number of Badger keys read.
	Keys int
	// Seeks is the number of key ranges scanned.
	Seeks int
	// Partitions is the number of partitions read.
	Partitions int
}

// Add adds o to s.
func (s *ReadStats) Add(o ReadStats) {
	s.Keys += o.Keys
	s.Seeks += o.Seeks
	s.Partitions += o.Partitions
}

// ReadOptions narrow a partition read.
type ReadOptions struct {
	// Slices are the row ranges to read, in clustering order (nil: every
	// row).
	Slices []Slice
	// Limit stops the read once that many live rows were read (0: no
	// limit); liveness is judged at Now (seconds).
	Limit int
	Now   int64
	// Reverse reads the rows from the end of the partition backwards, so
	// that a limit keeps the last rows.
	Reverse bool
}

// ReadPartition reads node's replica of one partition of t: its deletion,
// range tombstones and static row, and the rows opts selects, in
// clustering order. The result may be empty; it is never nil. It reports
// whether the read stopped at the limit.
//
// It walks the partition in one pass, seeking only to skip rows outside
// the slices: a point read of a small partition is a single seek.
func (s *Store) ReadPartition(node int, t *schema.Table, key []byte, token int64, opts ReadOptions, stats *ReadStats) (*Partition, bool, error) {
	snap, err := s.snapshot()
	if err != nil {
		return nil, false, err
	}
	pp := appendPartition(appendReplica(append([]byte(nil), s.prefix...), t.ID, node), token, key)
	b := builder{t: t, p: NewPartition(append([]byte(nil), key...), token), limit: opts.Limit, now: opts.Now}
	stats.Partitions++
	stats.Seeks++
	visit := func(k []byte, value func(func([]byte) error) error) error {
		stats.Keys++
		if s.Record != nil {
			s.Record(k, false)
		}
		return value(func(v []byte) error { return b.add(k[len(pp):], v) })
	}
	inPartition := func() bool { return snap.Valid() && bytes.HasPrefix(snap.Key(), pp) }
	rows := append(pp[:len(pp):len(pp)], entryRow)
	// Partition deletion, range tombstones and static row come first.
	for snap.Seek(append(pp[:len(pp):len(pp)], entryPartitionDeletion)); inPartition() && bytes.Compare(snap.Key(), rows) < 0; snap.Next() {
		if err := visit(snap.Key(), snap.Value); err != nil {
			return nil, false, err
		}
	}
	slices := opts.Slices
	if slices == nil {
		slices = []Slice{FullSlice}
	}
	if opts.Reverse {
		return s.readReverse(snap, &b, rows, slices, stats, visit)
	}
	for _, sl := range slices {
		start, end := sliceKeys(rows, sl)
		if end != nil && bytes.Compare(start, end) >= 0 {
			continue
		}
		if !inPartition() || bytes.Compare(snap.Key(), start) < 0 {
			stats.Seeks++
			snap.Seek(start)
		}
		for ; inPartition() && (end == nil || bytes.Compare(snap.Key(), end) < 0); snap.Next() {
			if b.full(snap.Key()[len(pp):]) {
				return b.p, true, b.err()
			}
			if err := visit(snap.Key(), snap.Value); err != nil {
				return nil, false, err
			}
		}
	}
	return b.p, false, b.err()
}

// readReverse reads the slices backwards, then puts the rows back in
// clustering order.
func (s *Store) readReverse(snap *store.Snapshot, b *builder, rows []byte, slices []Slice, stats *ReadStats,
	visit func([]byte, func(func([]byte) error) error) error) (*Partition, bool, error) {
	b.reverse = true
	stopped := false
	for i := len(slices) - 1; i >= 0 && !stopped; i-- {
		start, end := sliceKeys(rows, slices[i])
		if end == nil {
			end = keys.PrefixEnd(rows)
		}
		if bytes.Compare(start, end) >= 0 {
			continue
		}
		stats.Seeks++
		for c := snap.Reverse(end); c.Valid() && bytes.Compare(c.Key(), start) >= 0; c.Next() {
			if b.full(c.Key()[len(rows)-1:]) {
				stopped = true
				break
			}
			if err := visit(c.Key(), c.Value); err != nil {
				return nil, false, err
			}
		}
	}
	b.finishReverse()
	return b.p, stopped, b.err()
}

// sliceKeys returns the key range [start, end) holding the rows of sl
// under the rows prefix.
func sliceKeys(rows []byte, sl Slice) (start, end []byte) {
	start = append(rows[:len(rows):len(rows)], sl.Start.Prefix...)
	if len(sl.Start.Prefix) > 0 && !sl.Start.Inclusive {
		start = keys.PrefixEnd(start)
	}
	if len(sl.End.Prefix) == 0 {
		return start, keys.PrefixEnd(rows)
	}
	end = append(rows[:len(rows):len(rows)], sl.End.Prefix...)
	if sl.End.Inclusive {
		end = keys.PrefixEnd(end)
	}
	return start, end
}

// ScanTokens calls fn with each partition of node's replica of t whose
// token lies in [from, to], in token order, until fn returns false.
// Partitions are read whole.
func (s *Store) ScanTokens(node int, t *schema.Table, from, to int64, stats *ReadStats, fn func(*Partition) (bool, error)) error {
	snap, err := s.snapshot()
	if err != nil {
		return err
	}
	tp := appendReplica(append([]byte(nil), s.prefix...), t.ID, node)
	start := keys.AppendToken(tp[:len(tp):len(tp)], from)
	var end []byte
	if to == 1<<63-1 {
		end = keys.PrefixEnd(tp)
	} else {
		end = keys.AppendToken(tp[:len(tp):len(tp)], to+1)
	}
	var (
		b       *builder
		curPart []byte // the current partition's token and key bytes
		stop    bool
	)
	emit := func() error {
		if b == nil {
			return nil
		}
		if err := b.err(); err != nil {
			return err
		}
		stats.Partitions++
		more, err := fn(b.p)
		stop = !more
		return err
	}
	stats.Seeks++
	err = snap.Scan(start, end, false, func(k, v []byte) (bool, error) {
		stats.Keys++
		if s.Record != nil {
			s.Record(k, false)
		}
		rest := k[len(tp):]
		tok, after, err := keys.DecodeToken(rest)
		if err != nil {
			return false, fmt.Errorf("partition token: %w", err)
		}
		pk, entry, err := keys.DecodeBytes(after)
		if err != nil {
			return false, fmt.Errorf("partition key: %w", err)
		}
		part := rest[:len(rest)-len(entry)]
		if b == nil || !bytes.Equal(part, curPart) {
			if err := emit(); err != nil || stop {
				return false, err
			}
			curPart = append(curPart[:0], part...)
			b = &builder{t: t, p: NewPartition(append([]byte(nil), pk...), tok)}
		}
		return true, b.add(entry, v)
	})
	if err != nil || stop {
		return err
	}
	return emit()
}

// builder assembles a partition from its keys, which arrive in key order
// (or in reverse order for a reverse read).
type builder struct {
	t     *schema.Table
	p     *Partition
	first error
	// limit, when positive, is the number of live rows after which the
	// read stops; live counts them.
	limit   int
	live    int
	now     int64
	reverse bool
}

// full reports whether the read may stop before the key entry: the limit
// is reached and the entry starts a new row.
func (b *builder) full(entry []byte) bool {
	if b.limit <= 0 || len(b.p.Rows) == 0 {
		return false
	}
	last := &b.p.Rows[len(b.p.Rows)-1]
	if len(entry) > 1 && entry[0] == entryRow && bytes.HasPrefix(entry[1:], last.Clustering) {
		rest, err := skipClustering(entry[1:], b.t)
		if err == nil && len(entry[1:])-len(rest) == len(last.Clustering) {
			return false // same row
		}
	}
	// The last row is complete: count it.
	del := b.p.Deletion
	for _, rt := range b.p.Ranges {
		if rt.Slice.Contains(last.Clustering) {
			del = del.Max(rt.Deletion)
		}
	}
	if _, ok := liveRow(last, del, b.now, true); ok {
		b.live++
	}
	return b.live >= b.limit
}

// sortRow puts a row read backwards back in key order: its columns by
// name (ColumnFor keeps them so) and each column's elements by path.
func sortRow(r *Row) {
	for i := range r.Columns {
		es := r.Columns[i].Elems
		sort.Slice(es, func(a, b int) bool { return bytes.Compare(es[a].Path, es[b].Path) < 0 })
	}
}

// finishReverse puts rows read backwards into clustering order, and the
// cells of each row back into key order.
func (b *builder) finishReverse() {
	rs := b.p.Rows
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	for i := range rs {
		sortRow(&rs[i])
	}
}

func (b *builder) err() error { return b.first }

// add adds one key (the part after the partition prefix) and its value.
func (b *builder) add(entry, val []byte) error {
	if err := b.addEntry(entry, val); err != nil && b.first == nil {
		b.first = fmt.Errorf("table %s: %w", b.t.QualifiedName(), err)
	}
	return b.first
}

func (b *builder) addEntry(entry, val []byte) error {
	if len(entry) == 0 {
		return fmt.Errorf("empty entry key")
	}
	switch entry[0] {
	case entryPartitionDeletion:
		d, _, err := decodeDeletion(val)
		if err != nil {
			return err
		}
		b.p.Deletion = b.p.Deletion.Max(d)
		return nil
	case entryRange:
		if len(entry) != 9 {
			return fmt.Errorf("range tombstone key has %d bytes", len(entry))
		}
		rt, err := decodeRange(val, binary.BigEndian.Uint64(entry[1:]))
		if err != nil {
			return err
		}
		b.p.Ranges = append(b.p.Ranges, rt)
		return nil
	case entryStatic:
		return addPart(b.p.StaticRow(), entry[1:], val)
	case entryRow:
		rest, err := skipClustering(entry[1:], b.t)
		if err != nil {
			return err
		}
		clustering := entry[1 : len(entry)-len(rest)]
		var r *Row
		if n := len(b.p.Rows); n > 0 && bytes.Equal(b.p.Rows[n-1].Clustering, clustering) {
			r = &b.p.Rows[n-1]
		} else {
			b.p.Rows = append(b.p.Rows, Row{Clustering: append([]byte(nil), clustering...), Deletion: Live,
				Columns: make([]ColumnData, 0, len(b.t.Columns)-len(b.t.PartitionKey)-len(b.t.Clustering))})
			r = &b.p.Rows[len(b.p.Rows)-1]
		}
		return addPart(r, rest, val)
	}
	return fmt.Errorf("unknown entry kind 0x%02x", entry[0])
}

func addPart(r *Row, part, val []byte) error {
	rp, err := decodeRowPart(part)
	if err != nil {
		return err
	}
	switch rp.kind {
	case partRowDeletion:
		d, _, err := decodeDeletion(val)
		if err != nil {
			return err
		}
		r.Deletion = r.Deletion.Max(d)
		return nil
	case partMarker:
		c, err := decodeCell(val, true)
		if err != nil {
			return err
		}
		r.Marker = &c
		return nil
	}
	col := r.ColumnFor(rp.column)
	switch rp.cell {
	case cellDeletion:
		d, _, err := decodeDeletion(val)
		if err != nil {
			return err
		}
		col.Deletion = col.Deletion.Max(d)
	case cellSimple:
		c, err := decodeCell(val, true)
		if err != nil {
			return err
		}
		col.Cell = &c
	case cellElement:
		c, err := decodeCell(val, true)
		if err != nil {
			return err
		}
		col.Elems = append(col.Elems, Elem{Path: append([]byte(nil), rp.path...), Cell: c})
	default:
		return fmt.Errorf("unknown cell kind 0x%02x", rp.cell)
	}
	return nil
}
