package sandbox

import (
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
		parts[i] = value.QuoteString(key) + ": " + value.QuoteString(k.Replication[key])
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
	for i, c := range t.Columns {
		line := "    " + value.QuoteIdent(c.Name) + " " + c.Type.String()
		if c.Kind == schema.Static {
			line += " static"
		}
		if inline && c.Kind == schema.PartitionKey {
			line += " PRIMARY KEY"
		}
		if !inline || i < len(t.Columns)-1 {
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

// describe runs DESCRIBE.
func (s *Sandbox) describe(st *cql.DescribeStmt) (*Result, error) {
	cat := s.catalog
	ksName := st.Name.Keyspace.Name
	switch st.Kind {
	case cql.DescribeKeyspaces:
		return &Result{Message: strings.Join(cat.KeyspaceNames(), "  ")}, nil
	case cql.DescribeTables, cql.DescribeTypes:
		var b strings.Builder
		names := func(k *schema.Keyspace) []string {
			if st.Kind == cql.DescribeTables {
				return k.TableNames()
			}
			return k.TypeNames()
		}
		if k := cat.Keyspace(s.session.Keyspace); k != nil {
			return &Result{Message: strings.Join(names(k), "  ")}, nil
		}
		for _, kn := range cat.KeyspaceNames() {
			title := "Keyspace " + kn
			fmt.Fprintf(&b, "%s\n%s\n%s\n\n", title, strings.Repeat("-", len(title)), strings.Join(names(cat.Keyspace(kn)), "  "))
		}
		return &Result{Message: strings.TrimRight(b.String(), "\n")}, nil
	case cql.DescribeKeyspace:
		name := st.Name.Name.Name
		if name == "" {
			name = s.session.Keyspace
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
		var b strings.Builder
		fmt.Fprintf(&b, "Cluster: learnkv sandbox\nPartitioner: Murmur3Partitioner\nSnitch: SimpleSnitch\n\n")
		b.WriteString(s.cluster.Ring().String())
		return &Result{Message: strings.TrimRight(b.String(), "\n")}, nil
	case cql.DescribeType:
		ks, err := keyspaceOf(s.session.Keyspace, st.Name)
		if err != nil {
			return nil, err
		}
		k := cat.Keyspace(ks)
		if k == nil {
			return nil, cqlerr.Invalidf("'%s' not found in keyspaces", ks)
		}
		t := k.Types[st.Name.Name.Name]
		if t == nil {
			return nil, cqlerr.Invalidf("User defined type '%s' not found in '%s'", st.Name.Name.Name, ks)
		}
		return &Result{Message: TypeCQL(t)}, nil
	case cql.DescribeName:
		if ksName == "" {
			if k := cat.Keyspace(st.Name.Name.Name); k != nil {
				return &Result{Message: keyspaceDump(k)}, nil
			}
		}
		fallthrough
	case cql.DescribeTable:
		ks, err := keyspaceOf(s.session.Keyspace, st.Name)
		if err != nil {
			return nil, err
		}
		k := cat.Keyspace(ks)
		if k == nil {
			return nil, cqlerr.Invalidf("'%s' not found in keyspaces", ks)
		}
		t := k.Tables[st.Name.Name.Name]
		if t == nil {
			return nil, cqlerr.Invalidf("'%s' not found in keyspace '%s'", st.Name.Name.Name, ks)
		}
		return &Result{Message: TableCQL(t)}, nil
	}
	return nil, fmt.Errorf("unsupported DESCRIBE")
}

// keyspaceDump is DESCRIBE KEYSPACE: the keyspace, its types, its tables.
func keyspaceDump(k *schema.Keyspace) string {
	parts := []string{KeyspaceCQL(k)}
	for _, n := range k.TypeNames() {
		parts = append(parts, TypeCQL(k.Types[n]))
	}
	for _, n := range k.TableNames() {
		parts = append(parts, TableCQL(k.Tables[n]))
	}
	return strings.Join(parts, "\n\n")
}
