package value

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/big"
	"net/netip"
	"slices"
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

// Compare compares two values of type t in the order of Cassandra's
// comparator for t (AbstractType.compare) and returns -1, 0 or +1. A nil
// (null) value sorts before any other value.
//
// The order per type:
//   - tinyint, smallint, int, bigint, counter, timestamp, time, varint and
//     decimal are numeric; a decimal compares by value (1.0 equals 1.00), as
//     BigDecimal.compareTo does;
//   - double and float follow Java's Double.compare: -0.0 before 0.0, every
//     NaN equal to the others and after +Infinity;
//   - ascii, text, blob and inet compare their bytes unsigned (an IPv4
//     address is 4 bytes, an IPv6 one 16); date is unsigned; false < true;
//   - uuid compares the version first, then for version 1 the timestamp,
//     otherwise the most significant bits without the version, then the
//     least significant 8 bytes unsigned (UUIDType);
//   - timeuuid compares the timestamp, then the least significant 8 bytes
//     as signed bytes (TimeUUIDType);
//   - duration has no order in Cassandra (it is refused in keys); its
//     serialized bytes are compared;
//   - list, set and map compare element by element (map: key, then value),
//     a shorter collection first when one is a prefix of the other;
//   - tuple and UDT compare component by component, a missing trailing
//     component counting as null (TupleType.compare).
//
// Values whose Go type does not match t are ordered by their Marshal bytes.
func Compare(t *Type, a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	case t == nil:
		return 0
	}
	switch t.Kind {
	case KindAscii, KindText:
		if x, y, ok := bothOf[string](a, b); ok {
			return strings.Compare(x, y)
		}
	case KindBlob:
		if x, y, ok := bothOf[[]byte](a, b); ok {
			return bytes.Compare(x, y)
		}
	case KindBigint, KindCounter:
		if x, y, ok := bothOf[int64](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindTimestamp:
		if x, y, ok := bothOf[Timestamp](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindTime:
		if x, y, ok := bothOf[Time](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindInt:
		if x, y, ok := bothOf[int32](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindDate:
		if x, y, ok := bothOf[Date](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindSmallint:
		if x, y, ok := bothOf[int16](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindTinyint:
		if x, y, ok := bothOf[int8](a, b); ok {
			return cmp.Compare(x, y)
		}
	case KindBoolean:
		if x, y, ok := bothOf[bool](a, b); ok {
			return compareBool(x, y)
		}
	case KindDouble:
		if x, y, ok := bothOf[float64](a, b); ok {
			return compareDouble(x, y)
		}
	case KindFloat:
		if x, y, ok := bothOf[float32](a, b); ok {
			return compareFloat(x, y)
		}
	case KindUUID, KindTimeuuid:
		if x, y, ok := bothOf[uuid.UUID](a, b); ok {
			xh, xl := UUIDSortKey(t, x)
			yh, yl := UUIDSortKey(t, y)
			if c := cmp.Compare(xh, yh); c != 0 {
				return c
			}
			return cmp.Compare(xl, yl)
		}
	case KindInet:
		if x, y, ok := bothOf[netip.Addr](a, b); ok {
			var xb, yb [16]byte
			return bytes.Compare(inetMarshalBytes(x, &xb), inetMarshalBytes(y, &yb))
		}
	case KindVarint:
		if x, y, ok := bothOf[*big.Int](a, b); ok && x != nil && y != nil {
			return x.Cmp(y)
		}
	case KindDecimal:
		if x, y, ok := bothOf[*apd.Decimal](a, b); ok && x != nil && y != nil {
			return compareDecimal(x, y)
		}
	case KindDuration:
		if x, y, ok := bothOf[Duration](a, b); ok {
			var xb, yb [27]byte
			return bytes.Compare(marshalDuration(xb[:0], x), marshalDuration(yb[:0], y))
		}
	case KindList, KindSet:
		if x, y, ok := bothOf[[]any](a, b); ok && len(t.Elems) > 0 {
			return compareElems(t.Elems[0], x, y)
		}
	case KindMap:
		if x, y, ok := bothOf[[]MapEntry](a, b); ok && len(t.Elems) > 1 {
			return compareEntries(t.Elems[0], t.Elems[1], x, y)
		}
	case KindTuple, KindUDT:
		if x, y, ok := bothOf[[]any](a, b); ok {
			return compareFields(t.Elems, x, y)
		}
	}
	return bytes.Compare(Marshal(t, a), Marshal(t, b))
}

// Equal reports whether a and b are equal values of type t in Cassandra's
// sense: Compare(t, a, b) == 0. Decimals equal by value (1.0 equals 1.00)
// and all NaNs are equal.
func Equal(t *Type, a, b any) bool {
	return Compare(t, a, b) == 0
}

// bothOf asserts that a and b both hold a T.
func bothOf[T any](a, b any) (T, T, bool) {
	x, okA := a.(T)
	y, okB := b.(T)
	return x, y, okA && okB
}

func compareBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case y:
		return -1
	}
	return 1
}

// compareDouble is Java's Double.compare.
func compareDouble(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return cmp.Compare(int64(doubleMarshalBits(x)), int64(doubleMarshalBits(y)))
}

// compareFloat is Java's Float.compare.
func compareFloat(x, y float32) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return cmp.Compare(int32(floatMarshalBits(x)), int32(floatMarshalBits(y)))
}

// compareDecimalRank orders the forms of a decimal: -Infinity, finite numbers,
// +Infinity, NaN. Only finite decimals are CQL values; the rest get a
// deterministic place.
func compareDecimalRank(d *apd.Decimal) int {
	switch d.Form {
	case apd.Finite:
		return 1
	case apd.Infinite:
		if d.Negative {
			return 0
		}
		return 2
	}
	return 3
}

func compareDecimal(x, y *apd.Decimal) int {
	rx, ry := compareDecimalRank(x), compareDecimalRank(y)
	if rx != ry || rx != 1 {
		return cmp.Compare(rx, ry)
	}
	return x.Cmp(y)
}

func compareElems(t *Type, x, y []any) int {
	for i := range min(len(x), len(y)) {
		if c := Compare(t, x[i], y[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(x), len(y))
}

func compareEntries(kt, vt *Type, x, y []MapEntry) int {
	for i := range min(len(x), len(y)) {
		if c := Compare(kt, x[i].Key, y[i].Key); c != 0 {
			return c
		}
		if c := Compare(vt, x[i].Value, y[i].Value); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(x), len(y))
}

func compareFields(types []*Type, x, y []any) int {
	for i, t := range types {
		var a, b any
		if i < len(x) {
			a = x[i]
		}
		if i < len(y) {
			b = y[i]
		}
		if c := Compare(t, a, b); c != 0 {
			return c
		}
	}
	return 0
}

// UUIDSortKey returns two words whose unsigned order, high word first, is
// the order Compare gives uuid or timeuuid values (t says which):
//
//   - uuid: the version nibble, then for version 1 the 60-bit timestamp and
//     for other versions the remaining 60 bits of the high half in place;
//     then the low half unchanged;
//   - timeuuid: the reordered high half (version nibble, timestamp) with its
//     sign bit flipped, since TimeUUIDType compares it as a signed long, then
//     the low half with every byte's top bit flipped (signed bytes).
//
// UUIDFromSortKey is the inverse.
func UUIDSortKey(t *Type, u uuid.UUID) (hi, lo uint64) {
	msb := binary.BigEndian.Uint64(u[:8])
	lsb := binary.BigEndian.Uint64(u[8:])
	if t != nil && t.Kind == KindTimeuuid {
		return uuidReorderTimestamp(msb) ^ (1 << 63), lsb ^ 0x8080808080808080
	}
	version := msb >> 12 & 0xf
	if version == 1 {
		return uuidReorderTimestamp(msb), lsb
	}
	return version<<60 | msb>>4&0x0ffffffffffff000 | msb&0xfff, lsb
}

// UUIDFromSortKey returns the uuid or timeuuid (as t says) whose
// UUIDSortKey is hi, lo.
func UUIDFromSortKey(t *Type, hi, lo uint64) uuid.UUID {
	var msb, lsb uint64
	switch {
	case t != nil && t.Kind == KindTimeuuid:
		msb, lsb = uuidRestoreTimestamp(hi^(1<<63)), lo^0x8080808080808080
	case hi>>60 == 1:
		msb, lsb = uuidRestoreTimestamp(hi), lo
	default:
		msb, lsb = hi<<4&0xffffffffffff0000|hi>>60<<12|hi&0xfff, lo
	}
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], msb)
	binary.BigEndian.PutUint64(u[8:], lsb)
	return u
}

// uuidReorderTimestamp moves the 16-bit groups [A][B][C][D] of a version 1
// UUID's high half (time_low, time_mid, version and time_hi) to
// [D][C][A][B]: the version, then the timestamp from its most significant
// bits down.
func uuidReorderTimestamp(msb uint64) uint64 {
	return msb<<48 | msb<<16&0xffff00000000 | msb>>32
}

// uuidRestoreTimestamp is the inverse of uuidReorderTimestamp.
func uuidRestoreTimestamp(x uint64) uint64 {
	return x<<32 | x>>16&0xffff0000 | x>>48
}

// SortSet returns the elements of a set value in the order of t's element
// type, without duplicates (of elements comparing equal, the first one is
// kept, as Java's TreeSet does). t is the set type; any other type is taken
// as the element type itself. elems is not modified.
func SortSet(t *Type, elems []any) []any {
	et := t
	if t != nil && t.Kind == KindSet && len(t.Elems) > 0 {
		et = t.Elems[0]
	}
	out := slices.Clone(elems)
	slices.SortStableFunc(out, func(a, b any) int { return Compare(et, a, b) })
	return slices.CompactFunc(out, func(a, b any) bool { return Compare(et, a, b) == 0 })
}

// SortMap returns the entries of a map value sorted by key in the order of
// t's key type, without duplicate keys. Of entries with equal keys the key of
// the first and the value of the last are kept, as Java's TreeMap.put does.
// t is the map type; any other type is taken as the key type itself. entries
// is not modified.
func SortMap(t *Type, entries []MapEntry) []MapEntry {
	kt := t
	if t != nil && t.Kind == KindMap && len(t.Elems) > 0 {
		kt = t.Elems[0]
	}
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b MapEntry) int { return Compare(kt, a.Key, b.Key) })
	out := sorted[:0]
	for _, e := range sorted {
		if n := len(out); n > 0 && Compare(kt, out[n-1].Key, e.Key) == 0 {
			out[n-1].Value = e.Value
			continue
		}
		out = append(out, e)
	}
	return out
}
