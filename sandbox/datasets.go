package sandbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/dataset"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/schema"
)

func datasetList() string {
	var rows [][]string
	for _, d := range dataset.All() {
		rows = append(rows, []string{d.Name, d.Table, fmt.Sprint(d.DefaultRows), d.Summary})
	}
	return strings.Join(textTable([]string{"dataset", "table", "default rows", "contents"}, rows), "\n")
}

// LoadDataset loads a generated dataset into the session's keyspace (rows
// 0 means the dataset's default size). It returns the number of rows
// written.
func (s *Sandbox) LoadDataset(ctx context.Context, name string, rows int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load(ctx, name, rows)
}

func (s *Sandbox) loadDataset(ctx context.Context, name string, rows int) (*Result, error) {
	start := time.Now()
	n, err := s.load(ctx, name, rows)
	if err != nil {
		return nil, err
	}
	el := time.Since(start)
	d := dataset.Lookup(name)
	return &Result{Message: fmt.Sprintf("Loaded %d rows of dataset %s into %s.%s in %.2f s (%.0f rows/s).",
		n, name, s.session.Keyspace, d.Table, el.Seconds(), float64(n)/el.Seconds())}, nil
}

func (s *Sandbox) load(ctx context.Context, name string, rows int) (int, error) {
	d := dataset.Lookup(name)
	if d == nil {
		return 0, cqlerr.Shellf("Unknown dataset %q. DATASETS lists them.", name)
	}
	if rows > dataset.MaxRows {
		return 0, cqlerr.Shellf("A dataset has at most %d rows.", dataset.MaxRows)
	}
	for _, stmt := range d.Schema {
		st, err := cql.Parse(stmt)
		if err != nil {
			return 0, fmt.Errorf("dataset %s schema: %w", name, err)
		}
		if _, err := s.runSchema(st); err != nil {
			return 0, err
		}
	}
	k := s.catalog.Keyspace(s.session.Keyspace)
	if k == nil {
		return 0, cqlerr.Invalidf("Keyspace '%s' does not exist", s.session.Keyspace)
	}
	t := k.Tables[d.Table]
	w := &plan.Write{Kind: plan.InsertWrite, Table: t, RF: k.ReplicationFactor(), TTL: t.DefaultTTL}
	cols := make([]*schema.Column, len(d.Columns))
	for i, name := range d.Columns {
		if cols[i] = t.Column(name); cols[i] == nil {
			return 0, fmt.Errorf("dataset %s: table %s has no column %s (was it created differently?)", d.Name, t.Name, name)
		}
	}
	pkVals := make([]any, len(t.PartitionKey))
	ckVals := make([]any, len(t.Clustering))
	w.Clusterings = [][]any{ckVals}
	w.Keys = make([]plan.PartitionKey, 1)
	count := 0
	tr, err := s.newTrace("LOAD DATASET " + name)
	if err != nil {
		return 0, err
	}
	tr.Quiet = true
	err = d.Generate(rows, func(row []any) error {
		if count%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		w.Ops = w.Ops[:0]
		for i, c := range cols {
			switch c.Kind {
			case schema.PartitionKey:
				pkVals[c.Position] = row[i]
			case schema.Clustering:
				ckVals[c.Position] = row[i]
			default:
				w.Ops = append(w.Ops, plan.Operation{Column: c, Kind: plan.OpSet, Value: row[i]})
			}
		}
		w.Keys[0] = plan.MakeKey(t, pkVals)
		if err := s.engine.Load(w, tr); err != nil {
			return err
		}
		count++
		return nil
	})
	return count, err
}
