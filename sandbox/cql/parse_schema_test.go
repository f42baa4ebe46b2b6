package cql

import "testing"

var replication = mapOf(str("class"), str("SimpleStrategy"), str("replication_factor"), num("1"))

var schemaTests = []parseTest{
	{
		"CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
		&CreateKeyspaceStmt{Name: id("ks"), Options: []Property{prop("replication", replication)}},
	},
	{
		"create keyspace if not exists \"MyKs\" with REPLICATION = {'class': 'SimpleStrategy', 'replication_factor': 1} and durable_writes = false;",
		&CreateKeyspaceStmt{IfNotExists: true, Name: qid("MyKs"), Options: []Property{
			prop("replication", replication), prop("durable_writes", lit(BooleanLit, "false")),
		}},
	},
	{
		"CREATE SCHEMA ks WITH replication = {}",
		&CreateKeyspaceStmt{Name: id("ks"), Options: []Property{prop("replication", &MapLit{})}},
	},
	{
		"ALTER KEYSPACE ks WITH durable_writes = true",
		&AlterKeyspaceStmt{Name: id("ks"), Options: []Property{prop("durable_writes", lit(BooleanLit, "true"))}},
	},
	{
		"ALTER KEYSPACE IF EXISTS ks WITH durable_writes = false",
		&AlterKeyspaceStmt{IfExists: true, Name: id("ks"), Options: []Property{prop("durable_writes", lit(BooleanLit, "false"))}},
	},
	{"DROP KEYSPACE ks", &DropKeyspaceStmt{Name: id("ks")}},
	{"DROP KEYSPACE IF EXISTS ks;;", &DropKeyspaceStmt{IfExists: true, Name: id("ks")}},
	{"USE ks", &UseStmt{Keyspace: id("ks")}},
	{`USE "Ks""x"`, &UseStmt{Keyspace: qid(`Ks"x`)}},
	{
		"CREATE TABLE t (k int PRIMARY KEY, v text)",
		&CreateTableStmt{Name: tbl("t"), Columns: []ColumnDef{
			{Name: id("k"), Type: typ("int"), PrimaryKey: true}, column("v", typ("text")),
		}},
	},
	{
		"CREATE TABLE IF NOT EXISTS ks.t (a int, b varchar, c bigint static, d timeuuid, PRIMARY KEY (a, d))",
		&CreateTableStmt{IfNotExists: true, Name: kstbl("ks", "t"), Columns: []ColumnDef{
			column("a", typ("int")), column("b", typ("text")),
			{Name: id("c"), Type: typ("bigint"), Static: true}, column("d", typ("timeuuid")),
		}, PrimaryKeys: []PrimaryKeyDef{{PartitionKey: ids("a"), Clustering: ids("d")}}},
	},
	{
		"CREATE TABLE t (a int, b int, c int, d int, PRIMARY KEY ((a, b), c, d)) WITH CLUSTERING ORDER BY (c DESC, d ASC) AND COMPACT STORAGE AND gc_grace_seconds = 0 AND compaction = {'class': 'LeveledCompactionStrategy'}",
		&CreateTableStmt{Name: tbl("t"), Columns: []ColumnDef{
			column("a", typ("int")), column("b", typ("int")), column("c", typ("int")), column("d", typ("int")),
		}, PrimaryKeys: []PrimaryKeyDef{{PartitionKey: ids("a", "b"), Parenthesized: true, Clustering: ids("c", "d")}},
			ClusteringOrder: []OrderDef{{Column: id("c"), Desc: true}, {Column: id("d")}},
			CompactStorage:  true,
			Options: []Property{
				prop("gc_grace_seconds", num("0")),
				prop("compaction", mapOf(str("class"), str("LeveledCompactionStrategy"))),
			}},
	},
	{
		"CREATE TABLE t (k int, PRIMARY KEY ((k)), PRIMARY KEY (k),) WITH caching = ALL",
		&CreateTableStmt{Name: tbl("t"), Columns: []ColumnDef{column("k", typ("int"))},
			PrimaryKeys: []PrimaryKeyDef{{PartitionKey: ids("k"), Parenthesized: true}, {PartitionKey: ids("k")}},
			Options:     []Property{prop("caching", str("ALL"))}},
	},
	{
		"CREATE TABLE t (key int PRIMARY KEY, user text, date date, ttl int, count counter, type text, \"Mixed\" text)",
		&CreateTableStmt{Name: tbl("t"), Columns: []ColumnDef{
			{Name: id("key"), Type: typ("int"), PrimaryKey: true}, column("user", typ("text")),
			column("date", typ("date")), column("ttl", typ("int")), column("count", typ("counter")),
			column("type", typ("text")), {Name: qid("Mixed"), Type: typ("text")},
		}},
	},
	{
		"CREATE TABLE t (k int PRIMARY KEY, a ascii, b blob, c boolean, d decimal, e double, f duration, g float, h inet, i smallint, j time, l timestamp, m tinyint, n uuid, o varint)",
		&CreateTableStmt{Name: tbl("t"), Columns: []ColumnDef{
			{Name: id("k"), Type: typ("int"), PrimaryKey: true}, column("a", typ("ascii")),
			column("b", typ("blob")), column("c", typ("boolean")), column("d", typ("decimal")),
			column("e", typ("double")), column("f", typ("duration")), column("g", typ("float")),
			column("h", typ("inet")), column("i", typ("smallint")), column("j", typ("time")),
			column("l", typ("timestamp")), column("m", typ("tinyint")), column("n", typ("uuid")),
			column("o", typ("varint")),
		}},
	},
	{
		"CREATE TABLE t (k frozen<tuple<int, text>> PRIMARY KEY, l list<text>, s set<frozen<list<int>>>, m map<text, frozen<map<int, text>>>, u frozen<address>, v ks.\"Addr\", w frozen<ks.address>)",
		&CreateTableStmt{Name: tbl("t"), Columns: []ColumnDef{
			{Name: id("k"), Type: frozen(typ("tuple", typ("int"), typ("text"))), PrimaryKey: true},
			column("l", typ("list", typ("text"))),
			column("s", typ("set", frozen(typ("list", typ("int"))))),
			column("m", typ("map", typ("text"), frozen(typ("map", typ("int"), typ("text"))))),
			column("u", frozen(typ("address"))),
			column("v", &TypeExpr{Name: "Addr", Keyspace: "ks", Quoted: true}),
			column("w", &TypeExpr{Name: "address", Keyspace: "ks", Frozen: true}),
		}},
	},
	{
		"ALTER TABLE t ADD c int",
		&AlterTableStmt{Name: tbl("t"), Op: AlterAdd, Add: []ColumnDef{column("c", typ("int"))}},
	},
	{
		"ALTER TABLE ks.t ADD (c int static, d list<text>)",
		&AlterTableStmt{Name: kstbl("ks", "t"), Op: AlterAdd, Add: []ColumnDef{
			{Name: id("c"), Type: typ("int"), Static: true}, column("d", typ("list", typ("text"))),
		}},
	},
	{"ALTER TABLE t DROP c", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, Drop: ids("c")}},
	{"ALTER TABLE t DROP (c, d)", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, Drop: ids("c", "d")}},
	{"ALTER TABLE t DROP c USING TIMESTAMP 1700000000000000", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, Drop: ids("c"), Timestamp: "1700000000000000"}},
	{"ALTER TABLE t DROP (c, d) USING TIMESTAMP -5", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, Drop: ids("c", "d"), Timestamp: "-5"}},
	{
		"ALTER TABLE t WITH comment = 'x' AND default_time_to_live = 10",
		&AlterTableStmt{Name: tbl("t"), Op: AlterWith, Options: []Property{prop("comment", str("x")), prop("default_time_to_live", num("10"))}},
	},
	{
		"ALTER TABLE t RENAME a TO b AND c TO \"D\"",
		&AlterTableStmt{Name: tbl("t"), Op: AlterRename, Renames: [][2]Ident{{id("a"), id("b")}, {id("c"), qid("D")}}},
	},
	// Cassandra 5.0's IF EXISTS / IF NOT EXISTS forms and the operations
	// it refuses after parsing them.
	{"ALTER TABLE IF EXISTS t ADD c int", &AlterTableStmt{IfExists: true, Name: tbl("t"), Op: AlterAdd, Add: []ColumnDef{column("c", typ("int"))}}},
	{
		"alter table if exists ks.t add if not exists (c int, d text static)",
		&AlterTableStmt{IfExists: true, Name: kstbl("ks", "t"), Op: AlterAdd, IfColumnNotExists: true, Add: []ColumnDef{
			column("c", typ("int")), {Name: id("d"), Type: typ("text"), Static: true},
		}},
	},
	{"ALTER TABLE t ADD IF NOT EXISTS c int", &AlterTableStmt{Name: tbl("t"), Op: AlterAdd, IfColumnNotExists: true, Add: []ColumnDef{column("c", typ("int"))}}},
	{"ALTER TABLE t DROP IF EXISTS c", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, IfColumnExists: true, Drop: ids("c")}},
	{
		"ALTER TABLE IF EXISTS t DROP IF EXISTS (c, \"D\") USING TIMESTAMP 5",
		&AlterTableStmt{IfExists: true, Name: tbl("t"), Op: AlterDrop, IfColumnExists: true, Drop: []Ident{id("c"), qid("D")}, Timestamp: "5"},
	},
	{"ALTER TABLE t RENAME IF EXISTS a TO b AND c TO d", &AlterTableStmt{Name: tbl("t"), Op: AlterRename, IfColumnExists: true, Renames: [][2]Ident{{id("a"), id("b")}, {id("c"), id("d")}}}},
	{"ALTER TABLE IF EXISTS t WITH comment = 'x'", &AlterTableStmt{IfExists: true, Name: tbl("t"), Op: AlterWith, Options: []Property{prop("comment", str("x"))}}},
	{"ALTER TABLE t ALTER c TYPE blob", &AlterTableStmt{Name: tbl("t"), Op: AlterType, Column: id("c"), Type: typ("blob")}},
	{"ALTER TABLE IF EXISTS t ALTER type TYPE frozen<list<int>>", &AlterTableStmt{IfExists: true, Name: tbl("t"), Op: AlterType, Column: id("type"), Type: frozen(typ("list", typ("int")))}},
	{`ALTER TABLE t ALTER "" TYPE text`, &AlterTableStmt{Name: tbl("t"), Op: AlterType, Column: qid(""), Type: typ("text")}},
	{"ALTER TABLE t DROP COMPACT STORAGE", &AlterTableStmt{Name: tbl("t"), Op: AlterDropCompactStorage}},
	{"ALTER TABLE IF EXISTS t drop compact storage;", &AlterTableStmt{IfExists: true, Name: tbl("t"), Op: AlterDropCompactStorage}},
	// COMPACT is also a column name.
	{"ALTER TABLE t DROP compact", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, Drop: ids("compact")}},
	{"ALTER TABLE t DROP compact USING TIMESTAMP 3", &AlterTableStmt{Name: tbl("t"), Op: AlterDrop, Drop: ids("compact"), Timestamp: "3"}},
	{"ALTER TABLE t ADD compact int", &AlterTableStmt{Name: tbl("t"), Op: AlterAdd, Add: []ColumnDef{column("compact", typ("int"))}}},
	{"DROP TABLE t", &DropTableStmt{Name: tbl("t")}},
	{"DROP COLUMNFAMILY IF EXISTS ks.t", &DropTableStmt{IfExists: true, Name: kstbl("ks", "t")}},
	{"TRUNCATE t", &TruncateStmt{Name: tbl("t")}},
	{"TRUNCATE TABLE ks.t", &TruncateStmt{Name: kstbl("ks", "t")}},
	{
		"CREATE TYPE IF NOT EXISTS ks.address (street text, zip int, phones map<text, frozen<phone>>,)",
		&CreateTypeStmt{IfNotExists: true, Name: kstbl("ks", "address"), Fields: []FieldDef{
			{Name: id("street"), Type: typ("text")}, {Name: id("zip"), Type: typ("int")},
			{Name: id("phones"), Type: typ("map", typ("text"), frozen(typ("phone")))},
		}},
	},
	{"DROP TYPE address", &DropTypeStmt{Name: tbl("address")}},
	{"DROP TYPE IF EXISTS ks.address", &DropTypeStmt{IfExists: true, Name: kstbl("ks", "address")}},
	{
		"CREATE INDEX ON t (v)",
		&CreateIndexStmt{Table: tbl("t"), Target: id("v")},
	},
	{
		"CREATE INDEX IF NOT EXISTS idx ON ks.t (keys(m))",
		&CreateIndexStmt{IfNotExists: true, Name: id("idx"), Table: kstbl("ks", "t"), TargetFunc: "keys", Target: id("m")},
	},
	{
		"CREATE INDEX ON t (VALUES(l))",
		&CreateIndexStmt{Table: tbl("t"), TargetFunc: "values", Target: id("l")},
	},
	{
		"CREATE INDEX ON t (entries(m))",
		&CreateIndexStmt{Table: tbl("t"), TargetFunc: "entries", Target: id("m")},
	},
	{
		"CREATE INDEX ON t (full(f))",
		&CreateIndexStmt{Table: tbl("t"), TargetFunc: "full", Target: id("f")},
	},
	{
		"CREATE CUSTOM INDEX idx ON t (v) USING 'StorageAttachedIndex' WITH OPTIONS = {'case_sensitive': 'false'}",
		&CreateIndexStmt{Custom: true, Name: id("idx"), Table: tbl("t"), Target: id("v"), Using: "StorageAttachedIndex",
			Options: []Property{prop("options", mapOf(str("case_sensitive"), str("false")))}},
	},
	{
		"CREATE MATERIALIZED VIEW mv AS\n  SELECT * FROM t -- comment\n  WHERE a IS NOT NULL PRIMARY KEY (a, b);",
		&CreateViewStmt{Raw: "MATERIALIZED VIEW mv AS SELECT * FROM t WHERE a IS NOT NULL PRIMARY KEY ( a , b )"},
	},
	{"DESCRIBE KEYSPACES", &DescribeStmt{Kind: DescribeKeyspaces}},
	{"desc keyspace", &DescribeStmt{Kind: DescribeKeyspace}},
	{"DESCRIBE KEYSPACE ks", &DescribeStmt{Kind: DescribeKeyspace, Name: tbl("ks")}},
	{"DESCRIBE TABLES", &DescribeStmt{Kind: DescribeTables}},
	{"DESC TABLE ks.t", &DescribeStmt{Kind: DescribeTable, Name: kstbl("ks", "t")}},
	{"DESCRIBE TYPES", &DescribeStmt{Kind: DescribeTypes}},
	{"DESCRIBE TYPE address", &DescribeStmt{Kind: DescribeType, Name: tbl("address")}},
	{"DESCRIBE SCHEMA", &DescribeStmt{Kind: DescribeSchema}},
	{"DESCRIBE FULL SCHEMA", &DescribeStmt{Kind: DescribeSchema, Full: true}},
	{"DESCRIBE CLUSTER", &DescribeStmt{Kind: DescribeCluster}},
	{"DESCRIBE users", &DescribeStmt{Kind: DescribeName, Name: tbl("users")}},
	{"DESCRIBE ks.users;", &DescribeStmt{Kind: DescribeName, Name: kstbl("ks", "users")}},
	{"DESCRIBE type", &DescribeStmt{Kind: DescribeName, Name: tbl("type")}},
	{`DESCRIBE "cluster"`, &DescribeStmt{Kind: DescribeName, Name: QualifiedName{Name: qid("cluster")}}},
	{"TRACING", &TracingStmt{}},
	{"tracing on", &TracingStmt{Mode: "ON"}},
	{"TRACING Off;", &TracingStmt{Mode: "OFF"}},
	{"CONSISTENCY", &ConsistencyStmt{}},
	{"consistency local_quorum", &ConsistencyStmt{Level: "LOCAL_QUORUM"}},
	{"CONSISTENCY ALL;", &ConsistencyStmt{Level: "ALL"}},
	{"SERIAL CONSISTENCY", &ConsistencyStmt{Serial: true}},
	{"serial consistency local_serial", &ConsistencyStmt{Serial: true, Level: "LOCAL_SERIAL"}},
}

func TestParseSchema(t *testing.T) { runParseTests(t, schemaTests) }
