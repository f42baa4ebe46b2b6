package plan

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// testContext returns a planning context over keyspace ks holding table t
// and the UDT addr.
func testContext() *Context {
	cat := schema.NewCatalog()
	k := schema.NewKeyspace("ks", map[string]string{"class": "SimpleStrategy", "replication_factor": "1"})
	addr := &value.Type{Kind: value.KindUDT, Keyspace: "ks", Name: "addr", Fields: []string{"street", "zip"},
		Elems: []*value.Type{value.TextType, value.IntType}}
	k.Types["addr"] = addr
	col := func(name string, t *value.Type, kind schema.ColumnKind, pos int) *schema.Column {
		return &schema.Column{Name: name, Type: t, Kind: kind, Position: pos}
	}
	reg := func(name string, t *value.Type) *schema.Column { return col(name, t, schema.Regular, -1) }
	k.Tables["t"] = schema.NewTable("ks", "t", 1, []*schema.Column{
		col("k", value.IntType, schema.PartitionKey, 0),
		col("c", value.IntType, schema.Clustering, 0),
		reg("i", value.IntType), reg("bi", value.BigintType), reg("tx", value.TextType), reg("b", value.BlobType),
		reg("ts", value.TimestampType), reg("d", value.DoubleType), reg("tu", value.TimeuuidType),
		reg("l", value.ListOf(value.IntType, false)), reg("s", value.SetOf(value.TextType, false)),
		reg("m", value.MapOf(value.TextType, value.IntType, false)), reg("a", addr), reg("fa", addr.Freeze()),
	})
	cat.Keyspaces["ks"] = k
	return &Context{Catalog: cat, Keyspace: "ks", Now: time.Date(2026, 1, 15, 10, 30, 0, 0, time.UTC)}
}

// planSelect plans a SELECT and returns its result columns as "name type".
func planSelect(c *Context, src string) ([]string, error) {
	stmt, err := cql.Parse(src)
	if err != nil {
		return nil, err
	}
	p, err := c.Select(stmt.(*cql.SelectStmt))
	if err != nil {
		return nil, err
	}
	var cols []string
	for _, rc := range p.Columns {
		cols = append(cols, rc.Name+" "+rc.Type.String())
	}
	return cols, nil
}

func errMessage(err error) string {
	var e *cqlerr.Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestSelectionColumns(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"SELECT token(k), k FROM t", []string{"system.token(k) bigint", "k int"}},
		{"SELECT token(i), token(1) FROM t", []string{"system.token(i) bigint", "system.token(1) bigint"}},
		{"SELECT CAST(i AS text), CAST(d AS int), CAST(ts AS date), CAST(i AS int) FROM t",
			[]string{"cast(i as text) text", "cast(d as int) int", "cast(ts as date) date", "i int"}},
		{"SELECT CAST(bi AS date) FROM t", []string{"cast(bi as date) date"}},
		{"SELECT writetime(l), maxwritetime(l), ttl(l), writetime(m['x']), writetime(s['a'..'b']), ttl(a.zip) FROM t",
			[]string{"writetime(l) frozen<list<bigint>>", "maxwritetime(l) bigint", "ttl(l) frozen<list<int>>",
				"writetime(m['x']) bigint", "writetime(s['a'..'b']) frozen<list<bigint>>", "ttl(a.zip) int"}},
		{"SELECT writetime(a), writetime(fa) FROM t", []string{"writetime(a) frozen<list<bigint>>", "writetime(fa) bigint"}},
		{"SELECT toTimestamp(tu), to_date(tu), toUnixTimestamp(ts) FROM t",
			[]string{"system.totimestamp(tu) timestamp", "system.to_date(tu) date", "system.tounixtimestamp(ts) bigint"}},
		{"SELECT toJson(m), to_json(l) FROM t", []string{"system.tojson(m) text", "system.to_json(l) text"}},
		{"SELECT sum(i), avg(bi), max(tx), count(*), COUNT(1), count(tx) FROM t WHERE k = 1",
			[]string{"system.sum(i) int", "system.avg(bi) bigint", "system.max(tx) text", "count bigint", "count bigint", "system.count(tx) bigint"}},
		{"SELECT intAsBlob(max(i)) FROM t WHERE k = 1", []string{"system.intasblob(system.max(i)) blob"}},
		{"SELECT blobAsText(tx), textAsBlob(tx), int_as_blob(3) FROM t", []string{"system.blobastext(tx) text", "system.textasblob(tx) blob", "system.int_as_blob(3) blob"}},
		{"SELECT (int)42, (text)'x' FROM t", []string{"(int)42 int", "(text)'x' text"}},
		{"SELECT map_keys(m), map_values(m), collection_count(l), collection_sum(l) FROM t",
			[]string{"system.map_keys(m) frozen<set<text>>", "system.map_values(m) frozen<list<int>>",
				"system.collection_count(l) int", "system.collection_sum(l) int"}},
		{"SELECT abs(i), round(d), floor(ts, 1h) FROM t", []string{"system.abs(i) int", "system.round(d) double", "system.floor(ts, 1h) timestamp"}},
		{"SELECT DISTINCT token(k) FROM t", []string{"system.token(k) bigint"}},
	}
	for _, tt := range tests {
		got, err := planSelect(testContext(), tt.src)
		if err != nil {
			t.Errorf("%s: error %q", tt.src, errMessage(err))
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: columns (-want +got):\n%s", tt.src, diff)
		}
	}
}

