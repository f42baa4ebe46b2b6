package plan

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// AlterTable checks ALTER TABLE and returns the changed table, or nil
// when the statement changes nothing: ALTER TABLE IF EXISTS on a missing
// table, or ADD IF NOT EXISTS and DROP IF EXISTS when they skip every
// column. A DROP records each column it removes as dropped at its USING
// TIMESTAMP, or else at timestamp (the statement's write timestamp, in
// microseconds).
//
// The checks follow Cassandra 5.0's AlterTableStatement and its
// subclasses, in their order.
func (c *Context) AlterTable(s *cql.AlterTableStmt, timestamp int64) (*schema.Table, error) {
	if s.Op == cql.AlterDrop && s.Timestamp != "" {
		// Parser.g reads the number with Long.parseLong as it parses,
		// so an overflow fails before anything else is looked at.
		ts, err := strconv.ParseInt(s.Timestamp, 10, 64)
		if err != nil {
			return nil, cqlerr.Syntaxf("Failed parsing statement: [%s] reason: NumberFormatException For input string: \"%s\"", s, s.Timestamp)
		}
		timestamp = ts
	}
	// AlterOptions.validate reads the option values before the statement
	// looks at the schema.
	var attrs *tableAttributes
	if s.Op == cql.AlterWith {
		a, err := readTableOptions(s.Options)
		if err != nil {
			return nil, err
		}
		attrs = a
	}
	// AlterTableStatement.apply names a missing table (or keyspace) with
	// the schema statements' wording, not the DML one.
	ks, err := c.keyspaceName(s.Name)
	if err != nil {
		return nil, err
	}
	if k := c.Catalog.Keyspace(ks); k == nil || k.Tables[s.Name.Name.Name] == nil {
		if s.IfExists {
			return nil, nil
		}
		return nil, cqlerr.Invalidf("Table '%s.%s' doesn't exist", ks, s.Name.Name.Name)
	}
	_, t, err := c.Table(s.Name)
	if err != nil {
		return nil, err
	}
	switch s.Op {
	case cql.AlterAdd:
		return c.addColumns(t, s)
	case cql.AlterDrop:
		return dropColumns(t, s, timestamp)
	case cql.AlterWith:
		return alterOptions(t, attrs)
	case cql.AlterRename:
		return nil, renameColumns(t, s)
	case cql.AlterType:
		// AlterTableStatement.AlterColumn: the new type is not even
		// looked at.
		return nil, cqlerr.Invalidf("Altering column types is no longer supported")
	case cql.AlterDropCompactStorage:
		// DropCompactStorage with drop_compact_storage_enabled: false,
		// the default of cassandra.yaml.
		return nil, cqlerr.Invalidf("DROP COMPACT STORAGE is disabled. Enable in cassandra.yaml to use.")
	}
	return nil, fmt.Errorf("unknown ALTER TABLE operation")
}

// addColumns is AlterTableStatement.AddColumns. Each column's type is
// resolved before anything else, even for a column that IF NOT EXISTS
// then skips; a column is compared with the table as the statement has
// changed it so far, so that a name written twice is a column that
// already exists. A skipped column is skipped whatever its type.
func (c *Context) addColumns(t *schema.Table, s *cql.AlterTableStmt) (*schema.Table, error) {
	cols := append([]*schema.Column(nil), t.Columns...)
	added := false
	for _, d := range s.Add {
		typ, err := c.resolveTypeIn(t.Keyspace, d.Type, false)
		if err != nil {
			return nil, err
		}
		if hasColumn(cols, d.Name.Name) {
			if s.IfColumnNotExists {
				continue
			}
			return nil, cqlerr.Invalidf("Column with name '%s' already exists", d.Name.Name)
		}
		kind := schema.Regular
		if d.Static {
			if len(t.Clustering) == 0 {
				return nil, cqlerr.Invalidf("Static columns are only useful (and thus allowed) if the table has at least one clustering column")
			}
			kind = schema.Static
		}
		if typ.Kind == value.KindUDT && typ.IsMultiCell() {
			for _, f := range typ.Elems {
				if f.IsMultiCell() {
					return nil, cqlerr.Invalidf("Non-frozen UDTs with nested non-frozen collections are not supported for column %s", d.Name.Name)
				}
			}
		}
		if err := checkReadd(t, d.Name.Name, typ, kind); err != nil {
			return nil, err
		}
		cols = append(cols, &schema.Column{Name: d.Name.Name, Type: typ, Kind: kind, Position: -1})
		added = true
	}
	if !added {
		return nil, nil
	}
	if err := checkCounterMix(t, cols); err != nil {
		return nil, err
	}
	return t.WithColumns(cols), nil
}

