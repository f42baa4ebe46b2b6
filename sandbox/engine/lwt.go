package engine

import (
	"sort"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/sandbox/value"
)

// appliedColumn is the first column of every LWT result.
var appliedColumn = plan.ResultColumn{Name: "[applied]", Type: value.BooleanType}

// lwt runs conditional writes on one partition as a lightweight
// transaction: Paxos prepare/promise, a quorum read of the current state,
// and, when every condition holds, propose/accept and commit. The writes
// all target the same partition (the planner makes sure of it).
func (e *Engine) lwt(ctx *plan.Context, writes []*plan.Write, opts WriteOptions, tr *trace.Trace) (*Result, error) {
	w0 := writes[0]
	t, key := w0.Table, w0.Keys[0]
	serial := opts.Serial
	if !serial.IsSerial() {
		serial = cluster.Serial
	}
	replicas := e.Cluster.Ring().Replicas(key.Token, w0.RF)
	need := serial.BlockFor(w0.RF)
	live := 0
	for _, n := range replicas {
		if !e.Cluster.IsDown(n) {
			live++
		}
	}
	if live < need {
		tr.Eventf(tr.Coordinator, "Paxos needs %d of %d replicas for %s, %d alive", need, len(replicas), serial, live)
		return nil, &cqlerr.Error{Code: cqlerr.Unavailable, Offset: -1, Consistency: serial.String(),
			Required: need, Alive: live, Message: "Cannot achieve consistency level " + serial.String()}
	}
	round := func(phase string) {
		tr.PaxosRoundTrips++
		for _, n := range replicas {
			if !e.Cluster.IsDown(n) {
				tr.Touch(n)
			}
		}
		tr.Cost(trace.RoundTripMicros)
		tr.Eventf(tr.Coordinator, "Paxos %s (round trip %d) to %d replicas", phase, tr.PaxosRoundTrips, live)
	}
	round("prepare/promise")
	// Read the current partition at the serial level (a quorum).
	part, err := e.Cluster.Read(t, w0.RF, key.Bytes, key.Token, replica.ReadOptions{}, cluster.Quorum, tr)
	if err != nil {
		return nil, err
	}
	tr.PaxosRoundTrips++
	tr.Eventf(tr.Coordinator, "Paxos read of current values (round trip %d)", tr.PaxosRoundTrips)
	now := e.nowSeconds()
	static, rows := part.LiveView(now)
	pk := key.Values
	applied := true
	views := make([]*rowView, len(writes))
	for i, w := range writes {
		v, err := e.conditionRow(w, pk, key.Token, static, rows, now)
		if err != nil {
			return nil, err
		}
		views[i] = v
		ok, err := checkConditions(w, v)
		if err != nil {
			return nil, err
		}
		if !ok {
			applied = false
		}
	}
	if !applied {
		// Since CASSANDRA-12126 a CAS whose condition fails still proposes
		// an empty update, so that it is linearizable with the other
		// operations on the partition; an empty proposal is not committed.
		tr.Eventf(tr.Coordinator, "CAS precondition does not match current values")
		round("propose/accept of an empty update")
		var first *rowView
		if len(rows) > 0 {
			if first, err = newRowView(t, pk, key.Token, static, &rows[0], now); err != nil {
				return nil, err
			}
		}
		return e.notApplied(writes, views, first, tr), nil
	}
	round("propose/accept")
	ts := e.Timestamp()
	merged := map[string]*replica.Partition{}
	for _, w := range writes {
		ups, err := e.updates(w, ts, opts.Consistency, tr)
		if err != nil {
			return nil, err
		}
		for _, u := range ups {
			if m, ok := merged[string(u.Key)]; ok {
				m.Merge(u)
			} else {
				merged[string(u.Key)] = u
			}
		}
	}
	commit := opts.Consistency
	if commit == cluster.Any || commit.IsSerial() {
		commit = cluster.One
	}
	for _, u := range merged {
		tr.PaxosRoundTrips++
		tr.Eventf(tr.Coordinator, "Paxos commit (round trip %d)", tr.PaxosRoundTrips)
		if err := e.Cluster.Write(t, w0.RF, u, commit, tr); err != nil {
			return nil, err
		}
	}
	return &Result{Columns: []plan.ResultColumn{appliedColumn}, Rows: [][]any{{true}}, LWT: true, Trace: tr}, nil
}

