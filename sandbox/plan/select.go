package plan

import (
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Select plans a SELECT statement.
func (c *Context) Select(s *cql.SelectStmt) (*Select, error) {
	k, t, err := c.Table(s.Table)
	if err != nil {
		return nil, err
	}
	exprs, cols, err := c.selection(t, s.Selectors)
	if err != nil {
		return nil, err
	}
	var read columnSet
	if len(s.Selectors) == 0 {
		// SELECT * reads every column, each once (read only: capped).
		read.list = t.Columns[:len(t.Columns):len(t.Columns)]
	} else {
		read.list = make([]*schema.Column, 0, len(exprs))
		for _, e := range exprs {
			selectedColumns(e, &read)
		}
	}
	staticOnly := false
	if t.HasStatic() && len(s.Selectors) > 0 {
		hasStatic, hasOther := false, false
		for _, col := range read.list {
			switch col.Kind {
			case schema.Static:
				hasStatic = true
			case schema.Clustering, schema.Regular:
				hasOther = true
			}
		}
		staticOnly = hasStatic && !hasOther
	}
	// ORDER BY columns are resolved before the WHERE clause.
	type ordering struct {
		col  *schema.Column
		desc bool
	}
	var orderings []ordering
	for _, o := range s.OrderBy {
		col, err := column(t, o.Column)
		if err != nil {
			return nil, err
		}
		orderings = append(orderings, ordering{col, o.Desc})
	}
	rs := newRestrictions(c, t, selectStmt, s.AllowFiltering)
	for i := range s.Where {
		if err := rs.add(&s.Where[i]); err != nil {
			return nil, err
		}
	}
	keyRange, err := rs.process(staticOnly)
	if err != nil {
		return nil, err
	}
	p := &Select{Table: t, RF: k.ReplicationFactor(), Columns: cols, Selectors: exprs,
		Distinct: s.Distinct, JSON: s.JSON, StaticOnly: staticOnly, AllowFiltering: s.AllowFiltering}
	for _, e := range exprs {
		if isAggregate(e) {
			p.Aggregate = true
		}
	}
	if s.Distinct {
		if s.PerPartitionLimit != nil {
			return nil, cqlerr.Invalidf("PER PARTITION LIMIT is not allowed with SELECT DISTINCT queries")
		}
		if err := validateDistinct(t, rs, &read, keyRange); err != nil {
			return nil, err
		}
	}
	if len(s.GroupBy) > 0 {
		if p.GroupBy, err = c.groupBy(t, s.GroupBy, rs, s.Distinct); err != nil {
			return nil, err
		}
	} else if p.Aggregate && s.PerPartitionLimit != nil {
		return nil, cqlerr.Invalidf("PER PARTITION LIMIT is not allowed with aggregate queries.")
	}
	if len(orderings) > 0 {
		if keyRange {
			return nil, cqlerr.Invalidf("ORDER BY is only supported when the partition key is restricted by an EQ or an IN.")
		}
		var reversed *bool
		i := 0
		for _, o := range orderings {
			if o.col.Kind != schema.Clustering {
				return nil, cqlerr.Invalidf("Order by is currently only supported on the clustered columns of the PRIMARY KEY, got %s", o.col.Name)
			}
			for i != o.col.Position {
				if !rs.restrictedByEq(i) {
					return nil, cqlerr.Invalidf("Order by currently only supports the ordering of columns following their declared order in the PRIMARY KEY")
				}
				i++
			}
			i++
			r := o.desc != o.col.Desc
			if reversed != nil && *reversed != r {
				return nil, cqlerr.Invalidf("Unsupported order by relation")
			}
			reversed = &r
		}
		p.Reversed = *reversed
	}
	// checkNeedsFiltering: a range query with clustering restrictions
	// filters.
	if !s.AllowFiltering && keyRange && rs.hasCK() {
		return nil, cqlerr.Invalidf("%s", RequiresAllowFiltering)
	}
	// Partitions.
	pkFiltered := rs.pkNeedsFiltering()
	if !keyRange {
		if p.Keys, err = rs.partitionKeys(); err != nil {
			return nil, err
		}
		if len(orderings) > 0 && len(p.Keys) > 1 {
			p.PostOrder = true
		}
	}
	p.Tokens = rs.tokenRange()
	slices, used, err := rs.clustering()
	if err != nil {
		return nil, err
	}
	p.Slices = slices
	p.Filters = rs.filters(used, pkFiltered)
	p.NeedsFiltering = len(p.Filters) > 0
	if s.Limit != nil {
		n, err := c.intValue(s.Limit, "[limit]", value.IntType)
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, cqlerr.Invalidf("LIMIT must be strictly positive")
		}
		p.Limit = int(n)
	}
	if s.PerPartitionLimit != nil {
		n, err := c.intValue(s.PerPartitionLimit, "[per_partition_limit]", value.IntType)
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, cqlerr.Invalidf("LIMIT must be strictly positive")
		}
		p.PerPartitionLimit = int(n)
	}
	if p.GroupBy != nil && p.GroupBy.Func != nil {
		// AggregationSpecification's factory validates the function when
		// the query executes.
		if err := validateForGroupBy(p.GroupBy.Func); err != nil {
			return nil, err
		}
	}
	if p.Aggregate || p.GroupBy != nil {
		switch {
		case rs.pk.count() == 0 && rs.token == nil:
			p.Warnings = append(p.Warnings, "Aggregation query used without partition key")
		case rs.hasPartitionKeyIn():
			p.Warnings = append(p.Warnings, "Aggregation query used on multiple partition keys (IN restriction)")
		}
	}
	if len(s.Selectors) == 0 {
		if cols := t.NonKeyColumns(); len(cols) > 0 {
			p.ReadColumns = cols[:len(cols):len(cols)]
		}
	} else {
		// The non-key columns read, filtered in place: read is done with.
		readColumns := read.list[:0]
		for _, col := range read.list {
			if !col.IsPrimaryKey() {
				readColumns = append(readColumns, col)
			}
		}
		if len(readColumns) > 0 {
			p.ReadColumns = readColumns
		}
	}
	return p, nil
}

func validateDistinct(t *schema.Table, rs *restrictions, read *columnSet, keyRange bool) error {
	onlyStatic := true
	for _, o := range rs.others {
		if o.col.Kind != schema.Static {
			onlyStatic = false
		}
	}
	if rs.hasCK() || (len(rs.others) > 0 && !onlyStatic) {
		return cqlerr.Invalidf("SELECT DISTINCT with WHERE clause only supports restriction by partition key and/or static columns.")
	}
	for _, col := range t.Columns {
		if read.has(col) && col.Kind != schema.PartitionKey && col.Kind != schema.Static {
			return cqlerr.Invalidf("SELECT DISTINCT queries must only request partition key columns and/or static columns (not %s)", col.Name)
		}
	}
	if keyRange {
		for _, col := range t.PartitionKey {
			if !read.has(col) {
				return cqlerr.Invalidf("SELECT DISTINCT queries must request all the partition key columns (missing %s)", col.Name)
			}
		}
	}
	return nil
}
