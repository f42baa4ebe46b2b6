package lessons

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/learnkv/learnkv/sandbox"
)

// exerciseLesson builds a one-exercise lesson from a setup script and the
// YAML of its checks.
func exerciseLesson(t *testing.T, setup, checks string) (*Lesson, *Item) {
	t.Helper()
	src := "# Ex {exercise=ex}\n\n## Task {task}\nDo it.\n\n"
	if setup != "" {
		src += "## Setup {setup}\n```cql\n" + setup + "\n```\n\n"
	}
	src += "## Checks {check}\n```yaml\n" + checks + "\n```\n\n## Hint {hint}\nH.\n\n" +
		"## Solution {solution}\n```cql\nSELECT 1 FROM t;\n```\n\n## Why {why}\nW.\n"
	l, err := ParseLesson("en/01-x.md", []byte(lessonFile(src)))
	if err != nil {
		t.Fatalf("ParseLesson: %v", err)
	}
	return l, l.Item("ex")
}

func newChecker(t *testing.T) *Checker {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatalf("sandbox.Open: %v", err)
	}
	t.Cleanup(func() { sb.Close() })
	return &Checker{Sandbox: sb}
}

const usersSetup = `CREATE TABLE users (id int PRIMARY KEY, name text, email text, admin boolean);
INSERT INTO users (id, name, email, admin) VALUES (1, 'Alice', 'alice@example.com', true);
INSERT INTO users (id, name) VALUES (2, 'Bob');`

type checkCase struct {
	name   string
	setup  string
	checks string
	// learner holds the statements the learner runs; the last CQL one
	// is the Attempt.
	learner []string
	// wantEN and wantJA are parts of the first failure's message; both
	// empty means the exercise must pass.
	wantEN, wantJA string
}

func runCheckCases(t *testing.T, tests []checkCase) {
	t.Helper()
	c := newChecker(t)
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, it := exerciseLesson(t, tt.setup, tt.checks)
			for _, lang := range Langs {
				// Each language starts afresh: some checks write.
				if err := c.Start(ctx, l, it); err != nil {
					t.Fatalf("Start: %v", err)
				}
				var last *Attempt
				for _, s := range tt.learner {
					res, err := c.Sandbox.Exec(ctx, s)
					if IsCQLStatement(s) {
						last = &Attempt{Statement: s, Result: res, Err: err}
					}
				}
				want := tt.wantEN
				if lang == Japanese {
					want = tt.wantJA
				}
				out, err := c.Check(ctx, lang, l, it, last)
				if err != nil {
					t.Fatalf("Check(%s) error: %v", lang, err)
				}
				if want == "" {
					if !out.Passed {
						t.Errorf("Check(%s) failed: %+v, want a pass", lang, out.Failures())
					}
					continue
				}
				if out.Passed {
					t.Fatalf("Check(%s) passed, want a failure with %q", lang, want)
				}
				if got := out.Failures()[0].Message; !strings.Contains(got, want) {
					t.Errorf("Check(%s) message = %q, want it to contain %q", lang, got, want)
				}
			}
		})
	}
}

