package replica

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/value"

	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/store"
)

// Store is the storage of one sandbox namespace in the shared database:
// its schema, its metadata, and the replica of every simulated node. It is
// not safe for concurrent use; the sandbox serialises its statements.
type Store struct {
	db     *store.DB
	prefix []byte
	snap   *store.Snapshot

	// marks holds, per node, at least the highest timestamp written to
	// that node's replica. An update whose every timestamp is above it wins
	// everywhere on that replica and is written without reading; any
	// other is reconciled cell by cell.
	marks [256]int64
	// lease is the watermark value persisted in the metadata; it runs
	// ahead of the watermark so that it need not be written often.
	lease int64
	// seq numbers range tombstones.
	seq uint64
	// arena holds the keys and values of pending writes.
	arena arena
	// readBuf is ReadPartition's scratch buffer for the keys it seeks to;
	// writeBuf and rowBuf are Apply's for the keys it writes (which are
	// copied into the arena).
	readBuf, writeBuf, rowBuf []byte
	// Record, when set, is called with every key read or written, so
	// that a trace can list them.
	Record func(key []byte, write bool)
}

// leaseAhead is how far (in microseconds) the persisted watermark runs
// ahead of the real one.
const leaseAhead = 10_000_000

// Open returns the storage of namespace ns in db, loading its metadata.
func Open(db *store.DB, ns string) (*Store, error) {
	s := &Store{db: db, prefix: NamespacePrefix(ns), readBuf: make([]byte, 0, 256)}
	for i := range s.marks {
		s.marks[i] = NoDeletion
	}
	snap, err := s.snapshot()
	if err != nil {
		return nil, err
	}
	if v, ok, err := snap.Get(s.metaKey("watermark")); err != nil {
		return nil, err
	} else if ok && len(v) == 16 {
		s.lease = int64(binary.BigEndian.Uint64(v))
		for i := range s.marks {
			s.marks[i] = s.lease
		}
		s.seq = binary.BigEndian.Uint64(v[8:])
	}
	return s, nil
}

// Namespace returns the store's key prefix.
func (s *Store) Namespace() []byte { return s.prefix }

// DB returns the underlying database.
func (s *Store) DB() *store.DB { return s.db }

// Close releases the store's snapshot and persists its metadata.
func (s *Store) Close() error {
	s.snap.Discard()
	s.snap = nil
	m := s.lease
	for _, w := range s.marks {
		m = max(m, w)
	}
	return s.saveMeta(m)
}

func (s *Store) metaKey(name string) []byte {
	k := append([]byte(nil), s.prefix...)
	k = append(k, sectionMeta)
	return append(k, name...)
}

func (s *Store) saveMeta(lease int64) error {
	v := binary.BigEndian.AppendUint64(nil, uint64(lease))
	v = binary.BigEndian.AppendUint64(v, s.seq)
	s.lease = lease
	return s.db.Set(s.metaKey("watermark"), v)
}

// snapshot returns a read view that sees every write of this store,
// reusing the previous one while nothing was written since.
func (s *Store) snapshot() (*store.Snapshot, error) {
	if s.snap != nil && s.db.Current(s.snap) {
		return s.snap, nil
	}
	s.snap.Discard()
	s.snap = nil
	snap, err := s.db.Snapshot()
	if err != nil {
		return nil, err
	}
	s.snap = snap
	return snap, nil
}

// SchemaKey returns the key under which the namespace's catalog is kept.
func (s *Store) SchemaKey() []byte {
	k := append([]byte(nil), s.prefix...)
	return append(k, sectionSchema)
}

// LoadSchema returns the persisted catalog, or ok false for a new sandbox.
func (s *Store) LoadSchema() (data []byte, ok bool, err error) {
	snap, err := s.snapshot()
	if err != nil {
		return nil, false, err
	}
	return snap.Get(s.SchemaKey())
}

