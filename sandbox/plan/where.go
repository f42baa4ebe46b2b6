package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// RequiresAllowFiltering is Cassandra's REQUIRES_ALLOW_FILTERING_MESSAGE.
const RequiresAllowFiltering = "Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING"

// stmtType names the statement whose WHERE clause is analysed, as
// Cassandra's messages do.
type stmtType string

const (
	selectStmt stmtType = "SELECT"
	updateStmt stmtType = "UPDATE"
	deleteStmt stmtType = "DELETE"
)

type bound struct {
	set  bool
	incl bool
	val  any
}

// restriction gathers every relation on one column.
type restriction struct {
	col   *schema.Column
	eq    any
	hasEq bool
	in    []any
	hasIn bool
	lo    bound
	hi    bound
	// contains and containsKey hold CONTAINS / CONTAINS KEY values; mapEq
	// holds m[k] = v relations.
	contains    []any
	containsKey []any
	mapEq       []value.MapEntry
}

func (r *restriction) isSlice() bool    { return !r.hasEq && !r.hasIn && (r.lo.set || r.hi.set) }
func (r *restriction) isContains() bool { return len(r.contains)+len(r.containsKey)+len(r.mapEq) > 0 }
func (r *restriction) isEqOrIn() bool   { return r.hasEq || r.hasIn }

// inKind names an IN of n values as Cassandra's merge errors do: an IN of
// one value is an equality (SingleColumnRelation.newINRestriction,
// MultiColumnRelation.newINRestriction).
func inKind(n int) string {
	if n == 1 {
		return "an Equal"
	}
	return "a IN"
}

// multiRestriction is a multi-column relation on clustering columns.
type multiRestriction struct {
	cols  []*schema.Column
	eq    []any
	hasEq bool
	in    [][]any
	hasIn bool
	lo    bound // val is []any
	hi    bound
}

// tokenRestriction is a token() relation.
type tokenRestriction struct {
	lo, hi bound // val is int64
	eq     *int64
}

// restrictions is the analysed WHERE clause of one statement.
type restrictions struct {
	c              *Context
	t              *schema.Table
	typ            stmtType
	allowFiltering bool

	pk     keyRestrictions
	ck     keyRestrictions
	multis []*multiRestriction
	token  *tokenRestriction
	others []*restriction
	// ckOrder records the positions of clustering restrictions in the
	// order they were added, for the "preceding column" checks.
	ckOrder []int
	// buf holds the first restrictions, so that a short WHERE clause
	// costs one allocation.
	buf  [2]restriction
	used int
}

// newRestriction returns an empty restriction on col.
func (rs *restrictions) newRestriction(col *schema.Column) *restriction {
	if rs.used < len(rs.buf) {
		r := &rs.buf[rs.used]
		rs.used++
		r.col = col
		return r
	}
	return &restriction{col: col}
}

func newRestrictions(c *Context, t *schema.Table, typ stmtType, allowFiltering bool) *restrictions {
	return &restrictions{c: c, t: t, typ: typ, allowFiltering: allowFiltering}
}

// relationText renders a relation the way Cassandra's Relation.toString
// does, for messages.
func relationText(rel *cql.Relation) string {
	left := ""
	switch rel.Kind {
	case cql.TokenRelation:
		names := make([]string, len(rel.Columns))
		for i, c := range rel.Columns {
			names[i] = c.Name
		}
		left = "token(" + strings.Join(names, ", ") + ")"
	case cql.MultiColumnRelation:
		names := make([]string, len(rel.Columns))
		for i, c := range rel.Columns {
			names[i] = c.Name
		}
		left = "(" + strings.Join(names, ", ") + ")"
	default:
		left = rel.Columns[0].Name
		if rel.Key != nil {
			left += "[" + termText(rel.Key) + "]"
		}
	}
	if rel.Op == cql.OpIn {
		return left + " IN (" + joinTerms(rel.Values) + ")"
	}
	if rel.Op == cql.OpIsNotNull {
		return left + " IS NOT NULL"
	}
	return left + " " + rel.Op.String() + " " + termText(rel.Value)
}

