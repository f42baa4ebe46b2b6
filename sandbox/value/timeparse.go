package value

import (
	"math/big"
	"strings"
	"time"
)

// This file emulates the java.time formatters of Cassandra 5.0's
// TimestampSerializer, tried in this order until one parses the whole
// string:
//
//	y-M-d'T'H:m[:s][.f]   then nothing (server zone), " z", " zzzz", " X", "X" or "XXX"
//	y-M-d H:m[:s][.f]     the same zone forms
//	yyyy-MM-dd            then " z", " zzzz", " X", "X" or "XXX"
//	ISO_DATE              yyyy-MM-dd[offset] in the server zone
//
// with the SMART resolver (day of month clamped to the month's length, 24:00
// read as the next midnight). The sandbox's server zone is UTC.

// zoneSpec is a parsed zone: a fixed offset or a region.
type zoneSpec struct {
	offset int64 // seconds east of UTC, when loc is nil
	loc    *time.Location
}

// parseTimestampText parses the date/time forms of ParseTimestamp and returns
// milliseconds since the epoch.
func parseTimestampText(s string) (int64, bool) {
	if ms, ok := parseDateTimeForm(s); ok {
		return ms, true
	}
	if ms, ok := parseZonedDateForm(s); ok {
		return ms, true
	}
	return parseISODateForm(s)
}

// parseDateTimeForm parses "y-M-d['T'| ]H:m[:s[fraction]][zone]".
func parseDateTimeForm(s string) (int64, bool) {
	sc := scanner{s: s}
	y, ok := sc.number(1, 19)
	if !ok || y < 1 || y > 999999999 || !sc.literal('-') {
		return 0, false
	}
	var month, day, hour, minute, sec, milli int64
	if month, ok = sc.number(1, 19); !ok || !sc.literal('-') {
		return 0, false
	}
	if day, ok = sc.number(1, 19); !ok {
		return 0, false
	}
	if !sc.literal('T') && !sc.literal(' ') {
		return 0, false
	}
	if hour, ok = sc.number(1, 19); !ok || !sc.literal(':') {
		return 0, false
	}
	if minute, ok = sc.number(1, 19); !ok {
		return 0, false
	}
	hasSeconds := sc.literal(':')
	if hasSeconds {
		if sec, ok = sc.number(1, 19); !ok {
			return 0, false
		}
	}
	if sc.literal('.') {
		// java.time cannot resolve a fraction without seconds.
		if !hasSeconds {
			return 0, false
		}
		// appendFraction(MILLI_OF_SECOND, 0, 9, true): up to nine digits,
		// truncated to milliseconds.
		start := sc.i
		frac, _ := sc.number(0, 9)
		for n := sc.i - start; n < 9; n++ {
			frac *= 10
		}
		milli = frac / 1e6
	}
	zone, ok := parseZoneSuffix(s[sc.i:], true)
	if !ok {
		return 0, false
	}
	return resolveTimestamp(y, month, day, hour, minute, sec, milli, zone)
}

// parseZonedDateForm parses "yyyy-MM-dd" followed by a zone.
func parseZonedDateForm(s string) (int64, bool) {
	sc := scanner{s: s}
	y, ok := exceedsPadNumber(&sc, 4, 19)
	if !ok || y < 1 || y > 999999999 {
		return 0, false
	}
	month, day, ok := twoDigitMonthDay(&sc)
	if !ok {
		return 0, false
	}
	zone, ok := parseZoneSuffix(s[sc.i:], false)
	if !ok {
		return 0, false
	}
	return resolveTimestamp(y, month, day, 0, 0, 0, 0, zone)
}

