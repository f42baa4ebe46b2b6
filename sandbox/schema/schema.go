// Package schema holds the sandbox's catalog: keyspaces, tables, columns
// and user-defined types, and their persisted form.
package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/value"
)

// ColumnKind says what part of the primary key, if any, a column is.
type ColumnKind uint8

// The column kinds, in SELECT * order.
const (
	PartitionKey ColumnKind = iota
	Clustering
	Static
	Regular
)

// String returns the kind as Cassandra's system_schema.columns names it.
func (k ColumnKind) String() string {
	switch k {
	case PartitionKey:
		return "partition_key"
	case Clustering:
		return "clustering"
	case Static:
		return "static"
	}
	return "regular"
}

// Column is one column of a table.
type Column struct {
	Name string
	Type *value.Type
	Kind ColumnKind
	// Position is the column's index within the partition key or the
	// clustering columns; -1 for static and regular columns.
	Position int
	// Desc is set for a clustering column declared DESC.
	Desc bool
}

// IsPrimaryKey reports whether the column is part of the primary key.
func (c *Column) IsPrimaryKey() bool { return c.Kind == PartitionKey || c.Kind == Clustering }

// Table is a table definition.
type Table struct {
	Keyspace string
	Name     string
	// ID identifies the table's data in storage. A table dropped and
	// created again gets a new ID, so old data never comes back.
	ID uint32
	// Columns holds every column in SELECT * order: partition key and
	// clustering columns in key order, then static columns by name, then
	// regular columns by name.
	Columns      []*Column
	PartitionKey []*Column `json:"-"`
	Clustering   []*Column `json:"-"`
	// Options are the table options written in WITH, kept for DESCRIBE.
	Options map[string]string
	// DefaultTTL is the default_time_to_live option, in seconds.
	DefaultTTL int
	// Dropped holds the columns ALTER TABLE ... DROP removed, by name. It
	// is never changed in place (see RecordDrop).
	Dropped map[string]*DroppedColumn `json:",omitempty"`

	byName    map[string]*Column
	qualified string
	pkTypes   []*value.Type
}

// NewTable builds a table from its columns, which may come in any order;
// Position and Kind must be set. It sorts the columns into SELECT * order.
func NewTable(ks, name string, id uint32, cols []*Column) *Table {
	t := &Table{Keyspace: ks, Name: name, ID: id, Options: map[string]string{}}
	t.setColumns(cols)
	return t
}

func (t *Table) setColumns(cols []*Column) {
	sorted := append([]*Column(nil), cols...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.IsPrimaryKey() {
			return a.Position < b.Position
		}
		return a.Name < b.Name
	})
	t.Columns = sorted
	t.qualified = t.Keyspace + "." + t.Name
	t.PartitionKey, t.Clustering, t.pkTypes = nil, nil, nil
	t.byName = make(map[string]*Column, len(sorted))
	for _, c := range sorted {
		t.byName[c.Name] = c
		switch c.Kind {
		case PartitionKey:
			t.PartitionKey = append(t.PartitionKey, c)
			t.pkTypes = append(t.pkTypes, c.Type)
		case Clustering:
			t.Clustering = append(t.Clustering, c)
		}
	}
}

// PartitionKeyTypes returns the types of the partition key columns, in
// key order. The caller must not modify the slice.
func (t *Table) PartitionKeyTypes() []*value.Type {
	if len(t.pkTypes) != len(t.PartitionKey) {
		// A table built without NewTable.
		types := make([]*value.Type, len(t.PartitionKey))
		for i, c := range t.PartitionKey {
			types[i] = c.Type
		}
		return types
	}
	return t.pkTypes
}

// Column returns the named column, or nil.
func (t *Table) Column(name string) *Column { return t.byName[name] }

// ColumnBytes returns the column whose name is spelled by name, or nil.
// It does not allocate (storage keys hold column names as bytes).
func (t *Table) ColumnBytes(name []byte) *Column { return t.byName[string(name)] }

// QualifiedName returns ks.table.
func (t *Table) QualifiedName() string {
	if t.qualified == "" {
		return t.Keyspace + "." + t.Name
	}
	return t.qualified
}

// HasStatic reports whether the table has static columns.
func (t *Table) HasStatic() bool {
	for _, c := range t.Columns {
		if c.Kind == Static {
			return true
		}
	}
	return false
}

// NonKeyColumns returns the static and regular columns, in SELECT * order.
func (t *Table) NonKeyColumns() []*Column {
	return t.Columns[len(t.PartitionKey)+len(t.Clustering):]
}

// HasCounters reports whether the table's non-key columns are counters.
func (t *Table) HasCounters() bool {
	for _, c := range t.NonKeyColumns() {
		if c.Type.IsCounter() {
			return true
		}
	}
	return false
}

// WithColumns returns a copy of t with a new column list (ALTER TABLE).
func (t *Table) WithColumns(cols []*Column) *Table {
	c := *t
	c.Options = make(map[string]string, len(t.Options))
	for k, v := range t.Options {
		c.Options[k] = v
	}
	c.setColumns(cols)
	return &c
}

// Keyspace is a keyspace and the tables and types it holds.
type Keyspace struct {
	Name          string
	Replication   map[string]string
	DurableWrites bool
	Tables        map[string]*Table
	Types         map[string]*value.Type
}

