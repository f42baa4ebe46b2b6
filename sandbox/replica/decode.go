package replica

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// KeyInfo is a storage key taken apart: which node's replica, which
// table, which partition and row, which cell.
type KeyInfo struct {
	Node  int
	Table *schema.Table
	Token int64
	// PartitionKey and Clustering hold the key columns' values.
	PartitionKey []any
	Clustering   []any
	// Entry says what the key holds: "partition deletion", "range
	// tombstone", "row deletion", "row marker", "cell", "collection
	// deletion" or "element".
	Entry  string
	Static bool
	Column string
	// Element is the map key, set element, list position or UDT field of
	// an element cell (a string as CQL shows it).
	Element string
}

// DecodeKey takes apart a data key of this store, using the catalog to
// find its table and types.
func (s *Store) DecodeKey(cat *schema.Catalog, key []byte) (KeyInfo, error) {
	var ki KeyInfo
	if len(key) < len(s.prefix)+6 || string(key[:len(s.prefix)]) != string(s.prefix) || key[len(s.prefix)] != sectionData {
		return ki, fmt.Errorf("not a data key of this sandbox")
	}
	rest := key[len(s.prefix)+1:]
	id := binary.BigEndian.Uint32(rest)
	ki.Node = int(rest[4])
	rest = rest[5:]
	ki.Table = cat.TableByID(id)
	if ki.Table == nil {
		return ki, fmt.Errorf("key of a dropped table %d", id)
	}
	t := ki.Table
	tok, rest, err := keys.DecodeToken(rest)
	if err != nil {
		return ki, err
	}
	ki.Token = tok
	pk, rest, err := keys.DecodeBytes(rest)
	if err != nil {
		return ki, err
	}
	if ki.PartitionKey, err = keys.SplitPartitionKey(t.PartitionKeyTypes(), pk); err != nil {
		return ki, err
	}
	if len(rest) == 0 {
		return ki, fmt.Errorf("key ends after its partition")
	}
	switch rest[0] {
	case entryPartitionDeletion:
		ki.Entry = "partition deletion"
		return ki, nil
	case entryRange:
		ki.Entry = "range tombstone"
		return ki, nil
	case entryStatic:
		ki.Static = true
		rest = rest[1:]
	case entryRow:
		after, err := skipClustering(rest[1:], t)
		if err != nil {
			return ki, err
		}
		enc := rest[1 : len(rest)-len(after)]
		ki.Clustering = make([]any, len(t.Clustering))
		r := enc
		for i, c := range t.Clustering {
			ki.Clustering[i], r, err = keys.DecodeValue(r, c.Type, c.Desc)
			if err != nil {
				return ki, err
			}
		}
		rest = after
	default:
		return ki, fmt.Errorf("unknown entry 0x%02x", rest[0])
	}
	rp, err := decodeRowPart(rest)
	if err != nil {
		return ki, err
	}
	switch rp.kind {
	case partRowDeletion:
		ki.Entry = "row deletion"
	case partMarker:
		ki.Entry = "row marker"
	default:
		ki.Column = string(rp.column)
		switch rp.cell {
		case cellSimple:
			ki.Entry = "cell"
		case cellDeletion:
			ki.Entry = "collection deletion"
		default:
			ki.Entry = "element"
			col := t.ColumnBytes(rp.column)
			if d := t.DroppedColumn(ki.Column); col == nil && d != nil {
				// An element of a dropped collection.
				col = &schema.Column{Name: d.Name, Type: d.Type, Kind: d.Kind, Position: -1}
			}
			ki.Element = elementString(col, rp.path)
		}
	}
	return ki, nil
}

// elementString renders an element's cell path.
func elementString(c *schema.Column, path []byte) string {
	if c == nil {
		return fmt.Sprintf("0x%x", path)
	}
	t := c.Type
	switch t.Kind {
	case value.KindMap, value.KindSet:
		v, _, err := keys.DecodeValue(path, t.Key(), false)
		if err != nil {
			return fmt.Sprintf("0x%x", path)
		}
		return value.Literal(t.Key(), v)
	case value.KindUDT:
		if len(path) == 2 {
			if i := int(binary.BigEndian.Uint16(path)); i < len(t.Fields) {
				return value.QuoteIdent(t.Fields[i])
			}
		}
	}
	return fmt.Sprintf("0x%x", path)
}

// String renders the key as a path a learner can read, e.g.
// node2:learnkv.users/-4069959284402364209/(1)/row('a')/email.
func (ki KeyInfo) String() string {
	var b strings.Builder
	t := ki.Table
	fmt.Fprintf(&b, "node%d:%s.%s/%d/(%s)", ki.Node, t.Keyspace, t.Name, ki.Token, literals(t.PartitionKeyTypes(), ki.PartitionKey))
	switch {
	case ki.Static:
		b.WriteString("/static")
	case ki.Clustering != nil:
		cts := make([]*value.Type, len(t.Clustering))
		for i, c := range t.Clustering {
			cts[i] = c.Type
		}
		fmt.Fprintf(&b, "/row(%s)", literals(cts, ki.Clustering))
	}
	switch ki.Entry {
	case "cell":
		b.WriteString("/" + value.QuoteIdent(ki.Column))
	case "element":
		fmt.Fprintf(&b, "/%s[%s]", value.QuoteIdent(ki.Column), ki.Element)
	case "collection deletion":
		fmt.Fprintf(&b, "/%s (collection deletion)", value.QuoteIdent(ki.Column))
	default:
		b.WriteString(" (" + ki.Entry + ")")
	}
	return b.String()
}

func literals(types []*value.Type, vals []any) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = value.Literal(types[i], v)
	}
	return strings.Join(parts, ", ")
}
