package value

import (
	"fmt"
	"math"
	"math/big"
	"net/netip"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
)

// This file renders values the way cqlsh 5.0 prints them
// (pylib/cqlshlib/formatting.py with cqlsh's defaults: float and double
// precision 5, timestamps '%Y-%m-%d %H:%M:%S.%f%z' in UTC, no colour).
// cqlsh receives values through the Python driver, so some renderings are
// Python's: str(Decimal), the driver's Date and Time classes, inet_ntop.

// cqlshFloatPrecision is cqlsh's default float_precision and
// double_precision.
const cqlshFloatPrecision = 5

// Format returns v, a value of type t, as cqlsh prints it in a result table:
// null for nil, text unquoted (backslashes doubled, control characters
// escaped as \n, \t, \r or \xNN), True/False, floats with cqlsh's
// significant-digit rule (7.95, 25, 1.2346e+05, NaN, Infinity), timestamps as
// 2012-01-15 10:30:00.000000+0000, blobs as 0x..., collections as [..],
// {..} and {k: v}, tuples as (..), UDTs as {field: value}. Inside collections,
// tuples and UDTs text, timestamps and inets are quoted with '.
//
// Sets and map keys are listed in the order the Python driver and cqlsh
// give them: Python's ordering of the element values, which differs from
// Cassandra's for uuid, timeuuid and inet. A null tuple component prints as
// None ('None' for timestamps and inets), since cqlsh formats Python's None
// with the component's formatter; when that formatter fails (text, float,
// blob, collection components...), cqlsh prints the whole value as its
// Python repr (see FormatFailure and PythonRepr). A null UDT field prints as
// null. An empty non-frozen collection prints as null, since
// Cassandra does not store one. A value of the wrong Go type is printed
// with fmt's %v.
func Format(t *Type, v any) string {
	if v == nil {
		return "null"
	}
	if FormatFailure(t, v) != "" {
		return PythonRepr(t, v)
	}
	var b strings.Builder
	writeCqlsh(&b, t, v, false)
	return b.String()
}

// FormatNested returns v as cqlsh prints it inside a collection, tuple or
// UDT: like Format, but with text, timestamps and inets quoted.
func FormatNested(t *Type, v any) string {
	if v == nil {
		return "null"
	}
	var b strings.Builder
	writeCqlsh(&b, t, v, true)
	return b.String()
}

func writeCqlsh(b *strings.Builder, t *Type, v any, quote bool) {
	if t == nil {
		fmt.Fprint(b, v)
		return
	}
	switch t.Kind {
	case KindAscii, KindText:
		if s, ok := v.(string); ok {
			writePythonText(b, s, quote)
			return
		}
	case KindBoolean:
		if x, ok := v.(bool); ok {
			b.WriteString(map[bool]string{true: "True", false: "False"}[x])
			return
		}
	case KindDouble:
		if x, ok := v.(float64); ok {
			b.WriteString(pythonFloat(x, cqlshFloatPrecision))
			return
		}
	case KindFloat:
		if x, ok := v.(float32); ok {
			b.WriteString(pythonFloat(float64(x), cqlshFloatPrecision))
			return
		}
	case KindTimestamp:
		if x, ok := v.(Timestamp); ok {
			writeQuoted(b, pythonTimestamp(int64(x)), quote)
			return
		}
	case KindDate:
		if x, ok := v.(Date); ok {
			b.WriteString(pythonDate(x))
			return
		}
	case KindInet:
		if x, ok := v.(netip.Addr); ok {
			writeQuoted(b, pythonInet(x), quote)
			return
		}
	case KindList, KindSet, KindMap:
		if writeCqlshCollection(b, t, v) {
			return
		}
	case KindTuple:
		if elems, ok := v.([]any); ok {
			writeCqlshTuple(b, t, elems)
			return
		}
	case KindUDT:
		if fields, ok := v.([]any); ok {
			writeCqlshUDT(b, t, fields)
			return
		}
	default:
		if s, ok := plainString(t, v); ok {
			b.WriteString(s)
			return
		}
	}
	fmt.Fprint(b, v)
}

