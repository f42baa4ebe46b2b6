package keys

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"net/netip"
	"slices"
	"strconv"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Markers inside the encoding of a list, set, map, tuple or UDT: every
// element or component starts with markerNull or markerValue, and a list,
// set or map ends with markerEnd, which sorts before both so that a shorter
// collection sorts first.
const (
	markerEnd   = 0x01
	markerNull  = 0x02
	markerValue = 0x03
)

// Varint markers: the sign of the number.
const (
	varintNegative = 0x7f
	varintZero     = 0x80
	varintPositive = 0x81
)

// Decimal markers, in order.
const (
	decimalNegInf   = 0x10
	decimalNegative = 0x11
	decimalZero     = 0x12
	decimalPositive = 0x13
	decimalPosInf   = 0x14
	decimalNaN      = 0x15
)

// AppendValue appends the order-preserving, self-delimiting encoding of the
// non-nil value v of type t to dst. For two values a and b of type t,
// bytes.Compare of their ascending (desc false) encodings is the sign of
// value.Compare(t, a, b); the descending encoding is the ones' complement of
// the ascending one, so its order is reversed. No encoding is a prefix of
// another. DecodeValue is the inverse.
//
// Every type has an encoding, including counter and duration (which
// Cassandra refuses in keys; a duration is ordered by its serialized bytes).
// Nulls inside tuples, UDTs and collections sort before any value. v must be
// non-nil and have the Go type value documents for t (see
// value.CheckGoValue); otherwise AppendValue appends nothing.
//
// Encodings are canonical: values that value.Compare finds equal have equal
// encodings. Decimals equal in value but not in scale (1.0 and 1.00) thus
// encode alike, as Cassandra treats them as one clustering (the scale is not
// kept: see DecodeValue); so do all NaNs, an IPv4 address and its
// IPv4-mapped IPv6 form, and a tuple with and without trailing nulls.
//
// AppendValue does not allocate when dst has enough capacity, except for
// decimals and varints beyond 64 bits.
func AppendValue(dst []byte, t *value.Type, v any, desc bool) []byte {
	start := len(dst)
	dst = appendAscending(dst, t, v)
	if desc {
		complement(dst[start:])
	}
	return dst
}

// escapeTail rewrites dst[start:] in place into its AppendBytes form.
func escapeTail(dst []byte, start int) []byte {
	zeros := bytes.Count(dst[start:], []byte{0})
	end := len(dst)
	dst = slices.Grow(dst, zeros+2)[:end+zeros+2]
	w := len(dst)
	w -= 2
	dst[w], dst[w+1] = escapeByte, terminatorByte
	for r := end - 1; r >= start; r-- {
		if dst[r] == 0 {
			w -= 2
			dst[w], dst[w+1] = escapeByte, escapedZero
			continue
		}
		w--
		dst[w] = dst[r]
	}
	return dst
}

func complement(b []byte) {
	for i := range b {
		b[i] = ^b[i]
	}
}

func appendAscending(dst []byte, t *value.Type, v any) []byte {
	if t == nil || v == nil {
		return dst
	}
	switch t.Kind {
	case value.KindAscii, value.KindText:
		if s, ok := v.(string); ok {
			return AppendString(dst, s)
		}
	case value.KindBlob:
		if b, ok := v.([]byte); ok {
			return AppendBytes(dst, b)
		}
	case value.KindBigint, value.KindCounter:
		if x, ok := v.(int64); ok {
			return AppendInt64(dst, x)
		}
	case value.KindTimestamp:
		if x, ok := v.(value.Timestamp); ok {
			return AppendInt64(dst, int64(x))
		}
	case value.KindTime:
		if x, ok := v.(value.Time); ok {
			return AppendInt64(dst, int64(x))
		}
	case value.KindInt:
		if x, ok := v.(int32); ok {
			return binary.BigEndian.AppendUint32(dst, uint32(x)^(1<<31))
		}
	case value.KindDate:
		if x, ok := v.(value.Date); ok {
			return binary.BigEndian.AppendUint32(dst, uint32(x))
		}
	case value.KindSmallint:
		if x, ok := v.(int16); ok {
			return binary.BigEndian.AppendUint16(dst, uint16(x)^(1<<15))
		}
	case value.KindTinyint:
		if x, ok := v.(int8); ok {
			return append(dst, uint8(x)^(1<<7))
		}
	case value.KindBoolean:
		if x, ok := v.(bool); ok {
			if x {
				return append(dst, 1)
			}
			return append(dst, 0)
		}
	case value.KindDouble:
		if x, ok := v.(float64); ok {
			return binary.BigEndian.AppendUint64(dst, float64Key(x))
		}
	case value.KindFloat:
		if x, ok := v.(float32); ok {
			return binary.BigEndian.AppendUint32(dst, float32Key(x))
		}
	case value.KindUUID, value.KindTimeuuid:
		if u, ok := v.(uuid.UUID); ok {
			hi, lo := value.UUIDSortKey(t, u)
			dst = binary.BigEndian.AppendUint64(dst, hi)
			return binary.BigEndian.AppendUint64(dst, lo)
		}
	case value.KindInet, value.KindDuration:
		// Both order by their serialized bytes (at most 27 of them).
		_, isAddr := v.(netip.Addr)
		_, isDuration := v.(value.Duration)
		if isAddr || isDuration {
			start := len(dst)
			return escapeTail(value.AppendMarshal(dst, t, v), start)
		}
	case value.KindVarint:
		if x, ok := v.(*big.Int); ok && x != nil {
			return appendVarintKey(dst, x)
		}
	case value.KindDecimal:
		if d, ok := v.(*apd.Decimal); ok && d != nil {
			return appendDecimalKey(dst, d)
		}
	case value.KindList, value.KindSet:
		if elems, ok := v.([]any); ok && len(t.Elems) > 0 {
			for _, e := range elems {
				dst = appendOptional(dst, t.Elems[0], e)
			}
			return append(dst, markerEnd)
		}
	case value.KindMap:
		if entries, ok := v.([]value.MapEntry); ok && len(t.Elems) > 1 {
			for _, e := range entries {
				dst = appendOptional(dst, t.Elems[0], e.Key)
				dst = appendOptional(dst, t.Elems[1], e.Value)
			}
			return append(dst, markerEnd)
		}
	case value.KindTuple, value.KindUDT:
		if fields, ok := v.([]any); ok {
			for i, et := range t.Elems {
				var f any
				if i < len(fields) {
					f = fields[i]
				}
				dst = appendOptional(dst, et, f)
			}
			return dst
		}
	}
	return dst
}

