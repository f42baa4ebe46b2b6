package keys

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/go-cmp/cmp"
	"github.com/learnkv/learnkv/sandbox/value"
)

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func show(t *value.Type, v any) string {
	return fmt.Sprintf("%s %#v (%x)", t, v, value.Marshal(t, v))
}

// checkPair checks the order, prefix-freeness and round trip of two values.
func checkPair(t *testing.T, typ *value.Type, a, b any) {
	t.Helper()
	want := value.Compare(typ, a, b)
	for _, desc := range []bool{false, true} {
		ea := AppendValue(nil, typ, a, desc)
		eb := AppendValue(nil, typ, b, desc)
		got := sign(bytes.Compare(ea, eb))
		w := want
		if desc {
			w = -want
		}
		if got != w {
			t.Fatalf("desc=%t: bytes.Compare(%x, %x) = %d, want %d for %s vs %s", desc, ea, eb, got, w,
				show(typ, a), show(typ, b))
		}
		if got != 0 && (bytes.HasPrefix(ea, eb) || bytes.HasPrefix(eb, ea)) {
			t.Fatalf("desc=%t: encoding %x is a prefix of %x", desc, ea, eb)
		}
		checkRoundTrip(t, typ, a, ea, desc)
	}
}

// checkRoundTrip decodes enc (followed by a trailing byte) and checks that
// the value is equal to v and encodes back to enc.
func checkRoundTrip(t *testing.T, typ *value.Type, v any, enc []byte, desc bool) {
	t.Helper()
	got, rest, err := DecodeValue(append(bytes.Clone(enc), 0x5a), typ, desc)
	if err != nil {
		t.Fatalf("DecodeValue(%x, %s, %t) error: %v", enc, typ, desc, err)
	}
	if !bytes.Equal(rest, []byte{0x5a}) {
		t.Fatalf("DecodeValue(%x, %s, %t) rest = %x, want 5a", enc, typ, desc, rest)
	}
	if value.Compare(typ, got, v) != 0 {
		t.Fatalf("DecodeValue(%x, %s, %t) = %#v, want %#v", enc, typ, desc, got, v)
	}
	if again := AppendValue(nil, typ, got, desc); !bytes.Equal(again, enc) {
		t.Fatalf("AppendValue(DecodeValue(%x)) = %x for %s", enc, again, show(typ, v))
	}
}

// TestEncodeOrderNative checks the order property for every native key type.
func TestEncodeOrderNative(t *testing.T) {
	g := newGenerator(1)
	for _, typ := range nativeKeyTypes {
		vals := make([]any, 60)
		for i := range vals {
			vals[i] = g.value(typ)
		}
		for _, a := range vals {
			for _, b := range vals {
				checkPair(t, typ, a, b)
			}
		}
	}
}

// TestEncodeOrderComposite checks the order property for random frozen
// collections, tuples and UDTs.
func TestEncodeOrderComposite(t *testing.T) {
	g := newGenerator(2)
	for range 300 {
		typ := g.typ(3)
		vals := make([]any, 12)
		for i := range vals {
			vals[i] = g.value(typ)
		}
		for _, a := range vals {
			for _, b := range vals {
				checkPair(t, typ, a, b)
			}
		}
	}
}

// TestEncodeOrderColumns checks that concatenated encodings of 2 or 3
// columns, mixing ascending and descending ones, sort like the rows.
func TestEncodeOrderColumns(t *testing.T) {
	g := newGenerator(3)
	for range 300 {
		n := 2 + g.pick(2)
		types := make([]*value.Type, n)
		desc := make([]bool, n)
		for i := range types {
			types[i] = g.typ(1)
			desc[i] = g.pick(2) == 0
		}
		rows := make([][]any, 10)
		keys := make([][]byte, len(rows))
		for r := range rows {
			rows[r] = make([]any, n)
			for i, typ := range types {
				// Reuse earlier values often so that leading columns tie.
				if r > 0 && g.pick(2) == 0 {
					rows[r][i] = rows[g.pick(r)][i]
				} else {
					rows[r][i] = g.value(typ)
				}
				keys[r] = AppendValue(keys[r], typ, rows[r][i], desc[i])
			}
		}
		for a := range rows {
			checkColumnsDecode(t, types, desc, rows[a], keys[a])
			for b := range rows {
				want := 0
				for i, typ := range types {
					if c := value.Compare(typ, rows[a][i], rows[b][i]); c != 0 {
						want = c
						if desc[i] {
							want = -c
						}
						break
					}
				}
				got := sign(bytes.Compare(keys[a], keys[b]))
				if got != want {
					t.Fatalf("rows %v and %v of %v (desc %v): bytes.Compare = %d, want %d", rows[a], rows[b], types, desc, got, want)
				}
			}
		}
	}
}

