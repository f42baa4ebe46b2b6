package dataset

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func collect(t *testing.T, d *Dataset, n int) [][]any {
	t.Helper()
	var rows [][]any
	err := d.Generate(n, func(r []any) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatalf("%s.Generate(%d): %v", d.Name, n, err)
	}
	return rows
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, d := range All() {
		a, b := collect(t, d, 500), collect(t, d, 500)
		if len(a) != 500 {
			t.Errorf("%s.Generate(500) made %d rows", d.Name, len(a))
		}
		for i, row := range a {
			if len(row) != len(d.Columns) {
				t.Fatalf("%s row %d has %d values for %d columns", d.Name, i, len(row), len(d.Columns))
			}
		}
		// Values are compared through their printed form: decimals and
		// big integers hold unexported state.
		if diff := cmp.Diff(fmt.Sprint(a), fmt.Sprint(b), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s generated different rows on a second run (-first +second):\n%s", d.Name, diff)
		}
	}
}

func TestGenerateLimits(t *testing.T) {
	d := Lookup("orders")
	if d == nil {
		t.Fatal(`Lookup("orders") = nil`)
	}
	if err := d.Generate(MaxRows+1, func([]any) error { return nil }); err == nil {
		t.Errorf("Generate(%d) succeeded, want an error above MaxRows", MaxRows+1)
	}
	if got := len(collect(t, d, 0)); got != d.DefaultRows {
		t.Errorf("Generate(0) made %d rows, want the default %d", got, d.DefaultRows)
	}
	if Lookup("nope") != nil {
		t.Error(`Lookup("nope") != nil`)
	}
}

func TestOrdersSkewedHasACelebrity(t *testing.T) {
	rows := collect(t, Lookup("orders_skewed"), 10_000)
	celebrity := 0
	for _, r := range rows {
		if r[0] == "celebrity" {
			celebrity++
		}
	}
	// 40% of the orders, give or take the randomness of 10,000 draws.
	if celebrity < 3_700 || celebrity > 4_300 {
		t.Errorf("orders_skewed: celebrity has %d of 10000 orders, want about 4000", celebrity)
	}
	plain := collect(t, Lookup("orders"), 10_000)
	for _, r := range plain {
		if r[0] == "celebrity" {
			t.Fatal("orders (not skewed) has a celebrity row")
		}
	}
}
