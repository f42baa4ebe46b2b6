package trace

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEventMatchesEventf checks that typed events read as Eventf's, also
// once the trace's room for arguments and events is used up.
func TestEventMatchesEventf(t *testing.T) {
	typed := New("SELECT 1", 1, "ONE")
	untyped := New("SELECT 1", 1, "ONE")
	replicas := []int{2, 3, 4}
	for i := range 12 {
		typed.Cost(i)
		untyped.Cost(i)
		typed.Event(i%4+1, "Read %d rows (%d storage keys) from %s, replicas %s", Int(i), Int(-i), String("users"), Nodes(replicas[:i%3+1]))
		untyped.Eventf(i%4+1, "Read %d rows (%d storage keys) from %s, replicas %s", i, -i, "users", nodeList(replicas[:i%3+1]))
		typed.Event(1, "Parsing")
		untyped.Eventf(1, "Parsing")
	}
	activities := func(tr *Trace) []string {
		var out []string
		for _, e := range tr.Events {
			out = append(out, e.Activity())
		}
		return out
	}
	if diff := cmp.Diff(activities(untyped), activities(typed)); diff != "" {
		t.Errorf("Event activities differ from Eventf's (-Eventf +Event):\n%s", diff)
	}
	if got, want := typed.Events[2].Activity(), "Read 1 rows (-1 storage keys) from users, replicas [node2, node3]"; got != want {
		t.Errorf("Events[2].Activity() = %q, want %q", got, want)
	}
	for i := range typed.Events {
		if typed.Events[i].Node != untyped.Events[i].Node || typed.Events[i].Micros != untyped.Events[i].Micros {
			t.Errorf("event %d: node %d at %d µs, want node %d at %d µs", i, typed.Events[i].Node, typed.Events[i].Micros,
				untyped.Events[i].Node, untyped.Events[i].Micros)
		}
	}
}

func TestQuietTraceKeepsNoEvents(t *testing.T) {
	tr := New("SELECT 1", 1, "ONE")
	tr.Quiet = true
	tr.Event(1, "Parsing %s", String("SELECT 1"))
	tr.AddPartition(Partition{Table: "ks.t"})
	if len(tr.Events) != 0 || tr.Partitions != nil {
		t.Errorf("quiet trace has %d events and partitions %v, want none", len(tr.Events), tr.Partitions)
	}
	var none *Trace
	none.Event(1, "Parsing") // a nil trace records nothing
}

func TestTracePartitionsAndNodes(t *testing.T) {
	tr := New("SELECT 1", 3, "ONE")
	if tr.Partitions != nil {
		t.Errorf("new trace has partitions %v, want nil", tr.Partitions)
	}
	for _, n := range []int{3, 1, 4, 1, 2} {
		tr.Touch(n)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 4}, tr.Nodes); diff != "" {
		t.Errorf("Nodes mismatch (-want +got):\n%s", diff)
	}
	for i := range 3 {
		tr.AddPartition(Partition{Table: "ks.t", Rows: i, Write: i == 1})
	}
	if got := tr.PartitionsRead(); got != 2 || tr.PartitionsWritten() != 1 || len(tr.Partitions) != 3 {
		t.Errorf("PartitionsRead() = %d, PartitionsWritten() = %d of %d, want 2, 1 of 3", got, tr.PartitionsWritten(), len(tr.Partitions))
	}
}

// TestNewTraceIsOneAllocation guards the cost of a trace for a point read.
func TestNewTraceIsOneAllocation(t *testing.T) {
	replicas := []int{1, 2, 3}
	n := testing.AllocsPerRun(100, func() {
		tr := New("SELECT * FROM users WHERE id = 1", 1, "ONE")
		tr.Touch(1)
		tr.Event(1, "Parsing %s", String(tr.Statement))
		tr.Event(1, "Executing single-partition query on %s: replicas %s, asking %s", String("users"), Nodes(replicas), Nodes(replicas[:1]))
		tr.Event(1, "Read %d rows (%d storage keys) from %s", Int(1), Int(4), String("users"))
		tr.AddPartition(Partition{Table: "ks.users", Key: "1", Replicas: replicas, Contacted: replicas[:1], Rows: 1})
	})
	if n != 1 {
		t.Errorf("a point read's trace costs %v allocations, want 1", n)
	}
}