func checkColumnsDecode(t *testing.T, types []*value.Type, desc []bool, row []any, key []byte) {
	t.Helper()
	rest := key
	for i, typ := range types {
		var v any
		var err error
		v, rest, err = DecodeValue(rest, typ, desc[i])
		if err != nil {
			t.Fatalf("DecodeValue(column %d of %x) error: %v", i, key, err)
		}
		if value.Compare(typ, v, row[i]) != 0 {
			t.Fatalf("DecodeValue(column %d of %x) = %v, want %v", i, key, v, row[i])
		}
	}
	if len(rest) != 0 {
		t.Fatalf("decoding all columns of %x left %x", key, rest)
	}
}

// TestEncodeDecimalScale checks that decimals of equal value but different
// scale encode alike, and what they decode to.
func TestEncodeDecimalScale(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"1", "1.0", "1.00", "0.1E+1", "100E-2"}, "1"},
		{[]string{"1.50", "1.5", "15E-1"}, "1.5"},
		{[]string{"-0.000120", "-1.2E-4"}, "-0.00012"},
		{[]string{"100", "1E+2", "1.00E+2"}, "100"},
		{[]string{"0", "0.00", "-0", "0E+7"}, "0"},
		{[]string{"1E+40", "10E+39"}, "1E+40"},
	}
	for _, tt := range tests {
		var first []byte
		for _, s := range tt.in {
			d, _, err := apd.NewFromString(s)
			if err != nil {
				t.Fatalf("apd.NewFromString(%q) error: %v", s, err)
			}
			enc := AppendValue(nil, value.DecimalType, d, false)
			if first == nil {
				first = enc
			} else if !bytes.Equal(enc, first) {
				t.Errorf("AppendValue(%s) = %x, want %x like %s", s, enc, first, tt.in[0])
			}
			got, _, err := DecodeValue(enc, value.DecimalType, false)
			if err != nil {
				t.Fatalf("DecodeValue(%x) error: %v", enc, err)
			}
			if s := got.(*apd.Decimal).String(); s != tt.want {
				t.Errorf("DecodeValue(AppendValue(%s)) = %s, want %s", tt.in[0], s, tt.want)
			}
		}
	}
}

func TestAppendValueExact(t *testing.T) {
	tests := []struct {
		name string
		typ  *value.Type
		v    any
		desc bool
		want []byte
	}{
		{"int", value.IntType, int32(1), false, []byte{0x80, 0, 0, 1}},
		{"int desc", value.IntType, int32(1), true, []byte{0x7f, 0xff, 0xff, 0xfe}},
		{"text with zero", value.TextType, "a\x00b", false, []byte{'a', 0, 0xff, 'b', 0, 1}},
		{"empty text desc", value.TextType, "", true, []byte{0xff, 0xfe}},
		{"varint 0", value.VarintType, big.NewInt(0), false, []byte{0x80}},
		{"varint 256", value.VarintType, big.NewInt(256), false, []byte{0x81, 1, 2, 1, 0}},
		{"varint -1", value.VarintType, big.NewInt(-1), false, []byte{0x7f, 0xfe, 0xfe, 0xfe}},
		{"tuple null", value.TupleOf(value.IntType, value.IntType), []any{nil, int32(0)}, false,
			[]byte{markerNull, markerValue, 0x80, 0, 0, 0}},
		{"empty list", value.ListOf(value.IntType, true), []any{}, false, []byte{markerEnd}},
		{"nil", value.IntType, nil, false, nil},
		{"wrong Go type", value.IntType, "1", false, nil},
		{"wrong Go type inet", value.InetType, "1", false, nil},
	}
	for _, tt := range tests {
		if got := AppendValue(nil, tt.typ, tt.v, tt.desc); !bytes.Equal(got, tt.want) {
			t.Errorf("AppendValue(%s, %v, %t) = %x, want %x", tt.name, tt.v, tt.desc, got, tt.want)
		}
	}
}

