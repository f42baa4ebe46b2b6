package lessons

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const chatSetup = `CREATE TABLE chat (id text PRIMARY KEY, body text, reaction map<text, text>, tags set<text>, edits list<text>, frozen_reaction frozen<map<text, text>>);
INSERT INTO chat (id, body, reaction) VALUES ('01', 'hello', {'sugiyama': 'reaction 1', 'mano': 'reaction 1'});`

const noTombstones = "- last:\n    collection_tombstones: 0"

func TestLastCollectionTombstones(t *testing.T) {
	const tooMany = "expected your last statement to write 0 collection tombstones; it wrote 1 collection tombstone, because it overwrote or deleted the whole of reaction. Change single elements instead: reaction['key'] = value, "
	const tooManyJA = "最後に実行した文が書き込むコレクションのトゥームストーンは 0 個のはずですが、1 個書き込みました（reaction の全体を上書きまたは削除しています）。要素単位で変更してください。例：reaction['キー'] = 値、"
	fails := func(name, stmt string) checkCase {
		return checkCase{name: name, setup: chatSetup, checks: noTombstones, learner: []string{stmt}, wantEN: tooMany, wantJA: tooManyJA}
	}
	passes := func(name string, stmts ...string) checkCase {
		return checkCase{name: name, setup: chatSetup, checks: noTombstones, learner: stmts}
	}
	runCheckCases(t, []checkCase{
		fails("whole map", "UPDATE chat SET reaction = {'iwasaki': 'reaction 2', 'sugiyama': 'reaction 1'} WHERE id = '01'"),
		fails("whole map with other columns", "UPDATE chat SET body = 'x', reaction = {} WHERE id = '01'"),
		fails("map set to null", "UPDATE chat SET reaction = null WHERE id = '01'"),
		fails("whole map deleted", "DELETE reaction FROM chat WHERE id = '01'"),
		fails("insert with a map", "INSERT INTO chat (id, reaction) VALUES ('01', {'iwasaki': 'reaction 2'})"),
		{name: "insert json nulls the other collections", setup: chatSetup, checks: noTombstones,
			learner: []string{`INSERT INTO chat JSON '{"id": "01", "reaction": {"iwasaki": "reaction 2"}}'`},
			wantEN:  "it wrote 3 collection tombstones, because it overwrote or deleted the whole of edits, reaction, tags.",
			wantJA:  "3 個書き込みました（edits, reaction, tags の全体を上書きまたは削除しています）"},
		fails("batch", "BEGIN BATCH UPDATE chat SET body = 'x' WHERE id = '01'; UPDATE chat SET reaction = {'a': 'b'} WHERE id = '01'; APPLY BATCH"),
		fails("applied lwt", "UPDATE chat SET reaction = {'a': 'b'} WHERE id = '01' IF EXISTS"),
		{name: "after an element update the rewrite counts", setup: chatSetup, checks: noTombstones,
			learner: []string{"UPDATE chat SET reaction['x'] = 'y' WHERE id = '01'", "UPDATE chat SET reaction = {'x': 'y'} WHERE id = '01'"},
			wantEN:  tooMany, wantJA: tooManyJA},
		passes("set one entry", "UPDATE chat SET reaction['iwasaki'] = 'reaction 2' WHERE id = '01'"),
		passes("add entries", "UPDATE chat SET reaction = reaction + {'iwasaki': 'reaction 2'} WHERE id = '01'"),
		passes("remove entries", "UPDATE chat SET reaction = reaction - {'mano'} WHERE id = '01'"),
		passes("delete one entry", "DELETE reaction['mano'] FROM chat WHERE id = '01'"),
		passes("entry set to null", "UPDATE chat SET reaction['mano'] = null WHERE id = '01'"),
		passes("both changes in a batch", "BEGIN BATCH UPDATE chat SET reaction['iwasaki'] = 'reaction 2' WHERE id = '01'; DELETE reaction['mano'] FROM chat WHERE id = '01'; APPLY BATCH"),
		passes("frozen map is one cell", "UPDATE chat SET frozen_reaction = {'a': 'b'} WHERE id = '01'"),
		passes("row deletion", "DELETE FROM chat WHERE id = '01'"),
		passes("lwt not applied", "UPDATE chat SET reaction = {'a': 'b'} WHERE id = '02' IF EXISTS"),
		passes("a select", "SELECT reaction FROM chat WHERE id = '01'"),
		passes("a rewrite before the last statement", "UPDATE chat SET reaction = {'x': 'y'} WHERE id = '01'", "DELETE reaction['x'] FROM chat WHERE id = '01'"),
		{name: "set example", setup: chatSetup, checks: noTombstones, learner: []string{"UPDATE chat SET tags = {'a'} WHERE id = '01'"},
			wantEN: "the whole of tags. Change single elements instead: tags = tags + {element} or tags = tags - {element}",
			wantJA: "例：tags = tags + {要素}、tags = tags - {要素}"},
		{name: "list example", setup: chatSetup, checks: noTombstones, learner: []string{"UPDATE chat SET edits = ['a'], tags = {} WHERE id = '01'"},
			wantEN: "it wrote 2 collection tombstones, because it overwrote or deleted the whole of edits, tags. Change single elements instead: edits[index] = value",
			wantJA: "2 個書き込みました（edits, tags の全体を上書きまたは削除しています）。要素単位で変更してください。例：edits[インデックス] = 値"},
		{name: "failed statement", setup: chatSetup, checks: noTombstones, learner: []string{"UPDATE chat SET reaction = 1 WHERE id = '01'"},
			wantEN: "expected your last statement to succeed; it failed with InvalidRequest", wantJA: "最後に実行した文は成功するはずですが、InvalidRequest で失敗しました"},
		{name: "no statement", setup: chatSetup, checks: noTombstones,
			wantEN: "expected you to run a CQL statement first", wantJA: "まず CQL 文を実行してください"},
		{name: "at least one wanted", setup: chatSetup, checks: "- last:\n    collection_tombstones: {min: 1}",
			learner: []string{"UPDATE chat SET reaction['a'] = 'b' WHERE id = '01'"},
			wantEN:  "expected your last statement to write at least 1 collection tombstone; it wrote 0 collection tombstones (it overwrote or deleted no whole collection): UPDATE chat",
			wantJA:  "最後に実行した文が書き込むコレクションのトゥームストーンは 1 個以上のはずですが、0 個でした（コレクション全体の上書きも削除もしていません）"},
		{name: "at least one wanted pass", setup: chatSetup, checks: "- last:\n    collection_tombstones: {min: 1}",
			learner: []string{"INSERT INTO chat (id, reaction) VALUES ('02', {'a': 'b'})"}},
		{name: "too few of some", setup: chatSetup, checks: "- last:\n    collection_tombstones: 2",
			learner: []string{"INSERT INTO chat (id, reaction) VALUES ('02', {'a': 'b'})"},
			wantEN:  "expected your last statement to write 2 collection tombstones; it wrote 1 collection tombstone (overwriting or deleting the whole of reaction)",
			wantJA:  "コレクションのトゥームストーンは 2 個のはずですが、1 個でした（reaction の全体を上書きまたは削除しています）"},
		{name: "with rows", setup: chatSetup, checks: "- last:\n    collection_tombstones: 0\n    row_count: 1",
			learner: []string{"SELECT reaction FROM chat WHERE id = '01'"}},
	})
}

