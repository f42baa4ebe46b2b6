package sandbox_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/trace"
)

func openMemory(t *testing.T) *sandbox.Sandbox {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	return sb
}

func mustExec(t *testing.T, sb *sandbox.Sandbox, stmts ...string) *sandbox.Result {
	t.Helper()
	var res *sandbox.Result
	for _, s := range stmts {
		var err error
		res, err = sb.Exec(context.Background(), s)
		if err != nil {
			t.Fatalf("Exec(%q) = %v", s, err)
		}
	}
	return res
}

// TestTraceCounts checks what the trace reports for the query shapes
// lessons compare: a point read at ONE and ALL, a partition scan, an IN
// query, and an ALLOW FILTERING scan.
func TestTraceCounts(t *testing.T) {
	sb := openMemory(t)
	mustExec(t, sb, "CREATE TABLE t (k int, c int, v int, PRIMARY KEY (k, c))")
	for k := 0; k < 20; k++ {
		for c := 0; c < 5; c++ {
			mustExec(t, sb, fmt.Sprintf("INSERT INTO t (k, c, v) VALUES (%d, %d, %d)", k, c, k*10+c))
		}
	}
	tests := []struct {
		name        string
		consistency string
		query       string
		partitions  int
		contacted   int // replicas contacted per partition
		nodes       int // nodes that did work, coordinator included (-1: don't check)
		scanned     int
		returned    int
		fullScan    bool
	}{
		{"point read at ONE", "ONE", "SELECT * FROM t WHERE k = 1 AND c = 2", 1, 1, -1, 1, 1, false},
		{"point read at ALL", "ALL", "SELECT * FROM t WHERE k = 1 AND c = 2", 1, 3, -1, 1, 1, false},
		{"point read at QUORUM", "QUORUM", "SELECT * FROM t WHERE k = 1 AND c = 2", 1, 2, -1, 1, 1, false},
		{"partition scan", "ONE", "SELECT * FROM t WHERE k = 3", 1, 1, -1, 5, 5, false},
		{"IN query", "ONE", "SELECT * FROM t WHERE k IN (1, 2, 3)", 3, 1, -1, 15, 15, false},
		{"ALLOW FILTERING scan", "ONE", "SELECT * FROM t WHERE v = 42 ALLOW FILTERING", 20, 0, 4, 100, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mustExec(t, sb, "CONSISTENCY "+tc.consistency)
			res := mustExec(t, sb, tc.query)
			tr := res.Trace
			if got := tr.PartitionsRead(); got != tc.partitions {
				t.Errorf("partitions read = %d, want %d", got, tc.partitions)
			}
			for _, p := range tr.Partitions {
				if len(p.Replicas) != 3 {
					t.Errorf("partition %s has %d replicas, want 3", p.Key, len(p.Replicas))
				}
				if len(p.Contacted) != tc.contacted {
					t.Errorf("partition %s: %d replicas contacted, want %d", p.Key, len(p.Contacted), tc.contacted)
				}
			}
			if tc.nodes >= 0 && len(tr.Nodes) != tc.nodes {
				t.Errorf("nodes = %v, want %d nodes", tr.Nodes, tc.nodes)
			}
			if tr.RowsScanned != tc.scanned || tr.RowsReturned != tc.returned {
				t.Errorf("rows scanned/returned = %d/%d, want %d/%d", tr.RowsScanned, tr.RowsReturned, tc.scanned, tc.returned)
			}
			if tr.FullScan != tc.fullScan {
				t.Errorf("full scan = %v, want %v", tr.FullScan, tc.fullScan)
			}
			if tr.KeysRead == 0 {
				t.Error("no storage keys read")
			}
		})
	}
}

