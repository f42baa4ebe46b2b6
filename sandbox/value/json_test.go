package value

import (
	"encoding/json"
	"math"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

func TestToJSON(t *testing.T) {
	u := uuid.MustParse("6bddc89a-5644-11e4-97fc-56847afe9799")
	abc := udt("t", "a", IntType, "b", UUIDType, "c", SetOf(TextType, true), "Foo", IntType)
	tests := []struct {
		name string
		typ  *Type
		v    any
		want string
	}{
		// From Cassandra's JsonTest.testToJsonFct and friends.
		{"null", IntType, nil, "null"},
		{"ascii", AsciiType, "ascii text", `"ascii text"`},
		{"ascii empty", AsciiType, "", `""`},
		{"text", TextType, "abcd", `"abcd"`},
		{"text non-ascii", TextType, "\u8422", "\"\u8422\""},
		{"text japanese", TextType, "日本語のテキスト", `"日本語のテキスト"`},
		{"text nul", TextType, "\u0000", `"\u0000"`},
		{"text escapes", TextType, "q\"b\\s/\b\f\n\r\t\x1f\x7f", `"q\"b\\s/\b\f\n\r\t\u001F` + "\x7f\""},
		{"bigint", BigintType, int64(-123123123123), "-123123123123"},
		{"int", IntType, int32(123123), "123123"},
		{"smallint", SmallintType, int16(-32768), "-32768"},
		{"tinyint", TinyintType, int8(127), "127"},
		{"counter", CounterType, int64(5), "5"},
		{"varint", VarintType, mustBig("123123123123123123123"), "123123123123123123123"},
		{"decimal", DecimalType, mustDecimal("123123.123123"), "123123.123123"},
		{"decimal exponent", DecimalType, mustDecimal("-1.23E-12"), "-1.23E-12"},
		{"double", DoubleType, 123123.123123, "123123.123123"},
		{"double integral", DoubleType, 123123.0, "123123.0"},
		{"double large", DoubleType, 1e10, "1.0E10"},
		{"double small", DoubleType, 1.2345e-5, "1.2345E-5"},
		{"double NaN", DoubleType, math.NaN(), "null"},
		{"double Infinity", DoubleType, math.Inf(-1), "null"},
		{"float", FloatType, float32(123.123), "123.123"},
		{"float integral", FloatType, float32(123123), "123123.0"},
		{"float Java 17 digits", FloatType, float32(1.3530299e9), "1.35302989E9"},
		{"float NaN", FloatType, float32(math.NaN()), "null"},
		{"boolean", BooleanType, false, "false"},
		{"blob", BlobType, []byte{0, 0, 0, 1}, `"0x00000001"`},
		{"blob empty", BlobType, []byte{}, `"0x"`},
		{"date", DateType, DateEpoch + 6290, `"1987-03-23"`},
		{"date negative year", DateType, DateFromDays(-719893), `"-0001-01-01"`},
		{"date beyond 9999", DateType, DateFromDays(2932897), `"+10000-01-01"`},
		{"time", TimeType, Time(123), `"00:00:00.000000123"`},
		{"timestamp", TimestampType, Timestamp(1388534400000), `"2014-01-01 00:00:00.000Z"`},
		{"timestamp millis", TimestampType, Timestamp(1326623400123), `"2012-01-15 10:30:00.123Z"`},
		{"timestamp before 1582 proleptic", TimestampType, Timestamp(-12219292800001), `"1582-10-14 23:59:59.999Z"`},
		{"timestamp Gregorian cutover", TimestampType, Timestamp(-12219292800000), `"1582-10-15 00:00:00.000Z"`},
		{"timestamp year 1", TimestampType, Timestamp(-62135596800000), `"0001-01-01 00:00:00.000Z"`},
		{"timestamp BC is year of era", TimestampType, Timestamp(-62198755200000), `"0002-01-01 00:00:00.000Z"`},
		{"timestamp beyond 9999", TimestampType, Timestamp(253402300800000), `"+10000-01-01 00:00:00.000Z"`},
		{"uuid", UUIDType, u, `"6bddc89a-5644-11e4-97fc-56847afe9799"`},
		{"timeuuid", TimeuuidType, u, `"6bddc89a-5644-11e4-97fc-56847afe9799"`},
		{"inet", InetType, netip.MustParseAddr("127.0.0.1"), `"127.0.0.1"`},
		{"inet6", InetType, netip.MustParseAddr("::1"), `"0:0:0:0:0:0:0:1"`},
		{"inet mapped", InetType, netip.MustParseAddr("::ffff:1.2.3.4"), `"1.2.3.4"`},
		{"duration", DurationType, Duration{Nanos: 12000}, `"12us"`},
		{"duration long", DurationType, Duration{Months: 13, Days: 2, Nanos: 10*3600e9 + 5*60e9}, `"1y1mo2d10h5m"`},
		{"duration zero", DurationType, Duration{}, `""`},
		{"list", ListOf(IntType, false), []any{int32(1), int32(2), int32(3)}, "[1, 2, 3]"},
		{"list empty", ListOf(IntType, false), []any{}, "null"},
		{"frozen list empty", ListOf(IntType, true), []any{}, "[]"},
		{"set", SetOf(UUIDType, false), []any{u}, `["6bddc89a-5644-11e4-97fc-56847afe9799"]`},
		{"map", MapOf(AsciiType, IntType, false), []MapEntry{{"a", int32(1)}, {"b", int32(2)}}, `{"a": 1, "b": 2}`},
		{"map int keys", MapOf(IntType, BooleanType, false), []MapEntry{{int32(0), true}, {int32(1), false}}, `{"0": true, "1": false}`},
		{"map tuple keys", MapOf(TupleOf(IntType, TextType), BooleanType, false), []MapEntry{{[]any{int32(0), "a"}, true}}, `{"[0, \"a\"]": true}`},
		{"map udt keys", MapOf(udt("k", "a", IntType), BooleanType, false), []MapEntry{{[]any{int32(0)}, true}}, `{"{\"a\": 0}": true}`},
		{"map text set keys", MapOf(SetOf(TextType, true), BooleanType, false), []MapEntry{{[]any{"0", "1"}, true}}, `{"[\"0\", \"1\"]": true}`},
		{"tuple", TupleOf(IntType, TextType, UUIDType), []any{int32(1), "foobar", nil}, `[1, "foobar", null]`},
		{"tuple frozen set", TupleOf(ListOf(IntType, true), IntType), []any{[]any{int32(1), int32(2)}, int32(1)}, "[[1, 2], 1]"},
		{"udt", abc, []any{int32(1), u, []any{"bar", "foo"}, int32(0)},
			`{"a": 1, "b": "6bddc89a-5644-11e4-97fc-56847afe9799", "c": ["bar", "foo"], "\"Foo\"": 0}`},
		{"udt nulls", abc, []any{int32(1), u}, `{"a": 1, "b": "6bddc89a-5644-11e4-97fc-56847afe9799", "c": null, "\"Foo\"": null}`},
	}
	for _, tt := range tests {
		got := ToJSON(tt.typ, tt.v)
		if got != tt.want {
			t.Errorf("%s: ToJSON(%s, %#v) = %s, want %s", tt.name, tt.typ, tt.v, got, tt.want)
		}
		if tt.v != nil && !json.Valid([]byte(got)) {
			t.Errorf("%s: ToJSON(%s, %#v) = %s, not valid JSON", tt.name, tt.typ, tt.v, got)
		}
	}
}

func TestJSONNames(t *testing.T) {
	fields := map[string]string{"k": `"k"`, "Foo": `"\"Foo\""`, "my field": `"my field"`, "名前": `"名前"`}
	for in, want := range fields {
		if got := JSONFieldName(in); got != want {
			t.Errorf("JSONFieldName(%q) = %s, want %s", in, got, want)
		}
	}
	keys := map[string]string{"k": "k", "K": "k", `"Foo"`: "Foo", `"k"`: "k", `"`: `"`, "名前": "名前"}
	for in, want := range keys {
		if got := JSONKeyName(in); got != want {
			t.Errorf("JSONKeyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseJSONObject(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]any
		wantErr string
	}{
		{in: `{"k": 0, "v": "x"}`, want: map[string]any{"k": json.Number("0"), "v": "x"}},
		{in: `{"\"Foo\"": [1, {"a": null}]}`, want: map[string]any{`"Foo"`: []any{json.Number("1"), map[string]any{"a": nil}}}},
		{in: `{"k": 1, "k": 2}`, want: map[string]any{"k": json.Number("2")}},
		{in: `{"k": 1} trailing`, want: map[string]any{"k": json.Number("1")}},
		{in: `{}`, want: map[string]any{}},
		{in: "null", wantErr: "Got null for INSERT JSON values"},
		{in: `"notamap"`, wantErr: "Could not decode JSON string as a map: com.fasterxml.jackson.databind.exc.MismatchedInputException: " +
			"Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.Object,java.lang.Object>` from String value " +
			"(token `JsonToken.VALUE_STRING`)\n at [Source: (String)\"\"notamap\"\"; line: 1, column: 1]. (String was: \"notamap\")"},
		{in: "12.34", wantErr: "Could not decode JSON string as a map: com.fasterxml.jackson.databind.exc.MismatchedInputException: " +
			"Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.Object,java.lang.Object>` from Floating-point value " +
			"(token `JsonToken.VALUE_NUMBER_FLOAT`)\n at [Source: (String)\"12.34\"; line: 1, column: 1]. (String was: 12.34)"},
		{in: "", wantErr: "Could not decode JSON string as a map: com.fasterxml.jackson.databind.exc.MismatchedInputException: " +
			"No content to map due to end-of-input\n at [Source: (String)\"\"; line: 1, column: 0]. (String was: )"},
	}
	for _, tt := range tests {
		got, err := ParseJSONObject(tt.in)
		if errText(err) != tt.wantErr {
			t.Errorf("ParseJSONObject(%q) error = %q, want %q", tt.in, errText(err), tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got); err == nil && diff != "" {
			t.Errorf("ParseJSONObject(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	if _, err := ParseJSONObject("{bad"); err == nil || errText(err)[:len("Could not decode JSON string as a map: ")] != "Could not decode JSON string as a map: " {
		t.Errorf("ParseJSONObject(%q) = %v, want a decode error", "{bad", err)
	}
}

func TestJavaFloatingStrings(t *testing.T) {
	// Expected values were printed by Java 17's Double.toString and
	// Float.toString.
	doubles := []struct {
		in   float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {-1.5, "-1.5"}, {123123.0, "123123.0"},
		{0.001, "0.001"}, {1e-4, "1.0E-4"}, {1e7, "1.0E7"}, {9999999.999999998, "9999999.999999998"},
		{1e23, "9.999999999999999E22"}, {2.82879384806159e17, "2.82879384806159008E17"},
		{-1.552651581297818e+17, "-1.55265158129781792E17"}, {math.MaxFloat64, "1.7976931348623157E308"},
		{5e-324, "4.9E-324"}, {math.Nextafter(0.3, 1), "0.30000000000000004"}, {math.NaN(), "NaN"}, {math.Inf(1), "Infinity"},
	}
	for _, tt := range doubles {
		if got := javaDoubleString(tt.in); got != tt.want {
			t.Errorf("javaDoubleString(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
	floats := []struct {
		in   float32
		want string
	}{
		{0.1, "0.1"}, {123.123, "123.123"}, {1.3530299e9, "1.35302989E9"}, {7.541862e10, "7.5418624E10"},
		{3.4028235e38, "3.4028235E38"}, {1.4e-45, "1.4E-45"}, {-32.95, "-32.95"}, {1e7, "1.0E7"},
	}
	for _, tt := range floats {
		if got := javaFloatString(tt.in); got != tt.want {
			t.Errorf("javaFloatString(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