func TestLastCheck(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "no statement yet", setup: usersSetup, checks: `- last: {rows: [["Alice"]]}`,
			wantEN: "expected you to run a CQL statement first", wantJA: "まず CQL 文を実行してください"},
		{name: "shell commands do not count", setup: usersSetup, checks: `- last: {rows: [["Alice"]]}`,
			learner: []string{"CONSISTENCY QUORUM", "NODES"},
			wantEN:  "you have not run one", wantJA: "まだ何も実行していません"},
		{name: "rows pass", setup: usersSetup, checks: `- last: {rows: [["Alice"]]}`,
			learner: []string{"SELECT name FROM users WHERE id = 1"}},
		{name: "rows mismatch", setup: usersSetup, checks: `- last: {rows: [["Alice"]]}`,
			learner: []string{"SELECT name FROM users WHERE id = 2"},
			wantEN:  "expected 1 row: [Alice]; saw 1 row: [Bob]", wantJA: "結果は 1 行（[Alice]）のはずですが、実際は 1 行（[Bob]）でした"},
		{name: "wrong order", setup: usersSetup, checks: `- last: {rows: [["Bob"], ["Alice"]]}`,
			learner: []string{"SELECT name FROM users WHERE id IN (1, 2)"},
			wantEN:  "the rows are right but in the wrong order", wantJA: "順序が違います"},
		{name: "any order", setup: usersSetup, checks: `- last: {rows: [["Bob"], ["Alice"]], ordered: false}`,
			learner: []string{"SELECT name FROM users WHERE id IN (1, 2)"}},
		{name: "columns", setup: usersSetup, checks: `- last: {rows: [["Alice"]]}`,
			learner: []string{"SELECT id, name FROM users WHERE id = 1"},
			wantEN:  "expected rows of 1 column; the result has 2 columns (id, name)", wantJA: "各行は 1 列のはずですが、結果は 2 列です（id, name）"},
		{name: "null and boolean", setup: usersSetup, checks: `- last: {rows: [[2, ~, ~], [1, alice@example.com, true]], ordered: false}`,
			learner: []string{"SELECT id, email, admin FROM users"}},
		{name: "row count", setup: usersSetup, checks: `- last: {row_count: {max: 1}}`,
			learner: []string{"SELECT * FROM users"},
			wantEN:  "expected at most 1 row; the result has 2 rows", wantJA: "結果は 1 行以下のはずですが、2 行でした"},
		{name: "not a select", setup: usersSetup, checks: `- last: {row_count: 1}`,
			learner: []string{"INSERT INTO users (id) VALUES (3)"},
			wantEN:  "expected a SELECT that returns rows", wantJA: "行を返す SELECT を期待しています"},
		{name: "error expected", setup: usersSetup, checks: `- last: {error: InvalidRequest, error_contains: allow filtering}`,
			learner: []string{"SELECT * FROM users WHERE email = 'x' ALLOW FILTERING"},
			wantEN:  `expected your last statement to fail with InvalidRequest mentioning "allow filtering"; it succeeded`,
			wantJA:  `最後に実行した文は "allow filtering" を含む InvalidRequest で失敗するはずですが、成功しました`},
		{name: "error pass", setup: usersSetup, checks: `- last: {error: InvalidRequest, error_contains: allow filtering}`,
			learner: []string{"SELECT * FROM users WHERE email = 'x'"}},
		{name: "wrong error class", setup: usersSetup, checks: `- last: {error: InvalidRequest}`,
			learner: []string{"SELEC * FROM users"},
			wantEN:  "to fail with InvalidRequest; it failed with SyntaxException", wantJA: "InvalidRequest で失敗するはずですが、SyntaxException で失敗しました"},
		{name: "error message", setup: usersSetup, checks: `- last: {error_contains: "partition key"}`,
			learner: []string{"SELECT * FROM users WHERE email = 'x'"},
			wantEN:  `expected the error message to mention "partition key"`, wantJA: `エラーメッセージに "partition key" が含まれるはずですが`},
		{name: "success expected", setup: usersSetup, checks: `- last: {row_count: 1}`,
			learner: []string{"SELECT * FROM nope"},
			wantEN:  "expected your last statement to succeed; it failed with InvalidRequest", wantJA: "最後に実行した文は成功するはずですが、InvalidRequest で失敗しました"},
		{name: "statement contains", setup: usersSetup, checks: `- last: {statement: {contains: ["ALLOW FILTERING"]}}`,
			learner: []string{"SELECT * FROM users"},
			wantEN:  `expected your last statement to contain "ALLOW FILTERING"; it was: SELECT * FROM users`,
			wantJA:  `最後に実行した文に "ALLOW FILTERING" が含まれていません`},
		{name: "statement shorthand", setup: usersSetup, checks: `- last: {statement: [ALLOW FILTERING, "name ="]}`,
			learner: []string{"SELECT * FROM users WHERE name = 'Bob' ALLOW FILTERING"}},
		{name: "statement contains pass", setup: usersSetup, checks: `- last: {statement: {contains: "allow  filtering"}}`,
			learner: []string{"SELECT * FROM users WHERE name = 'Bob' ALLOW FILTERING"}},
		{name: "trace partitions", setup: usersSetup, checks: `- last: {trace: {partitions: 1}}`,
			learner: []string{"SELECT * FROM users WHERE name = 'Bob' ALLOW FILTERING"},
			wantEN:  "expected the query to read 1 partition; it read 2 partitions (nodes contacted: 4)",
			wantJA:  "このクエリが読むパーティションは 1 個のはずですが、2 個読みました（問い合わせたノード：4 台）"},
		{name: "trace full scan", setup: usersSetup, checks: `- last: {trace: {full_scan: false}}`,
			learner: []string{"SELECT * FROM users"},
			wantEN:  "expected the query not to scan the whole table; it did: it read 2 partitions on 4 nodes",
			wantJA:  "フルスキャンになりました（パーティション 2 個、ノード 4 台）"},
		{name: "lwt", setup: usersSetup, checks: `- last: {rows: [["True"]], trace: {paxos_round_trips: 4, partitions: 1}}`,
			learner: []string{"INSERT INTO users (id, name) VALUES (3, 'Carol') IF NOT EXISTS"}},
		{name: "lwt not applied", setup: usersSetup, checks: `- last: {rows: [["True"]]}`,
			learner: []string{"INSERT INTO users (id, name) VALUES (1, 'Carol') IF NOT EXISTS"},
			wantEN:  "expected rows of 1 column; the result has 5 columns ([applied], id, admin, email, name)", wantJA: "各行は 1 列のはずですが、結果は 5 列です"},
		{name: "custom message", setup: usersSetup, checks: "- last: {rows: [[\"Alice\"]]}\n  message: Look up Alice by her key.",
			learner: []string{"SELECT name FROM users WHERE id = 2"},
			wantEN:  "Look up Alice by her key.", wantJA: "Look up Alice by her key."},
	})
}

