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
	"github.com/learnkv/learnkv/sandbox/value"
)

// DatasetsNote is the note ID of DATASETS's result: a front end may show
// DatasetList in the learner's language in its place.
const DatasetsNote = "datasets.list"

// DatasetList is the table DATASETS prints, with each dataset's summary
// in Japanese when japanese is set (the result's note "datasets.list"
// lets a front end ask for it).
func DatasetList(japanese bool) string {
	var rows [][]string
	for _, d := range dataset.All() {
		summary := d.Summary
		if japanese {
			summary = d.SummaryJA
		}
		rows = append(rows, []string{d.Name, d.Table, fmt.Sprint(d.DefaultRows), summary})
	}
	return strings.Join(alignedTable([]string{"dataset", "table", "default rows", "contents"}, rows, true), "\n")
}

// LoadDataset loads a generated dataset into the session's keyspace (rows
// 0 means the dataset's default size). It returns the number of rows
// written.
func (s *Sandbox) LoadDataset(ctx context.Context, name string, rows int, into string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, _, _, err := s.load(ctx, name, rows, into)
	return n, err
}

func (s *Sandbox) loadDataset(ctx context.Context, name string, rows int, into string) (*Result, error) {
	start := time.Now()
	n, table, unmatched, err := s.load(ctx, name, rows, into)
	if err != nil {
		return nil, err
	}
	el := time.Since(start)
	secs := el.Seconds()
	res := noted(fmt.Sprintf("Loaded %d rows of dataset %s into %s in %.2f s (%.0f rows/s).", n, name, table, secs, float64(n)/secs),
		"dataset.loaded", n, name, table, secs, float64(n)/secs)
	res.Warnings = unmatched
	return res, nil
}

// unmatchedColumns returns a warning for the columns of dataset d that
// table t does not have (they are not loaded), and one for the regular
// columns of t that d does not give (they stay empty), or nil when each
// matches the other.
func unmatchedColumns(d *dataset.Dataset, t *schema.Table) []string {
	var dropped, empty []string
	given := map[string]bool{}
	for _, name := range d.Columns {
		given[name] = true
		if t.Column(name) == nil {
			dropped = append(dropped, name)
		}
	}
	for _, c := range t.Columns {
		if c.Kind != schema.PartitionKey && c.Kind != schema.Clustering && !given[c.Name] {
			empty = append(empty, c.Name)
		}
	}
	var warnings []string
	if len(dropped) > 0 {
		warnings = append(warnings, fmt.Sprintf("Dataset %s gives %s, which table %s does not have: not loaded.",
			d.Name, strings.Join(dropped, ", "), t.Name))
	}
	if len(empty) > 0 {
		warnings = append(warnings, fmt.Sprintf("Dataset %s has nothing for %s of table %s (it gives %s): left empty.",
			d.Name, strings.Join(empty, ", "), t.Name, strings.Join(d.Columns, ", ")))
	}
	return warnings
}

// load writes a dataset's rows: into its own table (created if needed),
// or into the table named by into, whose columns are matched by name
// (the dataset must provide every primary key column; its other columns
// are written where the table has them).
func (s *Sandbox) load(ctx context.Context, name string, rows int, into string) (int, string, []string, error) {
	d := dataset.Lookup(name)
	if d == nil {
		return 0, "", nil, cqlerr.ShellNote("err.dataset.unknown", "Unknown dataset %q. DATASETS lists them.", name)
	}
	if rows > dataset.MaxRows {
		return 0, "", nil, cqlerr.ShellNote("err.dataset.max", "A dataset has at most %d rows.", dataset.MaxRows)
	}
	k := s.catalog.Keyspace(s.session.Keyspace)
	if k == nil {
		return 0, "", nil, cqlerr.Invalidf("Keyspace '%s' does not exist", s.session.Keyspace)
	}
	table := into
	if into == "" {
		table = d.Table
		for _, stmt := range d.Schema {
			st, err := cql.Parse(stmt)
			if err != nil {
				return 0, "", nil, fmt.Errorf("dataset %s schema: %w", name, err)
			}
			if _, err := s.runSchema(st); err != nil {
				return 0, "", nil, err
			}
		}
		k = s.catalog.Keyspace(s.session.Keyspace)
	}
	t := k.Tables[strings.ToLower(table)]
	if t == nil {
		return 0, "", nil, cqlerr.Invalidf("table %s does not exist", table)
	}
	types, err := s.datasetTypes(d)
	if err != nil {
		return 0, "", nil, err
	}
	w := &plan.Write{Kind: plan.InsertWrite, Table: t, RF: k.ReplicationFactor(), TTL: t.DefaultTTL}
	cols := make([]*schema.Column, len(d.Columns))
	for i, name := range d.Columns {
		cols[i] = t.Column(name)
		if cols[i] != nil && !cols[i].Type.Equal(types[i]) && !(cols[i].Type.Kind == types[i].Kind && !cols[i].Type.Kind.IsCollection()) {
			return 0, "", nil, cqlerr.ShellNote("err.dataset.type", "Dataset %s gives column %s as %s, but table %s has it as %s.", d.Name, name, types[i].String(), t.Name, cols[i].Type.String())
		}
	}
	for _, c := range append(append([]*schema.Column{}, t.PartitionKey...), t.Clustering...) {
		found := false
		for _, dc := range cols {
			found = found || dc == c
		}
		if !found {
			return 0, "", nil, cqlerr.ShellNote("err.dataset.key", "Dataset %s has no column %s, which table %s needs for its primary key (it has %s).",
				d.Name, c.Name, t.Name, strings.Join(d.Columns, ", "))
		}
	}
	pkVals := make([]any, len(t.PartitionKey))
	ckVals := make([]any, len(t.Clustering))
	w.Clusterings = [][]any{ckVals}
	w.Keys = make([]plan.PartitionKey, 1)
	count := 0
	tr, err := s.newTrace("LOAD DATASET " + name)
	if err != nil {
		return 0, "", nil, err
	}
	tr.Quiet = true
	err = d.Generate(rows, func(row []any) error {
		if count%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		w.Ops = w.Ops[:0]
		for i, c := range cols {
			if c == nil {
				continue
			}
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
	if into == "" {
		return count, t.QualifiedName(), nil, err
	}
	return count, t.QualifiedName(), unmatchedColumns(d, t), err
}

// datasetTypes returns the CQL type of each of a dataset's columns, as its
// schema declares them.
func (s *Sandbox) datasetTypes(d *dataset.Dataset) ([]*value.Type, error) {
	scratch := s.catalog.Clone()
	scratch.Keyspaces["dataset_types"] = schema.NewKeyspace("dataset_types", map[string]string{"replication_factor": "1"})
	pc := &plan.Context{Catalog: scratch, Keyspace: "dataset_types", Now: s.clock()}
	var t *schema.Table
	for _, src := range d.Schema {
		st, err := cql.Parse(src)
		if err != nil {
			return nil, err
		}
		if ct, ok := st.(*cql.CreateTableStmt); ok {
			if t, err = pc.CreateTable(ct); err != nil {
				return nil, err
			}
		}
	}
	if t == nil {
		return nil, fmt.Errorf("dataset %s has no table", d.Name)
	}
	out := make([]*value.Type, len(d.Columns))
	for i, name := range d.Columns {
		c := t.Column(name)
		if c == nil {
			return nil, fmt.Errorf("dataset %s: no column %s", d.Name, name)
		}
		out[i] = c.Type
	}
	return out, nil
}
