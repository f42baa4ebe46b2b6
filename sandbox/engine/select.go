package engine

import (
	"math"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/sandbox/value"
)

// ErrPagingWithPostOrder is cqlsh's refusal of ORDER BY with IN on the
// partition key while paging is on.
var errPagingWithPostOrder = cqlerr.Invalidf("Cannot page queries with both ORDER BY and a IN restriction on the partition key; you must either remove the ORDER BY or the IN and sort client side, or disable paging for this query")

// SelectOptions are session settings that change how a SELECT runs.
type SelectOptions struct {
	Consistency cluster.Consistency
	// Paging is cqlsh's PAGING setting (on by default).
	Paging bool
	// Cancel, when it returns true, stops a long scan.
	Cancel func() bool
}

// errCanceled is returned when a scan is cancelled.
var errCanceled = cqlerr.Invalidf("query cancelled")

// sortedRow is an output row with the clustering values it is sorted by
// when rows of several partitions must be ordered after reading.
type sortedRow struct {
	ck  []any
	out []any
}

// Select runs a planned SELECT.
func (e *Engine) Select(ctx *plan.Context, p *plan.Select, opts SelectOptions, tr *trace.Trace) (*Result, error) {
	if p.PostOrder && opts.Paging {
		return nil, errPagingWithPostOrder
	}
	res := &Result{Columns: p.Columns, Warnings: p.Warnings, Trace: tr}
	if p.JSON {
		res.Columns = []plan.ResultColumn{{Name: "[json]", Type: value.TextType}}
	}
	now := e.nowSeconds()
	var agg *aggregator
	var groups *grouper
	switch {
	case p.GroupBy != nil:
		groups = newGrouper(e, ctx, p)
	case p.Aggregate:
		agg = newAggregator(p.Selectors)
	}
	var sorted []sortedRow
	full := p.Slices == nil && !hasRowFilters(p.Filters)
	emit := func(v *rowView) (bool, error) {
		if groups != nil {
			return groups.add(v)
		}
		if agg != nil {
			return true, agg.add(e, ctx, v)
		}
		out, err := e.project(ctx, p, v)
		if err != nil {
			return false, err
		}
		if p.PostOrder {
			sorted = append(sorted, sortedRow{ck: v.ck, out: out})
			return true, nil
		}
		res.Rows = append(res.Rows, out)
		return p.Limit == 0 || len(res.Rows) < p.Limit, nil
	}
	visit := func(part *replica.Partition) (bool, error) {
		if opts.Cancel != nil && opts.Cancel() {
			return false, errCanceled
		}
		more, err := e.visitPartition(p, part, now, full, emit)
		if groups == nil || err != nil {
			return more, err
		}
		more2, err := groups.endPartition()
		return more && more2, err
	}
	if p.Keys != nil {
		for _, k := range p.Keys {
			ro := replica.ReadOptions{Slices: p.Slices, Reverse: p.Reversed, Limit: readLimit(p, len(res.Rows))}
			part, err := e.Cluster.Read(p.Table, p.RF, k.Bytes, k.Token, ro, opts.Consistency, tr)
			if err != nil {
				return nil, err
			}
			more, err := visit(part)
			if err != nil {
				return nil, err
			}
			if !more {
				break
			}
		}
	} else {
		tr.FullScan = true
		from, to := int64(math.MinInt64), int64(math.MaxInt64)
		if tk := p.Tokens; tk != nil {
			if tk.Empty {
				return e.finish(ctx, res, p, agg, groups, sorted, tr)
			}
			from, to = tk.Start, tk.End
			if !tk.StartIncl {
				from++
			}
			if !tk.EndIncl {
				to--
			}
			tr.FullScan = false
		}
		// A scan that reaches its LIMIT stops there, as Cassandra's range
		// read does: it is not a full scan, and the rows of the last
		// partition after the limit were not read.
		limited := readLimit(p, 0) > 0
		stopped := false
		scanVisit := func(part *replica.Partition) (bool, error) {
			before := len(res.Rows)
			more, err := visit(part)
			if err == nil && !more && limited {
				stopped = true
				if unread := len(part.Rows) - (len(res.Rows) - before); unread > 0 {
					tr.RowsScanned -= unread
				}
			}
			return more, err
		}
		if err := e.Cluster.Scan(p.Table, p.RF, from, to, opts.Consistency, tr, scanVisit); err != nil {
			return nil, err
		}
		if stopped {
			tr.FullScan = false
		}
	}
	return e.finish(ctx, res, p, agg, groups, sorted, tr)
}

