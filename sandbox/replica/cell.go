// Package replica stores one node's copy of the data: partitions made of
// rows and cells, each cell a Badger key, reconciled the way Cassandra
// reconciles them (last write wins by timestamp, tombstones shadow older
// data, TTLs expire).
package replica

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
)

// NoDeletion is the timestamp of a deletion that deletes nothing.
const NoDeletion = math.MinInt64

// Cell is one stored version of a cell, a row marker or a collection
// element.
type Cell struct {
	// TS is the write timestamp in microseconds.
	TS int64
	// Tomb is set for a tombstone (a deleted cell or a written null).
	Tomb bool
	// TTL is the time to live in seconds, 0 for none.
	TTL int32
	// LDT is the local expiration time (for a cell with a TTL) or the
	// local deletion time (for a tombstone), in seconds since the epoch.
	LDT int64
	// Value is the cell's value in Cassandra's serialization.
	Value []byte
}

// Live reports whether the cell holds a value at time now (seconds).
func (c *Cell) Live(now int64) bool {
	return c != nil && !c.Tomb && (c.TTL == 0 || now < c.LDT)
}

// expiringOrTomb reports whether Cassandra would give the cell a local
// deletion time.
func (c *Cell) expiringOrTomb() bool { return c.Tomb || c.TTL != 0 }

// Reconcile returns the cell that wins between a and b, by Cassandra's
// rules (Cells.resolveRegular): the higher timestamp wins; on a tie a
// tombstone beats an expiring cell, which beats a live one; two tombstones
// or two expiring cells are ordered by local deletion time, then value;
// two live cells by their value bytes.
func Reconcile(a, b *Cell) *Cell {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if a.TS != b.TS {
		if a.TS > b.TS {
			return a
		}
		return b
	}
	if a.expiringOrTomb() || b.expiringOrTomb() {
		if a.Tomb != b.Tomb {
			if a.Tomb {
				return a
			}
			return b
		}
		if a.expiringOrTomb() != b.expiringOrTomb() {
			if a.expiringOrTomb() {
				return a
			}
			return b
		}
		if a.LDT != b.LDT {
			if a.LDT > b.LDT {
				return a
			}
			return b
		}
	}
	if bytes.Compare(a.Value, b.Value) >= 0 {
		return a
	}
	return b
}

// Deletion is a partition, row, range or collection deletion: it shadows
// every cell written at or before TS.
type Deletion struct {
	TS  int64
	LDT int64
}

// Live is the deletion that deletes nothing.
var Live = Deletion{TS: NoDeletion}

// IsLive reports whether d deletes nothing.
func (d Deletion) IsLive() bool { return d.TS == NoDeletion }

// Deletes reports whether d shadows data written at ts.
func (d Deletion) Deletes(ts int64) bool { return ts <= d.TS }

// Supersedes reports whether d wins over e.
func (d Deletion) Supersedes(e Deletion) bool {
	return d.TS > e.TS || (d.TS == e.TS && d.LDT > e.LDT)
}

// Max returns the stronger of d and e.
func (d Deletion) Max(e Deletion) Deletion {
	if e.Supersedes(d) {
		return e
	}
	return d
}

// Cell value encoding: a flag byte, the timestamp, then for an expiring
// cell the TTL and expiry time, for a tombstone the deletion time, then
// the value bytes.
const (
	flagTomb     = 1 << 0
	flagExpiring = 1 << 1
)

var errShortValue = errors.New("stored value too short")

// appendCell appends the stored form of c.
func appendCell(dst []byte, c *Cell) []byte {
	var flags byte
	if c.Tomb {
		flags |= flagTomb
	} else if c.TTL != 0 {
		flags |= flagExpiring
	}
	dst = append(dst, flags)
	dst = binary.BigEndian.AppendUint64(dst, uint64(c.TS))
	switch {
	case c.Tomb:
		dst = binary.BigEndian.AppendUint64(dst, uint64(c.LDT))
	case c.TTL != 0:
		dst = binary.BigEndian.AppendUint32(dst, uint32(c.TTL))
		dst = binary.BigEndian.AppendUint64(dst, uint64(c.LDT))
	}
	return append(dst, c.Value...)
}

// decodeCell reads a stored cell. The value aliases src unless copy is set.
func decodeCell(src []byte, copyValue bool) (Cell, error) {
	var c Cell
	if len(src) < 9 {
		return c, errShortValue
	}
	flags := src[0]
	c.TS = int64(binary.BigEndian.Uint64(src[1:]))
	rest := src[9:]
	switch {
	case flags&flagTomb != 0:
		if len(rest) < 8 {
			return c, errShortValue
		}
		c.Tomb = true
		c.LDT = int64(binary.BigEndian.Uint64(rest))
		rest = rest[8:]
	case flags&flagExpiring != 0:
		if len(rest) < 12 {
			return c, errShortValue
		}
		c.TTL = int32(binary.BigEndian.Uint32(rest))
		c.LDT = int64(binary.BigEndian.Uint64(rest[4:]))
		rest = rest[12:]
	}
	if copyValue {
		c.Value = append([]byte(nil), rest...)
	} else {
		c.Value = rest
	}
	return c, nil
}

func appendDeletion(dst []byte, d Deletion) []byte {
	dst = binary.BigEndian.AppendUint64(dst, uint64(d.TS))
	return binary.BigEndian.AppendUint64(dst, uint64(d.LDT))
}

func decodeDeletion(src []byte) (Deletion, []byte, error) {
	if len(src) < 16 {
		return Live, nil, errShortValue
	}
	return Deletion{TS: int64(binary.BigEndian.Uint64(src)), LDT: int64(binary.BigEndian.Uint64(src[8:]))}, src[16:], nil
}
