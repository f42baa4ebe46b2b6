package keys

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"net/netip"

	"github.com/cockroachdb/apd/v3"
	"github.com/learnkv/learnkv/sandbox/value"
)

// maxDecimalZeros is the largest number of trailing zeros DecodeValue
// writes out in the coefficient of an integral decimal; larger integers keep
// a positive exponent (1E+40).
const maxDecimalZeros = 32

// maxDecimalDigits bounds the trailing zeros DecodeValue restores for a
// decimal whose exponent would overflow otherwise, so that a corrupt key
// cannot ask for a huge number.
const maxDecimalDigits = 1 << 16

// DecodeValue decodes a value of type t encoded by AppendValue with the same
// desc at the start of src, and returns it with the bytes after it. The
// value has the Go type value documents for t; a tuple or UDT has one
// element per component. A decimal comes back without the trailing zeros of
// its fraction, since the encoding does not keep the scale (1.50 decodes as
// 1.5, 1.0 as 1, 100 as 100 and 1E+40 as 1E+40). Only canonical encodings
// (those AppendValue produces) are accepted; anything else gives an error
// wrapping ErrMalformedKey. DecodeValue never panics.
func DecodeValue(src []byte, t *value.Type, desc bool) (v any, rest []byte, err error) {
	r := reader{src: src}
	if desc {
		r.mask = 0xff
	}
	v, err = r.value(t)
	if err != nil {
		return nil, nil, err
	}
	return v, r.src, nil
}

func malformedKey(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrMalformedKey}, args...)...)
}

func (r *reader) value(t *value.Type) (any, error) {
	if t == nil {
		return nil, malformedKey("nil type")
	}
	switch t.Kind {
	case value.KindAscii, value.KindText:
		b, err := r.escaped()
		return string(b), err
	case value.KindBlob:
		return r.escaped()
	case value.KindBigint, value.KindCounter, value.KindTimestamp, value.KindTime:
		u, err := r.uint(8, t.Kind.String())
		x := int64(u ^ (1 << 63))
		switch t.Kind {
		case value.KindTimestamp:
			return value.Timestamp(x), err
		case value.KindTime:
			return value.Time(x), err
		}
		return x, err
	case value.KindInt:
		u, err := r.uint(4, "int")
		return int32(uint32(u) ^ (1 << 31)), err
	case value.KindDate:
		u, err := r.uint(4, "date")
		return value.Date(u), err
	case value.KindSmallint:
		u, err := r.uint(2, "smallint")
		return int16(uint16(u) ^ (1 << 15)), err
	case value.KindTinyint:
		u, err := r.uint(1, "tinyint")
		return int8(uint8(u) ^ (1 << 7)), err
	case value.KindBoolean:
		c, err := r.byte("boolean")
		if err == nil && c > 1 {
			err = malformedKey("boolean byte 0x%02x", c)
		}
		return c == 1, err
	case value.KindDouble:
		return r.double()
	case value.KindFloat:
		return r.float()
	case value.KindUUID, value.KindTimeuuid:
		hi, err := r.uint(8, "uuid")
		if err != nil {
			return nil, err
		}
		lo, err := r.uint(8, "uuid")
		return value.UUIDFromSortKey(t, hi, lo), err
	case value.KindInet:
		return r.inet()
	case value.KindDuration:
		return r.duration()
	case value.KindVarint:
		return r.varint()
	case value.KindDecimal:
		return r.decimal()
	case value.KindList, value.KindSet:
		return r.elems(t)
	case value.KindMap:
		return r.entries(t)
	case value.KindTuple, value.KindUDT:
		fields := make([]any, len(t.Elems))
		for i, et := range t.Elems {
			f, err := r.optional(et)
			if err != nil {
				return nil, err
			}
			fields[i] = f
		}
		return fields, nil
	}
	return nil, malformedKey("cannot decode type %s", t)
}

// optional reads markerNull (nil) or markerValue and a value.
func (r *reader) optional(t *value.Type) (any, error) {
	c, err := r.byte("component marker")
	if err != nil {
		return nil, err
	}
	return r.afterMarker(t, c)
}

func (r *reader) afterMarker(t *value.Type, marker byte) (any, error) {
	switch marker {
	case markerNull:
		return nil, nil
	case markerValue:
		return r.value(t)
	}
	return nil, malformedKey("bad marker 0x%02x", marker)
}

func (r *reader) elems(t *value.Type) ([]any, error) {
	if len(t.Elems) < 1 {
		return nil, malformedKey("invalid type %s", t)
	}
	elems := []any{}
	for {
		c, err := r.byte(t.Kind.String())
		if err != nil {
			return nil, err
		}
		if c == markerEnd {
			return elems, nil
		}
		e, err := r.afterMarker(t.Elems[0], c)
		if err != nil {
			return nil, err
		}
		elems = append(elems, e)
	}
}

