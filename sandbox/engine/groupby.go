package engine

import (
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/value"
)

// grouper computes the rows of a GROUP BY query, as Cassandra's
// ResultSetBuilder does with a GroupMaker: the rows read (after filtering)
// are split into groups, each group is aggregated like an aggregate query
// (its non-aggregate selectors take the values of its first row), and
// each group gives one result row. Groups never span partitions, so a
// partition's end closes its last group.
//
// LIMIT counts groups, PER PARTITION LIMIT groups per partition
// (DataLimits.groupByLimits); with ORDER BY over several partitions (IN),
// the limit applies after sorting instead.
type grouper struct {
	e   *Engine
	ctx *plan.Context
	p   *plan.Select
	// agg aggregates the open group; nil when no group is open.
	agg   *aggregator
	first *rowView
	// last holds the grouping values of the previous row: its clustering
	// and the output of the GROUP BY function.
	lastCK  []any
	lastFn  any
	inGroup int // groups opened in the current partition
	rows    []sortedRow
	done    bool
}

// newGrouper returns the grouper of a GROUP BY query.
func newGrouper(e *Engine, ctx *plan.Context, p *plan.Select) *grouper {
	return &grouper{e: e, ctx: ctx, p: p}
}

// add adds a row; it returns false once the query has all its groups.
func (g *grouper) add(v *rowView) (bool, error) {
	if g.done {
		return false, nil
	}
	gb := g.p.GroupBy
	var fn any
	if gb.Func != nil && v.row != nil {
		var err error
		if fn, err = g.e.eval(g.ctx, gb.Func, v); err != nil {
			return false, err
		}
	}
	if g.agg != nil && !g.isNew(v, fn) {
		g.lastCK, g.lastFn = v.ck, fn
		return true, g.agg.add(g.e, g.ctx, v)
	}
	// v starts a group.
	if err := g.close(); err != nil {
		return false, err
	}
	if g.full() {
		g.done = true
		return false, nil
	}
	if g.p.PerPartitionLimit > 0 && g.inGroup >= g.p.PerPartitionLimit {
		return true, nil // the rest of the partition is skipped
	}
	g.inGroup++
	g.agg = newAggregator(g.p.Selectors)
	g.first = v
	g.lastCK, g.lastFn = v.ck, fn
	return true, g.agg.add(g.e, g.ctx, v)
}

// isNew is GroupMaker.isNewGroup within a partition: a static row, or a
// row after one, starts a group; otherwise the clustering prefix (and the
// function of its last column) decides.
func (g *grouper) isNew(v *rowView, fn any) bool {
	gb := g.p.GroupBy
	if v.row == nil || g.lastCK == nil {
		return true
	}
	n := gb.PrefixSize
	if gb.Func != nil {
		n--
	}
	for i := 0; i < n; i++ {
		if value.Compare(g.p.Table.Clustering[i].Type, g.lastCK[i], v.ck[i]) != 0 {
			return true
		}
	}
	if gb.Func == nil {
		return false
	}
	if fn == nil || g.lastFn == nil {
		return fn != nil || g.lastFn != nil
	}
	return value.Compare(gb.Func.ResultType(), g.lastFn, fn) != 0
}

// close ends the open group, adding its row.
func (g *grouper) close() error {
	if g.agg == nil {
		return nil
	}
	row, err := g.agg.result(g.e, g.ctx)
	if err != nil {
		return err
	}
	g.rows = append(g.rows, sortedRow{ck: g.first.ck, out: row})
	g.agg, g.first = nil, nil
	return nil
}

// full reports whether the query has its LIMIT of groups (unless the
// rows are sorted afterwards).
func (g *grouper) full() bool {
	return g.p.Limit > 0 && !g.p.PostOrder && len(g.rows) >= g.p.Limit
}

// endPartition closes the partition's last group; it returns false once
// the query has all its groups.
func (g *grouper) endPartition() (bool, error) {
	if err := g.close(); err != nil {
		return false, err
	}
	g.inGroup, g.lastCK, g.lastFn = 0, nil, nil
	if g.done || g.full() {
		g.done = true
		return false, nil
	}
	return true, nil
}
