package lessons

import (
	"strings"
	"time"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// collectionWrites is what a statement wrote to whole collections: the
// number of collection tombstones and the columns they belong to.
type collectionWrites struct {
	tombstones int
	// columns are the columns whose whole value was overwritten or
	// deleted, in statement order, without duplicates.
	columns []*schema.Column
}

// collectionTombstones works out how many collection tombstones ("collection
// deletion" keys) a successful statement wrote. Cassandra writes one, per
// row, whenever a statement assigns a whole non-frozen collection or UDT
// (INSERT, UPDATE ... SET c = ..., including c = null) or deletes one
// (DELETE c FROM ...); element operations (c[k] = v, c = c + ..., c = c -
// ..., DELETE c[k]) write none. The statement is planned again, in the
// keyspace it ran in, with the sandbox's planner, so the count follows the
// same rules the engine applied when it ran (the schema cannot have
// changed since: a DDL statement would be the last statement itself). res
// is the statement's result: a lightweight transaction that did not apply
// wrote nothing.
func collectionTombstones(cat *schema.Catalog, keyspace, src string, res *sandbox.Result) (collectionWrites, error) {
	var out collectionWrites
	if notApplied(res) {
		return out, nil
	}
	st, err := cql.Parse(strings.TrimSuffix(strings.TrimSpace(src), ";"))
	if err != nil {
		return out, err
	}
	pc := &plan.Context{Catalog: cat, Keyspace: keyspace, Now: time.Now()}
	var writes []*plan.Write
	switch x := st.(type) {
	case *cql.InsertStmt:
		w, err := pc.Insert(x)
		if err != nil {
			return out, err
		}
		writes = []*plan.Write{w}
	case *cql.UpdateStmt:
		w, err := pc.Update(x)
		if err != nil {
			return out, err
		}
		writes = []*plan.Write{w}
	case *cql.DeleteStmt:
		w, err := pc.Delete(x)
		if err != nil {
			return out, err
		}
		writes = []*plan.Write{w}
	case *cql.BatchStmt:
		b, err := pc.Batch(x)
		if err != nil {
			return out, err
		}
		writes = b.Writes
	default:
		return out, nil // reads and DDL write no cells
	}
	seen := map[*schema.Column]bool{}
	for _, w := range writes {
		for _, op := range w.Ops {
			if !wholeCollection(op) {
				continue
			}
			out.tombstones += len(w.Keys) * rowsPerPartition(w, op.Column)
			if !seen[op.Column] {
				seen[op.Column] = true
				out.columns = append(out.columns, op.Column)
			}
		}
	}
	return out, nil
}

// wholeCollection reports whether an operation replaces or deletes a whole
// multi-cell value, which writes a collection tombstone.
func wholeCollection(op plan.Operation) bool {
	if op.Column == nil || op.Column.Type == nil || !op.Column.Type.IsMultiCell() {
		return false
	}
	return op.Kind == plan.OpSet || op.Kind == plan.OpDelete
}

// rowsPerPartition is the number of rows of one partition an operation on
// col writes to, as the engine applies it: the static row once, or every
// row the write names.
func rowsPerPartition(w *plan.Write, col *schema.Column) int {
	switch {
	case w.StaticOnly:
		return 1
	case col.Kind == schema.Static:
		return min(1, len(w.Clusterings))
	}
	return len(w.Clusterings)
}

// notApplied reports whether a result is that of a lightweight
// transaction whose condition failed.
func notApplied(res *sandbox.Result) bool {
	if res == nil || !res.LWT || len(res.Rows) == 0 || len(res.Rows[0]) == 0 {
		return false
	}
	applied, ok := res.Rows[0][0].(bool)
	return ok && !applied
}

// elementExamples returns the message showing how to change single
// elements of col, for its type.
func elementExamples(col *schema.Column) msgRef {
	name := value.QuoteIdent(col.Name)
	switch col.Type.Kind {
	case value.KindMap:
		return ref("writes.elements_map", name)
	case value.KindSet:
		return ref("writes.elements_set", name)
	case value.KindList:
		return ref("writes.elements_list", name)
	}
	return ref("writes.elements_udt", name)
}

// checkCollectionTombstones grades the collection tombstones the last
// statement wrote against a bound.
func checkCollectionTombstones(e *env, want *bound, a *Attempt) (bool, string) {
	got, err := collectionTombstones(e.sb.Catalog(), e.keyspace, a.Statement, a.Result)
	if err != nil {
		return false, e.t("writes.unknown", oneLine(a.Statement, 100), err.Error())
	}
	if want.holds(float64(got.tombstones)) {
		return true, ""
	}
	wantText := want.describe(e.lang, "count.collection_tombstone")
	gotText := e.count("count.collection_tombstone", got.tombstones)
	if len(got.columns) == 0 {
		return false, e.t("writes.too_few", wantText, gotText, oneLine(a.Statement, 100))
	}
	names := make([]string, len(got.columns))
	for i, c := range got.columns {
		names[i] = value.QuoteIdent(c.Name)
	}
	if want.max != nil && float64(got.tombstones) > *want.max {
		return false, e.t("writes.too_many", wantText, gotText, strings.Join(names, ", "), elementExamples(got.columns[0]))
	}
	return false, e.t("writes.too_few_some", wantText, gotText, strings.Join(names, ", "))
}