// plainString renders the values that cqlsh, Cassandra's JSON and CQL
// literals all print the same way: integers, varints, uuids, blobs, times
// and durations; decimals as Java's BigDecimal.toString and Python's
// str(Decimal) print them.
func plainString(t *Type, v any) (string, bool) {
	switch x := v.(type) {
	case int64:
		if t.Kind == KindBigint || t.Kind == KindCounter {
			return strconv.FormatInt(x, 10), true
		}
	case int32:
		if t.Kind == KindInt {
			return strconv.FormatInt(int64(x), 10), true
		}
	case int16:
		if t.Kind == KindSmallint {
			return strconv.FormatInt(int64(x), 10), true
		}
	case int8:
		if t.Kind == KindTinyint {
			return strconv.FormatInt(int64(x), 10), true
		}
	case *big.Int:
		if t.Kind == KindVarint && x != nil {
			return x.String(), true
		}
	case *apd.Decimal:
		if t.Kind == KindDecimal && x != nil {
			return decimalString(x), true
		}
	case uuid.UUID:
		if t.Kind == KindUUID || t.Kind == KindTimeuuid {
			return x.String(), true
		}
	case []byte:
		if t.Kind == KindBlob {
			return "0x" + fmt.Sprintf("%x", x), true
		}
	case Time:
		if t.Kind == KindTime {
			return timeString(x), true
		}
	case Duration:
		if t.Kind == KindDuration {
			return x.String(), true
		}
	}
	return "", false
}

// decimalString returns d as Java's BigDecimal.toString and Python's
// str(Decimal) print it (the General Decimal Arithmetic to-scientific-string
// form): plain notation when the exponent is not positive and the adjusted
// exponent is at least -6 (1.23, 0.000123), otherwise one digit before the
// point and an exponent (1.23E-12, 1E+3, 0E-9). A zero has no sign, since
// Cassandra's BigDecimal cannot carry one. NaN and infinities, which
// Cassandra cannot store, print as apd prints them.
func decimalString(d *apd.Decimal) string {
	if d.Form != apd.Finite {
		return d.String()
	}
	coeff := d.Coeff.String()
	exp := int64(d.Exponent)
	adjusted := exp + int64(len(coeff)) - 1
	var s string
	switch {
	case exp <= 0 && adjusted >= -6:
		point := int64(len(coeff)) + exp
		switch {
		case exp == 0:
			s = coeff
		case point > 0:
			s = coeff[:point] + "." + coeff[point:]
		default:
			s = "0." + strings.Repeat("0", int(-point)) + coeff
		}
	default:
		s = coeff[:1]
		if len(coeff) > 1 {
			s += "." + coeff[1:]
		}
		s += "E"
		if adjusted > 0 {
			s += "+"
		}
		s += strconv.FormatInt(adjusted, 10)
	}
	if d.Negative && d.Coeff.Sign() != 0 {
		return "-" + s
	}
	return s
}

func writeQuoted(b *strings.Builder, s string, quote bool) {
	if quote {
		b.WriteByte('\'')
		b.WriteString(s)
		b.WriteByte('\'')
		return
	}
	b.WriteString(s)
}

