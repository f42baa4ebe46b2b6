package value

import (
	"errors"
	"math"
	"math/big"
	"net/netip"
	"strings"
	"time"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// This file parses the string forms Cassandra accepts for typed constants
// ('2019-07-01' for a date, '1h30m' for a duration, ...). Each function
// follows the fromString of the matching Cassandra type (db/marshal/*Type,
// serializers/*Serializer, cql3/Duration) and returns its MarshalException
// text as a *cqlerr.Error of class Invalid.

// ErrEmptyValue is returned where Cassandra would produce an empty value
// (zero bytes, which is not null): the empty string given for an int,
// timestamp, uuid, inet, duration, decimal and most other non-text types. The
// sandbox has no Go form for such values; callers decide what to report.
var ErrEmptyValue = errors.New("empty value (zero bytes) is not supported by the sandbox")

// timeNow is the clock behind the timestamp string 'now'; tests replace it.
var timeNow = time.Now

// ParseTimestamp parses a timestamp string as Cassandra 5.0's
// TimestampSerializer.dateStringToTimestamp does: 'now', a number of
// milliseconds since the epoch ('-?[0-9]+'), or a date and time
// 'y-M-d[T| ]H:m[:s[.fraction]][zone]' or a date 'yyyy-MM-dd[zone]', where
// zone is 'Z', '+hh', '+hhmm', '+hh:mm' (directly after the time or after a
// space), or a space and a zone name (UTC, GMT, UT, JST, an IANA zone ID).
// Month and day may have one digit, the fraction has up to 9 digits (beyond
// milliseconds they are dropped), and an invalid day of month is clamped to
// the month's last day, as java.time's SMART resolver does ('2019-02-30' is
// 2019-02-28). Without a zone Cassandra uses the server's time zone; the
// sandbox uses UTC.
func ParseTimestamp(s string) (Timestamp, error) {
	if s == "" {
		return 0, ErrEmptyValue
	}
	if strings.EqualFold(s, "now") {
		return TimestampFromTime(timeNow()), nil
	}
	if isJavaRawInteger(s) {
		ms, ok := parseJavaInt(s, 64)
		if !ok {
			return 0, cqlerr.Invalidf("Unable to make long (for date) from: '%s'", s)
		}
		return Timestamp(ms), nil
	}
	if ms, ok := parseTimestampText(s); ok {
		return Timestamp(ms), nil
	}
	return 0, cqlerr.Invalidf("Unable to parse a date/time from '%s'", s)
}

// isJavaRawInteger reports whether s matches the regular expression ^-?\d+$
// (ASCII digits) that Cassandra's date, time and timestamp parsers try first.
func isJavaRawInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxDateDays is the largest unsigned day number of a date value.
const maxDateDays = 1<<32 - 1

// ParseDate parses a date string as Cassandra 5.0's
// SimpleDateSerializer.dateStringToDays does: an unsigned day number
// '0'..'4294967295' with the epoch at 2^31 (so '2147483648' is 1970-01-01),
// or DateTimeFormatter.ISO_LOCAL_DATE with the STRICT resolver: a year of
// four digits (up to ten after a '+', or after a '-' for years before 0),
// a two-digit month and a two-digit day, checked against the proleptic
// Gregorian calendar. '2019-7-1' is refused.
func ParseDate(s string) (Date, error) {
	if isJavaRawInteger(s) {
		n, ok := parseJavaInt(s, 64)
		if !ok || n < 0 || n > maxDateDays {
			return 0, cqlerr.Invalidf("Unable to make unsigned int (for date) from: '%s'", s)
		}
		return Date(uint32(n)), nil
	}
	y, m, d, ok := parseISOLocalDate(s)
	if !ok {
		return 0, cqlerr.Invalidf("Unable to coerce '%s' to a formatted date (long)", s)
	}
	days := daysFromCivil(y, m, d)
	// Instant.toEpochMilli overflows (an ArithmeticException, reported
	// like a parse failure) beyond about 292 million years.
	if days > math.MaxInt64/86400000 || days < math.MinInt64/86400000 {
		return 0, cqlerr.Invalidf("Unable to coerce '%s' to a formatted date (long)", s)
	}
	switch {
	case days < math.MinInt32:
		return 0, cqlerr.Invalidf("Input date %s is less than min supported date -5877641-06-23T00:00Z", s)
	case days > math.MaxInt32:
		return 0, cqlerr.Invalidf("Input date %s is greater than max supported date +5881580-07-11T00:00Z", s)
	}
	return DateFromDays(days), nil
}

// parseISOLocalDate parses ISO_LOCAL_DATE strictly: the year as
// appendValue(YEAR, 4, 10, SignStyle.EXCEEDS_PAD), '-', two-digit month,
// '-', two-digit day, the whole string and nothing more.
func parseISOLocalDate(s string) (y, m, d int64, ok bool) {
	sc := scanner{s: s}
	if y, ok = exceedsPadNumber(&sc, 4, 10); !ok {
		return 0, 0, 0, false
	}
	if m, d, ok = twoDigitMonthDay(&sc); !ok || !sc.done() {
		return 0, 0, 0, false
	}
	if y < -999999999 || y > 999999999 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// nanosPerDay is the number of nanoseconds in a day.
const nanosPerDay = 86400 * 1e9

// ParseTime parses a time string as TimeSerializer.timeStringToLong does: a
// number of nanoseconds since midnight, or 'hh:mm:ss[.fffffffff]' (surrounding
// blanks ignored, one or more digits per field).
func ParseTime(s string) (Time, error) {
	if isJavaRawInteger(s) {
		n, ok := parseJavaInt(s, 64)
		if !ok || n < 0 || n >= nanosPerDay {
			return 0, cqlerr.Invalidf("Unable to make long (for time) from: '%s'", s)
		}
		return Time(n), nil
	}
	if n, ok := parseTimeStrictly(s); ok {
		return Time(n), nil
	}
	return 0, cqlerr.Invalidf("(TimeType) Unable to coerce '%s' to a formatted time (long)", s)
}

// parseTimeStrictly follows TimeSerializer.parseTimeStrictly, which splits
// the string at its first two colons and first following period and parses
// each part with Integer.parseInt.
func parseTimeStrictly(s string) (int64, bool) {
	s = javaTrim(s)
	first := strings.IndexByte(s, ':')
	if first <= 0 {
		return 0, false
	}
	second := strings.IndexByte(s[first+1:], ':')
	if second < 0 {
		return 0, false
	}
	second += first + 1
	if second >= len(s)-1 {
		return 0, false
	}
	hour, ok := parseJavaInt(s[:first], 32)
	if !ok || hour < 0 || hour >= 24 {
		return 0, false
	}
	minute, ok := parseJavaInt(s[first+1:second], 32)
	if !ok || minute < 0 || minute >= 60 {
		return 0, false
	}
	secondsText, nanosText := s[second+1:], ""
	if p := strings.IndexByte(secondsText, '.'); p >= 0 {
		if p == len(secondsText)-1 {
			return 0, false
		}
		secondsText, nanosText = secondsText[:p], secondsText[p+1:]
	}
	sec, ok := parseJavaInt(secondsText, 32)
	if !ok || sec < 0 || sec >= 60 {
		return 0, false
	}
	var nanos int64
	if nanosText != "" {
		runes := []rune(nanosText)
		if len(runes) > 9 {
			return 0, false
		}
		if _, isDigit := javaDigit(runes[0]); !isDigit {
			return 0, false
		}
		if nanos, ok = parseJavaInt(nanosText+strings.Repeat("0", 9-len(runes)), 32); !ok {
			return 0, false
		}
	}
	return ((hour*60+minute)*60+sec)*1e9 + nanos, true
}

// ParseUUID parses a uuid string as UUIDType.fromString does: exactly
// 8-4-4-4-12 hexadecimal digits (either case).
func ParseUUID(s string) (uuid.UUID, error) {
	if s == "" {
		return uuid.UUID{}, ErrEmptyValue
	}
	if u, ok := parseStrictUUID(s); ok {
		return u, nil
	}
	return uuid.UUID{}, cqlerr.Invalidf("Unable to make UUID from '%s'", s)
}

// ParseTimeUUID parses a timeuuid string as TimeUUIDType.fromString does: a
// uuid string whose version is 1.
func ParseTimeUUID(s string) (uuid.UUID, error) {
	if s == "" {
		return uuid.UUID{}, ErrEmptyValue
	}
	u, ok := parseStrictUUID(s)
	if !ok {
		return uuid.UUID{}, cqlerr.Invalidf("Unknown timeuuid representation: %s", s)
	}
	if u.Version() != 1 {
		return uuid.UUID{}, cqlerr.Invalidf("TimeUUID supports only version 1 UUIDs")
	}
	return u, nil
}

func parseStrictUUID(s string) (uuid.UUID, bool) {
	if len(s) != 36 {
		return uuid.UUID{}, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return uuid.UUID{}, false
			}
		} else if hexNibble(c) < 0 {
			return uuid.UUID{}, false
		}
	}
	u, err := uuid.Parse(s)
	return u, err == nil
}

