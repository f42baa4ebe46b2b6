package plan

import (
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// The clustering restrictions of a WHERE clause as Cassandra's
// RestrictionSet holds them: single-column restrictions and multi-column
// (tuple) ones, each on its own columns, in column order. A clustering
// column is restricted by at most one of them; a relation on a column that
// already has one is merged into it.

// ckSegment is one clustering restriction: a single-column restriction or
// a tuple one, covering the positions first..last.
type ckSegment struct {
	first, last int
	single      *restriction
	multi       *multiRestriction
}

func (s ckSegment) isSlice() bool {
	if s.single != nil {
		return s.single.isSlice()
	}
	return s.multi.isSlice()
}

func (s ckSegment) isContains() bool { return s.single != nil && s.single.isContains() }

// segments returns the clustering restrictions in column order.
func (rs *restrictions) segments() []ckSegment {
	var segs []ckSegment
	for _, p := range rs.ck.positions() {
		segs = append(segs, ckSegment{first: p, last: p, single: rs.ck.at(p)})
	}
	for _, m := range rs.multis {
		segs = append(segs, ckSegment{first: m.cols[0].Position, last: m.cols[len(m.cols)-1].Position, multi: m})
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i].first < segs[j].first })
	return segs
}

// multiAt returns the tuple restriction covering clustering position pos.
func (rs *restrictions) multiAt(pos int) *multiRestriction {
	for _, m := range rs.multis {
		if m.cols[0].Position <= pos && pos <= m.cols[len(m.cols)-1].Position {
			return m
		}
	}
	return nil
}

// checkClusteringMerge is ClusteringColumnRestrictions.mergeWith's check
// that nothing follows a slice (skipped with ALLOW FILTERING). first is the
// first column of the new restriction; the check looks at the restrictions
// made before it.
func (rs *restrictions) checkClusteringMerge(first int, newIsSlice bool) error {
	return rs.checkMergeAfter(rs.segments(), first, newIsSlice)
}

// checkMergeAfter is checkClusteringMerge against segs, the clustering
// restrictions as they were before the new one was merged in.
func (rs *restrictions) checkMergeAfter(segs []ckSegment, first int, newIsSlice bool) error {
	if rs.allowFiltering || len(segs) == 0 {
		return nil
	}
	last := segs[len(segs)-1]
	cks := rs.t.Clustering
	if last.isSlice() && first > last.first {
		return cqlerr.Invalidf("Clustering column \"%s\" cannot be restricted (preceding column \"%s\" is restricted by a non-EQ relation)", cks[first].Name, cks[last.first].Name)
	}
	if first < last.first && newIsSlice {
		next := len(cks)
		for _, sg := range segs {
			if sg.first > first && sg.first < next {
				next = sg.first
			}
		}
		if next >= len(cks) {
			next = len(cks) - 1
		}
		return cqlerr.Invalidf("PRIMARY KEY column \"%s\" cannot be restricted (preceding column \"%s\" is restricted by a non-EQ relation)", cks[next].Name, cks[first].Name)
	}
	return nil
}

// isSlice reports whether m is a tuple slice.
func (m *multiRestriction) isSlice() bool { return !m.hasEq && !m.hasIn && (m.lo.set || m.hi.set) }

// columnsInCommon names the columns of m that n also restricts
// (MultiColumnRestriction.getColumnsInCommons).
func (m *multiRestriction) columnsInCommon(n *multiRestriction) string {
	var names []string
	for _, c := range m.cols {
		for _, o := range n.cols {
			if c == o {
				names = append(names, c.Name)
			}
		}
	}
	return strings.Join(names, ", ")
}

// mergeMulti merges the tuple restriction n into m, which restricts some of
// the same columns, as MultiColumnRestriction.doMergeWith does: only two
// slices starting on the same column merge.
func mergeMulti(m, n *multiRestriction) error {
	common := m.columnsInCommon(n)
	switch {
	case m.hasEq:
		return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes an Equal", common)
	case m.hasIn:
		return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes %s", common, inKind(len(m.in)))
	case !n.isSlice():
		return cqlerr.Invalidf("Column \"%s\" cannot be restricted by both an equality and an inequality relation", common)
	}
	if m.cols[0] != n.cols[0] {
		col := m.cols[0]
		if n.cols[0].Position > col.Position {
			col = n.cols[0]
		}
		return cqlerr.Invalidf("Column \"%s\" cannot be restricted by two tuple-notation inequalities not starting with the same column", col.Name)
	}
	if m.lo.set && n.lo.set {
		return cqlerr.Invalidf("More than one restriction was found for the start bound on %s", common)
	}
	if m.hi.set && n.hi.set {
		return cqlerr.Invalidf("More than one restriction was found for the end bound on %s", common)
	}
	if n.lo.set {
		m.lo = n.lo
	}
	if n.hi.set {
		m.hi = n.hi
	}
	if len(n.cols) > len(m.cols) {
		m.cols = n.cols
	}
	return nil
}

// asMulti converts the single-column restriction r into a tuple one of one
// column (SingleColumnRestriction.toMultiColumnRestriction).
func asMulti(r *restriction) (*multiRestriction, error) {
	m := &multiRestriction{cols: []*schema.Column{r.col}}
	switch {
	case r.isContains():
		return nil, cqlerr.Invalidf("Collection column %s can only be restricted by CONTAINS, CONTAINS KEY, or map-entry equality", r.col.Name)
	case r.hasEq:
		m.eq, m.hasEq = []any{r.eq}, true
	case r.hasIn:
		for _, v := range r.in {
			m.in = append(m.in, []any{v})
		}
		m.hasIn = true
	}
	if r.lo.set {
		m.lo = bound{set: true, incl: r.lo.incl, val: []any{r.lo.val}}
	}
	if r.hi.set {
		m.hi = bound{set: true, incl: r.hi.incl, val: []any{r.hi.val}}
	}
	return m, nil
}

// addMultiRestriction merges the tuple restriction n with the clustering
// restrictions on its columns (RestrictionSet.addRestriction): the ones it
// overlaps are merged into it, or it merges into the one tuple it overlaps.
func (rs *restrictions) addMultiRestriction(n *multiRestriction) error {
	var overlapping []*multiRestriction
	var singles []int
	for _, c := range n.cols {
		if r := rs.ck.at(c.Position); r != nil {
			singles = append(singles, c.Position)
		}
		if m := rs.multiAt(c.Position); m != nil && (len(overlapping) == 0 || overlapping[len(overlapping)-1] != m) {
			overlapping = append(overlapping, m)
		}
	}
	if len(singles) == 0 && len(overlapping) == 0 {
		rs.multis = append(rs.multis, n)
		return nil
	}
	merged := n
	for _, p := range singles {
		m, err := asMulti(rs.ck.at(p))
		if err != nil {
			return err
		}
		if err := mergeMulti(m, merged); err != nil {
			return err
		}
		rs.ck.clear(p)
		merged = m
	}
	for _, m := range overlapping {
		if err := mergeMulti(m, merged); err != nil {
			return err
		}
		rs.removeMulti(m)
		merged = m
	}
	rs.multis = append(rs.multis, merged)
	return nil
}

func (rs *restrictions) removeMulti(m *multiRestriction) {
	for i, x := range rs.multis {
		if x == m {
			rs.multis = append(rs.multis[:i], rs.multis[i+1:]...)
			return
		}
	}
}
