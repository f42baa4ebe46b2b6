package value

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// This file produces Cassandra's JSON text (the toJSONString methods of
// db/marshal/*Type, used by SELECT JSON and toJson()) and reads the JSON
// document of INSERT JSON (cql3/Json.java, utils/JsonUtils.java).

// ToJSON returns v, a value of type t, as SELECT JSON and toJson() write
// it: null; text as a JSON string (only '"', '\' and control characters
// escaped, other characters such as Japanese kept as they are); integers,
// varints and decimals bare; doubles and floats as Java's toString prints
// them (123123.0, 1.0E10), NaN and infinities as null; true/false; uuids,
// inets (Java's form, 0:0:0:0:0:0:0:1), blobs ("0x..."), times, durations,
// dates ("1987-03-23") and timestamps ("2014-01-01 00:00:00.000Z", in UTC,
// with the Julian calendar before 1582-10-15 as Java's SimpleDateFormat
// does) as JSON strings; lists, sets and tuples as arrays; maps as objects
// whose keys are strings (a key whose JSON form is not a string is quoted);
// UDTs as objects keyed by field name. An empty non-frozen collection is
// null, since Cassandra does not store one.
func ToJSON(t *Type, v any) string {
	var b strings.Builder
	writeJSON(&b, t, v)
	return b.String()
}

func writeJSON(b *strings.Builder, t *Type, v any) {
	if v == nil {
		b.WriteString("null")
		return
	}
	if t == nil {
		writeJSONString(b, fmt.Sprint(v))
		return
	}
	switch t.Kind {
	case KindAscii, KindText:
		if s, ok := v.(string); ok {
			writeJSONString(b, s)
			return
		}
	case KindBoolean:
		if x, ok := v.(bool); ok {
			b.WriteString(strconv.FormatBool(x))
			return
		}
	case KindDouble:
		if x, ok := v.(float64); ok {
			b.WriteString(jsonFloat(x, javaDoubleString(x)))
			return
		}
	case KindFloat:
		if x, ok := v.(float32); ok {
			b.WriteString(jsonFloat(float64(x), javaFloatString(x)))
			return
		}
	case KindTimestamp:
		if x, ok := v.(Timestamp); ok {
			writeJSONString(b, javaTimestamp(int64(x)))
			return
		}
	case KindDate:
		if x, ok := v.(Date); ok {
			writeJSONString(b, javaLocalDate(x))
			return
		}
	case KindInet:
		if x, ok := v.(netip.Addr); ok {
			writeJSONString(b, javaInet(x))
			return
		}
	case KindList, KindSet, KindMap:
		if writeJSONCollection(b, t, v) {
			return
		}
	case KindTuple:
		if elems, ok := v.([]any); ok {
			b.WriteByte('[')
			for i, et := range t.Elems {
				if i > 0 {
					b.WriteString(", ")
				}
				if i < len(elems) {
					writeJSON(b, et, elems[i])
				} else {
					b.WriteString("null")
				}
			}
			b.WriteByte(']')
			return
		}
	case KindUDT:
		if fields, ok := v.([]any); ok {
			b.WriteByte('{')
			for i, ft := range t.Elems {
				if i > 0 {
					b.WriteString(", ")
				}
				if i < len(t.Fields) {
					b.WriteString(JSONFieldName(t.Fields[i]))
				}
				b.WriteString(": ")
				if i < len(fields) {
					writeJSON(b, ft, fields[i])
				} else {
					b.WriteString("null")
				}
			}
			b.WriteByte('}')
			return
		}
	default:
		if s, ok := plainString(t, v); ok {
			switch t.Kind {
			case KindUUID, KindTimeuuid, KindBlob, KindTime, KindDuration:
				writeJSONString(b, s)
			default:
				b.WriteString(s)
			}
			return
		}
	}
	writeJSONString(b, fmt.Sprint(v))
}

// jsonFloat returns text, Java's rendering of f, or null for NaN and the
// infinities, which JSON cannot represent.
func jsonFloat(f float64, text string) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "null"
	}
	return text
}

func writeJSONCollection(b *strings.Builder, t *Type, v any) bool {
	if len(t.Elems) < 1 || (t.Kind == KindMap && len(t.Elems) < 2) {
		return false
	}
	if t.Kind == KindMap {
		entries, ok := v.([]MapEntry)
		if !ok {
			return false
		}
		if len(entries) == 0 && !t.Frozen {
			b.WriteString("null")
			return true
		}
		b.WriteByte('{')
		for i, e := range entries {
			if i > 0 {
				b.WriteString(", ")
			}
			// Map keys must be JSON strings: MapType quotes any other form.
			key := ToJSON(t.Elems[0], e.Key)
			if strings.HasPrefix(key, `"`) {
				b.WriteString(key)
			} else {
				writeJSONString(b, key)
			}
			b.WriteString(": ")
			writeJSON(b, t.Elems[1], e.Value)
		}
		b.WriteByte('}')
		return true
	}
	elems, ok := v.([]any)
	if !ok {
		return false
	}
	if len(elems) == 0 && !t.Frozen {
		b.WriteString("null")
		return true
	}
	b.WriteByte('[')
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		writeJSON(b, t.Elems[0], e)
	}
	b.WriteByte(']')
	return true
}