// NewKeyspace returns an empty keyspace.
func NewKeyspace(name string, replication map[string]string) *Keyspace {
	return &Keyspace{Name: name, Replication: replication, DurableWrites: true,
		Tables: map[string]*Table{}, Types: map[string]*value.Type{}}
}

// ReplicationFactor returns the keyspace's replication factor (for
// NetworkTopologyStrategy, the one of datacenter1), 1 when it cannot be
// read.
func (k *Keyspace) ReplicationFactor() int {
	v, ok := k.Replication["replication_factor"]
	if !ok {
		v = k.Replication["datacenter1"]
	}
	rf, err := strconv.Atoi(v)
	if err != nil || rf < 1 {
		return 1
	}
	return rf
}

// TableNames returns the keyspace's table names, sorted.
func (k *Keyspace) TableNames() []string {
	names := make([]string, 0, len(k.Tables))
	for n := range k.Tables {
		names = append(names, n)
	}
	sortNames(names)
	return names
}

// TypeNames returns the keyspace's user-defined type names, sorted.
func (k *Keyspace) TypeNames() []string {
	names := make([]string, 0, len(k.Types))
	for n := range k.Types {
		names = append(names, n)
	}
	sortNames(names)
	return names
}

// Catalog is the whole schema of one sandbox.
type Catalog struct {
	Keyspaces   map[string]*Keyspace
	NextTableID uint32
}

// NewCatalog returns an empty catalog.
func NewCatalog() *Catalog {
	return &Catalog{Keyspaces: map[string]*Keyspace{}, NextTableID: 1}
}

// Keyspace returns the named keyspace, or nil.
func (c *Catalog) Keyspace(name string) *Keyspace { return c.Keyspaces[name] }

// Table returns the named table, or nil.
func (c *Catalog) Table(ks, name string) *Table {
	k := c.Keyspaces[ks]
	if k == nil {
		return nil
	}
	return k.Tables[name]
}

// TableByID returns the table with the given storage ID, or nil.
func (c *Catalog) TableByID(id uint32) *Table {
	for _, k := range c.Keyspaces {
		for _, t := range k.Tables {
			if t.ID == id {
				return t
			}
		}
	}
	return nil
}

// KeyspaceNames returns the keyspace names, sorted.
func (c *Catalog) KeyspaceNames() []string {
	names := make([]string, 0, len(c.Keyspaces))
	for n := range c.Keyspaces {
		names = append(names, n)
	}
	sortNames(names)
	return names
}

// AllocTableID returns a fresh table ID.
func (c *Catalog) AllocTableID() uint32 {
	id := c.NextTableID
	c.NextTableID++
	return id
}

// Clone returns a deep copy of the catalog's maps (tables and types
// themselves are immutable and shared), so that a DDL statement can build
// the new catalog and swap it in only when it is valid.
func (c *Catalog) Clone() *Catalog {
	n := &Catalog{Keyspaces: make(map[string]*Keyspace, len(c.Keyspaces)), NextTableID: c.NextTableID}
	for name, k := range c.Keyspaces {
		nk := *k
		nk.Replication = make(map[string]string, len(k.Replication))
		for a, b := range k.Replication {
			nk.Replication[a] = b
		}
		nk.Tables = make(map[string]*Table, len(k.Tables))
		for a, b := range k.Tables {
			nk.Tables[a] = b
		}
		nk.Types = make(map[string]*value.Type, len(k.Types))
		for a, b := range k.Types {
			nk.Types[a] = b
		}
		n.Keyspaces[name] = &nk
	}
	return n
}

// Marshal returns the catalog's persisted form.
func (c *Catalog) Marshal() ([]byte, error) { return json.Marshal(c) }

// Unmarshal reads a catalog written by Marshal.
func Unmarshal(b []byte) (*Catalog, error) {
	c := NewCatalog()
	if err := json.Unmarshal(b, c); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	for _, k := range c.Keyspaces {
		if k.Tables == nil {
			k.Tables = map[string]*Table{}
		}
		if k.Types == nil {
			k.Types = map[string]*value.Type{}
		}
		for _, t := range k.Tables {
			t.setColumns(t.Columns)
			if t.Options == nil {
				t.Options = map[string]string{}
			}
		}
	}
	return c, nil
}

// sortNames sorts schema element names as Cassandra lists them: ignoring
// case (SchemaElement.NAME_COMPARATOR), then by exact name so that the
// order is stable.
func sortNames(names []string) {
	sort.Slice(names, func(i, j int) bool {
		a, b := strings.ToLower(names[i]), strings.ToLower(names[j])
		if a != b {
			return a < b
		}
		return names[i] < names[j]
	})
}

// SystemKeyspaces are the keyspaces every Cassandra 5.0 node has. The
// sandbox lists them in DESCRIBE KEYSPACES but does not model them.
var SystemKeyspaces = []string{"system", "system_auth", "system_distributed", "system_schema",
	"system_traces", "system_views", "system_virtual_schema"}

// IsSystemKeyspace reports whether name is one of Cassandra's system
// keyspaces.
func IsSystemKeyspace(name string) bool {
	for _, k := range SystemKeyspaces {
		if k == name {
			return true
		}
	}
	return false
}

// SystemKeyspaceError is the sandbox's answer to a statement that needs
// a system keyspace: they exist on a real cluster only.
func SystemKeyspaceError(name string) string {
	return fmt.Sprintf("Keyspace '%s' is one of Cassandra's system keyspaces, which the learnkv sandbox does not model; query it on a real cluster", name)
}
