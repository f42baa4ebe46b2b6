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
	{"SELECT * FROM t LIMT 5", "line 1:16 no viable alternative at input 'LIMT' (SELECT * FROM [t] LIMT...)"},
	{"SELECT a b FROM t", "line 1:9 no viable alternative at input 'b' (SELECT [a] b...)"},
	{"SELECT * FROM t WHERE a == 1", "line 1:25 no viable alternative at input '=' (... FROM t WHERE a =[=]...)"},
	{"SELECT * FROM t WHERE a = .5", "line 1:26 no viable alternative at input '.' (...FROM t WHERE a = [.]...)"},
	{"SELECT * FROM t; SELECT * FROM u", "line 1:17 mismatched input 'SELECT' expecting EOF (SELECT * FROM t; [SELECT]...)"},
	{"SELECT *\nFROM t\nWHERE a = 1 b", "line 3:12 no viable alternative at input 'b' (...tWHERE a = 1 [b]...)"},
	{"INSERT INTO t (a, b) VALUE (1, 2)", "line 1:21 mismatched input 'VALUE' expecting K_VALUES (... t (a, b) [VALUE]...)"},
	{"INSERT INTO t VALUES (1, 2)", "line 1:14 no viable alternative at input 'VALUES' (INSERT INTO [t] VALUES...)"},
	{"INSERT INTO t (a) VALUES ('x') USING TTL 'y'", "line 1:41 no viable alternative at input 'y' (...VALUES ('x') USING TTL [']...)"},
	{"CREATE TABLE select (a int PRIMARY KEY)", "line 1:13 no viable alternative at input 'select' (CREATE TABLE [select]...)"},
	{"CREATE TABLE t (a int, PRIMARY KEY a)", "line 1:35 mismatched input 'a' expecting '(' (...(a int, PRIMARY KEY [a]...)"},
	{"CREATE TABLE t (a int PRIMARY KEY) WITH CLUSTERING ORDER BY (a)", "line 1:62 no viable alternative at input ')' (...WITH CLUSTERING ORDER BY (a[)]...)"},
	// Seed 004 has this statement with a missing comma after "c2 text".
	{"CREATE TABLE t ( id1 int, id2 int, c1 text, c2 text k int, v text, PRIMARY KEY ((id1,id2),c1,c2) );",
		"line 1:52 no viable alternative at input 'k' (...int, c1 text, c2 [text] k...)"},
	// A string written without quotes: ANTLR's lookahead for a function
	// call fails on the next token, which the message names, while the
	// snippet brackets the name.
	{"INSERT INTO t (a) VALUES (John);", "line 1:30 no viable alternative at input ')' (... t (a) VALUES ([John])...)"},
	{"SELECT * FROM t WHERE name = John;", "line 1:33 no viable alternative at input ';' (...FROM t WHERE name = [John];)"},
	{"SELECT * FROM t WHERE name = John AND k = 1", "line 1:34 no viable alternative at input 'AND' (...FROM t WHERE name = [John] AND...)"},
	{"UPDATE t SET a = John WHERE k = 1", "line 1:22 no viable alternative at input 'WHERE' (UPDATE t SET a = [John] WHERE...)"},
	{"DELETE FROM t WHERE k = 1 IF", "line 1:28 no viable alternative at input ';' (... WHERE k = 1 IF[;])"},
	{"UPDATE t SET a = 1", "line 1:18 mismatched input ';' expecting K_WHERE"},
	{"SELECT * FROM t WHERE a = 'x\ny' AND", "line 2:6 no viable alternative at input ';' (... WHERE a = 'xy' AND[;])"},
	{"", "line 1:0 no viable alternative at input '<EOF>'"},
	{"  -- only a comment", "line 1:19 no viable alternative at input '<EOF>'"},
	{"BEGIN BATCH SELECT * FROM t APPLY BATCH", "line 1:12 mismatched input 'SELECT' expecting K_APPLY (BEGIN BATCH [SELECT]...)"},
	// Learner mistakes, each checked against Cassandra 5.0's grammar with
	// the ';' cqlsh sends. A token that cannot follow a term fails in the
	// DFA that ends every term.
	{"UPDATE users SET name = 'a' WHRE id = 1", "line 1:28 no viable alternative at input 'WHRE' (...users SET name = 'a' [WHRE]...)"},
	{"DELETE FROM users WHERE id = 1 AN name = 'x'", "line 1:31 no viable alternative at input 'AN' (...users WHERE id = 1 [AN]...)"},
	{"INSERT INTO t (a, b) VALUES (1, 'it's')", "line 1:36 no viable alternative at input 's' (...b) VALUES (1, 'it'[s]...)"},
	{"INSERT INTO t (a, b) VALUES (1, 'a' 'b')", "line 1:36 no viable alternative at input 'b' (...) VALUES (1, 'a' [']...)"},
	// Decisions that read past their first token bracket that token.
	{"CREATE TABEL x (k int PRIMARY KEY)", "line 1:7 no viable alternative at input 'TABEL' ([CREATE] TABEL...)"},
	{"ALTER TABEL t ADD c int", "line 1:6 no viable alternative at input 'TABEL' ([ALTER] TABEL...)"},
	{"DROP TABEL t", "line 1:5 no viable alternative at input 'TABEL' ([DROP] TABEL...)"},
	{"SELECT * FROM users WHER id = 1", "line 1:20 no viable alternative at input 'WHER' (SELECT * FROM [users] WHER...)"},
	{"SELECT * FROM ks.t WHER k = 1", "line 1:19 mismatched input 'WHER' expecting EOF (SELECT * FROM ks.t [WHER]...)"},
	{"UPDATE users SETT name = 'a' WHERE id = 1", "line 1:13 no viable alternative at input 'SETT' (UPDATE [users] SETT...)"},
	{"SELECT id name FROM users", "line 1:10 no viable alternative at input 'name' (SELECT [id] name...)"},
	{"SELECT * FROM t GROUP BY a b", "line 1:27 no viable alternative at input 'b' (...* FROM t GROUP BY [a] b...)"},
	{"CREATE TABLE t (k int, v int x, PRIMARY KEY (k))", "line 1:29 no viable alternative at input 'x' (...t (k int, v [int] x...)"},
	{"CREATE TABLE t (k int, v counter x)", "line 1:33 no viable alternative at input 'x' (...t (k int, v [counter] x...)"},
	{"CREATE KEYSPACE ks WITH replication {'class': 'SimpleStrategy'}", "line 1:36 no viable alternative at input '{' (CREATE KEYSPACE ks WITH [replication] {...)"},
	{"SELECT * FROM t WHERE a b", "line 1:24 no viable alternative at input 'b' (SELECT * FROM t WHERE [a] b...)"},
	{"SELECT * FROM t WHERE a IN 1", "line 1:27 no viable alternative at input '1' (SELECT * FROM t WHERE [a] IN...)"},
	{"SELECT * FROM t WHERE (a, b) > 1", "line 1:31 no viable alternative at input '1' (... WHERE (a, b) [>] 1...)"},
	{"SELECT * FROM t WHERE m CONTAINS KEY", "line 1:36 no viable alternative at input ';' (...FROM t WHERE m CONTAINS [KEY];)"},
	{"UPDATE t SET a = 1 WHERE k = 1 IF EXISTS USING TTL 1", "line 1:41 no viable alternative at input 'USING' (...WHERE k = 1 IF [EXISTS] USING...)"},
	{"INSERT INTO t (k, s) VALUES (1, {a, b})", "line 1:34 no viable alternative at input ',' (... s) VALUES (1, [{]a,...)"},
	{"SELECT * FROM t WHERE k = ()", "line 1:27 no viable alternative at input ')' (...FROM t WHERE k = [(])...)"},
	{"INSERT INTO t (a) VALUES (now(", "line 1:30 no viable alternative at input ';' (... t (a) VALUES ([now](;)"},
	{"SELECT count( FROM t", "line 1:14 no viable alternative at input 'FROM' (SELECT [count]( ...)"},
	{"DELETE a b FROM t WHERE k = 1", "line 1:9 no viable alternative at input 'b' (DELETE [a] b...)"},
	{"ALTER TABLE t DROP 5", "line 1:19 no viable alternative at input '5' (ALTER TABLE t [DROP] 5...)"},
	// A reserved word where an optional element may start ends the
	// element list, and the parser then expects what follows it.
	{"CREATE TABLE r (k int PRIMARY KEY, select int)", "line 1:35 mismatched input 'select' expecting ')' (...(k int PRIMARY KEY, [select]...)"},
	{"DELETE 5 FROM t WHERE k = 1", "line 1:7 mismatched input '5' expecting K_FROM (DELETE [5]...)"},
	{"CREATE INDEX 5 ON t (a)", "line 1:13 mismatched input '5' expecting K_ON (CREATE INDEX [5]...)"},
	{"CREATE INDEX ON t (KYS(m))", "line 1:22 mismatched input '(' expecting ')' (CREATE INDEX ON t (KYS[(]...)"},
	{"SELECT * FROM t WHERE k IN (, 1)", "line 1:28 mismatched input ',' expecting ')' (... t WHERE k IN ([,]...)"},
	{"CREATE TABLE t (k int, v set, PRIMARY KEY (k))", "line 1:28 mismatched input ',' expecting '<' (... (k int, v set[,]...)"},
	{"SELECT a[1 FROM t", "line 1:8 mismatched input '[' expecting K_FROM (SELECT a[[]1 ...)"},
	// Missing closing brackets: the DFA that read the ';' fetched the end
	// of input, which has no position, so there is no snippet.
	{"SELECT * FROM users WHERE id IN (1, 2", "line 1:37 mismatched input ';' expecting ')'"},
	{"CREATE TABLE t (k int PRIMARY KEY, v text", "line 1:41 mismatched input ';' expecting ')'"},
	{"CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy'", "line 1:64 mismatched input ';' expecting '}'"},
	{"CREATE TABLE t (k int PRIMARY KEY, v text))", "line 1:42 mismatched input ')' expecting EOF (... PRIMARY KEY, v text)[)]...)"},
	{"BEGIN BATCH INSERT INTO t (k) VALUES (1) APPLY", "line 1:46 mismatched input ';' expecting K_BATCH (...k) VALUES (1) APPLY[;])"},
	// Brackets span the text ANTLR keeps: quoted names lose their quotes.
	{`SELECT * FROM users WHERE name = "bob"`, `line 1:38 no viable alternative at input ';' (...FROM users WHERE name = ["bo]b";)`},
	{"UPDATE t SET v = 3 WHERE k = 0 IF v IN 1, 2", "line 1:39 no viable alternative at input '1' (...= 0 IF v IN [1]...)"},
	{"SELECT * FROM t WHERE (a, b) IN (0, 1)", "line 1:33 no viable alternative at input '0' (... (a, b) IN [(]0...)"},
	{"SELECT k, key(v) FROM t", "line 1:13 no viable alternative at input '(' (SELECT k, [key](v...)"},
	{"INSERT INTO t (k, tp) VALUES (3, ('x' 5, 'a'))", "line 1:38 no viable alternative at input '5' (... tp) VALUES (3, [(]'x' ...)"},
	{"SELECT token, a FROM t", "line 1:12 mismatched input ',' expecting '(' (SELECT token[,] a...)"},
	// A comment takes its line break, as ANTLR's COMMENT token does.
	{"SELECT id, -- the id\n  name FRM users", "line 2:7 no viable alternative at input 'FRM' (SELECT id, -- the id  [name] FRM...)"},
	// An arithmetic operator without an operand is wrong in Cassandra too.
	{"SELECT a * FROM t", "line 1:11 no viable alternative at input 'FROM' (SELECT a * [FROM]...)"},
	{"SELECT * FROM t WHERE a = 1 +", "line 1:29 no viable alternative at input ';' (...t WHERE a = 1 [+];)"},
	{"UPDATE t SET a = 1 + WHERE k = 1", "line 1:21 no viable alternative at input 'WHERE' (...t SET a = 1 [+] WHERE...)"},
	{"INSERT INTO t (k, f) VALUES (6, -)", "line 1:33 no viable alternative at input ')' (...f) VALUES (6, -[)]...)"},
	// A source that ends with its ';' is reported the same.
	{"UPDATE t SET a = 1;", "line 1:18 mismatched input ';' expecting K_WHERE"},
	{"CREATE INDEX ON t (a, b)", "line 1:20 indexes on several columns are not supported by the sandbox"},
	{"SELECT a * * 2 FROM t", "line 1:11 no viable alternative at input '*' (SELECT a * [*]...)"},
	{"SELECT - - FROM t", "line 1:11 no viable alternative at input 'FROM' (SELECT - - [FROM]...)"},
	{"SELECT * FROM t WHERE a = - - 1", "line 1:28 no viable alternative at input '-' (...t WHERE a = - [-]...)"},
	{"SELECT * FROM t WHERE a = 1 % ", "line 1:30 no viable alternative at input ';' (...WHERE a = 1 % [;])"},

	// Lexical errors. Eight hex digits and a '-' commit the lexer to a
	// UUID; the end of the source is the ';' that cqlsh sends.
	{"SELECT * FROM t WHERE id = 5b6962dd-3f90-4c93-8f61", "line 1:50 mismatched character ';' expecting '-'"},
	{"SELECT * FROM t WHERE id = 12345678-1", "line 1:37 mismatched character ';' expecting set null"},
	{"SELECT * FROM t WHERE id = 12345678-x1 AND", "line 1:36 mismatched character 'x' expecting set null"},
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
	{"CREATE KEYSPACE ks WITH replication = {'class': 'x'} AND replication = {}", "Multiple definitions for property 'replication'"},
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
