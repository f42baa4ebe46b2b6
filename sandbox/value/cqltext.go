package value

import (
	"fmt"
	"net/netip"
	"strconv"

	"github.com/cockroachdb/apd/v3"
)

// CQLText returns v, a value of native type t, as Cassandra's serializers
// print it without quotes (TypeSerializer.toCQLLiteralNoQuote), the text
// CAST(x AS text) gives:
//
//	numbers     42, 1.5, 1.0E10, NaN (Java's Float/Double.toString), 1E+3 (BigDecimal.toString)
//	boolean     true, false
//	timestamp   2019-07-01T10:30:15.000Z
//	date        2019-07-01
//	time        10:30:15.000000000
//	inet        127.0.0.1, 2001:db8:0:0:0:0:0:1 (InetAddress.getHostAddress)
//	uuid        123e4567-e89b-42d3-a456-556642440000
//
// A null is "null". Types without a text form of their own (blobs,
// collections) are printed as cqlsh would.
func CQLText(t *Type, v any) string {
	if v == nil {
		return "null"
	}
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return javaDoubleString(x)
	case float32:
		return javaFloatString(x)
	case Timestamp:
		return isoTimestamp(int64(x))
	case Date:
		return javaLocalDate(x)
	case netip.Addr:
		return javaInet(x)
	}
	if s, ok := plainString(t, v); ok {
		return s
	}
	return Format(t, v)
}

// JavaDoubleDecimal returns BigDecimal.valueOf(f): the decimal whose digits
// are those of Double.toString(f). It fails for NaN and infinities, which
// have no decimal form.
func JavaDoubleDecimal(f float64) (*apd.Decimal, error) {
	return javaDecimalText(javaDoubleString(f))
}

// JavaFloatDecimal returns new BigDecimal(Float.toString(f)).
func JavaFloatDecimal(f float32) (*apd.Decimal, error) {
	return javaDecimalText(javaFloatString(f))
}

func javaDecimalText(s string) (*apd.Decimal, error) {
	d, ok := parseJavaBigDecimal(s)
	if !ok {
		return nil, fmt.Errorf("Character %s is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", s)
	}
	return d, nil
}

// javaYear writes a year with java.time's SignStyle.EXCEEDS_PAD and a
// width of four: zero-padded, '-' for negative years and '+' for years
// beyond 9999.
func javaYear(y int64) string {
	switch {
	case y < 0:
		return fmt.Sprintf("-%04d", -y)
	case y > 9999:
		return "+" + strconv.FormatInt(y, 10)
	}
	return fmt.Sprintf("%04d", y)
}

// javaLocalDate formats a date as SimpleDateSerializer.toString does in
// Cassandra 5.0 (DateTimeFormatter.ISO_LOCAL_DATE): the proleptic
// Gregorian year with java.time's sign rules, then month and day.
func javaLocalDate(dt Date) string {
	y, m, d := civilFromDays(dt.Days())
	return fmt.Sprintf("%s-%02d-%02d", javaYear(y), m, d)
}

// javaDateTime splits milliseconds since the epoch into the parts
// java.time prints for a UTC instant with the pattern letters yyyy (the
// year of era, so 1 BC is year 1), MM, dd, HH, mm, ss and SSS.
func javaDateTime(ms int64) (year string, m, d, hh, mm, ss, milli int64) {
	days := floorDiv(ms, 86400000)
	rem := ms - days*86400000
	y, m, d := civilFromDays(days)
	if y <= 0 {
		y = 1 - y
	}
	sec := rem / 1000
	return javaYear(y), m, d, sec / 3600, sec / 60 % 60, sec % 60, rem % 1000
}

// isoTimestamp formats a timestamp as TimestampSerializer's
// toCQLLiteral formatter, "yyyy-MM-dd'T'HH:mm:ss.SSSX" in UTC.
func isoTimestamp(ms int64) string {
	y, m, d, hh, mm, ss, milli := javaDateTime(ms)
	return fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, hh, mm, ss, milli)
}