func TestRowsAndErrorChecks(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "rows pass", setup: usersSetup, checks: "- rows:\n    query: SELECT id, name FROM users WHERE id = 3\n    expect: [[3, Carol]]",
			learner: []string{"INSERT INTO users (id, name) VALUES (3, 'Carol')"}},
		{name: "rows missing", setup: usersSetup, checks: "- rows:\n    query: SELECT id, name FROM users WHERE id = 3\n    expect: [[3, Carol]]",
			wantEN: "for SELECT id, name FROM users WHERE id = 3, expected 1 row: [3, Carol]; saw 0 rows: no rows",
			wantJA: "「SELECT id, name FROM users WHERE id = 3」について、結果は 1 行（[3, Carol]）のはずですが、実際は 0 行（行なし）でした"},
		{name: "rows count at quorum", setup: usersSetup, checks: "- rows:\n    query: SELECT * FROM users\n    row_count: {min: 3}\n    consistency: QUORUM",
			wantEN: "for SELECT * FROM users, expected at least 3 rows; the result has 2 rows", wantJA: "「SELECT * FROM users」について、結果は 3 行以上のはずですが、2 行でした"},
		{name: "rows query fails", checks: "- rows:\n    query: SELECT * FROM users\n    expect: []",
			wantEN: `the check's query "SELECT * FROM users" failed with InvalidRequest`, wantJA: "チェック用のクエリ「SELECT * FROM users」が InvalidRequest で失敗しました"},
		{name: "many rows are cut", setup: usersSetup + "\nINSERT INTO users (id) VALUES (3); INSERT INTO users (id) VALUES (4); INSERT INTO users (id) VALUES (5); INSERT INTO users (id) VALUES (6); INSERT INTO users (id) VALUES (7);",
			checks: "- rows:\n    query: SELECT id FROM users\n    expect: [[1]]", wantEN: "... (2 more)", wantJA: "...（ほか 2 行）"},
		{name: "error pass", setup: usersSetup, checks: "- error:\n    statement: SELECT * FROM users WHERE email = 'x'\n    class: InvalidRequest\n    contains: ALLOW FILTERING"},
		{name: "error succeeded", setup: usersSetup, checks: "- error:\n    statement: SELECT * FROM users WHERE id = 1\n    class: InvalidRequest",
			wantEN: `expected the statement "SELECT * FROM users WHERE id = 1" to fail with InvalidRequest; it succeeded`,
			wantJA: "文「SELECT * FROM users WHERE id = 1」は InvalidRequest で失敗するはずですが、成功しました"},
	})
}