func TestDecodeValueErrors(t *testing.T) {
	tests := []struct {
		name string
		typ  *value.Type
		src  []byte
	}{
		{"empty int", value.IntType, nil},
		{"short bigint", value.BigintType, []byte{1, 2, 3}},
		{"unterminated text", value.TextType, []byte{'a', 'b'}},
		{"text ends in escape", value.TextType, []byte{'a', 0}},
		{"bad escape", value.TextType, []byte{'a', 0, 7}},
		{"boolean 2", value.BooleanType, []byte{2}},
		{"non-canonical NaN", value.DoubleType, []byte{0xff, 0xf0, 0, 0, 0, 0, 0, 1}},
		{"inet 3 bytes", value.InetType, []byte{1, 2, 3, 0, 1}},
		{"bad duration", value.DurationType, []byte{0xc0, 0, 1}},
		{"varint marker", value.VarintType, []byte{0x42}},
		{"varint zero length", value.VarintType, []byte{0x81, 0}},
		{"varint long length", value.VarintType, []byte{0x81, 1, 9, 1}},
		{"varint leading zero", value.VarintType, []byte{0x81, 1, 2, 0, 1}},
		{"varint non-canonical length", value.VarintType, []byte{0x81, 2, 0, 1, 5}},
		{"decimal marker", value.DecimalType, []byte{0x20}},
		{"decimal pair 101", value.DecimalType, []byte{decimalPositive, 0x80, 0, 0, 0, 0, 0, 0, 1, 101, 0}},
		{"decimal no digits", value.DecimalType, []byte{decimalPositive, 0x80, 0, 0, 0, 0, 0, 0, 1, 0}},
		{"decimal padded zero pair", value.DecimalType, []byte{decimalPositive, 0x80, 0, 0, 0, 0, 0, 0, 2, 12, 1, 0}},
		{"decimal leading zero", value.DecimalType, []byte{decimalPositive, 0x80, 0, 0, 0, 0, 0, 0, 2, 2, 0}},
		{"decimal exponent too large", value.DecimalType, []byte{decimalPositive, 0xff, 0, 0, 0, 0, 0, 0, 1, 11, 0}},
		{"decimal exponent 2^31+2^16", value.DecimalType, []byte{decimalPositive, 0x80, 0, 0, 0, 0x80, 1, 0, 1, 11, 0}},
		{"decimal exponent too small", value.DecimalType, []byte{decimalPositive, 0x00, 0, 0, 0, 0, 0, 0, 1, 11, 0}},
		{"decimal unterminated", value.DecimalType, []byte{decimalPositive, 0x80, 0, 0, 0, 0, 0, 0, 1, 11}},
		{"list marker", value.ListOf(value.IntType, true), []byte{0x09}},
		{"list unterminated", value.ListOf(value.IntType, true), []byte{markerValue, 0x80, 0, 0, 1}},
		{"map missing value", value.MapOf(value.IntType, value.IntType, true), []byte{markerValue, 0x80, 0, 0, 1}},
		{"tuple marker", value.TupleOf(value.IntType), []byte{0x04}},
		{"nil type", nil, []byte{1}},
		{"invalid type", &value.Type{}, []byte{1}},
	}
	for _, tt := range tests {
		got, _, err := DecodeValue(tt.src, tt.typ, false)
		if err == nil {
			t.Errorf("DecodeValue(%s, %x) = %v, want an error", tt.name, tt.src, got)
			continue
		}
		if !errors.Is(err, ErrMalformedKey) {
			t.Errorf("DecodeValue(%s, %x) error %v does not wrap ErrMalformedKey", tt.name, tt.src, err)
		}
	}
}

func TestBytesPrimitives(t *testing.T) {
	inputs := [][]byte{{}, {0}, {0, 0}, {0, 1}, {1}, {0xff}, {0xff, 0}, []byte("abc")}
	for _, a := range inputs {
		enc := AppendBytes([]byte("p"), a)
		got, rest, err := DecodeBytes(append(enc[1:], 'z'))
		if err != nil || !bytes.Equal(got, a) || string(rest) != "z" {
			t.Errorf("DecodeBytes(%x) = %x, %q, %v, want %x, \"z\", nil", enc[1:], got, rest, err, a)
		}
		if s := AppendString(nil, string(a)); !bytes.Equal(s, enc[1:]) {
			t.Errorf("AppendString(%q) = %x, want %x", a, s, enc[1:])
		}
		for _, b := range inputs {
			if got, want := bytes.Compare(AppendBytes(nil, a), AppendBytes(nil, b)), bytes.Compare(a, b); got != want {
				t.Errorf("bytes.Compare(AppendBytes(%x), AppendBytes(%x)) = %d, want %d", a, b, got, want)
			}
		}
	}
	tokens := []int64{math.MinInt64, -1, 0, 1, math.MaxInt64}
	for i, tok := range tokens {
		enc := AppendToken(nil, tok)
		if got, rest, err := DecodeToken(enc); err != nil || got != tok || len(rest) != 0 {
			t.Errorf("DecodeToken(%x) = %d, %x, %v, want %d", enc, got, rest, err, tok)
		}
		if i > 0 && bytes.Compare(AppendToken(nil, tokens[i-1]), enc) >= 0 {
			t.Errorf("AppendToken(%d) does not sort before AppendToken(%d)", tokens[i-1], tok)
		}
	}
	if got := AppendToken(nil, 0); !bytes.Equal(got, []byte{0x80, 0, 0, 0, 0, 0, 0, 0}) {
		t.Errorf("AppendToken(0) = %x, want 8000000000000000", got)
	}
	if _, _, err := DecodeToken([]byte{1, 2}); err == nil {
		t.Errorf("DecodeToken(0102) succeeded, want an error")
	}
	if u, rest, err := DecodeUint32(AppendUint32(nil, 7)); err != nil || u != 7 || len(rest) != 0 {
		t.Errorf("DecodeUint32(AppendUint32(7)) = %d, %x, %v", u, rest, err)
	}
	if _, _, err := DecodeUint32([]byte{1}); err == nil {
		t.Errorf("DecodeUint32(01) succeeded, want an error")
	}
}

