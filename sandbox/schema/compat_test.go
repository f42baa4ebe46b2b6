package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/value"
)

func TestReaddCompatible(t *testing.T) {
	addr := &value.Type{Kind: value.KindUDT, Frozen: true, Keyspace: "ks", Name: "addr",
		Fields: []string{"street", "zip"}, Elems: []*value.Type{value.TextType, value.IntType}}
	tests := []struct {
		typ, prev *value.Type
		want      bool
	}{
		{value.IntType, value.IntType, true},
		{value.TextType, value.IntType, false},
		{value.TextType, value.AsciiType, true},
		{value.AsciiType, value.TextType, false},
		{value.BlobType, value.TextType, true},
		{value.BlobType, value.IntType, false}, // int cells have a fixed length
		{value.BigintType, value.TimestampType, true},
		{value.TimestampType, value.BigintType, true},
		{value.VarintType, value.IntType, false},
		{value.ListOf(value.IntType, false), value.ListOf(value.IntType, false), true},
		{value.ListOf(value.IntType, true), value.ListOf(value.IntType, false), false},
		{value.ListOf(value.IntType, false), value.ListOf(value.IntType, true), false},
		{value.SetOf(value.IntType, false), value.ListOf(value.IntType, false), false},
		{value.IntType, value.SetOf(value.IntType, false), false},
		{value.SetOf(value.TextType, false), value.SetOf(value.AsciiType, false), true},
		{value.MapOf(value.IntType, value.TextType, false), value.MapOf(value.IntType, value.AsciiType, false), true},
		{value.MapOf(value.IntType, value.BlobType, false), value.MapOf(value.IntType, value.IntType, false), false},
		{value.TupleOf(value.TextType, value.IntType), addr, true},
		{addr, addr, false}, // recorded as frozen<tuple<text, int>>
		{value.ListOf(addr, false), value.ListOf(addr, false), false},
		{value.BlobType, addr, true},
		{value.TupleOf(value.TextType, value.IntType, value.IntType), value.TupleOf(value.TextType, value.IntType), true},
		{value.TupleOf(value.TextType), value.TupleOf(value.TextType, value.IntType), false},
		{value.CounterType, value.CounterType, true},
	}
	for _, tt := range tests {
		if got := ReaddCompatible(tt.typ, tt.prev); got != tt.want {
			t.Errorf("ReaddCompatible(%s, %s) = %v, want %v", tt.typ, tt.prev, got, tt.want)
		}
	}
}

func TestExpandUserTypes(t *testing.T) {
	addr := &value.Type{Kind: value.KindUDT, Frozen: true, Keyspace: "ks", Name: "addr",
		Fields: []string{"street", "zip"}, Elems: []*value.Type{value.TextType, value.IntType}}
	tests := []struct {
		typ  *value.Type
		want string
	}{
		{value.IntType, "int"},
		{addr, "frozen<tuple<text, int>>"},
		{value.ListOf(addr, false), "list<frozen<tuple<text, int>>>"},
		{value.MapOf(value.TextType, addr, true), "frozen<map<text, frozen<tuple<text, int>>>>"},
	}
	for _, tt := range tests {
		if got := ExpandUserTypes(tt.typ).String(); got != tt.want {
			t.Errorf("ExpandUserTypes(%s) = %s, want %s", tt.typ, got, tt.want)
		}
	}
}

func TestDroppedColumnsPersist(t *testing.T) {
	c := NewCatalog()
	k := NewKeyspace("ks", map[string]string{"class": "SimpleStrategy", "replication_factor": "1"})
	c.Keyspaces["ks"] = k
	v := &Column{Name: "v", Type: value.ListOf(value.IntType, false), Kind: Regular, Position: -1}
	tb := NewTable("ks", "t", c.AllocTableID(), []*Column{{Name: "k", Type: value.IntType, Kind: PartitionKey}, v})
	dropped := tb.WithColumns(tb.Columns[:1])
	dropped.RecordDrop(v, 1234)
	k.Tables["t"] = dropped
	if tb.Dropped != nil {
		t.Errorf("RecordDrop changed the original table: %v", tb.Dropped)
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	got := back.Table("ks", "t").DroppedColumn("v")
	want := &DroppedColumn{Name: "v", Type: value.ListOf(value.IntType, false), Kind: Regular, DroppedAt: 1234}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dropped column after Unmarshal differs (-want +got):\n%s", diff)
	}
	if at, ok := back.Table("ks", "t").DroppedAt([]byte("v")); !ok || at != 1234 {
		t.Errorf("DroppedAt(v) = %d, %v, want 1234, true", at, ok)
	}
	if _, ok := back.Table("ks", "t").DroppedAt([]byte("k")); ok {
		t.Errorf("DroppedAt(k) reports a drop")
	}
}
