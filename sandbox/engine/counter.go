package engine

import (
	"bytes"
	"math"
	"sort"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Counter updates: the increments of a statement or batch are summed per
// counter cell, then each partition's update is applied by its leader
// replica (see cluster.CounterLeaderRead for the model and its limits).

// counterRow holds the increments to one row (or the static row) of a
// partition, per column, in the order the columns were first updated.
type counterRow struct {
	static     bool
	clustering []byte
	cols       []*schema.Column
	deltas     []int64
}

// counterPartition holds the increments to one partition.
type counterPartition struct {
	t    *schema.Table
	rf   int
	key  plan.PartitionKey
	rows []*counterRow
}

// add adds an increment to a counter cell.
func (cp *counterPartition) add(static bool, clustering []byte, col *schema.Column, delta int64) {
	var row *counterRow
	for _, r := range cp.rows {
		if r.static == static && bytes.Equal(r.clustering, clustering) {
			row = r
			break
		}
	}
	if row == nil {
		row = &counterRow{static: static, clustering: clustering}
		cp.rows = append(cp.rows, row)
	}
	for i, c := range row.cols {
		if c == col {
			row.deltas[i] += delta // wraps around, as Java's long does
			return
		}
	}
	row.cols = append(row.cols, col)
	row.deltas = append(row.deltas, delta)
}

// counterUpdates gathers counter increments, per partition, in the order
// the partitions were first updated.
type counterUpdates struct {
	order []*counterPartition
	byKey map[string]*counterPartition
}

// isCounterUpdate reports whether w increments or decrements counters.
func isCounterUpdate(w *plan.Write) bool {
	for _, op := range w.Ops {
		if op.Kind == plan.OpIncrement || op.Kind == plan.OpDecrement {
			return true
		}
	}
	return false
}

// increment returns the amount an increment or decrement operation adds,
// failing as Constants.Adder and Substracter do when they execute.
func increment(op *plan.Operation) (int64, error) {
	n, ok := op.Value.(int64)
	if !ok {
		return 0, cqlerr.Invalidf("Invalid null value for counter increment")
	}
	if op.Kind == plan.OpIncrement {
		return n, nil
	}
	if n == math.MinInt64 {
		return 0, cqlerr.Invalidf("The negation of %d overflows supported counter precision (signed 8 bytes integer)", n)
	}
	return -n, nil
}

// add gathers the increments of a counter UPDATE.
func (cu *counterUpdates) add(w *plan.Write) error {
	if cu.byKey == nil {
		cu.byKey = map[string]*counterPartition{}
	}
	for _, k := range w.Keys {
		id := w.Table.QualifiedName() + "\x00" + string(k.Bytes)
		cp := cu.byKey[id]
		if cp == nil {
			cp = &counterPartition{t: w.Table, rf: w.RF, key: k}
			cu.byKey[id] = cp
			cu.order = append(cu.order, cp)
		}
		clusterings := w.Clusterings
		if w.StaticOnly {
			clusterings = [][]any{nil}
		}
		for _, ck := range clusterings {
			var enc []byte
			if !w.StaticOnly {
				enc = plan.EncodeClustering(w.Table, ck)
			}
			for i := range w.Ops {
				op := &w.Ops[i]
				n, err := increment(op)
				if err != nil {
					return err
				}
				if op.Column.Kind == schema.Static {
					cp.add(true, nil, op.Column, n)
				} else {
					cp.add(false, enc, op.Column, n)
				}
			}
		}
	}
	return nil
}

// applyCounters has the leader of cp's partition read its current values and
// returns the update holding the new sums, written at timestamp ts.
// Cells go into base when it is not nil (the other changes a batch makes
// to the partition), where a deletion at the same timestamp wins over
// them, as in Cassandra.
func (e *Engine) applyCounters(cp *counterPartition, base *replica.Partition, ts int64, cl cluster.Consistency, tr *trace.Trace) (*replica.Partition, error) {
	var slices []replica.Slice
	for _, r := range cp.rows {
		if !r.static {
			slices = append(slices, replica.Slice{Start: replica.Bound{Prefix: r.clustering, Inclusive: true},
				End: replica.Bound{Prefix: r.clustering, Inclusive: true}})
		}
	}
	sort.Slice(slices, func(i, j int) bool { return bytes.Compare(slices[i].Start.Prefix, slices[j].Start.Prefix) < 0 })
	if slices == nil {
		slices = []replica.Slice{} // the static row only
	}
	local, err := e.Cluster.CounterLeaderRead(cp.t, cp.rf, cp.key.Bytes, cp.key.Token, replica.ReadOptions{Slices: slices}, cl, tr)
	if err != nil {
		return nil, err
	}
	static, rows := local.LiveView(e.nowSeconds())
	u := base
	if u == nil {
		u = replica.NewPartition(cp.key.Bytes, cp.key.Token)
	}
	for _, r := range cp.rows {
		src, target := static, u.StaticRow()
		if !r.static {
			src, target = nil, u.Row(r.clustering)
			for i := range rows {
				if bytes.Equal(rows[i].Clustering, r.clustering) {
					src = &rows[i]
					break
				}
			}
		}
		for i, col := range r.cols {
			cur, err := counterValue(src, col)
			if err != nil {
				return nil, err
			}
			cell := replica.Cell{TS: ts, Value: value.Marshal(value.CounterType, cur+r.deltas[i])}
			cd := target.ColumnFor(col.Name)
			cd.Cell = replica.Reconcile(cd.Cell, &cell)
		}
	}
	return u, nil
}

// counterValue returns the live value of a counter column in a row, 0
// when it has none.
func counterValue(r *replica.Row, col *schema.Column) (int64, error) {
	if r == nil {
		return 0, nil
	}
	d := r.Column(col.Name)
	if d == nil || d.Cell == nil {
		return 0, nil
	}
	v, err := value.Unmarshal(value.CounterType, d.Cell.Value)
	if err != nil {
		return 0, err
	}
	n, _ := v.(int64)
	return n, nil
}

// counterWrite runs a counter UPDATE: each partition's leader adds the
// increments to its current values and writes the sums to the replicas.
func (e *Engine) counterWrite(w *plan.Write, opts WriteOptions, tr *trace.Trace) (*Result, error) {
	var cu counterUpdates
	if err := cu.add(w); err != nil {
		return nil, err
	}
	ts := e.Timestamp()
	for _, cp := range cu.order {
		u, err := e.applyCounters(cp, nil, ts, opts.Consistency, tr)
		if err != nil {
			return nil, err
		}
		if err := e.Cluster.Write(cp.t, cp.rf, u, opts.Consistency, tr); err != nil {
			return nil, err
		}
	}
	return &Result{Warnings: w.Warnings, Trace: tr}, nil
}
