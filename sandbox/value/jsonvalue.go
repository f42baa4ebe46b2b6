package value

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// FromJSON converts j, a JSON value decoded by encoding/json with UseNumber
// (nil, bool, string, json.Number, []any, map[string]any; float64 is
// accepted too), to a value of type t, following the fromJSONObject
// methods of Cassandra's types. Jackson, which Cassandra decodes JSON with,
// reads an integer as Integer, Long or BigInteger by size and any other
// number as Double; FromJSON classifies numbers the same way, so the same
// inputs are accepted and the errors name the same Java classes:
//
//   - numbers may also be given as strings ("123" for an int), parsed like
//     CQL constants; smallint and tinyint accept a number only if its text
//     parses ("Unable to make short from '123.4'");
//   - int accepts only an Integer, bigint an Integer or Long, timestamp only
//     a Long (so 1000 is refused, as in Cassandra: "Expected a long or a
//     datestring representation of a timestamp value, but got a Integer:
//     1000") or a string;
//   - uuid, timeuuid, date, time, inet, duration and blob ("0x...") need
//     strings;
//   - a list (or a set, then sorted and deduplicated) needs an array, a map
//     and a UDT an object, a tuple an array of the right length; each may
//     also be given as a string holding that JSON. Map keys are strings
//     converted with the key type's rules ("1" for an int key, "[1, 2]" for
//     a frozen list key). Object keys of a UDT are matched with JSONKeyName;
//     missing fields are null; an unknown one is an error.
//
// Errors carry the texts of Cassandra's MarshalExceptions, such as "Unable
// to make int from 'abc'", "Expected an int value, but got a Long:
// 2147483648", "Invalid null element in list" and "Unknown field 'x' in value
// of user defined type address" (the caller adds "Error decoding JSON value
// for <column>: " as cql3/Json.java does). Where Cassandra would store an
// empty value (the empty string for most non-text types) FromJSON returns
// ErrEmptyValue. Go maps have no key order: where Cassandra's result depends
// on the order of an object's keys (two keys for the same map key or UDT
// field, the first unknown field reported), FromJSON takes the keys in
// sorted order. Counter values are read like bigints (Cassandra refuses JSON
// for counters before it gets here).
func FromJSON(t *Type, j any) (any, error) {
	if j == nil {
		return nil, nil
	}
	if t == nil {
		return nil, fmt.Errorf("nil type")
	}
	switch t.Kind {
	case KindAscii:
		s, ok := j.(string)
		if !ok {
			return nil, expectedJSON("an ascii string", j)
		}
		for _, r := range s {
			if r > 0x7F {
				length := 1
				if r > 0xFFFF {
					length = 2
				}
				return nil, cqlerr.Invalidf("Invalid ASCII character in string literal: java.nio.charset.UnmappableCharacterException: Input length = %d", length)
			}
		}
		return s, nil
	case KindText:
		if s, ok := j.(string); ok {
			return s, nil
		}
		return nil, expectedJSON("a UTF-8 string", j)
	case KindBoolean:
		return booleanFromJSON(j)
	case KindInt, KindBigint, KindCounter, KindSmallint, KindTinyint:
		return integerFromJSON(t, j)
	case KindVarint:
		text := javaString(j)
		if n, ok := parseJavaBigInteger(text); ok {
			return n, nil
		}
		return nil, cqlerr.Invalidf("Value '%s' is not a valid representation of a varint value", text)
	case KindDecimal:
		text := javaString(j)
		if text == "" {
			return nil, ErrEmptyValue
		}
		if d, ok := parseJavaBigDecimal(text); ok {
			return d, nil
		}
		return nil, cqlerr.Invalidf("Value '%s' is not a valid representation of a decimal value", text)
	case KindDouble, KindFloat:
		return floatingFromJSON(t, j)
	case KindBlob:
		s, ok := j.(string)
		if !ok {
			c := javaQualifiedClass(j)
			return nil, cqlerr.Invalidf("Value '%s' is not a valid blob representation: class %s cannot be cast to class java.lang.String (%s and java.lang.String are in module java.base of loader 'bootstrap')", javaString(j), c, c)
		}
		if !strings.HasPrefix(s, "0x") {
			return nil, cqlerr.Invalidf("Value '%s' is not a valid blob representation: String representation of blob is missing 0x prefix: %s", s, s)
		}
		b, err := ParseBlobHex(s)
		if err != nil {
			return nil, cqlerr.Invalidf("Value '%s' is not a valid blob representation: %s", s, err.Error())
		}
		return b, nil
	}
	return fromJSONString(t, j)
}

