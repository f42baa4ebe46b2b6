package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Batch thresholds, Cassandra's defaults.
const (
	unloggedPartitionsWarn = 10
	batchSizeWarn          = 5 << 10
	batchSizeFail          = 50 << 10
)

// Batch plans a BATCH statement.
func (c *Context) Batch(s *cql.BatchStmt) (*Batch, error) {
	b := &Batch{Type: s.Type}
	if s.Type == cql.CounterBatch {
		return nil, cqlerr.Invalidf("Cannot include non-counter statement in a counter batch")
	}
	if s.Using != nil {
		if s.Using.TTL != nil {
			return nil, cqlerr.Invalidf("Global TTL on the BATCH statement is not supported.")
		}
		if s.Using.Timestamp != nil {
			v, err := c.value(s.Using.Timestamp, receiver{name: "[timestamp]", typ: value.BigintType})
			if err != nil {
				return nil, err
			}
			if v == nil {
				return nil, cqlerr.Invalidf("Invalid null value of timestamp")
			}
			ts := v.(int64)
			b.Timestamp = &ts
		}
	}
	for _, st := range s.Statements {
		var w *Write
		var err error
		switch st := st.(type) {
		case *cql.InsertStmt:
			w, err = c.Insert(st)
		case *cql.UpdateStmt:
			w, err = c.Update(st)
		case *cql.DeleteStmt:
			w, err = c.Delete(st)
		default:
			return nil, cqlerr.Invalidf("Only INSERT, UPDATE and DELETE statements are allowed in a BATCH")
		}
		if err != nil {
			return nil, err
		}
		if w.Timestamp != nil && b.Timestamp != nil {
			return nil, cqlerr.Invalidf("Timestamp must be set either on BATCH or individual statements")
		}
		if w.IsLWT {
			b.Conditional = true
		}
		b.Writes = append(b.Writes, w)
	}
	if b.Conditional {
		if b.Timestamp != nil {
			return nil, cqlerr.Invalidf("Cannot provide custom timestamp for conditional BATCH")
		}
		var table string
		var key []byte
		for _, w := range b.Writes {
			if w.Timestamp != nil {
				return nil, cqlerr.Invalidf("Cannot provide custom timestamp for conditional BATCH")
			}
			if table != "" && table != w.Table.QualifiedName() {
				return nil, cqlerr.Invalidf("Batch with conditions cannot span multiple tables")
			}
			table = w.Table.QualifiedName()
			if len(w.Keys) > 1 {
				return nil, cqlerr.Invalidf("Batch with conditions cannot span multiple partitions (you cannot use IN on the partition key)")
			}
			if key != nil && string(key) != string(w.Keys[0].Bytes) {
				return nil, cqlerr.Invalidf("Batch with conditions cannot span multiple partitions")
			}
			key = w.Keys[0].Bytes
		}
	}
	size := 0
	tables := map[string]bool{}
	partitions := map[string]bool{}
	for _, w := range b.Writes {
		tables[w.Table.QualifiedName()] = true
		for _, k := range w.Keys {
			partitions[w.Table.QualifiedName()+"\x00"+string(k.Bytes)] = true
		}
		size += w.dataSize()
	}
	names := make([]string, 0, len(tables))
	for t := range tables {
		names = append(names, t)
	}
	sort.Strings(names)
	tableList := "[" + strings.Join(names, ", ") + "]"
	if size > batchSizeFail {
		return nil, cqlerr.Invalidf("Batch too large")
	}
	if size > batchSizeWarn {
		b.Warnings = append(b.Warnings, fmt.Sprintf("Batch for %s is of size %d, exceeding specified threshold of %d by %d.", tableList, size, batchSizeWarn, size-batchSizeWarn))
	}
	if s.Type == cql.UnloggedBatch && len(partitions) > unloggedPartitionsWarn {
		plural := ""
		if len(tables) > 1 {
			plural = "s"
		}
		b.Warnings = append(b.Warnings, fmt.Sprintf("Unlogged batch covering %d partitions detected against table%s %s. You should use a logged batch for atomicity, or asynchronous writes for performance.", len(partitions), plural, tableList))
	}
	return b, nil
}

// dataSize estimates the bytes a write adds, as Cassandra's mutation
// dataSize does: key and value bytes plus a timestamp per cell.
func (w *Write) dataSize() int {
	n := 0
	for _, k := range w.Keys {
		n += len(k.Bytes)
	}
	for _, op := range w.Ops {
		n += 8 + len(op.Column.Name)
		n += approxSize(op.Value)
	}
	return n * max(1, len(w.Clusterings))
}

func approxSize(v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		return len(v)
	case []byte:
		return len(v)
	case []any:
		n := 0
		for _, e := range v {
			n += 4 + approxSize(e)
		}
		return n
	}
	return 8
}
