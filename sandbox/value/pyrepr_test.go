package value

import (
	"math"
	"net/netip"
	"testing"

	"github.com/google/uuid"
)

func TestPythonFloatRepr(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1.5, "1.5"},
		{2, "2.0"},
		{0.1, "0.1"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{1e16, "1e+16"},
		{1234567890123456, "1234567890123456.0"},
		{12345678901234567, "1.2345678901234568e+16"},
		{float64(float32(0.1)), "0.10000000149011612"},
		{-2.5e-10, "-2.5e-10"},
		{math.NaN(), "nan"},
		{math.Inf(-1), "-inf"},
	}
	for _, tt := range tests {
		if got := pythonFloatRepr(tt.in); got != tt.want {
			t.Errorf("pythonFloatRepr(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatFailure(t *testing.T) {
	intText := &Type{Kind: KindTuple, Frozen: true, Elems: []*Type{IntType, TextType}}
	textInt := &Type{Kind: KindTuple, Frozen: true, Elems: []*Type{TextType, IntType}}
	tsInet := &Type{Kind: KindTuple, Frozen: true, Elems: []*Type{TimestampType, InetType, BooleanType}}
	floatBlob := &Type{Kind: KindTuple, Frozen: true, Elems: []*Type{FloatType, BlobType, UUIDType}}
	one := &Type{Kind: KindTuple, Frozen: true, Elems: []*Type{DurationType}}
	u := uuid.MustParse("123e4567-e89b-42d3-a456-556642440000")
	tests := []struct {
		name        string
		typ         *Type
		in          any
		wantFormat  string
		wantFailure string
	}{
		{"int component null", intText, []any{nil, "x"}, "(None, 'x')", ""},
		{"text component null", intText, []any{int32(1), nil}, "(1, None)",
			"Failed to format value (1, None) : 'NoneType' object has no attribute 'replace'"},
		{"repr quotes", textInt, []any{"it's", nil}, "('it''s', None)", ""},
		{"timestamp and inet quote None", tsInet, []any{nil, nil, nil}, "('None', 'None', None)", ""},
		{"float null", floatBlob, []any{nil, []byte{1, 'a'}, u}, "(None, b'\\x01a', UUID('123e4567-e89b-42d3-a456-556642440000'))",
			"Failed to format value (None, b'\\x01a', UUID('123e4567-e89b-42d3-a456-556642440000')) : must be real number, not NoneType"},
		{"blob null", floatBlob, []any{float32(1.5), nil, nil}, "(1.5, None, None)",
			"Failed to format value (1.5, None, None) : 'NoneType' object has no attribute 'hex'"},
		{"one-tuple", one, []any{nil}, "(None,)",
			"Failed to format value (None,) : 'NoneType' object has no attribute 'months'"},
		{"timestamp repr", &Type{Kind: KindTuple, Elems: []*Type{TimestampType, TextType, InetType}},
			[]any{Timestamp(1561977015000), nil, netip.MustParseAddr("::1")},
			"(datetime.datetime(2019, 7, 1, 10, 30, 15), None, '::1')",
			"Failed to format value (datetime.datetime(2019, 7, 1, 10, 30, 15), None, '::1') : 'NoneType' object has no attribute 'replace'"},
	}
	for _, tt := range tests {
		if got := Format(tt.typ, tt.in); got != tt.wantFormat {
			t.Errorf("%s: Format(%v) = %q, want %q", tt.name, tt.in, got, tt.wantFormat)
		}
		if got := FormatFailureMessage(tt.typ, tt.in); got != tt.wantFailure {
			t.Errorf("%s: FormatFailureMessage(%v) = %q, want %q", tt.name, tt.in, got, tt.wantFailure)
		}
	}
}
