package engine

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/value"
)

func TestCellTimes(t *testing.T) {
	multi := cellTimes{multi: true, vals: []any{int64(1000), nil, int64(3000)}}
	tests := []struct {
		name   string
		ct     cellTimes
		output any
		max    any
	}{
		{"single", cellTimes{vals: []any{int64(5)}}, int64(5), int64(5)},
		{"single without cell", cellTimes{vals: []any{nil}}, nil, nil},
		{"none", noTimes, nil, nil},
		{"multi", multi, []any{int64(1000), nil, int64(3000)}, int64(3000)},
		{"multi empty", cellTimes{multi: true}, nil, nil},
		{"element of multi", multi.get(2), int64(3000), int64(3000)},
		{"unset field of multi", multi.get(1), nil, nil},
		{"element of empty multi", cellTimes{multi: true}.get(0), nil, nil},
		{"element of frozen", cellTimes{vals: []any{int64(7)}}.get(3), int64(7), int64(7)},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.output, tt.ct.output()); diff != "" {
			t.Errorf("%s: output() (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(tt.max, tt.ct.max()); diff != "" {
			t.Errorf("%s: max() (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestElementRange(t *testing.T) {
	setType := value.SetOf(value.IntType, false)
	arg := &plan.Const{Typ: setType}
	set := []any{int32(1), int32(3), int32(5), int32(7)}
	tests := []struct {
		name     string
		x        *plan.ElementOf
		from, to int
	}{
		{"element", &plan.ElementOf{Arg: arg, Key: int32(5)}, 2, 3},
		{"missing element", &plan.ElementOf{Arg: arg, Key: int32(4)}, 0, 0},
		{"slice", &plan.ElementOf{Arg: arg, Slice: true, From: int32(2), To: int32(5)}, 1, 3},
		{"open slice", &plan.ElementOf{Arg: arg, Slice: true, To: int32(3)}, 0, 2},
		{"slice to the end", &plan.ElementOf{Arg: arg, Slice: true, From: int32(6)}, 3, 4},
		{"empty slice", &plan.ElementOf{Arg: arg, Slice: true, From: int32(8)}, 4, 4},
	}
	for _, tt := range tests {
		from, to := elementRange(tt.x, set)
		if from != tt.from || (to != tt.to && from < to) {
			t.Errorf("%s: elementRange = [%d, %d), want [%d, %d)", tt.name, from, to, tt.from, tt.to)
		}
	}
	m := []value.MapEntry{{Key: "a", Value: int32(1)}, {Key: "c", Value: int32(2)}}
	mx := &plan.ElementOf{Arg: &plan.Const{Typ: value.MapOf(value.TextType, value.IntType, false)}, Key: "c"}
	if from, to := elementRange(mx, m); from != 1 || to != 2 {
		t.Errorf("map element: elementRange = [%d, %d), want [1, 2)", from, to)
	}
}
