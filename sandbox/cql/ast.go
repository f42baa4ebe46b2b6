// Package cql holds the lexer, parser, abstract syntax tree and printer for
// the CQL accepted by the learnkv sandbox. It imports nothing else of
// learnkv: the planner gives the tree its meaning.
//
// Every node prints back as canonical CQL with String, and parsing that
// text gives the same tree again (positions aside).
package cql

// Pos is a position in the source of one statement. Line counts from 1 and
// Col from 0, in characters (runes), as Cassandra reports syntax errors
// ("line 1:7"). Offset is the byte offset.
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// Node is implemented by every syntax tree node.
type Node interface {
	// Position returns where the node starts.
	Position() Pos
	// String returns the node as canonical CQL.
	String() string
}

// Statement is a complete CQL statement or shell command.
type Statement interface {
	Node
	statement()
}

// Term is a value written in a statement: a literal, a collection, tuple or
// user-type literal, a function call or a bind marker.
type Term interface {
	Node
	term()
}

// Selection is one expression of a SELECT clause.
type Selection interface {
	Node
	selection()
}

// Ident is an identifier. Name is lower-cased unless the identifier was
// written in double quotes, in which case it keeps its case and Quoted is
// set.
type Ident struct {
	Name   string
	Quoted bool
	Pos    Pos
}

// QualifiedName is an optionally keyspace-qualified name (ks.t or t).
// Keyspace.Name is empty when no keyspace was written.
type QualifiedName struct {
	Keyspace Ident
	Name     Ident
}

// TypeExpr is a CQL type as written: a native type name, a collection,
// tuple or frozen type, or a user-defined type name.
type TypeExpr struct {
	// Name is the lower-cased type name for native and collection types
	// ("int", "text", "list", "set", "map", "tuple"), or the UDT name.
	Name string
	// Keyspace is set for a keyspace-qualified UDT name (ks.address).
	Keyspace string
	// Quoted is set when a UDT name was written in double quotes.
	Quoted bool
	// Frozen is set when the type was written inside frozen<...>.
	Frozen bool
	// Params are the type parameters of list, set, map and tuple.
	Params []*TypeExpr
	Pos    Pos
}

// Property is one option of a WITH clause: name = value. For
// replication = {...} the value is a *MapLit.
type Property struct {
	Name  Ident
	Value Term
}

// OrderDef is one column of a CLUSTERING ORDER BY or ORDER BY clause.
type OrderDef struct {
	Column Ident
	Desc   bool
}

// ---- schema statements ----

// CreateKeyspaceStmt is CREATE KEYSPACE [IF NOT EXISTS] name WITH ...
type CreateKeyspaceStmt struct {
	IfNotExists bool
	Name        Ident
	Options     []Property
	Pos         Pos
}

// AlterKeyspaceStmt is ALTER KEYSPACE [IF EXISTS] name WITH ...
type AlterKeyspaceStmt struct {
	IfExists bool
	Name     Ident
	Options  []Property
	Pos      Pos
}

// DropKeyspaceStmt is DROP KEYSPACE [IF EXISTS] name.
type DropKeyspaceStmt struct {
	IfExists bool
	Name     Ident
	Pos      Pos
}

// UseStmt is USE keyspace.
type UseStmt struct {
	Keyspace Ident
	Pos      Pos
}

// ColumnDef is one column definition of CREATE TABLE or ALTER TABLE ADD.
type ColumnDef struct {
	Name   Ident
	Type   *TypeExpr
	Static bool
	// PrimaryKey is set for an inline "k int PRIMARY KEY".
	PrimaryKey bool
}

// PrimaryKeyDef is a PRIMARY KEY (...) clause of CREATE TABLE. The first
// element is the partition key: one column, or several in parentheses.
type PrimaryKeyDef struct {
	PartitionKey []Ident
	// Parenthesized records that the partition key was written in
	// parentheses, as in PRIMARY KEY ((k), c).
	Parenthesized bool
	Clustering    []Ident
	Pos           Pos
}

// CreateTableStmt is CREATE TABLE [IF NOT EXISTS] name (...) [WITH ...].
// Columns keep their written order; PrimaryKeys holds every PRIMARY KEY
// clause written (more than one is an error reported by the planner).
type CreateTableStmt struct {
	IfNotExists     bool
	Name            QualifiedName
	Columns         []ColumnDef
	PrimaryKeys     []PrimaryKeyDef
	ClusteringOrder []OrderDef
	CompactStorage  bool
	Options         []Property
	Pos             Pos
}

// AlterTableOp says what an ALTER TABLE statement does.
type AlterTableOp int

