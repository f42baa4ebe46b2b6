package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// groupContext returns a planning context with table g (k, ts timestamp,
// p frozen<point>, PRIMARY KEY (k, ts, p)) where point has a timestamp
// field at.
func groupContext() *Context {
	c := testContext()
	k := c.Catalog.Keyspace("ks")
	point := &value.Type{Kind: value.KindUDT, Keyspace: "ks", Name: "point", Fields: []string{"at"},
		Elems: []*value.Type{value.TimestampType}, Frozen: true}
	k.Tables["g"] = schema.NewTable("ks", "g", 2, []*schema.Column{
		{Name: "k", Type: value.IntType, Kind: schema.PartitionKey, Position: 0},
		{Name: "ts", Type: value.TimestampType, Kind: schema.Clustering, Position: 0},
		{Name: "p", Type: point, Kind: schema.Clustering, Position: 1},
		{Name: "v", Type: value.IntType, Kind: schema.Regular, Position: -1},
	})
	return c
}

// groupSummary describes a planned GROUP BY: the prefix size, and the
// function's result type when there is one.
type groupSummary struct {
	Prefix int
	Func   string
}

func TestGroupByPlan(t *testing.T) {
	tests := []struct {
		src  string
		want groupSummary
		err  string
	}{
		{src: "SELECT k, count(*) FROM g GROUP BY k", want: groupSummary{Prefix: 0}},
		{src: "SELECT k, count(*) FROM g GROUP BY k, ts", want: groupSummary{Prefix: 1}},
		{src: "SELECT k, count(*) FROM g WHERE k = 1 GROUP BY ts, p", want: groupSummary{Prefix: 2}},
		{src: "SELECT k, count(*) FROM g WHERE k = 1 AND ts = '2024-01-01' GROUP BY p", want: groupSummary{Prefix: 2}},
		{src: "SELECT k, count(*) FROM g WHERE k IN (1) GROUP BY ts", want: groupSummary{Prefix: 1}},
		{src: "SELECT k, count(*) FROM g GROUP BY k, floor(ts, 1h)", want: groupSummary{Prefix: 1, Func: "timestamp"}},
		{src: "SELECT k, count(*) FROM g GROUP BY k, to_date(ts)", want: groupSummary{Prefix: 1, Func: "date"}},
		{src: "SELECT k, count(*) FROM g GROUP BY k, ts, floor(p.at, 1h)",
			err: "Only column names and monotonic scalar functions are supported in the GROUP BY clause."},
		{src: "SELECT k, count(*) FROM g WHERE k IN (1, 2) GROUP BY ts",
			err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, p",
			err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, floor(ts, 1h), p",
			err: "Functions are only supported on the last element of the GROUP BY clause"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, abs(v)", err: "Group by functions are only supported on clustering columns, got v"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, exp(1)",
			err: "GROUP BY functions must have one clustering column name as parameter"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, (int)1",
			err: "java.lang.ClassCastException: class org.apache.cassandra.cql3.selection.Selectable$WithTypeHint cannot be cast to class org.apache.cassandra.schema.ColumnMetadata (org.apache.cassandra.cql3.selection.Selectable$WithTypeHint and org.apache.cassandra.schema.ColumnMetadata are in unnamed module of loader 'app')"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, writetime(nosuch)", err: "Undefined column name nosuch in table ks.g"},
		{src: "SELECT k, count(*) FROM g GROUP BY k, floor('2024-01-01', 1h, ts)",
			err: "Only monotonic functions are supported in the GROUP BY clause. Got: system.floor : (timestamp(constant), duration(constant), timestamp) -> timestamp "},
		{src: "SELECT k, count(*) FROM g GROUP BY k PER PARTITION LIMIT 2", want: groupSummary{Prefix: 0}},
		{src: "SELECT count(*) FROM g PER PARTITION LIMIT 2", err: "PER PARTITION LIMIT is not allowed with aggregate queries."},
	}
	for _, tt := range tests {
		stmt, err := cql.Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q) = %v", tt.src, err)
		}
		p, err := groupContext().Select(stmt.(*cql.SelectStmt))
		if got := errMessage(err); got != tt.err {
			t.Errorf("Select(%q) error = %q, want %q", tt.src, got, tt.err)
			continue
		}
		if err != nil {
			continue
		}
		if p.GroupBy == nil {
			t.Errorf("Select(%q).GroupBy = nil, want %+v", tt.src, tt.want)
			continue
		}
		got := groupSummary{Prefix: p.GroupBy.PrefixSize}
		if p.GroupBy.Func != nil {
			got.Func = p.GroupBy.Func.ResultType().String()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Select(%q) group (-want +got):\n%s", tt.src, diff)
		}
	}
}