// add converts and merges one relation, in WHERE order.
func (rs *restrictions) add(rel *cql.Relation) error {
	if (rel.Op == cql.OpContains || rel.Op == cql.OpContainsKey) && rs.typ != selectStmt {
		return cqlerr.Invalidf("Cannot use %s with %s", rs.typ, rel.Op)
	}
	switch rel.Kind {
	case cql.TokenRelation:
		return rs.addToken(rel)
	case cql.MultiColumnRelation:
		return rs.addMulti(rel)
	}
	col, err := column(rs.t, rel.Columns[0])
	if err != nil {
		return err
	}
	switch rel.Op {
	case cql.OpNeq:
		return cqlerr.Invalidf("Unsupported \"!=\" relation: %s", relationText(rel))
	case cql.OpLike:
		return cqlerr.Invalidf("LIKE restriction is only supported on properly indexed columns. %s is not valid.", relationText(rel))
	case cql.OpIsNotNull:
		return cqlerr.Invalidf("Unsupported restriction: %s", relationText(rel))
	}
	if err := checkRelationColumn(col, rel); err != nil {
		return err
	}
	var r *restriction
	switch col.Kind {
	case schema.PartitionKey:
		if rs.token != nil {
			return cqlerr.Invalidf("Columns \"%s\" cannot be restricted by both a normal relation and a token relation", col.Name)
		}
		r = rs.pk.at(col.Position)
		if r == nil {
			r = rs.newRestriction(col)
			rs.pk.set(col.Position, r, len(rs.t.PartitionKey))
		}
	case schema.Clustering:
		if m := rs.multiAt(col.Position); m != nil {
			// A relation on a column of a tuple restriction merges into
			// it (MultiColumnRestriction.mergeWith).
			n, err := rs.tupleRestriction([]*schema.Column{col}, rel, false)
			if err != nil {
				return err
			}
			before := rs.segments()
			if err := rs.addMultiRestriction(n); err != nil {
				return err
			}
			return rs.checkMergeAfter(before, col.Position, rel.Op.IsSlice())
		}
		if err := rs.checkClusteringMerge(col.Position, rel.Op.IsSlice()); err != nil {
			return err
		}
		r = rs.ck.at(col.Position)
		if r == nil {
			r = rs.newRestriction(col)
			rs.ck.set(col.Position, r, len(rs.t.Clustering))
			rs.ckOrder = append(rs.ckOrder, col.Position)
		}
	default:
		for _, o := range rs.others {
			if o.col == col {
				r = o
			}
		}
		if r == nil {
			r = rs.newRestriction(col)
			rs.others = append(rs.others, r)
		}
	}
	return rs.merge(r, rel)
}

// checkRelationColumn applies the per-relation checks on the column's
// type.
func checkRelationColumn(col *schema.Column, rel *cql.Relation) error {
	t := col.Type
	if rel.Key != nil {
		switch {
		case t.Kind == value.KindMap && t.Frozen:
			return cqlerr.Invalidf("Map-entry equality predicates on frozen map column %s are not supported", col.Name)
		case t.Kind == value.KindList:
			return cqlerr.Invalidf("Indexes on list entries (%s[index] = value) are not currently supported.", col.Name)
		case t.Kind != value.KindMap:
			return cqlerr.Invalidf("Column %s cannot be used as a map", col.Name)
		}
		if rel.Op != cql.OpEq {
			return cqlerr.Invalidf("Only EQ relations are supported on map entries")
		}
		return nil
	}
	switch rel.Op {
	case cql.OpContains:
		if !t.Kind.IsCollection() {
			return cqlerr.Invalidf("Cannot use CONTAINS on non-collection column %s", col.Name)
		}
		return nil
	case cql.OpContainsKey:
		if t.Kind != value.KindMap {
			return cqlerr.Invalidf("Cannot use CONTAINS KEY on non-map column %s", col.Name)
		}
		return nil
	}
	if t.IsMultiCell() {
		if t.Kind == value.KindUDT {
			return cqlerr.Invalidf("Non-frozen UDT column '%s' (%s) cannot be restricted by any relation", col.Name, t)
		}
		return cqlerr.Invalidf("Collection column '%s' (%s) cannot be restricted by a '%s' relation", col.Name, t, rel.Op)
	}
	if rel.Op.IsSlice() && referencesDuration(t) {
		return cqlerr.Invalidf("Slice restrictions are not supported on duration columns")
	}
	return nil
}

