package sandbox

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// tableDefaults are the table options Cassandra 5.0's DESCRIBE prints, in
// its order, with their default values.
var tableDefaults = []struct{ name, value string }{
	{"additional_write_policy", "'99p'"},
	{"allow_auto_snapshot", "true"},
	{"bloom_filter_fp_chance", "0.01"},
	{"caching", "{'keys': 'ALL', 'rows_per_partition': 'NONE'}"},
	{"cdc", "false"},
	{"comment", "''"},
	{"compaction", "{'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', 'max_threshold': '32', 'min_threshold': '4'}"},
	{"compression", "{'chunk_length_in_kb': '16', 'class': 'org.apache.cassandra.io.compress.LZ4Compressor'}"},
	{"memtable", "'default'"},
	{"crc_check_chance", "1.0"},
	{"default_time_to_live", "0"},
	{"extensions", "{}"},
	{"gc_grace_seconds", "864000"},
	{"incremental_backups", "true"},
	{"max_index_interval", "2048"},
	{"memtable_flush_period_in_ms", "0"},
	{"min_index_interval", "128"},
	{"read_repair", "'BLOCKING'"},
	{"speculative_retry", "'99p'"},
}

// KeyspaceCQL returns the CREATE KEYSPACE statement of k, as DESCRIBE
// prints it.
func KeyspaceCQL(k *schema.Keyspace) string {
	keys := make([]string, 0, len(k.Replication))
	for key := range k.Replication {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, key := range keys {
		v := k.Replication[key]
		if key == "class" {
			// ReplicationParams.appendCqlTo: Cassandra's own strategies by
			// their simple name.
			v = strings.TrimPrefix(v, "org.apache.cassandra.locator.")
		}
		parts[i] = value.QuoteString(key) + ": " + value.QuoteString(v)
	}
	return fmt.Sprintf("CREATE KEYSPACE %s WITH replication = {%s}  AND durable_writes = %t;",
		value.QuoteIdent(k.Name), strings.Join(parts, ", "), k.DurableWrites)
}

// TypeCQL returns the CREATE TYPE statement of a user-defined type.
func TypeCQL(t *value.Type) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TYPE %s.%s (\n", value.QuoteIdent(t.Keyspace), value.QuoteIdent(t.Name))
	for i, f := range t.Fields {
		sep := ","
		if i == len(t.Fields)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %s %s%s\n", value.QuoteIdent(f), t.Elems[i], sep)
	}
	b.WriteString(");")
	return b.String()
}

// TableCQL returns the CREATE TABLE statement of t, as DESCRIBE prints it
// (with every table option Cassandra 5.0 shows).
func TableCQL(t *schema.Table) string { return tableCQL(t, true) }

// PortableTableCQL returns the CREATE TABLE statement of t with only the
// clustering order and the options the learner set, so that any Cassandra
// 4.x or 5.x accepts it.
func PortableTableCQL(t *schema.Table) string { return tableCQL(t, false) }

func tableCQL(t *schema.Table, allOptions bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s.%s (\n", value.QuoteIdent(t.Keyspace), value.QuoteIdent(t.Name))
	inline := len(t.PartitionKey) == 1 && len(t.Clustering) == 0
	columns := describedColumnOrder(t)
	for i, c := range columns {
		line := "    " + value.QuoteIdent(c.Name) + " " + c.Type.String()
		if c.Kind == schema.Static {
			line += " static"
		}
		if inline && c.Kind == schema.PartitionKey {
			line += " PRIMARY KEY"
		}
		if !inline || i < len(columns)-1 {
			line += ","
		}
		b.WriteString(line + "\n")
	}
	if !inline {
		pk := make([]string, len(t.PartitionKey))
		for i, c := range t.PartitionKey {
			pk[i] = value.QuoteIdent(c.Name)
		}
		first := pk[0]
		if len(pk) > 1 {
			first = "(" + strings.Join(pk, ", ") + ")"
		}
		parts := []string{first}
		for _, c := range t.Clustering {
			parts = append(parts, value.QuoteIdent(c.Name))
		}
		fmt.Fprintf(&b, "    PRIMARY KEY (%s)\n", strings.Join(parts, ", "))
	}
	b.WriteString(") WITH ")
	var opts []string
	if len(t.Clustering) > 0 {
		order := make([]string, len(t.Clustering))
		for i, c := range t.Clustering {
			dir := "ASC"
			if c.Desc {
				dir = "DESC"
			}
			order[i] = value.QuoteIdent(c.Name) + " " + dir
		}
		opts = append(opts, "CLUSTERING ORDER BY ("+strings.Join(order, ", ")+")")
	}
	for _, d := range tableDefaults {
		v, given := t.Options[d.name]
		if !given {
			if !allOptions {
				continue
			}
			v = d.value
		}
		opts = append(opts, d.name+" = "+v)
	}
	if len(opts) == 0 {
		out := b.String()
		return strings.TrimSuffix(out, " WITH ") + ";"
	}
	b.WriteString(strings.Join(opts, "\n    AND "))
	b.WriteString(";")
	return b.String()
}

// describe runs DESCRIBE. Cassandra describes on the server, and cqlsh
// prints only the message of a failed DESCRIBE, without the error class.
func (s *Sandbox) describe(st *cql.DescribeStmt) (*Result, error) {
	res, err := s.describeSchema(st)
	var ce *cqlerr.Error
	if errors.As(err, &ce) {
		return nil, cqlerr.Shellf("%s", ce.Message)
	}
	return res, err
}

func (s *Sandbox) describeSchema(st *cql.DescribeStmt) (*Result, error) {
	cat := s.catalog
	ksName := st.Name.Keyspace.Name
	switch st.Kind {
	case cql.DescribeKeyspaces:
		names := append(cat.KeyspaceNames(), schema.SystemKeyspaces...)
		sortIgnoringCase(names)
		return &Result{Message: columnize(quoteAll(names), 80)}, nil
	case cql.DescribeTables, cql.DescribeTypes:
		names := func(k *schema.Keyspace) []string {
			if st.Kind == cql.DescribeTables {
				return quoteAll(k.TableNames())
			}
			return quoteAll(k.TypeNames())
		}
		if k := cat.Keyspace(s.session.Keyspace); k != nil {
			if list := names(k); len(list) > 0 {
				return &Result{Message: columnize(list, 80)}, nil
			}
			return &Result{}, nil
		}
		var b strings.Builder
		for _, kn := range cat.KeyspaceNames() {
			list := names(cat.Keyspace(kn))
			if len(list) == 0 {
				continue
			}
			title := "Keyspace " + value.QuoteIdent(kn)
			fmt.Fprintf(&b, "%s\n%s\n%s\n\n", title, strings.Repeat("-", len(title)), columnize(list, 80))
		}
		return &Result{Message: strings.TrimRight(b.String(), "\n")}, nil
	case cql.DescribeKeyspace:
		name := st.Name.Name.Name
		if name == "" {
			name = s.session.Keyspace
		}
		if schema.IsSystemKeyspace(name) {
			return nil, cqlerr.Invalidf("%s", schema.SystemKeyspaceError(name))
		}
		k := cat.Keyspace(name)
		if k == nil {
			return nil, cqlerr.Invalidf("'%s' not found in keyspaces", name)
		}
		return &Result{Message: keyspaceDump(k)}, nil
	case cql.DescribeSchema:
		var parts []string
		for _, kn := range cat.KeyspaceNames() {
			parts = append(parts, keyspaceDump(cat.Keyspace(kn)))
		}
		return &Result{Message: strings.Join(parts, "\n\n")}, nil
	case cql.DescribeCluster:
		return &Result{Message: s.describeCluster()}, nil
	case cql.DescribeType:
		k, err := s.describedKeyspace(st.Name)
		if err != nil {
			return nil, err
		}
		t := k.Types[st.Name.Name.Name]
		if t == nil {
			return nil, cqlerr.Invalidf("User defined type '%s' not found in '%s'", st.Name.Name.Name, k.Name)
		}
		return &Result{Message: TypeCQL(t)}, nil
	case cql.DescribeName:
		if ksName == "" {
			if k := cat.Keyspace(st.Name.Name.Name); k != nil {
				return &Result{Message: keyspaceDump(k)}, nil
			}
		}
		k, err := s.describedKeyspace(st.Name)
		if err != nil {
			return nil, err
		}
		t := k.Tables[st.Name.Name.Name]
		if t == nil {
			return nil, cqlerr.Invalidf("'%s' not found in keyspace '%s'", st.Name.Name.Name, k.Name)
		}
		return &Result{Message: TableCQL(t)}, nil
	case cql.DescribeTable:
		k, err := s.describedKeyspace(st.Name)
		if err != nil {
			return nil, err
		}
		t := k.Tables[st.Name.Name.Name]
		if t == nil {
			return nil, cqlerr.Invalidf("Table '%s' not found in keyspace '%s'", st.Name.Name.Name, k.Name)
		}
		return &Result{Message: TableCQL(t)}, nil
	}
	return nil, fmt.Errorf("unsupported DESCRIBE")
}

// describedKeyspace returns the keyspace of a described element.
func (s *Sandbox) describedKeyspace(q cql.QualifiedName) (*schema.Keyspace, error) {
	ks, err := keyspaceOf(s.session.Keyspace, q)
	if err != nil {
		return nil, err
	}
	k := s.catalog.Keyspace(ks)
	if k == nil {
		return nil, cqlerr.Invalidf("'%s' not found in keyspaces", ks)
	}
	return k, nil
}

// describeCluster is DESCRIBE CLUSTER as cqlsh prints it: with a keyspace in
// use, the replicas of every token range (the sandbox names nodes node1..N
// where a real cluster shows their addresses).
func (s *Sandbox) describeCluster() string {
	var b strings.Builder
	b.WriteString("Cluster: learnkv sandbox\nPartitioner: Murmur3Partitioner\nSnitch: SimpleSnitch\n")
	k := s.catalog.Keyspace(s.session.Keyspace)
	if k == nil {
		return strings.TrimRight(b.String(), "\n")
	}
	b.WriteString("\nRange ownership:\n")
	ring := s.cluster.Ring()
	vnodes := 0
	for n := 1; n <= ring.Nodes(); n++ {
		vnodes += len(ring.Tokens(n))
	}
	// One line per vnode token, the right end of its range; Ranges also
	// returns the wrapping range's tail, which ends at no token.
	for _, r := range ring.Ranges(k.ReplicationFactor())[:vnodes] {
		hosts := make([]string, len(r.Replicas))
		for i, n := range r.Replicas {
			hosts[i] = fmt.Sprintf("node%d", n)
		}
		fmt.Fprintf(&b, " %39d  [%s]\n", r.End, strings.Join(hosts, ", "))
	}
	return strings.TrimRight(b.String(), "\n")
}

// quoteAll quotes the names that need it, as DESCRIBE listings do.
func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = value.QuoteIdent(n)
	}
	return out
}

