package value

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"net/netip"
	"unicode/utf8"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

// Unmarshal decodes b, Cassandra's binary serialization of a value of type
// t, into the Go type documented in the package comment. It is the inverse
// of Marshal. Set elements and map entries are returned in stored order. A
// tuple or UDT value always has one element per component of t; components
// missing at the end of b are nil.
//
// Unmarshal validates like Cassandra's serializers (UTF-8 text, 7-bit ascii,
// version 1 timeuuids, durations whose parts share one sign, no null inside
// a collection, no trailing bytes). Malformed input gives an error wrapping
// ErrMalformedBytes; Unmarshal never panics.
func Unmarshal(t *Type, b []byte) (any, error) {
	if t == nil {
		return nil, malformedBytes("nil type")
	}
	switch t.Kind {
	case KindAscii:
		for _, c := range b {
			if c >= 0x80 {
				return nil, malformedBytes("invalid byte for ascii: %d", c)
			}
		}
		return string(b), nil
	case KindText:
		if !utf8.Valid(b) {
			return nil, malformedBytes("text is not valid UTF-8")
		}
		return string(b), nil
	case KindBlob:
		return append([]byte{}, b...), nil
	case KindBigint, KindCounter, KindTimestamp, KindTime:
		if len(b) != 8 {
			return nil, malformedSize(t, 8, len(b))
		}
		x := int64(binary.BigEndian.Uint64(b))
		switch t.Kind {
		case KindTimestamp:
			return Timestamp(x), nil
		case KindTime:
			return Time(x), nil
		}
		return x, nil
	case KindInt, KindDate:
		if len(b) != 4 {
			return nil, malformedSize(t, 4, len(b))
		}
		x := binary.BigEndian.Uint32(b)
		if t.Kind == KindDate {
			return Date(x), nil
		}
		return int32(x), nil
	case KindSmallint:
		if len(b) != 2 {
			return nil, malformedSize(t, 2, len(b))
		}
		return int16(binary.BigEndian.Uint16(b)), nil
	case KindTinyint:
		if len(b) != 1 {
			return nil, malformedSize(t, 1, len(b))
		}
		return int8(b[0]), nil
	case KindBoolean:
		if len(b) != 1 {
			return nil, malformedSize(t, 1, len(b))
		}
		return b[0] != 0, nil
	case KindDouble:
		if len(b) != 8 {
			return nil, malformedSize(t, 8, len(b))
		}
		return math.Float64frombits(binary.BigEndian.Uint64(b)), nil
	case KindFloat:
		if len(b) != 4 {
			return nil, malformedSize(t, 4, len(b))
		}
		return math.Float32frombits(binary.BigEndian.Uint32(b)), nil
	case KindUUID, KindTimeuuid:
		if len(b) != 16 {
			return nil, malformedSize(t, 16, len(b))
		}
		u := uuid.UUID(b)
		if t.Kind == KindTimeuuid && u[6]>>4 != 1 {
			return nil, malformedBytes("invalid UUID version %d for timeuuid", u[6]>>4)
		}
		return u, nil
	case KindInet:
		switch len(b) {
		case 4:
			return netip.AddrFrom4([4]byte(b)), nil
		case 16:
			return netip.AddrFrom16([16]byte(b)).Unmap(), nil
		}
		return nil, malformedBytes("inet needs 4 or 16 bytes, got %d", len(b))
	case KindVarint:
		if len(b) == 0 {
			return nil, malformedBytes("varint needs at least 1 byte")
		}
		return unmarshalVarint(b), nil
	case KindDecimal:
		return unmarshalDecimal(b)
	case KindDuration:
		return unmarshalDuration(b)
	case KindList, KindSet:
		return unmarshalElems(t, b)
	case KindMap:
		return unmarshalEntries(t, b)
	case KindTuple, KindUDT:
		return unmarshalFields(t, b)
	}
	return nil, malformedBytes("cannot unmarshal type %s", t)
}

// unmarshalVarint decodes a non-empty big-endian two's complement number.
func unmarshalVarint(b []byte) *big.Int {
	if len(b) <= 8 {
		return big.NewInt(unmarshalVarint64(b))
	}
	x := new(big.Int).SetBytes(b)
	if b[0]&0x80 != 0 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return x
}

// unmarshalVarint64 decodes a big-endian two's complement number of 1 to 8
// bytes.
func unmarshalVarint64(b []byte) int64 {
	var x int64
	if b[0]&0x80 != 0 {
		x = -1
	}
	for _, c := range b {
		x = x<<8 | int64(c)
	}
	return x
}

func unmarshalDecimal(b []byte) (*apd.Decimal, error) {
	if len(b) < 5 {
		return nil, malformedBytes("decimal needs at least 5 bytes, got %d", len(b))
	}
	scale := int32(binary.BigEndian.Uint32(b))
	if scale == math.MinInt32 {
		return nil, malformedBytes("decimal scale %d is out of range", scale)
	}
	d := &apd.Decimal{Exponent: -scale}
	unscaled := b[4:]
	if len(unscaled) <= 8 {
		x := unmarshalVarint64(unscaled)
		mag := uint64(x)
		if x < 0 {
			d.Negative = true
			mag = -mag
		}
		d.Coeff.SetUint64(mag)
		return d, nil
	}
	x := unmarshalVarint(unscaled)
	if x.Sign() < 0 {
		d.Negative = true
		x.Neg(x)
	}
	d.Coeff.SetMathBigInt(x)
	return d, nil
}

