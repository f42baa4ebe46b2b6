package value

import (
	"math"
	"math/big"
	"net/netip"
	"slices"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

// orderCase lists values of one type in Cassandra's order; the values of one
// inner slice compare equal.
type orderCase struct {
	name   string
	typ    *Type
	groups [][]any
}

func one(vs ...any) [][]any {
	groups := make([][]any, len(vs))
	for i, v := range vs {
		groups[i] = []any{v}
	}
	return groups
}

func nanWithPayload(payload uint64) float64 {
	return math.Float64frombits(0x7ff0000000000000 | payload)
}

func orderCases() []orderCase {
	negZero := math.Copysign(0, -1)
	return []orderCase{
		{"int", IntType, one(nil, int32(math.MinInt32), int32(-1), int32(0), int32(1), int32(math.MaxInt32))},
		{"bigint", BigintType, one(int64(math.MinInt64), int64(-1), int64(0), int64(math.MaxInt64))},
		{"counter", CounterType, one(int64(-2), int64(3))},
		{"smallint", SmallintType, one(int16(math.MinInt16), int16(-1), int16(0), int16(math.MaxInt16))},
		{"tinyint", TinyintType, one(int8(math.MinInt8), int8(-1), int8(0), int8(math.MaxInt8))},
		{"timestamp", TimestampType, one(Timestamp(-1000), Timestamp(0), Timestamp(1700000000000))},
		{"time", TimeType, one(Time(0), Time(1), Time(86399999999999))},
		{"date unsigned", DateType, one(Date(0), DateEpoch-1, DateEpoch, Date(math.MaxUint32))},
		{"boolean", BooleanType, one(false, true)},
		{"text bytes", TextType, one("", "A", "a", "ab", "b", "é", "日本", "東京")},
		{"ascii", AsciiType, one("", "\x00", "a", "a\x00", "a\x01")},
		{"blob", BlobType, one([]byte{}, []byte{0}, []byte{0, 0}, []byte{1}, []byte{0x7f}, []byte{0x80}, []byte{0xff})},
		{"double", DoubleType, [][]any{
			{math.Inf(-1)}, {-math.MaxFloat64}, {-1.0}, {-math.SmallestNonzeroFloat64}, {negZero}, {0.0},
			{math.SmallestNonzeroFloat64}, {1.0}, {math.MaxFloat64}, {math.Inf(1)},
			{math.NaN(), nanWithPayload(1), math.Float64frombits(0xfff8000000000000)},
		}},
		{"float", FloatType, [][]any{
			{float32(math.Inf(-1))}, {float32(-1)}, {float32(negZero)}, {float32(0)}, {float32(0.5)},
			{float32(math.Inf(1))}, {float32(math.NaN()), math.Float32frombits(0xffc00001)},
		}},
		{"varint", VarintType, one(bigInt("-0x1000000000000000000000"), big.NewInt(math.MinInt64), big.NewInt(-1),
			big.NewInt(0), big.NewInt(1), big.NewInt(255), big.NewInt(256), bigInt("0x1000000000000000000000"))},
		{"decimal", DecimalType, [][]any{
			{dec("-1E+10")}, {dec("-10"), dec("-10.000")}, {dec("-1.5")}, {dec("-0.001")},
			{dec("0"), dec("0.00"), dec("-0"), dec("0E+5")}, {dec("0.001")}, {dec("0.1"), dec("0.10")},
			{dec("0.99")}, {dec("1"), dec("1.0"), dec("1.00"), dec("0.1E+1")}, {dec("1.5")}, {dec("10"), dec("1E+1")},
			{apd.New(1, math.MaxInt32)},
		}},
		{"inet", InetType, one(
			netip.MustParseAddr("::"), netip.MustParseAddr("::1"), netip.MustParseAddr("1.2.3.4"),
			netip.MustParseAddr("102:304::"), netip.MustParseAddr("1.2.3.5"), netip.MustParseAddr("255.0.0.0"),
			netip.MustParseAddr("ff00::"))},
		{"inet mapped", InetType, [][]any{{netip.MustParseAddr("1.2.3.4"), netip.MustParseAddr("::ffff:1.2.3.4")}}},
		{"duration bytes", DurationType, one(Duration{}, Duration{Nanos: -1}, Duration{Nanos: 1},
			Duration{Days: -1}, Duration{Days: 1}, Duration{Months: 1})},
		{"uuid versions", UUIDType, one(
			uuid.Nil,
			uuid.MustParse("ffffffff-ffff-0fff-ffff-ffffffffffff"), // version 0
			uuid.MustParse("00000000-0000-1000-0000-000000000000"), // version 1, time 0
			uuid.MustParse("00000000-0000-4000-0000-000000000000"), // version 4
			uuid.MustParse("ffffffff-ffff-4fff-ffff-ffffffffffff"),
			uuid.MustParse("00000000-0000-5000-0000-000000000000"),
		)},
		{"uuid version 1 by timestamp", UUIDType, one(
			uuid.MustParse("ffffffff-ffff-1000-ffff-ffffffffffff"), // time_hi 0 wins over time_low
			uuid.MustParse("00000000-0000-1001-0000-000000000000"),
			uuid.MustParse("00000000-0001-1001-0000-000000000000"),
			uuid.MustParse("00000001-0001-1001-0000-000000000000"),
			uuid.MustParse("00000001-0001-1001-7f00-000000000000"),
			uuid.MustParse("00000001-0001-1001-8000-000000000000"), // low half unsigned
			uuid.MustParse("00000001-0001-1001-ff00-000000000000"),
		)},
		{"uuid version 4 unsigned", UUIDType, one(
			uuid.MustParse("7fffffff-ffff-4fff-ffff-ffffffffffff"),
			uuid.MustParse("80000000-0000-4000-0000-000000000000"),
			uuid.MustParse("80000000-0000-4000-7fff-ffffffffffff"),
			uuid.MustParse("80000000-0000-4000-8000-000000000000"),
		)},
		{"timeuuid", TimeuuidType, one(
			uuid.MustParse("ffffffff-ffff-1000-ffff-ffffffffffff"),
			uuid.MustParse("00000000-0000-1001-7f00-000000000000"),
			uuid.MustParse("00000000-0001-1001-8000-000000000000"), // low half: signed bytes
			uuid.MustParse("00000000-0001-1001-ff00-000000000000"),
			uuid.MustParse("00000000-0001-1001-0000-0000000000ff"),
			uuid.MustParse("00000000-0001-1001-0000-000000000000"),
			uuid.MustParse("00000000-0001-1001-0000-00000000007f"),
			uuid.MustParse("00000000-0001-1001-7f00-000000000000"),
		)},
		{"list", listOfInt, one([]any{}, []any{int32(-1)}, []any{int32(1)}, []any{int32(1), int32(0)},
			[]any{int32(1), int32(2)}, []any{int32(2)})},
		{"list with null", listOfInt, one([]any{nil}, []any{int32(0)})},
		{"set", setOfText, one([]any{}, []any{""}, []any{"", "b"}, []any{"a"}, []any{"a", "b"}, []any{"b"})},
		{"map", mapTextInt, one([]MapEntry{}, []MapEntry{{"a", int32(1)}}, []MapEntry{{"a", int32(1)}, {"a", int32(1)}},
			[]MapEntry{{"a", int32(2)}}, []MapEntry{{"b", int32(0)}})},
		{"tuple", tupleIntText, [][]any{
			{[]any{}, []any{nil}, []any{nil, nil}}, {[]any{nil, ""}}, {[]any{nil, "a"}},
			{[]any{int32(1)}, []any{int32(1), nil}}, {[]any{int32(1), ""}}, {[]any{int32(1), "a"}},
			{[]any{int32(2), nil}},
		}},
		{"udt", addressUDT, [][]any{{[]any{nil, nil}}, {[]any{"a", nil}, []any{"a"}}, {[]any{"a", int32(0)}}, {[]any{"b"}}}},
		{"frozen set of tuples", SetOf(tupleIntText, true), one([]any{[]any{nil, nil}}, []any{[]any{int32(0), "x"}})},
	}
}

// TestCompare checks every pair of an ordered table in both directions.
func TestCompare(t *testing.T) {
	for _, tc := range orderCases() {
		for i, gi := range tc.groups {
			for j, gj := range tc.groups {
				want := cmpInts(i, j)
				for _, a := range gi {
					for _, b := range gj {
						if got := Compare(tc.typ, a, b); got != want {
							t.Errorf("%s: Compare(%v, %v) = %d, want %d", tc.name, a, b, got, want)
						}
						if got := Equal(tc.typ, a, b); got != (want == 0) {
							t.Errorf("%s: Equal(%v, %v) = %t, want %t", tc.name, a, b, got, want == 0)
						}
					}
				}
			}
		}
	}
}

func cmpInts(i, j int) int {
	switch {
	case i < j:
		return -1
	case i > j:
		return 1
	}
	return 0
}

func TestCompareNil(t *testing.T) {
	if got := Compare(IntType, nil, nil); got != 0 {
		t.Errorf("Compare(nil, nil) = %d, want 0", got)
	}
	if got := Compare(TextType, nil, ""); got != -1 {
		t.Errorf("Compare(nil, \"\") = %d, want -1", got)
	}
	if got := Compare(TextType, "", nil); got != 1 {
		t.Errorf("Compare(\"\", nil) = %d, want 1", got)
	}
	// Values of the wrong Go type are ordered deterministically, without panicking.
	if got := Compare(IntType, int32(1), "x"); got != 1 {
		t.Errorf("Compare(int32(1), \"x\") = %d, want 1", got)
	}
}

func TestUUIDSortKeyRoundTrip(t *testing.T) {
	uuids := []uuid.UUID{uuid.Nil, uuidV1, uuidV4, uuid.MustParse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
		uuid.MustParse("01234567-89ab-1def-0123-456789abcdef"), uuid.MustParse("01234567-89ab-7def-0123-456789abcdef")}
	for _, typ := range []*Type{UUIDType, TimeuuidType} {
		for _, u := range uuids {
			hi, lo := UUIDSortKey(typ, u)
			if got := UUIDFromSortKey(typ, hi, lo); got != u {
				t.Errorf("UUIDFromSortKey(%s, UUIDSortKey(%v)) = %v, want %v", typ, u, got, u)
			}
		}
	}
}

func TestSortSet(t *testing.T) {
	one, oneZero := dec("1"), dec("1.0")
	tests := []struct {
		name  string
		typ   *Type
		elems []any
		want  []any
	}{
		{"ints", SetOf(IntType, true), []any{int32(3), int32(1), int32(3), int32(2)}, []any{int32(1), int32(2), int32(3)}},
		{"element type", TextType, []any{"b", "a", "b"}, []any{"a", "b"}},
		{"empty", SetOf(IntType, false), []any{}, []any{}},
		{"first equal decimal kept", SetOf(DecimalType, true), []any{oneZero, dec("0.5"), one}, []any{dec("0.5"), oneZero}},
		{"NaNs collapse", SetOf(DoubleType, true), []any{math.NaN(), 1.0, math.NaN()}, []any{1.0, math.NaN()}},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.elems)
		got := SortSet(tt.typ, tt.elems)
		if diff := cmp.Diff(tt.want, got, valueOpts); diff != "" {
			t.Errorf("SortSet(%s) mismatch (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(in, tt.elems, valueOpts); diff != "" {
			t.Errorf("SortSet(%s) modified its input (-before +after):\n%s", tt.name, diff)
		}
	}
}

func TestSortMap(t *testing.T) {
	oneZero := dec("1.0")
	tests := []struct {
		name    string
		typ     *Type
		entries []MapEntry
		want    []MapEntry
	}{
		{"later value wins", mapTextInt,
			[]MapEntry{{"b", int32(1)}, {"a", int32(2)}, {"b", int32(3)}, {"a", int32(4)}},
			[]MapEntry{{"a", int32(4)}, {"b", int32(3)}}},
		{"first equal key kept", MapOf(DecimalType, IntType, true),
			[]MapEntry{{oneZero, int32(1)}, {dec("1.00"), int32(2)}},
			[]MapEntry{{oneZero, int32(2)}}},
		{"key type", IntType, []MapEntry{{int32(2), "x"}, {int32(1), "y"}}, []MapEntry{{int32(1), "y"}, {int32(2), "x"}}},
	}
	for _, tt := range tests {
		got := SortMap(tt.typ, tt.entries)
		if diff := cmp.Diff(tt.want, got, valueOpts); diff != "" {
			t.Errorf("SortMap(%s) mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
