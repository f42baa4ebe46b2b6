package value

import (
	"fmt"
	"math"
	"math/big"
	"net/netip"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

// This file covers the one case where cqlsh fails to format a value: a
// tuple with a null component. The Python driver gives the component as
// None and cqlsh formats it with the component type's formatter; the
// formatters of text, float, double, blob, duration, collections, tuples
// and UDTs raise on None (int, uuid, boolean, date and time print None;
// timestamp and inet print 'None'). cqlsh then prints the whole cell as
// Python's repr() of the driver's object and, after "(N rows)", the line
// "Failed to format value <repr> : <error>" (cqlshmain.py myformat_value,
// print_result).

// FormatFailure returns the Python error cqlsh hits when formatting v, a
// value of type t, or "" when cqlsh formats it normally.
func FormatFailure(t *Type, v any) string {
	if v == nil || t == nil {
		return ""
	}
	return formatFailure(t, v)
}

// FormatFailureMessage returns the line cqlsh prints after a result for a
// value it failed to format, or "" when it formats v normally.
func FormatFailureMessage(t *Type, v any) string {
	msg := FormatFailure(t, v)
	if msg == "" {
		return ""
	}
	return "Failed to format value " + PythonRepr(t, v) + " : " + msg
}

func formatFailure(t *Type, v any) string {
	switch t.Kind {
	case KindTuple:
		elems, ok := v.([]any)
		if !ok {
			return ""
		}
		for i, et := range t.Elems {
			var e any
			if i < len(elems) {
				e = elems[i]
			}
			if e == nil {
				if msg := noneFailure(et); msg != "" {
					return msg
				}
				continue
			}
			if msg := formatFailure(et, e); msg != "" {
				return msg
			}
		}
	case KindUDT:
		fields, ok := v.([]any)
		if !ok {
			return ""
		}
		for i, ft := range t.Elems {
			if i < len(fields) && fields[i] != nil {
				if msg := formatFailure(ft, fields[i]); msg != "" {
					return msg
				}
			}
		}
	case KindList, KindSet:
		elems, ok := v.([]any)
		if !ok || len(t.Elems) < 1 {
			return ""
		}
		for _, e := range elems {
			if e != nil {
				if msg := formatFailure(t.Elems[0], e); msg != "" {
					return msg
				}
			}
		}
	case KindMap:
		entries, ok := v.([]MapEntry)
		if !ok || len(t.Elems) < 2 {
			return ""
		}
		for _, e := range entries {
			if e.Key != nil {
				if msg := formatFailure(t.Elems[0], e.Key); msg != "" {
					return msg
				}
			}
			if e.Value != nil {
				if msg := formatFailure(t.Elems[1], e.Value); msg != "" {
					return msg
				}
			}
		}
	}
	return ""
}

// noneFailure returns the error cqlsh's formatter for type t raises on
// None, or "" when it prints None without failing.
func noneFailure(t *Type) string {
	switch t.Kind {
	case KindAscii, KindText:
		return "'NoneType' object has no attribute 'replace'"
	case KindFloat, KindDouble:
		return "must be real number, not NoneType"
	case KindBlob:
		return "'NoneType' object has no attribute 'hex'"
	case KindDuration:
		return "'NoneType' object has no attribute 'months'"
	case KindList, KindSet, KindTuple:
		return "object of type 'NoneType' has no len()"
	case KindMap:
		return "'NoneType' object has no attribute 'items'"
	case KindUDT:
		return "'NoneType' object has no attribute '_asdict'"
	}
	return ""
}

// noneText is how cqlsh prints a None tuple component whose formatter
// does not fail: quoted for timestamps and inets, bare otherwise.
func noneText(t *Type) string {
	if t != nil && (t.Kind == KindTimestamp || t.Kind == KindInet) {
		return "'None'"
	}
	return "None"
}

// PythonRepr returns Python's repr() of the object the Python driver
// makes of v, a value of type t: 'text', 1.5, Decimal('1.50'),
// UUID('...'), datetime.datetime(2019, 7, 1, 10, 30), Date(18078),
// Time(...), Duration(m, d, ns), b'\x01', [..], SortedSet([..]),
// OrderedMapSerializedKey([(k, v)]), (a, b), name(field=value), None.
func PythonRepr(t *Type, v any) string {
	var b strings.Builder
	writePythonRepr(&b, t, v)
	return b.String()
}

func writePythonRepr(b *strings.Builder, t *Type, v any) {
	if v == nil {
		b.WriteString("None")
		return
	}
	if t == nil {
		fmt.Fprint(b, v)
		return
	}
	switch x := v.(type) {
	case string:
		b.WriteString(pythonStrRepr(x))
		return
	case bool:
		b.WriteString(map[bool]string{true: "True", false: "False"}[x])
		return
	case float64:
		b.WriteString(pythonFloatRepr(x))
		return
	case float32:
		b.WriteString(pythonFloatRepr(float64(x)))
		return
	case *apd.Decimal:
		b.WriteString("Decimal('" + decimalString(x) + "')")
		return
	case *big.Int:
		b.WriteString(x.String())
		return
	case uuid.UUID:
		b.WriteString("UUID('" + x.String() + "')")
		return
	case Timestamp:
		b.WriteString(pythonDatetimeRepr(int64(x)))
		return
	case Date:
		fmt.Fprintf(b, "Date(%d)", x.Days())
		return
	case Time:
		fmt.Fprintf(b, "Time(%d)", int64(x))
		return
	case Duration:
		fmt.Fprintf(b, "Duration(%d, %d, %d)", x.Months, x.Days, x.Nanos)
		return
	case netip.Addr:
		b.WriteString(pythonStrRepr(pythonInet(x)))
		return
	case []byte:
		b.WriteString(pythonBytesRepr(x))
		return
	case []MapEntry:
		if len(t.Elems) < 2 {
			break
		}
		b.WriteString("OrderedMapSerializedKey([")
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			writePythonRepr(b, t.Elems[0], e.Key)
			b.WriteString(", ")
			writePythonRepr(b, t.Elems[1], e.Value)
			b.WriteByte(')')
		}
		b.WriteString("])")
		return
	case []any:
		writePythonSequenceRepr(b, t, x)
		return
	}
	if s, ok := plainString(t, v); ok {
		b.WriteString(s)
		return
	}
	fmt.Fprint(b, v)
}