func TestSchemaCheck(t *testing.T) {
	table := "CREATE TABLE messages_by_room (room_id text, sent_at timestamp, message_id int, room_name text STATIC, body text, reactions map<text, text>, PRIMARY KEY ((room_id), sent_at, message_id)) WITH CLUSTERING ORDER BY (sent_at DESC, message_id ASC);"
	spec := "- schema:\n    table: messages_by_room\n    partition_key: [room_id]\n    clustering: [sent_at DESC, message_id]\n    static: [room_name]\n    columns: {reactions: \"map<text,text>\", body: TEXT}"
	runCheckCases(t, []checkCase{
		{name: "pass", checks: spec, learner: []string{table}},
		{name: "no table", setup: "CREATE TABLE other (k int PRIMARY KEY);", checks: spec,
			wantEN: "expected a table messages_by_room in keyspace lesson01; there is none (tables: other)",
			wantJA: "キースペース lesson01 にテーブル messages_by_room があるはずですが、見つかりません（あるテーブル：other）"},
		{name: "partition key", checks: spec, learner: []string{"CREATE TABLE messages_by_room (author text, sent_at timestamp, PRIMARY KEY (author, sent_at))"},
			wantEN: "expected the partition key (room_id); your table has (author)", wantJA: "パーティションキーは (room_id) のはずですが、テーブルでは (author) です"},
		{name: "clustering order", checks: spec, learner: []string{strings.Replace(table, "sent_at DESC", "sent_at ASC", 1)},
			wantEN: "expected the clustering columns (sent_at DESC, message_id ASC); your table has (sent_at ASC, message_id ASC)",
			wantJA: "クラスタリング列は (sent_at DESC, message_id ASC) のはずですが"},
		{name: "static", checks: spec, learner: []string{strings.Replace(table, " STATIC", "", 1)},
			wantEN: "expected the static columns (room_name); your table has ()", wantJA: "static カラムは (room_name) のはずですが、テーブルでは () です"},
		{name: "column type", checks: spec, learner: []string{strings.Replace(table, "map<text, text>", "set<text>", 1)},
			wantEN: "expected column reactions to be of type map<text,text>; it is set<text>", wantJA: "列 reactions の型は map<text,text> のはずですが、set<text> です"},
		{name: "missing column", checks: spec, learner: []string{strings.Replace(table, "body text", "text_body text", 1)},
			wantEN: "expected a column body of type TEXT", wantJA: "型 TEXT の列 body があるはずですが"},
	})
}

func TestTraceCheck(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "one partition", setup: usersSetup, checks: "- trace:\n    query: SELECT * FROM users WHERE id = 1\n    partitions: 1\n    nodes: {max: 2}\n    rows_scanned: 1\n    rows_returned: 1\n    full_scan: false\n    filtering: false"},
		{name: "all nodes at ALL", setup: usersSetup, checks: "- trace:\n    query: SELECT * FROM users WHERE id = 1\n    consistency: ALL\n    nodes: {max: 2}",
			wantEN: "expected the statement to involve at most 2 nodes; it involved", wantJA: "関わるノードは 2 台以下のはずですが"},
		{name: "filtering", setup: usersSetup, checks: "- trace:\n    query: SELECT * FROM users WHERE name = 'Bob' ALLOW FILTERING\n    rows_scanned: {max: 1}",
			wantEN: "expected the query to scan at most 1 row; it scanned 2 rows and returned 1", wantJA: "スキャンする行は 1 行以下のはずですが、2 行スキャンして 1 行を返しました"},
		{name: "filtering flag", setup: usersSetup, checks: "- trace:\n    query: SELECT * FROM users WHERE name = 'Bob' ALLOW FILTERING\n    filtering: false",
			wantEN: "expected the query not to filter rows; it read 2 rows and returned only 1", wantJA: "2 行を読んで 1 行だけを返しました"},
		{name: "full scan wanted", setup: usersSetup, checks: "- trace:\n    query: SELECT * FROM users WHERE id = 1\n    full_scan: true",
			wantEN: "expected the query to scan the whole table; it did not (it read 1 partition)", wantJA: "テーブル全体をスキャンするクエリのはずですが"},
		{name: "write partitions", setup: usersSetup, checks: "- trace:\n    query: INSERT INTO users (id, name) VALUES (9, 'Zed') IF NOT EXISTS\n    paxos_round_trips: 2",
			wantEN: "expected the statement to make 2 Paxos round trips; it made 4 Paxos round trips", wantJA: "Paxos のラウンドトリップは 2 回のはずですが、4 回でした"},
		{name: "batch", setup: usersSetup, checks: "- trace:\n    query: BEGIN BATCH INSERT INTO users (id) VALUES (8); INSERT INTO users (id) VALUES (9); APPLY BATCH\n    partitions: 1",
			wantEN: "expected the statement to write 1 partition; it wrote 2 partitions", wantJA: "この文が書き込むパーティションは 1 個のはずですが、2 個に書き込みました"},
	})
}