func (r *reader) entries(t *value.Type) ([]value.MapEntry, error) {
	if len(t.Elems) < 2 {
		return nil, malformedKey("invalid type %s", t)
	}
	entries := []value.MapEntry{}
	for {
		c, err := r.byte("map")
		if err != nil {
			return nil, err
		}
		if c == markerEnd {
			return entries, nil
		}
		var e value.MapEntry
		if e.Key, err = r.afterMarker(t.Elems[0], c); err != nil {
			return nil, err
		}
		if e.Value, err = r.optional(t.Elems[1]); err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
}

func (r *reader) double() (any, error) {
	u, err := r.uint(8, "double")
	if err != nil {
		return nil, err
	}
	if u>>63 == 1 {
		u &^= 1 << 63
	} else {
		u = ^u
	}
	x := math.Float64frombits(u)
	if x != x && u != 0x7ff8000000000000 {
		return nil, malformedKey("non-canonical NaN")
	}
	return x, nil
}

func (r *reader) float() (any, error) {
	u, err := r.uint(4, "float")
	if err != nil {
		return nil, err
	}
	b := uint32(u)
	if b>>31 == 1 {
		b &^= 1 << 31
	} else {
		b = ^b
	}
	x := math.Float32frombits(b)
	if x != x && b != 0x7fc00000 {
		return nil, malformedKey("non-canonical NaN")
	}
	return x, nil
}

func (r *reader) inet() (any, error) {
	b, err := r.escaped()
	if err != nil {
		return nil, err
	}
	switch len(b) {
	case 0:
		return netip.Addr{}, nil
	case 4:
		return netip.AddrFrom4([4]byte(b)), nil
	case 16:
		a := netip.AddrFrom16([16]byte(b))
		if a.Is4In6() {
			return nil, malformedKey("IPv4-mapped inet address")
		}
		return a, nil
	}
	return nil, malformedKey("inet of %d bytes", len(b))
}

func (r *reader) duration() (any, error) {
	b, err := r.escaped()
	if err != nil {
		return nil, err
	}
	d, err := value.Unmarshal(value.DurationType, b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedKey, err)
	}
	if !bytes.Equal(value.Marshal(value.DurationType, d), b) {
		return nil, malformedKey("non-canonical duration")
	}
	return d, nil
}

// length reads a length written by appendLength.
func (r *reader) length(what string) (int, error) {
	k, err := r.byte(what)
	if err != nil {
		return 0, err
	}
	if k < 1 || k > 8 {
		return 0, malformedKey("%s length of %d bytes", what, k)
	}
	n, err := r.uint(int(k), what)
	if err != nil {
		return 0, err
	}
	if n>>(8*(k-1)) == 0 {
		return 0, malformedKey("non-canonical %s length", what)
	}
	if n > uint64(len(r.src)) {
		return 0, r.truncated(what)
	}
	return int(n), nil
}

func (r *reader) varint() (any, error) {
	marker, err := r.byte("varint")
	if err != nil {
		return nil, err
	}
	switch marker {
	case varintZero:
		return new(big.Int), nil
	case varintPositive, varintNegative:
	default:
		return nil, malformedKey("bad varint marker 0x%02x", marker)
	}
	if marker == varintNegative {
		r.mask = ^r.mask
		defer func() { r.mask = ^r.mask }()
	}
	n, err := r.length("varint")
	if err != nil {
		return nil, err
	}
	mag := appendMasked(make([]byte, 0, n), r.src[:n], r.mask)
	r.src = r.src[n:]
	if mag[0] == 0 {
		return nil, malformedKey("varint magnitude with a leading zero byte")
	}
	x := new(big.Int).SetBytes(mag)
	if marker == varintNegative {
		x.Neg(x)
	}
	return x, nil
}

func (r *reader) decimal() (any, error) {
	marker, err := r.byte("decimal")
	if err != nil {
		return nil, err
	}
	switch marker {
	case decimalNegInf:
		return &apd.Decimal{Form: apd.Infinite, Negative: true}, nil
	case decimalPosInf:
		return &apd.Decimal{Form: apd.Infinite}, nil
	case decimalNaN:
		return &apd.Decimal{Form: apd.NaN}, nil
	case decimalZero:
		return &apd.Decimal{}, nil
	case decimalNegative, decimalPositive:
	default:
		return nil, malformedKey("bad decimal marker 0x%02x", marker)
	}
	negative := marker == decimalNegative
	digits, adjusted, err := r.decimalDigits(negative)
	if err != nil {
		return nil, err
	}
	// The value is D x 10^(E - len(D)).
	exp := adjusted - int64(len(digits))
	zeros := int64(0)
	switch {
	case exp >= 0 && exp <= maxDecimalZeros:
		zeros, exp = exp, 0
	case exp > math.MaxInt32:
		// Only a coefficient with trailing zeros can bring the exponent
		// back into range.
		zeros, exp = exp-math.MaxInt32, math.MaxInt32
	case exp < math.MinInt32:
		return nil, malformedKey("decimal exponent %d out of range", exp)
	}
	if zeros > maxDecimalDigits {
		return nil, malformedKey("decimal with %d trailing zeros", zeros)
	}
	digits = append(digits, bytes.Repeat([]byte{'0'}, int(zeros))...)
	d := &apd.Decimal{Negative: negative, Exponent: int32(exp)}
	if _, ok := d.Coeff.SetString(string(digits), 10); !ok {
		return nil, malformedKey("decimal digits %q", digits)
	}
	return d, nil
}

// decimalDigits reads the adjusted exponent E and the significant digits D
// of a non-zero decimal 0.D x 10^E, complemented if negative is set.
func (r *reader) decimalDigits(negative bool) (digits []byte, adjusted int64, err error) {
	if negative {
		r.mask = ^r.mask
		defer func() { r.mask = ^r.mask }()
	}
	u, err := r.uint(8, "decimal")
	if err != nil {
		return nil, 0, err
	}
	adjusted = int64(u ^ (1 << 63))
	for {
		c, err := r.byte("decimal digits")
		if err != nil {
			return nil, 0, err
		}
		if c == 0 {
			break
		}
		if c > 100 {
			return nil, 0, malformedKey("decimal digit pair byte %d", c)
		}
		digits = append(digits, '0'+(c-1)/10, '0'+(c-1)%10)
	}
	if n := len(digits); n > 0 && digits[n-1] == '0' {
		digits = digits[:n-1]
	}
	if n := len(digits); n == 0 || digits[0] == '0' || digits[n-1] == '0' {
		return nil, 0, malformedKey("non-canonical decimal digits %q", digits)
	}
	return digits, adjusted, nil
}
