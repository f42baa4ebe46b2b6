package replica

import (
	"encoding/binary"
	"fmt"

	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// The Badger key layout. Every key of a sandbox starts with its namespace:
//
//	'L' len(ns) ns
//
// followed by a section byte: 'd' for data, 'm' for metadata, 's' for the
// schema. A data key continues with the table, the node whose replica it
// belongs to, and the partition, so that one partition of one replica is
// one contiguous key range, and partitions follow each other in token
// order:
//
//	'd' table(4) node(1) token(8, sign-flipped) partition-key(escaped)
//
// then one of
//
//	0x01                              partition deletion
//	0x02 seq(8)                       range tombstone
//	0x03 <row part>                   static row
//	0x04 clustering <row part>        clustered row, in clustering order
//
// where a row part is
//
//	0x01                              row deletion
//	0x02                              row marker (primary-key liveness)
//	0x03 column(escaped) 0x00         cell of a simple column
//	0x03 column(escaped) 0x01         deletion of a whole collection or UDT
//	0x03 column(escaped) 0x02 path    collection element or UDT field
//
// The clustering is the concatenation of keys.AppendValue of each
// clustering column (descending columns complemented), so byte order is
// clustering order.
const (
	sectionData   = 'd'
	sectionMeta   = 'm'
	sectionSchema = 's'

	entryPartitionDeletion = 0x01
	entryRange             = 0x02
	entryStatic            = 0x03
	entryRow               = 0x04

	partRowDeletion = 0x01
	partMarker      = 0x02
	partCell        = 0x03

	cellSimple    = 0x00
	cellDeletion  = 0x01
	cellElement   = 0x02
	maxNamespaces = 255
)

// NamespacePrefix returns the prefix of every key of the sandbox ns.
func NamespacePrefix(ns string) []byte {
	if len(ns) > maxNamespaces {
		ns = ns[:maxNamespaces]
	}
	b := make([]byte, 0, 2+len(ns))
	b = append(b, 'L', byte(len(ns)))
	return append(b, ns...)
}

func appendTable(dst []byte, table uint32) []byte {
	dst = append(dst, sectionData)
	return binary.BigEndian.AppendUint32(dst, table)
}

func appendReplica(dst []byte, table uint32, node int) []byte {
	return append(appendTable(dst, table), byte(node))
}

func appendPartition(dst []byte, token int64, key []byte) []byte {
	dst = keys.AppendToken(dst, token)
	return keys.AppendBytes(dst, key)
}

func appendCellPart(dst []byte, column string, kind byte) []byte {
	dst = append(dst, partCell)
	dst = keys.AppendString(dst, column)
	return append(dst, kind)
}

// skipClustering returns the rest of src after an encoded clustering key
// of table t.
func skipClustering(src []byte, t *schema.Table) ([]byte, error) {
	var err error
	for _, c := range t.Clustering {
		src, err = keys.SkipValue(src, c.Type, c.Desc)
		if err != nil {
			return nil, fmt.Errorf("clustering column %s: %w", c.Name, err)
		}
	}
	return src, nil
}

// rowPart is a decoded row part of a key. column and path alias the key.
type rowPart struct {
	kind   byte // partRowDeletion, partMarker or partCell
	column []byte
	cell   byte // cellSimple, cellDeletion or cellElement
	path   []byte
}

func decodeRowPart(src []byte) (rowPart, error) {
	var p rowPart
	if len(src) == 0 {
		return p, fmt.Errorf("row key too short")
	}
	p.kind = src[0]
	switch p.kind {
	case partRowDeletion, partMarker:
		if len(src) != 1 {
			return p, fmt.Errorf("row key has trailing bytes")
		}
		return p, nil
	case partCell:
		name, rest, err := keys.CutBytes(src[1:])
		if err != nil {
			return p, fmt.Errorf("column name: %w", err)
		}
		if len(rest) == 0 {
			return p, fmt.Errorf("cell key too short")
		}
		p.column = name
		p.cell = rest[0]
		p.path = rest[1:]
		if p.cell != cellElement && len(p.path) != 0 {
			return p, fmt.Errorf("cell key has trailing bytes")
		}
		return p, nil
	}
	return p, fmt.Errorf("unknown row part 0x%02x", p.kind)
}