// fromJSONString converts the values of the types that Cassandra reads
// from JSON strings (and the collections, which may come as strings).
func fromJSONString(t *Type, j any) (any, error) {
	s, isString := j.(string)
	switch t.Kind {
	case KindUUID, KindTimeuuid, KindDate, KindTime, KindDuration, KindInet:
		if !isString {
			return nil, expectedJSON(map[Kind]string{
				KindUUID: "a string representation of a uuid", KindTimeuuid: "a string representation of a timeuuid",
				KindDate: "a string representation of a date value", KindTime: "a string representation of a time value",
				KindDuration: "a string representation of a duration", KindInet: "a string representation of an inet value",
			}[t.Kind], j)
		}
		switch t.Kind {
		case KindUUID:
			return nilOnError(ParseUUID(s))
		case KindTimeuuid:
			return nilOnError(ParseTimeUUID(s))
		case KindDate:
			return nilOnError(ParseDate(s))
		case KindTime:
			return nilOnError(ParseTime(s))
		case KindDuration:
			return nilOnError(ParseDuration(s))
		}
		return nilOnError(ParseInet(s))
	case KindTimestamp:
		if isString {
			return nilOnError(ParseTimestamp(s))
		}
		if n, ok := j.(json.Number); ok && javaClass(n) == "Long" {
			v, _ := n.Int64()
			return Timestamp(v), nil
		}
		return nil, expectedJSON("a long or a datestring representation of a timestamp value", j)
	}
	if (t.Kind.IsCollection() && len(t.Elems) < 1) || (t.Kind == KindMap && len(t.Elems) < 2) {
		return nil, fmt.Errorf("invalid type %s", t)
	}
	if isString {
		decoded, err := decodeJSONValue(s)
		if err != nil {
			return nil, cqlerr.Invalidf("Error decoding JSON string: %s", err.Error())
		}
		j = decoded
	}
	switch t.Kind {
	case KindList, KindSet:
		return elemsFromJSON(t, j)
	case KindMap:
		return entriesFromJSON(t, j)
	case KindTuple:
		return tupleFromJSON(t, j)
	case KindUDT:
		return udtFromJSON(t, j)
	}
	return nil, fmt.Errorf("cannot convert JSON to type %s", t)
}

