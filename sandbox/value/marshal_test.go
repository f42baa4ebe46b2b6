package value

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"math/big"
	"net/netip"
	"strings"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/google/uuid"
)

// valueOpts compares decoded values exactly: varints by value, decimals by
// value and exponent, NaNs equal.
var valueOpts = cmp.Options{
	cmp.Comparer(func(x, y *big.Int) bool {
		if x == nil || y == nil {
			return x == y
		}
		return x.Cmp(y) == 0
	}),
	cmp.Comparer(func(x, y *apd.Decimal) bool {
		if x == nil || y == nil {
			return x == y
		}
		return x.Form == y.Form && x.Negative == y.Negative && x.Exponent == y.Exponent && x.Coeff.Cmp(&y.Coeff) == 0
	}),
	cmp.Comparer(func(x, y netip.Addr) bool { return x == y }),
	cmpopts.EquateNaNs(),
}

func hexBytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func bigInt(s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic("bad big.Int " + s)
	}
	return x
}

func dec(s string) *apd.Decimal {
	d, _, err := apd.NewFromString(s)
	if err != nil {
		panic(err)
	}
	return d
}

var (
	listOfInt     = ListOf(IntType, true)
	setOfText     = SetOf(TextType, true)
	mapTextInt    = MapOf(TextType, IntType, true)
	tupleIntText  = TupleOf(IntType, TextType)
	addressUDT    = &Type{Kind: KindUDT, Frozen: true, Keyspace: "ks", Name: "address", Fields: []string{"street", "zip"}, Elems: []*Type{TextType, IntType}}
	nestedType    = ListOf(TupleOf(MapOf(IntType, SetOf(TextType, true), true), addressUDT), true)
	uuidV4        = uuid.MustParse("f47ac10b-58cc-4372-a567-0e02b2c3d479")
	uuidV1        = uuid.MustParse("e6b2a3a0-9a0e-11ee-8c90-0242ac120002")
	durationMixed = Duration{Months: 1, Days: 2, Nanos: 3}
)