// TestLastCollectionTombstonesKeyspace checks that the last statement is
// planned in the keyspace it ran in, not the lesson's.
func TestLastCollectionTombstonesKeyspace(t *testing.T) {
	c := newChecker(t)
	ctx := context.Background()
	l, it := exerciseLesson(t, "CREATE TABLE chat (id text PRIMARY KEY, reaction frozen<map<text, text>>);", noTombstones)
	if err := c.Start(ctx, l, it); err != nil {
		t.Fatalf("Start: %v", err)
	}
	for _, s := range []string{
		"CREATE KEYSPACE other WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
		"USE other",
		"CREATE TABLE chat (id text PRIMARY KEY, reaction map<text, text>)",
	} {
		if _, err := c.Sandbox.Exec(ctx, s); err != nil {
			t.Fatalf("Exec(%q): %v", s, err)
		}
	}
	stmt := "UPDATE chat SET reaction = {'a': 'b'} WHERE id = '01'"
	res, err := c.Sandbox.Exec(ctx, stmt)
	if err != nil {
		t.Fatalf("Exec(%q): %v", stmt, err)
	}
	out, err := c.Check(ctx, English, l, it, &Attempt{Statement: stmt, Result: res})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if out.Passed {
		t.Errorf("Check(%q in keyspace other) passed, want a failure: other.chat.reaction is not frozen", stmt)
	}
}