// merge adds rel to the restrictions on its column.
func (rs *restrictions) merge(r *restriction, rel *cql.Relation) error {
	name := r.col.Name
	recv := receiver{name: name, typ: r.col.Type}
	switch {
	case rel.Key != nil:
		if r.hasEq || r.hasIn || r.lo.set || r.hi.set {
			return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes an Equal", name)
		}
		k, err := rs.c.value(rel.Key, keyReceiver(recv))
		if err != nil {
			return err
		}
		v, err := rs.c.value(rel.Value, elemReceiver(recv))
		if err != nil {
			return err
		}
		if k == nil {
			return cqlerr.Invalidf("Unsupported null map key for column %s", name)
		}
		if v == nil {
			return cqlerr.Invalidf("Unsupported null map value for column %s", name)
		}
		r.mapEq = append(r.mapEq, value.MapEntry{Key: k, Value: v})
		return nil
	case rel.Op == cql.OpContains || rel.Op == cql.OpContainsKey:
		if r.hasEq {
			return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes an Equal", name)
		}
		if r.hasIn {
			return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes %s", name, inKind(len(r.in)))
		}
		vr := elemReceiver(recv)
		if rel.Op == cql.OpContainsKey || recv.typ.Kind == value.KindSet {
			vr = receiver{name: "key(" + name + ")", typ: recv.typ.Key()}
			if recv.typ.Kind == value.KindSet {
				vr.name = "value(" + name + ")"
			}
		}
		v, err := rs.c.value(rel.Value, vr)
		if err != nil {
			return err
		}
		if v == nil {
			return cqlerr.Invalidf("Unsupported null value for column %s", name)
		}
		if rel.Op == cql.OpContains {
			r.contains = append(r.contains, v)
		} else {
			r.containsKey = append(r.containsKey, v)
		}
		return nil
	}
	if r.hasEq {
		return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes an Equal", name)
	}
	if r.hasIn {
		return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes %s", name, inKind(len(r.in)))
	}
	if r.isContains() && (rel.Op == cql.OpEq || rel.Op == cql.OpIn) {
		return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes an Equal", name)
	}
	switch rel.Op {
	case cql.OpEq, cql.OpIn:
		if r.lo.set || r.hi.set {
			return cqlerr.Invalidf("Column \"%s\" cannot be restricted by both an equality and an inequality relation", name)
		}
		if rel.Op == cql.OpEq {
			v, err := rs.c.value(rel.Value, recv)
			if err != nil {
				return err
			}
			r.eq, r.hasEq = v, true
			return nil
		}
		vals := make([]any, 0, len(rel.Values))
		for _, t := range rel.Values {
			v, err := rs.c.value(t, recv)
			if err != nil {
				return err
			}
			vals = append(vals, v)
		}
		r.in, r.hasIn = vals, true
		return nil
	}
	v, err := rs.c.value(rel.Value, recv)
	if err != nil {
		return err
	}
	incl := rel.Op == cql.OpGte || rel.Op == cql.OpLte
	if rel.Op == cql.OpGt || rel.Op == cql.OpGte {
		if r.lo.set {
			return cqlerr.Invalidf("More than one restriction was found for the start bound on %s", name)
		}
		r.lo = bound{set: true, incl: incl, val: v}
	} else {
		if r.hi.set {
			return cqlerr.Invalidf("More than one restriction was found for the end bound on %s", name)
		}
		r.hi = bound{set: true, incl: incl, val: v}
	}
	return nil
}

// unrestrictedPK returns the names of the partition key columns without
// a restriction.
func (rs *restrictions) unrestrictedPK() []string {
	var names []string
	for i, c := range rs.t.PartitionKey {
		if rs.pk.at(i) == nil {
			names = append(names, c.Name)
		}
	}
	return names
}

// pkNeedsFiltering is PartitionKeySingleRestrictionSet.needFiltering.
func (rs *restrictions) pkNeedsFiltering() bool {
	if rs.pk.count() == 0 {
		return false
	}
	if rs.pk.count() < len(rs.t.PartitionKey) {
		return true // some column is unrestricted
	}
	for _, r := range rs.pk.byPos {
		if r.isSlice() || r.isContains() {
			return true
		}
	}
	return false
}

// ckPositions returns the restricted clustering positions, sorted.
func (rs *restrictions) ckPositions() []int {
	ps := rs.ck.positions()
	for _, m := range rs.multis {
		for _, c := range m.cols {
			ps = append(ps, c.Position)
		}
	}
	sort.Ints(ps)
	return ps
}

func (rs *restrictions) hasCK() bool { return rs.ck.count() > 0 || len(rs.multis) > 0 }

// ckNeedsFiltering is ClusteringColumnRestrictions.needFiltering: a
// restriction that does not continue an =/IN prefix.
func (rs *restrictions) ckNeedsFiltering() bool {
	pos := 0
	for _, s := range rs.segments() {
		if s.isContains() || s.first != pos {
			return true
		}
		if !s.isSlice() {
			pos = s.last + 1
		}
	}
	return false
}

func (rs *restrictions) ckHasSlice() bool {
	for _, s := range rs.segments() {
		if s.isSlice() {
			return true
		}
	}
	return false
}