// TestTraceWrites checks writes, LWT round trips and logged batches.
func TestTraceWrites(t *testing.T) {
	sb := openMemory(t)
	mustExec(t, sb, "CREATE TABLE t (k int PRIMARY KEY, v int)")
	res := mustExec(t, sb, "INSERT INTO t (k, v) VALUES (1, 1)")
	if got := res.Trace.PartitionsWritten(); got != 1 {
		t.Errorf("INSERT wrote %d partitions, want 1", got)
	}
	// Row marker + v on each of 3 replicas.
	if got := res.Trace.KeysWritten; got != 6 {
		t.Errorf("INSERT wrote %d keys, want 6 (marker and cell on 3 replicas)", got)
	}
	res = mustExec(t, sb, "UPDATE t SET v = 2 WHERE k = 1 IF v = 1")
	if got := res.Trace.PaxosRoundTrips; got != 4 {
		t.Errorf("applied LWT took %d Paxos round trips, want 4 (prepare, read, propose, commit)", got)
	}
	res = mustExec(t, sb, "UPDATE t SET v = 3 WHERE k = 1 IF v = 1")
	if got := res.Trace.PaxosRoundTrips; got != 3 {
		t.Errorf("rejected LWT took %d Paxos round trips, want 3 (prepare, read, propose of an empty update; CASSANDRA-12126)", got)
	}
	res = mustExec(t, sb, "BEGIN BATCH INSERT INTO t (k, v) VALUES (2, 2); INSERT INTO t (k, v) VALUES (3, 3); APPLY BATCH")
	if got := res.Trace.BatchlogWrites; got != 2 {
		t.Errorf("logged batch over 2 partitions wrote the batch log %d times, want 2", got)
	}
	res = mustExec(t, sb, "BEGIN UNLOGGED BATCH INSERT INTO t (k, v) VALUES (2, 2); INSERT INTO t (k, v) VALUES (3, 3); APPLY BATCH")
	if got := res.Trace.BatchlogWrites; got != 0 {
		t.Errorf("unlogged batch wrote the batch log %d times, want 0", got)
	}
	mustExec(t, sb, "TRACE KEYS ON")
	res = mustExec(t, sb, "SELECT * FROM t WHERE k = 1")
	if len(res.Trace.Keys) != res.Trace.KeysRead || len(res.Trace.Keys) == 0 {
		t.Errorf("TRACE KEYS listed %d keys for %d read", len(res.Trace.Keys), res.Trace.KeysRead)
	}
	var _ *trace.Trace = res.Trace
}

// TestDistributionSkewed loads the skewed orders dataset and checks what
// the distribution reports: the celebrity partition, a hot node, the
// skew warning.
func TestDistributionSkewed(t *testing.T) {
	sb := openMemory(t)
	mustExec(t, sb, "LOAD DATASET orders_skewed ROWS 5000")
	d, err := sb.Distribution(context.Background(), "", "orders_by_user")
	if err != nil {
		t.Fatal(err)
	}
	if d.Rows != 5000 {
		t.Errorf("rows = %d, want 5000", d.Rows)
	}
	if d.Largest[0].Key != "'celebrity'" || d.Largest[0].Rows < 1800 || d.Largest[0].Rows > 2200 {
		t.Errorf("largest partition = %s with %d rows, want 'celebrity' with about 2000", d.Largest[0].Key, d.Largest[0].Rows)
	}
	if d.Skew < 1.5 {
		t.Errorf("skew = %.2f, want >= 1.5", d.Skew)
	}
	total, replicas := 0, 0
	for _, n := range d.Nodes {
		total += n.PrimaryRows
		replicas += n.ReplicaRows
	}
	if total != 5000 || replicas != 15000 {
		t.Errorf("primary rows sum to %d and replica rows to %d, want 5000 and 15000 (RF 3)", total, replicas)
	}
	owner := d.Nodes[d.Largest[0].Owner-1]
	for _, n := range d.Nodes {
		if n.PrimaryRows > owner.PrimaryRows {
			t.Errorf("node%d has more primary rows (%d) than the celebrity's owner node%d (%d)", n.Node, n.PrimaryRows, owner.Node, owner.PrimaryRows)
		}
	}
	kinds := map[string]bool{}
	for _, w := range d.Warnings {
		kinds[w.Kind] = true
	}
	if !kinds["skew"] {
		t.Errorf("warnings = %v, want a skew warning", d.Warnings)
	}
	// The even dataset has no skew warning.
	mustExec(t, sb, "TRUNCATE orders_by_user", "LOAD DATASET orders ROWS 5000")
	d, err = sb.Distribution(context.Background(), "", "orders_by_user")
	if err != nil {
		t.Fatal(err)
	}
	if d.Skew > 1.3 {
		t.Errorf("even orders: skew = %.2f, want under 1.3", d.Skew)
	}
	for _, w := range d.Warnings {
		t.Errorf("even orders: unexpected warning %s", w.Text)
	}
}

