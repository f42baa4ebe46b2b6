package cql

import "testing"

func fn(name string, args ...Selection) *FuncSel { return &FuncSel{Name: id(name), Args: args} }

var selectTests = []parseTest{
	{"SELECT * FROM t", &SelectStmt{Table: tbl("t")}},
	{
		"select a, \"B\", key, ttl, count, json FROM ks.t",
		&SelectStmt{Selectors: []Selector{
			sel(colSel("a")), sel(&ColumnSel{Column: qid("B")}), sel(colSel("key")), sel(colSel("ttl")),
			sel(colSel("count")), sel(colSel("json")),
		}, Table: kstbl("ks", "t")},
	},
	{"SELECT json FROM t", &SelectStmt{Selectors: []Selector{sel(colSel("json"))}, Table: tbl("t")}},
	// AS x FROM is no select clause (AS would be a column followed by x),
	// so json is a column here.
	{"SELECT json AS x FROM t", &SelectStmt{Selectors: []Selector{{Expr: colSel("json"), Alias: id("x")}}, Table: tbl("t")}},
	{"SELECT distinct FROM t", &SelectStmt{Selectors: []Selector{sel(colSel("distinct"))}, Table: tbl("t")}},
	{"SELECT JSON * FROM t", &SelectStmt{JSON: true, Table: tbl("t")}},
	{
		"SELECT JSON DISTINCT k, json FROM t",
		&SelectStmt{JSON: true, Distinct: true, Selectors: []Selector{sel(colSel("k")), sel(colSel("json"))}, Table: tbl("t")},
	},
	{
		"SELECT COUNT(*), count(*) AS n, COUNT(1), count(v) FROM t",
		&SelectStmt{Selectors: []Selector{
			sel(&CountStarSel{}), {Expr: &CountStarSel{}, Alias: id("n")},
			sel(fn("count", &TermSel{Term: num("1")})), sel(fn("count", colSel("v"))),
		}, Table: tbl("t")},
	},
	{
		"SELECT writetime(v), TTL(v) AS \"T\", maxwritetime(l), token(a, b), toJson(m), ks.f(), system.now() FROM t",
		&SelectStmt{Selectors: []Selector{
			sel(fn("writetime", colSel("v"))), {Expr: fn("ttl", colSel("v")), Alias: qid("T")},
			sel(fn("maxwritetime", colSel("l"))), sel(fn("token", colSel("a"), colSel("b"))),
			sel(fn("tojson", colSel("m"))), sel(&FuncSel{Keyspace: "ks", Name: id("f")}),
			sel(&FuncSel{Keyspace: "system", Name: id("now")}),
		}, Table: tbl("t")},
	},
	{
		"SELECT CAST(v AS text), u.street, u.a.b, m['k'], m['k']['j'], s[1..3], s[..3], s[1..], writetime(u.f) FROM t",
		&SelectStmt{Selectors: []Selector{
			sel(&CastSel{Expr: colSel("v"), Type: typ("text")}),
			sel(&FieldSel{Expr: colSel("u"), Field: id("street")}),
			sel(&FieldSel{Expr: &FieldSel{Expr: colSel("u"), Field: id("a")}, Field: id("b")}),
			sel(&ElementSel{Expr: colSel("m"), Key: str("k")}),
			sel(&ElementSel{Expr: &ElementSel{Expr: colSel("m"), Key: str("k")}, Key: str("j")}),
			sel(&ElementSel{Expr: colSel("s"), Slice: true, From: num("1"), To: num("3")}),
			sel(&ElementSel{Expr: colSel("s"), Slice: true, To: num("3")}),
			sel(&ElementSel{Expr: colSel("s"), Slice: true, From: num("1")}),
			sel(fn("writetime", &FieldSel{Expr: colSel("u"), Field: id("f")})),
		}, Table: tbl("t")},
	},
	{
		"SELECT 1, 'a', null, ?, [1], {'a': 1}, (int) 3, (1, 2), (v) FROM t",
		&SelectStmt{Selectors: []Selector{
			sel(&TermSel{Term: num("1")}), sel(&TermSel{Term: str("a")}), sel(&TermSel{Term: null()}),
			sel(&TermSel{Term: &BindMarker{}}), sel(&TermSel{Term: list(num("1"))}),
			sel(&TermSel{Term: mapOf(str("a"), num("1"))}),
			sel(&TermSel{Term: &TypeCast{Type: typ("int"), Term: num("3")}}),
			sel(&TermSel{Term: tuple(num("1"), num("2"))}), sel(&ParenSel{Expr: colSel("v")}),
		}, Table: tbl("t")},
	},
	{
		"SELECT * FROM t WHERE a = 1 AND b < 2 AND c <= 3 AND d > 4 AND e >= 5 AND f != 6",
		&SelectStmt{Table: tbl("t"), Where: []Relation{
			rel("a", OpEq, num("1")), rel("b", OpLt, num("2")), rel("c", OpLte, num("3")),
			rel("d", OpGt, num("4")), rel("e", OpGte, num("5")), rel("f", OpNeq, num("6")),
		}},
	},
	{
		"SELECT * FROM t WHERE l CONTAINS 1 AND m CONTAINS KEY 'k' AND s LIKE 'a%' AND v IS NOT NULL AND m['k'] = 2 AND \"\" = 1",
		&SelectStmt{Table: tbl("t"), Where: []Relation{
			rel("l", OpContains, num("1")), rel("m", OpContainsKey, str("k")), rel("s", OpLike, str("a%")),
			{Columns: ids("v"), Op: OpIsNotNull}, {Columns: ids("m"), Key: str("k"), Op: OpEq, Value: num("2")},
			{Columns: []Ident{qid("")}, Op: OpEq, Value: num("1")},
		}},
	},
	{
		"SELECT * FROM t WHERE k IN (1, 2) AND c IN () AND d IN ? AND e IN ((1, 2))",
		&SelectStmt{Table: tbl("t"), Where: []Relation{
			{Columns: ids("k"), Op: OpIn, Values: terms(num("1"), num("2"))},
			{Columns: ids("c"), Op: OpIn},
			{Columns: ids("d"), Op: OpIn, Value: &BindMarker{}},
			{Columns: ids("e"), Op: OpIn, Values: terms(tuple(num("1"), num("2")))},
		}},
	},
	{
		"SELECT * FROM t WHERE token(a, b) > token(1, 2) AND TOKEN(a, b) <= 100",
		&SelectStmt{Table: tbl("t"), Where: []Relation{
			{Kind: TokenRelation, Columns: ids("a", "b"), Op: OpGt, Value: call("token", num("1"), num("2"))},
			{Kind: TokenRelation, Columns: ids("a", "b"), Op: OpLte, Value: num("100")},
		}},
	},
	{
		"SELECT * FROM t WHERE (a, b) > (1, 2) AND (c) = (3) AND (a, b) IN ((1, 2), (3, 4)) AND (c, d) IN () AND (e, f) IN (?, ?) AND (g, h) IN ? AND (i, j) < ?",
		&SelectStmt{Table: tbl("t"), Where: []Relation{
			{Kind: MultiColumnRelation, Columns: ids("a", "b"), Op: OpGt, Value: tuple(num("1"), num("2"))},
			{Kind: MultiColumnRelation, Columns: ids("c"), Op: OpEq, Value: tuple(num("3"))},
			{Kind: MultiColumnRelation, Columns: ids("a", "b"), Op: OpIn, Values: terms(tuple(num("1"), num("2")), tuple(num("3"), num("4")))},
			{Kind: MultiColumnRelation, Columns: ids("c", "d"), Op: OpIn},
			{Kind: MultiColumnRelation, Columns: ids("e", "f"), Op: OpIn, Values: terms(&BindMarker{}, &BindMarker{})},
			{Kind: MultiColumnRelation, Columns: ids("g", "h"), Op: OpIn, Value: &BindMarker{}},
			{Kind: MultiColumnRelation, Columns: ids("i", "j"), Op: OpLt, Value: &BindMarker{}},
		}},
	},
	{
		"SELECT * FROM t WHERE (a = 1) AND ((b > 2))",
		&SelectStmt{Table: tbl("t"), Where: []Relation{rel("a", OpEq, num("1")), rel("b", OpGt, num("2"))}},
	},
	{
		"SELECT k, max(v) FROM t WHERE k = 1 GROUP BY k, c ORDER BY c DESC, d ASC, e PER PARTITION LIMIT 2 LIMIT 10 ALLOW FILTERING",
		&SelectStmt{Selectors: []Selector{sel(colSel("k")), sel(fn("max", colSel("v")))}, Table: tbl("t"),
			Where: []Relation{rel("k", OpEq, num("1"))}, GroupBy: []Selection{colSel("k"), colSel("c")},
			OrderBy:           []OrderDef{{Column: id("c"), Desc: true}, {Column: id("d")}, {Column: id("e")}},
			PerPartitionLimit: num("2"), Limit: num("10"), AllowFiltering: true},
	},
	{
		"SELECT k, sum(v) FROM t GROUP BY k, floor(ts, 1h)",
		&SelectStmt{Selectors: []Selector{sel(colSel("k")), sel(fn("sum", colSel("v")))}, Table: tbl("t"),
			GroupBy: []Selection{colSel("k"), fn("floor", colSel("ts"), &TermSel{Term: lit(DurationLit, "1h")})}},
	},
	{
		"SELECT * FROM t LIMIT ?",
		&SelectStmt{Table: tbl("t"), Limit: &BindMarker{}},
	},
	{
		"SELECT * FROM t WHERE d = '2019-07-01' AND body = 'Cassandraデータモデリングの紹介'",
		&SelectStmt{Table: tbl("t"), Where: []Relation{rel("d", OpEq, str("2019-07-01")), rel("body", OpEq, str("Cassandraデータモデリングの紹介"))}},
	},
}

func TestParseSelect(t *testing.T) { runParseTests(t, selectTests) }