// ParseInet parses an inet string as InetAddressType.fromString does with
// Java's InetAddress.getByName: a dotted IPv4 address (also the shortened
// forms '127.1' and '2130706433' Java accepts), an IPv6 address, optionally
// in brackets, or 'localhost'. An IPv4-mapped IPv6 address becomes its IPv4
// address, as in Java; a zone is dropped. Java would resolve any other host
// name through DNS; the sandbox does not and reports an error.
func ParseInet(s string) (netip.Addr, error) {
	if s == "" {
		return netip.Addr{}, ErrEmptyValue
	}
	if a, ok := parseJavaInet(s); ok {
		return a, nil
	}
	return netip.Addr{}, cqlerr.Invalidf("Unable to make inet address from '%s'", s)
}

func parseJavaInet(s string) (netip.Addr, bool) {
	if strings.EqualFold(s, "localhost") {
		return netip.AddrFrom4([4]byte{127, 0, 0, 1}), true
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = s[1 : len(s)-1]
		if !strings.Contains(s, ":") {
			return netip.Addr{}, false
		}
	}
	if !strings.Contains(s, ":") {
		return parseLegacyIPv4(s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.WithZone("").Unmap(), true
}

// parseLegacyIPv4 parses the IPv4 forms of Java's
// IPAddressUtil.textToNumericFormatV4: one to four decimal parts, the last
// one filling the remaining bytes ("10.1" is 10.0.0.1).
func parseLegacyIPv4(s string) (netip.Addr, bool) {
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var b [4]byte
	for i, p := range parts {
		if p == "" || len(p) > 10 {
			return netip.Addr{}, false
		}
		var n uint64
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return netip.Addr{}, false
			}
			n = n*10 + uint64(p[j]-'0')
		}
		if i < len(parts)-1 {
			if n > 255 {
				return netip.Addr{}, false
			}
			b[i] = byte(n)
			continue
		}
		rest := 4 - i
		if n >= 1<<(8*rest) {
			return netip.Addr{}, false
		}
		for k := 3; k >= i; k-- {
			b[k] = byte(n)
			n >>= 8
		}
	}
	return netip.AddrFrom4(b), true
}

