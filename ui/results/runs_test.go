package results

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// showKeys returns SHOW KEYS of lesson 01's post: keys that share a long
// start (keyspace, table, token, partition key) and differ at the end.
func showKeys(t testing.TB) (string, *sandbox.Result) {
	t.Helper()
	stmt := "SHOW KEYS test_table"
	res, err := run(t,
		"CREATE KEYSPACE lesson01 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}",
		"USE lesson01",
		"CREATE TABLE test_table (id text PRIMARY KEY, body text, keyword map<text, text>)",
		"INSERT INTO test_table (id, body, keyword) VALUES ('01', 'Intro to data modelling', {'author': 'Iwasaki', 'nosql': 'cassandra'}) USING TIMESTAMP 1000",
		stmt)
	if err != nil {
		t.Fatal(err)
	}
	return stmt, res
}

func TestViewShowKeys(t *testing.T) {
	stmt, res := showKeys(t)
	goldenViews(t, 9, func(m *Model) {
		m.SetResult(stmt, res, nil, 1)
		if m.width == 40 {
			// The key column is the second: at 40 cells it has the pane
			// to itself.
			*m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
		}
	})
}

func TestLongKeysKeepTheirDistinctiveEnd(t *testing.T) {
	stmt, res := showKeys(t)
	ends := []string{"(row marker)", "/body", "(collection deletion)", "keyword['author']", "keyword['nosql']"}
	for _, w := range widths {
		for _, lang := range langs {
			m := New(lang, theme.New(true))
			m.SetSize(w, 12)
			m.SetResult(stmt, res, nil, 1)
			if w == 40 {
				m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
			}
			view := ansi.Strip(m.View())
			for _, end := range ends {
				if !strings.Contains(view, end) {
					t.Errorf("%s at %d cells: %q is not on screen:\n%s", lang, w, end, view)
				}
			}
			if !strings.Contains(view, "lesson01.") {
				t.Errorf("%s at %d cells: the keys lost their start:\n%s", lang, w, view)
			}
		}
	}
}

