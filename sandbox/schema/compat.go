package schema

import (
	"github.com/learnkv/learnkv/sandbox/value"
)

// ReaddCompatible reports whether a column of type t may be added back
// in place of a dropped column of type prev, whose old cells storage may
// still hold: AbstractType.isSerializationCompatibleWith, which
// AlterTableStatement.AddColumns asks in Cassandra 5.0. Values of prev
// must read as values of t, and their cells must be laid out alike (both
// fixed-length or both not, both multi-cell or both not). prev is
// compared with its user-defined types expanded to tuples, as it was
// recorded, and a user-defined type only reads values of a user-defined
// type (UserType.isValueCompatibleWith): a frozen UDT cannot come back
// over itself, while a tuple of its field types can.
func ReaddCompatible(t, prev *value.Type) bool {
	return serializationCompatible(t, ExpandUserTypes(prev))
}

func serializationCompatible(t, prev *value.Type) bool {
	if !valueCompatible(t, prev) {
		return false
	}
	if t.Kind.IsCollection() {
		// CollectionType: the cell values must be serialization
		// compatible too (a set's cells hold no value).
		return cellValueCompatible(t, prev)
	}
	return fixedLength(t) == fixedLength(prev) && t.IsMultiCell() == prev.IsMultiCell()
}

// cellValueCompatible compares the types of the values of two collections
// of the same kind (CollectionType.valueComparator): a list's elements, a
// map's values, nothing for a set.
func cellValueCompatible(t, prev *value.Type) bool {
	if t.Kind == value.KindSet {
		return true
	}
	return serializationCompatible(t.Elem(), prev.Elem())
}

// valueCompatible is AbstractType.isValueCompatibleWith: every value of
// prev is a valid value of t with the same meaning.
func valueCompatible(t, prev *value.Type) bool {
	if sameType(t, prev) {
		return true
	}
	switch t.Kind {
	case value.KindBlob:
		// BytesType reads anything.
		return true
	case value.KindBigint:
		return prev.Kind == value.KindTimestamp
	case value.KindTimestamp:
		return prev.Kind == value.KindBigint
	case value.KindVarint:
		return prev.Kind == value.KindInt || prev.Kind == value.KindBigint || prev.Kind == value.KindTimestamp
	case value.KindList, value.KindSet, value.KindMap:
		if prev.Kind != t.Kind || prev.IsMultiCell() != t.IsMultiCell() {
			return false
		}
		if t.IsMultiCell() {
			// For multi-cell collections value compatibility is
			// compatibility.
			return compatible(t, prev)
		}
		switch t.Kind {
		case value.KindList:
			return valueCompatible(t.Elem(), prev.Elem())
		case value.KindSet:
			// Sets are ordered: a change must keep the order.
			return compatible(t.Key(), prev.Key())
		}
		return compatible(t.Key(), prev.Key()) && valueCompatible(t.Elem(), prev.Elem())
	case value.KindTuple:
		return tupleCompatible(t, prev, valueCompatible)
	}
	return compatible(t, prev)
}

// compatible is AbstractType.isCompatibleWith: t reads every value of
// prev and sorts them the same way.
func compatible(t, prev *value.Type) bool {
	if sameType(t, prev) {
		return true
	}
	switch t.Kind {
	case value.KindText:
		return prev.Kind == value.KindAscii
	case value.KindBlob:
		return prev.Kind == value.KindAscii || prev.Kind == value.KindText
	case value.KindList, value.KindSet, value.KindMap:
		if prev.Kind != t.Kind || prev.IsMultiCell() != t.IsMultiCell() {
			return false
		}
		if t.IsMultiCell() {
			// The cell paths must sort alike (a list's are time-based
			// ids) and the cell values read alike.
			if t.Kind != value.KindList && !compatible(t.Key(), prev.Key()) {
				return false
			}
			return cellValueCompatible(t, prev)
		}
		for i := range t.Elems {
			if !compatible(t.Elems[i], prev.Elems[i]) {
				return false
			}
		}
		return true
	case value.KindTuple:
		return tupleCompatible(t, prev, compatible)
	}
	return false
}

// tupleCompatible is TupleType's check: t may add components at the end,
// and each of prev's must be compatible with t's.
func tupleCompatible(t, prev *value.Type, each func(t, prev *value.Type) bool) bool {
	if prev.Kind != value.KindTuple || len(t.Elems) < len(prev.Elems) {
		return false
	}
	for i := range prev.Elems {
		if !each(t.Elems[i], prev.Elems[i]) {
			return false
		}
	}
	return true
}

// sameType reports whether t and prev are the same type, comparing
// user-defined types by their fields' types.
func sameType(t, prev *value.Type) bool {
	if t == prev {
		return true
	}
	if t == nil || prev == nil || t.Kind != prev.Kind || t.Frozen != prev.Frozen || len(t.Elems) != len(prev.Elems) {
		return false
	}
	for i := range t.Elems {
		if !sameType(t.Elems[i], prev.Elems[i]) {
			return false
		}
	}
	return true
}

// fixedLength is AbstractType.valueLengthIfFixed: the size of every value
// of a fixed-size type, -1 for the others.
func fixedLength(t *value.Type) int {
	switch t.Kind {
	case value.KindBoolean:
		return 1
	case value.KindInt, value.KindFloat, value.KindDate:
		return 4
	case value.KindBigint, value.KindCounter, value.KindDouble, value.KindTimestamp, value.KindTime:
		return 8
	case value.KindUUID, value.KindTimeuuid:
		return 16
	}
	return -1
}
