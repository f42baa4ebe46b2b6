package keys

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
)

// The escaped byte string encoding: a 0x00 byte is written 0x00 0xff and the
// string ends with 0x00 0x01. Since the terminator is smaller than any
// continuation, a string sorts before every longer string it is a prefix of.
const (
	escapeByte     = 0x00
	escapedZero    = 0xff
	terminatorByte = 0x01
)

// AppendBytes appends b to dst in the escaped, terminated, ascending form:
// bytes.Compare on two such encodings equals bytes.Compare on the inputs, and
// no encoding is a prefix of another. It does not allocate when dst has
// enough capacity.
func AppendBytes(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, 0)
		if i < 0 {
			dst = append(dst, b...)
			return append(dst, escapeByte, terminatorByte)
		}
		dst = append(dst, b[:i]...)
		dst = append(dst, escapeByte, escapedZero)
		b = b[i+1:]
	}
}

// AppendString is AppendBytes for a string.
func AppendString(dst []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			dst = append(dst, s...)
			return append(dst, escapeByte, terminatorByte)
		}
		dst = append(dst, s[:i]...)
		dst = append(dst, escapeByte, escapedZero)
		s = s[i+1:]
	}
}

// DecodeBytes decodes a byte string written by AppendBytes at the start of
// src. It returns the string (a new slice, never aliasing src) and the bytes
// after it.
func DecodeBytes(src []byte) (b, rest []byte, err error) {
	r := reader{src: src}
	b, err = r.escaped()
	if err != nil {
		return nil, nil, err
	}
	return b, r.src, nil
}

// CutBytes is DecodeBytes without the copy when there is nothing to
// unescape: the string is then a sub-slice of src. Only a string holding
// 0x00 bytes is decoded into a new slice.
func CutBytes(src []byte) (b, rest []byte, err error) {
	i := bytes.IndexByte(src, escapeByte)
	if i >= 0 && i+1 < len(src) && src[i+1] == terminatorByte {
		return src[:i:i], src[i+2:], nil
	}
	return DecodeBytes(src)
}

// AppendUint64 appends v as 8 big-endian bytes (ascending order).
func AppendUint64(dst []byte, v uint64) []byte {
	return binary.BigEndian.AppendUint64(dst, v)
}

// DecodeUint64 decodes a number written by AppendUint64 at the start of src.
func DecodeUint64(src []byte) (uint64, []byte, error) {
	if len(src) < 8 {
		return 0, nil, fmt.Errorf("%w: need 8 bytes, have %d", ErrMalformedKey, len(src))
	}
	return binary.BigEndian.Uint64(src), src[8:], nil
}

// AppendUint32 appends v as 4 big-endian bytes (ascending order).
func AppendUint32(dst []byte, v uint32) []byte {
	return binary.BigEndian.AppendUint32(dst, v)
}

// DecodeUint32 decodes a number written by AppendUint32 at the start of src.
func DecodeUint32(src []byte) (uint32, []byte, error) {
	if len(src) < 4 {
		return 0, nil, fmt.Errorf("%w: need 4 bytes, have %d", ErrMalformedKey, len(src))
	}
	return binary.BigEndian.Uint32(src), src[4:], nil
}

// AppendInt64 appends v as 8 big-endian bytes with the sign bit flipped, so
// that signed order is byte order.
func AppendInt64(dst []byte, v int64) []byte {
	return binary.BigEndian.AppendUint64(dst, uint64(v)^(1<<63))
}

// DecodeInt64 decodes a number written by AppendInt64 at the start of src.
func DecodeInt64(src []byte) (int64, []byte, error) {
	u, rest, err := DecodeUint64(src)
	return int64(u ^ (1 << 63)), rest, err
}

// AppendToken appends a partition token as 8 big-endian bytes of
// uint64(token) ^ (1 << 63): byte order is token order, so iterating Badger
// keys that start with it visits partitions in Cassandra's ring order.
func AppendToken(dst []byte, token int64) []byte {
	return AppendInt64(dst, token)
}

// DecodeToken decodes a token written by AppendToken at the start of src.
func DecodeToken(src []byte) (int64, []byte, error) {
	return DecodeInt64(src)
}

// PrefixEnd returns the smallest byte string greater than every string
// starting with prefix (the exclusive upper bound of a prefix scan), or nil
// if there is none (prefix is empty or all 0xff).
func PrefixEnd(prefix []byte) []byte {
	end := bytes.Clone(prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] != 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// AppendPrefixEnd appends PrefixEnd(prefix) to dst without allocating
// when dst has room. Like PrefixEnd it returns nil when there is no such
// string.
func AppendPrefixEnd(dst, prefix []byte) []byte {
	for i := len(prefix) - 1; i >= 0; i-- {
		if prefix[i] != 0xff {
			dst = append(dst, prefix[:i+1]...)
			dst[len(dst)-1]++
			return dst
		}
	}
	return nil
}

// reader decodes key bytes, XOR-ing every byte with mask: 0x00 for ascending
// encodings, 0xff for descending ones (the ones' complement of ascending).
type reader struct {
	src  []byte
	mask byte
}

func (r *reader) truncated(what string) error {
	return fmt.Errorf("%w: truncated %s", ErrMalformedKey, what)
}

// byte reads one byte.
func (r *reader) byte(what string) (byte, error) {
	if len(r.src) == 0 {
		return 0, r.truncated(what)
	}
	c := r.src[0] ^ r.mask
	r.src = r.src[1:]
	return c, nil
}

// uint reads an n-byte (n <= 8) big-endian number.
func (r *reader) uint(n int, what string) (uint64, error) {
	if len(r.src) < n {
		return 0, r.truncated(what)
	}
	var u uint64
	for _, c := range r.src[:n] {
		u = u<<8 | uint64(c^r.mask)
	}
	r.src = r.src[n:]
	return u, nil
}

// escaped reads an escaped, terminated byte string.
func (r *reader) escaped() ([]byte, error) {
	out := []byte{}
	src := r.src
	zero, term, esc := r.mask^escapeByte, r.mask^terminatorByte, r.mask^escapedZero
	for {
		i := bytes.IndexByte(src, zero)
		if i < 0 || i+1 >= len(src) {
			return nil, r.truncated("byte string")
		}
		out = appendMasked(out, src[:i], r.mask)
		switch src[i+1] {
		case term:
			r.src = src[i+2:]
			return out, nil
		case esc:
			out = append(out, 0)
			src = src[i+2:]
		default:
			return nil, fmt.Errorf("%w: bad escape 0x%02x in byte string", ErrMalformedKey, src[i+1]^r.mask)
		}
	}
}

func appendMasked(dst, src []byte, mask byte) []byte {
	if mask == 0 {
		return append(dst, src...)
	}
	for _, c := range src {
		dst = append(dst, c^mask)
	}
	return dst
}