func TestSelectionErrors(t *testing.T) {
	sumSignatures := "system.sum : (tinyint) -> tinyint, system.sum : (smallint) -> smallint, system.sum : (int) -> int, " +
		"system.sum : (bigint) -> bigint, system.sum : (float) -> float, system.sum : (double) -> double, " +
		"system.sum : (decimal) -> decimal, system.sum : (varint) -> varint, system.sum : (counter) -> counter"
	tests := []struct {
		src, want string
	}{
		{"SELECT token(tx) FROM t", "Type error: tx cannot be passed as argument 0 of function system.token of type int"},
		{"SELECT token(k, c) FROM t", "Invalid number of arguments in call to function system.token: 1 required but 2 provided"},
		{"SELECT writetime(k) FROM t", "Cannot use selection function writetime on PRIMARY KEY part k"},
		{"SELECT ttl(c) FROM t", "Cannot use selection function ttl on PRIMARY KEY part c"},
		{"SELECT fromJson(tx) FROM t", "fromjson() cannot be used in the selection clause of a SELECT statement"},
		{"SELECT from_json(i) FROM t", "Function system.from_json requires an argument of type text, but found argument i of type int"},
		{"SELECT toJson(k, tx) FROM t", "Invalid number of arguments for function system.tojson(any)"},
		{"SELECT sum(tx) FROM t", "Invalid call to function sum, none of its type signatures match (known type signatures: " + sumSignatures + ")"},
		{"SELECT max(k, c) FROM t", "Invalid number of arguments for function system.max(any)"},
		{"SELECT max(max(i)) FROM t", "aggregate functions cannot be used as arguments of aggregate functions"},
		{"SELECT CAST(i AS boolean) FROM t", "i cannot be cast to boolean"},
		{"SELECT CAST(i AS date) FROM t", "Invalid call to function system.cast_as_date, none of its type signatures match (known type signatures: system.cast_as_date : (timeuuid) -> date, system.cast_as_date : (timestamp) -> date)"},
		{"SELECT dateOf(tu) FROM t", "Unknown function 'dateof'"},
		{"SELECT ks.sum(i) FROM t", "Unknown function 'ks.sum'"},
		{"SELECT 42 FROM t", "Cannot infer type for term 42 in selection clause (try using a cast to force a type)"},
		{"SELECT intAsBlob('x') FROM t", "Type error: 'x' cannot be passed as argument 0 of function system.intasblob of type int"},
		{"SELECT l[0] FROM t", "Element selection is only allowed on sets and maps, but l is a list"},
		{"SELECT map_keys(l) FROM t", "Function system.map_keys requires a map argument, but found argument l of type list<int>"},
		{"SELECT toJson(null) FROM t", "Cannot infer type of argument NULL in call to function system.tojson(any): use type casts to disambiguate"},
		{"SELECT sum(ts) FROM t", "Ambiguous call to function sum (can be matched by following signatures: system.sum : (bigint) -> bigint, system.sum : (varint) -> varint): use type casts to disambiguate"},
	}
	for _, tt := range tests {
		_, err := planSelect(testContext(), tt.src)
		if got := errMessage(err); got != tt.want {
			t.Errorf("%s: error %q, want %q", tt.src, got, tt.want)
		}
	}
}
