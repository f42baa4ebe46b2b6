package sandbox

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Export writes keyspaces (all of them when none is named) as a CQL
// script that cqlsh can SOURCE against a real Cassandra cluster: CREATE
// KEYSPACE, CREATE TYPE and CREATE TABLE statements (IF NOT EXISTS), then
// one INSERT per row. Rows are read at consistency ALL when every node is
// up, else at ONE.
//
// An exported row always gets a row marker (INSERT writes one), while a
// row the sandbox created with UPDATE has none; write timestamps and TTLs
// are not carried over. Counter tables, which refuse INSERT, are exported
// as counter increments.
func (s *Sandbox) Export(ctx context.Context, w io.Writer, keyspaces ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(keyspaces) == 0 {
		keyspaces = s.catalog.KeyspaceNames()
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "-- Exported by learnkv from its sandbox. Load it with cqlsh: SOURCE 'file.cql'\n")
	cl := cluster.All
	if len(s.cluster.Down()) > 0 {
		cl = cluster.One
	}
	for _, ks := range keyspaces {
		k := s.catalog.Keyspace(ks)
		if k == nil {
			return cqlerr.Invalidf("Keyspace '%s' does not exist", ks)
		}
		if err := s.exportKeyspace(ctx, bw, k, cl); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func (s *Sandbox) exportKeyspace(ctx context.Context, w *bufio.Writer, k *schema.Keyspace, cl cluster.Consistency) error {
	fmt.Fprintf(w, "\n%s\n", strings.Replace(KeyspaceCQL(k), "CREATE KEYSPACE ", "CREATE KEYSPACE IF NOT EXISTS ", 1))
	for _, name := range typeOrder(k) {
		fmt.Fprintf(w, "\n%s\n", strings.Replace(TypeCQL(k.Types[name]), "CREATE TYPE ", "CREATE TYPE IF NOT EXISTS ", 1))
	}
	for _, name := range k.TableNames() {
		t := k.Tables[name]
		fmt.Fprintf(w, "\n%s\n\n", strings.Replace(PortableTableCQL(t), "CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", 1))
		if err := s.exportRows(ctx, w, t, cl); err != nil {
			return err
		}
	}
	return nil
}

// typeOrder returns k's types with every type after the types it uses.
func typeOrder(k *schema.Keyspace) []string {
	var out []string
	done := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if done[name] {
			return
		}
		done[name] = true
		for _, other := range k.TypeNames() {
			if other != name && usesTypeName(k.Types[name], k.Name, other) {
				visit(other)
			}
		}
		out = append(out, name)
	}
	for _, n := range k.TypeNames() {
		visit(n)
	}
	return out
}

func usesTypeName(t *value.Type, ks, name string) bool {
	for _, e := range t.Elems {
		if e.Kind == value.KindUDT && e.Keyspace == ks && e.Name == name || usesTypeName(e, ks, name) {
			return true
		}
	}
	return false
}

func (s *Sandbox) exportRows(ctx context.Context, w *bufio.Writer, t *schema.Table, cl cluster.Consistency) error {
	saved := s.session
	defer func() { s.session = saved }()
	s.session.Consistency = cl
	s.session.TraceKeys = false
	q := fmt.Sprintf("SELECT * FROM %s.%s", value.QuoteIdent(t.Keyspace), value.QuoteIdent(t.Name))
	stmt, err := cql.Parse(q)
	if err != nil {
		return err
	}
	res, err := s.run(ctx, stmt, q)
	if err != nil {
		return err
	}
	counters := t.HasCounters()
	lastKey := ""
	for _, row := range res.Rows {
		if counters {
			writeCounterRow(w, t, row, &lastKey)
			continue
		}
		var names, vals []string
		for i, c := range t.Columns {
			if row[i] == nil {
				continue
			}
			names = append(names, value.QuoteIdent(c.Name))
			vals = append(vals, value.Literal(c.Type, row[i]))
		}
		fmt.Fprintf(w, "INSERT INTO %s.%s (%s) VALUES (%s);\n", value.QuoteIdent(t.Keyspace), value.QuoteIdent(t.Name),
			strings.Join(names, ", "), strings.Join(vals, ", "))
	}
	return nil
}

// writeCounterRow writes a row of a counter table as UPDATE statements
// adding its values to zero counters: its static counters once per
// partition (lastKey holds the previous row's partition), its other
// counters once per row.
func writeCounterRow(w *bufio.Writer, t *schema.Table, row []any, lastKey *string) {
	table := value.QuoteIdent(t.Keyspace) + "." + value.QuoteIdent(t.Name)
	var where, statics, regulars []string
	for i, c := range t.Columns {
		name := value.QuoteIdent(c.Name)
		switch {
		case row[i] == nil:
		case c.Kind == schema.PartitionKey, c.Kind == schema.Clustering:
			where = append(where, name+" = "+value.Literal(c.Type, row[i]))
		case c.Kind == schema.Static:
			statics = append(statics, name+" = "+name+" + "+value.Literal(c.Type, row[i]))
		default:
			regulars = append(regulars, name+" = "+name+" + "+value.Literal(c.Type, row[i]))
		}
	}
	key := strings.Join(where[:len(t.PartitionKey)], " AND ")
	if key != *lastKey && len(statics) > 0 {
		fmt.Fprintf(w, "UPDATE %s SET %s WHERE %s;\n", table, strings.Join(statics, ", "), key)
	}
	*lastKey = key
	if len(regulars) > 0 {
		fmt.Fprintf(w, "UPDATE %s SET %s WHERE %s;\n", table, strings.Join(regulars, ", "), strings.Join(where, " AND "))
	}
}
