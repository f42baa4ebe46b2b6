package sandbox_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox"
)

// dropScenario drops and re-adds columns so that storage holds cells that
// reads must skip.
var dropScenario = []string{
	"CREATE TABLE t (k int, c int, v int, s int STATIC, w text, PRIMARY KEY (k, c))",
	"INSERT INTO t (k, c, v, s, w) VALUES (1, 1, 10, 100, 'a')",
	"UPDATE t SET v = 20 WHERE k = 1 AND c = 2",
	"ALTER TABLE t DROP (v, s)",
	"ALTER TABLE t ADD v int",
	"UPDATE t SET v = 30 WHERE k = 1 AND c = 3",
}

// dropQueries are what the scenario must read, before and after a
// restart.
var dropQueries = []struct {
	query string
	want  [][]any
}{
	{"SELECT k, c, v, w FROM t", [][]any{{int32(1), int32(1), nil, "a"}, {int32(1), int32(3), int32(30), nil}}},
	{"SELECT writetime(v) FROM t WHERE k = 1 AND c = 1", [][]any{{nil}}},
	{"SELECT COUNT(*) FROM t WHERE k = 1", [][]any{{int64(2)}}},
}

// TestDroppedColumnsSurviveRestart checks that the dropped columns of a
// table are saved with its schema: after a restart the old cells stay
// hidden, and a column of another type still cannot take their name.
func TestDroppedColumnsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	sb, err := sandbox.Open(sandbox.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, sb, dropScenario...)
	checkDropQueries(t, sb, "before restart")
	if err := sb.Close(); err != nil {
		t.Fatal(err)
	}
	sb, err = sandbox.Open(sandbox.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	checkDropQueries(t, sb, "after restart")
	refused := []struct {
		stmt, want string
	}{
		{"ALTER TABLE t ADD s int", "Cannot re-add previously dropped column 's' of kind REGULAR, incompatible with previous kind STATIC"},
		{"ALTER TABLE t ADD s text STATIC", "Cannot re-add previously dropped column 's' of type text, incompatible with previous type int"},
	}
	for _, r := range refused {
		_, err := sb.Exec(context.Background(), r.stmt)
		if err == nil || !strings.Contains(err.Error(), r.want) {
			t.Errorf("Exec(%q) after restart = %v, want an error saying %q", r.stmt, err, r.want)
		}
	}
}

func checkDropQueries(t *testing.T, sb *sandbox.Sandbox, when string) {
	t.Helper()
	for _, q := range dropQueries {
		res, err := sb.Exec(context.Background(), q.query)
		if err != nil {
			t.Fatalf("%s: Exec(%q) = %v", when, q.query, err)
		}
		if diff := cmp.Diff(q.want, res.Rows); diff != "" {
			t.Errorf("%s: %s rows differ (-want +got):\n%s", when, q.query, diff)
		}
	}
}

// TestExportSkipsDroppedCells checks that learnkv export writes no value
// of a dropped column, whether or not a column of that name came back.
func TestExportSkipsDroppedCells(t *testing.T) {
	sb := openMemory(t)
	mustExec(t, sb, dropScenario...)
	var script bytes.Buffer
	if err := sb.Export(context.Background(), &script); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(script.String(), "\n") {
		if strings.HasPrefix(line, "INSERT INTO learnkv.t ") {
			got = append(got, line)
		}
	}
	want := []string{
		"INSERT INTO learnkv.t (k, c, w) VALUES (1, 1, 'a');",
		"INSERT INTO learnkv.t (k, c, v) VALUES (1, 3, 30);",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("exported rows of t differ (-want +got):\n%s\nscript:\n%s", diff, script.String())
	}
}
