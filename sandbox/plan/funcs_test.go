package plan

import (
	"math"
	"math/big"
	"testing"

	"github.com/google/uuid"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/value"
)

// native returns the overload of a native function for argument types.
func native(t *testing.T, name string, args ...*value.Type) *function {
	t.Helper()
	for _, f := range natives[name] {
		if len(f.args) != len(args) {
			continue
		}
		ok := true
		for i, a := range args {
			ok = ok && f.args[i].Equal(a)
		}
		if ok {
			return f
		}
	}
	t.Fatalf("no function %s%v", name, args)
	return nil
}

func TestNativeFunctions(t *testing.T) {
	c := testContext()
	tu := uuid.MustParse("2b45c000-9b93-11e9-9234-0000deadbeef")
	tests := []struct {
		name string
		args []*value.Type
		in   []any
		want string
	}{
		{"cast_as_int", []*value.Type{value.DoubleType}, []any{3.7}, "3"},
		{"cast_as_int", []*value.Type{value.DoubleType}, []any{math.NaN()}, "0"},
		{"cast_as_int", []*value.Type{value.DoubleType}, []any{1e300}, "2147483647"},
		{"cast_as_int", []*value.Type{value.BigintType}, []any{int64(9000000000)}, "410065408"},
		{"cast_as_tinyint", []*value.Type{value.DoubleType}, []any{300.0}, "44"},
		{"cast_as_tinyint", []*value.Type{value.DoubleType}, []any{1e10}, "-1"},
		{"cast_as_bigint", []*value.Type{value.VarintType}, []any{new(big.Int).Lsh(big.NewInt(1), 64)}, "0"},
		{"cast_as_varint", []*value.Type{value.DecimalType}, []any{decimal("123.9")}, "123"},
		{"cast_as_decimal", []*value.Type{value.DoubleType}, []any{0.1}, "0.1"},
		{"cast_as_decimal", []*value.Type{value.FloatType}, []any{float32(0.1)}, "0.1"},
		{"cast_as_decimal", []*value.Type{value.IntType}, []any{int32(42)}, "42"},
		{"cast_as_double", []*value.Type{value.DecimalType}, []any{decimal("1.5")}, "1.5"},
		{"cast_as_float", []*value.Type{value.DoubleType}, []any{0.1}, "0.1"},
		{"cast_as_text", []*value.Type{value.DoubleType}, []any{1e10}, "1.0E10"},
		{"cast_as_text", []*value.Type{value.TimestampType}, []any{value.Timestamp(1561977015000)}, "2019-07-01T10:30:15.000Z"},
		{"cast_as_ascii", []*value.Type{value.BooleanType}, []any{true}, "true"},
		{"cast_as_text", []*value.Type{value.AsciiType}, []any{"abc"}, "abc"},
		{"cast_as_date", []*value.Type{value.TimestampType}, []any{value.Timestamp(1561977015000)}, "2019-07-01"},
		{"cast_as_date", []*value.Type{value.TimestampType}, []any{value.Timestamp(-1)}, "1970-01-01"},
		{"cast_as_date", []*value.Type{value.TimestampType}, []any{value.Timestamp(-86400000)}, "1969-12-31"},
		{"cast_as_timestamp", []*value.Type{value.DateType}, []any{value.DateEpoch + 1}, "1970-01-02T00:00:00.000Z"},
		{"cast_as_timestamp", []*value.Type{value.TimeuuidType}, []any{tu}, "2019-07-01T00:00:00.000Z"},
		{"todate", []*value.Type{value.TimeuuidType}, []any{tu}, "2019-07-01"},
		{"to_unix_timestamp", []*value.Type{value.DateType}, []any{value.DateEpoch + 1}, "86400000"},
		{"abs", []*value.Type{value.IntType}, []any{int32(math.MinInt32)}, "-2147483648"},
		{"abs", []*value.Type{value.TinyintType}, []any{int8(-5)}, "5"},
		{"exp", []*value.Type{value.TinyintType}, []any{int8(5)}, "-108"},
		{"exp", []*value.Type{value.IntType}, []any{int32(1)}, "2"},
		{"log10", []*value.Type{value.BigintType}, []any{int64(1000)}, "3"},
		{"round", []*value.Type{value.DoubleType}, []any{-2.5}, "-2.0"},
		{"round", []*value.Type{value.DoubleType}, []any{0.49999999999999994}, "0.0"},
		{"round", []*value.Type{value.FloatType}, []any{float32(2.5)}, "3.0"},
		{"round", []*value.Type{value.DecimalType}, []any{decimal("-123.455")}, "-123"},
		{"round", []*value.Type{value.DecimalType}, []any{decimal("2.5")}, "3"},
		{"log", []*value.Type{value.VarintType}, []any{big.NewInt(1000000)}, "13"},
		{"exp", []*value.Type{value.DecimalType}, []any{decimal("1")}, "2.718281828459045"},
		{"blobasint", []*value.Type{value.BlobType}, []any{[]byte{0, 0, 0, 42}}, "42"},
		{"int_as_blob", []*value.Type{value.IntType}, []any{int32(42)}, "0x0000002a"},
		{"floor", []*value.Type{value.TimestampType, value.DurationType}, []any{value.Timestamp(1561977015000), value.Duration{Nanos: 3600e9}}, "2019-07-01T10:00:00.000Z"},
		{"floor", []*value.Type{value.TimestampType, value.DurationType}, []any{value.Timestamp(1561977015000), value.Duration{Months: 2}}, "2019-07-01T00:00:00.000Z"},
		{"floor", []*value.Type{value.DateType, value.DurationType}, []any{value.DateEpoch + 18080, value.Duration{Days: 7}}, "2019-06-27"},
		{"floor", []*value.Type{value.TimeType, value.DurationType}, []any{value.Time(37815500000000), value.Duration{Nanos: 600e9}}, "10:30:00.000000000"},
	}
	for _, tt := range tests {
		f := native(t, tt.name, tt.args...)
		got, err := f.apply(c, tt.in)
		if err != nil {
			t.Errorf("%s%v = error %q, want %s", tt.name, tt.in, errMessage(err), tt.want)
			continue
		}
		if s := value.CQLText(f.ret, got); s != tt.want {
			t.Errorf("%s%v = %s, want %s", tt.name, tt.in, s, tt.want)
		}
	}
}