func writePythonSequenceRepr(b *strings.Builder, t *Type, elems []any) {
	switch t.Kind {
	case KindList, KindSet:
		if len(t.Elems) < 1 {
			break
		}
		if t.Kind == KindSet {
			sorted := make([]any, len(elems))
			copy(sorted, elems)
			sortStable(len(sorted), func(i, j int) bool { return pythonCompare(t.Elems[0], sorted[i], sorted[j]) < 0 },
				func(i, j int) { sorted[i], sorted[j] = sorted[j], sorted[i] })
			elems = sorted
			b.WriteString("SortedSet(")
		}
		b.WriteByte('[')
		for i, e := range elems {
			if i > 0 {
				b.WriteString(", ")
			}
			writePythonRepr(b, t.Elems[0], e)
		}
		b.WriteByte(']')
		if t.Kind == KindSet {
			b.WriteByte(')')
		}
		return
	case KindTuple:
		b.WriteByte('(')
		for i, et := range t.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			var e any
			if i < len(elems) {
				e = elems[i]
			}
			writePythonRepr(b, et, e)
		}
		if len(t.Elems) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
		return
	case KindUDT:
		names := pythonFieldNames(t.Fields)
		b.WriteString(t.Name)
		b.WriteByte('(')
		for i, ft := range t.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			if i < len(names) {
				b.WriteString(names[i])
			}
			b.WriteByte('=')
			var e any
			if i < len(elems) {
				e = elems[i]
			}
			writePythonRepr(b, ft, e)
		}
		b.WriteByte(')')
		return
	}
	fmt.Fprint(b, elems)
}

// pythonStrRepr returns Python's repr() of a str: single quotes unless
// the text has a single quote and no double quote, backslash escapes for
// the quote, backslashes, \t, \n, \r and other unprintable characters.
func pythonStrRepr(s string) string {
	quote := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case !unicode.IsPrint(r) || r == utf8.RuneError:
			switch {
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pythonBytesRepr returns Python's repr() of a bytes object: b'...' with
// printable ASCII kept and other bytes as \xNN.
func pythonBytesRepr(p []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(p), '\'') >= 0 && strings.IndexByte(string(p), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for _, c := range p {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pythonFloatRepr returns Python's repr() of a float: the shortest digits
// that read back the same, in exponent form when the decimal exponent is
// below -4 or above 15, with ".0" on integral values.
func pythonFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1
	if decpt <= -4 || decpt > 16 {
		s := digits[:1]
		if len(digits) > 1 {
			s += "." + digits[1:]
		}
		esign := "+"
		if exp < 0 {
			esign, exp = "-", -exp
		}
		return fmt.Sprintf("%s%se%s%02d", sign, s, esign, exp)
	}
	switch {
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	}
	return sign + digits[:decpt] + "." + digits[decpt:]
}

// pythonDatetimeRepr returns repr() of the naive datetime the driver (with
// cqlsh's fallback) makes of a timestamp: datetime.datetime(2019, 7, 1,
// 10, 30[, 15[, 500000]]), or the milliseconds outside years 1-9999.
func pythonDatetimeRepr(ms int64) string {
	us, ok := pythonMicros(ms)
	if !ok {
		return strconv.FormatInt(ms, 10)
	}
	days := floorDiv(us, 86400e6)
	rem := us - days*86400e6
	y, m, d := civilFromDays(days)
	sec := rem / 1e6
	parts := []int64{int64(y), int64(m), int64(d), sec / 3600, sec / 60 % 60, sec % 60, rem % 1e6}
	if parts[6] == 0 {
		parts = parts[:6]
		if parts[5] == 0 {
			parts = parts[:5]
		}
	}
	text := make([]string, len(parts))
	for i, p := range parts {
		text[i] = strconv.FormatInt(p, 10)
	}
	return "datetime.datetime(" + strings.Join(text, ", ") + ")"
}
