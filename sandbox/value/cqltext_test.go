package value

import (
	"math"
	"math/big"
	"net/netip"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

func TestCQLText(t *testing.T) {
	dec, _, _ := apd.NewFromString("123.4500")
	big1e3, _, _ := apd.NewFromString("1E+3")
	tests := []struct {
		name string
		typ  *Type
		v    any
		want string
	}{
		{"null", IntType, nil, "null"},
		{"text", TextType, "it's", "it's"},
		{"int", IntType, int32(-42), "-42"},
		{"bigint", BigintType, int64(9000000000), "9000000000"},
		{"varint", VarintType, new(big.Int).Lsh(big.NewInt(1), 70), "1180591620717411303424"},
		{"double", DoubleType, 1e10, "1.0E10"},
		{"double small", DoubleType, 0.0001, "1.0E-4"},
		{"double plain", DoubleType, 3.7, "3.7"},
		{"double NaN", DoubleType, math.NaN(), "NaN"},
		{"float", FloatType, float32(1.5), "1.5"},
		{"decimal", DecimalType, dec, "123.4500"},
		{"decimal exponent", DecimalType, big1e3, "1E+3"},
		{"boolean", BooleanType, true, "true"},
		{"timestamp", TimestampType, Timestamp(1561977015000), "2019-07-01T10:30:15.000Z"},
		{"timestamp BC", TimestampType, Timestamp(-62198755200000), "0002-01-01T00:00:00.000Z"},
		{"date", DateType, DateEpoch + 18078, "2019-07-01"},
		{"date beyond 9999", DateType, DateFromDays(2932897), "+10000-01-01"},
		{"time", TimeType, Time(37815500000000), "10:30:15.500000000"},
		{"inet6", InetType, netip.MustParseAddr("2001:db8::1"), "2001:db8:0:0:0:0:0:1"},
		{"inet4", InetType, netip.MustParseAddr("127.0.0.1"), "127.0.0.1"},
		{"uuid", UUIDType, uuid.MustParse("123e4567-e89b-42d3-a456-556642440000"), "123e4567-e89b-42d3-a456-556642440000"},
	}
	for _, tt := range tests {
		if got := CQLText(tt.typ, tt.v); got != tt.want {
			t.Errorf("%s: CQLText(%s, %v) = %q, want %q", tt.name, tt.typ, tt.v, got, tt.want)
		}
	}
}

func TestJavaDoubleDecimal(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0.1, "0.1"},
		{1e10, "1.0E+10"},
		{1.5, "1.5"},
		{-2, "-2.0"},
	}
	for _, tt := range tests {
		got, err := JavaDoubleDecimal(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("JavaDoubleDecimal(%v) = %v, %v, want %s", tt.in, got, err, tt.want)
		}
	}
	if _, err := JavaDoubleDecimal(math.Inf(1)); err == nil {
		t.Errorf("JavaDoubleDecimal(+Inf) = nil error, want an error")
	}
	if got, err := JavaFloatDecimal(0.1); err != nil || got.String() != "0.1" {
		t.Errorf("JavaFloatDecimal(0.1) = %v, %v, want 0.1", got, err)
	}
}