// nilOnError returns v as an any, or a nil any with the error.
func nilOnError[T any](v T, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// expectedJSON returns Cassandra's "Expected <what>, but got a <class>:
// <value>" error.
func expectedJSON(what string, j any) error {
	return cqlerr.Invalidf("Expected %s, but got a %s: %s", what, javaClass(j), javaString(j))
}

func booleanFromJSON(j any) (any, error) {
	switch x := j.(type) {
	case bool:
		return x, nil
	case string:
		switch {
		case x == "" || strings.EqualFold(x, "false"):
			return false, nil
		case strings.EqualFold(x, "true"):
			return true, nil
		}
		return nil, cqlerr.Invalidf("Unable to make boolean from '%s'", x)
	}
	return nil, expectedJSON("a boolean value", j)
}

// integerFromJSON converts int, bigint, counter, smallint and tinyint
// values (Int32Type, LongType, ShortType and ByteType).
func integerFromJSON(t *Type, j any) (any, error) {
	bits, _ := javaInteger(t.Kind)
	what := "a bigint value"
	switch t.Kind {
	case KindInt:
		what = "an int value"
	case KindSmallint:
		what = "a short value"
	case KindTinyint:
		what = "a byte value"
	}
	text, isString := j.(string)
	class := javaClass(j)
	switch {
	case isString:
	case bits <= 16 && (class == "Integer" || class == "Long" || class == "BigInteger" || class == "Double"):
		// ShortType and ByteType parse String.valueOf(number).
		text = javaString(j)
	case class == "Integer" || (bits == 64 && class == "Long"):
		text = javaString(j)
	default:
		return nil, expectedJSON(what, j)
	}
	if text == "" {
		return nil, ErrEmptyValue
	}
	return javaIntegerOf(t.Kind, text)
}

// floatingFromJSON converts double and float values: a string is parsed
// like Double.valueOf/Float.parseFloat, a number is converted with Java's
// doubleValue/floatValue (correctly rounded).
func floatingFromJSON(t *Type, j any) (any, error) {
	bits, javaType := 64, "double"
	if t.Kind == KindFloat {
		bits, javaType = 32, "float"
	}
	var f float64
	switch x := j.(type) {
	case string:
		if x == "" {
			return nil, ErrEmptyValue
		}
		var ok bool
		if f, ok = parseJavaDouble(x, bits); !ok {
			return nil, cqlerr.Invalidf("Unable to make %s from '%s'", javaType, x)
		}
	case json.Number, float64:
		f = javaNumberValue(x, bits)
	default:
		return nil, expectedJSON("a "+javaType+" value", j)
	}
	if bits == 32 {
		return float32(f), nil
	}
	return f, nil
}

// javaNumberValue returns a JSON number as Java's doubleValue (bitSize 64)
// or floatValue (32) of the Integer, Long, BigInteger or Double Jackson
// makes of it.
func javaNumberValue(j any, bitSize int) float64 {
	switch x := j.(type) {
	case float64:
		if bitSize == 32 {
			return float64(float32(x))
		}
		return x
	case json.Number:
		if javaClass(x) == "Double" {
			f, _ := strconv.ParseFloat(x.String(), 64)
			if bitSize == 32 {
				return float64(float32(f))
			}
			return f
		}
		n, _ := new(big.Int).SetString(x.String(), 10)
		f := new(big.Float).SetInt(n)
		if bitSize == 32 {
			g, _ := f.Float32()
			return float64(g)
		}
		g, _ := f.Float64()
		return g
	}
	return math.NaN()
}

func elemsFromJSON(t *Type, j any) (any, error) {
	list, ok := j.([]any)
	if !ok {
		if t.Kind == KindSet {
			return nil, expectedJSON("a list (representing a set)", j)
		}
		return nil, expectedJSON("a list", j)
	}
	out := make([]any, 0, len(list))
	for _, e := range list {
		if e == nil {
			return nil, cqlerr.Invalidf("Invalid null element in %s", t.Kind)
		}
		v, err := FromJSON(t.Elems[0], e)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if t.Kind == KindSet {
		return SortSet(t, out), nil
	}
	return out, nil
}

func entriesFromJSON(t *Type, j any) (any, error) {
	m, ok := j.(map[string]any)
	if !ok {
		return nil, expectedJSON("a map", j)
	}
	entries := make([]MapEntry, 0, len(m))
	for _, key := range sortedKeys(m) {
		if m[key] == nil {
			return nil, cqlerr.Invalidf("Invalid null value in map")
		}
		k, err := FromJSON(t.Elems[0], key)
		if err != nil {
			return nil, err
		}
		v, err := FromJSON(t.Elems[1], m[key])
		if err != nil {
			return nil, err
		}
		entries = append(entries, MapEntry{Key: k, Value: v})
	}
	return SortMap(t, entries), nil
}

func tupleFromJSON(t *Type, j any) (any, error) {
	list, ok := j.([]any)
	if !ok {
		return nil, expectedJSON("a list representation of a tuple", j)
	}
	switch {
	case len(list) > len(t.Elems):
		return nil, cqlerr.Invalidf("Tuple contains extra items (expected %d): %s", len(t.Elems), javaString(list))
	case len(list) < len(t.Elems):
		return nil, cqlerr.Invalidf("Tuple is missing items (expected %d): %s", len(t.Elems), javaString(list))
	}
	out := make([]any, len(list))
	for i, e := range list {
		v, err := FromJSON(t.Elems[i], e)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func udtFromJSON(t *Type, j any) (any, error) {
	raw, ok := j.(map[string]any)
	if !ok {
		return nil, expectedJSON("a map", j)
	}
	m := make(map[string]any, len(raw))
	for _, key := range sortedKeys(raw) {
		m[JSONKeyName(key)] = raw[key]
	}
	out := make([]any, len(t.Elems))
	found := 0
	for i, ft := range t.Elems {
		if i >= len(t.Fields) || m[t.Fields[i]] == nil {
			continue
		}
		v, err := FromJSON(ft, m[t.Fields[i]])
		if err != nil {
			return nil, err
		}
		out[i] = v
		found++
	}
	if found != len(m) {
		for _, key := range sortedKeys(m) {
			if t.FieldIndex(key) < 0 {
				return nil, cqlerr.Invalidf("Unknown field '%s' in value of user defined type %s", key, t.Name)
			}
		}
	}
	return out, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// javaClass returns the simple name of the Java class Jackson decodes j
// into, as getClass().getSimpleName() prints it in Cassandra's messages.
func javaClass(j any) string {
	switch x := j.(type) {
	case nil:
		return "null"
	case string:
		return "String"
	case bool:
		return "Boolean"
	case float64:
		return "Double"
	case json.Number:
		s := x.String()
		if strings.ContainsAny(s, ".eE") {
			return "Double"
		}
		n, ok := new(big.Int).SetString(s, 10)
		switch {
		case !ok:
			return "Double"
		case n.IsInt64() && n.Int64() >= math.MinInt32 && n.Int64() <= math.MaxInt32:
			return "Integer"
		case n.IsInt64():
			return "Long"
		}
		return "BigInteger"
	case []any:
		return "ArrayList"
	case map[string]any:
		return "LinkedHashMap"
	}
	return fmt.Sprintf("%T", j)
}

// javaQualifiedClass returns the fully qualified name of j's Java class.
func javaQualifiedClass(j any) string {
	switch c := javaClass(j); c {
	case "BigInteger":
		return "java.math.BigInteger"
	case "ArrayList", "LinkedHashMap":
		return "java.util." + c
	default:
		return "java.lang." + c
	}
}

// javaString returns j as Java's toString prints the object Jackson decodes
// it into: numbers normalised (Double.toString for non-integers), lists as
// [a, b], objects as {k=v} (keys sorted, see FromJSON), strings unquoted.
func javaString(j any) string {
	switch x := j.(type) {
	case nil:
		return "null"
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return javaDoubleString(x)
	case json.Number:
		if javaClass(x) == "Double" {
			f, _ := strconv.ParseFloat(x.String(), 64)
			return javaDoubleString(f)
		}
		n, _ := new(big.Int).SetString(x.String(), 10)
		return n.String()
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = javaString(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := sortedKeys(x)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + "=" + javaString(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(j)
}
