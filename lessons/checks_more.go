package lessons

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
)

// traceSpec is what a trace must show.
type traceSpec struct {
	partitions, nodes, rowsScanned, rowsReturned, paxos, batchlog *bound
	readRepairs, hintsStored                                      *bound
	fullScan, filtering                                           *bool
}

func readTraceSpec(r *specReader) *traceSpec {
	return &traceSpec{
		partitions:   r.count("partitions"),
		nodes:        r.count("nodes"),
		rowsScanned:  r.count("rows_scanned"),
		rowsReturned: r.count("rows_returned"),
		paxos:        r.count("paxos_round_trips"),
		batchlog:     r.count("batchlog_writes"),
		readRepairs:  r.count("read_repairs"),
		hintsStored:  r.count("hints_stored"),
		fullScan:     r.boolean("full_scan"),
		filtering:    r.boolean("filtering"),
	}
}

// partitionsTouched counts the distinct partitions a statement read or
// wrote, including those read by a token-range scan.
func partitionsTouched(t *trace.Trace) int {
	seen := map[string]bool{}
	for _, p := range t.Partitions {
		seen[p.Table+"\x00"+p.Key] = true
	}
	return t.PartitionsScanned + len(seen)
}

func nodeList(nodes []int) string {
	s := make([]string, len(nodes))
	for i, n := range nodes {
		s[i] = fmt.Sprintf("node%d", n)
	}
	return strings.Join(s, ", ")
}

// compare grades a trace; read says whether the statement was a SELECT.
func (s *traceSpec) compare(e *env, t *trace.Trace, read bool) (bool, string) {
	parts := partitionsTouched(t)
	if b := s.partitions; b != nil && !b.holds(float64(parts)) {
		key := "trace.write"
		if read {
			key = "trace.read"
		}
		return false, e.t(key, b.describe(e.lang, "count.partition"), e.count("count.partition", parts), len(t.Nodes))
	}
	if b := s.nodes; b != nil && !b.holds(float64(len(t.Nodes))) {
		return false, e.t("trace.nodes", b.describe(e.lang, "count.node"), e.count("count.node", len(t.Nodes)), nodeList(t.Nodes))
	}
	if b := s.rowsScanned; b != nil && !b.holds(float64(t.RowsScanned)) {
		return false, e.t("trace.rows_scanned", b.describe(e.lang, "count.row"), e.count("count.row", t.RowsScanned), t.RowsReturned)
	}
	if b := s.rowsReturned; b != nil && !b.holds(float64(t.RowsReturned)) {
		return false, e.t("trace.rows_returned", b.describe(e.lang, "count.row"), e.count("count.row", t.RowsReturned))
	}
	if s.fullScan != nil && *s.fullScan != t.FullScan {
		if *s.fullScan {
			return false, e.t("trace.full_scan", e.count("count.partition", parts))
		}
		return false, e.t("trace.no_full_scan", e.count("count.partition", parts), e.count("count.node", len(t.Nodes)))
	}
	if s.filtering != nil && *s.filtering != t.Filtering {
		if *s.filtering {
			return false, e.t("trace.filtering")
		}
		return false, e.t("trace.no_filtering", t.RowsScanned, t.RowsReturned)
	}
	if b := s.paxos; b != nil && !b.holds(float64(t.PaxosRoundTrips)) {
		return false, e.t("trace.paxos", b.describe(e.lang, "count.round_trip"), e.count("count.round_trip", t.PaxosRoundTrips))
	}
	if b := s.batchlog; b != nil && !b.holds(float64(t.BatchlogWrites)) {
		return false, e.t("trace.batchlog", b.describe(e.lang, "count.batchlog_write"), e.count("count.batchlog_write", t.BatchlogWrites))
	}
	if b := s.readRepairs; b != nil && !b.holds(float64(t.ReadRepairs)) {
		return false, e.t("trace.read_repairs", b.describe(e.lang, "count.replica"), e.count("count.replica", t.ReadRepairs))
	}
	if b := s.hintsStored; b != nil && !b.holds(float64(t.HintsStored)) {
		return false, e.t("trace.hints", b.describe(e.lang, "count.hint"), e.count("count.hint", t.HintsStored))
	}
	return true, ""
}

// traceCheck runs a query and grades its trace.
type traceCheck struct {
	query       string
	stmt        cql.Statement
	consistency cluster.Consistency
	want        *traceSpec
}

