package tracepane

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/ui/theme"
)

// traced runs statements in a fresh sandbox and returns the last one's
// trace and the cluster's state after it.
func traced(t testing.TB, stmts ...string) (*trace.Trace, sandbox.ClusterStatus) {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	var res *sandbox.Result
	for _, s := range stmts {
		res, err = sb.Exec(context.Background(), s)
		if err != nil {
			t.Fatalf("Exec(%q): %v", s, err)
		}
	}
	if res == nil || res.Trace == nil {
		t.Fatalf("%q has no trace", stmts[len(stmts)-1])
	}
	return res.Trace, sb.Cluster()
}

func goldenViews(t *testing.T, height int, tr *trace.Trace, st *sandbox.ClusterStatus, keys ...tea.KeyPressMsg) {
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", lang, w), func(t *testing.T) {
				m := New(lang, theme.New(true))
				m.SetSize(w, height)
				m.SetCluster(st)
				m.SetTrace(tr)
				for _, k := range keys {
					m, _ = m.Update(k)
				}
				view := m.View()
				for i, line := range strings.Split(view, "\n") {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("line %d is %d cells wide, want %d: %q", i, got, w, ansi.Strip(line))
					}
				}
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}

const users = "CREATE TABLE users (id int PRIMARY KEY, name text)"

func TestViewEmpty(t *testing.T) {
	goldenViews(t, 6, nil, nil)
}

func TestViewSinglePartitionRead(t *testing.T) {
	tr, st := traced(t, users, "INSERT INTO users (id, name) VALUES (1, 'Alice')", "SELECT * FROM users WHERE id = 1")
	goldenViews(t, 22, tr, &st)
}

func TestViewFullScanWithFiltering(t *testing.T) {
	tr, st := traced(t, users, "INSERT INTO users (id, name) VALUES (1, 'Alice')",
		"INSERT INTO users (id, name) VALUES (2, 'Bob')",
		"SELECT * FROM users WHERE name = 'Bob' ALLOW FILTERING")
	if !tr.FullScan || !tr.Filtering {
		t.Fatalf("trace FullScan = %v, Filtering = %v, want both", tr.FullScan, tr.Filtering)
	}
	goldenViews(t, 24, tr, &st)
}

func TestViewLightweightTransaction(t *testing.T) {
	tr, st := traced(t, users, "INSERT INTO users (id, name) VALUES (1, 'Alice') IF NOT EXISTS")
	goldenViews(t, 24, tr, &st)
}

func TestViewBatchWithNodeDown(t *testing.T) {
	tr, st := traced(t, users, "NODE 3 DOWN",
		"BEGIN BATCH INSERT INTO users (id, name) VALUES (1, 'a'); INSERT INTO users (id, name) VALUES (2, 'b'); APPLY BATCH")
	goldenViews(t, 24, tr, &st)
}

func TestViewActivity(t *testing.T) {
	tr, st := traced(t, users, "SELECT * FROM users WHERE id = 1")
	goldenViews(t, 24, tr, &st, tea.KeyPressMsg{Code: 'a', Text: "a"})
}

func TestRoles(t *testing.T) {
	tr := &trace.Trace{Coordinator: 1, Partitions: []trace.Partition{
		{Replicas: []int{2, 3, 4}, Contacted: []int{2}},
		{Replicas: []int{1, 2, 3}, Contacted: []int{3}, Write: true},
	}}
	st := &sandbox.ClusterStatus{Nodes: []sandbox.NodeStatus{{Node: 1}, {Node: 2}, {Node: 3}, {Node: 4, Down: true}, {Node: 5}}}
	n, roles, writes := drawer{tr: tr, cluster: st}.roles()
	if n != 5 {
		t.Errorf("roles: %d nodes, want 5", n)
	}
	want := map[int]role{1: replica, 2: asked, 3: asked, 4: down}
	for node, r := range want {
		if roles[node] != r {
			t.Errorf("roles[node%d] = %d, want %d", node, roles[node], r)
		}
	}
	if roles[5] != idle {
		t.Errorf("roles[node5] = %d, want idle", roles[5])
	}
	if !writes[3] || writes[2] {
		t.Errorf("writes = %v, want only node3", writes)
	}
}

func TestActivityKeyShowsTheLog(t *testing.T) {
	tr, st := traced(t, "CREATE TABLE t (k int PRIMARY KEY, v int)", "SELECT * FROM t WHERE k = 1")
	m := New(lessons.English, theme.New(true))
	m.SetSize(80, 10)
	m.SetCluster(&st)
	m.SetTrace(tr)
	if got := ansi.Strip(m.View()); strings.Contains(got, "Activity") {
		t.Fatalf("the log is on screen before a is pressed:\n%s", got)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
	if got := ansi.Strip(m.View()); !strings.Contains(got, "Activity") || !strings.Contains(got, "Executing") {
		t.Errorf("after a, the log is not on screen:\n%s", got)
	}
}
