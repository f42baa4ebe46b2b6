package plan

import (
	"math"
	"math/big"
	"testing"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/value"
)

func decimal(s string) *apd.Decimal {
	d, _, err := apd.NewFromString(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestAccumulators(t *testing.T) {
	tests := []struct {
		name string
		fn   string
		typ  *value.Type
		in   []any
		want string
	}{
		{"sum tinyint wraps", "sum", value.TinyintType, []any{int8(100), int8(100), int8(-5)}, "-61"},
		{"sum smallint wraps", "sum", value.SmallintType, []any{int16(30000), int16(30000), int16(-7)}, "-5543"},
		{"sum int wraps", "sum", value.IntType, []any{int32(math.MaxInt32), int32(1), int32(-4)}, "2147483644"},
		{"sum bigint wraps", "sum", value.BigintType, []any{int64(math.MaxInt64), int64(1), int64(-3)}, "9223372036854775805"},
		{"sum counter", "sum", value.CounterType, []any{int64(2), int64(3)}, "5"},
		{"sum skips nulls", "sum", value.IntType, []any{nil, int32(2)}, "2"},
		{"sum of nothing", "sum", value.IntType, nil, "0"},
		{"avg tinyint in a long", "avg", value.TinyintType, []any{int8(100), int8(100), int8(-5)}, "65"},
		{"avg int truncates toward zero", "avg", value.IntType, []any{int32(-7), int32(2)}, "-2"},
		{"avg bigint overflows into BigInteger", "avg", value.BigintType, []any{int64(math.MaxInt64), int64(1), int64(-3)}, "3074457345618258601"},
		{"avg of nothing", "avg", value.BigintType, nil, "0"},
		{"sum varint", "sum", value.VarintType, []any{big.NewInt(10), big.NewInt(20), big.NewInt(5)}, "35"},
		{"avg varint truncates", "avg", value.VarintType, []any{big.NewInt(10), big.NewInt(20), big.NewInt(5)}, "11"},
		{"sum decimal exact", "sum", value.DecimalType, []any{decimal("1.0"), decimal("2.00"), decimal("4")}, "7.00"},
		{"avg decimal incremental half even", "avg", value.DecimalType, []any{decimal("1.0"), decimal("2.0"), decimal("4.0")}, "2.3"},
		{"avg decimal scale 0 rounds the step half even", "avg", value.DecimalType, []any{decimal("1"), decimal("2")}, "1"},
		{"avg decimal of nothing", "avg", value.DecimalType, nil, "0"},
		{"sum float", "sum", value.FloatType, []any{float32(1.5), float32(2.5), float32(3.25)}, "7.25"},
		{"sum double Kahan", "sum", value.DoubleType, []any{0.1, 0.2, 0.3}, "0.6"},
		{"sum double infinities", "sum", value.DoubleType, []any{math.Inf(1), math.Inf(1)}, "Infinity"},
		{"avg float", "avg", value.FloatType, []any{float32(1.5), float32(2.5), float32(3.25)}, "2.4166667"},
		{"avg double overflow", "avg", value.DoubleType, []any{math.MaxFloat64, math.MaxFloat64}, "1.7976931348623157E308"},
		{"count", "count", value.TextType, []any{"a", nil, "b"}, "2"},
		{"min text", "min", value.TextType, []any{"b", "a", nil, "c"}, "a"},
		{"max int", "max", value.IntType, []any{int32(3), int32(-1)}, "3"},
		{"max of nothing", "max", value.IntType, nil, "null"},
	}
	for _, tt := range tests {
		acc := newAccumulator(tt.fn, tt.typ)
		for _, v := range tt.in {
			acc.Add(v)
		}
		resultType := tt.typ
		if tt.fn == "count" {
			resultType = value.BigintType
		}
		if got := value.CQLText(resultType, acc.Result()); got != tt.want {
			t.Errorf("%s: %s(%v) = %s, want %s", tt.name, tt.fn, tt.in, got, tt.want)
		}
	}
}

func TestRowCounter(t *testing.T) {
	acc := (&Aggregate{Fn: "count", Star: true, typ: value.BigintType}).NewAccumulator()
	acc.Add(nil)
	acc.Add(true)
	if got := acc.Result(); got != int64(2) {
		t.Errorf("count(*) of two rows = %v, want 2", got)
	}
}

func TestDivideHalfEven(t *testing.T) {
	tests := []struct {
		x    string
		n    int64
		want string
	}{
		{"2.5", 3, "0.8"},
		{"0.25", 2, "0.12"},
		{"0.35", 2, "0.18"},
		{"-2.5", 3, "-0.8"},
		{"7", 2, "4"},
		{"5", 2, "2"},
	}
	for _, tt := range tests {
		if got := divideHalfEven(decimal(tt.x), tt.n).String(); got != tt.want {
			t.Errorf("divideHalfEven(%s, %d) = %s, want %s", tt.x, tt.n, got, tt.want)
		}
	}
}
