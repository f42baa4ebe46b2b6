package value

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"net/netip"
	"slices"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

// ErrMalformedBytes is wrapped by every error Unmarshal returns.
var ErrMalformedBytes = errors.New("malformedBytes value bytes")

// Java's canonical NaN bit patterns (Double.NaN, Float.NaN): Cassandra
// stores these for the CQL literal NaN.
const (
	marshalNaN64 = 0x7ff8000000000000
	marshalNaN32 = 0x7fc00000
)

// Marshal returns Cassandra's binary serialization of the non-nil value v of
// type t: the bytes Cassandra stores in a cell and hashes for a partition key.
// See AppendMarshal for the details.
func Marshal(t *Type, v any) []byte {
	return AppendMarshal(nil, t, v)
}

// AppendMarshal appends Cassandra's binary serialization of the value v of
// type t to dst and returns the extended slice. It does not allocate when dst
// has enough capacity (a varint or decimal wider than 64 bits aside).
//
// v must have the Go type documented in the package comment for t. A nil v, a
// value of another Go type, a nil *big.Int or *apd.Decimal, and a decimal
// that Cassandra cannot represent (NaN, infinities, an exponent of
// math.MinInt32) append nothing; use CheckGoValue to detect them. Inside a
// collection, tuple or user-defined type a nil element is written with the
// length -1 (null). A NaN double or float is written as Java's canonical NaN,
// an IPv4-mapped IPv6 address as its 4-byte IPv4 form (as Java's
// InetAddress does), and an address zone is dropped.
func AppendMarshal(dst []byte, t *Type, v any) []byte {
	if t == nil || v == nil {
		return dst
	}
	switch t.Kind {
	case KindAscii, KindText:
		if s, ok := v.(string); ok {
			return append(dst, s...)
		}
	case KindBlob:
		if b, ok := v.([]byte); ok {
			return append(dst, b...)
		}
	case KindBigint, KindCounter:
		if x, ok := v.(int64); ok {
			return binary.BigEndian.AppendUint64(dst, uint64(x))
		}
	case KindTimestamp:
		if x, ok := v.(Timestamp); ok {
			return binary.BigEndian.AppendUint64(dst, uint64(x))
		}
	case KindTime:
		if x, ok := v.(Time); ok {
			return binary.BigEndian.AppendUint64(dst, uint64(x))
		}
	case KindInt:
		if x, ok := v.(int32); ok {
			return binary.BigEndian.AppendUint32(dst, uint32(x))
		}
	case KindDate:
		if x, ok := v.(Date); ok {
			return binary.BigEndian.AppendUint32(dst, uint32(x))
		}
	case KindSmallint:
		if x, ok := v.(int16); ok {
			return binary.BigEndian.AppendUint16(dst, uint16(x))
		}
	case KindTinyint:
		if x, ok := v.(int8); ok {
			return append(dst, byte(x))
		}
	case KindBoolean:
		if x, ok := v.(bool); ok {
			if x {
				return append(dst, 1)
			}
			return append(dst, 0)
		}
	case KindDouble:
		if x, ok := v.(float64); ok {
			return binary.BigEndian.AppendUint64(dst, doubleMarshalBits(x))
		}
	case KindFloat:
		if x, ok := v.(float32); ok {
			return binary.BigEndian.AppendUint32(dst, floatMarshalBits(x))
		}
	case KindUUID, KindTimeuuid:
		if u, ok := v.(uuid.UUID); ok {
			return append(dst, u[:]...)
		}
	case KindInet:
		if a, ok := v.(netip.Addr); ok {
			var buf [16]byte
			return append(dst, inetMarshalBytes(a, &buf)...)
		}
	case KindVarint:
		if x, ok := v.(*big.Int); ok && x != nil {
			return marshalVarint(dst, x)
		}
	case KindDecimal:
		if d, ok := v.(*apd.Decimal); ok && d != nil {
			return marshalDecimal(dst, d)
		}
	case KindDuration:
		if d, ok := v.(Duration); ok {
			return marshalDuration(dst, d)
		}
	case KindList, KindSet:
		if elems, ok := v.([]any); ok && len(t.Elems) > 0 {
			dst = binary.BigEndian.AppendUint32(dst, uint32(len(elems)))
			for _, e := range elems {
				dst = marshalSized(dst, t.Elems[0], e)
			}
			return dst
		}
	case KindMap:
		if entries, ok := v.([]MapEntry); ok && len(t.Elems) > 1 {
			dst = binary.BigEndian.AppendUint32(dst, uint32(len(entries)))
			for _, e := range entries {
				dst = marshalSized(dst, t.Elems[0], e.Key)
				dst = marshalSized(dst, t.Elems[1], e.Value)
			}
			return dst
		}
	case KindTuple, KindUDT:
		if fields, ok := v.([]any); ok {
			for i, f := range fields {
				if i >= len(t.Elems) {
					break
				}
				dst = marshalSized(dst, t.Elems[i], f)
			}
			return dst
		}
	}
	return dst
}

