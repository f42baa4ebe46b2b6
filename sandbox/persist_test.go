package sandbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/store"
)

// TestPersistence reopens an on-disk sandbox: schema, data, the cluster's
// size and down nodes survive, and a second process on the same directory
// gets ErrLocked with a readable message.
func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	sb, err := sandbox.Open(sandbox.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, sb, "CREATE TABLE t (k int PRIMARY KEY, v text)", "INSERT INTO t (k, v) VALUES (1, 'one')",
		"NODES 5", "NODE 3 DOWN", "HINTED HANDOFF ON")
	if _, err := sandbox.Open(sandbox.Options{Dir: dir}); !errors.Is(err, store.ErrLocked) {
		t.Errorf("second Open on %s = %v, want ErrLocked", dir, err)
	} else if want := "in use by another learnkv process"; !strings.Contains(err.Error(), want) {
		t.Errorf("second Open error %q does not say %q", err, want)
	}
	if err := sb.Close(); err != nil {
		t.Fatal(err)
	}
	sb, err = sandbox.Open(sandbox.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	st := sb.Cluster()
	if len(st.Nodes) != 5 || !st.Nodes[2].Down || !st.HintedHandoff {
		t.Errorf("cluster after reopen = %d nodes, node3 down %v, hinted handoff %v; want 5, true, true",
			len(st.Nodes), len(st.Nodes) > 2 && st.Nodes[2].Down, st.HintedHandoff)
	}
	res, err := sb.Exec(context.Background(), "SELECT v FROM t WHERE k = 1")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0][0] != "one" {
		t.Errorf("rows after reopen = %v, want [[one]]", res.Rows)
	}
}