// ParseDecimal parses a decimal string as DecimalType.fromString does with
// Java's BigDecimal(String): an optional sign, digits with an optional
// decimal point, and an optional exponent ('1.5', '-.5', '1E+3', '2e-7').
func ParseDecimal(s string) (*apd.Decimal, error) {
	if s == "" {
		return nil, ErrEmptyValue
	}
	if d, ok := parseJavaBigDecimal(s); ok {
		return d, nil
	}
	return nil, cqlerr.Invalidf("unable to make BigDecimal from '%s'", s)
}

// ParseVarint parses a varint string as IntegerType.fromString does with
// Java's BigInteger(String): an optional sign and one or more digits.
func ParseVarint(s string) (*big.Int, error) {
	if s == "" {
		return nil, ErrEmptyValue
	}
	if n, ok := parseJavaBigInteger(s); ok {
		return n, nil
	}
	return nil, cqlerr.Invalidf("unable to make int from '%s'", s)
}

// ParseBlobHex parses the string form of a blob, '0x' followed by an even
// number of hexadecimal digits, with BytesType.fromJSONObject's messages.
// '0X' is accepted too, as the CQL lexer accepts it for blob constants.
func ParseBlobHex(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return nil, cqlerr.Invalidf("String representation of blob is missing 0x prefix: %s", s)
	}
	b, ok := decodeHex(s[2:])
	if !ok {
		return nil, cqlerr.Invalidf("cannot parse '%s' as hex bytes", s[2:])
	}
	return b, nil
}