// hasColumn reports whether cols has a column of that name.
func hasColumn(cols []*schema.Column, name string) bool {
	for _, c := range cols {
		if c.Name == name {
			return true
		}
	}
	return false
}

// dropColumns is AlterTableStatement.DropColumns. Cassandra keeps the
// names in a HashSet, so it checks them in that set's order (see
// javaHashOrder), once each.
func dropColumns(t *schema.Table, s *cql.AlterTableStmt, timestamp int64) (*schema.Table, error) {
	cols := append([]*schema.Column(nil), t.Columns...)
	var dropped []*schema.Column
	for _, i := range javaHashOrder(identNames(s.Drop)) {
		id := s.Drop[i]
		col := t.Column(id.Name)
		if col == nil {
			if s.IfColumnExists {
				continue
			}
			return nil, cqlerr.Invalidf("Column %s was not found in table '%s.%s'", id.Name, value.QuoteIdent(t.Keyspace), value.QuoteIdent(t.Name))
		}
		if col.IsPrimaryKey() {
			return nil, cqlerr.Invalidf("Cannot drop PRIMARY KEY column %s", id.Name)
		}
		if col.Type.IsMultiCell() && col.Type.Kind == value.KindUDT {
			return nil, cqlerr.Invalidf("Cannot drop non-frozen column %s of user type %s", id.Name, col.Type)
		}
		for j, cc := range cols {
			if cc.Name == id.Name {
				cols = append(cols[:j], cols[j+1:]...)
				dropped = append(dropped, col)
				break
			}
		}
	}
	if len(dropped) == 0 {
		return nil, nil
	}
	nt := t.WithColumns(cols)
	for _, col := range dropped {
		nt.RecordDrop(col, timestamp)
	}
	return nt, nil
}

// alterOptions is AlterTableStatement.AlterOptions.apply: the options
// are checked alone (on the defaults), then merged into the table's.
func alterOptions(t *schema.Table, attrs *tableAttributes) (*schema.Table, error) {
	if err := attrs.checkNames(); err != nil {
		return nil, err
	}
	if err := validateTableParams(attrs.values); err != nil {
		return nil, err
	}
	if _, ok := attrs.props["id"]; ok {
		return nil, cqlerr.Configf("Cannot alter table id.")
	}
	nt := t.WithColumns(append([]*schema.Column(nil), t.Columns...))
	for k, v := range attrs.values {
		nt.Options[k] = v
	}
	if err := validateTableParams(nt.Options); err != nil {
		return nil, err
	}
	if v, ok := attrs.values["default_time_to_live"]; ok {
		nt.DefaultTTL, _ = strconv.Atoi(v)
	}
	if t.HasCounters() && nt.DefaultTTL > 0 {
		return nil, cqlerr.Invalidf("Cannot set default_time_to_live on a table with counters")
	}
	return nt, nil
}

// renameColumns makes AlterTableStatement.RenameColumns's checks, so that
// a rename Cassandra refuses is refused with its words, and then refuses
// the rest: the sandbox's keys hold column names. Cassandra keeps the
// renames in a HashMap (a name renamed twice keeps its last target) and
// checks them in its order. Its check that the column exists comes
// before it looks at IF EXISTS, so IF EXISTS never skips a column.
func renameColumns(t *schema.Table, s *cql.AlterTableStmt) error {
	var from []string
	target := map[string]cql.Ident{}
	first := map[string]cql.Ident{}
	for _, r := range s.Renames {
		if _, ok := target[r[0].Name]; !ok {
			from = append(from, r[0].Name)
			first[r[0].Name] = r[0]
		}
		target[r[0].Name] = r[1]
	}
	for _, i := range javaHashOrder(from) {
		old, to := first[from[i]], target[from[i]]
		col, err := column(t, old)
		if err != nil {
			return err
		}
		if !col.IsPrimaryKey() {
			return cqlerr.Invalidf("Cannot rename non PRIMARY KEY column %s", old.Name)
		}
		if t.Column(to.Name) != nil {
			return cqlerr.Invalidf("Cannot rename column %s to %s in table '%s'; another column with that name already exists", old.Name, to.Name, t.QualifiedName())
		}
	}
	return cqlerr.Invalidf("renaming columns is not supported by the learnkv sandbox (its keys hold column names)")
}