// readLimit returns how many live rows a partition read may stop at: the
// rows the query can still return, when nothing after the read drops
// rows (filters, aggregation, sorting across partitions).
func readLimit(p *plan.Select, returned int) int {
	if p.Aggregate || p.GroupBy != nil || p.PostOrder || hasRowFilters(p.Filters) {
		return 0
	}
	if p.Distinct {
		return 1
	}
	limit := p.PerPartitionLimit
	if p.Limit > 0 && (limit == 0 || p.Limit-returned < limit) {
		limit = p.Limit - returned
	}
	return max(limit, 0)
}

func (e *Engine) finish(ctx *plan.Context, res *Result, p *plan.Select, agg *aggregator, groups *grouper, sorted []sortedRow, tr *trace.Trace) (*Result, error) {
	if groups != nil {
		if p.PostOrder {
			sorted = groups.rows
		} else {
			for _, r := range groups.rows {
				res.Rows = append(res.Rows, r.out)
			}
		}
	}
	if agg != nil {
		row, err := agg.result(e, ctx)
		if err != nil {
			return nil, err
		}
		res.Rows = [][]any{row}
	}
	if p.PostOrder {
		sort.SliceStable(sorted, func(i, j int) bool {
			c := compareClustering(p.Table, sorted[i].ck, sorted[j].ck)
			if p.Reversed {
				return c > 0
			}
			return c < 0
		})
		for _, s := range sorted {
			res.Rows = append(res.Rows, s.out)
			if p.Limit > 0 && len(res.Rows) == p.Limit {
				break
			}
		}
	}
	if p.JSON {
		for i, r := range res.Rows {
			res.Rows[i] = []any{jsonRow(p.Columns, r)}
		}
	}
	tr.Filtering = p.NeedsFiltering
	tr.RowsReturned = len(res.Rows)
	tr.Cost(len(res.Rows) * trace.RowMicros)
	return res, nil
}

// compareClustering orders two clustering keys in clustering order.
func compareClustering(t *schema.Table, a, b []any) int {
	for i, c := range t.Clustering {
		if i >= len(a) || i >= len(b) {
			break
		}
		r := value.Compare(c.Type, a[i], b[i])
		if c.Desc {
			r = -r
		}
		if r != 0 {
			return r
		}
	}
	return 0
}

func hasRowFilters(fs []plan.Filter) bool {
	for _, f := range fs {
		if f.Multi != nil || f.Column.Kind == schema.Clustering || f.Column.Kind == schema.Regular {
			return true
		}
	}
	return false
}

// visitPartition emits the rows of one partition that the query selects.
func (e *Engine) visitPartition(p *plan.Select, part *replica.Partition, now int64, full bool, emit func(*rowView) (bool, error)) (bool, error) {
	static, live := part.LiveView(now)
	if static == nil && len(live) == 0 {
		return true, nil
	}
	pk, err := keys.SplitPartitionKey(p.Table.PartitionKeyTypes(), part.Key)
	if err != nil {
		return false, err
	}
	if p.Distinct {
		v, err := newRowView(p.Table, pk, part.Token, static, nil, now)
		if err != nil {
			return false, err
		}
		if ok, err := e.filter(p.Filters, v); err != nil || !ok {
			return err == nil, err
		}
		return emit(v)
	}
	if p.Keys == nil && p.Slices != nil {
		live = inSlices(live, p.Slices)
	}
	if p.Reversed {
		for i, j := 0, len(live)-1; i < j; i, j = i+1, j-1 {
			live[i], live[j] = live[j], live[i]
		}
	}
	emitted := 0
	for i := range live {
		v, err := newRowView(p.Table, pk, part.Token, static, &live[i], now)
		if err != nil {
			return false, err
		}
		ok, err := e.filter(p.Filters, v)
		if err != nil {
			return false, err
		}
		if !ok {
			continue
		}
		more, err := emit(v)
		if err != nil || !more {
			return false, err
		}
		emitted++
		if p.PerPartitionLimit > 0 && p.GroupBy == nil && emitted == p.PerPartitionLimit {
			break
		}
	}
	if len(live) == 0 && static != nil && full {
		v, err := newRowView(p.Table, pk, part.Token, static, nil, now)
		if err != nil {
			return false, err
		}
		if ok, err := e.filter(p.Filters, v); err != nil || !ok {
			return err == nil, err
		}
		return emit(v)
	}
	return true, nil
}

