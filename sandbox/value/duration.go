package value

import (
	"math"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// This file follows org.apache.cassandra.cql3.Duration: its from(String)
// parser and its toString.

// The units of a duration, in the order they must appear (Duration.Builder's
// unit indexes).
const (
	unitYears = iota + 1
	unitMonths
	unitWeeks
	unitDays
	unitHours
	unitMinutes
	unitSeconds
	unitMillis
	unitMicros
	unitNanos
)

var durationUnitNames = [...]string{
	unitYears: "years", unitMonths: "months", unitWeeks: "weeks", unitDays: "days",
	unitHours: "hours", unitMinutes: "minutes", unitSeconds: "seconds",
	unitMillis: "milliseconds", unitMicros: "microseconds", unitNanos: "nanoseconds",
}

// durationSymbols maps the lower-cased unit symbols of the standard format
// to unit indexes.
var durationSymbols = map[string]int{
	"y": unitYears, "mo": unitMonths, "w": unitWeeks, "d": unitDays, "h": unitHours,
	"m": unitMinutes, "s": unitSeconds, "ms": unitMillis, "us": unitMicros, "µs": unitMicros,
	"ns": unitNanos,
}

// ParseDuration parses a duration as Cassandra's Duration.from does, in one
// of its formats, each optionally preceded by '-':
//
//	12h30m, 1y2mo3w4d5h6m7s8ms9us10ns   units in this order, any case, µs for us
//	P1Y2M3DT4H5M6S                     ISO 8601 with designators (any part may be missing)
//	P2W                                ISO 8601 weeks
//	P0001-02-03T04:05:06               ISO 8601 alternative format
//
// The messages are Cassandra's: "Unable to convert 'x' to a duration",
// "Invalid duration. The hours should be after days", "Invalid duration. The
// days are specified multiple times", "Invalid duration. The total number of
// months must be less or equal to 2147483647". The empty string gives
// ErrEmptyValue (DurationType stores an empty value for it).
func ParseDuration(s string) (Duration, error) {
	if s == "" {
		return Duration{}, ErrEmptyValue
	}
	source, negative := strings.CutPrefix(s, "-")
	var b durationBuilder
	var err error
	switch {
	case strings.HasPrefix(source, "P") && strings.HasSuffix(source, "W"):
		err = b.parseISOWeeks(source)
	case strings.HasPrefix(source, "P") && strings.Contains(source, "-"):
		err = b.parseISOAlternative(source)
	case strings.HasPrefix(source, "P"):
		err = b.parseISO(source)
	default:
		err = b.parseStandard(source)
	}
	if err != nil {
		return Duration{}, err
	}
	if negative {
		return Duration{Months: -b.months, Days: -b.days, Nanos: -b.nanos}, nil
	}
	return Duration{Months: b.months, Days: b.days, Nanos: b.nanos}, nil
}

// String returns d as Cassandra's Duration.toString and cqlsh print it:
// 1y2mo3d4h5m6s7ms8us9ns, each unit only when non-zero, with a leading '-'
// for a negative duration and the empty string for zero.
func (d Duration) String() string {
	var b strings.Builder
	if d.Months < 0 || d.Days < 0 || d.Nanos < 0 {
		b.WriteByte('-')
	}
	unit := func(n, per uint64, name string) uint64 {
		if n == 0 || n < per {
			return n
		}
		b.WriteString(strconv.FormatUint(n/per, 10))
		b.WriteString(name)
		return n % per
	}
	months := absUint(int64(d.Months))
	unit(unit(months, 12, "y"), 1, "mo")
	unit(absUint(int64(d.Days)), 1, "d")
	if d.Nanos != 0 {
		n := unit(absUint(d.Nanos), 3600e9, "h")
		n = unit(n, 60e9, "m")
		n = unit(n, 1e9, "s")
		n = unit(n, 1e6, "ms")
		n = unit(n, 1e3, "us")
		unit(n, 1, "ns")
	}
	return b.String()
}

func absUint(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// durationBuilder accumulates units like Duration.Builder.
type durationBuilder struct {
	months, days int32
	nanos        int64
	current      int
}

func unconvertible(source string) error {
	return cqlerr.Invalidf("Unable to convert '%s' to a duration", source)
}

// add adds n units, checking their order and the totals' ranges.
func (b *durationBuilder) add(unit int, n int64) error {
	if unit == b.current {
		return cqlerr.Invalidf("Invalid duration. The %s are specified multiple times", durationUnitNames[unit])
	}
	if unit < b.current {
		return cqlerr.Invalidf("Invalid duration. The %s should be after %s", durationUnitNames[b.current], durationUnitNames[unit])
	}
	b.current = unit
	tooMany := func(name string) error {
		return cqlerr.Invalidf("Invalid duration. The total number of %s must be less or equal to %d", name, math.MaxInt32)
	}
	switch unit {
	case unitYears, unitMonths:
		per := int64(1)
		if unit == unitYears {
			per = 12
		}
		if n > (math.MaxInt32-int64(b.months))/per {
			return tooMany("months")
		}
		b.months += int32(n * per)
	case unitWeeks, unitDays:
		per := int64(1)
		if unit == unitWeeks {
			per = 7
		}
		if n > (math.MaxInt32-int64(b.days))/per {
			return tooMany("days")
		}
		b.days += int32(n * per)
	default:
		per := [...]int64{unitHours: 3600e9, unitMinutes: 60e9, unitSeconds: 1e9, unitMillis: 1e6, unitMicros: 1e3, unitNanos: 1}[unit]
		if n > (math.MaxInt64-b.nanos)/per {
			return tooMany("nanoseconds")
		}
		b.nanos += n * per
	}
	return nil
}

// parseStandard parses a sequence of (\d+)(unit) pairs covering source.
func (b *durationBuilder) parseStandard(source string) error {
	rest := source
	for first := true; first || rest != ""; first = false {
		digits := 0
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		symbol := durationSymbol(rest[digits:])
		if digits == 0 || symbol == "" {
			return unconvertible(source)
		}
		n, err := strconv.ParseInt(rest[:digits], 10, 64)
		if err != nil {
			return unconvertible(source)
		}
		if err := b.add(durationSymbols[strings.ToLower(symbol)], n); err != nil {
			return err
		}
		rest = rest[digits+len(symbol):]
	}
	return nil
}

// durationSymbol returns the unit symbol at the start of s, trying the
// alternatives in the order of Cassandra's regular expression (so "mo" and
// "ms" win over "m"), or "".
func durationSymbol(s string) string {
	for _, sym := range []string{"y", "mo", "w", "d", "h", "s", "ms", "us", "µs", "ns", "m"} {
		if len(s) >= len(sym) && strings.EqualFold(s[:len(sym)], sym) {
			if sym == "µs" && s[:len("µ")] != "µ" {
				continue
			}
			return s[:len(sym)]
		}
	}
	return ""
}

// parseISO parses P[nY][nM][nD][T[nH][nM][nS]].
func (b *durationBuilder) parseISO(source string) error {
	rest := source[1:]
	units := []struct {
		designator byte
		unit       int
	}{{'Y', unitYears}, {'M', unitMonths}, {'D', unitDays}, {'T', 0}, {'H', unitHours}, {'M', unitMinutes}, {'S', unitSeconds}}
	timePart := false
	for _, u := range units {
		if u.designator == 'T' {
			if !strings.HasPrefix(rest, "T") {
				break
			}
			rest, timePart = rest[1:], true
			continue
		}
		if (u.unit >= unitHours) != timePart {
			continue
		}
		digits := 0
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		if digits == 0 || digits >= len(rest) || rest[digits] != u.designator {
			continue
		}
		n, err := strconv.ParseInt(rest[:digits], 10, 64)
		if err != nil {
			return unconvertible(source)
		}
		if err := b.add(u.unit, n); err != nil {
			return err
		}
		rest = rest[digits+1:]
	}
	if rest != "" {
		return unconvertible(source)
	}
	return nil
}

// parseISOWeeks parses P(\d+)W.
func (b *durationBuilder) parseISOWeeks(source string) error {
	digits := source[1 : len(source)-1]
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || digits == "" || !allDigits(digits, 10) {
		return unconvertible(source)
	}
	return b.add(unitWeeks, n)
}

// parseISOAlternative parses P(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}).
func (b *durationBuilder) parseISOAlternative(source string) error {
	const layout = "P0000-00-00T00:00:00"
	if len(source) != len(layout) {
		return unconvertible(source)
	}
	for i := 0; i < len(layout); i++ {
		if (layout[i] == '0') != (source[i] >= '0' && source[i] <= '9') || (layout[i] != '0' && layout[i] != source[i]) {
			return unconvertible(source)
		}
	}
	fields := []struct {
		from, to, unit int
	}{{1, 5, unitYears}, {6, 8, unitMonths}, {9, 11, unitDays}, {12, 14, unitHours}, {15, 17, unitMinutes}, {18, 20, unitSeconds}}
	for _, f := range fields {
		n, _ := strconv.ParseInt(source[f.from:f.to], 10, 64)
		if err := b.add(f.unit, n); err != nil {
			return err
		}
	}
	return nil
}
