package value

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Literal returns v, a value of type t, as a CQL literal that Cassandra's
// parser reads back as the same value for a column of type t (for export
// and DESCRIBE), null for nil. Examples, by type:
//
//	text       'it''s'
//	numbers    42, -1.5, 1e+21, NaN, -Infinity
//	others     true, 0xcafe, 5a2ac2b0-7f25-11e4-a3f6-7f1e2b0c3a4d, 1h30m
//	quoted     '2012-01-15 10:30:00.000+0000', '2019-07-01', '10:30:00.000000000', '127.0.0.1'
//	nested     [1, 2], {'a'}, {'k': 1}, (1, 'a'), {street: 'x', "Zip": null}
//
// Numbers use the shortest digits that read back exactly (Double.valueOf
// and Float.parseFloat are correctly rounded). Timestamps and dates outside
// years 1 to 9999 are written as the integer forms Cassandra also accepts
// (milliseconds since the epoch; the unsigned day number with the epoch at
// 2^31). A zero duration is written 0s, since Cassandra prints it as the
// empty string.
func Literal(t *Type, v any) string {
	if s, ok := scalarLiteral(t, v); ok {
		return s
	}
	var b strings.Builder
	writeLiteral(&b, t, v)
	return b.String()
}

// scalarLiteral returns the literal of a value that writeLiteral writes
// in one piece (null and the scalar types but dates); ok is false for the
// others.
func scalarLiteral(t *Type, v any) (s string, ok bool) {
	if v == nil {
		return "null", true
	}
	if t == nil {
		return "", false
	}
	switch t.Kind {
	case KindAscii, KindText:
		if s, ok := v.(string); ok {
			return QuoteString(s), true
		}
	case KindBoolean:
		if x, ok := v.(bool); ok {
			return strconv.FormatBool(x), true
		}
	case KindDouble:
		if x, ok := v.(float64); ok {
			return floatLiteral(x, 64), true
		}
	case KindFloat:
		if x, ok := v.(float32); ok {
			return floatLiteral(float64(x), 32), true
		}
	case KindTimestamp:
		if x, ok := v.(Timestamp); ok {
			return timestampLiteral(x), true
		}
	case KindTime:
		if x, ok := v.(Time); ok {
			return "'" + timeString(x) + "'", true
		}
	case KindDuration:
		if x, ok := v.(Duration); ok {
			if s := x.String(); s != "" {
				return s, true
			}
			return "0s", true
		}
	case KindInet:
		if x, ok := v.(netip.Addr); ok {
			return "'" + x.WithZone("").Unmap().String() + "'", true
		}
	case KindDate, KindList, KindSet, KindMap, KindTuple, KindUDT:
	default:
		return plainString(t, v)
	}
	return "", false
}

func writeLiteral(b *strings.Builder, t *Type, v any) {
	if s, ok := scalarLiteral(t, v); ok {
		b.WriteString(s)
		return
	}
	if t == nil {
		fmt.Fprint(b, v)
		return
	}
	switch t.Kind {
	case KindDate:
		if x, ok := v.(Date); ok {
			if y, m, d := civilFromDays(x.Days()); y >= 1 && y <= 9999 {
				fmt.Fprintf(b, "'%04d-%02d-%02d'", y, m, d)
			} else {
				b.WriteString(strconv.FormatUint(uint64(x), 10))
			}
			return
		}
	case KindList, KindSet:
		if elems, ok := v.([]any); ok && len(t.Elems) > 0 {
			open, close := "[", "]"
			if t.Kind == KindSet {
				open, close = "{", "}"
			}
			writeLiteralElems(b, open, close, elems, func(int) *Type { return t.Elems[0] })
			return
		}
	case KindMap:
		if entries, ok := v.([]MapEntry); ok && len(t.Elems) > 1 {
			b.WriteByte('{')
			for i, e := range entries {
				if i > 0 {
					b.WriteString(", ")
				}
				writeLiteral(b, t.Elems[0], e.Key)
				b.WriteString(": ")
				writeLiteral(b, t.Elems[1], e.Value)
			}
			b.WriteByte('}')
			return
		}
	case KindTuple:
		if elems, ok := v.([]any); ok {
			full := make([]any, len(t.Elems))
			copy(full, elems)
			writeLiteralElems(b, "(", ")", full, func(i int) *Type { return t.Elems[i] })
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
					b.WriteString(QuoteIdent(t.Fields[i]))
				}
				b.WriteString(": ")
				var f any
				if i < len(fields) {
					f = fields[i]
				}
				writeLiteral(b, ft, f)
			}
			b.WriteByte('}')
			return
		}
	}
	fmt.Fprint(b, v)
}

func writeLiteralElems(b *strings.Builder, open, close string, elems []any, typeAt func(int) *Type) {
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		writeLiteral(b, typeAt(i), e)
	}
	b.WriteString(close)
}

// QuoteString returns s as a CQL string literal: in single quotes, with
// single quotes doubled.
func QuoteString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// floatLiteral writes a double (bitSize 64) or float (32) as a CQL constant:
// NaN, Infinity and -Infinity are keywords of the grammar; other values get
// their shortest round-tripping digits, which the lexer reads as an INTEGER
// or FLOAT token ("-0", "1.5", "1e+21").
func floatLiteral(f float64, bitSize int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'g', -1, bitSize)
}

// timestampLiteral writes a timestamp in the form 'yyyy-MM-dd
// HH:mm:ss.SSS+0000', which TimestampSerializer parses with its
// "y-M-d H:m[:s]" and "X" patterns, or as milliseconds outside years 1-9999.
func timestampLiteral(ts Timestamp) string {
	ms := int64(ts)
	days := floorDiv(ms, 86400000)
	rem := ms - days*86400000
	y, m, d := civilFromDays(days)
	if y < 1 || y > 9999 {
		return strconv.FormatInt(ms, 10)
	}
	sec := rem / 1000
	return fmt.Sprintf("'%04d-%02d-%02d %02d:%02d:%02d.%03d+0000'", y, m, d, sec/3600, sec/60%60, sec%60, rem%1000)
}
