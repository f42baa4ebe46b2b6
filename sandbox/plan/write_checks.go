package plan

import (
	"math"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// The checks of UPDATE and DELETE outside their SET clause and column
// list: the rows they write, their IF conditions, and the checks
// Cassandra's ModificationStatement makes once the statement is prepared.

// conditionsOnlyStatic reports whether every condition is on a static
// column.
func conditionsOnlyStatic(cs []Condition) bool {
	for _, c := range cs {
		if c.Column.Kind != schema.Static {
			return false
		}
	}
	return true
}

// conditions plans the IF clause of an UPDATE or DELETE. As in
// ModificationStatement.Parsed.prepareConditions, it runs before the
// statement's operations are prepared.
func (c *Context) conditions(w *Write, conds []cql.Condition, u *cql.UsingClause) error {
	if len(conds) > 0 || w.IfExists {
		w.IsLWT = true
	}
	if len(conds) > 0 && u != nil && u.Timestamp != nil {
		return cqlerr.Invalidf("Cannot provide custom timestamp for conditional updates")
	}
	for _, cd := range conds {
		col, err := column(w.Table, cd.Column)
		if err != nil {
			return err
		}
		if col.Type.IsCounter() {
			return cqlerr.Invalidf("Conditions on counters are not supported")
		}
		pc, err := c.condition(col, cd)
		if err != nil {
			return err
		}
		if col.IsPrimaryKey() {
			return cqlerr.Invalidf("PRIMARY KEY column '%s' cannot have IF conditions", col.Name)
		}
		w.Conditions = append(w.Conditions, pc)
	}
	return nil
}

// condition prepares one IF condition on col (ColumnCondition.Raw.prepare).
func (c *Context) condition(col *schema.Column, cd cql.Condition) (Condition, error) {
	pc := Condition{Column: col, Op: cd.Op, Field: -1}
	r := receiver{name: col.Name, typ: col.Type}
	var err error
	switch {
	case cd.Key != nil:
		if !col.Type.Kind.IsCollection() {
			return pc, cqlerr.Invalidf("Invalid element access syntax for non-collection column %s", col.Name)
		}
		if col.Type.Kind == value.KindSet {
			return pc, cqlerr.Invalidf("Invalid element access syntax for set column %s", col.Name)
		}
		kr := keyReceiver(r)
		if col.Type.Kind == value.KindList {
			kr = receiver{name: "idx(" + col.Name + ")", typ: value.IntType}
		}
		if pc.Key, err = c.value(cd.Key, kr); err != nil {
			return pc, err
		}
		pc.HasKey = true
		r = elemReceiver(r)
	case cd.Field.Name != "":
		if col.Type.Kind != value.KindUDT {
			return pc, cqlerr.Invalidf("Invalid field access for non-UDT column %s", col.Name)
		}
		i := col.Type.FieldIndex(cd.Field.Name)
		if i < 0 {
			return pc, cqlerr.Invalidf("Unknown field %s for column %s", cd.Field.Name, col.Name)
		}
		pc.Field = i
		r = receiver{name: col.Name + "." + cd.Field.Name, typ: col.Type.Elems[i]}
	}
	if cd.Op == cql.OpIn {
		for _, t := range cd.Values {
			v, err := c.value(t, r)
			if err != nil {
				return pc, err
			}
			pc.Values = append(pc.Values, v)
		}
		return pc, nil
	}
	switch cd.Op {
	case cql.OpEq, cql.OpNeq, cql.OpLt, cql.OpLte, cql.OpGt, cql.OpGte:
	case cql.OpContains, cql.OpContainsKey:
		// Cassandra 4.1+ (CASSANDRA-10537): ColumnCondition.Raw.prepareTerms
		// checks the column and takes the element (or key) as receiver.
		if r, err = containsReceiver(col, r, cd.Op); err != nil {
			return pc, err
		}
	default:
		return pc, cqlerr.Invalidf("Unsupported operator %s in IF condition on %s", cd.Op, col.Name)
	}
	pc.Value, err = c.value(cd.Value, r)
	return pc, err
}

// containsReceiver returns the receiver of the value of a CONTAINS or
// CONTAINS KEY condition on r, refusing columns that are not collections
// (or not maps, for CONTAINS KEY) as ColumnCondition.Raw.prepareTerms does.
func containsReceiver(col *schema.Column, r receiver, op cql.Operator) (receiver, error) {
	t := r.typ
	if op == cql.OpContainsKey {
		if t.Kind != value.KindMap {
			return r, cqlerr.Invalidf("Cannot use CONTAINS KEY on non-map column %s", r.name)
		}
		return keyReceiver(r), nil
	}
	if !t.Kind.IsCollection() {
		return r, cqlerr.Invalidf("Cannot use CONTAINS on non-collection column %s", r.name)
	}
	if t.Kind == value.KindSet {
		return receiver{name: "value(" + col.Name + ")", typ: t.Key()}, nil
	}
	return elemReceiver(r), nil
}

// checkTimestampBound refuses the one timestamp Cassandra keeps for "no
// timestamp" (UpdateParameters).
func checkTimestampBound(ts int64) error {
	if ts == math.MinInt64 {
		return cqlerr.Invalidf("Out of bound timestamp, must be in [%d, %d]", int64(math.MinInt64+1), int64(math.MaxInt64))
	}
	return nil
}

// checkConditionalDelete makes the checks of DeleteStatement's
// preparation on a conditional DELETE that does not name whole rows by
// equalities: only static columns may then be deleted or conditioned.
func (w *Write) checkConditionalDelete() error {
	allEq := len(w.Table.Clustering) == 0 || (w.Clusterings != nil && w.Slice == nil)
	if w.IsLWT && !allEq {
		// Deleting whole rows applies to the regular columns too
		// (Operations.appliesToRegularColumns).
		regular := len(w.Ops) == 0
		for _, op := range w.Ops {
			if op.Column.Kind == schema.Regular {
				regular = true
			}
		}
		if regular {
			return cqlerr.Invalidf("DELETE statements must restrict all PRIMARY KEY columns with equality relations in order to delete non static columns")
		}
		if !conditionsOnlyStatic(w.Conditions) {
			return cqlerr.Invalidf("DELETE statements must restrict all PRIMARY KEY columns with equality relations in order to use IF condition on non static columns")
		}
	}
	return nil
}

// checkConditional makes the checks of ModificationStatement's
// constructor on a conditional write, once its WHERE clause is prepared.
func (w *Write) checkConditional() error {
	if !w.IsLWT {
		return nil
	}
	if w.Table.HasCounters() {
		return cqlerr.Invalidf("Conditional updates are not supported on counter tables")
	}
	if w.timestampSet {
		return cqlerr.Invalidf("Cannot provide custom timestamp for conditional updates")
	}
	return nil
}

// conditionalKind names the kind of conditional write in Cassandra's
// messages: "updates" or "deletions".
func (w *Write) conditionalKind() string {
	if w.Kind == DeleteWrite {
		return "deletions"
	}
	return "updates"
}

// checkCasIn makes the checks of ModificationStatement.makeCasRequest,
// which Cassandra runs when it executes a conditional statement on its own
// (after every check made while preparing it): no IN on the key.
func (w *Write) checkCasIn() error {
	if !w.IsLWT {
		return nil
	}
	if w.pkIn {
		return cqlerr.Invalidf("IN on the partition key is not supported with conditional %s", w.conditionalKind())
	}
	if w.ckIn {
		return cqlerr.Invalidf("IN on the clustering key columns is not supported with conditional %s", w.conditionalKind())
	}
	return nil
}

// validate makes the checks of ModificationStatement.validate, which
// Cassandra runs on a prepared statement (in a batch, after the batch's
// own checks): counter tables take neither a timestamp nor a TTL.
func (w *Write) validate() error {
	if !w.Table.HasCounters() {
		return nil
	}
	if w.timestampSet {
		return cqlerr.Invalidf("Cannot provide custom timestamp for counter updates")
	}
	if w.ttlSet {
		return cqlerr.Invalidf("Cannot provide custom TTL for counter updates")
	}
	return nil
}

// writeKeys analyses the WHERE clause of an UPDATE or DELETE and sets the
// partitions and rows written.
func (c *Context) writeKeys(w *Write, where []cql.Relation, typ stmtType) error {
	rs := newRestrictions(c, w.Table, typ, false)
	for i := range where {
		if err := rs.add(&where[i]); err != nil {
			return err
		}
	}
	if _, err := rs.process(w.StaticOnly); err != nil {
		return err
	}
	// IN with one value is an equality; IN with none or several is an IN
	// (SingleColumnRelation.newINRestriction), which conditional writes
	// refuse when they run (checkCasIn, or the batch's own checks).
	for _, r := range rs.pk.byPos {
		if r != nil && r.hasIn && len(r.in) != 1 {
			w.pkIn = true
		}
	}
	for _, r := range rs.ck.byPos {
		if r != nil && r.hasIn && len(r.in) != 1 {
			w.ckIn = true
		}
	}
	for _, m := range rs.multis {
		if m.hasIn && len(m.in) != 1 {
			w.ckIn = true
		}
	}
	keys, err := rs.partitionKeys()
	if err != nil {
		return err
	}
	w.Keys = keys
	if w.StaticOnly || len(w.Table.Clustering) == 0 {
		if len(w.Table.Clustering) == 0 {
			w.Clusterings = [][]any{{}}
		}
		return nil
	}
	// Full clustering keys given by = and IN are rows; anything less is a
	// range (DELETE only).
	full := len(rs.ckPositions()) == len(w.Table.Clustering) && !rs.ckHasSlice()
	if full {
		// Rows given by = and IN: an empty IN gives none, but still no range.
		w.Clusterings = [][]any{}
		var lists [][]any
		for _, seg := range rs.segments() {
			tuples, err := seg.tuples()
			if err != nil {
				return err
			}
			lists = append(lists, tuples)
		}
		for _, combo := range cartesian(lists) {
			var ck []any
			for _, t := range combo {
				ck = append(ck, t.([]any)...)
			}
			w.Clusterings = append(w.Clusterings, ck)
		}
		return nil
	}
	if !rs.hasCK() {
		return nil // partition deletion
	}
	slices, _, err := rs.clustering()
	if err != nil {
		return err
	}
	if len(slices) == 0 {
		// An empty IN before the range: nothing to delete.
		w.Clusterings = [][]any{}
		return nil
	}
	w.Slices = slices
	w.Slice = &w.Slices[0]
	return nil
}