func (s *traceCheck) run(ctx context.Context, e *env) (bool, string) {
	res, err := e.sb.Query(ctx, s.query, s.consistency)
	if err != nil {
		return false, queryFailed(e, s.query, err)
	}
	if res.Trace == nil {
		return false, e.t("last.no_trace", oneLine(s.query, 100))
	}
	_, read := s.stmt.(*cql.SelectStmt)
	return s.want.compare(e, res.Trace, read)
}

// splitTable splits "ks.table", defaulting to the lesson's keyspace.
func splitTable(e *env, name string) (string, string) {
	if ks, t, ok := strings.Cut(name, "."); ok {
		return ks, t
	}
	return e.lesson.Keyspace, name
}

// clusteringColumn is one expected clustering column and its order.
type clusteringColumn struct {
	name string
	desc bool
}

func (c clusteringColumn) String() string {
	if c.desc {
		return c.name + " DESC"
	}
	return c.name + " ASC"
}

// schemaSpec states facts about a table.
type schemaSpec struct {
	table                    string
	partitionKey, static     []string
	hasPartitionKey, hasStat bool
	clustering               []clusteringColumn
	hasClustering            bool
	columns                  map[string]string
}

func compileSchema(r *specReader) *schemaSpec {
	s := &schemaSpec{table: strings.ToLower(r.text("table", true))}
	_, s.hasPartitionKey = r.spec["partition_key"]
	s.partitionKey = lowerAll(r.texts("partition_key", false))
	_, s.hasStat = r.spec["static"]
	s.static = lowerAll(r.texts("static", false))
	_, s.hasClustering = r.spec["clustering"]
	for _, c := range r.texts("clustering", false) {
		f := strings.Fields(c)
		if len(f) == 0 || len(f) > 2 {
			r.fail("clustering", "format.field_direction", c)
			continue
		}
		col := clusteringColumn{name: strings.ToLower(f[0])}
		if len(f) == 2 {
			switch strings.ToUpper(f[1]) {
			case "ASC":
			case "DESC":
				col.desc = true
			default:
				r.fail("clustering", "format.field_direction", c)
			}
		}
		s.clustering = append(s.clustering, col)
	}
	if v, ok := r.get("columns"); ok {
		m, ok := v.(map[string]any)
		if !ok {
			r.typeError("columns", "type.columns")
			return s
		}
		s.columns = map[string]string{}
		for name, t := range m {
			ts, ok := t.(string)
			if !ok {
				r.typeError("columns", "type.columns")
				return s
			}
			s.columns[strings.ToLower(name)] = ts
		}
	}
	return s
}

func lowerAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ToLower(strings.TrimSpace(x))
	}
	return out
}

// normalType compares CQL types written with any spacing and case.
func normalType(t string) string {
	return strings.ToLower(strings.Join(strings.Fields(t), ""))
}

func (s *schemaSpec) run(ctx context.Context, e *env) (bool, string) {
	ks, name := splitTable(e, s.table)
	cat := e.sb.Catalog()
	t := cat.Table(ks, name)
	if t == nil {
		tables := e.t("list.none")
		if k := cat.Keyspace(ks); k != nil && len(k.Tables) > 0 {
			tables = strings.Join(k.TableNames(), ", ")
		}
		return false, e.t("schema.no_table", name, ks, tables)
	}
	names := func(cols []*schema.Column) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = c.Name
		}
		return out
	}
	if s.hasPartitionKey && !equalStrings(s.partitionKey, names(t.PartitionKey)) {
		return false, e.t("schema.partition_key", strings.Join(s.partitionKey, ", "), strings.Join(names(t.PartitionKey), ", "))
	}
	if s.hasClustering {
		var want, got []string
		for _, c := range s.clustering {
			want = append(want, c.String())
		}
		for _, c := range t.Clustering {
			got = append(got, clusteringColumn{name: c.Name, desc: c.Desc}.String())
		}
		if !equalStrings(want, got) {
			return false, e.t("schema.clustering", strings.Join(want, ", "), strings.Join(got, ", "))
		}
	}
	if s.hasStat {
		var got []string
		for _, c := range t.Columns {
			if c.Kind == schema.Static {
				got = append(got, c.Name)
			}
		}
		if !sameSet(s.static, got) {
			return false, e.t("schema.static", strings.Join(s.static, ", "), strings.Join(got, ", "))
		}
	}
	for _, name := range sortedKeys(s.columns) {
		want := s.columns[name]
		c := t.Column(name)
		if c == nil {
			return false, e.t("schema.no_column", name, want)
		}
		if normalType(c.Type.String()) != normalType(want) {
			return false, e.t("schema.column_type", name, want, c.Type.String())
		}
	}
	return true, ""
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[string]int{}
	for _, x := range a {
		in[x]++
	}
	for _, x := range b {
		if in[x] == 0 {
			return false
		}
		in[x]--
	}
	return true
}