// SaveSchema persists the catalog.
func (s *Store) SaveSchema(data []byte) error { return s.db.Set(s.SchemaKey(), data) }

// NextSeq returns a fresh range tombstone sequence number.
func (s *Store) NextSeq() uint64 {
	s.seq++
	return s.seq
}

// arena hands out immutable byte slices carved from large chunks, so that
// writes allocate a chunk now and then instead of two slices per key.
// Slices are never reused: Badger keeps them until its batch commits, and
// the garbage collector frees a chunk once nothing refers to it.
type arena struct{ buf []byte }

const arenaChunk = 256 << 10

// start makes room for n more bytes and returns where they begin.
func (a *arena) start(n int) int {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]byte, 0, max(n, arenaChunk))
	}
	return len(a.buf)
}

func (a *arena) finish(from int) []byte { return a.buf[from:len(a.buf):len(a.buf)] }

// Apply writes update u to node's replica of table t and returns the
// number of keys written. Cells are reconciled with what the replica
// already holds, so applying an older update (a replayed hint, a read
// repair, a write with an old USING TIMESTAMP) cannot overwrite newer data.
func (s *Store) Apply(node int, t *schema.Table, u *Partition) (int, error) {
	w := writer{s: s, a: &s.arena, blind: u.MinTS() > s.marks[node&0xff]}
	if !w.blind {
		snap, err := s.snapshot()
		if err != nil {
			return 0, err
		}
		w.snap = snap
	}
	w.pp = appendPartition(appendReplica(append(s.writeBuf[:0], s.prefix...), t.ID, node), u.Token, u.Key)
	s.writeBuf = w.pp
	if !u.Deletion.IsLive() {
		if err := w.deletion([]byte{entryPartitionDeletion}, u.Deletion); err != nil {
			return w.n, err
		}
	}
	for _, rt := range u.Ranges {
		k := binary.BigEndian.AppendUint64([]byte{entryRange}, rt.Seq)
		if err := w.put(k, appendRange(nil, rt)); err != nil {
			return w.n, err
		}
	}
	if u.Static != nil {
		s.rowBuf = append(s.rowBuf[:0], entryStatic)
		if err := w.row(s.rowBuf, u.Static); err != nil {
			return w.n, err
		}
	}
	for i := range u.Rows {
		r := &u.Rows[i]
		s.rowBuf = append(append(s.rowBuf[:0], entryRow), r.Clustering...)
		if err := w.row(s.rowBuf, r); err != nil {
			return w.n, err
		}
	}
	if m := u.MaxTS(); m > s.marks[node&0xff] {
		s.marks[node&0xff] = m
		if m > s.lease {
			if err := s.saveMeta(m + leaseAhead); err != nil {
				return w.n, err
			}
		}
	}
	return w.n, nil
}

type writer struct {
	s     *Store
	snap  *store.Snapshot
	blind bool
	pp    []byte
	a     *arena
	n     int
}

func (w *writer) key(suffix ...[]byte) []byte {
	n := len(w.pp)
	for _, s := range suffix {
		n += len(s)
	}
	from := w.a.start(n)
	w.a.buf = append(w.a.buf, w.pp...)
	for _, s := range suffix {
		w.a.buf = append(w.a.buf, s...)
	}
	return w.a.finish(from)
}

func (w *writer) put(suffix []byte, val []byte) error {
	w.n++
	k := w.key(suffix)
	if w.s.Record != nil {
		w.s.Record(k, true)
	}
	return w.s.db.Set(k, val)
}

func (w *writer) existing(suffix []byte) ([]byte, bool, error) {
	if w.blind {
		return nil, false, nil
	}
	return w.snap.Get(w.key(suffix))
}

func (w *writer) deletion(suffix []byte, d Deletion) error {
	if old, ok, err := w.existing(suffix); err != nil {
		return err
	} else if ok {
		od, _, err := decodeDeletion(old)
		if err != nil {
			return err
		}
		if !d.Supersedes(od) {
			return nil
		}
	}
	from := w.a.start(16)
	w.a.buf = appendDeletion(w.a.buf, d)
	return w.put(suffix, w.a.finish(from))
}