// The ALTER TABLE operations.
const (
	AlterAdd                AlterTableOp = iota // ADD col type [, col type ...]
	AlterDrop                                   // DROP col [, col ...]
	AlterWith                                   // WITH options
	AlterRename                                 // RENAME a TO b [AND c TO d]
	AlterType                                   // ALTER col TYPE type
	AlterDropCompactStorage                     // DROP COMPACT STORAGE
)

// AlterTableStmt is ALTER TABLE [IF EXISTS] name followed by one of
// ADD [IF NOT EXISTS], DROP [IF EXISTS], WITH, RENAME [IF EXISTS],
// ALTER col TYPE or DROP COMPACT STORAGE.
type AlterTableStmt struct {
	IfExists bool
	Name     QualifiedName
	Op       AlterTableOp
	// IfColumnNotExists is ADD IF NOT EXISTS.
	IfColumnNotExists bool
	// IfColumnExists is DROP IF EXISTS or RENAME IF EXISTS.
	IfColumnExists bool
	Add            []ColumnDef // AlterAdd
	Drop           []Ident     // AlterDrop
	Options        []Property  // AlterWith
	Renames        [][2]Ident  // AlterRename: from, to
	// Column and Type are AlterType's column and new type.
	Column Ident
	Type   *TypeExpr
	// Timestamp is the integer of AlterDrop's USING TIMESTAMP, as written;
	// empty when the statement has none.
	Timestamp string
	Pos       Pos
}

// DropTableStmt is DROP TABLE [IF EXISTS] name.
type DropTableStmt struct {
	IfExists bool
	Name     QualifiedName
	Pos      Pos
}

// TruncateStmt is TRUNCATE [TABLE] name.
type TruncateStmt struct {
	Name QualifiedName
	Pos  Pos
}

// FieldDef is one field of CREATE TYPE.
type FieldDef struct {
	Name Ident
	Type *TypeExpr
}

// CreateTypeStmt is CREATE TYPE [IF NOT EXISTS] name (field type, ...).
type CreateTypeStmt struct {
	IfNotExists bool
	Name        QualifiedName
	Fields      []FieldDef
	Pos         Pos
}

// DropTypeStmt is DROP TYPE [IF EXISTS] name.
type DropTypeStmt struct {
	IfExists bool
	Name     QualifiedName
	Pos      Pos
}

// CreateIndexStmt is CREATE [CUSTOM] INDEX [IF NOT EXISTS] [name] ON
// table (target) [USING 'class'] [WITH options]. The sandbox parses it so
// that it can refuse it clearly.
type CreateIndexStmt struct {
	Custom      bool
	IfNotExists bool
	Name        Ident // empty Name.Name when no index name was given
	Table       QualifiedName
	// TargetFunc is "", "keys", "values", "entries" or "full".
	TargetFunc string
	Target     Ident
	Using      string
	Options    []Property
	Pos        Pos
}

// CreateViewStmt is CREATE MATERIALIZED VIEW ...; the sandbox refuses it
// as Cassandra's default configuration does, so only its text is kept.
// Raw is the statement text from MATERIALIZED to the end, tokens joined
// by single spaces.
type CreateViewStmt struct {
	Raw string
	Pos Pos
}

// ---- data statements ----

// UsingClause holds USING TTL and USING TIMESTAMP. A nil field was not
// written.
type UsingClause struct {
	TTL       Term
	Timestamp Term
}

// InsertStmt is INSERT INTO t (cols) VALUES (...) or INSERT INTO t JSON
// '...', with IF NOT EXISTS and USING.
type InsertStmt struct {
	Table   QualifiedName
	Columns []Ident
	Values  []Term
	// JSON is set (non-nil) for INSERT ... JSON; Columns and Values are
	// then empty.
	JSON Term
	// JSONDefault is "", "NULL" or "UNSET" (DEFAULT NULL / DEFAULT UNSET).
	JSONDefault string
	IfNotExists bool
	Using       *UsingClause
	Pos         Pos
}

// AssignKind says what an UPDATE assignment does.
type AssignKind int

// The assignment kinds. c += v is AssignAdd and c -= v is AssignSub.
const (
	AssignValue   AssignKind = iota // c = v
	AssignElement                   // c[k] = v
	AssignField                     // c.f = v
	AssignAdd                       // c = c + v
	AssignPrepend                   // c = v + c
	AssignSub                       // c = c - v
)

// Assignment is one element of an UPDATE SET clause.
type Assignment struct {
	Column Ident
	Kind   AssignKind
	Key    Term  // AssignElement: the index or map key
	Field  Ident // AssignField: the UDT field
	Value  Term
	Pos    Pos
}

