package value

import (
	"math"
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestLiteral(t *testing.T) {
	addr := udt("address", "street", TextType, "Zip", IntType, "select", TextType)
	u := uuid.MustParse("6bddc89a-5644-11e4-97fc-56847afe9799")
	tests := []struct {
		name string
		typ  *Type
		v    any
		want string
	}{
		{"null", TextType, nil, "null"},
		{"text", TextType, "it's", "'it''s'"},
		{"text japanese", TextType, "日本語", "'日本語'"},
		{"text newline", TextType, "a\nb", "'a\nb'"},
		{"ascii", AsciiType, "abc", "'abc'"},
		{"int", IntType, int32(42), "42"},
		{"bigint", BigintType, int64(-7), "-7"},
		{"smallint", SmallintType, int16(3), "3"},
		{"tinyint", TinyintType, int8(-3), "-3"},
		{"varint", VarintType, mustBig("123456789012345678901234567890"), "123456789012345678901234567890"},
		{"decimal", DecimalType, mustDecimal("-1.50"), "-1.50"},
		{"decimal exponent", DecimalType, mustDecimal("1E+3"), "1E+3"},
		{"double", DoubleType, -1.5, "-1.5"},
		{"double big", DoubleType, 1e21, "1e+21"},
		{"double small", DoubleType, 1e-7, "1e-07"},
		{"double negative zero", DoubleType, math.Copysign(0, -1), "-0"},
		{"double NaN", DoubleType, math.NaN(), "NaN"},
		{"double Infinity", DoubleType, math.Inf(1), "Infinity"},
		{"double -Infinity", DoubleType, math.Inf(-1), "-Infinity"},
		{"float", FloatType, float32(0.1), "0.1"},
		{"boolean", BooleanType, true, "true"},
		{"blob", BlobType, []byte{0xca, 0xfe}, "0xcafe"},
		{"blob empty", BlobType, []byte{}, "0x"},
		{"uuid", UUIDType, u, "6bddc89a-5644-11e4-97fc-56847afe9799"},
		{"timeuuid", TimeuuidType, u, "6bddc89a-5644-11e4-97fc-56847afe9799"},
		{"timestamp", TimestampType, Timestamp(1326623400000), "'2012-01-15 10:30:00.000+0000'"},
		{"timestamp millis", TimestampType, Timestamp(-1), "'1969-12-31 23:59:59.999+0000'"},
		{"timestamp year 10000", TimestampType, Timestamp(253402300800000), "253402300800000"},
		{"date", DateType, DateEpoch + 18078, "'2019-07-01'"},
		{"date out of range", DateType, Date(123), "123"},
		{"time", TimeType, Time(37800e9), "'10:30:00.000000000'"},
		{"duration", DurationType, Duration{Nanos: 5400e9}, "1h30m"},
		{"duration negative", DurationType, Duration{Months: -1}, "-1mo"},
		{"duration zero", DurationType, Duration{}, "0s"},
		{"inet", InetType, netip.MustParseAddr("127.0.0.1"), "'127.0.0.1'"},
		{"inet6", InetType, netip.MustParseAddr("::1"), "'::1'"},
		{"list", ListOf(IntType, false), []any{int32(1), int32(2)}, "[1, 2]"},
		{"set", SetOf(TextType, false), []any{"a", "b"}, "{'a', 'b'}"},
		{"map", MapOf(TextType, IntType, false), []MapEntry{{"k", int32(1)}}, "{'k': 1}"},
		{"empty set", SetOf(IntType, true), []any{}, "{}"},
		{"tuple", TupleOf(IntType, TextType), []any{int32(1), "a"}, "(1, 'a')"},
		{"tuple null", TupleOf(IntType, TextType), []any{nil, "a"}, "(null, 'a')"},
		{"tuple short", TupleOf(IntType, TextType), []any{int32(1)}, "(1, null)"},
		{"udt", addr, []any{"x", int32(1), nil}, `{street: 'x', "Zip": 1, "select": null}`},
		{"nested", MapOf(TextType, ListOf(TupleOf(IntType, TimestampType), true), false),
			[]MapEntry{{"a", []any{[]any{int32(1), Timestamp(0)}}}}, "{'a': [(1, '1970-01-01 00:00:00.000+0000')]}"},
	}
	for _, tt := range tests {
		if got := Literal(tt.typ, tt.v); got != tt.want {
			t.Errorf("%s: Literal(%s, %#v) = %q, want %q", tt.name, tt.typ, tt.v, got, tt.want)
		}
	}
}

func TestQuoteString(t *testing.T) {
	for in, want := range map[string]string{"": "''", "a": "'a'", "it's": "'it''s'", "''": "''''''"} {
		if got := QuoteString(in); got != want {
			t.Errorf("QuoteString(%q) = %q, want %q", in, got, want)
		}
	}
}

// unquote strips the quotes of a CQL string literal.
func unquote(lit string) string {
	if len(lit) >= 2 && lit[0] == '\'' {
		return strings.ReplaceAll(lit[1:len(lit)-1], "''", "'")
	}
	return lit
}

// TestLiteralRoundTrip reads literals back the way Cassandra's constants are
// converted (the parsers of parse.go) and checks that the value is the same.
func TestLiteralRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		d := math.Float64frombits(r.Uint64())
		if math.IsNaN(d) {
			continue
		}
		back, ok := parseJavaDouble(Literal(DoubleType, d), 64)
		if !ok || math.Float64bits(back) != math.Float64bits(d) {
			t.Fatalf("double %v: literal %q reads back as %v", d, Literal(DoubleType, d), back)
		}
		f := math.Float32frombits(r.Uint32())
		if f != f {
			continue
		}
		back, ok = parseJavaDouble(Literal(FloatType, f), 32)
		if !ok || math.Float32bits(float32(back)) != math.Float32bits(f) {
			t.Fatalf("float %v: literal %q reads back as %v", f, Literal(FloatType, f), back)
		}
		ts := Timestamp(r.Int64N(600e12) - 300e12)
		if got, err := ParseTimestamp(unquote(Literal(TimestampType, ts))); err != nil || got != ts {
			t.Fatalf("timestamp %d: literal %q reads back as %d, %v", ts, Literal(TimestampType, ts), got, err)
		}
		dt := Date(r.Uint32())
		if got, err := ParseDate(unquote(Literal(DateType, dt))); err != nil || got != dt {
			t.Fatalf("date %d: literal %q reads back as %d, %v", dt, Literal(DateType, dt), got, err)
		}
		tm := Time(r.Int64N(nanosPerDay))
		if got, err := ParseTime(unquote(Literal(TimeType, tm))); err != nil || got != tm {
			t.Fatalf("time %d: literal %q reads back as %d, %v", tm, Literal(TimeType, tm), got, err)
		}
		sign := int64(1 - 2*r.IntN(2))
		du := Duration{Months: int32(sign * r.Int64N(1e6)), Days: int32(sign * r.Int64N(1e6)), Nanos: sign * r.Int64N(math.MaxInt64)}
		if got, err := ParseDuration(Literal(DurationType, du)); err != nil || got != du {
			t.Fatalf("duration %+v: literal %q reads back as %+v, %v", du, Literal(DurationType, du), got, err)
		}
	}
	for _, s := range []string{"0", "-1.50", "1E+3", "1.23E-12", "0E-9", "123456789.987654321"} {
		d := mustDecimal(s)
		back, err := ParseDecimal(Literal(DecimalType, d))
		if err != nil || back.Cmp(d) != 0 || back.Exponent != d.Exponent {
			t.Errorf("decimal %s: literal %q reads back as %v, %v", s, Literal(DecimalType, d), back, err)
		}
	}
	for _, s := range []string{"127.0.0.1", "::1", "2001:db8::ff00:42:8329"} {
		a := netip.MustParseAddr(s)
		if back, err := ParseInet(unquote(Literal(InetType, a))); err != nil || back != a {
			t.Errorf("inet %s: literal %q reads back as %v, %v", s, Literal(InetType, a), back, err)
		}
	}
}
