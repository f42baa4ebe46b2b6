package plan

import (
	"testing"

	"github.com/learnkv/learnkv/sandbox/cql"
)

// TestSelectRestrictionMessages covers restriction errors whose wording
// comes from Cassandra's TokenRestriction (SelectOrderedPartitionerTest)
// and RowFilter.MapEqualityExpression.
func TestSelectRestrictionMessages(t *testing.T) {
	tests := []struct {
		src string
		err string
	}{
		{src: "SELECT * FROM t WHERE token(k) = token(1) AND token(k) > 0", err: "k cannot be restricted by more than one relation if it includes an Equal"},
		{src: "SELECT * FROM t WHERE token(k) > 0 AND token(k) = token(1)", err: `Columns "k" cannot be restricted by both an equality and an inequality relation`},
		{src: "SELECT * FROM t WHERE token(k) > 0 AND token(k) >= 1", err: "More than one restriction was found for the start bound on k"},
		{src: "SELECT * FROM t WHERE k = 1 AND m['a'] = null ALLOW FILTERING", err: "Unsupported null map value for column m"},
		{src: "SELECT * FROM t WHERE k = 1 AND m[null] = 1 ALLOW FILTERING", err: "Unsupported null map key for column m"},
	}
	for _, tt := range tests {
		_, err := planSelect(testContext(), tt.src)
		if msg := errMessage(err); msg != tt.err {
			t.Errorf("plan(%q) error = %q, want %q", tt.src, msg, tt.err)
		}
	}
}

// TestEmptyInSelectsNoRow checks that an empty IN on a clustering column
// reads no row (an empty list of slices), where no restriction reads
// every row (no list at all).
func TestEmptyInSelectsNoRow(t *testing.T) {
	tests := []struct {
		src      string
		wantNil  bool
		wantRows int
	}{
		{src: "SELECT * FROM t WHERE k = 1", wantNil: true},
		{src: "SELECT * FROM t WHERE k = 1 AND c IN ()", wantRows: 0},
		{src: "SELECT * FROM t WHERE k = 1 AND (c) IN ()", wantRows: 0},
		{src: "SELECT * FROM t WHERE k = 1 AND c IN (1, 2)", wantRows: 2},
	}
	for _, tt := range tests {
		stmt, err := cql.Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		p, err := testContext().Select(stmt.(*cql.SelectStmt))
		if err != nil {
			t.Fatalf("Select(%q): %v", tt.src, err)
		}
		if gotNil := p.Slices == nil; gotNil != tt.wantNil || len(p.Slices) != tt.wantRows {
			t.Errorf("Select(%q).Slices = %v (nil: %v), want %d slices (nil: %v)", tt.src, p.Slices, gotNil, tt.wantRows, tt.wantNil)
		}
	}
}
