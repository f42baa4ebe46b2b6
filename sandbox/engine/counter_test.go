package engine

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

func TestIncrement(t *testing.T) {
	tests := []struct {
		name string
		op   plan.Operation
		want int64
		err  string
	}{
		{"increment", plan.Operation{Kind: plan.OpIncrement, Value: int64(5)}, 5, ""},
		{"decrement", plan.Operation{Kind: plan.OpDecrement, Value: int64(5)}, -5, ""},
		{"decrement of a negative", plan.Operation{Kind: plan.OpDecrement, Value: int64(-5)}, 5, ""},
		{"increment by the smallest long", plan.Operation{Kind: plan.OpIncrement, Value: int64(math.MinInt64)}, math.MinInt64, ""},
		{"decrement by the smallest long", plan.Operation{Kind: plan.OpDecrement, Value: int64(math.MinInt64)}, 0,
			"The negation of -9223372036854775808 overflows supported counter precision (signed 8 bytes integer)"},
		{"null increment", plan.Operation{Kind: plan.OpIncrement}, 0, "Invalid null value for counter increment"},
		{"null decrement", plan.Operation{Kind: plan.OpDecrement}, 0, "Invalid null value for counter increment"},
	}
	for _, tt := range tests {
		got, err := increment(&tt.op)
		msg := ""
		if err != nil {
			msg = cqlerr.As(err).Message
		}
		if got != tt.want || msg != tt.err {
			t.Errorf("%s: increment() = %d, %q, want %d, %q", tt.name, got, msg, tt.want, tt.err)
		}
	}
}

// TestCounterUpdatesSum checks that the increments of a batch are summed
// per counter cell, static cells once per partition, and that sums wrap
// around as Java longs do.
func TestCounterUpdatesSum(t *testing.T) {
	s := &schema.Column{Name: "s", Type: value.CounterType, Kind: schema.Static, Position: -1}
	n := &schema.Column{Name: "n", Type: value.CounterType, Kind: schema.Regular, Position: -1}
	tbl := schema.NewTable("ks", "t", 1, []*schema.Column{
		{Name: "k", Type: value.IntType, Kind: schema.PartitionKey, Position: 0},
		{Name: "c", Type: value.IntType, Kind: schema.Clustering, Position: 0}, s, n,
	})
	key := plan.PartitionKey{Values: []any{int32(1)}, Bytes: []byte{0, 0, 0, 1}}
	write := func(cks []int32, ops ...plan.Operation) *plan.Write {
		w := &plan.Write{Kind: plan.UpdateWrite, Table: tbl, Keys: []plan.PartitionKey{key}, Ops: ops}
		for _, ck := range cks {
			w.Clusterings = append(w.Clusterings, []any{ck})
		}
		return w
	}
	var cu counterUpdates
	for _, w := range []*plan.Write{
		write([]int32{1, 2}, plan.Operation{Column: n, Kind: plan.OpIncrement, Value: int64(2)},
			plan.Operation{Column: s, Kind: plan.OpIncrement, Value: int64(1)}),
		write([]int32{1}, plan.Operation{Column: n, Kind: plan.OpDecrement, Value: int64(5)}),
		write([]int32{2}, plan.Operation{Column: n, Kind: plan.OpIncrement, Value: int64(math.MaxInt64)}),
	} {
		if err := cu.add(w); err != nil {
			t.Fatalf("add() = %v", err)
		}
	}
	if len(cu.order) != 1 {
		t.Fatalf("add() made %d partitions, want 1", len(cu.order))
	}
	type cell struct {
		Static bool
		CK     []byte
		Col    string
		Delta  int64
	}
	var got []cell
	for _, r := range cu.order[0].rows {
		for i, c := range r.cols {
			got = append(got, cell{r.static, r.clustering, c.Name, r.deltas[i]})
		}
	}
	ck := func(v int32) []byte { return plan.EncodeClustering(tbl, []any{v}) }
	want := []cell{
		{false, ck(1), "n", -3},
		{true, nil, "s", 2},
		{false, ck(2), "n", math.MinInt64 + 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("summed increments (-want +got):\n%s", diff)
	}
}