// TestMarshal checks the exact bytes Cassandra's serializers produce.
func TestMarshal(t *testing.T) {
	tests := []struct {
		name string
		typ  *Type
		v    any
		want string
	}{
		{"int 1", IntType, int32(1), "00000001"},
		{"int min", IntType, int32(math.MinInt32), "80000000"},
		{"bigint -2", BigintType, int64(-2), "fffffffffffffffe"},
		{"counter", CounterType, int64(258), "0000000000000102"},
		{"smallint", SmallintType, int16(-32768), "8000"},
		{"tinyint", TinyintType, int8(-1), "ff"},
		{"boolean true", BooleanType, true, "01"},
		{"boolean false", BooleanType, false, "00"},
		{"text", TextType, "日本", "e697a5e69cac"},
		{"ascii empty", AsciiType, "", ""},
		{"blob", BlobType, []byte{0, 1, 0xff}, "0001ff"},
		{"uuid", UUIDType, uuidV4, "f47ac10b58cc4372a5670e02b2c3d479"},
		{"double 1", DoubleType, 1.0, "3ff0000000000000"},
		{"double -0", DoubleType, math.Copysign(0, -1), "8000000000000000"},
		{"double NaN", DoubleType, math.NaN(), "7ff8000000000000"},
		{"float 1.5", FloatType, float32(1.5), "3fc00000"},
		{"float NaN", FloatType, float32(math.NaN()), "7fc00000"},
		{"date epoch", DateType, DateEpoch, "80000000"},
		{"date before epoch", DateType, DateEpoch - 1, "7fffffff"},
		{"time", TimeType, Time(86399999999999), "00004e94914effff"},
		{"timestamp negative", TimestampType, Timestamp(-1), "ffffffffffffffff"},
		{"varint 0", VarintType, big.NewInt(0), "00"},
		{"varint 127", VarintType, big.NewInt(127), "7f"},
		{"varint 128", VarintType, big.NewInt(128), "0080"},
		{"varint 255", VarintType, big.NewInt(255), "00ff"},
		{"varint 256", VarintType, big.NewInt(256), "0100"},
		{"varint -1", VarintType, big.NewInt(-1), "ff"},
		{"varint -128", VarintType, big.NewInt(-128), "80"},
		{"varint -129", VarintType, big.NewInt(-129), "ff7f"},
		{"varint -256", VarintType, big.NewInt(-256), "ff00"},
		{"varint max long", VarintType, big.NewInt(math.MaxInt64), "7fffffffffffffff"},
		{"varint min long", VarintType, big.NewInt(math.MinInt64), "8000000000000000"},
		{"varint 2^63", VarintType, bigInt("0x8000000000000000"), "008000000000000000"},
		{"varint -2^63-1", VarintType, bigInt("-0x8000000000000001"), "ff7fffffffffffffff"},
		{"varint -2^71", VarintType, bigInt("-0x800000000000000000"), "800000000000000000"},
		{"varint -2^71-1", VarintType, bigInt("-0x800000000000000001"), "ff7fffffffffffffffff"},
		{"varint 2^72", VarintType, bigInt("0x1000000000000000000"), "01000000000000000000"},
		{"decimal 1.0", DecimalType, dec("1.0"), "00000001 0a"},
		{"decimal -0.05", DecimalType, dec("-0.05"), "00000002 fb"},
		{"decimal 1E+3", DecimalType, dec("1E+3"), "fffffffd 01"},
		{"decimal 0", DecimalType, dec("0"), "00000000 00"},
		{"decimal big", DecimalType, dec("-1180591620717411303424.5"), "00000001 fd7ffffffffffffffffb"},
		{"inet v4", InetType, netip.MustParseAddr("1.2.3.4"), "01020304"},
		{"inet v6", InetType, netip.MustParseAddr("::1"), "00000000000000000000000000000001"},
		{"inet v4 in v6", InetType, netip.MustParseAddr("::ffff:1.2.3.4"), "01020304"},
		{"duration", DurationType, durationMixed, "020406"},
		{"duration -1ns", DurationType, Duration{Nanos: -1}, "000001"},
		{"duration 1h", DurationType, Duration{Nanos: 3600e9}, "0000 fc068c61714000"},
		{"duration 64 days", DurationType, Duration{Days: 64}, "00 8080 00"},
		{"duration min", DurationType, Duration{Months: math.MinInt32, Nanos: math.MinInt64},
			"f0ffffffff 00 ffffffffffffffffff"},
		{"list", listOfInt, []any{int32(1), int32(2)}, "00000002 00000004 00000001 00000004 00000002"},
		{"empty list", listOfInt, []any{}, "00000000"},
		{"set", setOfText, []any{"a", "b"}, "00000002 00000001 61 00000001 62"},
		{"map", mapTextInt, []any{}, ""},
		{"map entries", mapTextInt, []MapEntry{{"a", int32(1)}}, "00000001 00000001 61 00000004 00000001"},
		{"tuple with null", tupleIntText, []any{int32(1), nil}, "00000004 00000001 ffffffff"},
		{"short tuple", tupleIntText, []any{int32(1)}, "00000004 00000001"},
		{"udt", addressUDT, []any{"x", int32(5)}, "00000001 78 00000004 00000005"},
		{"nil", IntType, nil, ""},
		{"wrong Go type", IntType, int64(1), ""},
		{"nil varint", VarintType, (*big.Int)(nil), ""},
		{"NaN decimal", DecimalType, dec("NaN"), ""},
	}
	for _, tt := range tests {
		want := hexBytes(t, tt.want)
		if got := Marshal(tt.typ, tt.v); !bytes.Equal(got, want) {
			t.Errorf("Marshal(%s, %v) = %x, want %x", tt.name, tt.v, got, want)
		}
		prefix := []byte("xy")
		if got := AppendMarshal(prefix, tt.typ, tt.v); !bytes.Equal(got, append([]byte("xy"), want...)) {
			t.Errorf("AppendMarshal(xy, %s, %v) = %x, want 7879%x", tt.name, tt.v, got, want)
		}
	}
}