func TestNativeFunctionErrors(t *testing.T) {
	c := testContext()
	tests := []struct {
		name string
		args []*value.Type
		in   []any
		want string
	}{
		{"blobasint", []*value.Type{value.BlobType}, []any{[]byte("abc")}, "In call to function system.blobasint, value 0x616263 is not a valid binary representation for type int"},
		{"blob_as_varchar", []*value.Type{value.BlobType}, []any{[]byte{0xff}}, "In call to function system.blob_as_varchar, value 0xff is not a valid binary representation for type varchar"},
		{"floor", []*value.Type{value.DateType, value.DurationType}, []any{value.DateEpoch, value.Duration{Nanos: 3600e9}}, "The floor on date values cannot be computed for the 1h duration as precision is below 1 day"},
		{"floor", []*value.Type{value.TimestampType, value.DurationType, value.TimestampType}, []any{value.Timestamp(0), value.Duration{Nanos: 3600e9}, value.Timestamp(1)}, "The floor function starting time is greater than the provided time"},
		{"cast_as_decimal", []*value.Type{value.DoubleType}, []any{math.NaN()}, "java.lang.NumberFormatException: Character N is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."},
	}
	for _, tt := range tests {
		f := native(t, tt.name, tt.args...)
		if _, err := f.apply(c, tt.in); errMessage(err) != tt.want {
			t.Errorf("%s%v error = %q, want %q", tt.name, tt.in, errMessage(err), tt.want)
		}
	}
}

func TestDateOfMillis(t *testing.T) {
	tests := []struct {
		ms   int64
		want int64
	}{
		{0, 0}, {86399999, 0}, {86400000, 1}, {-1, 0}, {-86399000, 0}, {-86399999, -1}, {-86400000, -1}, {-172800000, -2},
	}
	for _, tt := range tests {
		if got := dateOfMillis(tt.ms).Days(); got != tt.want {
			t.Errorf("dateOfMillis(%d) = day %d, want %d", tt.ms, got, tt.want)
		}
	}
}

func TestCallTerms(t *testing.T) {
	tests := []struct {
		term string
		typ  *value.Type
		want string
		err  string
	}{
		{term: "fromJson('[1, 2]')", typ: value.ListOf(value.IntType, false), want: "[1, 2]"},
		{term: "fromJson('null')", typ: value.TextType, want: "null"},
		{term: "fromJson('5')", typ: value.TextType, err: "execution of 'system.fromjson[text]' failed: org.apache.cassandra.serializers.MarshalException: Expected a UTF-8 string, but got a Integer: 5"},
		{term: "from_json('[1,')", typ: value.ListOf(value.IntType, false), err: "execution of 'system.from_json[text]' failed: Could not decode JSON string '[1,': com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input: expected close marker for Array (start marker at [Source: (String)\"[1,\"; line: 1, column: 1])\n at [Source: (String)\"[1,\"; line: 1, column: 4]"},
		{term: "toTimestamp(now())", typ: value.TimestampType, want: "2026-01-15T10:30:00.000Z"},
		{term: "toUnixTimestamp(currentTimestamp())", typ: value.TimestampType, want: "2026-01-15T10:30:00.000Z"},
		{term: "blobAsInt(0x0000002a)", typ: value.IntType, want: "42"},
		{term: "now()", typ: value.TimestampType, err: "Type error: cannot assign result of function system.now (type timeuuid) to v (type timestamp)"},
		{term: "sum(1)", typ: value.IntType, err: "Aggregation function are not supported in the where clause"},
		{term: "nosuch(1)", typ: value.IntType, err: "Unknown function nosuch called"},
		{term: "intAsBlob('a')", typ: value.BlobType, err: "Type error: 'a' cannot be passed as argument 0 of function system.intasblob of type int"},
	}
	for _, tt := range tests {
		stmt, err := cql.Parse("INSERT INTO t (k, c, i) VALUES (0, 0, " + tt.term + ")")
		if err != nil {
			t.Fatalf("parse %s: %v", tt.term, err)
		}
		term := stmt.(*cql.InsertStmt).Values[2]
		v, err := testContext().value(term, receiver{name: "v", typ: tt.typ})
		if got := errMessage(err); got != tt.err {
			t.Errorf("%s: error %q, want %q", tt.term, got, tt.err)
			continue
		}
		if err == nil {
			if got := value.CQLText(tt.typ, v); got != tt.want && value.Format(tt.typ, v) != tt.want {
				t.Errorf("%s = %s, want %s", tt.term, got, tt.want)
			}
		}
	}
}
