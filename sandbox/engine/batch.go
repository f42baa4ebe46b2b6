package engine

import (
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
)

// Batch runs a planned BATCH. Every statement shares the batch's
// timestamp unless it gives its own, and updates of the same partition
// are merged into one mutation (so that, as in Cassandra, a batch may
// apply its statements in any order). A logged batch over several
// partitions first writes the batch log to two other nodes.
func (e *Engine) Batch(ctx *plan.Context, b *plan.Batch, opts WriteOptions, tr *trace.Trace) (*Result, error) {
	if b.Conditional {
		res, err := e.lwt(ctx, b.Writes, opts, tr)
		if res != nil {
			res.Warnings = append(res.Warnings, b.Warnings...)
		}
		return res, err
	}
	ts := e.Timestamp()
	if b.Timestamp != nil {
		ts = *b.Timestamp
	}
	type target struct {
		t  *schema.Table
		rf int
		u  *replica.Partition
	}
	var order []*target
	byKey := map[string]*target{}
	var counters counterUpdates
	for _, w := range b.Writes {
		if isCounterUpdate(w) {
			if err := counters.add(w); err != nil {
				return nil, err
			}
			continue
		}
		wts := ts
		if w.Timestamp != nil {
			wts = *w.Timestamp
		}
		ups, err := e.updates(w, wts, opts.Consistency, tr)
		if err != nil {
			return nil, err
		}
		for _, u := range ups {
			k := w.Table.QualifiedName() + "\x00" + string(u.Key)
			if tg, ok := byKey[k]; ok {
				tg.u.Merge(u)
				continue
			}
			tg := &target{t: w.Table, rf: w.RF, u: u}
			byKey[k] = tg
			order = append(order, tg)
		}
	}
	// Counter updates, at the batch's timestamp (counter batches take no
	// other), go with the batch's other changes to the same partition.
	for _, cp := range counters.order {
		k := cp.t.QualifiedName() + "\x00" + string(cp.key.Bytes)
		tg := byKey[k]
		var base *replica.Partition
		if tg != nil {
			base = tg.u
		}
		u, err := e.applyCounters(cp, base, ts, opts.Consistency, tr)
		if err != nil {
			return nil, err
		}
		if tg == nil {
			tg = &target{t: cp.t, rf: cp.rf, u: u}
			byKey[k] = tg
			order = append(order, tg)
		}
	}
	if b.Type == cql.LoggedBatch && len(order) > 1 {
		tr.BatchlogWrites = 2
		tr.Cost(trace.RoundTripMicros)
		tr.Eventf(tr.Coordinator, "Logged batch over %d partitions: writing the batch log to 2 nodes", len(order))
	}
	for _, tg := range order {
		if err := e.Cluster.Write(tg.t, tg.rf, tg.u, opts.Consistency, tr); err != nil {
			return nil, err
		}
	}
	if tr.BatchlogWrites > 0 {
		tr.Cost(trace.RoundTripMicros)
		tr.Eventf(tr.Coordinator, "Removing the batch log entry")
	}
	return &Result{Warnings: b.Warnings, Trace: tr}, nil
}
