package replica

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/learnkv/learnkv/sandbox/schema"
)

// readArena holds what a read copies out of the store (value bytes, cell
// paths, clustering keys), the cells it decodes and the column lists of
// its rows, carved from chunks so that a partition read costs a few
// allocations instead of several per key. A piece carved from it belongs
// to the partition read: it is never handed out twice.
type readArena struct {
	bytes   []byte
	cells   []Cell
	columns []ColumnData
	// nextBytes, nextCells and nextColumns size the next chunks.
	nextBytes, nextCells, nextColumns int
}

// partitionRead is a partition with the arena it is read into, and the
// arena's first chunks, allocated together: a point read of a small row
// allocates little else.
type partitionRead struct {
	p            Partition
	arena        readArena
	firstBytes   [128]byte
	firstCells   [4]Cell
	firstColumns [4]ColumnData
	firstRow     [1]Row
}

// newPartitionRead returns an empty partition of t to read into.
func newPartitionRead(t *schema.Table, key []byte, token int64) *partitionRead {
	pr := &partitionRead{}
	pr.arena.init(t)
	pr.arena.bytes = pr.firstBytes[:0]
	pr.arena.cells = pr.firstCells[:0]
	pr.arena.columns = pr.firstColumns[:0]
	pr.p = Partition{Key: pr.arena.own(key), Token: token, Deletion: Live, Rows: pr.firstRow[:0]}
	return pr
}

// Arena chunk sizes: the first chunks fit a small partition of the table,
// later ones grow to these bounds.
const (
	maxBytesChunk = 32 << 10
	maxCellsChunk = 256
)

// newReadArena returns an arena whose first chunks fit one row of t.
func newReadArena(t *schema.Table) *readArena {
	a := &readArena{}
	a.init(t)
	return a
}

// init sizes the arena's first chunks for one row of t.
func (a *readArena) init(t *schema.Table) {
	columns := len(t.Columns) - len(t.PartitionKey) - len(t.Clustering)
	a.nextBytes, a.nextCells, a.nextColumns = 32*(columns+2), columns+1, columns
}

// reserve makes room for n more bytes.
func (a *readArena) reserve(n int) {
	if cap(a.bytes)-len(a.bytes) >= n {
		return
	}
	a.bytes = make([]byte, 0, max(n, a.nextBytes))
	a.nextBytes = min(2*a.nextBytes, maxBytesChunk)
}

// own returns a copy of b carved from the arena (nil for an empty b).
func (a *readArena) own(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	a.reserve(len(b))
	n := len(a.bytes)
	a.bytes = append(a.bytes, b...)
	return a.bytes[n:len(a.bytes):len(a.bytes)]
}

// copyValue returns a copy of the value the cursor is on.
func (a *readArena) copyValue(c cursor) ([]byte, error) {
	a.reserve(c.ValueSize())
	n := len(a.bytes)
	grown, err := c.AppendValue(a.bytes)
	if err != nil {
		return nil, err
	}
	a.bytes = grown
	return grown[n:len(grown):len(grown)], nil
}

// cell returns a pointer to a copy of c carved from the arena.
func (a *readArena) cell(c Cell) *Cell {
	if len(a.cells) == cap(a.cells) {
		a.cells = make([]Cell, 0, max(a.nextCells, 1))
		a.nextCells = min(2*a.nextCells, maxCellsChunk)
	}
	a.cells = append(a.cells, c)
	return &a.cells[len(a.cells)-1]
}

// rowColumns returns an empty slice with room for n columns, carved from
// the arena (with no room beyond: appending more reallocates).
func (a *readArena) rowColumns(n int) []ColumnData {
	if n == 0 {
		return []ColumnData{}
	}
	if cap(a.columns)-len(a.columns) < n {
		a.columns = make([]ColumnData, 0, max(n, a.nextColumns))
		a.nextColumns = min(2*a.nextColumns, maxCellsChunk)
	}
	from := len(a.columns)
	a.columns = a.columns[:from+n]
	return a.columns[from : from : from+n]
}

// builder assembles a partition from its keys, which arrive in key order
// (or in reverse order for a reverse read).
type builder struct {
	t     *schema.Table
	p     *Partition
	arena *readArena
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
	if isLiveRow(last, b.p.rowDeletion(last), b.now, true) {
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

// add adds one key (the part after the partition prefix) and its value,
// which must be carved from the builder's arena.
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
		return b.addPart(b.p.StaticRow(), entry[1:], val)
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
			b.p.Rows = append(b.p.Rows, Row{Clustering: b.arena.own(clustering), Deletion: Live,
				Columns: b.arena.rowColumns(len(b.t.Columns) - len(b.t.PartitionKey) - len(b.t.Clustering))})
			r = &b.p.Rows[len(b.p.Rows)-1]
		}
		return b.addPart(r, rest, val)
	}
	return fmt.Errorf("unknown entry kind 0x%02x", entry[0])
}

// decodeCell decodes a stored cell whose value bytes are carved from the
// arena, so that its value can alias them.
func (b *builder) decodeCell(val []byte) (Cell, error) {
	c, err := decodeCell(val, false)
	if len(c.Value) == 0 {
		c.Value = nil // as a copy of no bytes is
	}
	return c, err
}

func (b *builder) addPart(r *Row, part, val []byte) error {
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
		c, err := b.decodeCell(val)
		if err != nil {
			return err
		}
		r.Marker = b.arena.cell(c)
		return nil
	}
	// A column the table no longer has is skipped, and so are the cells
	// of a dropped column written at or before its drop, even when a
	// column of that name was added back (Cassandra's read path skips
	// them, and compaction purges them).
	c := b.t.ColumnBytes(rp.column)
	droppedAt, dropped := b.t.DroppedAt(rp.column)
	if c == nil {
		return nil
	}
	switch rp.cell {
	case cellDeletion:
		d, _, err := decodeDeletion(val)
		if err != nil {
			return err
		}
		if dropped && d.TS <= droppedAt {
			return nil
		}
		col := r.ColumnFor(c.Name)
		col.Deletion = col.Deletion.Max(d)
	case cellSimple:
		cell, err := b.decodeCell(val)
		if err != nil {
			return err
		}
		if dropped && cell.TS <= droppedAt {
			return nil
		}
		r.ColumnFor(c.Name).Cell = b.arena.cell(cell)
	case cellElement:
		cell, err := b.decodeCell(val)
		if err != nil {
			return err
		}
		if dropped && cell.TS <= droppedAt {
			return nil
		}
		col := r.ColumnFor(c.Name)
		col.Elems = append(col.Elems, Elem{Path: b.arena.own(rp.path), Cell: cell})
	default:
		return fmt.Errorf("unknown cell kind 0x%02x", rp.cell)
	}
	return nil
}
