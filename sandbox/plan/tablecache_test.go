package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

func TestTableCache(t *testing.T) {
	tbl := schema.NewTable("ks", "t", 1, []*schema.Column{
		{Name: "k", Type: value.IntType, Kind: schema.PartitionKey},
		{Name: "v", Type: value.TextType, Kind: schema.Regular, Position: -1},
	})
	tc := NewTableCache()
	first := tc.info(tbl)
	if again := tc.info(tbl); again != first {
		t.Errorf("info(t) the second time = %p, want the first one %p", again, first)
	}
	wantCols := []ResultColumn{{Name: "k", Type: value.IntType}, {Name: "v", Type: value.TextType}}
	if diff := cmp.Diff(wantCols, first.starColumns); diff != "" {
		t.Errorf("starColumns mismatch (-want +got):\n%s", diff)
	}
	if cap(first.starColumns) != len(first.starColumns) || cap(first.starExprs) != len(first.starExprs) {
		t.Errorf("cached selection has room to append into")
	}
	altered := tbl.WithColumns(append(tbl.Columns, &schema.Column{Name: "w", Type: value.IntType, Kind: schema.Regular, Position: -1}))
	if got := tc.info(altered); got == first || len(got.starColumns) != 3 {
		t.Errorf("info(altered table) = %d columns (shared %v), want 3 of its own", len(got.starColumns), got == first)
	}
	var none *TableCache
	if got := none.info(tbl); got != nil {
		t.Errorf("nil TableCache info = %v, want nil", got)
	}
}
