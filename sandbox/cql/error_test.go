package cql

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// errorTests are invalid inputs and the exact messages Parse must give.
var errorTests = []struct {
	src, want string
}{
	// Cassandra's own wording, with its query snippet.
	{"SELECT FROM t", "line 1:7 no viable alternative at input 'FROM' (SELECT [FROM]...)"},
	{"SELEC * FROM t", "line 1:0 no viable alternative at input 'SELEC' ([SELEC]...)"},
	{"SELECT * FROM;", "line 1:13 no viable alternative at input ';' (SELECT * FROM[;])"},
	{"SELECT * FROM t LIMT 5", "line 1:16 mismatched input 'LIMT' expecting EOF (SELECT * FROM t [LIMT]...)"},
	{"SELECT a b FROM t", "line 1:9 mismatched input 'b' expecting K_FROM (SELECT a [b]...)"},
	{"SELECT * FROM t WHERE a == 1", "line 1:25 no viable alternative at input '=' (... FROM t WHERE a =[=]...)"},
	{"SELECT * FROM t WHERE a = .5", "line 1:26 no viable alternative at input '.' (...FROM t WHERE a = [.]...)"},
	{"SELECT * FROM t; SELECT * FROM u", "line 1:17 mismatched input 'SELECT' expecting EOF (SELECT * FROM t; [SELECT]...)"},
	{"SELECT *\nFROM t\nWHERE a = 1 b", "line 3:12 mismatched input 'b' expecting EOF (...tWHERE a = 1 [b])"},
	{"SELECT json AS x FROM t", "line 1:15 mismatched input 'x' expecting K_FROM (SELECT json AS [x]...)"},
	{"INSERT INTO t (a, b) VALUE (1, 2)", "line 1:21 mismatched input 'VALUE' expecting K_VALUES (... t (a, b) [VALUE]...)"},
	{"INSERT INTO t VALUES (1, 2)", "line 1:14 no viable alternative at input 'VALUES' (INSERT INTO t [VALUES]...)"},
	{"INSERT INTO t (a) VALUES ('x') USING TTL 'y'", "line 1:41 no viable alternative at input 'y' (...VALUES ('x') USING TTL ['y'])"},
	{"CREATE TABLE select (a int PRIMARY KEY)", "line 1:13 no viable alternative at input 'select' (CREATE TABLE [select]...)"},
	{"CREATE TABLE t (a int, PRIMARY KEY a)", "line 1:35 mismatched input 'a' expecting '(' (...(a int, PRIMARY KEY [a]...)"},
	{"CREATE TABLE t (a int PRIMARY KEY) WITH CLUSTERING ORDER BY (a)", "line 1:62 no viable alternative at input ')' (...WITH CLUSTERING ORDER BY (a[)])"},
	// Seed 004 has this statement with a missing comma after "c2 text".
	{"CREATE TABLE t ( id1 int, id2 int, c1 text, c2 text k int, v text, PRIMARY KEY ((id1,id2),c1,c2) );",
		"line 1:52 mismatched input 'k' expecting ')' (... c1 text, c2 text [k]...)"},
	// A string written without quotes: ANTLR's lookahead for a function
	// call fails on the next token, which the message names, while the
	// snippet brackets the name.
	{"INSERT INTO t (a) VALUES (John);", "line 1:30 no viable alternative at input ')' (... t (a) VALUES ([John])...)"},
	{"SELECT * FROM t WHERE name = John;", "line 1:33 no viable alternative at input ';' (...FROM t WHERE name = [John];)"},
	{"SELECT * FROM t WHERE name = John AND k = 1", "line 1:34 no viable alternative at input 'AND' (...FROM t WHERE name = [John] AND...)"},
	{"UPDATE t SET a = John WHERE k = 1", "line 1:22 no viable alternative at input 'WHERE' (UPDATE t SET a = [John] WHERE...)"},
	{"DELETE FROM t WHERE k = 1 IF", "line 1:28 no viable alternative at input '<EOF>'"},
	{"UPDATE t SET a = 1", "line 1:18 mismatched input '<EOF>' expecting K_WHERE"},
	{"SELECT * FROM t WHERE a = 'x\ny' AND", "line 2:6 no viable alternative at input '<EOF>'"},
	{"", "line 1:0 no viable alternative at input '<EOF>'"},
	{"  -- only a comment", "line 1:19 no viable alternative at input '<EOF>'"},
	{"BEGIN BATCH SELECT * FROM t APPLY BATCH", "line 1:12 mismatched input 'SELECT' expecting K_APPLY (BEGIN BATCH [SELECT]...)"},
	{"CREATE INDEX ON t (a, b)", "line 1:20 indexes on several columns are not supported by the sandbox"},
	{"SELECT * FROM t WHERE a = 1 + 2", "line 1:28 arithmetic operators are not supported by the sandbox"},
	{"SELECT a * 2 FROM t", "line 1:9 arithmetic operators are not supported by the sandbox"},

	// Lexical errors.
	{"SELECT * FROM t WHERE a = @", "line 1:26 no viable alternative at character '@'"},
	{"SELECT * FROM t WHERE a = 'テスト' AND b = ＠", "line 1:40 no viable alternative at character '＠'"},
	{"SELECT @ * FROM t", "line 1:7 no viable alternative at character '@'"},
	{"SELECT * FROM t WHERE a = 'abc", "line 1:26 unterminated string literal"},
	{"SELECT * FROM t WHERE a = $$abc", "line 1:26 unterminated $$ string literal"},
	{"SELECT \"abc FROM t", "line 1:7 unterminated quoted identifier"},
	{"SELECT * FROM t /* never closed", "line 1:16 unterminated comment"},
	{"SELECT FROM t WHERE a = @", "line 1:7 no viable alternative at input 'FROM' (SELECT [FROM]...)"},

	// Cassandra's position-less parser messages.
	{"UPDATE t SET a = b + 1 WHERE k = 1", "Only expressions of the form X = X +<value> are supported."},
	{"UPDATE t SET a = b - 1 WHERE k = 1", "Only expressions of the form X = X -<value> are supported."},
	{"UPDATE t SET a = b -1 WHERE k = 1", "Only expressions of the form X = X - <value> are supported."},
	{"UPDATE t SET a = 1 + b WHERE k = 1", "Only expressions of the form X = <value> + X are supported."},
	{"UPDATE t SET a = [1] + \"A\" WHERE k = 1", "Only expressions of the form X = <value> + X are supported."},
	{"UPDATE t SET a = b + 1 WHERE", "Only expressions of the form X = X +<value> are supported."},
	{"UPDATE t SET a = 1, a = 2 WHERE k = 1", "Multiple incompatible setting of column a"},
	{"UPDATE t SET u.f = 1, u.f = 2 WHERE k = 1", "Multiple incompatible setting of column u"},
	{"CREATE KEYSPACE ks WITH replication = {'class': 'x'} AND replication = {}", "Multiple definition for property replication"},
	{"CREATE KEYSPACE ks WITH replication = {'class': 'x', 'class': 'y'}", "Multiple definition for property class"},
	{"CREATE KEYSPACE ks WITH replication = {'class': now()}", "Invalid property value: now() for property: 'class'"},
	{"CREATE KEYSPACE ks WITH replication = {?: 1}", "Invalid property name: ? (bind variables are not supported in DDL queries)"},
	{"CREATE TYPE byte (a int)", "Invalid (reserved) user type name byte"},
	{"CREATE TABLE t (a frozen<int> PRIMARY KEY)", "frozen<> is only allowed on collections, tuples, and user-defined types (got int)"},
	{"SELECT * FROM ?", "Bind variables cannot be used for table names"},
	{"SELECT * FROM ?.t", "Bind variables cannot be used for keyspace names"},
	{"USE ?", "Bind variables cannot be used for keyspace names"},

	// cqlsh commands.
	{"TRACING maybe", "Improper TRACING command."},
	{"consistency none", "Improper consistency command."},
	{"CONSISTENCY ONE TWO", "Improper CONSISTENCY command."},
	{"SERIAL CONSISTENCY ONE", "Improper SERIAL command."},
	{"SERIAL", "Improper SERIAL command."},

	// Statements Cassandra has and the sandbox does not.
	{"DROP INDEX idx", "line 1:0 DROP INDEX statements are not supported by the sandbox"},
	{"GRANT ALL ON KEYSPACE ks TO bob", "line 1:0 GRANT statements are not supported by the sandbox"},
	{"create or replace function f() called on null input returns int language java as 'x'", "line 1:0 CREATE OR REPLACE statements are not supported by the sandbox"},
	{"DESCRIBE FUNCTIONS", "line 1:9 DESCRIBE FUNCTIONS is not supported by the sandbox"},
	{"DESCRIBE TABLE t WITH INTERNALS", "line 1:17 DESCRIBE ... WITH INTERNALS is not supported by the sandbox"},
	{"CREATE TABLE t (a vector<float, 3> PRIMARY KEY)", "line 1:18 vector types are not supported by the sandbox"},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		st, err := Parse(tt.src)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %q", tt.src, st, tt.want)
			continue
		}
		var perr *Error
		if !errors.As(err, &perr) {
			t.Errorf("Parse(%q) error is %T, want *Error", tt.src, err)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("Parse(%q) error:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		checkPos(t, tt.src, perr.Pos)
	}
}