// identNames returns the names of ids.
func identNames(ids []cql.Ident) []string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id.Name
	}
	return names
}

// javaHashOrder returns the indexes of the distinct names (the first of
// each) in the order a java.util.HashSet of Cassandra's ColumnIdentifiers
// iterates them: by bucket (the spread hash of the name's UTF-8 bytes,
// modulo the table size, which starts at 16 and doubles whenever the set
// grows past three quarters of it), then in insertion order within a
// bucket. Buckets of eight names or more, which Java turns into trees,
// are not modelled.
func javaHashOrder(names []string) []int {
	seen := map[string]bool{}
	var idx []int
	for i, n := range names {
		if !seen[n] {
			seen[n] = true
			idx = append(idx, i)
		}
	}
	size := 16
	for len(idx) > size*3/4 {
		size *= 2
	}
	bucket := func(name string) int {
		h := int32(1)
		for i := len(name) - 1; i >= 0; i-- {
			h = 31*h + int32(int8(name[i]))
		}
		u := uint32(h)
		return int((u ^ u>>16) & uint32(size-1))
	}
	sort.SliceStable(idx, func(a, b int) bool { return bucket(names[idx[a]]) < bucket(names[idx[b]]) })
	return idx
}

// checkReadd is AlterTableStatement.AddColumns's check of a column added
// back under the name of a dropped one: storage may still hold the old
// cells, so the new type must read them and the column must be of the
// same kind; a counter column never comes back.
func checkReadd(t *schema.Table, name string, typ *value.Type, kind schema.ColumnKind) error {
	d := t.DroppedColumn(name)
	if d == nil {
		return nil
	}
	if !schema.ReaddCompatible(typ, d.Type) {
		return cqlerr.Invalidf("Cannot re-add previously dropped column '%s' of type %s, incompatible with previous type %s", name, typ, d.Type)
	}
	if (kind == schema.Static) != (d.Kind == schema.Static) {
		return cqlerr.Invalidf("Cannot re-add previously dropped column '%s' of kind %s, incompatible with previous kind %s", name, kindName(kind), kindName(d.Kind))
	}
	if t.HasCounters() || d.Type.IsCounter() {
		return cqlerr.Invalidf("Cannot re-add previously dropped counter column %s", name)
	}
	return nil
}

// kindName names a column kind as ColumnMetadata.Kind prints it.
func kindName(k schema.ColumnKind) string { return strings.ToUpper(k.String()) }

// checkCounterMix is TableMetadata.validate's check of a table with added
// columns: a counter table takes only counter columns, and other tables
// none. Cassandra looks at the static columns, then the regular ones,
// each in its Columns order (single-cell columns by name, then the
// others by name).
func checkCounterMix(t *schema.Table, cols []*schema.Column) error {
	counter := t.HasCounters()
	var ordered []*schema.Column
	for _, kind := range []schema.ColumnKind{schema.Static, schema.Regular} {
		var simple, complex []*schema.Column
		for _, c := range cols {
			switch {
			case c.Kind != kind:
			case c.Type.IsMultiCell():
				complex = append(complex, c)
			default:
				simple = append(simple, c)
			}
		}
		sort.Slice(simple, func(i, j int) bool { return simple[i].Name < simple[j].Name })
		sort.Slice(complex, func(i, j int) bool { return complex[i].Name < complex[j].Name })
		ordered = append(append(ordered, simple...), complex...)
	}
	for _, c := range ordered {
		if counter && !c.Type.IsCounter() {
			return cqlerr.Configf("%s.%s: Cannot have a non counter column (\"%s\") in a counter table", t.Keyspace, t.Name, c.Name)
		}
		if !counter && c.Type.IsCounter() {
			return cqlerr.Configf("%s.%s: Cannot have a counter column (\"%s\") in a non counter table", t.Keyspace, t.Name, c.Name)
		}
	}
	return nil
}
