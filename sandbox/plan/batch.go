package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Batch thresholds, Cassandra's defaults.
const (
	unloggedPartitionsWarn = 10
	batchSizeWarn          = 5 << 10
	batchSizeFail          = 50 << 10
)

// Batch plans a BATCH statement, with BatchStatement's checks in its
// order: the statements are prepared, then the batch is validated, then
// each statement.
func (c *Context) Batch(s *cql.BatchStmt) (*Batch, error) {
	b := &Batch{Type: s.Type}
	for _, st := range s.Statements {
		var w *Write
		var err error
		switch st := st.(type) {
		case *cql.InsertStmt:
			w, err = c.insert(st)
		case *cql.UpdateStmt:
			w, err = c.update(st)
		case *cql.DeleteStmt:
			w, err = c.delete(st)
		default:
			return nil, cqlerr.Invalidf("Only INSERT, UPDATE and DELETE statements are allowed in a BATCH")
		}
		if err != nil {
			return nil, err
		}
		if w.IsLWT {
			b.Conditional = true
		}
		b.Writes = append(b.Writes, w)
	}
	timestampSet := s.Using != nil && s.Using.Timestamp != nil
	var timestamp any
	if timestampSet {
		var err error
		if timestamp, err = c.value(s.Using.Timestamp, receiver{name: "[timestamp]", typ: value.BigintType}); err != nil {
			return nil, err
		}
	}
	if err := b.validate(s, timestampSet); err != nil {
		return nil, err
	}
	for _, w := range b.Writes {
		if err := w.validate(); err != nil {
			return nil, err
		}
	}
	if timestampSet {
		if timestamp == nil {
			return nil, cqlerr.Invalidf("Invalid null value of timestamp")
		}
		ts := timestamp.(int64)
		if err := checkTimestampBound(ts); err != nil {
			return nil, err
		}
		b.Timestamp = &ts
	}
	if b.Conditional {
		var key []byte
		rows := casRows{}
		for _, w := range b.Writes {
			if w.Timestamp != nil {
				return nil, cqlerr.Invalidf("Cannot provide custom timestamp for conditional BATCH")
			}
			// BatchStatement.makeCasRequest checks every statement,
			// conditional or not; its IN check throws an
			// IllegalArgumentException, which reaches the client as a
			// server error.
			if w.pkIn || len(w.Keys) != 1 {
				return nil, cqlerr.Serverf("java.lang.IllegalArgumentException: Batch with conditions cannot span multiple partitions (you cannot use IN on the partition key)")
			}
			if key != nil && string(key) != string(w.Keys[0].Bytes) {
				return nil, cqlerr.Invalidf("Batch with conditions cannot span multiple partitions")
			}
			key = w.Keys[0].Bytes
			if w.ckIn {
				return nil, cqlerr.Invalidf("IN on the clustering key columns is not supported with conditional %s", w.conditionalKind())
			}
			if err := rows.add(w); err != nil {
				return nil, err
			}
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

// validate makes the checks of BatchStatement.validate: no TTL on the
// batch, a batch timestamp only where statements give none, and counter
// updates only in UNLOGGED or COUNTER batches of counter updates alone.
func (b *Batch) validate(s *cql.BatchStmt, timestampSet bool) error {
	if s.Using != nil && s.Using.TTL != nil {
		return cqlerr.Invalidf("Global TTL on the BATCH statement is not supported.")
	}
	if timestampSet {
		if b.Conditional {
			return cqlerr.Invalidf("Cannot provide custom timestamp for conditional BATCH")
		}
		if b.Type == cql.CounterBatch {
			return cqlerr.Invalidf("Cannot provide custom timestamp for counter BATCH")
		}
	}
	hasCounters, hasNonCounters := false, false
	for _, w := range b.Writes {
		if timestampSet && w.timestampSet {
			return cqlerr.Invalidf("Timestamp must be set either on BATCH or individual statements")
		}
		if w.Table.HasCounters() {
			hasCounters = true
		} else {
			hasNonCounters = true
		}
	}
	switch {
	case timestampSet && hasCounters:
		return cqlerr.Invalidf("Cannot provide custom timestamp for a BATCH containing counters")
	case b.Type == cql.CounterBatch && hasNonCounters:
		return cqlerr.Invalidf("Cannot include non-counter statement in a counter batch")
	case hasCounters && hasNonCounters:
		return cqlerr.Invalidf("Counter and non-counter mutations cannot exist in the same batch")
	case b.Type == cql.LoggedBatch && hasCounters:
		return cqlerr.Invalidf("Cannot include a counter statement in a logged batch")
	}
	if b.Conditional {
		var table string
		for _, w := range b.Writes {
			if table != "" && table != w.Table.QualifiedName() {
				return cqlerr.Invalidf("Batch with conditions cannot span multiple tables")
			}
			table = w.Table.QualifiedName()
		}
	}
	return nil
}

// casRows records the kind of condition a conditional batch puts on each
// row it touches ("IF EXISTS", "IF NOT EXISTS", or "" for column
// conditions), keyed by clustering, as CQL3CasRequest does; the static row
// has its own key.
type casRows map[string]string

const staticRowKey = "static"

// add records the conditions of w, refusing a row given two kinds of
// condition (CQL3CasRequest.addExistsCondition and addConditions).
func (r casRows) add(w *Write) error {
	row := staticRowKey
	if !w.StaticOnly && len(w.Clusterings) > 0 {
		row = fmt.Sprintf("row%#v", w.Clusterings[0])
	}
	switch {
	case w.IfNotExists:
		return r.exists(row, "IF NOT EXISTS")
	case w.IfExists:
		return r.exists(row, "IF EXISTS")
	}
	for _, c := range w.Conditions {
		target := row
		if c.Column.Kind == schema.Static {
			target = staticRowKey
		}
		prev, ok := r[target]
		if ok && prev != "" {
			return cqlerr.Invalidf("Cannot mix IF conditions and %s for the same row", prev)
		}
		r[target] = ""
	}
	return nil
}

func (r casRows) exists(row, kind string) error {
	prev, ok := r[row]
	switch {
	case !ok || prev == kind:
		r[row] = kind
		return nil
	case prev == "":
		return cqlerr.Invalidf("Cannot mix IF conditions and %s for the same row", kind)
	}
	return cqlerr.Invalidf("Cannot mix IF EXISTS and IF NOT EXISTS conditions for the same row")
}