// parseISODateForm parses DateTimeFormatter.ISO_DATE: a proleptic year of 4
// to 10 digits ('+' required beyond 4, '-' allowed), month, day and an
// optional offset 'Z' (or 'z'), '+hh:mm' or '+hh:mm:ss'.
func parseISODateForm(s string) (int64, bool) {
	sc := scanner{s: s}
	y, ok := exceedsPadNumber(&sc, 4, 10)
	if !ok || y < -999999999 || y > 999999999 {
		return 0, false
	}
	month, day, ok := twoDigitMonthDay(&sc)
	if !ok {
		return 0, false
	}
	zone := zoneSpec{}
	if !sc.done() {
		// ISO_DATE parses case-insensitively: 'z' is UTC too.
		off, ok := parseOffset(strings.ToUpper(s[sc.i:]), true, true)
		if !ok {
			return 0, false
		}
		zone.offset = off
	}
	return resolveTimestamp(y, month, day, 0, 0, 0, 0, zone)
}

// exceedsPadNumber reads a number printed with SignStyle.EXCEEDS_PAD in
// strict mode: exactly min digits without a sign, more only after '+'; a
// '-' is allowed (but not for zero).
func exceedsPadNumber(sc *scanner, min, max int) (int64, bool) {
	sign := sc.peek()
	if sign == '+' || sign == '-' {
		sc.i++
	}
	start := sc.i
	n, ok := sc.number(min, max)
	if !ok {
		return 0, false
	}
	digits := sc.i - start
	switch sign {
	case '+':
		return n, digits > min
	case '-':
		return -n, n != 0
	}
	return n, digits == min
}

func twoDigitMonthDay(sc *scanner) (month, day int64, ok bool) {
	if !sc.literal('-') {
		return 0, 0, false
	}
	if month, ok = sc.number(2, 2); !ok || !sc.literal('-') {
		return 0, 0, false
	}
	day, ok = sc.number(2, 2)
	return month, day, ok
}

// parseZoneSuffix parses what follows the date or time: nothing (the server
// zone, when local is set), a space and an offset or zone name, or an offset
// in the forms of the patterns X and XXX.
func parseZoneSuffix(r string, local bool) (zoneSpec, bool) {
	switch {
	case r == "":
		return zoneSpec{}, local
	case r[0] == ' ':
		if off, ok := parseOffset(r[1:], false, false); ok {
			return zoneSpec{offset: off}, true
		}
		return parseZoneName(r[1:])
	}
	if off, ok := parseOffset(r, false, false); ok {
		return zoneSpec{offset: off}, true
	}
	off, ok := parseOffset(r, true, false)
	return zoneSpec{offset: off}, ok
}

// parseOffset parses a whole string as 'Z' or a signed offset: '+hh' or
// '+hhmm' (pattern X), or '+hh:mm' (pattern XXX, colon set), or also
// '+hh:mm:ss' (colon and seconds set).
func parseOffset(r string, colon, seconds bool) (int64, bool) {
	if r == "Z" {
		return 0, true
	}
	if r == "" || (r[0] != '+' && r[0] != '-') {
		return 0, false
	}
	sc := scanner{s: r, i: 1}
	h, ok := sc.number(2, 2)
	if !ok {
		return 0, false
	}
	var m, sec int64
	if colon {
		if !sc.literal(':') {
			return 0, false
		}
		if m, ok = sc.number(2, 2); !ok {
			return 0, false
		}
		if seconds && sc.literal(':') {
			if sec, ok = sc.number(2, 2); !ok {
				return 0, false
			}
		}
	} else if !sc.done() {
		if m, ok = sc.number(2, 2); !ok {
			return 0, false
		}
	}
	if !sc.done() || h > 18 || m > 59 || sec > 59 {
		return 0, false
	}
	off := h*3600 + m*60 + sec
	if off > 18*3600 {
		return 0, false
	}
	if r[0] == '-' {
		off = -off
	}
	return off, true
}

// fixedZoneNames are the zone names that stand for UTC.
var fixedZoneNames = map[string]bool{
	"Z": true, "UTC": true, "GMT": true, "UT": true, "GMT0": true, "Coordinated Universal Time": true,
}

