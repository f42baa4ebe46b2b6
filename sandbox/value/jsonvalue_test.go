package value

import (
	"errors"
	"math"
	"math/big"
	"net/netip"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

// valueComparer compares the Go values of CQL values in tests.
var valueComparer = cmp.Options{
	cmp.Comparer(func(a, b *big.Int) bool { return a.Cmp(b) == 0 }),
	cmp.Comparer(func(a, b *apd.Decimal) bool { return decimalString(a) == decimalString(b) }),
	cmp.Comparer(func(a, b netip.Addr) bool { return a == b }),
	cmp.Comparer(func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }),
}

func TestFromJSON(t *testing.T) {
	u := uuid.MustParse("6bddc89a-5644-11e4-97fc-56847afe9799")
	u8 := uuid.MustParse("6bddc89a-5644-11e4-97fc-56847afe9798")
	abc := udt("t", "a", IntType, "b", UUIDType, "c", SetOf(TextType, true), "Foo", IntType)
	tests := []struct {
		name    string
		typ     *Type
		json    string
		want    any
		wantErr string
	}{
		// Most cases come from Cassandra's JsonTest.testFromJsonFct.
		{name: "null", typ: IntType, json: "null", want: nil},
		{name: "ascii", typ: AsciiType, json: `"ascii \" text"`, want: "ascii \" text"},
		{name: "ascii invalid", typ: AsciiType, json: `"\u1fff\u2013"`, wantErr: "Invalid ASCII character in string literal: java.nio.charset.UnmappableCharacterException: Input length = 1"},
		{name: "ascii number", typ: AsciiType, json: "123", wantErr: "Expected an ascii string, but got a Integer: 123"},
		{name: "text", typ: TextType, json: `"\u2013 日本語"`, want: "\u2013 日本語"},
		{name: "text empty", typ: TextType, json: `""`, want: ""},
		{name: "text number", typ: TextType, json: "123", wantErr: "Expected a UTF-8 string, but got a Integer: 123"},
		{name: "bigint", typ: BigintType, json: "123123123123", want: int64(123123123123)},
		{name: "bigint string", typ: BigintType, json: `"123123123123"`, want: int64(123123123123)},
		{name: "bigint overflow", typ: BigintType, json: "9223372036854775808", wantErr: "Expected a bigint value, but got a BigInteger: 9223372036854775808"},
		{name: "bigint double", typ: BigintType, json: "123.456", wantErr: "Expected a bigint value, but got a Double: 123.456"},
		{name: "bigint bad string", typ: BigintType, json: `"abc"`, wantErr: "Unable to make long from 'abc'"},
		{name: "bigint list", typ: BigintType, json: `["abc"]`, wantErr: "Expected a bigint value, but got a ArrayList: [abc]"},
		{name: "bigint empty", typ: BigintType, json: `""`, wantErr: ErrEmptyValue.Error()},
		{name: "int", typ: IntType, json: "123123", want: int32(123123)},
		{name: "int string", typ: IntType, json: `"-123"`, want: int32(-123)},
		{name: "int overflow", typ: IntType, json: "2147483648", wantErr: "Expected an int value, but got a Long: 2147483648"},
		{name: "int double", typ: IntType, json: "1e2", wantErr: "Expected an int value, but got a Double: 100.0"},
		{name: "int bad string", typ: IntType, json: `"xyzz"`, wantErr: "Unable to make int from 'xyzz'"},
		{name: "int boolean", typ: IntType, json: "true", wantErr: "Expected an int value, but got a Boolean: true"},
		{name: "int object", typ: IntType, json: `{"b": 2, "a": [1]}`, wantErr: "Expected an int value, but got a LinkedHashMap: {a=[1], b=2}"},
		{name: "smallint", typ: SmallintType, json: "32767", want: int16(32767)},
		{name: "smallint string", typ: SmallintType, json: `"32767"`, want: int16(32767)},
		{name: "smallint overflow", typ: SmallintType, json: "32768", wantErr: "Unable to make short from '32768'"},
		{name: "smallint double", typ: SmallintType, json: "123.456", wantErr: "Unable to make short from '123.456'"},
		{name: "smallint boolean", typ: SmallintType, json: "true", wantErr: "Expected a short value, but got a Boolean: true"},
		{name: "tinyint", typ: TinyintType, json: "127", want: int8(127)},
		{name: "tinyint overflow", typ: TinyintType, json: "128", wantErr: "Unable to make byte from '128'"},
		{name: "tinyint boolean", typ: TinyintType, json: "true", wantErr: "Expected a byte value, but got a Boolean: true"},
		{name: "varint", typ: VarintType, json: "123123123123", want: mustBig("123123123123")},
		{name: "varint string", typ: VarintType, json: `"1234567890123456789012345678901234567890"`, want: mustBig("1234567890123456789012345678901234567890")},
		{name: "varint double", typ: VarintType, json: "123123.123", wantErr: "Value '123123.123' is not a valid representation of a varint value"},
		{name: "varint empty", typ: VarintType, json: `""`, wantErr: "Value '' is not a valid representation of a varint value"},
		{name: "varint boolean", typ: VarintType, json: "true", wantErr: "Value 'true' is not a valid representation of a varint value"},
		{name: "decimal", typ: DecimalType, json: "123123.123123", want: mustDecimal("123123.123123")},
		{name: "decimal integer", typ: DecimalType, json: "123123", want: mustDecimal("123123")},
		{name: "decimal via double", typ: DecimalType, json: "1e-7", want: mustDecimal("1.0E-7")},
		{name: "decimal string", typ: DecimalType, json: `"-1.23E-12"`, want: mustDecimal("-1.23E-12")},
		{name: "decimal bad", typ: DecimalType, json: `"xyzz"`, wantErr: "Value 'xyzz' is not a valid representation of a decimal value"},
		{name: "decimal boolean", typ: DecimalType, json: "true", wantErr: "Value 'true' is not a valid representation of a decimal value"},
		{name: "double", typ: DoubleType, json: "123123.123123", want: 123123.123123},
		{name: "double integer", typ: DoubleType, json: "123123", want: 123123.0},
		{name: "double string", typ: DoubleType, json: `"123123"`, want: 123123.0},
		{name: "double string NaN", typ: DoubleType, json: `"NaN"`, want: math.NaN()},
		{name: "double string suffix", typ: DoubleType, json: `" 1.5d "`, want: 1.5},
		{name: "double bad", typ: DoubleType, json: `"xyzz"`, wantErr: "Unable to make double from 'xyzz'"},
		{name: "double boolean", typ: DoubleType, json: "true", wantErr: "Expected a double value, but got a Boolean: true"},
		{name: "float", typ: FloatType, json: "123123.123123", want: float32(123123.123123)},
		{name: "float string", typ: FloatType, json: `"123123.0"`, want: float32(123123)},
		{name: "float bad", typ: FloatType, json: `"xyzz"`, wantErr: "Unable to make float from 'xyzz'"},
		{name: "float boolean", typ: FloatType, json: "true", wantErr: "Expected a float value, but got a Boolean: true"},
		{name: "boolean", typ: BooleanType, json: "true", want: true},
		{name: "boolean string", typ: BooleanType, json: `"FALSE"`, want: false},
		{name: "boolean empty string", typ: BooleanType, json: `""`, want: false},
		{name: "boolean bad", typ: BooleanType, json: `"abc"`, wantErr: "Unable to make boolean from 'abc'"},
		{name: "boolean number", typ: BooleanType, json: "123", wantErr: "Expected a boolean value, but got a Integer: 123"},
		{name: "blob", typ: BlobType, json: `"0x00000001"`, want: []byte{0, 0, 0, 1}},
		{name: "blob empty", typ: BlobType, json: `"0x"`, want: []byte{}},
		{name: "blob no prefix", typ: BlobType, json: `"xyzz"`, wantErr: "Value 'xyzz' is not a valid blob representation: String representation of blob is missing 0x prefix: xyzz"},
		{name: "blob odd", typ: BlobType, json: `"0x123"`, wantErr: "Value '0x123' is not a valid blob representation: cannot parse '123' as hex bytes"},
		{name: "blob number", typ: BlobType, json: "123", wantErr: "Value '123' is not a valid blob representation: class java.lang.Integer cannot be cast to class java.lang.String " +
			"(java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')"},
		{name: "date", typ: DateType, json: `"1987-03-23"`, want: DateEpoch + 6290},
		{name: "date number", typ: DateType, json: "123", wantErr: "Expected a string representation of a date value, but got a Integer: 123"},
		{name: "date bad", typ: DateType, json: `"xyz"`, wantErr: "Unable to coerce 'xyz' to a formatted date (long)"},
		{name: "time", typ: TimeType, json: `"07:35:07.000111222"`, want: Time(27307000111222)},
		{name: "time number", typ: TimeType, json: "123456", wantErr: "Expected a string representation of a time value, but got a Integer: 123456"},
		{name: "time bad", typ: TimeType, json: `"xyz"`, wantErr: "(TimeType) Unable to coerce 'xyz' to a formatted time (long)"},
		{name: "timestamp long", typ: TimestampType, json: "123123123123", want: Timestamp(123123123123)},
		{name: "timestamp string", typ: TimestampType, json: `"2014-01-01"`, want: Timestamp(1388534400000)},
		{name: "timestamp integer", typ: TimestampType, json: "1000", wantErr: "Expected a long or a datestring representation of a timestamp value, but got a Integer: 1000"},
		{name: "timestamp double", typ: TimestampType, json: "123.456", wantErr: "Expected a long or a datestring representation of a timestamp value, but got a Double: 123.456"},
		{name: "timestamp bad", typ: TimestampType, json: `"abcd"`, wantErr: "Unable to parse a date/time from 'abcd'"},
		{name: "timestamp empty", typ: TimestampType, json: `""`, wantErr: ErrEmptyValue.Error()},
		{name: "timeuuid", typ: TimeuuidType, json: `"6BDDC89A-5644-11E4-97FC-56847AFE9799"`, want: u},
		{name: "timeuuid version", typ: TimeuuidType, json: `"00000000-0000-0000-0000-000000000000"`, wantErr: "TimeUUID supports only version 1 UUIDs"},
		{name: "timeuuid number", typ: TimeuuidType, json: "123", wantErr: "Expected a string representation of a timeuuid, but got a Integer: 123"},
		{name: "uuid", typ: UUIDType, json: `"6bddc89a-5644-11e4-97fc-56847afe9799"`, want: u},
		{name: "uuid bad", typ: UUIDType, json: `"00000000-0000-0000-zzzz-000000000000"`, wantErr: "Unable to make UUID from '00000000-0000-0000-zzzz-000000000000'"},
		{name: "uuid number", typ: UUIDType, json: "123", wantErr: "Expected a string representation of a uuid, but got a Integer: 123"},
		{name: "inet", typ: InetType, json: `"::1"`, want: netip.MustParseAddr("::1")},
		{name: "inet bad", typ: InetType, json: `"xyzz"`, wantErr: "Unable to make inet address from 'xyzz'"},
		{name: "inet number", typ: InetType, json: "123", wantErr: "Expected a string representation of an inet value, but got a Integer: 123"},
		{name: "duration", typ: DurationType, json: `"53us"`, want: Duration{Nanos: 53000}},
		{name: "duration weeks", typ: DurationType, json: `"P2W"`, want: Duration{Days: 14}},
		{name: "duration bad", typ: DurationType, json: `"xyz"`, wantErr: "Unable to convert 'xyz' to a duration"},
		{name: "duration number", typ: DurationType, json: "1", wantErr: "Expected a string representation of a duration, but got a Integer: 1"},
		{name: "list", typ: ListOf(IntType, false), json: "[1, 2, 3]", want: []any{int32(1), int32(2), int32(3)}},
		{name: "list empty", typ: ListOf(IntType, false), json: "[]", want: []any{}},
		{name: "list as string", typ: ListOf(IntType, false), json: `"[1, 2]"`, want: []any{int32(1), int32(2)}},
		{name: "list number", typ: ListOf(IntType, false), json: "123", wantErr: "Expected a list, but got a Integer: 123"},
		{name: "list bad element", typ: ListOf(IntType, false), json: `["abc"]`, wantErr: "Unable to make int from 'abc'"},
		{name: "list null element", typ: ListOf(IntType, false), json: "[null]", wantErr: "Invalid null element in list"},
		{name: "set", typ: SetOf(UUIDType, false), json: `["6bddc89a-5644-11e4-97fc-56847afe9799", "6bddc89a-5644-11e4-97fc-56847afe9798", "6bddc89a-5644-11e4-97fc-56847afe9799"]`, want: []any{u8, u}},
		{name: "set ints sorted", typ: SetOf(IntType, true), json: "[3, 1, 2]", want: []any{int32(1), int32(2), int32(3)}},
		{name: "set number", typ: SetOf(UUIDType, false), json: "123", wantErr: "Expected a list (representing a set), but got a Integer: 123"},
		{name: "set null element", typ: SetOf(UUIDType, false), json: "[null]", wantErr: "Invalid null element in set"},
		{name: "map", typ: MapOf(AsciiType, IntType, false), json: `{"b": 2, "a": 1}`, want: []MapEntry{{"a", int32(1)}, {"b", int32(2)}}},
		{name: "map number", typ: MapOf(AsciiType, IntType, false), json: "123", wantErr: "Expected a map, but got a Integer: 123"},
		{name: "map null value", typ: MapOf(AsciiType, IntType, false), json: `{"a": null}`, wantErr: "Invalid null value in map"},
		{name: "map int keys", typ: MapOf(IntType, BooleanType, false), json: `{"1": false, "0": true}`, want: []MapEntry{{int32(0), true}, {int32(1), false}}},
		{name: "map list keys", typ: MapOf(ListOf(IntType, true), BooleanType, false), json: `{"[3, 4]": false, "[0, 1]": true}`,
			want: []MapEntry{{[]any{int32(0), int32(1)}, true}, {[]any{int32(3), int32(4)}, false}}},
		{name: "map tuple keys", typ: MapOf(TupleOf(IntType, TextType), BooleanType, false), json: `{"[0, \"a\"]": true}`, want: []MapEntry{{[]any{int32(0), "a"}, true}}},
		{name: "map duplicate keys", typ: MapOf(IntType, IntType, false), json: `{"1": 1, "01": 2}`, want: []MapEntry{{int32(1), int32(1)}}},
		{name: "tuple", typ: TupleOf(IntType, AsciiType, UUIDType), json: `[1, "foobar", "6bddc89a-5644-11e4-97fc-56847afe9799"]`, want: []any{int32(1), "foobar", u}},
		{name: "tuple null", typ: TupleOf(IntType, AsciiType, UUIDType), json: `[1, null, "6bddc89a-5644-11e4-97fc-56847afe9799"]`, want: []any{int32(1), nil, u}},
		{name: "tuple extra", typ: TupleOf(IntType, AsciiType), json: `[1, "foobar", 1, 2]`, wantErr: "Tuple contains extra items (expected 2): [1, foobar, 1, 2]"},
		{name: "tuple missing", typ: TupleOf(IntType, AsciiType, UUIDType), json: `[1, "foobar"]`, wantErr: "Tuple is missing items (expected 3): [1, foobar]"},
		{name: "tuple number", typ: TupleOf(IntType), json: "1", wantErr: "Expected a list representation of a tuple, but got a Integer: 1"},
		{name: "udt", typ: abc, json: `{"b": "6bddc89a-5644-11e4-97fc-56847afe9799", "a": 1, "c": ["foo", "bar"], "\"Foo\"": 2}`,
			want: []any{int32(1), u, []any{"bar", "foo"}, int32(2)}},
		{name: "udt case", typ: abc, json: `{"A": 1}`, want: []any{int32(1), nil, nil, nil}},
		{name: "udt missing and null", typ: abc, json: `{"a": null, "b": "6bddc89a-5644-11e4-97fc-56847afe9799"}`, want: []any{nil, u, nil, nil}},
		{name: "udt as string", typ: abc, json: `"{\"a\": 1}"`, want: []any{int32(1), nil, nil, nil}},
		{name: "udt unknown field", typ: abc, json: `{"xxx": 1}`, wantErr: "Unknown field 'xxx' in value of user defined type t"},
		{name: "udt unquoted case field", typ: abc, json: `{"Foo": 1}`, wantErr: "Unknown field 'foo' in value of user defined type t"},
		{name: "udt bad field", typ: abc, json: `{"a": "foobar"}`, wantErr: "Unable to make int from 'foobar'"},
		{name: "udt number", typ: abc, json: "1", wantErr: "Expected a map, but got a Integer: 1"},
		{name: "nested", typ: MapOf(TextType, ListOf(TupleOf(IntType, DateType), true), false), json: `{"k": [[1, "2019-07-01"]]}`,
			want: []MapEntry{{"k", []any{[]any{int32(1), DateEpoch + 18078}}}}},
		{name: "bad JSON string", typ: ListOf(IntType, false), json: `"[1,"`, wantErr: "Error decoding JSON string: unexpected EOF"},
	}
	for _, tt := range tests {
		j, err := decodeJSONValue(tt.json)
		if err != nil {
			t.Fatalf("%s: bad test JSON %s: %v", tt.name, tt.json, err)
		}
		got, err := FromJSON(tt.typ, j)
		if errText(err) != tt.wantErr {
			t.Errorf("%s: FromJSON(%s, %s) error = %q, want %q", tt.name, tt.typ, tt.json, errText(err), tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got, valueComparer); err == nil && diff != "" {
			t.Errorf("%s: FromJSON(%s, %s) mismatch (-want +got):\n%s", tt.name, tt.typ, tt.json, diff)
		}
	}
}

// TestJSONRoundTrip checks that FromJSON reads back what ToJSON writes.
func TestJSONRoundTrip(t *testing.T) {
	abc := udt("t", "a", IntType, "Foo", MapOf(DateType, ListOf(DoubleType, true), true))
	tests := []struct {
		typ *Type
		v   any
	}{
		{TextType, "日本語 \"quoted\" \\ \n"},
		{BigintType, int64(math.MinInt64)},
		{DoubleType, 0.1},
		{FloatType, float32(1.3530299e9)},
		{DecimalType, mustDecimal("-1.23E-12")},
		{TimestampType, Timestamp(1326623400123)},
		{TimeType, Time(123)},
		{DurationType, Duration{Months: 13, Nanos: 5}},
		{InetType, netip.MustParseAddr("2001:db8::1")},
		{BlobType, []byte{0xca, 0xfe}},
		{SetOf(TimeuuidType, true), []any{uuid.MustParse("6bddc89a-5644-11e4-97fc-56847afe9799")}},
		{MapOf(TupleOf(IntType, TextType), BooleanType, true), []MapEntry{{[]any{int32(0), "a"}, true}}},
		{abc, []any{int32(1), []MapEntry{{DateEpoch, []any{1.5, -2.0}}}}},
	}
	for _, tt := range tests {
		text := ToJSON(tt.typ, tt.v)
		j, err := decodeJSONValue(text)
		if err != nil {
			t.Fatalf("ToJSON(%s, %#v) = %s, invalid JSON: %v", tt.typ, tt.v, text, err)
		}
		got, err := FromJSON(tt.typ, j)
		if err != nil {
			t.Errorf("FromJSON(%s, %s) failed: %v", tt.typ, text, err)
			continue
		}
		want := tt.v
		if tt.typ.Kind == KindUDT {
			want = append(tt.v.([]any), nil)[:len(tt.typ.Elems)]
		}
		if diff := cmp.Diff(want, got, valueComparer); diff != "" {
			t.Errorf("FromJSON(%s, ToJSON(...) = %s) mismatch (-want +got):\n%s", tt.typ, text, diff)
		}
	}
}

func FuzzFromJSON(f *testing.F) {
	for _, s := range []string{`1`, `"x"`, `[1, null]`, `{"a": 1}`, `"0x12"`, `1e400`, `-0`, `"[1, 2]"`,
		`{"\"Foo\"": [1.5]}`, `"2019-07-01"`, `"P1Y"`, `99999999999999999999`, `[[1, "a"]]`} {
		f.Add(s)
	}
	types := []*Type{
		AsciiType, BigintType, BlobType, BooleanType, CounterType, DateType, DecimalType, DoubleType, DurationType,
		FloatType, InetType, IntType, SmallintType, TextType, TimeType, TimestampType, TimeuuidType, TinyintType,
		UUIDType, VarintType, ListOf(IntType, false), SetOf(TextType, false), MapOf(IntType, TextType, false),
		MapOf(ListOf(IntType, true), SetOf(DoubleType, true), true), TupleOf(IntType, TextType),
		udt("u", "a", IntType, "Foo", ListOf(TupleOf(DateType, DecimalType), true)),
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1000 {
			return // long inputs add nothing but slow minimisation down
		}
		j, err := decodeJSONValue(text)
		if err != nil {
			return
		}
		for _, typ := range types {
			v, err := FromJSON(typ, j)
			if err != nil {
				if errText(err) == "" && !errors.Is(err, ErrEmptyValue) {
					t.Fatalf("FromJSON(%s, %s) returned an empty error", typ, text)
				}
				continue
			}
			if v == nil {
				continue
			}
			if err := CheckGoValue(typ, v); err != nil {
				t.Fatalf("FromJSON(%s, %s) = %#v, not a valid Go value: %v", typ, text, v, err)
			}
			_ = Format(typ, v)
			_ = Literal(typ, v)
			_ = ToJSON(typ, v)
		}
	})
}