// conditionRow returns the current row a conditional write is about: its
// clustered row (when the write has one) with the partition's static row.
// The view's row is nil when the row does not exist.
func (e *Engine) conditionRow(w *plan.Write, pk []any, token int64, static *replica.Row, rows []replica.Row, now int64) (*rowView, error) {
	var row *replica.Row
	var ck []any
	if len(w.Clusterings) > 0 && !w.StaticOnly {
		ck = w.Clusterings[0]
		enc := plan.EncodeClustering(w.Table, ck)
		for i := range rows {
			if string(rows[i].Clustering) == string(enc) {
				row = &rows[i]
			}
		}
	}
	v, err := newRowView(w.Table, pk, token, static, row, now)
	if err != nil {
		return nil, err
	}
	if row == nil && ck != nil {
		// Keep the key visible in a not-applied result.
		v.ck = ck
		v.missing = true
	}
	return v, nil
}

// exists reports whether the row (or, for a static-only write, the
// partition's static row) exists.
func (v *rowView) exists(w *plan.Write) bool {
	if w.StaticOnly {
		return v.static != nil
	}
	return v.row != nil
}

func checkConditions(w *plan.Write, v *rowView) (bool, error) {
	switch {
	case w.IfNotExists:
		return !v.exists(w), nil
	case w.IfExists:
		return v.exists(w), nil
	}
	for i := range w.Conditions {
		ok, err := checkCondition(&w.Conditions[i], v)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// checkCondition evaluates one IF condition as ColumnCondition does: a
// missing value equals null, and ordering comparisons with null are false
// (or refused when the condition's value itself is null).
func checkCondition(c *plan.Condition, v *rowView) (bool, error) {
	cur, err := v.value(c.Column)
	if err != nil {
		return false, err
	}
	t := c.Column.Type
	switch {
	case c.HasKey:
		cur, t = lookupElement(t, cur, c.Key)
	case c.Field >= 0:
		if cur != nil {
			f := cur.([]any)
			cur = nil
			if c.Field < len(f) {
				cur = f[c.Field]
			}
		}
		t = t.Elems[c.Field]
	}
	if c.Op == cql.OpIn {
		for _, x := range c.Values {
			if x == nil && cur == nil || x != nil && cur != nil && value.Compare(t, cur, x) == 0 {
				return true, nil
			}
		}
		return false, nil
	}
	if c.Op == cql.OpContains || c.Op == cql.OpContainsKey {
		return containsCondition(c, t, cur)
	}
	if c.Value == nil {
		switch c.Op {
		case cql.OpEq:
			return cur == nil, nil
		case cql.OpNeq:
			return cur != nil, nil
		}
		return false, cqlerr.Invalidf("Invalid comparison with null for operator \"%s\"", c.Op)
	}
	if cur == nil {
		return c.Op == cql.OpNeq, nil
	}
	r := value.Compare(t, cur, c.Value)
	switch c.Op {
	case cql.OpEq:
		return r == 0, nil
	case cql.OpNeq:
		return r != 0, nil
	case cql.OpLt:
		return r < 0, nil
	case cql.OpLte:
		return r <= 0, nil
	case cql.OpGt:
		return r > 0, nil
	case cql.OpGte:
		return r >= 0, nil
	}
	return false, nil
}

// containsCondition evaluates IF col CONTAINS v and IF col CONTAINS KEY k
// as ColumnCondition.containsAppliesTo does: a null collection contains
// nothing, and a null value is refused.
func containsCondition(c *plan.Condition, t *value.Type, cur any) (bool, error) {
	if c.Value == nil {
		return false, cqlerr.Invalidf("Invalid comparison with null for operator \"%s\"", c.Op)
	}
	switch t.Kind {
	case value.KindList, value.KindSet:
		elems, _ := cur.([]any)
		et := t.Elem()
		for _, e := range elems {
			if value.Compare(et, e, c.Value) == 0 {
				return true, nil
			}
		}
	case value.KindMap:
		entries, _ := cur.([]value.MapEntry)
		for _, me := range entries {
			if c.Op == cql.OpContainsKey && value.Compare(t.Key(), me.Key, c.Value) == 0 ||
				c.Op == cql.OpContains && value.Compare(t.Elem(), me.Value, c.Value) == 0 {
				return true, nil
			}
		}
	}
	return false, nil
}

// lookupElement returns element key of a list or map value, and its type.
func lookupElement(t *value.Type, cur, key any) (any, *value.Type) {
	if cur == nil {
		return nil, t.Elem()
	}
	switch t.Kind {
	case value.KindList:
		l := cur.([]any)
		i := int(key.(int32))
		if i < 0 || i >= len(l) {
			return nil, t.Elem()
		}
		return l[i], t.Elem()
	case value.KindMap:
		for _, me := range cur.([]value.MapEntry) {
			if value.Compare(t.Key(), me.Key, key) == 0 {
				return me.Value, t.Elem()
			}
		}
	}
	return nil, t.Elem()
}

// notApplied builds the result of a transaction whose conditions failed,
// as ModificationStatement.buildCasResultSet does: [applied] False, then
// the columns of the conditions (regular then static, in IF order; the
// primary key first in a batch), or every column when a condition is
// IF [NOT] EXISTS, for each row CQL3CasRequest.readCommand read. That read
// names the rows with IF EXISTS, IF NOT EXISTS or regular-column
// conditions; when only static columns are conditioned it reads the
// partition's first live row instead (first, nil when there is none). A
// read without rows answers with the static values alone when static
// columns were read (written or conditioned) and the static row exists.
func (e *Engine) notApplied(writes []*plan.Write, views []*rowView, first *rowView, tr *trace.Trace) *Result {
	res := &Result{LWT: true, Trace: tr, Columns: []plan.ResultColumn{appliedColumn}}
	cols := failureColumns(writes)
	project := func(v *rowView) []any {
		row := []any{false}
		for _, c := range cols {
			x, _ := v.value(c)
			row = append(row, x)
		}
		return row
	}
	rowConditioned, staticRead := false, false
	for _, w := range writes {
		if rowCondition(w) {
			rowConditioned = true
		}
		if readsStatic(w) {
			staticRead = true
		}
	}
	var read []*rowView
	if rowConditioned {
		seenRow := map[string]bool{}
		for i, v := range views {
			if rowCondition(writes[i]) && v.row != nil && !seenRow[string(v.row.Clustering)] {
				seenRow[string(v.row.Clustering)] = true
				read = append(read, v)
			}
		}
		sort.Slice(read, func(i, j int) bool {
			return string(read[i].row.Clustering) < string(read[j].row.Clustering)
		})
	} else if first != nil {
		read = []*rowView{first}
	}
	for _, v := range read {
		res.Rows = append(res.Rows, project(v))
	}
	if len(read) == 0 && staticRead && views[0].static != nil {
		v := *views[0]
		v.row, v.ck, v.missing = nil, nil, false
		res.Rows = append(res.Rows, project(&v))
	}
	if len(res.Rows) == 0 {
		res.Rows = [][]any{{false}}
		return res
	}
	for _, c := range cols {
		res.Columns = append(res.Columns, plan.ResultColumn{Name: c.Name, Type: c.Type})
	}
	return res
}

// failureColumns returns the columns of a not-applied result after
// [applied]: every column for IF [NOT] EXISTS, otherwise the primary key
// (in a batch) and the conditioned columns, regular ones first.
func failureColumns(writes []*plan.Write) []*schema.Column {
	t := writes[0].Table
	for _, w := range writes {
		if w.IfExists || w.IfNotExists {
			return t.Columns
		}
	}
	var cols []*schema.Column
	seen := map[*schema.Column]bool{}
	add := func(c *schema.Column) {
		if !seen[c] {
			seen[c] = true
			cols = append(cols, c)
		}
	}
	if len(writes) > 1 {
		for _, c := range t.PartitionKey {
			add(c)
		}
		for _, c := range t.Clustering {
			add(c)
		}
	}
	for _, kind := range []schema.ColumnKind{schema.Regular, schema.Static} {
		for _, w := range writes {
			for _, c := range w.Conditions {
				if c.Column.Kind == kind {
					add(c.Column)
				}
			}
		}
	}
	return cols
}

// rowCondition reports whether w puts a condition on a clustered row (IF
// EXISTS, IF NOT EXISTS or a regular column condition), which makes the
// transaction read that row by name.
func rowCondition(w *plan.Write) bool {
	if w.StaticOnly || len(w.Clusterings) == 0 {
		return false
	}
	if w.IfExists || w.IfNotExists {
		return true
	}
	for _, c := range w.Conditions {
		if c.Column.Kind != schema.Static {
			return true
		}
	}
	return false
}

// readsStatic reports whether the transaction's read includes the static
// row because w writes or conditions a static column
// (CQL3CasRequest.columnsToRead), or conditions the static row's existence.
func readsStatic(w *plan.Write) bool {
	if w.StaticOnly && (w.IfExists || w.IfNotExists) {
		return true
	}
	for _, op := range w.Ops {
		if op.Column != nil && op.Column.Kind == schema.Static {
			return true
		}
	}
	for _, c := range w.Conditions {
		if c.Column.Kind == schema.Static {
			return true
		}
	}
	return false
}
