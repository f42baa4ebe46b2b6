// Package value holds CQL data types and the Go representation of CQL
// values: Cassandra's binary serialization, comparison, cqlsh formatting,
// CQL literal printing and JSON conversion.
//
// A CQL value is held in a Go value of type any. The Go type for each CQL
// type is fixed:
//
//	ascii, text          string
//	bigint, counter      int64
//	int                  int32
//	smallint             int16
//	tinyint              int8
//	varint               *big.Int
//	decimal              *apd.Decimal
//	double               float64
//	float                float32
//	boolean              bool
//	uuid, timeuuid       uuid.UUID
//	timestamp            Timestamp (milliseconds since the Unix epoch)
//	date                 Date (days since the epoch, centred on 2^31)
//	time                 Time (nanoseconds since midnight)
//	duration             Duration
//	inet                 netip.Addr
//	blob                 []byte
//	list<T>              []any
//	set<T>               []any, sorted by T's order, without duplicates
//	map<K, V>            []MapEntry, sorted by K's order, without duplicate keys
//	tuple<...>           []any, one element per component (nil for null)
//	user-defined type    []any, one element per field (nil for null)
//
// A null value is the untyped nil.
package value

import (
	"strings"
)

// Kind identifies a CQL type constructor. The kind constants carry a Kind
// prefix (KindInt, KindText, KindList, ...) because Timestamp, Date, Time and
// Duration name the Go types of those values.
type Kind uint8

// The CQL type kinds. Varchar is not a kind of its own: it is text.
const (
	KindInvalid Kind = iota
	KindAscii
	KindBigint
	KindBlob
	KindBoolean
	KindCounter
	KindDate
	KindDecimal
	KindDouble
	KindDuration
	KindFloat
	KindInet
	KindInt
	KindSmallint
	KindText
	KindTime
	KindTimestamp
	KindTimeuuid
	KindTinyint
	KindUUID
	KindVarint
	KindList
	KindSet
	KindMap
	KindTuple
	KindUDT
)

var kindNames = [...]string{
	KindInvalid:   "invalid",
	KindAscii:     "ascii",
	KindBigint:    "bigint",
	KindBlob:      "blob",
	KindBoolean:   "boolean",
	KindCounter:   "counter",
	KindDate:      "date",
	KindDecimal:   "decimal",
	KindDouble:    "double",
	KindDuration:  "duration",
	KindFloat:     "float",
	KindInet:      "inet",
	KindInt:       "int",
	KindSmallint:  "smallint",
	KindText:      "text",
	KindTime:      "time",
	KindTimestamp: "timestamp",
	KindTimeuuid:  "timeuuid",
	KindTinyint:   "tinyint",
	KindUUID:      "uuid",
	KindVarint:    "varint",
	KindList:      "list",
	KindSet:       "set",
	KindMap:       "map",
	KindTuple:     "tuple",
	KindUDT:       "udt",
}

// String returns the CQL name of the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// IsCollection reports whether the kind is list, set or map.
func (k Kind) IsCollection() bool { return k == KindList || k == KindSet || k == KindMap }

// Type is a CQL data type. Types are immutable once built; share them freely.
type Type struct {
	Kind Kind
	// Frozen is set on frozen collections and frozen user-defined types.
	// Tuples are always frozen in Cassandra; their Frozen field is true.
	Frozen bool
	// Elems holds the parameter types: one for list and set, key and value
	// for map, the components of a tuple, and the field types of a UDT.
	Elems []*Type
	// Keyspace, Name and Fields describe a user-defined type.
	Keyspace string
	Name     string
	Fields   []string
}

// Native types, shared by every schema.
var (
	AsciiType     = &Type{Kind: KindAscii}
	BigintType    = &Type{Kind: KindBigint}
	BlobType      = &Type{Kind: KindBlob}
	BooleanType   = &Type{Kind: KindBoolean}
	CounterType   = &Type{Kind: KindCounter}
	DateType      = &Type{Kind: KindDate}
	DecimalType   = &Type{Kind: KindDecimal}
	DoubleType    = &Type{Kind: KindDouble}
	DurationType  = &Type{Kind: KindDuration}
	FloatType     = &Type{Kind: KindFloat}
	InetType      = &Type{Kind: KindInet}
	IntType       = &Type{Kind: KindInt}
	SmallintType  = &Type{Kind: KindSmallint}
	TextType      = &Type{Kind: KindText}
	TimeType      = &Type{Kind: KindTime}
	TimestampType = &Type{Kind: KindTimestamp}
	TimeuuidType  = &Type{Kind: KindTimeuuid}
	TinyintType   = &Type{Kind: KindTinyint}
	UUIDType      = &Type{Kind: KindUUID}
	VarintType    = &Type{Kind: KindVarint}
)

// Native returns the native type with the given CQL name (case-insensitive;
// varchar is text), or nil if the name is not a native type.
func Native(name string) *Type {
	switch strings.ToLower(name) {
	case "ascii":
		return AsciiType
	case "bigint":
		return BigintType
	case "blob":
		return BlobType
	case "boolean":
		return BooleanType
	case "counter":
		return CounterType
	case "date":
		return DateType
	case "decimal":
		return DecimalType
	case "double":
		return DoubleType
	case "duration":
		return DurationType
	case "float":
		return FloatType
	case "inet":
		return InetType
	case "int":
		return IntType
	case "smallint":
		return SmallintType
	case "text", "varchar":
		return TextType
	case "time":
		return TimeType
	case "timestamp":
		return TimestampType
	case "timeuuid":
		return TimeuuidType
	case "tinyint":
		return TinyintType
	case "uuid":
		return UUIDType
	case "varint":
		return VarintType
	}
	return nil
}

