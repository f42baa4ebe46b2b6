package schema

import (
	"github.com/learnkv/learnkv/sandbox/value"
)

// DroppedColumn is what a table remembers of a column ALTER TABLE ... DROP
// removed, as Cassandra's system_schema.dropped_columns does: cells of
// that name written at or before DroppedAt are never read again, even
// after a column of the same name is added back.
type DroppedColumn struct {
	Name string
	// Type is the column's type with user-defined types expanded to
	// tuples (TableMetadata.Builder.recordColumnDrop).
	Type *value.Type
	Kind ColumnKind
	// DroppedAt is the drop's timestamp in microseconds: the one of
	// USING TIMESTAMP, else the statement's write timestamp.
	DroppedAt int64
}

// DroppedColumn returns what the table remembers of the dropped column
// name, or nil.
func (t *Table) DroppedColumn(name string) *DroppedColumn { return t.Dropped[name] }

// DroppedAt returns the drop timestamp of the column spelled by name, and
// whether the table records one. It does not allocate (storage keys hold
// column names as bytes).
func (t *Table) DroppedAt(name []byte) (int64, bool) {
	if len(t.Dropped) == 0 {
		return 0, false
	}
	d := t.Dropped[string(name)]
	if d == nil {
		return 0, false
	}
	return d.DroppedAt, true
}

// RecordDrop records that column c was dropped at time at (microseconds),
// replacing an earlier drop of the same name. The table's map of dropped
// columns is copied first: tables are shared between catalogs.
func (t *Table) RecordDrop(c *Column, at int64) {
	dropped := make(map[string]*DroppedColumn, len(t.Dropped)+1)
	for k, v := range t.Dropped {
		dropped[k] = v
	}
	dropped[c.Name] = &DroppedColumn{Name: c.Name, Type: ExpandUserTypes(c.Type), Kind: c.Kind, DroppedAt: at}
	t.Dropped = dropped
}

// ExpandUserTypes returns t with every user-defined type replaced by the
// tuple of its field types (AbstractType.expandUserTypes), which is how a
// dropped column's type is recorded.
func ExpandUserTypes(t *value.Type) *value.Type {
	if t == nil {
		return nil
	}
	changed := t.Kind == value.KindUDT
	elems := make([]*value.Type, len(t.Elems))
	for i, e := range t.Elems {
		elems[i] = ExpandUserTypes(e)
		if elems[i] != e {
			changed = true
		}
	}
	if !changed {
		return t
	}
	if t.Kind == value.KindUDT {
		return value.TupleOf(elems...)
	}
	c := *t
	c.Elems = elems
	return &c
}