// sortIgnoringCase sorts names as Cassandra's DESCRIBE does.
func sortIgnoringCase(names []string) {
	sort.SliceStable(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
}

// columnize lays names out in columns as cqlsh does (Python's
// cmd.Cmd.columnize): the fewest rows that fit width, filled column by
// column, two spaces apart, every column padded to its widest name.
func columnize(names []string, width int) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	nrows, widths := len(names), []int{0}
	for rows := 1; rows < len(names); rows++ {
		cols := (len(names) + rows - 1) / rows
		ws := make([]int, 0, cols)
		total := -2
		for c := 0; c < cols; c++ {
			w := 0
			for r := 0; r < rows; r++ {
				i := r + rows*c
				if i >= len(names) {
					break
				}
				w = max(w, len(names[i]))
			}
			ws = append(ws, w)
			total += w + 2
			if total > width {
				break
			}
		}
		if total <= width {
			nrows, widths = rows, ws
			break
		}
	}
	if nrows == len(names) {
		widths = []int{0}
	}
	lines := make([]string, nrows)
	for r := range nrows {
		var texts []string
		for c := range widths {
			i := r + nrows*c
			if i >= len(names) {
				break
			}
			texts = append(texts, names[i]+strings.Repeat(" ", widths[c]-len(names[i])))
		}
		lines[r] = strings.Join(texts, "  ")
	}
	return strings.Join(lines, "\n")
}

