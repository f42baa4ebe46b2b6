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

// Replication reads the options of CREATE/ALTER KEYSPACE and checks them as
// Cassandra does for SimpleStrategy and NetworkTopologyStrategy (whose
// only data centre here is datacenter1). prev is the keyspace being altered,
// nil for CREATE: ALTER keeps the options it does not mention.
func (c *Context) Replication(ks string, opts []cql.Property, prev *schema.Keyspace) (map[string]string, bool, error) {
	durable := true
	if prev != nil {
		durable = prev.DurableWrites
	}
	var repl map[string]string
	for _, p := range opts {
		switch strings.ToLower(p.Name.Name) {
		case "replication":
			m, ok := p.Value.(*cql.MapLit)
			if !ok {
				return nil, false, cqlerr.Syntaxf("Invalid value for property 'replication'. It should be a map.")
			}
			repl = map[string]string{}
			for _, e := range m.Entries {
				k, kok := e.Key.(*cql.Literal)
				v, vok := e.Value.(*cql.Literal)
				if !kok || !vok {
					return nil, false, cqlerr.Syntaxf("Invalid value for property 'replication'. It should be a map of string to string.")
				}
				repl[k.Text] = v.Text
			}
		case "durable_writes":
			l, ok := p.Value.(*cql.Literal)
			if !ok {
				return nil, false, cqlerr.Syntaxf("Invalid boolean value %s for 'durable_writes'", p.Value.String())
			}
			durable = !strings.EqualFold(l.Text, "false")
		default:
			return nil, false, cqlerr.Syntaxf("Unknown property '%s'", p.Name.Name)
		}
	}
	if repl == nil {
		if prev == nil {
			return nil, false, cqlerr.Invalidf("Missing mandatory option 'replication'")
		}
		return prev.Replication, durable, nil
	}
	class := repl["class"]
	if class == "" {
		return nil, false, cqlerr.Configf("Missing replication strategy class")
	}
	short := class[strings.LastIndex(class, ".")+1:]
	if class != short && class != "org.apache.cassandra.locator."+short {
		short = ""
	}
	options := make(map[string]string, len(repl))
	for k, v := range repl {
		if k != "class" {
			options[k] = v
		}
	}
	var previous map[string]string
	if prev != nil {
		previous = prev.Replication
	}
	switch short {
	case "SimpleStrategy":
		rf, ok := options["replication_factor"]
		if !ok {
			return nil, false, cqlerr.Configf("SimpleStrategy requires a replication_factor strategy option.")
		}
		if err := checkRF(rf); err != nil {
			return nil, false, err
		}
		if k := firstUnknown(options, "replication_factor"); k != "" {
			return nil, false, cqlerr.Configf("Unrecognized strategy option {%s} passed to SimpleStrategy for keyspace %s", k, ks)
		}
	case "NetworkTopologyStrategy":
		prepareNTS(options, previous)
		for _, k := range sortedKeys(options) {
			if err := checkRF(options[k]); err != nil {
				return nil, false, err
			}
		}
		if len(options) == 0 {
			return nil, false, cqlerr.Configf("Configuration for at least one datacenter must be present")
		}
		if k := firstUnknown(options, Datacenter); k != "" {
			return nil, false, cqlerr.Configf("Unrecognized strategy option {%s} passed to NetworkTopologyStrategy for keyspace %s", k, ks)
		}
	default:
		if !strings.Contains(class, ".") {
			class = "org.apache.cassandra.locator." + class
		}
		return nil, false, cqlerr.Configf("Unable to find replication strategy class '%s'", class)
	}
	options["class"] = "org.apache.cassandra.locator." + short
	return options, durable, nil
}

// Datacenter is the name of the sandbox cluster's only data centre.
const Datacenter = "datacenter1"

// prepareNTS is NetworkTopologyStrategy.prepareOptions: replication_factor
// expands to every data centre not named explicitly, an ALTER keeps the data
// centres it does not mention, and a factor of 0 removes a data centre.
func prepareNTS(options, previous map[string]string) {
	if len(options) == 0 {
		rf, ok := previous["replication_factor"]
		if !ok {
			rf = "1" // default_keyspace_rf
		}
		options["replication_factor"] = rf
	}
	rf, ok := options["replication_factor"]
	delete(options, "replication_factor")
	switch {
	case !ok && len(options) == 0:
		rf, ok = previous["replication_factor"]
	case ok:
		for k, v := range previous {
			if _, set := options[k]; !set && k != "replication_factor" && k != "class" {
				options[k] = v
			}
		}
	}
	if ok {
		if _, set := options[Datacenter]; !set {
			options[Datacenter] = rf
		}
	}
	for k, v := range options {
		if v == "0" {
			delete(options, k)
		}
	}
}

// firstUnknown returns the first option, in sorted order, that is not
// known, or "".
func firstUnknown(options map[string]string, known string) string {
	for _, k := range sortedKeys(options) {
		if k != known {
			return k
		}
	}
	return ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkRF is ReplicationFactor.fromString: a Java int, not negative.
func checkRF(s string) error {
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return cqlerr.Configf("For input string: \"%s\"", s)
	}
	if n < 0 {
		return cqlerr.Configf("Replication factor must be non-negative, found %d", n)
	}
	return nil
}