func TestDistributionAndPatternsChecks(t *testing.T) {
	orders := "CREATE TABLE orders_by_user (user_id text, order_id timeuuid, amount decimal, status text, PRIMARY KEY ((user_id), order_id));"
	runCheckCases(t, []checkCase{
		{name: "even", setup: "LOAD DATASET orders ROWS 2000", checks: "- distribution:\n    table: orders_by_user\n    skew: {max: 2}\n    partitions: {min: 50}\n    rows: 2000\n    largest_partition_rows: {max: 100}"},
		{name: "skewed", setup: "LOAD DATASET orders_skewed ROWS 2000", checks: "- distribution:\n    table: orders_by_user\n    skew: {max: 1.5}",
			wantEN: "expected a skew (largest node / mean) of at most 1.5; it is ", wantJA: "偏り（スキュー、最大ノード / 平均）は 1.5以下のはずですが"},
		{name: "largest partition", setup: "LOAD DATASET orders_skewed ROWS 2000", checks: "- distribution:\n    table: orders_by_user\n    largest_partition_rows: {max: 100}",
			wantEN: "expected the largest partition to hold at most 100 rows; partition 'celebrity' holds", wantJA: "最大のパーティションの行数は 100 行以下のはずですが、パーティション 'celebrity' には"},
		{name: "empty", setup: orders, checks: "- distribution:\n    table: orders_by_user\n    skew: {max: 2}",
			wantEN: "expected data in lesson01.orders_by_user to measure how it spreads; the table is empty", wantJA: "テーブルが空です"},
		{name: "no table", checks: "- distribution:\n    table: orders_by_user\n    partitions: {min: 1}",
			wantEN: "cannot look at the distribution of lesson01.orders_by_user", wantJA: "lesson01.orders_by_user の分布を調べられません"},
		{name: "patterns pass", setup: orders, checks: "- patterns:\n    queries:\n      - SELECT * FROM orders_by_user WHERE user_id = 'celebrity' LIMIT 10\n    dataset: orders_skewed\n    rows: 1000"},
		{name: "patterns no partition key", setup: "CREATE TABLE orders_by_user (user_id text, order_id timeuuid, amount decimal, status text, PRIMARY KEY ((status), user_id, order_id));",
			checks: "- patterns:\n    queries:\n      - SELECT * FROM orders_by_user WHERE user_id = 'celebrity'\n    dataset: orders_skewed\n    rows: 500",
			wantEN: "access pattern 1 (SELECT * FROM orders_by_user WHERE user_id = 'celebrity') fails with InvalidRequest: ",
			wantJA: "アクセスパターン 1（SELECT * FROM orders_by_user WHERE user_id = 'celebrity'）が InvalidRequest で失敗しました"},
		{name: "patterns two partitions", setup: orders, checks: "- patterns:\n    queries:\n      - SELECT * FROM orders_by_user WHERE user_id = 'a'\n      - SELECT * FROM orders_by_user WHERE user_id IN ('a', 'b')",
			wantEN: "access pattern 2 (SELECT * FROM orders_by_user WHERE user_id IN ('a', 'b')) reads 2 partitions; each access pattern must be served by exactly one partition",
			wantJA: "アクセスパターン 2（SELECT * FROM orders_by_user WHERE user_id IN ('a', 'b')）は 2 個のパーティションを読みます"},
		{name: "patterns dataset does not fit", setup: "CREATE TABLE orders_by_user (customer text PRIMARY KEY, total int);",
			checks: "- patterns:\n    queries:\n      - SELECT * FROM orders_by_user WHERE customer = 'a'\n    dataset: orders",
			wantEN: "could not load dataset orders into table orders_by_user", wantJA: "データセット orders をテーブル orders_by_user に読み込めませんでした"},
	})
}

