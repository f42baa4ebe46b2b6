package replica

import (
	"bytes"
	"fmt"

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

// cursor is a position in the store's keys, walking forwards (a
// store.Snapshot) or backwards (a store.ReverseCursor).
type cursor interface {
	Key() []byte
	ValueSize() int
	AppendValue(dst []byte) ([]byte, error)
}

// partitionReader feeds the keys of one partition to a builder.
type partitionReader struct {
	s     *Store
	b     *builder
	stats *ReadStats
	// prefix is the length of the partition's key prefix.
	prefix int
}

// visit adds the key the cursor is on.
func (r *partitionReader) visit(c cursor) error {
	k := c.Key()
	r.stats.Keys++
	if r.s.Record != nil {
		r.s.Record(k, false)
	}
	val, err := r.b.arena.copyValue(c)
	if err != nil {
		return err
	}
	return r.b.add(k[r.prefix:], val)
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
	// The keys this read seeks to are built in one scratch buffer (Badger
	// copies the key of a seek): the partition prefix pp, the first key of
	// the partition, the prefix of its rows, then each slice's bounds.
	buf := appendPartition(appendReplica(append(s.readBuf[:0], s.prefix...), t.ID, node), token, key)
	n := len(buf)
	buf = append(buf, entryPartitionDeletion)
	buf = append(buf, buf[:n]...)
	buf = append(buf, entryRow)
	s.readBuf = buf
	pp, first, rows := buf[:n:n], buf[:n+1:n+1], buf[n+1:len(buf):len(buf)]
	pr := newPartitionRead(t, key, token)
	b := builder{t: t, p: &pr.p, limit: opts.Limit, now: opts.Now, arena: &pr.arena}
	stats.Partitions++
	stats.Seeks++
	r := partitionReader{s: s, b: &b, stats: stats, prefix: n}
	inPartition := func() bool { return snap.Valid() && bytes.HasPrefix(snap.Key(), pp) }
	// Partition deletion, range tombstones and static row come first.
	for snap.Seek(first); inPartition() && bytes.Compare(snap.Key(), rows) < 0; snap.Next() {
		if err := r.visit(snap); err != nil {
			return nil, false, err
		}
	}
	slices := opts.Slices
	if slices == nil {
		slices = []Slice{FullSlice}
	}
	scratch := buf[len(buf):]
	if opts.Reverse {
		return s.readReverse(snap, &r, rows, slices, scratch)
	}
	for _, sl := range slices {
		// end nil stands for the end of the rows: the keys from start on
		// that have the rows prefix.
		start, end := sliceKeys(scratch, rows, sl)
		if end == nil && !bytes.HasPrefix(start, rows) || end != nil && bytes.Compare(start, end) >= 0 {
			continue
		}
		if !inPartition() || bytes.Compare(snap.Key(), start) < 0 {
			stats.Seeks++
			snap.Seek(start)
		}
		for ; snap.Valid() && inSlice(snap.Key(), pp, rows, end); snap.Next() {
			if b.full(snap.Key()[n:]) {
				return b.p, true, b.err()
			}
			if err := r.visit(snap); err != nil {
				return nil, false, err
			}
		}
	}
	return b.p, false, b.err()
}

// inSlice reports whether key, at or after the start of a slice of the
// partition pp, is before the slice's end (see sliceKeys).
func inSlice(key, pp, rows, end []byte) bool {
	if end == nil {
		return bytes.HasPrefix(key, rows)
	}
	return bytes.HasPrefix(key, pp) && bytes.Compare(key, end) < 0
}

// readReverse reads the slices backwards, then puts the rows back in
// clustering order.
func (s *Store) readReverse(snap *store.Snapshot, r *partitionReader, rows []byte, slices []Slice, scratch []byte) (*Partition, bool, error) {
	b := r.b
	b.reverse = true
	stopped := false
	for i := len(slices) - 1; i >= 0 && !stopped; i-- {
		start, end := sliceKeys(scratch, rows, slices[i])
		if end == nil {
			end = keys.PrefixEnd(rows)
		}
		if bytes.Compare(start, end) >= 0 {
			continue
		}
		r.stats.Seeks++
		for c := snap.Reverse(end); c.Valid() && bytes.Compare(c.Key(), start) >= 0; c.Next() {
			if b.full(c.Key()[len(rows)-1:]) {
				stopped = true
				break
			}
			if err := r.visit(c); err != nil {
				return nil, false, err
			}
		}
	}
	b.finishReverse()
	return b.p, stopped, b.err()
}

// sliceKeys returns the key range [start, end) holding the rows of sl
// under the rows prefix, built in the spare capacity of dst. end is nil
// when the slice runs to the end of the rows: the range is then every key
// from start on that has the rows prefix.
func sliceKeys(dst, rows []byte, sl Slice) (start, end []byte) {
	dst = append(append(dst[:0], rows...), sl.Start.Prefix...)
	from := 0
	if len(sl.Start.Prefix) > 0 && !sl.Start.Inclusive {
		// rows ends with entryRow, so there always is a prefix end.
		from = len(dst)
		dst = keys.AppendPrefixEnd(dst, dst[:from])
	}
	start = dst[from:len(dst):len(dst)]
	if len(sl.End.Prefix) == 0 {
		return start, nil
	}
	from = len(dst)
	dst = append(append(dst, rows...), sl.End.Prefix...)
	if sl.End.Inclusive {
		mid := len(dst)
		dst = keys.AppendPrefixEnd(dst, dst[from:mid])
		from = mid
	}
	return start, dst[from:len(dst):len(dst)]
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
	arena := newReadArena(t)
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
			b = &builder{t: t, p: NewPartition(arena.own(pk), tok), arena: arena}
		}
		return true, b.add(entry, arena.own(v))
	})
	if err != nil || stop {
		return err
	}
	return emit()
}