// keyspaceDump is DESCRIBE KEYSPACE: the keyspace, its types, its tables.
func keyspaceDump(k *schema.Keyspace) string {
	parts := []string{KeyspaceCQL(k)}
	for _, n := range describedTypeOrder(k) {
		parts = append(parts, TypeCQL(k.Types[n]))
	}
	for _, n := range k.TableNames() {
		parts = append(parts, TableCQL(k.Tables[n]))
	}
	return strings.Join(parts, "\n\n")
}

// describedTypeOrder is Types.sortedStream: the types by name (as bytes),
// each after the types it uses, so that the script recreates them.
func describedTypeOrder(k *schema.Keyspace) []string {
	names := make([]string, 0, len(k.Types))
	for n := range k.Types {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	added := map[string]bool{}
	var visit func(t *value.Type)
	visit = func(t *value.Type) {
		for _, e := range t.Elems {
			visit(e)
		}
		if t.Kind == value.KindUDT && t.Keyspace == k.Name && !added[t.Name] && k.Types[t.Name] != nil {
			added[t.Name] = true
			out = append(out, t.Name)
		}
	}
	for _, n := range names {
		visit(k.Types[n])
	}
	return out
}

// describedColumnOrder is TableMetadata.allColumnsInCreateOrder: the
// partition key and clustering columns in order, then the static and
// then the regular columns, each single-cell ones first, by name (as
// bytes).
func describedColumnOrder(t *schema.Table) []*schema.Column {
	cols := append([]*schema.Column(nil), t.Columns...)
	rank := func(c *schema.Column) int {
		switch {
		case c.Kind == schema.PartitionKey:
			return 0
		case c.Kind == schema.Clustering:
			return 1
		case c.Kind == schema.Static && !c.Type.IsMultiCell():
			return 2
		case c.Kind == schema.Static:
			return 3
		case !c.Type.IsMultiCell():
			return 4
		}
		return 5
	}
	sort.SliceStable(cols, func(i, j int) bool {
		a, b := cols[i], cols[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if rank(a) <= 1 {
			return a.Position < b.Position
		}
		return a.Name < b.Name
	})
	return cols
}