// Operator is a relation or condition operator.
type Operator int

// The operators.
const (
	OpEq Operator = iota
	OpLt
	OpLte
	OpGt
	OpGte
	OpNeq
	OpIn
	OpContains
	OpContainsKey
	OpLike
	OpIsNotNull
)

var opText = [...]string{
	OpEq: "=", OpLt: "<", OpLte: "<=", OpGt: ">", OpGte: ">=", OpNeq: "!=",
	OpIn: "IN", OpContains: "CONTAINS", OpContainsKey: "CONTAINS KEY",
	OpLike: "LIKE", OpIsNotNull: "IS NOT NULL",
}

// String returns the operator as written in CQL.
func (o Operator) String() string {
	if int(o) < len(opText) {
		return opText[o]
	}
	return "?"
}

// IsSlice reports whether o is one of < <= > >=.
func (o Operator) IsSlice() bool { return o >= OpLt && o <= OpGte }

// RelationKind says what the left side of a WHERE relation is.
type RelationKind int

// The relation kinds.
const (
	// ColumnRelation is col op value, or col[key] op value when Key is set.
	ColumnRelation RelationKind = iota
	// TokenRelation is token(a, b) op value.
	TokenRelation
	// MultiColumnRelation is (a, b) op (x, y), or (a, b) IN ((..), (..)).
	MultiColumnRelation
)

// Relation is one condition of a WHERE clause.
type Relation struct {
	Kind    RelationKind
	Columns []Ident // one column, the token() arguments, or the tuple
	Key     Term    // map element relation m['k'] = v
	Op      Operator
	// Value is the right side for every operator but IN; for IN, Values
	// holds the list (each a *TupleLit for a multi-column IN).
	Value  Term
	Values []Term
	Pos    Pos
}

// Condition is one condition of an IF clause of UPDATE or DELETE.
type Condition struct {
	Column Ident
	Key    Term  // l[0] or m['k'] conditions
	Field  Ident // udt.field conditions (Field.Name empty when absent)
	Op     Operator
	Value  Term
	Values []Term // IN
	Pos    Pos
}

// UpdateStmt is UPDATE t [USING ...] SET ... WHERE ... [IF ...].
type UpdateStmt struct {
	Table       QualifiedName
	Using       *UsingClause
	Assignments []Assignment
	Where       []Relation
	IfExists    bool
	Conditions  []Condition
	Pos         Pos
}

// DeleteTarget is one column of a DELETE column list: c, c[key] or c.field.
type DeleteTarget struct {
	Column Ident
	Key    Term
	Field  Ident
}

// DeleteStmt is DELETE [targets] FROM t [USING TIMESTAMP] WHERE ... [IF ...].
type DeleteStmt struct {
	Targets    []DeleteTarget
	Table      QualifiedName
	Using      *UsingClause
	Where      []Relation
	IfExists   bool
	Conditions []Condition
	Pos        Pos
}

// Selector is one element of a SELECT clause with its optional alias.
type Selector struct {
	Expr  Selection
	Alias Ident // empty Name when there is no AS
}

// SelectStmt is a SELECT statement. Selectors is empty for SELECT *.
type SelectStmt struct {
	JSON              bool
	Distinct          bool
	Selectors         []Selector
	Table             QualifiedName
	Where             []Relation
	GroupBy           []Selection // columns, and functions of a column (5.0)
	OrderBy           []OrderDef
	PerPartitionLimit Term
	Limit             Term
	AllowFiltering    bool
	Pos               Pos
}

// BatchType is the kind of a BATCH.
type BatchType int

// The batch types.
const (
	LoggedBatch BatchType = iota
	UnloggedBatch
	CounterBatch
)

// BatchStmt is BEGIN [UNLOGGED|COUNTER] BATCH [USING ...] ... APPLY BATCH.
// Statements holds only *InsertStmt, *UpdateStmt and *DeleteStmt.
type BatchStmt struct {
	Type       BatchType
	Using      *UsingClause
	Statements []Statement
	Pos        Pos
}

// DescribeKind says what DESCRIBE describes.
type DescribeKind int

// The DESCRIBE forms.
const (
	DescribeKeyspaces DescribeKind = iota // DESCRIBE KEYSPACES
	DescribeKeyspace                      // DESCRIBE KEYSPACE [name]
	DescribeTables                        // DESCRIBE TABLES
	DescribeTable                         // DESCRIBE TABLE name
	DescribeTypes                         // DESCRIBE TYPES
	DescribeType                          // DESCRIBE TYPE name
	DescribeSchema                        // DESCRIBE [FULL] SCHEMA
	DescribeCluster                       // DESCRIBE CLUSTER
	DescribeName                          // DESCRIBE name (keyspace or table)
)

