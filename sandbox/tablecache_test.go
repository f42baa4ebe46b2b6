package sandbox_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSelectStarAfterSchemaChange checks that SELECT * follows ALTER
// TABLE and DROP/CREATE TABLE (planning keeps per-table data between
// statements).
func TestSelectStarAfterSchemaChange(t *testing.T) {
	sb := openMemory(t)
	names := func(stmt string) []string {
		res := mustExec(t, sb, stmt)
		var out []string
		for _, c := range res.Columns {
			out = append(out, c.Name)
		}
		return out
	}
	mustExec(t, sb, "CREATE TABLE t (k int PRIMARY KEY, v int)", "INSERT INTO t (k, v) VALUES (1, 2)")
	steps := []struct {
		ddl  string
		want []string
	}{
		{"", []string{"k", "v"}},
		{"ALTER TABLE t ADD w text", []string{"k", "v", "w"}},
		{"ALTER TABLE t DROP v", []string{"k", "w"}},
		{"DROP TABLE t", nil},
		{"CREATE TABLE t (k int PRIMARY KEY, a int, b int)", []string{"k", "a", "b"}},
	}
	for _, st := range steps {
		if st.ddl != "" {
			mustExec(t, sb, st.ddl)
		}
		if st.want == nil {
			continue
		}
		if diff := cmp.Diff(st.want, names("SELECT * FROM t")); diff != "" {
			t.Errorf("after %q: SELECT * columns mismatch (-want +got):\n%s", st.ddl, diff)
		}
	}
}
