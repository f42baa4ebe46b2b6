package plan

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

var validName = regexp.MustCompile(`^\w{1,48}$`)

// CreateTable checks CREATE TABLE and returns the new table, or nil when
// it exists and IF NOT EXISTS was given. The table has no ID yet.
func (c *Context) CreateTable(s *cql.CreateTableStmt) (*schema.Table, error) {
	tname := s.Name.Name.Name
	pk, ck, err := tableDefinition(s)
	if err != nil {
		return nil, err
	}
	// CreateTableStatement.Raw.prepare: the keyspace, then the key.
	ks, err := c.keyspaceName(s.Name)
	if err != nil {
		return nil, err
	}
	if len(pk) == 0 {
		return nil, cqlerr.Invalidf("No PRIMARY KEY specifed for table '%s' (exactly one required)", writtenName(s.Name))
	}
	if s.CompactStorage {
		return nil, cqlerr.Invalidf("Compact tables are not allowed in Cassandra starting with 4.0 version.")
	}
	// CreateTableStatement.validate reads the option values before the
	// statement looks at the schema.
	attrs, err := readTableOptions(s.Options)
	if err != nil {
		return nil, err
	}
	if err := checkKeyspaceName(ks); err != nil {
		return nil, err
	}
	k := c.Catalog.Keyspace(ks)
	if k == nil {
		return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", ks)
	}
	if k.Tables[tname] != nil {
		if s.IfNotExists {
			return nil, nil
		}
		return nil, cqlerr.TableExists(ks, tname)
	}
	if err := attrs.checkNames(); err != nil {
		return nil, err
	}
	if err := validateTableParams(attrs.values); err != nil {
		return nil, err
	}
	if err := attrs.checkID(); err != nil {
		return nil, err
	}
	opts := attrs.values
	types := map[string]*value.Type{}
	statics := map[string]bool{}
	// Cassandra prepares columns in name order; so do we, for the first
	// type error reported.
	names := make([]string, 0, len(s.Columns))
	defs := map[string]cql.ColumnDef{}
	for _, col := range s.Columns {
		names = append(names, col.Name.Name)
		defs[col.Name.Name] = col
	}
	sort.Strings(names)
	for _, n := range names {
		col := defs[n]
		if err := checkTypeKeyspace(ks, col.Type); err != nil {
			return nil, err
		}
		t, err := c.resolveTypeIn(ks, col.Type, false)
		if err != nil {
			return nil, err
		}
		if t.Kind == value.KindUDT && !t.Frozen {
			for _, f := range t.Elems {
				if f.IsMultiCell() {
					return nil, cqlerr.Invalidf("Non-frozen UDTs with nested non-frozen collections are not supported")
				}
			}
		}
		types[n] = t
		if col.Static {
			statics[n] = true
		}
	}
	inPK := map[string]bool{}
	for _, id := range append(append([]cql.Ident{}, pk...), ck...) {
		t, ok := types[id.Name]
		if !ok {
			return nil, cqlerr.Invalidf("Unknown column '%s' referenced in PRIMARY KEY for table '%s'", id.Name, tname)
		}
		if inPK[id.Name] {
			return nil, cqlerr.Invalidf("Duplicate column '%s' in PRIMARY KEY clause for table '%s'", id.Name, tname)
		}
		inPK[id.Name] = true
		if t.IsMultiCell() {
			if t.Kind.IsCollection() {
				return nil, cqlerr.Invalidf("Invalid non-frozen collection type %s for PRIMARY KEY column '%s'", t, id.Name)
			}
			return nil, cqlerr.Invalidf("Invalid non-frozen user-defined type %s for PRIMARY KEY column '%s'", t, id.Name)
		}
		if t.IsCounter() {
			return nil, cqlerr.Invalidf("counter type is not supported for PRIMARY KEY column '%s'", id.Name)
		}
		if referencesDuration(t) {
			return nil, cqlerr.Invalidf("duration type is not supported for PRIMARY KEY column '%s'", id.Name)
		}
		if statics[id.Name] {
			return nil, cqlerr.Invalidf("Static column '%s' cannot be part of the PRIMARY KEY", id.Name)
		}
	}
	// CLUSTERING ORDER BY.
	desc := map[string]bool{}
	var notClustering []string
	isCK := map[string]bool{}
	for _, id := range ck {
		isCK[id.Name] = true
	}
	for _, o := range s.ClusteringOrder {
		if !isCK[o.Column.Name] {
			notClustering = append(notClustering, o.Column.Name)
		}
		desc[o.Column.Name] = o.Desc
	}
	if len(notClustering) > 0 {
		return nil, cqlerr.Invalidf("Only clustering key columns can be defined in CLUSTERING ORDER directive: [%s] are not clustering columns", strings.Join(notClustering, ", "))
	}
	for i, o := range s.ClusteringOrder {
		if i >= len(ck) {
			break
		}
		want := ck[i].Name
		if o.Column.Name != want {
			if _, ok := desc[want]; ok {
				return nil, cqlerr.Invalidf("The order of columns in the CLUSTERING ORDER directive must match that of the clustering columns (%s must appear before %s)", want, o.Column.Name)
			}
			return nil, cqlerr.Invalidf("Missing CLUSTERING ORDER for column %s", want)
		}
	}
	if len(ck) == 0 && len(statics) > 0 {
		return nil, cqlerr.Invalidf("Static columns are only useful (and thus allowed) if the table has at least one clustering column")
	}
	counters, others := 0, 0
	for n, t := range types {
		if inPK[n] {
			continue
		}
		if t.IsCounter() {
			counters++
		} else {
			others++
		}
	}
	if counters > 0 && others > 0 {
		return nil, cqlerr.Invalidf("Cannot mix counter and non counter columns in the same table")
	}
	if ttl, _ := strconv.Atoi(opts["default_time_to_live"]); counters > 0 && ttl > 0 {
		return nil, cqlerr.Invalidf("Cannot set default_time_to_live on a table with counters")
	}
	// TableMetadata.validate, once the table is built.
	if !validName.MatchString(tname) {
		return nil, cqlerr.Configf("%s.%s: Table name must not be empty, more than 48 characters long, or contain non-alphanumeric-underscore characters (got \"%s\")", ks, tname, tname)
	}
	var cols []*schema.Column
	for i, id := range pk {
		cols = append(cols, &schema.Column{Name: id.Name, Type: types[id.Name], Kind: schema.PartitionKey, Position: i})
	}
	for i, id := range ck {
		cols = append(cols, &schema.Column{Name: id.Name, Type: types[id.Name], Kind: schema.Clustering, Position: i, Desc: desc[id.Name]})
	}
	for _, n := range names {
		if inPK[n] {
			continue
		}
		kind := schema.Regular
		if statics[n] {
			kind = schema.Static
		}
		cols = append(cols, &schema.Column{Name: n, Type: types[n], Kind: kind, Position: -1})
	}
	t := schema.NewTable(ks, tname, 0, cols)
	t.Options = opts
	if v, ok := opts["default_time_to_live"]; ok {
		t.DefaultTTL, _ = strconv.Atoi(v)
	}
	return t, nil
}

