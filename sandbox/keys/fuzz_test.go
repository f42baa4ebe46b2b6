package keys

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/big"
	"net/netip"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
	"github.com/learnkv/learnkv/sandbox/value"
)

// fuzzTypes are the types the fuzz targets map their inputs to.
var fuzzTypes = []*value.Type{
	value.IntType, value.BigintType, value.TextType, value.BlobType, value.DoubleType, value.FloatType,
	value.VarintType, value.DecimalType, value.UUIDType, value.TimeuuidType, value.InetType, value.DurationType,
	value.TupleOf(value.IntType, value.TextType),
	value.ListOf(value.TextType, true),
	value.MapOf(value.SmallintType, value.BooleanType, true),
	value.TupleOf(value.ListOf(value.DecimalType, true), value.TupleOf(value.TinyintType, value.BlobType)),
}

// fuzzValue maps arbitrary bytes to a value of type t (always the same value
// for the same bytes).
func fuzzValue(t *value.Type, b []byte) any {
	padded := func(n int) []byte {
		out := make([]byte, n)
		copy(out, b)
		return out
	}
	switch t.Kind {
	case value.KindInt:
		return int32(binary.BigEndian.Uint32(padded(4)))
	case value.KindBigint:
		return int64(binary.BigEndian.Uint64(padded(8)))
	case value.KindSmallint:
		return int16(binary.BigEndian.Uint16(padded(2)))
	case value.KindTinyint:
		return int8(padded(1)[0])
	case value.KindBoolean:
		return padded(1)[0]&1 == 1
	case value.KindText:
		return string(b)
	case value.KindBlob:
		return bytes.Clone(b)
	case value.KindDouble:
		return math.Float64frombits(binary.BigEndian.Uint64(padded(8)))
	case value.KindFloat:
		return math.Float32frombits(binary.BigEndian.Uint32(padded(4)))
	case value.KindVarint:
		x := new(big.Int).SetBytes(b)
		if len(b) > 0 && b[0]&1 == 1 {
			x.Neg(x)
		}
		return x
	case value.KindDecimal:
		p := padded(2)
		d := &apd.Decimal{Negative: p[0]&1 == 1, Exponent: int32(int8(p[1]))}
		if p[0]&6 == 6 {
			return &apd.Decimal{Form: apd.Infinite, Negative: d.Negative}
		}
		d.Coeff.SetMathBigInt(new(big.Int).SetBytes(b[min(len(b), 2):]))
		return d
	case value.KindUUID, value.KindTimeuuid:
		u := uuid.UUID(padded(16))
		if t.Kind == value.KindTimeuuid {
			u[6] = u[6]&0x0f | 0x10
		}
		return u
	case value.KindInet:
		if len(b) < 16 {
			return netip.AddrFrom4([4]byte(padded(4)))
		}
		return netip.AddrFrom16([16]byte(b[:16])).Unmap()
	case value.KindDuration:
		p := padded(6)
		d := value.Duration{Months: int32(p[0]), Days: int32(binary.BigEndian.Uint16(p[1:])), Nanos: int64(binary.BigEndian.Uint32(p[2:]) >> 1)}
		if p[5]&1 == 1 {
			d = value.Duration{Months: -d.Months, Days: -d.Days, Nanos: -d.Nanos}
		}
		return d
	case value.KindList, value.KindSet:
		parts := bytes.Split(b, []byte{','})
		elems := make([]any, len(parts))
		for i, p := range parts {
			elems[i] = fuzzValue(t.Elems[0], p)
		}
		if t.Kind == value.KindSet {
			return value.SortSet(t, elems)
		}
		return elems
	case value.KindMap:
		parts := bytes.Split(b, []byte{','})
		entries := make([]value.MapEntry, len(parts)/2)
		for i := range entries {
			entries[i] = value.MapEntry{Key: fuzzValue(t.Elems[0], parts[2*i]), Value: fuzzValue(t.Elems[1], parts[2*i+1])}
		}
		return value.SortMap(t, entries)
	case value.KindTuple, value.KindUDT:
		parts := bytes.SplitN(b, []byte{';'}, len(t.Elems))
		fields := make([]any, len(t.Elems))
		for i, p := range parts {
			if len(p) > 0 && p[0] == '~' {
				continue // null
			}
			fields[i] = fuzzValue(t.Elems[i], p)
		}
		return fields
	}
	return nil
}