// roundTripCases holds values of every type, edge values included.
func roundTripCases() []struct {
	typ *Type
	v   any
} {
	type c = struct {
		typ *Type
		v   any
	}
	cases := []c{
		{IntType, int32(0)}, {IntType, int32(math.MinInt32)}, {IntType, int32(math.MaxInt32)},
		{BigintType, int64(math.MinInt64)}, {BigintType, int64(math.MaxInt64)},
		{CounterType, int64(-5)},
		{SmallintType, int16(math.MinInt16)}, {SmallintType, int16(math.MaxInt16)},
		{TinyintType, int8(math.MinInt8)}, {TinyintType, int8(math.MaxInt8)},
		{BooleanType, true}, {BooleanType, false},
		{TextType, ""}, {TextType, "日本語 text"}, {AsciiType, "plain"}, {AsciiType, ""},
		{BlobType, []byte{}}, {BlobType, []byte{0, 0, 1}},
		{UUIDType, uuidV4}, {UUIDType, uuid.Nil}, {TimeuuidType, uuidV1},
		{DoubleType, math.Inf(-1)}, {DoubleType, math.Copysign(0, -1)}, {DoubleType, math.MaxFloat64},
		{DoubleType, math.SmallestNonzeroFloat64}, {DoubleType, math.NaN()},
		{FloatType, float32(math.Inf(1))}, {FloatType, float32(-1.25)}, {FloatType, float32(math.NaN())},
		{DateType, Date(0)}, {DateType, DateEpoch - 365}, {DateType, Date(math.MaxUint32)},
		{TimeType, Time(0)}, {TimeType, Time(86399999999999)},
		{TimestampType, Timestamp(-62135596800000)}, {TimestampType, Timestamp(1700000000000)},
		{VarintType, big.NewInt(0)}, {VarintType, big.NewInt(-1)}, {VarintType, big.NewInt(math.MinInt64)},
		{VarintType, bigInt("-123456789012345678901234567890123456789")},
		{VarintType, bigInt("0xffffffffffffffffffffffffffffffff")},
		{DecimalType, dec("0")}, {DecimalType, dec("0.000")}, {DecimalType, dec("1.0")}, {DecimalType, dec("1.00")},
		{DecimalType, dec("-12.345")}, {DecimalType, dec("1E+10")}, {DecimalType, apd.New(-99, math.MaxInt32)}, {DecimalType, apd.New(7, math.MinInt32+1)},
		{DecimalType, dec("12345678901234567890123456789.0123456789")},
		{DecimalType, dec("-18446744073709551615")}, {DecimalType, dec("18446744073709551616")},
		{InetType, netip.MustParseAddr("10.0.0.1")}, {InetType, netip.MustParseAddr("2001:db8::1")},
		{DurationType, Duration{}}, {DurationType, durationMixed}, {DurationType, Duration{Months: -1, Days: -2, Nanos: -3}},
		{DurationType, Duration{Months: math.MaxInt32, Days: math.MaxInt32, Nanos: math.MaxInt64}},
		{DurationType, Duration{Months: math.MinInt32, Days: math.MinInt32, Nanos: math.MinInt64}},
		{listOfInt, []any{}}, {listOfInt, []any{int32(3), int32(1), int32(3)}},
		{setOfText, []any{"", "a", "b"}},
		{mapTextInt, []MapEntry{}}, {mapTextInt, []MapEntry{{"a", int32(1)}, {"b", int32(-1)}}},
		{tupleIntText, []any{nil, nil}}, {tupleIntText, []any{int32(1), "x"}},
		{addressUDT, []any{"Main St", nil}},
		{nestedType, []any{
			[]any{[]MapEntry{{int32(1), []any{"a", "b"}}, {int32(2), []any{}}}, []any{"s", int32(1)}},
			[]any{nil, nil},
		}},
		{ListOf(DecimalType, true), []any{dec("1.5"), dec("-2")}},
		{MapOf(UUIDType, VarintType, true), []MapEntry{{uuidV4, bigInt("99999999999999999999")}}},
		{TupleOf(DurationType, InetType, BlobType), []any{durationMixed, netip.MustParseAddr("::"), []byte{}}},
	}
	return cases
}