func TestCheckerKeepsSession(t *testing.T) {
	c := newChecker(t)
	ctx := context.Background()
	l, it := exerciseLesson(t, usersSetup, "- rows:\n    query: SELECT name FROM users WHERE id = 1\n    expect: [[Alice]]")
	if err := c.Start(ctx, l, it); err != nil {
		t.Fatalf("Start: %v", err)
	}
	for _, s := range []string{"CONSISTENCY QUORUM", "CREATE KEYSPACE other WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", "USE other"} {
		if _, err := c.Sandbox.Exec(ctx, s); err != nil {
			t.Fatalf("Exec(%q): %v", s, err)
		}
	}
	out, err := c.Check(ctx, English, l, it, nil)
	if err != nil || !out.Passed {
		t.Fatalf("Check from another keyspace = %+v, %v; want a pass", out, err)
	}
	s := c.Sandbox.Session()
	if s.Keyspace != "other" || s.Consistency.String() != "QUORUM" {
		t.Errorf("session after Check = %s at %s, want other at QUORUM", s.Keyspace, s.Consistency)
	}
}

func TestStartAndEnter(t *testing.T) {
	c := newChecker(t)
	ctx := context.Background()
	l, it := exerciseLesson(t, "CREATE TABLE t (k int PRIMARY KEY);\nNODES 5\nNODE 2 DOWN\nCONSISTENCY QUORUM", "- last: {row_count: 1}")
	if err := c.Start(ctx, l, it); err != nil {
		t.Fatalf("Start: %v", err)
	}
	st := c.Sandbox.Cluster()
	if len(st.Nodes) != 5 || !st.Nodes[1].Down || c.Sandbox.Session().Consistency.String() != "QUORUM" {
		t.Errorf("after setup: %d nodes, node2 down %v, %s; want 5, true, QUORUM", len(st.Nodes), st.Nodes[1].Down, c.Sandbox.Session().Consistency)
	}
	if _, err := c.Sandbox.Exec(ctx, "INSERT INTO t (k) VALUES (1)"); err != nil {
		t.Fatalf("insert: %v", err)
	}
	if err := c.Start(ctx, l, it); err != nil {
		t.Fatalf("second Start: %v", err)
	}
	res, err := c.Sandbox.Query(ctx, "SELECT * FROM t", 0)
	if err != nil || len(res.Rows) != 0 {
		t.Errorf("after a second Start the table holds %v (%v), want it empty", res, err)
	}
	if _, err := c.Sandbox.Exec(ctx, "USE learnkv"); err != nil {
		t.Fatal(err)
	}
	if err := c.EnterLesson(ctx, l); err != nil {
		t.Fatalf("EnterLesson: %v", err)
	}
	if ks := c.Sandbox.Session().Keyspace; ks != "lesson01" {
		t.Errorf("keyspace after EnterLesson = %s, want lesson01", ks)
	}
	if c.Sandbox.Catalog().Table("lesson01", "t") == nil {
		t.Errorf("EnterLesson dropped the lesson's table")
	}
	bad, badIt := exerciseLesson(t, "CREATE TABLE t (k int PRIMARY KEY);\nSELECT * FROM nope;", "- last: {row_count: 1}")
	err = c.Start(ctx, bad, badIt)
	var se *SetupError
	if !errorsAs(err, &se) || se.Statement != "SELECT * FROM nope" || !strings.Contains(err.Error(), "exercise 01-x/ex: setup statement") {
		t.Errorf("Start with a failing setup = %v, want a SetupError naming the statement", err)
	}
}

func TestCheckCancelled(t *testing.T) {
	c := newChecker(t)
	l, it := exerciseLesson(t, usersSetup, "- rows:\n    query: SELECT name FROM users WHERE id = 1\n    expect: [[Alice]]")
	if err := c.Start(context.Background(), l, it); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Check(ctx, English, l, it, nil); err == nil {
		t.Errorf("Check with a cancelled context succeeded, want an error")
	}
	if err := c.Start(ctx, l, it); err == nil {
		t.Errorf("Start with a cancelled context succeeded, want an error")
	}
}

func TestIsCQLStatement(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"SELECT * FROM t", true},
		{"use ks", true},
		{"  insert into t (k) values (1)", true},
		{"CONSISTENCY QUORUM", false},
		{"tracing on", false},
		{"DESCRIBE TABLES", false},
		{"NODE 2 DOWN", false},
		{"LOAD DATASET chat", false},
		{"SHOW DISTRIBUTION t", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsCQLStatement(tt.src); got != tt.want {
			t.Errorf("IsCQLStatement(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