func (w *writer) cell(suffix []byte, c *Cell) error {
	if old, ok, err := w.existing(suffix); err != nil {
		return err
	} else if ok {
		oc, err := decodeCell(old, true)
		if err != nil {
			return err
		}
		if Reconcile(&oc, c) != c {
			return nil
		}
	}
	from := w.a.start(21 + len(c.Value))
	w.a.buf = appendCell(w.a.buf, c)
	return w.put(suffix, w.a.finish(from))
}

// row writes the parts of row r. prefix is the row's entry (its kind and
// clustering); the key suffix of each part is built after it, in prefix's
// spare capacity, and used before the next one is built.
func (w *writer) row(prefix []byte, r *Row) error {
	n := len(prefix)
	if !r.Deletion.IsLive() {
		if err := w.deletion(append(prefix[:n], partRowDeletion), r.Deletion); err != nil {
			return err
		}
	}
	if r.Marker != nil {
		if err := w.cell(append(prefix[:n], partMarker), r.Marker); err != nil {
			return err
		}
	}
	for i := range r.Columns {
		c := &r.Columns[i]
		if !c.Deletion.IsLive() {
			if err := w.deletion(appendCellPart(prefix[:n], c.Name, cellDeletion), c.Deletion); err != nil {
				return err
			}
		}
		if c.Cell != nil {
			if err := w.cell(appendCellPart(prefix[:n], c.Name, cellSimple), c.Cell); err != nil {
				return err
			}
		}
		for j := range c.Elems {
			e := &c.Elems[j]
			if err := w.cell(append(appendCellPart(prefix[:n], c.Name, cellElement), e.Path...), &e.Cell); err != nil {
				return err
			}
		}
	}
	return nil
}

// appendRange encodes a range tombstone: its deletion, then each bound as
// an inclusive flag, a 4-byte length and the prefix.
func appendRange(dst []byte, rt RangeTombstone) []byte {
	dst = appendDeletion(dst, rt.Deletion)
	for _, b := range []Bound{rt.Slice.Start, rt.Slice.End} {
		flag := byte(0)
		if b.Inclusive {
			flag = 1
		}
		dst = append(dst, flag)
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(b.Prefix)))
		dst = append(dst, b.Prefix...)
	}
	return dst
}

func decodeRange(src []byte, seq uint64) (RangeTombstone, error) {
	rt := RangeTombstone{Seq: seq}
	d, rest, err := decodeDeletion(src)
	if err != nil {
		return rt, err
	}
	rt.Deletion = d
	var bounds [2]Bound
	for i := range bounds {
		if len(rest) < 5 {
			return rt, errShortValue
		}
		bounds[i].Inclusive = rest[0] == 1
		n := int(binary.BigEndian.Uint32(rest[1:]))
		rest = rest[5:]
		if len(rest) < n {
			return rt, errShortValue
		}
		bounds[i].Prefix = append([]byte(nil), rest[:n]...)
		rest = rest[n:]
	}
	rt.Slice = Slice{Start: bounds[0], End: bounds[1]}
	if len(rest) != 0 {
		return rt, fmt.Errorf("range tombstone has trailing bytes")
	}
	return rt, nil
}

// DropTable deletes every replica's data of a table (DROP TABLE,
// TRUNCATE).
func (s *Store) DropTable(table uint32) error {
	s.snap.Discard()
	s.snap = nil
	return s.db.DropPrefix(appendTable(append([]byte(nil), s.prefix...), table))
}

// RawKey is one stored key and its value.
type RawKey struct {
	Key, Value []byte
}

