package engine

import (
	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/sandbox/value"
)

// WriteOptions are the session settings a write runs with.
type WriteOptions struct {
	Consistency cluster.Consistency
	Serial      cluster.Consistency
}

// Write runs a planned INSERT, UPDATE or DELETE.
func (e *Engine) Write(ctx *plan.Context, w *plan.Write, opts WriteOptions, tr *trace.Trace) (*Result, error) {
	if w.IsLWT {
		return e.lwt(ctx, []*plan.Write{w}, opts, tr)
	}
	if w.Table.HasCounters() {
		// ConsistencyLevel.validateCounterForWrite.
		switch {
		case opts.Consistency == cluster.Any:
			return nil, cqlerr.Invalidf("Consistency level ANY is not yet supported for counter table %s", w.Table.Name)
		case opts.Consistency.IsSerial():
			return nil, cqlerr.Invalidf("Counter operations are inherently non-serializable")
		}
		if isCounterUpdate(w) {
			return e.counterWrite(w, opts, tr)
		}
	}
	ts := e.Timestamp()
	if w.Timestamp != nil {
		ts = *w.Timestamp
	}
	ups, err := e.updates(w, ts, opts.Consistency, tr)
	if err != nil {
		return nil, err
	}
	for _, u := range ups {
		if err := e.Cluster.Write(w.Table, w.RF, u, opts.Consistency, tr); err != nil {
			return nil, err
		}
	}
	return &Result{Warnings: w.Warnings, Trace: tr}, nil
}

// mutation builds the cells of one write at one timestamp.
type mutation struct {
	e   *Engine
	w   *plan.Write
	ts  int64
	now int64
	cl  cluster.Consistency
	tr  *trace.Trace
	// cells and vals are slabs the simple cells of the write and their
	// value bytes are carved from (never reused, like the cells they
	// replace).
	cells []replica.Cell
	vals  []byte
}

// newCell returns a pointer to a copy of c carved from the cell slab.
func (m *mutation) newCell(c replica.Cell) *replica.Cell {
	if len(m.cells) == cap(m.cells) {
		m.cells = make([]replica.Cell, 0, len(m.w.Ops)+1)
	}
	m.cells = append(m.cells, c)
	return &m.cells[len(m.cells)-1]
}

// marshal returns value.Marshal(t, v), carved from the value slab.
func (m *mutation) marshal(t *value.Type, v any) []byte {
	if cap(m.vals)-len(m.vals) < mutationSlab/4 {
		m.vals = make([]byte, 0, mutationSlab)
	}
	n := len(m.vals)
	m.vals = value.AppendMarshal(m.vals, t, v)
	if len(m.vals) == n {
		return nil // as Marshal returns for no bytes
	}
	return m.vals[n:len(m.vals):len(m.vals)]
}

// mutationSlab is the size of a mutation's value slabs.
const mutationSlab = 256

func (m *mutation) cell(val []byte) replica.Cell {
	c := replica.Cell{TS: m.ts, Value: val}
	if m.w.TTL > 0 {
		c.TTL = int32(m.w.TTL)
		c.LDT = m.now + int64(m.w.TTL)
	}
	return c
}

func (m *mutation) tomb() replica.Cell { return replica.Cell{TS: m.ts, Tomb: true, LDT: m.now} }

// updates turns a write into one partition update per key.
func (e *Engine) updates(w *plan.Write, ts int64, cl cluster.Consistency, tr *trace.Trace) ([]*replica.Partition, error) {
	m := &mutation{e: e, w: w, ts: ts, now: e.nowSeconds(), cl: cl, tr: tr}
	out := make([]*replica.Partition, 0, len(w.Keys))
	t := w.Table
	for _, k := range w.Keys {
		u := replica.NewPartition(k.Bytes, k.Token)
		switch {
		case w.Kind == plan.DeleteWrite && len(w.Ops) == 0:
			m.deleteRows(u)
		case w.StaticOnly:
			if err := m.applyOps(u, k, nil, u.StaticRow()); err != nil {
				return nil, err
			}
		default:
			for _, ck := range w.Clusterings {
				row := u.Row(plan.EncodeClustering(t, ck))
				if row.Columns == nil && len(w.Ops) > 0 {
					row.Columns = make([]replica.ColumnData, 0, len(w.Ops))
				}
				if w.Kind == plan.InsertWrite {
					row.Marker = m.newCell(m.cell(nil))
				}
				if err := m.applyOps(u, k, ck, row); err != nil {
					return nil, err
				}
			}
		}
		out = append(out, u)
	}
	return out, nil
}