// writePythonText writes s as cqlsh's format_value_text: backslashes
// doubled, quotes doubled when quoted, and the characters U+0000-U+001F and
// U+007F-U+00A0 replaced by their Python escape (\t, \n, \r, \xNN).
func writePythonText(b *strings.Builder, s string, quote bool) {
	if quote {
		b.WriteByte('\'')
	}
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'' && quote:
			b.WriteString("''")
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || (r >= 0x7f && r <= 0xa0):
			fmt.Fprintf(b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	if quote {
		b.WriteByte('\'')
	}
}

// pythonFloat formats f as cqlsh's format_floating_point_type: the exponent
// is int(math.log10(abs(f))) (and very small magnitudes count as out of
// range), the precision grows by exponent+1 when -4 <= exponent < precision,
// and the result is Python's '%.*g'.
func pythonFloat(f float64, precision int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	const epsilon = 2.220446049250313e-16 // sys.float_info.epsilon
	if a := math.Abs(f); a > epsilon {
		if exp := pythonLog10Int(a); exp >= -4 && exp < precision {
			precision += exp + 1
		}
	}
	return strconv.FormatFloat(f, 'g', precision, 64)
}

// pythonLog10Int returns int(math.log10(a)) as CPython computes it with the
// C library's correctly rounded log10: exact powers of ten, and values so
// close to one that the rounded logarithm is an integer, give that integer;
// otherwise the logarithm is truncated toward zero.
func pythonLog10Int(a float64) int {
	k := int(math.Round(math.Log10(a)))
	if k == 0 {
		return 0
	}
	pow, _, _ := big.ParseFloat("1e"+strconv.Itoa(k), 10, 256, big.ToNearestEven)
	x := new(big.Float).SetPrec(256).SetFloat64(a)
	cmp := x.Cmp(pow)
	rel := new(big.Float).SetPrec(256).Sub(x, pow)
	rel.Quo(rel.Abs(rel), pow)
	r, _ := rel.Float64()
	kf := math.Abs(float64(k))
	halfULP := (math.Nextafter(kf, math.Inf(1)) - kf) / 2
	if r < halfULP*math.Ln10 {
		return k
	}
	switch {
	case k > 0 && cmp < 0:
		return k - 1
	case k < 0 && cmp > 0:
		return k + 1
	}
	return k
}

// Python's datetime range, in seconds from the epoch: 0001-01-01 to
// 9999-12-31 23:59:59.999999.
const (
	pythonMinSeconds = -62135596800
	pythonMaxSeconds = 253402300800
)

// pythonTimestamp formats a timestamp as cqlsh does: the driver builds a
// datetime from ms/1000.0 (a float, rounded to microseconds), printed as
// '%Y-%m-%d %H:%M:%S.%f+0000'; timestamps outside years 1-9999 print as the
// number of milliseconds.
func pythonTimestamp(ms int64) string {
	us, ok := pythonMicros(ms)
	if !ok {
		return strconv.FormatInt(ms, 10)
	}
	days := floorDiv(us, 86400e6)
	rem := us - days*86400e6
	y, m, d := civilFromDays(days)
	sec := rem / 1e6
	// Python's strftime leaves %Y unpadded on Linux (before Python 3.12.5),
	// so years before 1000 have fewer than four digits.
	return fmt.Sprintf("%d-%02d-%02d %02d:%02d:%02d.%06d+0000", y, m, d, sec/3600, sec/60%60, sec%60, rem%1e6)
}

// pythonMicros returns the microseconds since the epoch of the datetime
// the driver builds from a timestamp: from ms/1000.0 (a float), rounded to
// microseconds. It reports false outside Python's years 1-9999, where
// cqlsh keeps the milliseconds.
func pythonMicros(ms int64) (int64, bool) {
	x := float64(ms) / 1000.0
	if x < pythonMinSeconds-1 || x > pythonMaxSeconds+1 {
		return 0, false
	}
	// CPython's timedelta(seconds=x): whole seconds exactly, the fraction
	// scaled to microseconds and rounded half to even.
	whole, frac := math.Modf(x)
	us := int64(whole) * 1e6
	fracUS, rest := math.Modf(frac * 1e6)
	us += int64(fracUS)
	round := math.Round(rest)
	if math.Abs(round-rest) == 0.5 {
		odd := float64(us & 1)
		round = 2*math.Round((rest+odd)*0.5) - odd
	}
	us += int64(round)
	if us < pythonMinSeconds*1e6 || us >= pythonMaxSeconds*1e6 {
		return 0, false
	}
	return us, true
}

// pythonDate formats a date as the Python driver's Date: yyyy-mm-dd for
// years 1 to 9999, otherwise the signed number of days since 1970-01-01.
func pythonDate(d Date) string {
	days := d.Days()
	if days < pythonMinSeconds/86400 || days >= pythonMaxSeconds/86400 {
		return strconv.FormatInt(days, 10)
	}
	y, m, day := civilFromDays(days)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// timeString formats a time as hh:mm:ss.nnnnnnnnn, as both Cassandra and the
// Python driver do.
func timeString(t Time) string {
	n := int64(t)
	neg := ""
	if n < 0 {
		neg, n = "-", -n
	}
	return fmt.Sprintf("%s%02d:%02d:%02d.%09d", neg, n/3600e9, n/60e9%60, n/1e9%60, n%1e9)
}

// pythonInet formats an address as the driver's inet_ntop (glibc) does:
// dotted IPv4; compressed lower-case IPv6, with IPv4-mapped and
// IPv4-compatible addresses ending in dotted form.
func pythonInet(a netip.Addr) string {
	a = a.WithZone("")
	if a.Is6() && !a.Is4In6() {
		b := a.As16()
		zero := true
		for _, x := range b[:12] {
			zero = zero && x == 0
		}
		if zero && (b[12] != 0 || b[13] != 0) {
			return "::" + netip.AddrFrom4([4]byte(b[12:])).String()
		}
	}
	return a.String()
}