// PartitionKeys returns every key (and value) of node's replica of one
// partition, in storage order, at most limit of them (0 for no limit).
func (s *Store) PartitionKeys(node int, t *schema.Table, key []byte, token int64, limit int) ([]RawKey, error) {
	snap, err := s.snapshot()
	if err != nil {
		return nil, err
	}
	pp := appendPartition(appendReplica(append([]byte(nil), s.prefix...), t.ID, node), token, key)
	var out []RawKey
	err = snap.Scan(pp, keys.PrefixEnd(pp), false, func(k, v []byte) (bool, error) {
		out = append(out, RawKey{Key: append([]byte(nil), k...), Value: append([]byte(nil), v...)})
		return limit == 0 || len(out) < limit, nil
	})
	return out, err
}

// DescribeValue renders a stored value for display: timestamp, TTL or
// tombstone, and the value bytes decoded with the column's type when the
// key is a cell. A cell reads skip because its column was dropped after
// it was written ends in "(dropped)".
func DescribeValue(ki KeyInfo, val []byte) string {
	switch ki.Entry {
	case "partition deletion", "row deletion", "collection deletion", "range tombstone":
		d, _, err := decodeDeletion(val)
		if err != nil {
			return "?"
		}
		return fmt.Sprintf("deleted at ts=%d", d.TS) + droppedSuffix(ki, d.TS)
	}
	c, err := decodeCell(val, false)
	if err != nil {
		return "?"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ts=%d", c.TS)
	if c.TTL > 0 {
		fmt.Fprintf(&b, " ttl=%d", c.TTL)
	}
	if c.Tomb {
		b.WriteString(" tombstone")
		b.WriteString(droppedSuffix(ki, c.TS))
		return b.String()
	}
	t := columnType(ki)
	if t != nil && len(c.Value) > 0 {
		describeCellValue(&b, ki, t, c.Value)
	}
	b.WriteString(droppedSuffix(ki, c.TS))
	return b.String()
}

// columnType returns the type of the key's column: the table's, or the
// one recorded when the column was dropped; nil when neither is known.
func columnType(ki KeyInfo) *value.Type {
	if ki.Column == "" {
		return nil
	}
	if col := ki.Table.Column(ki.Column); col != nil {
		return col.Type
	}
	if d := ki.Table.DroppedColumn(ki.Column); d != nil {
		return d.Type
	}
	return nil
}

// droppedSuffix returns " (dropped)" when a cell or deletion of the key's
// column written at ts is one reads skip: its column was dropped at or
// after ts, or is not in the table at all.
func droppedSuffix(ki KeyInfo, ts int64) string {
	if ki.Column == "" || ki.Table == nil {
		return ""
	}
	at, dropped := ki.Table.DroppedAt([]byte(ki.Column))
	if dropped && ts <= at || ki.Table.Column(ki.Column) == nil {
		return " (dropped)"
	}
	return ""
}

// describeCellValue appends " value=..." with the cell's value decoded
// as t (or the element type of t for an element key).
func describeCellValue(b *strings.Builder, ki KeyInfo, t *value.Type, val []byte) {
	if ki.Entry == "element" {
		switch t.Kind {
		case value.KindList, value.KindMap:
			t = t.Elem()
		case value.KindUDT:
			for i, f := range t.Fields {
				if value.QuoteIdent(f) == ki.Element {
					t = t.Elems[i]
				}
			}
		}
	}
	if v, err := value.Unmarshal(t, val); err == nil {
		fmt.Fprintf(b, " value=%s", value.Literal(t, v))
	}
}

// LoadMeta returns a named metadata value of the namespace, or ok false.
func (s *Store) LoadMeta(name string) ([]byte, bool, error) {
	snap, err := s.snapshot()
	if err != nil {
		return nil, false, err
	}
	return snap.Get(s.metaKey("x:" + name))
}

// SaveMeta stores a named metadata value of the namespace.
func (s *Store) SaveMeta(name string, v []byte) error {
	return s.db.Set(s.metaKey("x:"+name), append([]byte(nil), v...))
}