// deleteRows writes the deletion of a DELETE without a column list: the
// whole partition, a range of rows, or rows.
func (m *mutation) deleteRows(u *replica.Partition) {
	del := replica.Deletion{TS: m.ts, LDT: m.now}
	t := m.w.Table
	switch {
	case m.w.Slice != nil:
		for _, sl := range m.w.Slices {
			u.Ranges = append(u.Ranges, replica.RangeTombstone{Slice: sl, Deletion: del, Seq: m.e.Cluster.Store().NextSeq()})
		}
	case len(t.Clustering) == 0 || m.w.Clusterings == nil:
		u.Deletion = del
	default:
		for _, ck := range m.w.Clusterings {
			u.Row(plan.EncodeClustering(t, ck)).Deletion = del
		}
	}
}

// applyOps applies the column operations of the write to one row (and the
// partition's static row for static columns).
func (m *mutation) applyOps(u *replica.Partition, k plan.PartitionKey, ck []any, row *replica.Row) error {
	for i := range m.w.Ops {
		op := &m.w.Ops[i]
		target := row
		if op.Column.Kind == schema.Static {
			target = u.StaticRow()
		}
		if err := m.applyOp(k, ck, target, op); err != nil {
			return err
		}
	}
	return nil
}

func (m *mutation) applyOp(k plan.PartitionKey, ck []any, row *replica.Row, op *plan.Operation) error {
	col := op.Column
	t := col.Type
	cd := row.ColumnFor(col.Name)
	switch op.Kind {
	case plan.OpSet:
		if !t.IsMultiCell() {
			if op.Value == nil {
				cd.Cell = m.newCell(m.tomb())
			} else {
				cd.Cell = m.newCell(m.cell(m.marshal(t, op.Value)))
			}
			return nil
		}
		// Overwriting a whole collection or UDT deletes what was there
		// just before the new elements.
		cd.Deletion = cd.Deletion.Max(replica.Deletion{TS: m.ts - 1, LDT: m.now})
		return m.addElements(cd, t, op.Value, false)
	case plan.OpAppend:
		return m.addElements(cd, t, op.Value, false)
	case plan.OpPrepend:
		return m.addElements(cd, t, op.Value, true)
	case plan.OpRemove:
		if op.Value == nil {
			return nil
		}
		switch t.Kind {
		case value.KindSet, value.KindMap:
			for _, el := range op.Value.([]any) {
				cd.SetElem(keys.AppendValue(nil, t.Key(), el, false), m.tomb())
			}
			return nil
		case value.KindList:
			cur, err := m.currentElems(k, ck, col)
			if err != nil {
				return err
			}
			for _, e := range cur {
				x, err := value.Unmarshal(t.Elem(), e.Cell.Value)
				if err != nil {
					return err
				}
				for _, rm := range op.Value.([]any) {
					if value.Compare(t.Elem(), x, rm) == 0 {
						cd.SetElem(e.Path, m.tomb())
						break
					}
				}
			}
		}
		return nil
	case plan.OpSetElement:
		if t.Kind == value.KindMap {
			path := keys.AppendValue(nil, t.Key(), op.Key, false)
			if op.Value == nil {
				cd.SetElem(path, m.tomb())
			} else {
				cd.SetElem(path, m.cell(value.Marshal(t.Elem(), op.Value)))
			}
			return nil
		}
		path, err := m.listIndex(k, ck, col, op.Key.(int32), "Attempted to set an element on a list which is null")
		if err != nil {
			return err
		}
		if op.Value == nil {
			cd.SetElem(path, m.tomb())
		} else {
			cd.SetElem(path, m.cell(value.Marshal(t.Elem(), op.Value)))
		}
		return nil
	case plan.OpSetField:
		path := UDTPath(op.Field)
		if op.Value == nil {
			cd.SetElem(path, m.tomb())
		} else {
			cd.SetElem(path, m.cell(value.Marshal(t.Elems[op.Field], op.Value)))
		}
		return nil
	case plan.OpDelete:
		if t.IsMultiCell() {
			cd.Deletion = cd.Deletion.Max(replica.Deletion{TS: m.ts, LDT: m.now})
		} else {
			tc := m.tomb()
			cd.Cell = &tc
		}
		return nil
	case plan.OpDeleteElement:
		switch t.Kind {
		case value.KindList:
			path, err := m.listIndex(k, ck, col, op.Key.(int32), "Attempted to delete an element from a list which is null")
			if err != nil {
				return err
			}
			cd.SetElem(path, m.tomb())
		default:
			cd.SetElem(keys.AppendValue(nil, t.Key(), op.Key, false), m.tomb())
		}
		return nil
	case plan.OpDeleteField:
		cd.SetElem(UDTPath(op.Field), m.tomb())
		return nil
	}
	return cqlerr.Invalidf("unsupported operation on %s", col.Name)
}