func decodeHex(s string) ([]byte, bool) {
	if len(s)%2 != 0 {
		return nil, false
	}
	b := make([]byte, len(s)/2)
	for i := range b {
		hi, lo := hexNibble(s[2*i]), hexNibble(s[2*i+1])
		if hi < 0 || lo < 0 {
			return nil, false
		}
		b[i] = byte(hi<<4 | lo)
	}
	return b, true
}

func hexNibble(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// UnixMillis returns the instant of ts, in UTC.
func UnixMillis(ts Timestamp) time.Time { return time.UnixMilli(int64(ts)).UTC() }

// Time returns the instant of ts, in UTC.
func (ts Timestamp) Time() time.Time { return UnixMillis(ts) }

// TimestampFromTime returns the timestamp of t, truncated to milliseconds.
func TimestampFromTime(t time.Time) Timestamp { return Timestamp(t.UnixMilli()) }

// DateFromTime returns the date of t's calendar day in t's location.
func DateFromTime(t time.Time) Date {
	y, m, d := t.Date()
	return DateFromDays(daysFromCivil(int64(y), int64(m), int64(d)))
}

// DateFromDays returns the date that is days days after 1970-01-01 (before
// it when negative), wrapping around outside the 32-bit range.
func DateFromDays(days int64) Date { return Date(uint32(days + int64(DateEpoch))) }

// Days returns the number of days from 1970-01-01 to d, negative before it.
func (d Date) Days() int64 { return int64(d) - int64(DateEpoch) }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	y, m, day := civilFromDays(d.Days())
	return time.Date(int(y), time.Month(m), int(day), 0, 0, 0, 0, time.UTC)
}

// daysFromCivil returns the number of days from 1970-01-01 to the given day
// of the proleptic Gregorian calendar (year 0 is 1 BC).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isLeapYear(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthLength(y, m int64) int64 {
	switch m {
	case 2:
		if isLeapYear(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// scanner reads a string byte by byte for the date and time parsers.
type scanner struct {
	s string
	i int
}

func (sc *scanner) peek() byte {
	if sc.i < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

func (sc *scanner) done() bool { return sc.i == len(sc.s) }

func (sc *scanner) literal(c byte) bool {
	if sc.peek() == c && !sc.done() {
		sc.i++
		return true
	}
	return false
}

// number reads min to max ASCII digits; it fails (without moving) on fewer
// digits or on a value beyond int64.
func (sc *scanner) number(min, max int) (int64, bool) {
	start := sc.i
	var n int64
	for sc.i < len(sc.s) && sc.i-start < max && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' {
		d := int64(sc.s[sc.i] - '0')
		if n > (math.MaxInt64-d)/10 {
			sc.i = start
			return 0, false
		}
		n = n*10 + d
		sc.i++
	}
	if sc.i-start < min {
		sc.i = start
		return 0, false
	}
	return n, true
}