// DescribeStmt is DESCRIBE (or DESC) ... .
type DescribeStmt struct {
	Kind DescribeKind
	Name QualifiedName // empty for the plural forms
	Full bool          // DESCRIBE FULL SCHEMA
	Pos  Pos
}

// ---- cqlsh shell commands ----

// TracingStmt is the cqlsh command TRACING [ON|OFF]. Mode is "ON", "OFF",
// or "" to show the current setting.
type TracingStmt struct {
	Mode string
	Pos  Pos
}

// ConsistencyStmt is the cqlsh command [SERIAL] CONSISTENCY [level]. Level
// is upper-case, or "" to show the current level.
type ConsistencyStmt struct {
	Serial bool
	Level  string
	Pos    Pos
}

// ---- terms ----

// LiteralKind is the kind of a constant.
type LiteralKind int

// The literal kinds.
const (
	StringLit   LiteralKind = iota // 'text' or $$text$$; Text holds the unescaped content
	IntegerLit                     // 42, -7
	FloatLit                       // 1.5, -2e3, NaN, -Infinity
	BooleanLit                     // true, false (Text lower-cased)
	UUIDLit                        // 123e4567-e89b-12d3-a456-426614174000 (Text lower-cased)
	HexLit                         // 0xcafe (Text as written, lower-cased)
	DurationLit                    // 1h30m, P1Y2M, -3d (Text as written)
	NullLit                        // null
)

// Literal is a constant.
type Literal struct {
	Kind LiteralKind
	Text string
	Pos  Pos
}

// ListLit is a list literal [a, b].
type ListLit struct {
	Elems []Term
	Pos   Pos
}

// SetLit is a set literal {a, b}. The empty literal {} is an empty *MapLit.
type SetLit struct {
	Elems []Term
	Pos   Pos
}

// MapEntryLit is one key: value pair of a map literal.
type MapEntryLit struct {
	Key, Value Term
}

// MapLit is a map literal {k: v, ...}, or {} (which may also stand for an
// empty set).
type MapLit struct {
	Entries []MapEntryLit
	Pos     Pos
}

// FieldLit is one field: value pair of a user-type literal.
type FieldLit struct {
	Name  Ident
	Value Term
}

// UDTLit is a user-defined type literal {field: value, ...}; it differs
// from a map literal in that its keys are identifiers.
type UDTLit struct {
	Fields []FieldLit
	Pos    Pos
}

// TupleLit is a tuple literal (a, b). A parenthesised single term is not a
// tuple.
type TupleLit struct {
	Elems []Term
	Pos   Pos
}

// FuncCall is a function call used as a term: now(), uuid(),
// toTimestamp(now()), fromJson('...'), token(...), blobAsText(0x..), ...
// Name is lower-cased unless quoted; Keyspace is set for ks.f(...).
type FuncCall struct {
	Keyspace string
	Name     Ident
	Args     []Term
	Pos      Pos
}

// TypeCast is a term with a type hint: (int) 3.
type TypeCast struct {
	Type *TypeExpr
	Term Term
	Pos  Pos
}

// BindMarker is ? or :name. The sandbox runs no prepared statements, so the
// planner refuses it; the parser keeps it for a clear message.
type BindMarker struct {
	Name Ident // empty for ?
	Pos  Pos
}

// ---- selections ----

// ColumnSel selects a column.
type ColumnSel struct {
	Column Ident
}

// CountStarSel is COUNT(*) (COUNT(1) is a *FuncSel that the planner treats
// the same way).
type CountStarSel struct {
	Pos Pos
}

// FuncSel is a function applied in a selection: writetime(c), ttl(c),
// token(a, b), toJson(c), count(c), max(c), blobAsText(c), ...
type FuncSel struct {
	Keyspace string
	Name     Ident
	Args     []Selection
	Pos      Pos
}

// FieldSel is a UDT field selection: u.street.
type FieldSel struct {
	Expr  Selection
	Field Ident
}

// ElementSel is a collection element or slice selection: m['k'] (Key set)
// or s[a..b] (Slice set; From or To may be nil for an open end).
type ElementSel struct {
	Expr     Selection
	Key      Term
	Slice    bool
	From, To Term
	Pos      Pos
}

// CastSel is CAST(expr AS type).
type CastSel struct {
	Expr Selection
	Type *TypeExpr
	Pos  Pos
}

// TermSel is a constant used as a selection: SELECT 1, 'a' FROM t.
type TermSel struct {
	Term Term
}