// addElements writes the elements of a collection or UDT value as cells.
func (m *mutation) addElements(cd *replica.ColumnData, t *value.Type, v any, prepend bool) error {
	if v == nil {
		return nil
	}
	switch t.Kind {
	case value.KindList:
		elems := v.([]any)
		paths := m.e.listPaths(len(elems), prepend)
		for i, el := range elems {
			cd.SetElem(paths[i], m.cell(value.Marshal(t.Elem(), el)))
		}
	case value.KindSet:
		for _, el := range v.([]any) {
			cd.SetElem(keys.AppendValue(nil, t.Key(), el, false), m.cell(nil))
		}
	case value.KindMap:
		for _, me := range v.([]value.MapEntry) {
			cd.SetElem(keys.AppendValue(nil, t.Key(), me.Key, false), m.cell(value.Marshal(t.Elem(), me.Value)))
		}
	case value.KindUDT:
		for i, f := range v.([]any) {
			if f != nil && i < len(t.Elems) {
				cd.SetElem(UDTPath(i), m.cell(value.Marshal(t.Elems[i], f)))
			}
		}
	}
	return nil
}

// currentElems reads a list's live elements (read-before-write, at the
// statement's consistency level, as Cassandra does for list operations).
func (m *mutation) currentElems(k plan.PartitionKey, ck []any, col *schema.Column) ([]replica.Elem, error) {
	t := m.w.Table
	var slices []replica.Slice
	if ck != nil && len(t.Clustering) > 0 {
		p := plan.EncodeClustering(t, ck)
		slices = []replica.Slice{{Start: replica.Bound{Prefix: p, Inclusive: true}, End: replica.Bound{Prefix: p, Inclusive: true}}}
	}
	part, err := m.e.Cluster.Read(t, m.w.RF, k.Bytes, k.Token, replica.ReadOptions{Slices: slices}, m.cl, m.tr)
	if err != nil {
		return nil, err
	}
	static, rows := part.LiveView(m.now)
	src := static
	if col.Kind != schema.Static {
		src = nil
		if len(rows) > 0 {
			src = &rows[0]
		}
	}
	if src == nil {
		return nil, nil
	}
	d := src.Column(col.Name)
	if d == nil {
		return nil, nil
	}
	return d.Elems, nil
}

// listIndex returns the cell path of element idx of a list.
func (m *mutation) listIndex(k plan.PartitionKey, ck []any, col *schema.Column, idx int32, nullMsg string) ([]byte, error) {
	if idx < 0 {
		return nil, cqlerr.Invalidf("Invalid negative list index %d", idx)
	}
	cur, err := m.currentElems(k, ck, col)
	if err != nil {
		return nil, err
	}
	if len(cur) == 0 {
		return nil, cqlerr.Invalidf("%s", nullMsg)
	}
	if int(idx) >= len(cur) {
		return nil, cqlerr.Invalidf("List index %d out of bound, list has size %d", idx, len(cur))
	}
	return cur[idx].Path, nil
}

// Load writes one row of a dataset at consistency ONE. The caller keeps
// the trace short (it is reused for every row).
func (e *Engine) Load(w *plan.Write, tr *trace.Trace) error {
	ups, err := e.updates(w, e.Timestamp(), cluster.One, tr)
	if err != nil {
		return err
	}
	for _, u := range ups {
		if err := e.Cluster.Write(w.Table, w.RF, u, cluster.One, tr); err != nil {
			return err
		}
	}
	return nil
}
