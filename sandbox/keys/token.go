// Package keys computes Cassandra partition tokens and partition key bytes,
// and encodes CQL values into order-preserving, self-delimiting byte strings
// for Badger keys.
//
// Token and PartitionKey reproduce Cassandra's Murmur3Partitioner exactly.
// AppendValue encodes a value so that bytes.Compare on encodings gives the
// order of value.Compare (or its reverse for a descending column), and no
// encoding is a prefix of another: the encodings of several columns can be
// concatenated and still sort column by column and decode unambiguously.
package keys

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"

	"github.com/learnkv/learnkv/sandbox/value"
)

// MurmurHash3 x64_128 constants.
const (
	murmurC1 = 0x87c37b91114253d5
	murmurC2 = 0x4cf5ad432745937f
)

// Token returns the Murmur3Partitioner token of a serialized partition key
// (see PartitionKey): the first 64-bit half of MurmurHash3 x64_128 with seed
// 0, computed with Cassandra's sign extension of the tail bytes. An empty key
// has the minimum token math.MinInt64; a hash equal to math.MinInt64 becomes
// math.MaxInt64. Token does not allocate.
func Token(key []byte) int64 {
	if len(key) == 0 {
		return math.MinInt64
	}
	h := int64(murmur3H1(key))
	if h == math.MinInt64 {
		return math.MaxInt64
	}
	return h
}

// ErrMalformedKey is wrapped by the errors of the decoding functions of this
// package.
var ErrMalformedKey = errors.New("malformed key")

// MaxKeyLength is the largest partition key, and the largest component of a
// composite partition key, Cassandra accepts: 65535 bytes. Longer keys make
// Cassandra fail with "Key length of N is longer than maximum of 65535"; the
// caller checks it, PartitionKey does not.
const MaxKeyLength = 0xffff

// PartitionKey returns the partition key bytes Cassandra hashes for the
// partition key column values vals of types types. One column gives its
// value.Marshal bytes; several give Cassandra's composite form, per
// component a 2-byte big-endian length, the component bytes and one 0x00
// byte. The values must be non-nil and no component longer than
// MaxKeyLength.
func PartitionKey(types []*value.Type, vals []any) []byte {
	return AppendPartitionKey(nil, types, vals)
}

// AppendPartitionKey appends PartitionKey(types, vals) to dst. It does not
// allocate when dst has enough capacity and the values are natives.
func AppendPartitionKey(dst []byte, types []*value.Type, vals []any) []byte {
	if len(types) == 1 && len(vals) == 1 {
		return value.AppendMarshal(dst, types[0], vals[0])
	}
	for i, t := range types {
		if i >= len(vals) {
			break
		}
		at := len(dst)
		dst = append(dst, 0, 0)
		dst = value.AppendMarshal(dst, t, vals[i])
		binary.BigEndian.PutUint16(dst[at:], uint16(len(dst)-at-2))
		dst = append(dst, 0)
	}
	return dst
}

// SplitPartitionKey decodes partition key bytes made by PartitionKey into
// one value per type.
func SplitPartitionKey(types []*value.Type, key []byte) ([]any, error) {
	if len(types) == 1 {
		v, err := value.Unmarshal(types[0], key)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrMalformedKey, err)
		}
		return []any{v}, nil
	}
	vals := make([]any, len(types))
	rest := key
	for i, t := range types {
		if len(rest) < 2 {
			return nil, fmt.Errorf("%w: component %d of the partition key is truncated", ErrMalformedKey, i)
		}
		n := int(binary.BigEndian.Uint16(rest))
		if len(rest) < 2+n+1 {
			return nil, fmt.Errorf("%w: component %d of the partition key is truncated", ErrMalformedKey, i)
		}
		if rest[2+n] != 0 {
			return nil, fmt.Errorf("%w: component %d of the partition key ends with 0x%02x, not 0x00",
				ErrMalformedKey, i, rest[2+n])
		}
		v, err := value.Unmarshal(t, rest[2:2+n])
		if err != nil {
			return nil, fmt.Errorf("%w: component %d: %w", ErrMalformedKey, i, err)
		}
		vals[i] = v
		rest = rest[2+n+1:]
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the partition key", ErrMalformedKey, len(rest))
	}
	return vals, nil
}

// murmur3H1 is Cassandra's MurmurHash.hash3_x64_128(key, 0, len, 0)[0].
func murmur3H1(key []byte) uint64 {
	var h1, h2 uint64
	n := len(key)
	body := n &^ 15
	for i := 0; i < body; i += 16 {
		k1 := binary.LittleEndian.Uint64(key[i:])
		k2 := binary.LittleEndian.Uint64(key[i+8:])

		h1 ^= mixK1(k1)
		h1 = bits.RotateLeft64(h1, 27) + h2
		h1 = h1*5 + 0x52dce729

		h2 ^= mixK2(k2)
		h2 = bits.RotateLeft64(h2, 31) + h1
		h2 = h2*5 + 0x38495ab5
	}

	// The tail: Java reads each byte as a signed byte and widens it to a
	// long, so a byte >= 0x80 sets every bit above its own position.
	tail := key[body:]
	var k1, k2 uint64
	for i := len(tail) - 1; i >= 8; i-- {
		k2 ^= signExtend(tail[i]) << (8 * (i - 8))
	}
	if len(tail) > 8 {
		h2 ^= mixK2(k2)
	}
	for i := min(len(tail), 8) - 1; i >= 0; i-- {
		k1 ^= signExtend(tail[i]) << (8 * i)
	}
	if len(tail) > 0 {
		h1 ^= mixK1(k1)
	}

	h1 ^= uint64(n)
	h2 ^= uint64(n)
	h1 += h2
	h2 += h1
	h1 = fmix64(h1)
	h2 = fmix64(h2)
	return h1 + h2
}

func signExtend(b byte) uint64 { return uint64(int64(int8(b))) }

func mixK1(k uint64) uint64 {
	k *= murmurC1
	k = bits.RotateLeft64(k, 31)
	return k * murmurC2
}

func mixK2(k uint64) uint64 {
	k *= murmurC2
	k = bits.RotateLeft64(k, 33)
	return k * murmurC1
}

func fmix64(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}