// marshalSized appends v as a 4-byte big-endian length followed by its bytes,
// or the length -1 for nil.
func marshalSized(dst []byte, t *Type, v any) []byte {
	if v == nil {
		return binary.BigEndian.AppendUint32(dst, math.MaxUint32)
	}
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0)
	dst = AppendMarshal(dst, t, v)
	binary.BigEndian.PutUint32(dst[at:], uint32(len(dst)-at-4))
	return dst
}

// doubleMarshalBits returns the IEEE-754 bits Java writes for x: NaN becomes
// Java's canonical NaN.
func doubleMarshalBits(x float64) uint64 {
	if x != x {
		return marshalNaN64
	}
	return math.Float64bits(x)
}

// floatMarshalBits is doubleMarshalBits for float.
func floatMarshalBits(x float32) uint32 {
	if x != x {
		return marshalNaN32
	}
	return math.Float32bits(x)
}

// inetMarshalBytes returns the 4 or 16 address bytes of a, using buf as
// storage. An IPv4-mapped IPv6 address yields its IPv4 bytes; an invalid
// address none.
func inetMarshalBytes(a netip.Addr, buf *[16]byte) []byte {
	switch {
	case a.Is4() || a.Is4In6():
		b4 := a.Unmap().As4()
		copy(buf[:], b4[:])
		return buf[:4]
	case a.Is6():
		*buf = a.As16()
		return buf[:]
	}
	return nil
}

// marshalVarint appends the minimal big-endian two's complement form of x,
// as Java's BigInteger.toByteArray writes it (zero is one 0x00 byte).
func marshalVarint(dst []byte, x *big.Int) []byte {
	if x.IsInt64() {
		return marshalVarint64(dst, x.Int64())
	}
	bitLen := x.BitLen()
	n := (bitLen + 7) / 8
	extra := 0
	if bitLen == 8*n {
		// The magnitude uses the top bit: a positive number needs a 0x00
		// sign byte, a negative one a 0xff byte unless it is exactly -2^(8n-1).
		if x.Sign() > 0 || x.TrailingZeroBits() != uint(bitLen-1) {
			extra = 1
		}
	}
	at := len(dst)
	dst = slices.Grow(dst, n+extra)[:at+n+extra]
	x.FillBytes(dst[at+extra:])
	if x.Sign() < 0 {
		negateTwosComplement(dst[at+extra:])
		if extra == 1 {
			dst[at] = 0xff
		}
	}
	return dst
}

// marshalVarint64 appends the minimal two's complement form of x.
func marshalVarint64(dst []byte, x int64) []byte {
	n := 8
	for n > 1 {
		// Drop a leading byte while the next one carries the same sign.
		top := x >> (8*(n-1) - 1)
		if top != 0 && top != -1 {
			break
		}
		n--
	}
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, byte(x>>(8*i)))
	}
	return dst
}

// negateTwosComplement replaces the big-endian number in b by its two's
// complement.
func negateTwosComplement(b []byte) {
	carry := true
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = ^b[i]
		if carry {
			b[i]++
			carry = b[i] == 0
		}
	}
}

// marshalDecimal appends a decimal as Cassandra's DecimalSerializer does: the
// scale (minus the exponent) as 4 bytes, then the unscaled value as a varint.
func marshalDecimal(dst []byte, d *apd.Decimal) []byte {
	if d.Form != apd.Finite || d.Exponent == math.MinInt32 {
		return dst
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(-d.Exponent))
	if d.Coeff.IsUint64() && d.Coeff.Sign() >= 0 {
		c := d.Coeff.Uint64()
		if c <= math.MaxInt64 {
			x := int64(c)
			if d.Negative {
				x = -x
			}
			return marshalVarint64(dst, x)
		}
	}
	c := d.Coeff.MathBigInt()
	c.Abs(c)
	if d.Negative {
		c.Neg(c)
	}
	return marshalVarint(dst, c)
}

// marshalDuration appends a duration as Cassandra's DurationSerializer does:
// months, days and nanoseconds as signed (zig-zag) vints.
func marshalDuration(dst []byte, d Duration) []byte {
	dst = marshalVInt(dst, int64(d.Months))
	dst = marshalVInt(dst, int64(d.Days))
	return marshalVInt(dst, d.Nanos)
}