// checkPos checks that pos's line and column agree with its offset.
func checkPos(t *testing.T, src string, pos Pos) {
	t.Helper()
	if pos.Offset < 0 || pos.Offset > len(src) {
		t.Errorf("%q: position %+v outside the source", src, pos)
		return
	}
	before := src[:pos.Offset]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
	if pos.Line != line || pos.Col != col {
		t.Errorf("%q: position %+v, want line %d col %d for offset %d", src, pos, line, col, pos.Offset)
	}
}

// TestDeepNesting checks that absurdly nested input is refused with an
// error instead of exhausting the stack.
func TestDeepNesting(t *testing.T) {
	const n = 10000
	tests := []string{
		"SELECT * FROM t WHERE a = " + strings.Repeat("[", n),
		"SELECT * FROM t WHERE a = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n),
		"SELECT * FROM t WHERE a = " + strings.Repeat("{1: ", n),
		"SELECT * FROM t WHERE a = " + strings.Repeat("f(", n),
		"SELECT * FROM t WHERE a = " + strings.Repeat("(int) ", n) + "1",
		"SELECT * FROM t WHERE " + strings.Repeat("(", n) + "a = 1" + strings.Repeat(")", n),
		"SELECT " + strings.Repeat("f(", n) + "a" + strings.Repeat(")", n) + " FROM t",
		"SELECT " + strings.Repeat("(", n) + "a" + strings.Repeat(")", n) + " FROM t",
		"SELECT a" + strings.Repeat(".b", n) + " FROM t",
		"SELECT a" + strings.Repeat("[1]", n) + " FROM t",
		"CREATE TABLE t (k " + strings.Repeat("frozen<list<", n) + "int" + strings.Repeat(">>", n) + " PRIMARY KEY)",
	}
	for _, src := range tests {
		_, err := Parse(src)
		if err == nil || !strings.Contains(err.Error(), "nested too deeply") {
			t.Errorf("Parse(%.40q...) error = %v, want one about nesting", src, err)
		}
	}
	// Reasonable nesting is fine.
	src := "SELECT * FROM t WHERE a = " + strings.Repeat("[", 50) + strings.Repeat("]", 50)
	if _, err := Parse(src); err != nil {
		t.Errorf("Parse(%q) error: %v", src, err)
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Pos: Pos{Line: 1, Col: 7}, Msg: "boom"}, "line 1:7 boom"},
		{&Error{Pos: Pos{Line: 3, Col: 0}, Msg: "Only expressions", NoPos: true}, "Only expressions"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%#v.Error() = %q, want %q", tt.err, got, tt.want)
		}
	}
}