// CreateKeyspace checks CREATE KEYSPACE and returns the new keyspace, or
// nil when it exists and IF NOT EXISTS was given.
func (c *Context) CreateKeyspace(s *cql.CreateKeyspaceStmt) (*schema.Keyspace, error) {
	if !validName.MatchString(s.Name.Name) {
		return nil, cqlerr.Invalidf("Keyspace name must not be empty, more than 48 characters long, or contain non-alphanumeric-underscore characters (got \"%s\")", s.Name.Name)
	}
	repl, durable, err := c.Replication(s.Name.Name, s.Options, nil)
	if err != nil {
		return nil, err
	}
	if c.Catalog.Keyspace(s.Name.Name) != nil {
		if s.IfNotExists {
			return nil, nil
		}
		return nil, cqlerr.KeyspaceExists(s.Name.Name)
	}
	k := schema.NewKeyspace(s.Name.Name, repl)
	k.DurableWrites = durable
	return k, nil
}

// CreateTable checks CREATE TABLE and returns the new table, or nil when
// it exists and IF NOT EXISTS was given. The table has no ID yet.
func (c *Context) CreateTable(s *cql.CreateTableStmt) (*schema.Table, error) {
	tname := s.Name.Name.Name
	// Checks Cassandra makes while parsing.
	seen := map[string]bool{}
	for _, col := range s.Columns {
		if seen[col.Name.Name] {
			return nil, cqlerr.Invalidf("Duplicate column '%s' declaration for table '%s'", col.Name.Name, tname)
		}
		seen[col.Name.Name] = true
	}
	var pk, ck []cql.Ident
	nPK := len(s.PrimaryKeys)
	for _, col := range s.Columns {
		if col.PrimaryKey {
			nPK++
			pk = []cql.Ident{col.Name}
		}
	}
	if nPK > 1 {
		return nil, cqlerr.Invalidf("Multiple PRIMARY KEY specified for table '%s' (exactly one required)", tname)
	}
	// CreateTableStatement.Raw.extendClusteringOrder refuses a column named
	// twice while the statement is parsed.
	ordered := map[string]bool{}
	for _, o := range s.ClusteringOrder {
		if ordered[o.Column.Name] {
			return nil, cqlerr.Invalidf("Duplicate column '%s' in CLUSTERING ORDER BY clause for table '%s'", o.Column.Name, tname)
		}
		ordered[o.Column.Name] = true
	}
	if nPK == 0 {
		return nil, cqlerr.Invalidf("No PRIMARY KEY specifed for table '%s' (exactly one required)", tname)
	}
	if len(s.PrimaryKeys) == 1 {
		pk, ck = s.PrimaryKeys[0].PartitionKey, s.PrimaryKeys[0].Clustering
	}
	if s.CompactStorage {
		return nil, cqlerr.Invalidf("Compact tables are not allowed in Cassandra starting with 4.0 version.")
	}
	ks, err := c.keyspaceName(s.Name)
	if err != nil {
		return nil, err
	}
	k := c.Catalog.Keyspace(ks)
	if k == nil {
		return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", ks)
	}
	if !validName.MatchString(tname) {
		return nil, cqlerr.Invalidf("Table name must not be empty, more than 48 characters long, or contain non-alphanumeric-underscore characters (got \"%s\")", tname)
	}
	if k.Tables[tname] != nil {
		if s.IfNotExists {
			return nil, nil
		}
		return nil, cqlerr.TableExists(ks, tname)
	}
	opts, err := tableOptions(s.Options)
	if err != nil {
		return nil, err
	}
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

// knownTableOptions are the table options Cassandra 5.0 accepts. The
// sandbox keeps them for DESCRIBE; only default_time_to_live changes its
// behaviour.
var knownTableOptions = map[string]bool{
	"additional_write_policy": true, "allow_auto_snapshot": true, "bloom_filter_fp_chance": true,
	"caching": true, "cdc": true, "comment": true, "compaction": true, "compression": true,
	"crc_check_chance": true, "default_time_to_live": true, "extensions": true,
	"gc_grace_seconds": true, "incremental_backups": true, "max_index_interval": true,
	"memtable": true, "memtable_flush_period_in_ms": true, "min_index_interval": true,
	"read_repair": true, "speculative_retry": true, "transactional_mode": true,
	"transactional_migration_from": true,
}

func tableOptions(props []cql.Property) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range props {
		name := strings.ToLower(p.Name.Name)
		if !knownTableOptions[name] {
			return nil, cqlerr.Syntaxf("Unknown property '%s'", p.Name.Name)
		}
		if name == "default_time_to_live" || name == "gc_grace_seconds" {
			l, ok := p.Value.(*cql.Literal)
			if !ok || l.Kind != cql.IntegerLit {
				return nil, cqlerr.Syntaxf("Invalid value for property '%s'", name)
			}
			n, err := strconv.Atoi(l.Text)
			if err != nil || n < 0 {
				return nil, cqlerr.Configf("%s must be greater than or equal to 0 (got %s)", name, l.Text)
			}
			if name == "default_time_to_live" && n > maxTTL {
				return nil, cqlerr.Configf("default_time_to_live must be less than or equal to %d (got %d)", maxTTL, n)
			}
		}
		out[name] = p.Value.String()
	}
	return out, nil
}