func TestCommonPrefix(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"lesson01.t/1/row()/body", "lesson01.t/1/row()/tag", "lesson01.t/1/row()/"},
		{"abc", "abd", "ab"},
		{"日本語", "日本人", "日本"},
		{"abc", "", ""},
		{"abc", "abc", "abc"},
	}
	for _, tt := range tests {
		if got := commonPrefix(tt.a, tt.b); got != tt.want {
			t.Errorf("commonPrefix(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// failedRuns returns a submission of four statements, two of which fail.
func failedRuns(t testing.TB) []Run {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	var runs []Run
	for _, stmt := range []string{
		"CREATE TABLE t (k int PRIMARY KEY, v text)",
		"INSERT INTO t (k, x) VALUES (1, 'a')",
		"SELEC * FROM t",
		"SELECT * FROM t",
	} {
		res, err := sb.Exec(context.Background(), stmt)
		runs = append(runs, Run{Stmt: stmt, Res: res, Err: err})
	}
	if runs[1].Err == nil || runs[2].Err == nil || runs[3].Err != nil {
		t.Fatalf("setup: errors %v, %v, %v; want the second and third to fail", runs[1].Err, runs[2].Err, runs[3].Err)
	}
	return runs
}

func TestViewFailedStatements(t *testing.T) {
	runs := failedRuns(t)
	goldenViews(t, 17, func(m *Model) { m.SetRuns(runs) })
}

func TestFailedStatementsAreListedAndBrowsable(t *testing.T) {
	runs := failedRuns(t)
	for _, h := range []int{6, 12, 17} {
		m := New(lessons.English, theme.New(true))
		m.SetSize(80, h)
		m.SetRuns(runs)
		view := ansi.Strip(m.View())
		if !strings.Contains(view, "2 of 4 statements failed") {
			t.Errorf("height %d: view does not count the failures:\n%s", h, view)
		}
		if !strings.Contains(view, "(last of 4) SELECT * FROM t") {
			t.Errorf("height %d: view does not show the last statement:\n%s", h, view)
		}
		if h >= 12 && (!strings.Contains(view, "Undefined column name x") || !strings.Contains(view, "SELEC * FROM t")) {
			t.Errorf("height %d: the failed statements and their errors are not listed:\n%s", h, view)
		}
	}

	m := New(lessons.English, theme.New(true))
	m.SetSize(80, 17)
	m.SetRuns(runs)
	if got := m.HelpKeys()[0].Help().Key; got != "[/]" {
		t.Errorf("first help key = %q, want [/] after a submission of several statements", got)
	}
	for _, k := range []rune{'[', '[', '[', '['} {
		m, _ = m.Update(tea.KeyPressMsg{Code: k, Text: string(k)})
	}
	view := ansi.Strip(m.View())
	if m.Showing() != 0 || !strings.Contains(view, "(1 of 4) CREATE TABLE") {
		t.Errorf("after [ x4, showing statement %d:\n%s", m.Showing(), view)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: ']', Text: "]"})
	view = ansi.Strip(m.View())
	if m.Showing() != 1 || !strings.Contains(view, "(2 of 4) INSERT INTO t") || !strings.Contains(squeeze(view), "Undefinedcolumnnamex") {
		t.Errorf("after ], showing statement %d, want the failed INSERT with its error:\n%s", m.Showing(), view)
	}

	single := New(lessons.English, theme.New(true))
	single.SetRuns(runs[3:])
	if len(single.HelpKeys()) != len(single.KeyMap.ShortHelp()) {
		t.Error("[ and ] are offered for a single statement")
	}
}

func TestUnavailableHintDependsOnTheLevel(t *testing.T) {
	tests := []struct {
		e         *cqlerr.Error
		want, not string
	}{
		{&cqlerr.Error{Code: cqlerr.Unavailable, Consistency: "SERIAL", Required: 2, Alive: 1},
			"only 1 is up. Lowering CONSISTENCY does not help", "CONSISTENCY ONE"},
		{&cqlerr.Error{Code: cqlerr.Unavailable, Consistency: "LOCAL_SERIAL", Required: 2, Alive: 0},
			"only 0 are up. Lowering CONSISTENCY does not help", "CONSISTENCY ONE"},
		{&cqlerr.Error{Code: cqlerr.Unavailable, Consistency: "QUORUM", Required: 2, Alive: 1},
			"QUORUM needs 2 replicas and only 1 is up: lower the level (CONSISTENCY ONE)", ""},
		{&cqlerr.Error{Code: cqlerr.Unavailable, Consistency: "ONE", Required: 1, Alive: 0},
			"ONE needs 1 replica and only 0 are up: no lower level helps", "CONSISTENCY ONE"},
		{&cqlerr.Error{Code: cqlerr.Unavailable}, "lower it (CONSISTENCY ONE)", ""},
	}
	for _, tt := range tests {
		got := hint(lessons.English, tt.e)
		if !strings.Contains(got, tt.want) || tt.not != "" && strings.Contains(got, tt.not) {
			t.Errorf("hint(%s %d/%d) = %q, want %q without %q", tt.e.Consistency, tt.e.Alive, tt.e.Required, got, tt.want, tt.not)
		}
		if ja := hint(lessons.Japanese, tt.e); strings.Contains(ja, "needs") || ja == "" {
			t.Errorf("Japanese hint(%s) = %q", tt.e.Consistency, ja)
		}
	}
	// The sandbox's own error for an LWT without a quorum.
	_, err := run(t, "CREATE TABLE s (id int PRIMARY KEY, h text)", "NODE 2 DOWN", "NODE 3 DOWN",
		"INSERT INTO s (id, h) VALUES (1, 'a') IF NOT EXISTS")
	var e *cqlerr.Error
	if !errors.As(err, &e) || e.Code != cqlerr.Unavailable {
		t.Fatalf("the LWT failed with %v, want Unavailable", err)
	}
	if got := hint(lessons.English, e); !strings.Contains(got, "Lowering CONSISTENCY does not help") {
		t.Errorf("hint for the LWT's error %+v = %q, want it to say lowering CONSISTENCY does not help", e, got)
	}
}

func TestNotesAreShownInTheUILanguage(t *testing.T) {
	tests := []struct {
		stmts  []string
		en, ja string
		rest   string
	}{
		{[]string{"NODE 2 DOWN"}, "node2 is down.", "node2 を停止しました。", ""},
		{[]string{"HINTED HANDOFF OFF", "NODE 2 DOWN", "NODE 2 UP"}, "node2 is up. It missed every write", "node2 が復帰しました。", ""},
		{[]string{"HINTED HANDOFF ON"}, "HINTED HANDOFF set to ON", "ヒンテッドハンドオフ（HINTED HANDOFF）を ON にしました。", ""},
		{[]string{"READ REPAIR"}, "READ REPAIR is", "リードリペア（READ REPAIR）は", ""},
		{[]string{"TRACING ON", "TRACING ON"}, "TRACING is already ON", "トレース（TRACING）はすでに ON です。", ""},
		{[]string{"CONSISTENCY QUORUM"}, "Consistency level set to QUORUM.", "一貫性レベルを QUORUM にしました。", ""},
		{[]string{"CONSISTENCY"}, "Current consistency level is ONE.", "現在の一貫性レベルは ONE です。", ""},
		{[]string{"SERIAL CONSISTENCY LOCAL_SERIAL"}, "Serial consistency level set to LOCAL_SERIAL.", "シリアル一貫性レベルを LOCAL_SERIAL にしました。", ""},
		{[]string{"PAGING 50"}, "Page size: 50", "ページサイズ：50", ""},
		{[]string{"PAGING ON"}, "PAGING is already ON", "ページング（PAGING）はすでに ON です。", "ページサイズ：100"},
		{[]string{"NODES 5"}, "The cluster now has 5 nodes;", "クラスタのノード数を 5 にしました。", "node  | state"},
		{[]string{"LOAD DATASET magazines ROWS 1"}, "Loaded 1 row of dataset magazines into", "1 行をデータセット magazines から", ""},
	}
	for _, tt := range tests {
		res, err := run(t, tt.stmts...)
		if err != nil {
			t.Fatalf("%q: %v", tt.stmts, err)
		}
		if res.Note == nil {
			t.Fatalf("%q: no note in %+v", tt.stmts, res)
		}
		for _, lang := range langs {
			m := New(lang, theme.New(true))
			m.SetSize(80, 14)
			m.SetResult(tt.stmts[len(tt.stmts)-1], res, nil, 1)
			view := squeeze(m.View())
			want := tt.en
			if lang == lessons.Japanese {
				want = tt.ja
			}
			if !strings.Contains(view, squeeze(want)) || tt.rest != "" && lang == lessons.Japanese && !strings.Contains(view, squeeze(tt.rest)) {
				t.Errorf("%s %q: view does not say %q (then %q):\n%s", lang, tt.stmts, want, tt.rest, ansi.Strip(m.View()))
			}
			if lang == lessons.Japanese && strings.Contains(view, squeeze(tt.en)) {
				t.Errorf("%s %q: the English note %q is on screen", lang, tt.stmts, tt.en)
			}
		}
	}
	// An unknown note falls back on the sandbox's message.
	m := New(lessons.Japanese, theme.New(true))
	m.SetResult("X", &sandbox.Result{Message: "Something new.", Note: &sandbox.Note{ID: "new.thing"}}, nil, 1)
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Something new.") {
		t.Errorf("unknown note: view = %q, want the message", view)
	}
}

// squeeze drops styles and white space (a wrapped sentence spans lines).
func squeeze(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), "") }

func TestHintForMissingKeyParts(t *testing.T) {
	missing := &cqlerr.Error{Code: cqlerr.Invalid, Message: "Some partition key parts are missing: id", Offset: -1}
	tests := []struct {
		stmt string
		want i18n.ID
	}{
		{"INSERT INTO t (v) VALUES (1)", i18n.ErrHintKeyInsert},
		{"BEGIN BATCH INSERT INTO t (v) VALUES (1); APPLY BATCH", i18n.ErrHintKeyInsert},
		{"update t SET v = 1 WHERE name = 'a'", i18n.ErrHintKeyWrite},
		{"DELETE FROM t WHERE name = 'a'", i18n.ErrHintKeyWrite},
		{"SELECT * FROM t WHERE name = 'a'", i18n.ErrHintPartitionKey},
	}
	for _, tt := range tests {
		for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
			if got, want := hintFor(lang, missing, tt.stmt), i18n.T(lang, tt.want); got != want {
				t.Errorf("hintFor(%s, %q) = %q, want %q", lang, tt.stmt, got, want)
			}
		}
	}
}