func inSlices(rows []replica.Row, slices []replica.Slice) []replica.Row {
	out := rows[:0:0]
	for _, r := range rows {
		for _, s := range slices {
			if s.Contains(r.Clustering) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// project evaluates the selectors on a row.
func (e *Engine) project(ctx *plan.Context, p *plan.Select, v *rowView) ([]any, error) {
	out := make([]any, len(p.Selectors))
	for i, x := range p.Selectors {
		val, err := e.eval(ctx, x, v)
		if err != nil {
			return nil, err
		}
		out[i] = val
	}
	return out, nil
}

// jsonRow renders a row as SELECT JSON does: one object, keys the
// column names (quoted when case-sensitive), values in JSON.
func jsonRow(cols []plan.ResultColumn, row []any) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		name := c.Name
		if value.QuoteIdent(name) != name && !strings.HasPrefix(name, "system.") && !strings.ContainsAny(name, "()[]") {
			name = `"` + name + `"`
		}
		b.WriteString(value.ToJSON(value.TextType, name))
		b.WriteString(": ")
		if row[i] == nil {
			b.WriteString("null")
		} else {
			b.WriteString(value.ToJSON(c.Type, row[i]))
		}
	}
	b.WriteByte('}')
	return b.String()
}

// aggregator computes the selection of an aggregate query: every
// aggregate function in it accumulates the rows read, and the other
// selectors take their values from the first row (null without rows).
type aggregator struct {
	exprs []plan.Expr
	aggs  []*plan.Aggregate
	accs  []plan.Accumulator
	first *rowView
}

func newAggregator(exprs []plan.Expr) *aggregator {
	a := &aggregator{exprs: exprs}
	for _, x := range exprs {
		a.collect(x)
	}
	a.accs = make([]plan.Accumulator, len(a.aggs))
	for i, ag := range a.aggs {
		a.accs[i] = ag.NewAccumulator()
	}
	return a
}

// collect finds the aggregates of an expression.
func (a *aggregator) collect(x plan.Expr) {
	switch x := x.(type) {
	case *plan.Aggregate:
		a.aggs = append(a.aggs, x)
	case *plan.Call:
		for _, arg := range x.Args {
			a.collect(arg)
		}
	case *plan.FieldOf:
		a.collect(x.Arg)
	case *plan.ElementOf:
		a.collect(x.Arg)
	case *plan.CellMeta:
		a.collect(x.Arg)
	}
}

func (a *aggregator) add(e *Engine, ctx *plan.Context, v *rowView) error {
	if a.first == nil {
		a.first = v
	}
	for i, ag := range a.aggs {
		if ag.Star {
			a.accs[i].Add(true)
			continue
		}
		val, err := e.eval(ctx, ag.Arg, v)
		if err != nil {
			return err
		}
		a.accs[i].Add(val)
	}
	return nil
}

// result evaluates the selection once every row was added.
func (a *aggregator) result(e *Engine, ctx *plan.Context) ([]any, error) {
	v := a.first
	if v == nil {
		v = &rowView{}
	}
	v.aggs = make(map[*plan.Aggregate]any, len(a.aggs))
	for i, ag := range a.aggs {
		v.aggs[ag] = a.accs[i].Result()
	}
	out := make([]any, len(a.exprs))
	for i, x := range a.exprs {
		val, err := e.eval(ctx, x, v)
		if err != nil {
			return nil, err
		}
		out[i] = val
	}
	return out, nil
}