// FuzzEncodeOrder maps two fuzzed inputs to values of one type and checks
// that the encodings sort like the values (reversed when descending), that
// neither is a prefix of the other, and that both decode back.
func FuzzEncodeOrder(f *testing.F) {
	f.Add(uint8(0), []byte{0, 0, 0, 1}, []byte{0xff, 0, 0, 1}, false)
	f.Add(uint8(2), []byte("a\x00b"), []byte("a"), true)
	f.Add(uint8(4), []byte{0x80, 0, 0, 0, 0, 0, 0, 0}, []byte{0, 0, 0, 0, 0, 0, 0, 0}, false)
	f.Add(uint8(6), []byte{1, 0, 0}, []byte{0xff}, true)
	f.Add(uint8(7), []byte{1, 0xfe, 10}, []byte{0, 0xff, 1}, false)
	f.Add(uint8(8), bytes.Repeat([]byte{0x11}, 16), bytes.Repeat([]byte{0x81}, 16), false)
	f.Add(uint8(12), []byte("\x00\x00\x00\x01;x"), []byte("~;y"), true)
	f.Add(uint8(13), []byte("a,b"), []byte("a,b,"), false)
	f.Add(uint8(15), []byte("\x01\x05,\x02;\x03;zz"), []byte("\x01\x50;~"), true)
	f.Fuzz(func(t *testing.T, which uint8, a, b []byte, desc bool) {
		typ := fuzzTypes[int(which)%len(fuzzTypes)]
		va, vb := fuzzValue(typ, a), fuzzValue(typ, b)
		checkPair(t, typ, va, vb)
		// Two columns: the fuzzed type, then an int, in mixed directions.
		ka := AppendValue(AppendValue(nil, typ, va, desc), value.IntType, int32(1), !desc)
		kb := AppendValue(AppendValue(nil, typ, vb, desc), value.IntType, int32(2), !desc)
		want := value.Compare(typ, va, vb)
		if desc {
			want = -want
		}
		if want == 0 {
			want = 1 // the int column, descending when the first is ascending
			if desc {
				want = -1
			}
		}
		if got := sign(bytes.Compare(ka, kb)); got != want {
			t.Fatalf("bytes.Compare(%x, %x) = %d, want %d", ka, kb, got, want)
		}
	})
}

// FuzzDecode checks that DecodeValue never panics and that whatever it
// accepts is a canonical encoding: encoding the value again gives exactly
// the bytes it consumed.
func FuzzDecode(f *testing.F) {
	g := newGenerator(5)
	for i, typ := range fuzzTypes {
		for range 4 {
			f.Add(uint8(i), false, AppendValue(nil, typ, g.value(typ), false))
			f.Add(uint8(i), true, AppendValue(nil, typ, g.value(typ), true))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, desc bool, src []byte) {
		typ := fuzzTypes[int(which)%len(fuzzTypes)]
		v, rest, err := DecodeValue(src, typ, desc)
		if err != nil {
			if !errors.Is(err, ErrMalformedKey) {
				t.Fatalf("DecodeValue(%x, %s) error %v does not wrap ErrMalformedKey", src, typ, err)
			}
			return
		}
		consumed := src[:len(src)-len(rest)]
		if again := AppendValue(nil, typ, v, desc); !bytes.Equal(again, consumed) {
			t.Fatalf("AppendValue(DecodeValue(%x, %s, %t) = %#v) = %x, want %x", src, typ, desc, v, again, consumed)
		}
	})
}

// FuzzCutBytes checks that CutBytes agrees with DecodeBytes on any input.
func FuzzCutBytes(f *testing.F) {
	for _, s := range [][]byte{{}, {0, 1}, {'a', 0, 1, 'z'}, {0, 0xff, 0, 1}, {0, 2}, {'a', 0}} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, gotRest, gotErr := CutBytes(src)
		want, wantRest, wantErr := DecodeBytes(src)
		if (gotErr == nil) != (wantErr == nil) || !bytes.Equal(got, want) || !bytes.Equal(gotRest, wantRest) {
			t.Fatalf("CutBytes(%x) = %x, %x, %v, want %x, %x, %v", src, got, gotRest, gotErr, want, wantRest, wantErr)
		}
	})
}