// TestLimitStopsReading checks that LIMIT stops a partition read, forwards
// and backwards, and that tombstones below the limit trigger a re-read
// (short-read protection) instead of returning too few rows.
func TestLimitStopsReading(t *testing.T) {
	sb := openMemory(t)
	mustExec(t, sb, "CREATE TABLE m (room text, id int, body text, PRIMARY KEY (room, id)) WITH CLUSTERING ORDER BY (id DESC)")
	for i := 1; i <= 50; i++ {
		mustExec(t, sb, fmt.Sprintf("INSERT INTO m (room, id, body) VALUES ('r', %d, 'm%d')", i, i))
	}
	for _, tc := range []struct {
		query   string
		first   string
		scanned int
	}{
		{"SELECT id FROM m WHERE room = 'r' LIMIT 3", "50", 3},
		{"SELECT id FROM m WHERE room = 'r' ORDER BY id ASC LIMIT 2", "1", 2},
		{"SELECT id FROM m WHERE room = 'r' AND id < 10 LIMIT 4", "9", 4},
	} {
		res := mustExec(t, sb, tc.query)
		if got := fmt.Sprint(res.Rows[0][0]); got != tc.first {
			t.Errorf("%s: first row %s, want %s", tc.query, got, tc.first)
		}
		if res.Trace.RowsScanned != tc.scanned {
			t.Errorf("%s: scanned %d rows, want %d", tc.query, res.Trace.RowsScanned, tc.scanned)
		}
	}
	// Newest rows deleted with a range tombstone: the read must skip them.
	mustExec(t, sb, "DELETE FROM m WHERE room = 'r' AND id > 45")
	res := mustExec(t, sb, "SELECT id FROM m WHERE room = 'r' LIMIT 3")
	if got := fmt.Sprint(res.Rows); got != "[[45] [44] [43]]" {
		t.Errorf("after the range delete: rows %s, want [[45] [44] [43]]", got)
	}
}

// TestScanStopsAtItsLimit checks the trace of a range read with a LIMIT:
// it stops at the limit, as Cassandra's does, so it is no full scan and
// reads no rows past it; without a LIMIT it is a full scan.
func TestScanStopsAtItsLimit(t *testing.T) {
	sb := openMemory(t)
	mustExec(t, sb, "LOAD DATASET chat ROWS 600")
	tests := []struct {
		stmt         string
		full         bool
		scanned, ret int
	}{
		{"SELECT * FROM chat_messages LIMIT 3", false, 3, 3},
		{"SELECT * FROM chat_messages", true, 600, 600},
	}
	for _, tt := range tests {
		tr := mustExec(t, sb, tt.stmt).Trace
		if tr.FullScan != tt.full || tr.RowsScanned != tt.scanned || tr.RowsReturned != tt.ret {
			t.Errorf("%s: full scan %v, rows scanned %d, returned %d; want %v, %d, %d",
				tt.stmt, tr.FullScan, tr.RowsScanned, tr.RowsReturned, tt.full, tt.scanned, tt.ret)
		}
	}
}