func TestCollectionTombstoneCount(t *testing.T) {
	setup := []string{
		"CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
		"USE ks",
		"CREATE TABLE room (room text, sent int, members set<text> STATIC, reaction map<text, text>, body text, PRIMARY KEY (room, sent))",
		"CREATE TABLE chat (id text PRIMARY KEY, reaction map<text, text>)",
		"CREATE TYPE address (street text, city text)",
		"CREATE TABLE people (id int PRIMARY KEY, home address, work frozen<address>)",
	}
	tests := []struct {
		stmt        string
		want        int
		wantColumns []string
	}{
		{"UPDATE chat SET reaction = {} WHERE id = 'a'", 1, []string{"reaction"}},
		{"UPDATE chat SET reaction = {} WHERE id IN ('a', 'b', 'c')", 3, []string{"reaction"}},
		{"  update chat set REACTION = {} where id = 'a' ;\n", 1, []string{"reaction"}},
		{"-- rewrite it\nUPDATE ks.chat SET reaction = {} WHERE id = 'a'", 1, []string{"reaction"}},
		{"UPDATE chat SET reaction['x'] = 'y' WHERE id IN ('a', 'b')", 0, nil},
		{"UPDATE room SET reaction = {} WHERE room = 'r' AND sent IN (1, 2)", 2, []string{"reaction"}},
		{"UPDATE room SET members = {'a'} WHERE room = 'r'", 1, []string{"members"}},
		{"UPDATE room SET members = {'a'}, reaction = {} WHERE room = 'r' AND sent IN (1, 2)", 3, []string{"members", "reaction"}},
		{"INSERT INTO room (room, sent, members, reaction) VALUES ('r', 1, {'a'}, {'k': 'v'})", 2, []string{"members", "reaction"}},
		{"INSERT INTO room (room, sent, body) VALUES ('r', 1, 'x')", 0, nil},
		{"DELETE members FROM room WHERE room = 'r'", 1, []string{"members"}},
		{"DELETE FROM room WHERE room = 'r'", 0, nil},
		{"DELETE reaction['k'] FROM room WHERE room = 'r' AND sent = 1", 0, nil},
		{"UPDATE people SET home = {street: 'a', city: 'b'} WHERE id = 1", 1, []string{"home"}},
		{"UPDATE people SET home.city = 'b' WHERE id = 1", 0, nil},
		{"UPDATE people SET work = {street: 'a', city: 'b'} WHERE id = 1", 0, nil},
		{"BEGIN BATCH UPDATE chat SET reaction = {} WHERE id = 'a'; UPDATE chat SET reaction = {} WHERE id = 'b'; APPLY BATCH", 2, []string{"reaction"}},
		{"SELECT * FROM chat", 0, nil},
		{"CREATE TABLE t (k int PRIMARY KEY, m map<int, int>)", 0, nil},
	}
	c := newChecker(t)
	ctx := context.Background()
	for _, s := range setup {
		if _, err := c.Sandbox.Exec(ctx, s); err != nil {
			t.Fatalf("Exec(%q): %v", s, err)
		}
	}
	for _, tt := range tests {
		got, err := collectionTombstones(c.Sandbox.Catalog(), "ks", tt.stmt, nil)
		if err != nil {
			t.Errorf("collectionTombstones(%q) error: %v", tt.stmt, err)
			continue
		}
		var cols []string
		for _, col := range got.columns {
			cols = append(cols, col.Name)
		}
		if got.tombstones != tt.want || !cmp.Equal(cols, tt.wantColumns) {
			t.Errorf("collectionTombstones(%q) = %d %v, want %d %v", tt.stmt, got.tombstones, cols, tt.want, tt.wantColumns)
		}
	}
	for _, bad := range []string{"UPDATE nope SET m = {} WHERE k = 1", "UPDATE chat SET", ""} {
		if _, err := collectionTombstones(c.Sandbox.Catalog(), "ks", bad, nil); err == nil {
			t.Errorf("collectionTombstones(%q) succeeded, want an error", bad)
		}
	}
}
