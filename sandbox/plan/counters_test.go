package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// counterContext returns a planning context with the counter table cnt
// (k, c, s counter static, n counter, m counter, PRIMARY KEY (k, c)).
func counterContext() *Context {
	c := testContext()
	c.Catalog.Keyspace("ks").Tables["cnt"] = schema.NewTable("ks", "cnt", 3, []*schema.Column{
		{Name: "k", Type: value.IntType, Kind: schema.PartitionKey, Position: 0},
		{Name: "c", Type: value.IntType, Kind: schema.Clustering, Position: 0},
		{Name: "s", Type: value.CounterType, Kind: schema.Static, Position: -1},
		{Name: "m", Type: value.CounterType, Kind: schema.Regular, Position: -1},
		{Name: "n", Type: value.CounterType, Kind: schema.Regular, Position: -1},
	})
	return c
}

// planWrite plans a modification or batch and describes its operations
// as "column kind value".
func planWrite(c *Context, src string) ([]string, error) {
	stmt, err := cql.Parse(src)
	if err != nil {
		return nil, err
	}
	var writes []*Write
	switch st := stmt.(type) {
	case *cql.UpdateStmt:
		w, err := c.Update(st)
		if err != nil {
			return nil, err
		}
		writes = []*Write{w}
	case *cql.DeleteStmt:
		w, err := c.Delete(st)
		if err != nil {
			return nil, err
		}
		writes = []*Write{w}
	case *cql.InsertStmt:
		w, err := c.Insert(st)
		if err != nil {
			return nil, err
		}
		writes = []*Write{w}
	case *cql.BatchStmt:
		b, err := c.Batch(st)
		if err != nil {
			return nil, err
		}
		writes = b.Writes
	}
	kinds := map[OpKind]string{OpIncrement: "+", OpDecrement: "-", OpDelete: "delete"}
	var ops []string
	for _, w := range writes {
		for _, op := range w.Ops {
			ops = append(ops, op.Column.Name+" "+kinds[op.Kind]+" "+value.Literal(value.BigintType, op.Value))
		}
	}
	return ops, nil
}

func TestCounterWrites(t *testing.T) {
	tests := []struct {
		src  string
		want []string
		err  string
	}{
		{src: "UPDATE cnt SET n = n + 3, m = m - 2 WHERE k = 1 AND c = 1", want: []string{"n + 3", "m - 2"}},
		{src: "UPDATE cnt SET n += 3, n -= -4 WHERE k = 1 AND c = 1", want: []string{"n + 3", "n - -4"}},
		{src: "UPDATE cnt SET n = n -5 WHERE k = 1 AND c = 1", want: []string{"n + -5"}},
		{src: "UPDATE cnt SET s = s + 1 WHERE k = 1", want: []string{"s + 1"}},
		{src: "DELETE n FROM cnt WHERE k = 1 AND c = 1", want: []string{"n delete null"}},
		{src: "BEGIN COUNTER BATCH UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1; DELETE FROM cnt WHERE k = 2; APPLY BATCH", want: []string{"n + 1"}},
		{src: "UPDATE cnt SET n = 1 WHERE k = 1 AND c = 1", err: "Cannot set the value of counter column n (counters can only be incremented/decremented, not set)"},
		{src: "UPDATE cnt SET n = 'x' WHERE k = 1 AND c = 1", err: `Invalid STRING constant (x) for "n" of type counter`},
		{src: "UPDATE cnt SET n = n + 1 WHERE k = 1", err: "Some clustering keys are missing: c"},
		{src: "UPDATE cnt USING TTL -1 SET n = n + 1 WHERE k = 1 AND c = 1", err: "Cannot provide custom TTL for counter updates"},
		{src: "UPDATE cnt USING TIMESTAMP 1 AND TTL 1 SET n = n + 1 WHERE k = 1 AND c = 1", err: "Cannot provide custom timestamp for counter updates"},
		{src: "UPDATE cnt USING TIMESTAMP 1 SET n = n + 1 WHERE k = 1 AND c = 1 IF n = 1", err: "Cannot provide custom timestamp for conditional updates"},
		{src: "UPDATE cnt SET n = 1 WHERE k = 1 AND c = 1 IF n = 1", err: "Conditions on counters are not supported"},
		{src: "UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1 IF k = 1", err: "PRIMARY KEY column 'k' cannot have IF conditions"},
		{src: "UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1 IF EXISTS", err: "Conditional updates are not supported on counter tables"},
		{src: "DELETE FROM cnt WHERE k = 1 AND c = 1 IF EXISTS", err: "Conditional updates are not supported on counter tables"},
		{src: "INSERT INTO cnt (k, c, n) VALUES (1, 1, 1) IF NOT EXISTS", err: "INSERT statements are not allowed on counter tables, use UPDATE instead"},
		{src: "UPDATE t SET i = i + 1 WHERE k = 1 AND c = 1", err: "Invalid operation (i = i + 1) for non counter column i"},
		{src: "DELETE FROM t USING TIMESTAMP 1 WHERE k = 1 AND c = 1 IF EXISTS", err: "Cannot provide custom timestamp for conditional updates"},
		{src: "BEGIN BATCH UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Cannot include a counter statement in a logged batch"},
		{src: "BEGIN UNLOGGED BATCH USING TTL 1 UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Global TTL on the BATCH statement is not supported."},
		{src: "BEGIN COUNTER BATCH UPDATE cnt USING TIMESTAMP 1 SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Cannot provide custom timestamp for counter updates"},
		{src: "BEGIN COUNTER BATCH USING TIMESTAMP 1 UPDATE cnt USING TIMESTAMP 1 SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Cannot provide custom timestamp for counter BATCH"},
		{src: "BEGIN UNLOGGED BATCH USING TIMESTAMP 1 UPDATE cnt USING TIMESTAMP 1 SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Timestamp must be set either on BATCH or individual statements"},
		{src: "BEGIN COUNTER BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1; UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Cannot include non-counter statement in a counter batch"},
		{src: "BEGIN UNLOGGED BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1; UPDATE cnt SET n = n + 1 WHERE k = 1 AND c = 1; APPLY BATCH", err: "Counter and non-counter mutations cannot exist in the same batch"},
	}
	for _, tt := range tests {
		got, err := planWrite(counterContext(), tt.src)
		if msg := errMessage(err); msg != tt.err {
			t.Errorf("plan(%q) error = %q, want %q", tt.src, msg, tt.err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); err == nil && diff != "" {
			t.Errorf("plan(%q) ops (-want +got):\n%s", tt.src, diff)
		}
	}
}
