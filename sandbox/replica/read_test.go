package replica

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/store"
	"github.com/learnkv/learnkv/sandbox/value"
)

// testTable is t (k int, c int, s text static, v text, tags set<text>,
// PRIMARY KEY (k, c)).
func testTable() *schema.Table {
	return schema.NewTable("ks", "t", 7, []*schema.Column{
		{Name: "k", Type: value.IntType, Kind: schema.PartitionKey, Position: 0},
		{Name: "c", Type: value.IntType, Kind: schema.Clustering, Position: 0},
		{Name: "s", Type: value.TextType, Kind: schema.Static, Position: -1},
		{Name: "v", Type: value.TextType, Kind: schema.Regular, Position: -1},
		{Name: "tags", Type: value.SetOf(value.TextType, false), Kind: schema.Regular, Position: -1},
	})
}

func openTestStore(t *testing.T) *Store {
	t.Helper()
	db, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := Open(db, "test")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func clustering(c int) []byte { return keys.AppendValue(nil, value.IntType, int32(c), false) }

// testPartition returns partition k of testTable with rows 0 to rows-1:
// a marker, v, two tags, and a static s; row 3 is deleted by a range
// tombstone, row 5 has an expired v.
func testPartition(k, rows int) *Partition {
	key := value.Marshal(value.IntType, int32(k))
	p := NewPartition(key, keys.Token(key))
	p.StaticRow().ColumnFor("s").Cell = &Cell{TS: 10, Value: []byte(fmt.Sprintf("static%d", k))}
	for c := range rows {
		r := p.Row(clustering(c))
		r.Marker = &Cell{TS: 10}
		v := &Cell{TS: 10, Value: []byte(fmt.Sprintf("v%d.%d", k, c))}
		if c == 5 {
			v.TTL, v.LDT = 10, 50
		}
		r.ColumnFor("v").Cell = v
		tags := r.ColumnFor("tags")
		tags.SetElem(keys.AppendValue(nil, value.TextType, "a", false), Cell{TS: 10})
		tags.SetElem(keys.AppendValue(nil, value.TextType, "b", false), Cell{TS: 11})
	}
	p.Ranges = append(p.Ranges, RangeTombstone{Seq: 1, Deletion: Deletion{TS: 20, LDT: 30},
		Slice: Slice{Start: Bound{Prefix: clustering(3), Inclusive: true}, End: Bound{Prefix: clustering(3), Inclusive: true}}})
	return p
}

// want returns what ReadPartition should give for p and opts: p's rows
// in the slices, the first limit live ones (or the last ones, reversed).
func want(p *Partition, opts ReadOptions) (*Partition, bool) {
	out := &Partition{Key: p.Key, Token: p.Token, Deletion: p.Deletion, Ranges: p.Ranges, Static: p.Static}
	var rows []Row
	for _, r := range p.Rows {
		in := opts.Slices == nil
		for _, sl := range opts.Slices {
			in = in || sl.Contains(r.Clustering)
		}
		if in {
			rows = append(rows, r)
		}
	}
	stopped := false
	if opts.Limit > 0 {
		live, n := 0, 0
		for i := range rows {
			j := i
			if opts.Reverse {
				j = len(rows) - 1 - i
			}
			if live == opts.Limit {
				stopped = true
				break
			}
			if isLiveRow(&rows[j], p.rowDeletion(&rows[j]), opts.Now, true) {
				live++
			}
			n++
		}
		if opts.Reverse {
			rows = rows[len(rows)-n:]
		} else {
			rows = rows[:n]
		}
	}
	out.Rows = rows
	return out, stopped
}

func TestReadPartition(t *testing.T) {
	s := openTestStore(t)
	tbl := testTable()
	parts := []*Partition{testPartition(1, 8), testPartition(2, 3), testPartition(3, 0)}
	for _, p := range parts {
		if _, err := s.Apply(2, tbl, p); err != nil {
			t.Fatal(err)
		}
	}
	incl := func(c int) Bound { return Bound{Prefix: clustering(c), Inclusive: true} }
	excl := func(c int) Bound { return Bound{Prefix: clustering(c)} }
	sliceSets := map[string][]Slice{
		"all":          nil,
		"full slice":   {FullSlice},
		"one row":      {{Start: incl(2), End: incl(2)}},
		"two rows":     {{Start: incl(1), End: incl(1)}, {Start: incl(6), End: incl(6)}},
		"open start":   {{End: excl(4)}},
		"open end":     {{Start: excl(4)}},
		"range":        {{Start: excl(1), End: incl(5)}},
		"empty range":  {{Start: incl(5), End: excl(5)}},
		"missing row":  {{Start: incl(42), End: incl(42)}},
		"past the end": {{Start: incl(9)}},
	}
	for _, p := range parts {
		for name, slices := range sliceSets {
			for _, reverse := range []bool{false, true} {
				for _, limit := range []int{0, 1, 2, 5} {
					opts := ReadOptions{Slices: slices, Reverse: reverse, Limit: limit, Now: 100}
					var st ReadStats
					got, stopped, err := s.ReadPartition(2, tbl, p.Key, p.Token, opts, &st)
					if err != nil {
						t.Fatalf("ReadPartition(%x, %s, reverse %v, limit %d): %v", p.Key, name, reverse, limit, err)
					}
					w, wantStopped := want(p, opts)
					if diff := cmp.Diff(w, got, cmpopts.EquateEmpty()); diff != "" || stopped != wantStopped {
						t.Errorf("ReadPartition(%x, %s, reverse %v, limit %d) = stopped %v, want %v; mismatch (-want +got):\n%s",
							p.Key, name, reverse, limit, stopped, wantStopped, diff)
					}
					if st.Partitions != 1 || st.Seeks < 1 {
						t.Errorf("ReadPartition(%x, %s) stats = %+v, want 1 partition and a seek", p.Key, name, st)
					}
				}
			}
		}
	}
}

// TestReadPartitionOwnsItsBytes checks that a partition read keeps its
// own copy of what it read: later reads do not change it.
func TestReadPartitionOwnsItsBytes(t *testing.T) {
	s := openTestStore(t)
	tbl := testTable()
	for k := range 20 {
		if _, err := s.Apply(1, tbl, testPartition(k, 4)); err != nil {
			t.Fatal(err)
		}
	}
	first := testPartition(0, 4)
	var st ReadStats
	got, _, err := s.ReadPartition(1, tbl, first.Key, first.Token, ReadOptions{}, &st)
	if err != nil {
		t.Fatal(err)
	}
	snapshot := got.Clone()
	for k := 1; k < 20; k++ {
		p := testPartition(k, 4)
		if _, _, err := s.ReadPartition(1, tbl, p.Key, p.Token, ReadOptions{}, &st); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(first, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("partition 0 changed after later reads (-want +got):\n%s", diff)
	}
	if !Equal(snapshot, got) {
		t.Errorf("partition 0 differs from its clone after later reads")
	}
}

// TestScanTokens checks that a scan reads the same partitions as
// ReadPartition, in token order.
func TestScanTokens(t *testing.T) {
	s := openTestStore(t)
	tbl := testTable()
	byKey := map[string]*Partition{}
	for k := range 10 {
		p := testPartition(k, k%4)
		byKey[string(p.Key)] = p
		if _, err := s.Apply(3, tbl, p); err != nil {
			t.Fatal(err)
		}
	}
	var st ReadStats
	last := int64(-1 << 63)
	n := 0
	err := s.ScanTokens(3, tbl, -1<<63, 1<<63-1, &st, func(got *Partition) (bool, error) {
		n++
		if got.Token < last {
			t.Errorf("ScanTokens: token %d after %d", got.Token, last)
		}
		last = got.Token
		if diff := cmp.Diff(byKey[string(got.Key)], got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("ScanTokens: partition %x mismatch (-want +got):\n%s", got.Key, diff)
		}
		return true, nil
	})
	if err != nil || n != len(byKey) {
		t.Errorf("ScanTokens = %d partitions, %v, want %d, nil", n, err, len(byKey))
	}
}

func TestLiveRows(t *testing.T) {
	p := testPartition(1, 8)
	static, rows := p.LiveView(100)
	if static == nil {
		t.Errorf("LiveView(100) has no static row")
	}
	if got := p.LiveRows(100); got != len(rows) || got != 7 {
		t.Errorf("LiveRows(100) = %d, LiveView has %d rows, want 7", got, len(rows))
	}
	for _, r := range rows {
		if string(r.Clustering) == string(clustering(5)) {
			if d := r.Column("v"); d != nil {
				t.Errorf("LiveView(100) keeps the expired v of row 5: %+v", d)
			}
		}
	}
}

// TestPointReadAllocations guards the cost of reading a one-row
// partition.
func TestPointReadAllocations(t *testing.T) {
	s := openTestStore(t)
	tbl := testTable()
	p := testPartition(1, 1)
	if _, err := s.Apply(1, tbl, p); err != nil {
		t.Fatal(err)
	}
	var st ReadStats
	read := func() {
		if _, _, err := s.ReadPartition(1, tbl, p.Key, p.Token, ReadOptions{}, &st); err != nil {
			t.Fatal(err)
		}
	}
	read() // take the snapshot
	// Badger allocates a few times per seek; the partition, its row's
	// columns and its rows take a few more.
	if n := testing.AllocsPerRun(100, read); n > 18 {
		t.Errorf("ReadPartition of a one-row partition allocates %v times, want at most 18", n)
	}
}

// TestLiveRowShortcuts checks liveRow's shortcut for wholly live rows and
// isLiveRow against filterLiveRow.
func TestLiveRowShortcuts(t *testing.T) {
	path := keys.AppendValue(nil, value.TextType, "a", false)
	rows := map[string]Row{
		"marker only":      {Deletion: Live, Marker: &Cell{TS: 10}},
		"cells":            {Deletion: Live, Marker: &Cell{TS: 10}, Columns: []ColumnData{{Name: "v", Deletion: Live, Cell: &Cell{TS: 10, Value: []byte("x")}}}},
		"no marker":        {Deletion: Live, Columns: []ColumnData{{Name: "v", Deletion: Live, Cell: &Cell{TS: 10}}}},
		"elements":         {Deletion: Live, Columns: []ColumnData{{Name: "s", Deletion: Live, Elems: []Elem{{Path: path, Cell: Cell{TS: 10}}}}}},
		"empty":            {Deletion: Live},
		"empty columns":    {Deletion: Live, Columns: []ColumnData{}},
		"row deleted":      {Deletion: Deletion{TS: 20, LDT: 1}, Marker: &Cell{TS: 10}},
		"row deleted late": {Deletion: Deletion{TS: 5, LDT: 1}, Marker: &Cell{TS: 10}},
		"expired marker":   {Deletion: Live, Marker: &Cell{TS: 10, TTL: 5, LDT: 50}},
		"tombstone":        {Deletion: Live, Marker: &Cell{TS: 10}, Columns: []ColumnData{{Name: "v", Deletion: Live, Cell: &Cell{TS: 12, Tomb: true, LDT: 40}}}},
		"column deleted":   {Deletion: Live, Columns: []ColumnData{{Name: "s", Deletion: Deletion{TS: 9, LDT: 1}, Elems: []Elem{{Path: path, Cell: Cell{TS: 10}}}}}},
		"dead element":     {Deletion: Live, Columns: []ColumnData{{Name: "s", Deletion: Live, Elems: []Elem{{Path: path, Cell: Cell{TS: 10, TTL: 1, LDT: 60}}, {Path: []byte("b"), Cell: Cell{TS: 10}}}}}},
		"bare column":      {Deletion: Live, Marker: &Cell{TS: 10}, Columns: []ColumnData{{Name: "v", Deletion: Live}}},
	}
	outers := []Deletion{Live, {TS: 10, LDT: 5}, {TS: 9, LDT: 5}}
	for name, r := range rows {
		for _, outer := range outers {
			for _, clustered := range []bool{true, false} {
				got, ok := liveRow(&r, outer, 100, clustered)
				want, wantOK := filterLiveRow(&r, outer, 100, clustered)
				if diff := cmp.Diff(want, got); diff != "" || ok != wantOK {
					t.Errorf("liveRow(%s, %+v, clustered %v) = %v, want %v; mismatch (-want +got):\n%s", name, outer, clustered, ok, wantOK, diff)
				}
				if live := isLiveRow(&r, outer, 100, clustered); live != wantOK {
					t.Errorf("isLiveRow(%s, %+v, clustered %v) = %v, want %v", name, outer, clustered, live, wantOK)
				}
				if ok && len(got.Columns) > 0 && cap(got.Columns) != len(got.Columns) {
					t.Errorf("liveRow(%s) columns have room to append into the partition's", name)
				}
			}
		}
	}
}