func unmarshalDuration(b []byte) (Duration, error) {
	var parts [3]int64
	rest := b
	for i := range parts {
		u, n, err := unmarshalVInt(rest)
		if err != nil {
			return Duration{}, err
		}
		parts[i] = int64(u>>1) ^ -int64(u&1)
		rest = rest[n:]
	}
	if len(rest) != 0 {
		return Duration{}, malformedBytes("%d bytes after the end of a duration", len(rest))
	}
	months, days, nanos := parts[0], parts[1], parts[2]
	if months != int64(int32(months)) {
		return Duration{}, malformedBytes("the duration months must be a 32 bits integer but was: %d", months)
	}
	if days != int64(int32(days)) {
		return Duration{}, malformedBytes("the duration days must be a 32 bits integer but was: %d", days)
	}
	if !(months >= 0 && days >= 0 && nanos >= 0) && !(months <= 0 && days <= 0 && nanos <= 0) {
		return Duration{}, malformedBytes("the duration months, days and nanoseconds must be all of the same sign (%d, %d, %d)",
			months, days, nanos)
	}
	return Duration{Months: int32(months), Days: int32(days), Nanos: nanos}, nil
}

// unmarshalVInt reads one of Cassandra's unsigned vints from the start of
// b and returns it with the number of bytes it took.
func unmarshalVInt(b []byte) (uint64, int, error) {
	if len(b) == 0 {
		return 0, 0, malformedBytes("truncated duration")
	}
	first := b[0]
	extra := bits.LeadingZeros8(^first)
	if len(b) < 1+extra {
		return 0, 0, malformedBytes("truncated duration")
	}
	u := uint64(first & (0xff >> extra))
	for _, c := range b[1 : 1+extra] {
		u = u<<8 | uint64(c)
	}
	return u, 1 + extra, nil
}

// unmarshalSized reads a 4-byte length and that many bytes from b. A negative
// length is a null: isNull is set and no bytes follow.
func unmarshalSized(b []byte) (value, rest []byte, isNull bool, err error) {
	if len(b) < 4 {
		return nil, nil, false, malformedBytes("truncated length: %d bytes left", len(b))
	}
	n := int32(binary.BigEndian.Uint32(b))
	if n < 0 {
		return nil, b[4:], true, nil
	}
	if int64(n) > int64(len(b)-4) {
		return nil, nil, false, malformedBytes("length %d exceeds the %d bytes left", n, len(b)-4)
	}
	return b[4 : 4+n], b[4+n:], false, nil
}

// unmarshalCount reads the element count of a collection.
func unmarshalCount(b []byte) (int, []byte, error) {
	if len(b) < 4 {
		return 0, nil, malformedBytes("collection needs a 4-byte element count, got %d bytes", len(b))
	}
	n := int32(binary.BigEndian.Uint32(b))
	if n < 0 {
		return 0, nil, malformedBytes("negative collection size %d", n)
	}
	return int(n), b[4:], nil
}

// unmarshalElem reads one non-null collection element of type t.
func unmarshalElem(t *Type, b []byte) (any, []byte, error) {
	raw, rest, isNull, err := unmarshalSized(b)
	if err != nil {
		return nil, nil, err
	}
	if isNull {
		return nil, nil, malformedBytes("null is not supported inside collections")
	}
	v, err := Unmarshal(t, raw)
	return v, rest, err
}

func unmarshalElems(t *Type, b []byte) ([]any, error) {
	if len(t.Elems) < 1 {
		return nil, malformedBytes("invalid type %s", t)
	}
	n, rest, err := unmarshalCount(b)
	if err != nil {
		return nil, err
	}
	elems := make([]any, 0, min(n, len(rest)/4))
	for range n {
		var e any
		e, rest, err = unmarshalElem(t.Elems[0], rest)
		if err != nil {
			return nil, err
		}
		elems = append(elems, e)
	}
	if len(rest) != 0 {
		return nil, malformedBytes("%d bytes after the end of a %s", len(rest), t.Kind)
	}
	return elems, nil
}

func unmarshalEntries(t *Type, b []byte) ([]MapEntry, error) {
	if len(t.Elems) < 2 {
		return nil, malformedBytes("invalid type %s", t)
	}
	n, rest, err := unmarshalCount(b)
	if err != nil {
		return nil, err
	}
	entries := make([]MapEntry, 0, min(n, len(rest)/8))
	for range n {
		var e MapEntry
		e.Key, rest, err = unmarshalElem(t.Elems[0], rest)
		if err != nil {
			return nil, err
		}
		e.Value, rest, err = unmarshalElem(t.Elems[1], rest)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	if len(rest) != 0 {
		return nil, malformedBytes("%d bytes after the end of a map", len(rest))
	}
	return entries, nil
}

func unmarshalFields(t *Type, b []byte) ([]any, error) {
	fields := make([]any, len(t.Elems))
	rest := b
	for i := 0; len(rest) > 0; i++ {
		if i >= len(t.Elems) {
			return nil, malformedBytes("invalid remaining data after end of %s value", t.Kind)
		}
		raw, r, isNull, err := unmarshalSized(rest)
		if err != nil {
			return nil, err
		}
		rest = r
		if isNull {
			continue
		}
		if fields[i], err = Unmarshal(t.Elems[i], raw); err != nil {
			return nil, err
		}
	}
	return fields, nil
}