// distributionSpec states how a table's data must spread.
type distributionSpec struct {
	table                           string
	skew, partitions, rows, largest *bound
}

func (s *distributionSpec) run(ctx context.Context, e *env) (bool, string) {
	ks, name := splitTable(e, strings.ToLower(s.table))
	d, err := e.sb.Distribution(ctx, ks, name)
	if err != nil {
		return false, e.t("distribution.no_table", ks+"."+name, err.Error())
	}
	if b := s.skew; b != nil {
		if d.Rows == 0 {
			return false, e.t("distribution.empty", ks+"."+name)
		}
		if !b.holds(d.Skew) {
			hot := hottestNode(d.Nodes)
			return false, e.t("distribution.skew", b.describe(e.lang, "count.plain"), d.Skew, hot.Node, hot.PrimaryRows, d.Rows)
		}
	}
	if b := s.partitions; b != nil && !b.holds(float64(d.Partitions)) {
		return false, e.t("distribution.partitions", b.describe(e.lang, "count.partition"), e.count("count.partition", d.Partitions))
	}
	if b := s.rows; b != nil && !b.holds(float64(d.Rows)) {
		return false, e.t("distribution.rows", b.describe(e.lang, "count.row"), e.count("count.row", d.Rows))
	}
	if b := s.largest; b != nil {
		rows, key := 0, "-"
		if len(d.Largest) > 0 {
			rows, key = d.Largest[0].Rows, d.Largest[0].Key
		}
		if !b.holds(float64(rows)) {
			return false, e.t("distribution.largest", b.describe(e.lang, "count.row"), key, e.count("count.row", rows))
		}
	}
	return true, ""
}

// hottestNode returns the node owning the most rows as primary replica.
func hottestNode(nodes []sandbox.NodeLoad) sandbox.NodeLoad {
	var hot sandbox.NodeLoad
	for i, n := range nodes {
		if i == 0 || n.PrimaryRows > hot.PrimaryRows {
			hot = n
		}
	}
	return hot
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// patternsSpec states that every access pattern reads one partition.
type patternsSpec struct {
	queries []string
	dataset string
	rows    int
	into    string
}

func compilePatterns(r *specReader) *patternsSpec {
	s := &patternsSpec{}
	for _, q := range r.texts("queries", true) {
		q = strings.TrimSuffix(strings.TrimSpace(q), ";")
		st, err := cql.Parse(q)
		if err != nil {
			r.fail("queries", "format.field_cql", "queries", err.Error())
			continue
		}
		sel, ok := st.(*cql.SelectStmt)
		if !ok {
			r.fail("queries", "format.field_statement", "queries", ref("stmt.select"))
			continue
		}
		if len(s.queries) == 0 {
			s.into = sel.Table.Name.Name
		}
		s.queries = append(s.queries, q)
	}
	s.dataset = r.datasetName("dataset")
	s.rows = r.positive("rows")
	if into := r.text("into", false); into != "" {
		s.into = into
	}
	if s.dataset == "" {
		for _, f := range []string{"rows", "into"} {
			if _, ok := r.spec[f]; ok {
				r.fail(f, "format.field_required", "patterns", "dataset")
			}
		}
	}
	return s
}

func (s *patternsSpec) run(ctx context.Context, e *env) (bool, string) {
	suffix := ""
	if s.dataset != "" {
		n, err := e.sb.LoadDataset(ctx, s.dataset, s.rows, s.into)
		if err != nil {
			ce := cqlerr.As(err)
			return false, e.t("patterns.load", s.dataset, s.into, oneLine(ce.Message, 200))
		}
		suffix = e.t("patterns.dataset", n, s.dataset)
	}
	for i, q := range s.queries {
		res, err := e.sb.Query(ctx, q, cluster.One)
		if err != nil {
			ce := cqlerr.As(err)
			return false, e.t("patterns.failed", i+1, oneLine(q, 100), ce.Code.Class(), oneLine(ce.Message, 200), suffix)
		}
		if n := partitionsTouched(res.Trace); n != 1 {
			return false, e.t("patterns.partitions", i+1, oneLine(q, 100), e.count("count.partition", n), suffix)
		}
	}
	return true, ""
}