// zoneNameRegions maps common English zone names, which Java's 'z' (short)
// and 'zzzz' (full) patterns accept in the en_US locale, to the region Java
// resolves them to; the offsets then follow the region's history.
var zoneNameRegions = map[string]string{
	"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
	"MST": "America/Denver", "MDT": "America/Denver", "CST": "America/Chicago", "CDT": "America/Chicago",
	"EST": "America/New_York", "EDT": "America/New_York", "HST": "Pacific/Honolulu",
	"JST": "Asia/Tokyo", "KST": "Asia/Seoul", "CET": "Europe/Paris", "CEST": "Europe/Paris",
	"EET": "Europe/Bucharest", "WET": "Atlantic/Canary", "MET": "Europe/Paris", "MSK": "Europe/Moscow",
	"NZST": "Pacific/Auckland", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
	"AWST": "Australia/Perth", "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong",
	"Pacific Standard Time": "America/Los_Angeles", "Eastern Standard Time": "America/New_York",
	"Japan Standard Time": "Asia/Tokyo", "Korean Standard Time": "Asia/Seoul",
	"Central European Standard Time": "Europe/Paris", "Central European Time": "Europe/Paris",
	"India Standard Time": "Asia/Kolkata", "Greenwich Mean Time": "Africa/Abidjan",
}

// parseZoneName parses a zone as java.time's zone text parser does: an offset
// '+hh:mm[:ss]', the prefixes UTC, GMT and UT optionally followed by such an
// offset (UTC+01:00), the names in fixedZoneNames and zoneNameRegions, and
// region IDs such as Asia/Tokyo. Regions are looked up in the system's time
// zone database (or time/tzdata, when the program embeds it); without one,
// only Japan's names still work, as the fixed offset +09:00.
func parseZoneName(r string) (zoneSpec, bool) {
	if fixedZoneNames[r] {
		return zoneSpec{}, true
	}
	if r != "" && (r[0] == '+' || r[0] == '-') {
		off, ok := parseOffset(r, true, true)
		return zoneSpec{offset: off}, ok
	}
	for _, prefix := range []string{"UTC", "GMT", "UT"} {
		if rest, found := strings.CutPrefix(r, prefix); found && rest != "" && (rest[0] == '+' || rest[0] == '-') {
			off, ok := parseOffset(rest, true, true)
			return zoneSpec{offset: off}, ok
		}
	}
	id := r
	if region, ok := zoneNameRegions[r]; ok {
		id = region
	}
	if id == "" || id == "Local" {
		return zoneSpec{}, false
	}
	loc, err := time.LoadLocation(id)
	if err != nil {
		if id == "Asia/Tokyo" {
			return zoneSpec{offset: 9 * 3600}, true
		}
		return zoneSpec{}, false
	}
	return zoneSpec{loc: loc}, true
}

// maxEpochDays bounds the day numbers whose milliseconds fit in an int64.
const maxEpochDays = 106751991167

// resolveTimestamp checks and combines the parsed fields like java.time's
// SMART resolver and returns milliseconds since the epoch.
func resolveTimestamp(y, month, day, hour, minute, sec, milli int64, zone zoneSpec) (int64, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || sec > 59 {
		return 0, false
	}
	day = min(day, monthLength(y, month))
	var extraDay int64
	switch {
	case hour == 24 && minute == 0 && sec == 0 && milli == 0:
		hour, extraDay = 0, 1
	case hour > 23:
		return 0, false
	}
	days := daysFromCivil(y, month, day) + extraDay
	if days > maxEpochDays || days < -maxEpochDays {
		return 0, false
	}
	offset := zone.offset
	if zone.loc != nil {
		t := time.Date(int(y), time.Month(month), int(day+extraDay), int(hour), int(minute), int(sec), 0, zone.loc)
		_, off := t.Zone()
		offset = int64(off)
	}
	ms := new(big.Int).SetInt64(days*86400 + hour*3600 + minute*60 + sec - offset)
	ms.Mul(ms, big.NewInt(1000))
	ms.Add(ms, big.NewInt(milli))
	if !ms.IsInt64() {
		return 0, false
	}
	return ms.Int64(), true
}