// appendOptional appends markerNull for nil, or markerValue and the
// ascending encoding of v.
func appendOptional(dst []byte, t *value.Type, v any) []byte {
	if v == nil {
		return append(dst, markerNull)
	}
	return appendAscending(append(dst, markerValue), t, v)
}

// float64Key maps x to a number whose unsigned order is Java's
// Double.compare order: negative numbers have all bits flipped, others only
// the sign bit; every NaN is Java's canonical NaN, above +Infinity.
func float64Key(x float64) uint64 {
	b := math.Float64bits(x)
	if x != x {
		b = 0x7ff8000000000000
	}
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

// float32Key is float64Key for Java's Float.compare.
func float32Key(x float32) uint32 {
	b := math.Float32bits(x)
	if x != x {
		b = 0x7fc00000
	}
	if b>>31 == 1 {
		return ^b
	}
	return b | 1<<31
}

// appendLength appends n (> 0) as a byte count k (1 to 8) and k big-endian
// bytes, so that larger lengths sort later.
func appendLength(dst []byte, n uint64) []byte {
	k := (bits.Len64(n) + 7) / 8
	dst = append(dst, byte(k))
	for i := k - 1; i >= 0; i-- {
		dst = append(dst, byte(n>>(8*i)))
	}
	return dst
}

// appendVarintKey encodes x as its sign marker, then for a non-zero x the
// length of its magnitude and the big-endian magnitude, both complemented
// when x is negative (a larger magnitude is then smaller).
func appendVarintKey(dst []byte, x *big.Int) []byte {
	sign := x.Sign()
	if sign == 0 {
		return append(dst, varintZero)
	}
	if sign > 0 {
		dst = append(dst, varintPositive)
	} else {
		dst = append(dst, varintNegative)
	}
	at := len(dst)
	n := (x.BitLen() + 7) / 8
	dst = appendLength(dst, uint64(n))
	mag := len(dst)
	dst = slices.Grow(dst, n)[:mag+n]
	x.FillBytes(dst[mag:])
	if sign < 0 {
		complement(dst[at:])
	}
	return dst
}

// appendDecimalKey encodes a decimal as its marker, then for a non-zero
// finite value 0.D x 10^E (D its digits without trailing zeros): E as a
// sign-flipped 8-byte number, D two digits per byte (1 to 100, an odd count
// padded with a 0 digit) and a 0x00 terminator, all complemented for a
// negative value. The scale is not encoded.
func appendDecimalKey(dst []byte, d *apd.Decimal) []byte {
	switch d.Form {
	case apd.Finite:
	case apd.Infinite:
		if d.Negative {
			return append(dst, decimalNegInf)
		}
		return append(dst, decimalPosInf)
	default:
		return append(dst, decimalNaN)
	}
	if d.Coeff.Sign() == 0 {
		return append(dst, decimalZero)
	}
	if d.Negative {
		dst = append(dst, decimalNegative)
	} else {
		dst = append(dst, decimalPositive)
	}
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0, 0, 0, 0, 0)
	digitsAt := len(dst)
	dst = appendCoefficientDigits(dst, &d.Coeff)
	n := len(dst) - digitsAt
	m := n
	for m > 0 && dst[digitsAt+m-1] == '0' {
		m--
	}
	w := digitsAt
	for i := 0; i < m; i += 2 {
		pair := (dst[digitsAt+i] - '0') * 10
		if i+1 < m {
			pair += dst[digitsAt+i+1] - '0'
		}
		dst[w] = pair + 1
		w++
	}
	dst = append(dst[:w], 0)
	binary.BigEndian.PutUint64(dst[at:], uint64(int64(d.Exponent)+int64(n))^(1<<63))
	if d.Negative {
		complement(dst[at:])
	}
	return dst
}

// appendCoefficientDigits appends the decimal digits of |c|.
func appendCoefficientDigits(dst []byte, c *apd.BigInt) []byte {
	if c.IsUint64() {
		return strconv.AppendUint(dst, c.Uint64(), 10)
	}
	at := len(dst)
	dst = c.Append(dst, 10)
	if len(dst) > at && dst[at] == '-' {
		dst = append(dst[:at], dst[at+1:]...)
	}
	return dst
}
