package plan

import (
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// The token() and multi-column relations of a WHERE clause.

// addToken adds a token(...) relation.
func (rs *restrictions) addToken(rel *cql.Relation) error {
	pk := rs.t.PartitionKey
	for _, id := range rel.Columns {
		if _, err := column(rs.t, id); err != nil {
			return err
		}
	}
	names := make([]string, len(pk))
	for i, c := range pk {
		names[i] = c.Name
	}
	if len(rel.Columns) != len(pk) {
		return cqlerr.Invalidf("The token() function must be applied to all partition key components or none of them")
	}
	for i, id := range rel.Columns {
		if id.Name != pk[i].Name {
			for _, c := range pk {
				if c.Name == id.Name {
					return cqlerr.Invalidf("The token function arguments must be in the partition key order: %s", strings.Join(names, ", "))
				}
			}
			return cqlerr.Invalidf("The token() function is only supported on the partition key, found on %s", id.Name)
		}
	}
	if rs.pk.count() > 0 {
		return cqlerr.Invalidf("Columns \"%s\" cannot be restricted by both a normal relation and a token relation", strings.Join(names, ", "))
	}
	if rs.token == nil {
		rs.token = &tokenRestriction{}
	}
	tr := rs.token
	if rel.Op == cql.OpIn {
		return cqlerr.Invalidf("IN is not supported on token()")
	}
	if rel.Op != cql.OpEq && !rel.Op.IsSlice() {
		return cqlerr.Invalidf("Unsupported %s relation on token()", rel.Op)
	}
	tok, err := rs.tokenValue(rel.Value)
	if err != nil {
		return err
	}
	if tr.eq != nil {
		// TokenRestriction names the columns, not token(...)
		// (SelectOrderedPartitionerTest).
		return cqlerr.Invalidf("%s cannot be restricted by more than one relation if it includes an Equal", strings.Join(names, ", "))
	}
	switch rel.Op {
	case cql.OpEq:
		if tr.lo.set || tr.hi.set {
			return cqlerr.Invalidf("Columns \"%s\" cannot be restricted by both an equality and an inequality relation", strings.Join(names, ", "))
		}
		tr.eq = &tok
	case cql.OpGt, cql.OpGte:
		if tr.lo.set {
			return cqlerr.Invalidf("More than one restriction was found for the start bound on %s", strings.Join(names, ", "))
		}
		tr.lo = bound{set: true, incl: rel.Op == cql.OpGte, val: tok}
	default:
		if tr.hi.set {
			return cqlerr.Invalidf("More than one restriction was found for the end bound on %s", strings.Join(names, ", "))
		}
		tr.hi = bound{set: true, incl: rel.Op == cql.OpLte, val: tok}
	}
	return nil
}

// tokenValue evaluates the right side of a token relation: a bigint, or
// token(...) of partition key values.
func (rs *restrictions) tokenValue(t cql.Term) (int64, error) {
	if fc, ok := t.(*cql.FuncCall); ok && strings.EqualFold(fc.Name.Name, "token") {
		pk := rs.t.PartitionKey
		if len(fc.Args) != len(pk) {
			return 0, cqlerr.Invalidf("Invalid number of arguments in call to function system.token: %d required but %d provided", len(pk), len(fc.Args))
		}
		vals := make([]any, len(pk))
		for i, a := range fc.Args {
			v, err := rs.c.value(a, receiver{name: pk[i].Name, typ: pk[i].Type})
			if err != nil {
				return 0, err
			}
			if v == nil {
				return 0, cqlerr.Invalidf("Invalid null value for partition key part %s", pk[i].Name)
			}
			vals[i] = v
		}
		return makeKey(rs.t, vals).Token, nil
	}
	v, err := rs.c.value(t, receiver{name: "partition key token", typ: value.BigintType})
	if err != nil {
		return 0, err
	}
	if v == nil {
		return 0, cqlerr.Invalidf("Invalid null token value")
	}
	return v.(int64), nil
}

// addMulti adds a multi-column relation (a, b) op (x, y)
// (MultiColumnRelation.toRestriction, then the merge into the clustering
// restrictions and ClusteringColumnRestrictions.mergeWith's checks).
func (rs *restrictions) addMulti(rel *cql.Relation) error {
	cols := make([]*schema.Column, len(rel.Columns))
	for i, id := range rel.Columns {
		col, err := column(rs.t, id)
		if err != nil {
			return err
		}
		if col.Kind != schema.Clustering {
			return cqlerr.Invalidf("Multi-column relations can only be applied to clustering columns but was applied to: %s", col.Name)
		}
		for _, prev := range cols[:i] {
			if prev == col {
				return cqlerr.Invalidf("Column \"%s\" appeared twice in a relation: %s", col.Name, relationText(rel))
			}
		}
		if i > 0 && col.Position != cols[i-1].Position+1 {
			return cqlerr.Invalidf("Clustering columns must appear in the PRIMARY KEY order in multi-column relations: %s", relationText(rel))
		}
		cols[i] = col
	}
	n, err := rs.tupleRestriction(cols, rel, true)
	if err != nil {
		return err
	}
	before := rs.segments()
	if err := rs.addMultiRestriction(n); err != nil {
		return err
	}
	return rs.checkMergeAfter(before, cols[0].Position, n.isSlice())
}

// tupleRestriction evaluates a tuple relation on cols; with tupled false
// rel is a single-column relation on cols[0] taken as a tuple of one.
func (rs *restrictions) tupleRestriction(cols []*schema.Column, rel *cql.Relation, tupled bool) (*multiRestriction, error) {
	tuple := func(t cql.Term, in bool) ([]any, error) {
		elems := []cql.Term{t}
		if tupled {
			tl, ok := t.(*cql.TupleLit)
			if !ok || len(tl.Elems) != len(cols) {
				return nil, cqlerr.Invalidf("Expected %d elements in value tuple, but got %d: %s", len(cols), tupleLen(t), termText(t))
			}
			elems = tl.Elems
		}
		out := make([]any, len(cols))
		for i, e := range elems {
			v, err := rs.c.value(e, receiver{name: cols[i].Name, typ: cols[i].Type})
			if err != nil {
				return nil, err
			}
			if v == nil {
				if in && len(cols) > 1 {
					names := make([]string, len(cols))
					for j, c := range cols {
						names[j] = c.Name
					}
					return nil, cqlerr.Invalidf("Invalid null value in condition for columns: [%s]", strings.Join(names, ", "))
				}
				return nil, cqlerr.Invalidf("Invalid null value in condition for column %s", cols[i].Name)
			}
			out[i] = v
		}
		return out, nil
	}
	m := &multiRestriction{cols: cols}
	switch rel.Op {
	case cql.OpEq:
		v, err := tuple(rel.Value, false)
		if err != nil {
			return nil, err
		}
		m.eq, m.hasEq = v, true
	case cql.OpIn:
		for _, t := range rel.Values {
			v, err := tuple(t, true)
			if err != nil {
				return nil, err
			}
			m.in = append(m.in, v)
		}
		m.hasIn = true
	case cql.OpGt, cql.OpGte, cql.OpLt, cql.OpLte:
		v, err := tuple(rel.Value, false)
		if err != nil {
			return nil, err
		}
		b := bound{set: true, incl: rel.Op == cql.OpGte || rel.Op == cql.OpLte, val: v}
		if rel.Op == cql.OpGt || rel.Op == cql.OpGte {
			m.lo = b
		} else {
			m.hi = b
		}
	case cql.OpContains, cql.OpContainsKey:
		return nil, cqlerr.Invalidf("Collection column %s can only be restricted by CONTAINS, CONTAINS KEY, or map-entry equality", cols[0].Name)
	default:
		return nil, cqlerr.Invalidf("Unsupported \"%s\" relation: %s", rel.Op, relationText(rel))
	}
	return m, nil
}

func tupleLen(t cql.Term) int {
	if tl, ok := t.(*cql.TupleLit); ok {
		return len(tl.Elems)
	}
	return 1
}