func (rs *restrictions) ckHasContains() bool {
	for _, r := range rs.ck.byPos {
		if r != nil && r.isContains() {
			return true
		}
	}
	return false
}

// restrictedByEq reports whether clustering column pos is restricted by
// = (or a single-value IN), as ORDER BY requires for skipped columns.
func (rs *restrictions) restrictedByEq(pos int) bool {
	if m := rs.multiAt(pos); m != nil {
		return m.hasEq || (m.hasIn && len(m.in) == 1)
	}
	r := rs.ck.at(pos)
	return r != nil && (r.hasEq || (r.hasIn && len(r.in) == 1))
}

// process runs the checks Cassandra's StatementRestrictions constructor
// makes after adding every relation. staticOnly says the statement only
// selects (or modifies) static columns. It returns whether the query is a
// key range (a scan) and whether it filters rows.
func (rs *restrictions) process(staticOnly bool) (keyRange bool, err error) {
	if rs.typ != selectStmt {
		if rs.token != nil {
			return false, cqlerr.Invalidf("The token function cannot be used in WHERE clauses for %s statements", rs.typ)
		}
		if missing := rs.unrestrictedPK(); len(missing) > 0 {
			return false, cqlerr.Invalidf("Some partition key parts are missing: %s", strings.Join(missing, ", "))
		}
		for _, r := range rs.pk.byPos {
			if r != nil && r.isSlice() {
				return false, cqlerr.Invalidf("Only EQ and IN relation are supported on the partition key (unless you use the token() function) for %s statements", rs.typ)
			}
		}
	} else {
		if rs.token != nil || rs.pk.count() == 0 {
			keyRange = true
		}
		if rs.pkNeedsFiltering() {
			if !rs.allowFiltering {
				return false, cqlerr.Invalidf("%s", RequiresAllowFiltering)
			}
			keyRange = true
		}
	}
	if staticOnly && rs.hasCK() {
		if rs.typ == selectStmt {
			return false, cqlerr.Invalidf("Cannot restrict clustering columns when selecting only static columns")
		}
		return false, cqlerr.Invalidf("Invalid restrictions on clustering columns since the %s statement modifies only static columns", rs.typ)
	}
	// Clustering columns.
	if rs.typ == updateStmt && rs.ckHasSlice() {
		return false, cqlerr.Invalidf("Slice restrictions are not supported on the clustering columns in %s statements", rs.typ)
	}
	if rs.typ == updateStmt {
		if !staticOnly {
			var missing []string
			for i, c := range rs.t.Clustering {
				if !rs.ckRestricted(i) {
					missing = append(missing, c.Name)
				}
			}
			if len(missing) > 0 {
				return false, cqlerr.Invalidf("Some clustering keys are missing: %s", strings.Join(missing, ", "))
			}
		}
	} else {
		if rs.ckHasContains() && !rs.allowFiltering {
			return false, cqlerr.Invalidf("Clustering columns can only be restricted with CONTAINS with a secondary index or filtering")
		}
		if rs.hasCK() && rs.ckNeedsFiltering() && !rs.allowFiltering {
			ps := rs.ckPositions()
			for i, p := range ps {
				if p != i {
					return false, cqlerr.Invalidf("PRIMARY KEY column \"%s\" cannot be restricted as preceding column \"%s\" is not restricted",
						rs.t.Clustering[p].Name, rs.t.Clustering[i].Name)
				}
			}
		}
	}
	// Non-primary-key columns.
	if len(rs.others) > 0 {
		if rs.typ != selectStmt {
			names := make([]string, len(rs.others))
			for i, o := range rs.others {
				names[i] = o.col.Name
			}
			return false, cqlerr.Invalidf("Non PRIMARY KEY columns found in where clause: %s ", strings.Join(names, ", "))
		}
		if !rs.allowFiltering {
			return false, cqlerr.Invalidf("%s", RequiresAllowFiltering)
		}
		for _, o := range rs.others {
			if (o.hasEq && o.eq == nil) || (o.lo.set && o.lo.val == nil) || (o.hi.set && o.hi.val == nil) {
				return false, cqlerr.Invalidf("Unsupported null value for column %s", o.col.Name)
			}
		}
	}
	return keyRange, nil
}

func (rs *restrictions) ckRestricted(pos int) bool {
	return rs.ck.at(pos) != nil || rs.multiAt(pos) != nil
}

func (rs *restrictions) String() string {
	return fmt.Sprintf("pk=%d ck=%d others=%d", rs.pk.count(), rs.ck.count(), len(rs.others))
}
