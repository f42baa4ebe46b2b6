package plan

import (
	"math/big"
	"testing"
	"time"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/value"
)

func TestOperationReturnType(t *testing.T) {
	tests := []struct {
		left, right, want *value.Type
	}{
		{value.TinyintType, value.TinyintType, value.TinyintType},
		{value.TinyintType, value.SmallintType, value.SmallintType},
		{value.IntType, value.BigintType, value.BigintType},
		{value.IntType, value.FloatType, value.FloatType},
		{value.BigintType, value.FloatType, value.DoubleType},
		{value.FloatType, value.VarintType, value.DecimalType},
		{value.VarintType, value.BigintType, value.VarintType},
		{value.CounterType, value.CounterType, value.BigintType},
		{value.CounterType, value.FloatType, value.DoubleType},
		{value.DecimalType, value.TinyintType, value.DecimalType},
	}
	for _, tt := range tests {
		if got := operationReturnType(tt.left, tt.right); !got.Equal(tt.want) {
			t.Errorf("operationReturnType(%s, %s) = %s, want %s", tt.left, tt.right, got, tt.want)
		}
	}
}

func dec(s string) *apd.Decimal {
	d, _, err := apd.NewFromString(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestNumericOperation(t *testing.T) {
	tests := []struct {
		op       cql.ArithOp
		ret      *value.Type
		lt       *value.Type
		l        any
		rt       *value.Type
		r        any
		want     string
		wantFail string
	}{
		{cql.OpAdd, value.TinyintType, value.TinyintType, int8(127), value.TinyintType, int8(1), "-128", ""},
		{cql.OpMul, value.SmallintType, value.SmallintType, int16(2), value.SmallintType, int16(32767), "-2", ""},
		{cql.OpDiv, value.IntType, value.IntType, int32(-2147483648), value.IntType, int32(-1), "-2147483648", ""},
		{cql.OpMod, value.IntType, value.IntType, int32(-7), value.IntType, int32(2), "-1", ""},
		{cql.OpDiv, value.BigintType, value.BigintType, int64(1), value.TinyintType, int8(0), "", "/ by zero"},
		{cql.OpDiv, value.FloatType, value.IntType, int32(1), value.FloatType, float32(5.5), "0.181818", ""},
		{cql.OpDiv, value.DoubleType, value.DoubleType, 1.0, value.TinyintType, int8(0), "Infinity", ""},
		{cql.OpMod, value.VarintType, value.VarintType, big.NewInt(-7), value.IntType, int32(2), "-1", ""},
		{cql.OpMod, value.VarintType, value.VarintType, big.NewInt(7), value.IntType, int32(0), "", "BigInteger divide by zero"},
		{cql.OpMul, value.DecimalType, value.TinyintType, int8(1), value.DecimalType, dec("8.5"), "8.50", ""},
		{cql.OpDiv, value.DecimalType, value.DecimalType, dec("8.5"), value.DecimalType, dec("8.5"), "1", ""},
		{cql.OpDiv, value.DecimalType, value.IntType, int32(3), value.DecimalType, dec("8.5"), "0.3529411764705882352941176470588235", ""},
		{cql.OpDiv, value.DecimalType, value.DecimalType, dec("0"), value.IntType, int32(0), "", "Division undefined"},
		{cql.OpMod, value.DecimalType, value.VarintType, big.NewInt(7), value.DecimalType, dec("8.5"), "7", ""},
		{cql.OpMod, value.DecimalType, value.DecimalType, dec("8.5"), value.VarintType, big.NewInt(7), "1.5", ""},
		{cql.OpMod, value.DecimalType, value.DecimalType, dec("8.5"), value.DecimalType, dec("8.5"), "0.0", ""},
		{cql.OpAdd, value.DecimalType, value.DecimalType, dec("1"), value.DoubleType, 0.0 / zero(), "", "A NaN cannot be converted into a decimal"},
	}
	for _, tt := range tests {
		got, err := numericOperation(tt.op, tt.ret, tt.lt, tt.l, tt.rt, tt.r)
		if tt.wantFail != "" {
			if err == nil || err.Error() != tt.wantFail {
				t.Errorf("numericOperation(%s %v %s %v) error = %v, want %q", tt.lt, tt.l, tt.op, tt.r, err, tt.wantFail)
			}
			continue
		}
		if err != nil {
			t.Errorf("numericOperation(%s %v %s %v) error: %v", tt.lt, tt.l, tt.op, tt.r, err)
			continue
		}
		if s := value.Format(tt.ret, got); s != tt.want {
			t.Errorf("numericOperation(%s %v %s %v) = %s, want %s", tt.lt, tt.l, tt.op, tt.r, s, tt.want)
		}
	}
}

func zero() float64 { return 0 }

func TestTemporalOperation(t *testing.T) {
	ts := func(s string) value.Timestamp {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return value.Timestamp(tm.UnixMilli())
	}
	day := func(s string) value.Date {
		tm, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		return value.Date(tm.Unix()/86400 + int64(value.DateEpoch))
	}
	tests := []struct {
		op   cql.ArithOp
		typ  *value.Type
		v    any
		d    value.Duration
		want any
		fail string
	}{
		{cql.OpAdd, value.TimestampType, ts("2024-01-31T10:00:00Z"), value.Duration{Months: 1}, ts("2024-02-29T10:00:00Z"), ""},
		{cql.OpSub, value.TimestampType, ts("2024-03-31T10:00:00Z"), value.Duration{Months: 1, Days: 1}, ts("2024-02-28T10:00:00Z"), ""},
		{cql.OpSub, value.TimestampType, ts("1970-01-01T00:00:00Z"), value.Duration{Nanos: 3600e9}, ts("1969-12-31T23:00:00Z"), ""},
		{cql.OpAdd, value.DateType, day("2023-12-31"), value.Duration{Months: 2}, day("2024-02-29"), ""},
		{cql.OpSub, value.DateType, day("1970-01-01"), value.Duration{Days: 1}, day("1969-12-31"), ""},
		{cql.OpSub, value.TimestampType, ts("2024-01-31T10:00:00Z"), value.Duration{Nanos: 10e3}, nil, "The duration must have a millisecond precision. Was: 10us"},
		{cql.OpAdd, value.DateType, day("2024-01-31"), value.Duration{Nanos: 24 * 3600e9}, nil, "The duration must have a day precision. Was: 24h"},
	}
	for _, tt := range tests {
		got, err := temporalOperation(tt.op, tt.typ, tt.v, tt.d)
		if tt.fail != "" {
			if err == nil || err.Error() != tt.fail {
				t.Errorf("temporalOperation(%v %s %v) error = %v, want %q", tt.v, tt.op, tt.d, err, tt.fail)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("temporalOperation(%v %s %v) = %v, %v, want %v", tt.v, tt.op, tt.d, got, err, tt.want)
		}
	}
}