func TestRoundTrip(t *testing.T) {
	for _, tt := range roundTripCases() {
		b := Marshal(tt.typ, tt.v)
		got, err := Unmarshal(tt.typ, b)
		if err != nil {
			t.Errorf("Unmarshal(%s, %x) error: %v", tt.typ, b, err)
			continue
		}
		if diff := cmp.Diff(tt.v, got, valueOpts); diff != "" {
			t.Errorf("Unmarshal(%s, Marshal(%v)) mismatch (-want +got):\n%s", tt.typ, tt.v, diff)
		}
		if again := Marshal(tt.typ, got); !bytes.Equal(again, b) {
			t.Errorf("Marshal(%s, Unmarshal(%x)) = %x, want the same bytes", tt.typ, b, again)
		}
		if err := CheckGoValue(tt.typ, tt.v); err != nil {
			t.Errorf("CheckGoValue(%s, %v) = %v, want nil", tt.typ, tt.v, err)
		}
	}
}

func TestUnmarshalShortTuple(t *testing.T) {
	got, err := Unmarshal(tupleIntText, hexBytes(t, "00000004 00000007"))
	if err != nil {
		t.Fatalf("Unmarshal(short tuple) error: %v", err)
	}
	if diff := cmp.Diff([]any{int32(7), nil}, got); diff != "" {
		t.Errorf("Unmarshal(short tuple) mismatch (-want +got):\n%s", diff)
	}
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name string
		typ  *Type
		b    string
	}{
		{"int short", IntType, "000001"},
		{"int long", IntType, "0000000001"},
		{"bigint empty", BigintType, ""},
		{"smallint", SmallintType, "01"},
		{"tinyint", TinyintType, "0102"},
		{"boolean", BooleanType, ""},
		{"double", DoubleType, "00"},
		{"float", FloatType, "0000000000"},
		{"uuid", UUIDType, "0102"},
		{"timeuuid version 4", TimeuuidType, "f47ac10b58cc4372a5670e02b2c3d479"},
		{"date", DateType, "000000"},
		{"time", TimeType, "00"},
		{"timestamp", TimestampType, "00000000000000000000"},
		{"ascii high byte", AsciiType, "61ff"},
		{"text invalid UTF-8", TextType, "c3"},
		{"varint empty", VarintType, ""},
		{"decimal short", DecimalType, "00000001"},
		{"decimal min scale", DecimalType, "80000000 01"},
		{"inet 5 bytes", InetType, "0102030405"},
		{"duration empty", DurationType, ""},
		{"duration truncated vint", DurationType, "0000c0"},
		{"duration trailing", DurationType, "00000000"},
		{"duration mixed signs", DurationType, "020001"},
		{"duration months overflow", DurationType, "f100000000 00 00"},
		{"list truncated count", listOfInt, "000000"},
		{"list negative count", listOfInt, "ffffffff"},
		{"list huge count", listOfInt, "7fffffff 00000004 00000001"},
		{"list null element", listOfInt, "00000001 ffffffff"},
		{"list element too long", listOfInt, "00000001 00000008 00000001"},
		{"list bad element", listOfInt, "00000001 00000002 0001"},
		{"list trailing", listOfInt, "00000001 00000004 00000001 00"},
		{"map missing value", mapTextInt, "00000001 00000001 61"},
		{"map bad key", mapTextInt, "00000001 00000001 ff 00000004 00000001"},
		{"tuple too many", tupleIntText, "00000004 00000001 ffffffff ffffffff"},
		{"tuple truncated length", tupleIntText, "000000"},
		{"tuple bad component", tupleIntText, "00000003 000001"},
		{"invalid type", &Type{}, "00"},
		{"list without element type", &Type{Kind: KindList}, "00000000"},
	}
	for _, tt := range tests {
		b := hexBytes(t, tt.b)
		got, err := Unmarshal(tt.typ, b)
		if err == nil {
			t.Errorf("Unmarshal(%s, %x) = %v, want an error", tt.name, b, got)
			continue
		}
		if !errors.Is(err, ErrMalformedBytes) {
			t.Errorf("Unmarshal(%s, %x) error %v does not wrap ErrMalformedBytes", tt.name, b, err)
		}
	}
	if got, err := Unmarshal(nil, nil); err == nil {
		t.Errorf("Unmarshal(nil type) = %v, want an error", got)
	}
}

