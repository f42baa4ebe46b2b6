package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestKeyRestrictions(t *testing.T) {
	for _, columns := range []int{1, 3, 4, 6} {
		var k keyRestrictions
		if got := k.at(0); got != nil || k.count() != 0 || k.last() != -1 || len(k.positions()) != 0 {
			t.Fatalf("empty keyRestrictions: at(0) = %v, count = %d, last = %d, positions = %v", got, k.count(), k.last(), k.positions())
		}
		var want []int
		rs := map[int]*restriction{}
		for pos := columns - 1; pos >= 0; pos -= 2 {
			r := &restriction{}
			k.set(pos, r, columns)
			rs[pos] = r
			want = append([]int{pos}, want...)
		}
		for pos := -1; pos <= columns; pos++ {
			if got := k.at(pos); got != rs[pos] {
				t.Errorf("%d columns: at(%d) = %p, want %p", columns, pos, got, rs[pos])
			}
		}
		if got := k.count(); got != len(want) {
			t.Errorf("%d columns: count() = %d, want %d", columns, got, len(want))
		}
		if got := k.last(); got != columns-1 {
			t.Errorf("%d columns: last() = %d, want %d", columns, got, columns-1)
		}
		if diff := cmp.Diff(want, k.positions()); diff != "" {
			t.Errorf("%d columns: positions() mismatch (-want +got):\n%s", columns, diff)
		}
	}
}