// QuoteJSON returns s as a JSON string the way Cassandra writes it
// (Jackson's quoteAsString): '"' and '\' are escaped, control characters
// become \b, \t, \n, \f, \r or \u00XX, and every other character, including
// U+007F and all non-ASCII text, is kept as is.
func QuoteJSON(s string) string {
	var b strings.Builder
	writeJSONString(&b, s)
	return b.String()
}

func writeJSONString(b *strings.Builder, s string) {
	const hexDigits = "0123456789ABCDEF"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[r>>4])
				b.WriteByte(hexDigits[r&0xF])
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// JSONFieldName returns the JSON object key Cassandra writes for a column or
// UDT field name: the name as a JSON string, wrapped in escaped double quotes
// when it is not all lower case ("k", "\"Foo\"").
func JSONFieldName(name string) string {
	if name != strings.ToLower(name) {
		name = `"` + name + `"`
	}
	return QuoteJSON(name)
}

// JSONKeyName returns the column or field name an INSERT JSON or fromJson()
// object key stands for (JsonUtils.handleCaseSensitivity): the text inside
// the double quotes of a key written "\"Foo\"", otherwise the key in lower
// case. Cassandra applies it to keys in document order, a later key
// replacing an earlier one that names the same column.
func JSONKeyName(key string) string {
	if len(key) >= 2 && strings.HasPrefix(key, `"`) && strings.HasSuffix(key, `"`) {
		return key[1 : len(key)-1]
	}
	return strings.ToLower(key)
}

// ParseJSONObject decodes the document of INSERT JSON, returning its keys as
// written (see JSONKeyName) and values as encoding/json decodes them with
// UseNumber, ready for FromJSON. Like Jackson, it ignores anything after the
// first JSON value and keeps the last of duplicate keys. Errors are
// Cassandra's: "Got null for INSERT JSON values" and "Could not decode JSON
// string as a map: <exception>. (String was: <document>)", where the
// exception text imitates Jackson's first line.
func ParseJSONObject(s string) (map[string]any, error) {
	v, err := decodeJSONValue(s)
	if err != nil {
		return nil, cqlerr.Invalidf("Could not decode JSON string as a map: %s. (String was: %s)", jacksonError(s, err), s)
	}
	if v == nil {
		return nil, cqlerr.Invalidf("Got null for INSERT JSON values")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, cqlerr.Invalidf("Could not decode JSON string as a map: %s\n at %s. (String was: %s)", jacksonMismatch(v), tokenLocation(s), s)
	}
	return m, nil
}

// DecodeJSON decodes the first JSON value of s with UseNumber, as Jackson
// reads the argument of fromJson(); the error of a document that is not JSON
// reads like the text of the exception Jackson throws.
func DecodeJSON(s string) (any, error) {
	v, err := decodeJSONValue(s)
	if err != nil {
		return nil, errors.New(jacksonError(s, err))
	}
	return v, nil
}

// decodeJSONValue decodes the first JSON value of s with UseNumber.
func decodeJSONValue(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// jacksonError imitates the text of the exception Jackson throws for a
// document that is not JSON.
func jacksonError(s string, err error) string {
	if msg := jacksonSyntax(s); msg != "" {
		return msg
	}
	if err.Error() == "EOF" {
		return "com.fasterxml.jackson.databind.exc.MismatchedInputException: No content to map due to end-of-input"
	}
	return "com.fasterxml.jackson.core.JsonParseException: " + err.Error()
}

// jacksonMismatch imitates the text of the exception Jackson throws when
// the document is JSON but not an object.
func jacksonMismatch(v any) string {
	kind := map[string]string{
		"String": "String value (token `JsonToken.VALUE_STRING`)", "Boolean": "Boolean value (token `JsonToken.VALUE_TRUE`)",
		"Integer": "Integer value (token `JsonToken.VALUE_NUMBER_INT`)", "Long": "Integer value (token `JsonToken.VALUE_NUMBER_INT`)",
		"BigInteger": "Integer value (token `JsonToken.VALUE_NUMBER_INT`)",
		"Double":     "Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)",
		"ArrayList":  "Array value (token `JsonToken.START_ARRAY`)",
	}[javaClass(v)]
	if b, ok := v.(bool); ok && !b {
		kind = "Boolean value (token `JsonToken.VALUE_FALSE`)"
	}
	return "com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type " +
		"`java.util.LinkedHashMap<java.lang.Object,java.lang.Object>` from " + kind
}

// javaTimestamp formats a timestamp as Cassandra 5.0's JSON formatter, the
// java.time pattern "yyyy-MM-dd HH:mm:ss.SSSX" in UTC: proleptic Gregorian
// year of era (no sign, '+' beyond 9999), Z for the offset.
func javaTimestamp(ms int64) string {
	y, m, d, hh, mm, ss, milli := javaDateTime(ms)
	return fmt.Sprintf("%s-%02d-%02d %02d:%02d:%02d.%03dZ", y, m, d, hh, mm, ss, milli)
}

// javaInet formats an address as Java's InetAddress.getHostAddress: dotted
// IPv4 (also for an IPv4-mapped address, which Java turns into an
// Inet4Address), and eight uncompressed lower-case hexadecimal groups for
// IPv6.
func javaInet(a netip.Addr) string {
	a = a.WithZone("").Unmap()
	if a.Is4() || !a.IsValid() {
		return a.String()
	}
	b := a.As16()
	groups := make([]string, 8)
	for i := range groups {
		groups[i] = strconv.FormatUint(uint64(b[2*i])<<8|uint64(b[2*i+1]), 16)
	}
	return strings.Join(groups, ":")
}
