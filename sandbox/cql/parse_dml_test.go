package cql

import "testing"

func assign(col string, kind AssignKind, v Term) Assignment {
	return Assignment{Column: id(col), Kind: kind, Value: v}
}

var dmlTests = []parseTest{
	{
		"INSERT INTO users (id, name, email, age) VALUES (42, 'user42', 'user42@example.com', 62)",
		&InsertStmt{Table: tbl("users"), Columns: ids("id", "name", "email", "age"),
			Values: terms(num("42"), str("user42"), str("user42@example.com"), num("62"))},
	},
	{
		"insert into KS.T (\"Id\", v) values (-1, 'it''s') if not exists using ttl 86400 and timestamp 123;",
		&InsertStmt{Table: kstbl("ks", "t"), Columns: []Ident{qid("Id"), id("v")},
			Values: terms(num("-1"), str("it's")), IfNotExists: true,
			Using: &UsingClause{TTL: num("86400"), Timestamp: num("123")}},
	},
	{
		"INSERT INTO t (a, b, c, d, e, f, g, h, i, j) VALUES (1.5, -2.0e3, NaN, -Infinity, TRUE, null, 123e4567-E89B-12d3-a456-426614174000, 0xCAFE, 12h30m, $$it's$$)",
		&InsertStmt{Table: tbl("t"), Columns: ids("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
			Values: terms(flt("1.5"), flt("-2.0e3"), flt("NaN"), flt("-Infinity"), lit(BooleanLit, "true"), null(),
				lit(UUIDLit, "123e4567-e89b-12d3-a456-426614174000"), lit(HexLit, "0xcafe"),
				lit(DurationLit, "12h30m"), str("it's"))},
	},
	{
		"INSERT INTO t (a, b, c, d, e) VALUES (-NaN, Infinity, 1y2mo3w4d5h6m7s8ms9us10ns, P1Y2M3DT4H5M6S, -P2W)",
		&InsertStmt{Table: tbl("t"), Columns: ids("a", "b", "c", "d", "e"),
			Values: terms(flt("NaN"), flt("Infinity"), lit(DurationLit, "1y2mo3w4d5h6m7s8ms9us10ns"),
				lit(DurationLit, "P1Y2M3DT4H5M6S"), lit(DurationLit, "-P2W"))},
	},
	{
		"INSERT INTO t (l, s, m, u, tp, e) VALUES ([1, 2], {'a', 'b'}, {'k': [1], 'j': []}, {street: 'x', \"Zip\": 1}, (1, 'a', (2, 3)), {})",
		&InsertStmt{Table: tbl("t"), Columns: ids("l", "s", "m", "u", "tp", "e"),
			Values: terms(list(num("1"), num("2")), set(str("a"), str("b")),
				mapOf(str("k"), list(num("1")), str("j"), list()),
				&UDTLit{Fields: []FieldLit{{Name: id("street"), Value: str("x")}, {Name: qid("Zip"), Value: num("1")}}},
				tuple(num("1"), str("a"), tuple(num("2"), num("3"))), &MapLit{})},
	},
	{
		"INSERT INTO t (a, b, c, d, e) VALUES (now(), toTimestamp(now()), ks.f(1, 'x'), (int) 3, (frozen<list<int>>) [1])",
		&InsertStmt{Table: tbl("t"), Columns: ids("a", "b", "c", "d", "e"),
			Values: terms(call("now"), call("totimestamp", call("now")),
				&FuncCall{Keyspace: "ks", Name: id("f"), Args: terms(num("1"), str("x"))},
				&TypeCast{Type: typ("int"), Term: num("3")},
				&TypeCast{Type: frozen(typ("list", typ("int"))), Term: list(num("1"))})},
	},
	{
		"INSERT INTO t (a, b, c) VALUES (?, :name, (1))",
		&InsertStmt{Table: tbl("t"), Columns: ids("a", "b", "c"),
			Values: terms(&BindMarker{}, &BindMarker{Name: id("name")}, num("1"))},
	},
	{
		"INSERT INTO t JSON '{\"id\": 1}'",
		&InsertStmt{Table: tbl("t"), JSON: str(`{"id": 1}`)},
	},
	{
		"INSERT INTO json JSON '{}' DEFAULT UNSET IF NOT EXISTS USING TIMESTAMP 5",
		&InsertStmt{Table: tbl("json"), JSON: str("{}"), JSONDefault: "UNSET", IfNotExists: true,
			Using: &UsingClause{Timestamp: num("5")}},
	},
	{
		"INSERT INTO t JSON ? DEFAULT NULL",
		&InsertStmt{Table: tbl("t"), JSON: &BindMarker{}, JSONDefault: "NULL"},
	},
	{
		"UPDATE t SET v = 1 WHERE k = 0",
		&UpdateStmt{Table: tbl("t"), Assignments: []Assignment{assign("v", AssignValue, num("1"))},
			Where: []Relation{rel("k", OpEq, num("0"))}},
	},
	{
		"UPDATE ks.t USING TIMESTAMP 10 AND TTL 5 SET c = c + 3, l = l - [1], l = [0] + l, s += {'a'}, s -= {'b'}, d = d -3, e = e 4 WHERE k = 0",
		&UpdateStmt{Table: kstbl("ks", "t"), Using: &UsingClause{TTL: num("5"), Timestamp: num("10")},
			Assignments: []Assignment{
				assign("c", AssignAdd, num("3")), assign("l", AssignSub, list(num("1"))),
				assign("l", AssignPrepend, list(num("0"))), assign("s", AssignAdd, set(str("a"))),
				assign("s", AssignSub, set(str("b"))), assign("d", AssignAdd, num("-3")),
				assign("e", AssignAdd, num("4")),
			},
			Where: []Relation{rel("k", OpEq, num("0"))}},
	},
	{
		"UPDATE t SET m['k'] = 'v', l[0] = 1, u.street = 'x', u.zip = 1 WHERE k = 0 IF EXISTS",
		&UpdateStmt{Table: tbl("t"), Assignments: []Assignment{
			{Column: id("m"), Kind: AssignElement, Key: str("k"), Value: str("v")},
			{Column: id("l"), Kind: AssignElement, Key: num("0"), Value: num("1")},
			{Column: id("u"), Kind: AssignField, Field: id("street"), Value: str("x")},
			{Column: id("u"), Kind: AssignField, Field: id("zip"), Value: num("1")},
		}, Where: []Relation{rel("k", OpEq, num("0"))}, IfExists: true},
	},
	{
		"UPDATE t SET v = 2 WHERE k = 0 IF v = 1 AND m['a'] != 'b' AND u.f IN (1, 2) AND w IN ? AND l CONTAINS 3 AND m CONTAINS KEY 'x' AND n > 4",
		&UpdateStmt{Table: tbl("t"), Assignments: []Assignment{assign("v", AssignValue, num("2"))},
			Where: []Relation{rel("k", OpEq, num("0"))},
			Conditions: []Condition{
				{Column: id("v"), Op: OpEq, Value: num("1")},
				{Column: id("m"), Key: str("a"), Op: OpNeq, Value: str("b")},
				{Column: id("u"), Field: id("f"), Op: OpIn, Values: terms(num("1"), num("2"))},
				{Column: id("w"), Op: OpIn, Value: &BindMarker{}},
				{Column: id("l"), Op: OpContains, Value: num("3")},
				{Column: id("m"), Op: OpContainsKey, Value: str("x")},
				{Column: id("n"), Op: OpGt, Value: num("4")},
			}},
	},
	{
		"DELETE FROM t WHERE k = 0",
		&DeleteStmt{Table: tbl("t"), Where: []Relation{rel("k", OpEq, num("0"))}},
	},
	{
		"DELETE a, l[1], m['k'], u.f FROM ks.t USING TIMESTAMP 9 WHERE k IN (1, 2) AND c >= 3 IF a = 1",
		&DeleteStmt{Targets: []DeleteTarget{
			{Column: id("a")}, {Column: id("l"), Key: num("1")}, {Column: id("m"), Key: str("k")},
			{Column: id("u"), Field: id("f")},
		}, Table: kstbl("ks", "t"), Using: &UsingClause{Timestamp: num("9")},
			Where:      []Relation{{Columns: ids("k"), Op: OpIn, Values: terms(num("1"), num("2"))}, rel("c", OpGte, num("3"))},
			Conditions: []Condition{{Column: id("a"), Op: OpEq, Value: num("1")}}},
	},
	{
		"DELETE FROM t WHERE k = 0 IF EXISTS",
		&DeleteStmt{Table: tbl("t"), Where: []Relation{rel("k", OpEq, num("0"))}, IfExists: true},
	},
	{
		"BEGIN BATCH INSERT INTO t (k) VALUES (1); UPDATE t SET v = 1 WHERE k = 2; DELETE FROM t WHERE k = 3; APPLY BATCH",
		&BatchStmt{Statements: []Statement{
			&InsertStmt{Table: tbl("t"), Columns: ids("k"), Values: terms(num("1"))},
			&UpdateStmt{Table: tbl("t"), Assignments: []Assignment{assign("v", AssignValue, num("1"))}, Where: []Relation{rel("k", OpEq, num("2"))}},
			&DeleteStmt{Table: tbl("t"), Where: []Relation{rel("k", OpEq, num("3"))}},
		}},
	},
	{
		"begin unlogged batch using timestamp 5 insert into t (k) values (1) insert into t (k) values (2) apply batch;",
		&BatchStmt{Type: UnloggedBatch, Using: &UsingClause{Timestamp: num("5")}, Statements: []Statement{
			&InsertStmt{Table: tbl("t"), Columns: ids("k"), Values: terms(num("1"))},
			&InsertStmt{Table: tbl("t"), Columns: ids("k"), Values: terms(num("2"))},
		}},
	},
	{
		"BEGIN COUNTER BATCH UPDATE c SET n = n + 1 WHERE k = 1; APPLY BATCH",
		&BatchStmt{Type: CounterBatch, Statements: []Statement{
			&UpdateStmt{Table: tbl("c"), Assignments: []Assignment{assign("n", AssignAdd, num("1"))}, Where: []Relation{rel("k", OpEq, num("1"))}},
		}},
	},
	{"BEGIN BATCH APPLY BATCH", &BatchStmt{}},
}

func TestParseDML(t *testing.T) { runParseTests(t, dmlTests) }