func TestCheckGoValue(t *testing.T) {
	tests := []struct {
		name string
		typ  *Type
		v    any
	}{
		{"nil", IntType, nil},
		{"int64 for int", IntType, int64(1)},
		{"string for blob", BlobType, "x"},
		{"nil varint", VarintType, (*big.Int)(nil)},
		{"infinite decimal", DecimalType, dec("Infinity")},
		{"invalid inet", InetType, netip.Addr{}},
		{"bad list element", listOfInt, []any{"x"}},
		{"null list element", listOfInt, []any{nil}},
		{"bad map value", mapTextInt, []MapEntry{{"a", "b"}}},
		{"tuple too long", tupleIntText, []any{int32(1), "a", "b"}},
		{"bad tuple component", tupleIntText, []any{"a"}},
		{"nil type", nil, int32(1)},
	}
	for _, tt := range tests {
		if err := CheckGoValue(tt.typ, tt.v); err == nil {
			t.Errorf("CheckGoValue(%s, %v) = nil, want an error", tt.name, tt.v)
		}
	}
}

func TestAppendMarshalAllocations(t *testing.T) {
	vals := []struct {
		typ *Type
		v   any
	}{
		{IntType, any(int32(123456))}, {BigintType, any(int64(-77777777))}, {TextType, any("東京都")},
		{UUIDType, any(uuidV4)}, {DoubleType, any(2.5)}, {TimestampType, any(Timestamp(1700000000000))},
		{VarintType, any(big.NewInt(-300))}, {DecimalType, any(dec("12.34"))},
		{InetType, any(netip.MustParseAddr("2001:db8::1"))}, {DurationType, any(durationMixed)},
		{tupleIntText, any([]any{int32(1), "x"})},
	}
	buf := make([]byte, 0, 128)
	for _, tt := range vals {
		allocs := testing.AllocsPerRun(50, func() {
			buf = AppendMarshal(buf[:0], tt.typ, tt.v)
		})
		if allocs != 0 {
			t.Errorf("AppendMarshal(%s) allocated %v times per run, want 0", tt.typ, allocs)
		}
	}
}

// FuzzUnmarshal feeds arbitrary bytes to Unmarshal for a few types: it must
// never panic, and whatever it accepts must marshal to bytes that decode to
// an equal value.
func FuzzUnmarshal(f *testing.F) {
	types := []*Type{IntType, TextType, VarintType, DecimalType, DurationType, InetType, TimeuuidType,
		listOfInt, mapTextInt, tupleIntText, nestedType}
	for _, tt := range roundTripCases() {
		for i, typ := range types {
			if typ.Equal(tt.typ) {
				f.Add(uint8(i), Marshal(tt.typ, tt.v))
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, b []byte) {
		typ := types[int(which)%len(types)]
		v, err := Unmarshal(typ, b)
		if err != nil {
			if !errors.Is(err, ErrMalformedBytes) {
				t.Fatalf("Unmarshal(%s, %x) error %v does not wrap ErrMalformedBytes", typ, b, err)
			}
			return
		}
		// Printing any decoded value must not panic, including the
		// Python repr fallback for tuples with null components.
		_ = Format(typ, v)
		_ = DisplayWidth(typ, v)
		_ = FormatFailureMessage(typ, v)
		again := Marshal(typ, v)
		v2, err := Unmarshal(typ, again)
		if err != nil {
			t.Fatalf("Unmarshal(%s, Marshal(%v) = %x) error: %v", typ, v, again, err)
		}
		if Compare(typ, v, v2) != 0 {
			t.Fatalf("Unmarshal(%s, Marshal(%v)) = %v, want an equal value", typ, v, v2)
		}
		if third := Marshal(typ, v2); !bytes.Equal(third, again) {
			t.Fatalf("Marshal(%s, %v) = %x, then %x", typ, v, again, third)
		}
	})
}