// marshalVInt appends x in Cassandra's VIntCoding signed form: zig-zag, then
// an unsigned vint whose first byte's leading ones count the extra bytes.
func marshalVInt(dst []byte, x int64) []byte {
	u := uint64(x<<1) ^ uint64(x>>63)
	size := 9 - (bits.LeadingZeros64(u|1)-1)/7
	if size == 1 {
		return append(dst, byte(u))
	}
	extra := size - 1
	at := len(dst)
	for i := extra; i >= 0; i-- {
		dst = append(dst, 0)
	}
	for i := extra; i >= 0; i-- {
		dst[at+i] = byte(u)
		u >>= 8
	}
	dst[at] |= ^byte(0xff >> extra)
	return dst
}

// CheckGoValue reports whether v has the Go type documented for t in the
// package comment, recursively for collection elements, tuple components and
// UDT fields (which may be nil). Values that pass can be marshalled and
// encoded faithfully; a nil v is reported as an error.
func CheckGoValue(t *Type, v any) error {
	if t == nil {
		return errors.New("nil type")
	}
	if v == nil {
		return fmt.Errorf("null %s value", t)
	}
	ok := true
	switch t.Kind {
	case KindAscii, KindText:
		_, ok = v.(string)
	case KindBlob:
		_, ok = v.([]byte)
	case KindBigint, KindCounter:
		_, ok = v.(int64)
	case KindTimestamp:
		_, ok = v.(Timestamp)
	case KindTime:
		_, ok = v.(Time)
	case KindInt:
		_, ok = v.(int32)
	case KindDate:
		_, ok = v.(Date)
	case KindSmallint:
		_, ok = v.(int16)
	case KindTinyint:
		_, ok = v.(int8)
	case KindBoolean:
		_, ok = v.(bool)
	case KindDouble:
		_, ok = v.(float64)
	case KindFloat:
		_, ok = v.(float32)
	case KindUUID, KindTimeuuid:
		_, ok = v.(uuid.UUID)
	case KindInet:
		var a netip.Addr
		a, ok = v.(netip.Addr)
		ok = ok && a.IsValid()
	case KindVarint:
		var x *big.Int
		x, ok = v.(*big.Int)
		ok = ok && x != nil
	case KindDecimal:
		var d *apd.Decimal
		d, ok = v.(*apd.Decimal)
		if ok && (d == nil || d.Form != apd.Finite || d.Exponent == math.MinInt32) {
			return fmt.Errorf("decimal %v cannot be stored", d)
		}
	case KindDuration:
		_, ok = v.(Duration)
	case KindList, KindSet:
		return checkGoElems(t, v)
	case KindMap:
		return checkGoEntries(t, v)
	case KindTuple, KindUDT:
		return checkGoFields(t, v)
	default:
		return fmt.Errorf("invalid type %s", t)
	}
	if !ok {
		return fmt.Errorf("%T is not a %s value", v, t)
	}
	return nil
}

func checkGoElems(t *Type, v any) error {
	elems, ok := v.([]any)
	if !ok || len(t.Elems) < 1 {
		return fmt.Errorf("%T is not a %s value", v, t)
	}
	for _, e := range elems {
		if err := CheckGoValue(t.Elems[0], e); err != nil {
			return err
		}
	}
	return nil
}

func checkGoEntries(t *Type, v any) error {
	entries, ok := v.([]MapEntry)
	if !ok || len(t.Elems) < 2 {
		return fmt.Errorf("%T is not a %s value", v, t)
	}
	for _, e := range entries {
		if err := CheckGoValue(t.Elems[0], e.Key); err != nil {
			return err
		}
		if err := CheckGoValue(t.Elems[1], e.Value); err != nil {
			return err
		}
	}
	return nil
}

func checkGoFields(t *Type, v any) error {
	fields, ok := v.([]any)
	if !ok || len(fields) > len(t.Elems) {
		return fmt.Errorf("%T is not a %s value", v, t)
	}
	for i, f := range fields {
		if f == nil {
			continue
		}
		if err := CheckGoValue(t.Elems[i], f); err != nil {
			return err
		}
	}
	return nil
}

// malformedBytes returns an error wrapping ErrMalformedBytes.
func malformedBytes(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrMalformedBytes}, args...)...)
}

// malformedSize reports a fixed-size value of the wrong length.
func malformedSize(t *Type, want, got int) error {
	return malformedBytes("%s needs %d bytes, got %d", t.Kind, want, got)
}