func referencesDuration(t *value.Type) bool {
	if t.Kind == value.KindDuration {
		return true
	}
	for _, e := range t.Elems {
		if referencesDuration(e) {
			return true
		}
	}
	return false
}

// tableDefinition makes the checks CreateTableStatement.Raw makes while
// the statement is parsed, in the order of its text, and returns the
// partition key (none if no PRIMARY KEY was given) and clustering
// columns. Its messages name the table as written.
func tableDefinition(s *cql.CreateTableStmt) (pk, ck []cql.Ident, err error) {
	written := writtenName(s.Name)
	type element struct {
		offset int
		col    *cql.ColumnDef
		key    *cql.PrimaryKeyDef
	}
	var elems []element
	for i := range s.Columns {
		elems = append(elems, element{offset: s.Columns[i].Name.Pos.Offset, col: &s.Columns[i]})
	}
	for i := range s.PrimaryKeys {
		elems = append(elems, element{offset: s.PrimaryKeys[i].Pos.Offset, key: &s.PrimaryKeys[i]})
	}
	sort.SliceStable(elems, func(i, j int) bool { return elems[i].offset < elems[j].offset })
	seen := map[string]bool{}
	hasPK := false
	for _, e := range elems {
		if e.col != nil {
			if seen[e.col.Name.Name] {
				return nil, nil, cqlerr.Invalidf("Duplicate column '%s' declaration for table '%s'", e.col.Name.Name, written)
			}
			seen[e.col.Name.Name] = true
			if !e.col.PrimaryKey {
				continue
			}
		}
		if hasPK {
			return nil, nil, cqlerr.Invalidf("Multiple PRIMARY KEY specified for table '%s' (exactly one required)", written)
		}
		hasPK = true
		if e.col != nil {
			pk, ck = []cql.Ident{e.col.Name}, nil
		} else {
			pk, ck = e.key.PartitionKey, e.key.Clustering
		}
	}
	ordered := map[string]bool{}
	for _, o := range s.ClusteringOrder {
		if ordered[o.Column.Name] {
			return nil, nil, cqlerr.Invalidf("Duplicate column '%s' in CLUSTERING ORDER BY clause for table '%s'", o.Column.Name, written)
		}
		ordered[o.Column.Name] = true
	}
	return pk, ck, nil
}

// checkKeyspaceName is AlterSchemaStatement.validateKeyspaceName, which
// every schema statement makes before it looks at the schema.
func checkKeyspaceName(ks string) error {
	if !validName.MatchString(ks) {
		return cqlerr.Invalidf("Keyspace name must not be empty, more than 48 characters long, or contain non-alphanumeric-underscore characters (got '%s')", ks)
	}
	return nil
}

// writtenName is QualifiedName.toString: the name as written, with its
// keyspace if one was written, unquoted.
func writtenName(q cql.QualifiedName) string {
	if q.Keyspace.Name != "" {
		return q.Keyspace.Name + "." + q.Name.Name
	}
	return q.Name.Name
}