// ListOf returns the type list<elem>, frozen if frozen is set.
func ListOf(elem *Type, frozen bool) *Type {
	return &Type{Kind: KindList, Frozen: frozen, Elems: []*Type{elem}}
}

// SetOf returns the type set<elem>, frozen if frozen is set.
func SetOf(elem *Type, frozen bool) *Type {
	return &Type{Kind: KindSet, Frozen: frozen, Elems: []*Type{elem}}
}

// MapOf returns the type map<key, val>, frozen if frozen is set.
func MapOf(key, val *Type, frozen bool) *Type {
	return &Type{Kind: KindMap, Frozen: frozen, Elems: []*Type{key, val}}
}

// TupleOf returns the type tuple<elems...>.
func TupleOf(elems ...*Type) *Type {
	return &Type{Kind: KindTuple, Frozen: true, Elems: elems}
}

// Freeze returns a frozen copy of t. Frozen of an already frozen type, or of
// a native type, returns t itself.
func (t *Type) Freeze() *Type {
	if t.Frozen || !(t.Kind.IsCollection() || t.Kind == KindUDT) {
		return t
	}
	c := *t
	c.Frozen = true
	return &c
}

// Unfrozen returns a non-frozen copy of t (used for the element view of a
// collection column). Tuples stay frozen.
func (t *Type) Unfrozen() *Type {
	if !t.Frozen || t.Kind == KindTuple {
		return t
	}
	c := *t
	c.Frozen = false
	return &c
}

// IsMultiCell reports whether values of t are stored as one cell per element
// or field (non-frozen collections and non-frozen UDTs).
func (t *Type) IsMultiCell() bool {
	return !t.Frozen && (t.Kind.IsCollection() || t.Kind == KindUDT)
}

// IsCounter reports whether t is the counter type.
func (t *Type) IsCounter() bool { return t.Kind == KindCounter }

// Elem returns the element type of a list or set, and the value type of a map.
func (t *Type) Elem() *Type {
	switch t.Kind {
	case KindList, KindSet:
		return t.Elems[0]
	case KindMap:
		return t.Elems[1]
	}
	return nil
}

// Key returns the key type of a map and the element type of a set.
func (t *Type) Key() *Type {
	switch t.Kind {
	case KindMap, KindSet:
		return t.Elems[0]
	}
	return nil
}

// FieldIndex returns the position of the named field of a UDT, or -1.
func (t *Type) FieldIndex(name string) int {
	for i, f := range t.Fields {
		if f == name {
			return i
		}
	}
	return -1
}

// String returns the type as Cassandra prints it: list<text>,
// frozen<map<text, int>>, frozen<tuple<int, text>>, frozen<address> (a UDT
// prints its name, quoted if needed, without its keyspace).
func (t *Type) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t *Type) write(b *strings.Builder) {
	frozen := t.Frozen && (t.Kind.IsCollection() || t.Kind == KindUDT || t.Kind == KindTuple)
	if frozen {
		b.WriteString("frozen<")
	}
	switch t.Kind {
	case KindList, KindSet:
		b.WriteString(t.Kind.String())
		b.WriteByte('<')
		t.Elems[0].write(b)
		b.WriteByte('>')
	case KindMap:
		b.WriteString("map<")
		t.Elems[0].write(b)
		b.WriteString(", ")
		t.Elems[1].write(b)
		b.WriteByte('>')
	case KindTuple:
		b.WriteString("tuple<")
		for i, e := range t.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			e.write(b)
		}
		b.WriteByte('>')
	case KindUDT:
		b.WriteString(QuoteIdent(t.Name))
	default:
		b.WriteString(t.Kind.String())
	}
	if frozen {
		b.WriteByte('>')
	}
}

// Equal reports whether t and u are the same type, frozenness included.
func (t *Type) Equal(u *Type) bool {
	if t == u {
		return true
	}
	if t == nil || u == nil || t.Kind != u.Kind || t.Frozen != u.Frozen || len(t.Elems) != len(u.Elems) {
		return false
	}
	if t.Kind == KindUDT && (t.Keyspace != u.Keyspace || t.Name != u.Name) {
		return false
	}
	for i := range t.Elems {
		if !t.Elems[i].Equal(u.Elems[i]) {
			return false
		}
	}
	return true
}

// MapEntry is one key/value pair of a map value.
type MapEntry struct {
	Key, Value any
}

// Timestamp is a CQL timestamp: milliseconds since 1970-01-01T00:00:00Z.
type Timestamp int64

// Date is a CQL date: days since 1970-01-01 plus 2^31, as Cassandra stores it
// (an unsigned 32-bit number whose middle is the epoch).
type Date uint32

// DateEpoch is the Date value of 1970-01-01.
const DateEpoch Date = 1 << 31

// Time is a CQL time: nanoseconds since midnight, 0 to 86399999999999.
type Time int64

// Duration is a CQL duration: months, days and nanoseconds, each signed,
// all with the same sign.
type Duration struct {
	Months int32
	Days   int32
	Nanos  int64
}