func TestPrefixEnd(t *testing.T) {
	tests := []struct{ in, want []byte }{
		{[]byte{1, 2}, []byte{1, 3}},
		{[]byte{1, 0xff}, []byte{2}},
		{[]byte{0xff, 0xff}, nil},
		{nil, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, PrefixEnd(tt.in)); diff != "" {
			t.Errorf("PrefixEnd(%x) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestCutBytes(t *testing.T) {
	inputs := [][]byte{{}, {0}, {0, 0}, {1, 0, 2}, {1}, {0xff}, {0xff, 0}, []byte("abc")}
	for _, a := range inputs {
		src := append(AppendBytes(nil, a), 'z')
		got, rest, err := CutBytes(src)
		if err != nil || !bytes.Equal(got, a) || string(rest) != "z" {
			t.Errorf("CutBytes(%x) = %x, %q, %v, want %x, \"z\", nil", src, got, rest, err, a)
		}
		if bytes.IndexByte(a, 0) < 0 && len(got) > 0 && &got[0] != &src[0] {
			t.Errorf("CutBytes(%x) copied a string without escapes", src)
		}
		if got = append(got, 'x'); src[len(a)] == 'x' {
			t.Errorf("appending to CutBytes(%x) overwrote its source", src)
		}
	}
	for _, src := range [][]byte{nil, {1, 2}, {0}, {1, 0}, {0, 7}} {
		if got, rest, err := CutBytes(src); !errors.Is(err, ErrMalformedKey) {
			t.Errorf("CutBytes(%x) = %x, %x, %v, want ErrMalformedKey", src, got, rest, err)
		}
	}
}

func TestAppendPrefixEnd(t *testing.T) {
	for _, in := range [][]byte{{1, 2}, {1, 0xff}, {0xff, 0xff}, nil, {0, 0xff, 0xff}} {
		dst := []byte("head")
		got := AppendPrefixEnd(dst, in)
		want := PrefixEnd(in)
		if want != nil {
			want = append([]byte("head"), want...)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("AppendPrefixEnd(head, %x) mismatch (-want +got):\n%s", in, diff)
		}
	}
	buf := make([]byte, 0, 16)
	if n := testing.AllocsPerRun(100, func() { _ = AppendPrefixEnd(buf, []byte{1, 2, 3}) }); n != 0 {
		t.Errorf("AppendPrefixEnd with room allocates %v times, want 0", n)
	}
}

func TestAppendValueAllocations(t *testing.T) {
	g := newGenerator(4)
	buf := make([]byte, 0, 256)
	for _, typ := range nativeKeyTypes {
		v := g.value(typ)
		if typ.Kind == value.KindVarint || typ.Kind == value.KindDecimal {
			continue // may allocate beyond 64 bits
		}
		allocs := testing.AllocsPerRun(50, func() {
			buf = AppendValue(buf[:0], typ, v, true)
		})
		if allocs != 0 {
			t.Errorf("AppendValue(%s) allocated %v times per run, want 0", typ, allocs)
		}
	}
	small := []any{big.NewInt(-12345), apd.New(-12345, -2)}
	for i, typ := range []*value.Type{value.VarintType, value.DecimalType} {
		allocs := testing.AllocsPerRun(50, func() {
			buf = AppendValue(buf[:0], typ, small[i], false)
		})
		if allocs != 0 {
			t.Errorf("AppendValue(%s, %v) allocated %v times per run, want 0", typ, small[i], allocs)
		}
	}
}

func BenchmarkAppendValueInt(b *testing.B) {
	buf := make([]byte, 0, 64)
	v := any(int32(123456))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendValue(buf[:0], value.IntType, v, false)
	}
}

func BenchmarkAppendValueText(b *testing.B) {
	buf := make([]byte, 0, 64)
	v := any("東京都千代田区 customer-000123")
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendValue(buf[:0], value.TextType, v, true)
	}
}
