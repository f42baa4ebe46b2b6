// Package plan turns parsed CQL statements into declarative plans, applying
// Cassandra's rules on the way: which WHERE clauses are legal, which
// columns a statement may set, which values fit which types. Every
// refusal carries Cassandra's own error message.
//
// Plans are inert: they say what to read or write, and the engine does it.
package plan

import (
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// PartitionKey is one partition a statement reads or writes.
type PartitionKey struct {
	// Values holds the partition key columns' values, in key order.
	Values []any
	// Bytes is the key in Cassandra's serialization.
	Bytes []byte
	Token int64
}

// TokenRange is a range of tokens, bounds included unless excluded.
type TokenRange struct {
	Start, End         int64
	StartIncl, EndIncl bool
	// Empty is set when the range holds no token at all (start > end).
	Empty bool
}

// Filter is a condition checked on each row read (ALLOW FILTERING, or a
// partition key restricted only in part).
type Filter struct {
	Column *schema.Column
	Op     cql.Operator
	Value  any
	Values []any // IN
	// Key is the map key of an m['k'] = v filter.
	Key    any
	HasKey bool
	// Multi holds the columns of a multi-column (tuple) relation; Value
	// (or Values) then holds []any tuples.
	Multi []*schema.Column
}

// ResultColumn is one column of a result.
type ResultColumn struct {
	Name string
	Type *value.Type
}

// Select is a planned SELECT.
type Select struct {
	Table *schema.Table
	RF    int

	// Keys lists the partitions to read when the partition key is fully
	// restricted by = or IN, in the key type's order, without duplicates.
	// When Keys is nil the query scans partitions in token order.
	Keys []PartitionKey
	// Tokens restricts a scan (token() relations); nil means all tokens.
	Tokens *TokenRange
	// Slices are the clustering ranges to read in each partition, in
	// clustering order; nil means every row.
	Slices []replica.Slice
	// Reversed returns rows in reverse clustering order (ORDER BY).
	Reversed bool
	// Filters are checked on every row read.
	Filters []Filter
	// AllowFiltering records that the query was allowed to filter.
	AllowFiltering bool
	// NeedsFiltering is set when the query reads rows it may not return
	// (a full or partial scan filtered row by row).
	NeedsFiltering bool

	Columns   []ResultColumn
	Selectors []Expr
	// Aggregate is set when the selection aggregates (count(*), max(x)...);
	// without GroupBy the query returns one row.
	Aggregate bool
	Distinct  bool
	JSON      bool
	// StaticOnly is set when only partition key and static columns are
	// selected, so one row per partition is returned.
	StaticOnly bool
	// PostOrder is set for ORDER BY with IN on the partition key: rows of
	// several partitions must be sorted after reading.
	PostOrder bool
	// GroupBy is set for a query with GROUP BY: it returns one row per
	// group, and LIMIT and PER PARTITION LIMIT count groups.
	GroupBy *GroupBy
	// Limit and PerPartitionLimit are 0 when absent.
	Limit             int
	PerPartitionLimit int
	// ReadColumns lists the non-key columns the query needs to read.
	ReadColumns []*schema.Column
	Warnings    []string
}

// WriteKind is the kind of a modification.
type WriteKind int

// The write kinds.
const (
	InsertWrite WriteKind = iota
	UpdateWrite
	DeleteWrite
)

// OpKind is the kind of a column operation.
type OpKind int

// The column operations of INSERT, UPDATE and DELETE.
const (
	OpSet           OpKind = iota // c = v (v nil writes a tombstone)
	OpSetElement                  // l[i] = v or m[k] = v
	OpSetField                    // u.f = v
	OpAppend                      // l = l + [..], s = s + {..}, m = m + {..}
	OpPrepend                     // l = [..] + l
	OpRemove                      // l = l - [..], s = s - {..}, m = m - {k..}
	OpDelete                      // DELETE c
	OpDeleteElement               // DELETE l[i], m[k], s[e] (sets)
	OpDeleteField                 // DELETE u.f
	OpIncrement                   // c = c + n, c += n (counters)
	OpDecrement                   // c = c - n, c -= n (counters)
)

// Operation is one change to one column.
type Operation struct {
	Column *schema.Column
	Kind   OpKind
	// Value is the new value, the collection to add or remove, or the
	// counter increment or decrement (an int64); nil for null.
	Value any
	// Key is the list index, map key or set element for element
	// operations; Field the UDT field index for field operations.
	Key   any
	Field int
}

// Condition is one IF condition of a lightweight transaction.
type Condition struct {
	Column *schema.Column
	Op     cql.Operator
	Value  any
	Values []any // IN
	// Key is set for l[i] / m[k] conditions, Field (>= 0) for u.f.
	Key    any
	HasKey bool
	Field  int
}

// Write is a planned INSERT, UPDATE or DELETE.
type Write struct {
	Kind  WriteKind
	Table *schema.Table
	RF    int
	// Keys are the partitions written (several with IN).
	Keys []PartitionKey
	// Clusterings are the full clustering keys of the rows written, each
	// a list of values in clustering order; nil for partition-level
	// writes (static-only updates, partition deletions).
	Clusterings [][]any
	// Slice is set for a DELETE of a clustering prefix or range; Slices
	// holds every range it deletes (several with IN on a clustering
	// column before the range), Slice the first.
	Slice  *replica.Slice
	Slices []replica.Slice
	// Ops are the column operations; for a DELETE without a column list
	// there are none.
	Ops []Operation
	// Timestamp is the USING TIMESTAMP value, or nil.
	Timestamp *int64
	// TTL is the USING TTL value in seconds (or the table default); 0
	// means no TTL.
	TTL int
	// Conditions make the write a lightweight transaction; IfExists and
	// IfNotExists are the row-existence conditions.
	Conditions  []Condition
	IfExists    bool
	IfNotExists bool
	// StaticOnly is set when the write touches only static columns (and
	// so only the partition, not a row).
	StaticOnly bool
	// IsLWT reports whether the write is conditional.
	IsLWT bool
	// timestampSet and ttlSet record USING TIMESTAMP and USING TTL (even
	// when their value is null or 0), which counter tables refuse.
	timestampSet, ttlSet bool
	// pkIn and ckIn record an IN restriction (of no value or several) on
	// the partition key and on the clustering columns.
	pkIn, ckIn bool
	Warnings   []string
}

// Batch is a planned BATCH.
type Batch struct {
	Type      cql.BatchType
	Writes    []*Write
	Timestamp *int64
	Warnings  []string
	// Conditional is set when some statement has IF conditions.
	Conditional bool
}
