package value

import (
	"math"
	"math/big"
	"net/netip"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

// udt returns a frozen user-defined type with the given field names and
// types, which alternate.
func udt(name string, fieldsAndTypes ...any) *Type {
	t := &Type{Kind: KindUDT, Frozen: true, Keyspace: "ks", Name: name}
	for i := 0; i < len(fieldsAndTypes); i += 2 {
		t.Fields = append(t.Fields, fieldsAndTypes[i].(string))
		t.Elems = append(t.Elems, fieldsAndTypes[i+1].(*Type))
	}
	return t
}

func mustDecimal(s string) *apd.Decimal {
	d, _, err := apd.NewFromString(s)
	if err != nil {
		panic(err)
	}
	return d
}

func mustBig(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return n
}

type formatCase struct {
	name string
	typ  *Type
	v    any
	want string
}

func TestFormatScalars(t *testing.T) {
	u := uuid.MustParse("6BDDC89A-5644-11E4-97FC-56847AFE9799")
	tests := []formatCase{
		{"null", IntType, nil, "null"},
		{"text", TextType, "hello", "hello"},
		{"text quote", TextType, "it's", "it's"},
		{"text backslash", TextType, `a\b`, `a\\b`},
		{"text controls", TextType, "a\nb\tc\rd\x00e\x7f\u0085\u00a0f", `a\nb\tc\rd\x00e\x7f\x85\xa0f`},
		{"text japanese", TextType, "日本語のテキスト", "日本語のテキスト"},
		{"ascii", AsciiType, "abc", "abc"},
		{"int", IntType, int32(-42), "-42"},
		{"bigint", BigintType, int64(math.MaxInt64), "9223372036854775807"},
		{"smallint", SmallintType, int16(-32768), "-32768"},
		{"tinyint", TinyintType, int8(127), "127"},
		{"counter", CounterType, int64(3), "3"},
		{"varint", VarintType, mustBig("-123456789012345678901234567890"), "-123456789012345678901234567890"},
		{"decimal", DecimalType, mustDecimal("123.4500"), "123.4500"},
		{"decimal exponent", DecimalType, mustDecimal("-1.23E-12"), "-1.23E-12"},
		{"decimal positive exponent", DecimalType, mustDecimal("1E+3"), "1E+3"},
		{"decimal small", DecimalType, mustDecimal("0.000001"), "0.000001"},
		{"decimal smaller", DecimalType, mustDecimal("0.0000001"), "1E-7"},
		{"decimal negative zero", DecimalType, mustDecimal("-0.00"), "0.00"},
		{"decimal zero exponent", DecimalType, mustDecimal("0E-9"), "0E-9"},
		{"boolean true", BooleanType, true, "True"},
		{"boolean false", BooleanType, false, "False"},
		{"uuid", UUIDType, u, "6bddc89a-5644-11e4-97fc-56847afe9799"},
		{"timeuuid", TimeuuidType, u, "6bddc89a-5644-11e4-97fc-56847afe9799"},
		{"blob", BlobType, []byte{0xca, 0xfe}, "0xcafe"},
		{"blob empty", BlobType, []byte{}, "0x"},
		{"timestamp", TimestampType, Timestamp(1326623400000), "2012-01-15 10:30:00.000000+0000"},
		{"timestamp millis", TimestampType, Timestamp(1326623400123), "2012-01-15 10:30:00.123000+0000"},
		{"timestamp before epoch", TimestampType, Timestamp(-1), "1969-12-31 23:59:59.999000+0000"},
		{"timestamp year 5", TimestampType, Timestamp(-62009366400000), "5-01-01 00:00:00.000000+0000"},
		{"timestamp year 10000", TimestampType, Timestamp(253402300800000), "253402300800000"},
		{"timestamp before year 1", TimestampType, Timestamp(-62135596800001), "-62135596800001"},
		{"date", DateType, DateEpoch + 18078, "2019-07-01"},
		{"date before epoch", DateType, DateEpoch - 1, "1969-12-31"},
		{"date year 5", DateType, DateFromDays(-717701), "0005-01-01"},
		{"date out of range", DateType, Date(123), "-2147483525"},
		{"date max", DateType, Date(math.MaxUint32), "2147483647"},
		{"time", TimeType, Time(37800e9 + 123), "10:30:00.000000123"},
		{"duration", DurationType, Duration{Nanos: 5400e9}, "1h30m"},
		{"duration full", DurationType, Duration{Months: 14, Days: 3, Nanos: 4*3600e9 + 5*60e9 + 6e9 + 7e6 + 8e3 + 9}, "1y2mo3d4h5m6s7ms8us9ns"},
		{"duration negative", DurationType, Duration{Days: -2}, "-2d"},
		{"inet4", InetType, netip.MustParseAddr("127.0.0.1"), "127.0.0.1"},
		{"inet6", InetType, netip.MustParseAddr("2001:db8:0:0:0:0:0:1"), "2001:db8::1"},
		{"inet4 compatible", InetType, netip.MustParseAddr("::102:304"), "::1.2.3.4"},
		{"inet4 mapped", InetType, netip.MustParseAddr("::ffff:1.2.3.4"), "::ffff:1.2.3.4"},
		{"wrong go type", IntType, "x", "x"},
	}
	runFormat(t, tests)
}

func TestFormatFloats(t *testing.T) {
	// Expected values were produced by cqlsh's format_floating_point_type
	// with precision 5 under CPython.
	tests := []formatCase{
		{"7.95", DoubleType, 7.95, "7.95"},
		{"-32.95", DoubleType, -32.95, "-32.95"},
		{"zero", DoubleType, 0.0, "0"},
		{"negative zero", DoubleType, math.Copysign(0, -1), "-0"},
		{"25", DoubleType, 25.0, "25"},
		{"123456.7", DoubleType, 123456.7, "1.2346e+05"},
		{"12345.678", DoubleType, 12345.678, "12345.678"},
		{"1e-5", DoubleType, 1e-5, "1e-05"},
		{"1.2345678e-5", DoubleType, 1.2345678e-5, "1.2e-05"},
		{"9e-5", DoubleType, 9e-5, "9e-05"},
		{"0.0001", DoubleType, 0.0001, "0.0001"},
		{"0.5", DoubleType, 0.5, "0.5"},
		{"pi", DoubleType, 3.14159265, "3.14159"},
		{"1e10", DoubleType, 1e10, "1e+10"},
		{"100000", DoubleType, 100000.0, "1e+05"},
		{"just below 1e5", DoubleType, 99999.99999999999, "1e+05"},
		{"1000", DoubleType, 1000.0, "1000"},
		{"tiny", DoubleType, 1e-300, "1e-300"},
		{"NaN", DoubleType, math.NaN(), "NaN"},
		{"Infinity", DoubleType, math.Inf(1), "Infinity"},
		{"-Infinity", DoubleType, math.Inf(-1), "-Infinity"},
		{"float 7.95", FloatType, float32(7.95), "7.95"},
		{"float -32.95", FloatType, float32(-32.95), "-32.95"},
		{"float 0.1", FloatType, float32(0.1), "0.1"},
		{"float 123456.7", FloatType, float32(123456.7), "1.2346e+05"},
		{"float 3.4e38", FloatType, float32(3.4e38), "3.4e+38"},
	}
	runFormat(t, tests)
}

func TestFormatCollections(t *testing.T) {
	addr := udt("address", "street", TextType, "zip", IntType, "Tags", SetOf(TextType, true))
	ts := Timestamp(1326623400000)
	u1 := uuid.MustParse("50554d6e-29bb-11e5-b345-feff819cdc9f") // earlier time, larger bytes
	u2 := uuid.MustParse("10554d6e-29bc-11e5-b345-feff819cdc9f")
	tests := []formatCase{
		{"list int", ListOf(IntType, false), []any{int32(1), int32(2)}, "[1, 2]"},
		{"list text", ListOf(TextType, false), []any{"a", "it's"}, "['a', 'it''s']"},
		{"list japanese", ListOf(TextType, false), []any{"東京", "大阪"}, "['東京', '大阪']"},
		{"set text", SetOf(TextType, false), []any{"a", "b"}, "{'a', 'b'}"},
		{"map text int", MapOf(TextType, IntType, false), []MapEntry{{"k", int32(1)}, {"l", int32(2)}}, "{'k': 1, 'l': 2}"},
		{"map text text", MapOf(TextType, TextType, false), []MapEntry{{"k", "v"}}, "{'k': 'v'}"},
		{"list timestamp quoted", ListOf(TimestampType, false), []any{ts}, "['2012-01-15 10:30:00.000000+0000']"},
		{"set date unquoted", SetOf(DateType, false), []any{DateEpoch}, "{1970-01-01}"},
		{"list inet quoted", ListOf(InetType, false), []any{netip.MustParseAddr("10.0.0.1")}, "['10.0.0.1']"},
		{"list misc unquoted", TupleOf(UUIDType, BlobType, BooleanType, DoubleType, TimeType, DurationType, DecimalType),
			[]any{u1, []byte{1}, true, 2.5, Time(0), Duration{Days: 1}, mustDecimal("1.50")},
			"(50554d6e-29bb-11e5-b345-feff819cdc9f, 0x01, True, 2.5, 00:00:00.000000000, 1d, 1.50)"},
		{"tuple", TupleOf(IntType, TextType), []any{int32(1), "a"}, "(1, 'a')"},
		{"tuple null component", TupleOf(IntType, TextType), []any{int32(1), nil}, "(1, None)"},
		{"tuple short value", TupleOf(IntType, TextType), []any{int32(1)}, "(1, None)"},
		{"udt", addr, []any{"Main St", int32(12345), []any{"x"}}, "{street: 'Main St', zip: 12345, Tags: {'x'}}"},
		{"udt nulls", addr, []any{"Main St", nil, nil}, "{street: 'Main St', zip: null, Tags: null}"},
		{"udt short value", addr, []any{"Main St"}, "{street: 'Main St', zip: null, Tags: null}"},
		{"udt python keyword field", udt("t", "class", IntType, "name", TextType), []any{int32(1), "n"}, "{field_0_: 1, name: 'n'}"},
		{"nested", MapOf(TextType, ListOf(SetOf(IntType, true), true), false),
			[]MapEntry{{"a", []any{[]any{int32(1), int32(2)}, []any{}}}}, "{'a': [{1, 2}, {}]}"},
		{"frozen empty list", ListOf(IntType, true), []any{}, "[]"},
		{"frozen empty map", MapOf(IntType, IntType, true), []MapEntry{}, "{}"},
		{"empty multi-cell list", ListOf(IntType, false), []any{}, "null"},
		{"empty multi-cell set", SetOf(IntType, false), []any{}, "null"},
		{"set of timeuuid in Python order", SetOf(TimeuuidType, false), []any{u1, u2},
			"{10554d6e-29bc-11e5-b345-feff819cdc9f, 50554d6e-29bb-11e5-b345-feff819cdc9f}"},
		{"map of inet in text order", MapOf(InetType, IntType, false), []MapEntry{
			{netip.MustParseAddr("9.0.0.1"), int32(1)}, {netip.MustParseAddr("10.0.0.1"), int32(2)}},
			"{'10.0.0.1': 2, '9.0.0.1': 1}"},
		{"set of ints", SetOf(IntType, false), []any{int32(-1), int32(2)}, "{-1, 2}"},
		{"wrong element count", MapOf(IntType, IntType, false), []any{int32(1)}, "[1]"},
	}
	runFormat(t, tests)
}

func runFormat(t *testing.T, tests []formatCase) {
	t.Helper()
	for _, tt := range tests {
		if got := Format(tt.typ, tt.v); got != tt.want {
			t.Errorf("%s: Format(%s, %#v) = %q, want %q", tt.name, tt.typ, tt.v, got, tt.want)
		}
	}
}

func TestFormatNested(t *testing.T) {
	tests := []formatCase{
		{"text", TextType, "it's", "'it''s'"},
		{"text controls", TextType, "a\nb", `'a\nb'`},
		{"timestamp", TimestampType, Timestamp(0), "'1970-01-01 00:00:00.000000+0000'"},
		{"int", IntType, int32(1), "1"},
		{"null", IntType, nil, "null"},
	}
	for _, tt := range tests {
		if got := FormatNested(tt.typ, tt.v); got != tt.want {
			t.Errorf("%s: FormatNested(%s, %#v) = %q, want %q", tt.name, tt.typ, tt.v, got, tt.want)
		}
	}
}

func TestPythonFieldNames(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"a", "Foo", "名前"}, []string{"a", "Foo", "名前"}},
		{[]string{"a", "class", "_x", "1a", "my field"}, []string{"a", "field_1_", "field_2_", "field_3_", "field_4_"}},
	}
	for _, tt := range tests {
		got := pythonFieldNames(tt.in)
		if len(got) != len(tt.want) {
			t.Fatalf("pythonFieldNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("pythonFieldNames(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}
