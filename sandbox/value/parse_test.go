package value

import (
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

// errText returns the text of err, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestParseTimestamp(t *testing.T) {
	// Expected values were checked against Java 17 running the formatters
	// of Cassandra 5.0's TimestampSerializer (server zone UTC).
	tests := []struct {
		in      string
		want    Timestamp
		wantErr string
	}{
		{in: "2012-01-15 10:30:00", want: 1326623400000},
		{in: "2019-07-01", want: 1561939200000},
		{in: "2019-07-01T12:00", want: 1561982400000},
		{in: "2019-07-01 12:00", want: 1561982400000},
		{in: "2019-07-01 12:00:00.123", want: 1561982400123},
		{in: "2019-07-01 12:00:00.123+0000", want: 1561982400123},
		{in: "2019-07-01 12:00:00.123+00:00", want: 1561982400123},
		{in: "2019-07-01T12:00:00.000Z", want: 1561982400000},
		{in: "2019-07-01 12:00:00.123456789", want: 1561982400123},
		{in: "2019-07-01 12:00:00.5", want: 1561982400500},
		{in: "2019-07-01 12:00:00.", want: 1561982400000},
		{in: "2019-07-01 12:00Z", want: 1561982400000},
		{in: "2019-07-01 12:00 +0900", want: 1561950000000},
		{in: "2019-07-01 12:00 +09:00", want: 1561950000000},
		{in: "2019-07-01 12:00+09", want: 1561950000000},
		{in: "2019-07-01 12:00 UTC", want: 1561982400000},
		{in: "2019-07-01 12:00:00 UTC+01:00", want: 1561978800000},
		{in: "2019-07-01 12:00 JST", want: 1561950000000},
		{in: "2019-07-01Z", want: 1561939200000},
		{in: "2019-07-01+01:00", want: 1561935600000},
		{in: "2019-07-01+0100", want: 1561935600000},
		{in: "2019-7-1 1:2:3", want: 1561942923000},
		{in: "2019-02-30", want: 1551312000000},       // clamped to Feb 28
		{in: "2019-07-01 24:00", want: 1562025600000}, // next midnight
		{in: "0000-01-01", want: -62167219200000},
		{in: "1562000000000", want: 1562000000000},
		{in: "-123", want: -123},
		{in: "9223372036854775807", want: 9223372036854775807},
		{in: "", wantErr: ErrEmptyValue.Error()},
		{in: "9223372036854775808", wantErr: "Unable to make long (for date) from: '9223372036854775808'"},
		{in: "2019-13-45", wantErr: "Unable to parse a date/time from '2019-13-45'"},
		{in: "2019-07-01 12:00.5", wantErr: "Unable to parse a date/time from '2019-07-01 12:00.5'"},
		{in: "2019-07-01 24:00:01", wantErr: "Unable to parse a date/time from '2019-07-01 24:00:01'"},
		{in: "2019-04-32", wantErr: "Unable to parse a date/time from '2019-04-32'"},
		{in: "2019-07-01 12:00 z", wantErr: "Unable to parse a date/time from '2019-07-01 12:00 z'"},
		{in: "2019-07-01 12:00+19:00", wantErr: "Unable to parse a date/time from '2019-07-01 12:00+19:00'"},
		{in: "10000-01-01", wantErr: "Unable to parse a date/time from '10000-01-01'"},
		{in: "abc", wantErr: "Unable to parse a date/time from 'abc'"},
	}
	for _, tt := range tests {
		got, err := ParseTimestamp(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got != tt.want) {
			t.Errorf("ParseTimestamp(%q) = %d, %q, want %d, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestParseTimestampNow(t *testing.T) {
	defer func(f func() time.Time) { timeNow = f }(timeNow)
	timeNow = func() time.Time { return time.UnixMilli(1234567890123) }
	for _, in := range []string{"now", "NOW", "Now"} {
		if got, err := ParseTimestamp(in); err != nil || got != 1234567890123 {
			t.Errorf("ParseTimestamp(%q) = %d, %v, want 1234567890123", in, got, err)
		}
	}
}

func TestParseTimestampRegion(t *testing.T) {
	if _, err := time.LoadLocation("America/Los_Angeles"); err != nil {
		t.Skip("no time zone database")
	}
	tests := []struct {
		in   string
		want Timestamp
	}{
		{"2019-07-01 12:00 PST", 1562007600000}, // daylight saving time applies
		{"2019-01-01 12:00 PST", 1546372800000},
		{"2019-07-01 12:00 Asia/Tokyo", 1561950000000},
		{"2019-07-01 12:00 Pacific Standard Time", 1562007600000},
	}
	for _, tt := range tests {
		if got, err := ParseTimestamp(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseTimestamp(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr string
	}{
		{in: "2019-07-01", want: DateEpoch + 18078},
		{in: "1970-01-01", want: DateEpoch},
		{in: "1969-12-31", want: DateEpoch - 1},
		{in: "2019-7-1", wantErr: "Unable to coerce '2019-7-1' to a formatted date (long)"},
		{in: "2019-07-1", wantErr: "Unable to coerce '2019-07-1' to a formatted date (long)"},
		{in: "219-07-01", wantErr: "Unable to coerce '219-07-01' to a formatted date (long)"},
		{in: "+2019-07-01", wantErr: "Unable to coerce '+2019-07-01' to a formatted date (long)"},
		{in: "+12019-07-01", want: DateFromDays(3670503)},
		{in: "-0000-01-01", wantErr: "Unable to coerce '-0000-01-01' to a formatted date (long)"},
		{in: "0000-01-01", want: DateFromDays(-719528)},
		{in: "2020-02-29", want: DateEpoch + 18321},
		{in: "-0001-01-01", want: DateFromDays(-719893)},
		{in: "2147483648", want: DateEpoch},
		{in: "0", want: 0},
		{in: "4294967295", want: 4294967295},
		{in: "4294967296", wantErr: "Unable to make unsigned int (for date) from: '4294967296'"},
		{in: "-1", wantErr: "Unable to make unsigned int (for date) from: '-1'"},
		{in: "2019-02-30", wantErr: "Unable to coerce '2019-02-30' to a formatted date (long)"},
		{in: "2019-13-01", wantErr: "Unable to coerce '2019-13-01' to a formatted date (long)"},
		{in: "2019-07-01 10:00", wantErr: "Unable to coerce '2019-07-01 10:00' to a formatted date (long)"},
		{in: "", wantErr: "Unable to coerce '' to a formatted date (long)"},
		{in: "6000000-01-01", wantErr: "Unable to coerce '6000000-01-01' to a formatted date (long)"},
		{in: "+6000000-01-01", wantErr: "Input date +6000000-01-01 is greater than max supported date +5881580-07-11T00:00Z"},
		{in: "-6000000-01-01", wantErr: "Input date -6000000-01-01 is less than min supported date -5877641-06-23T00:00Z"},
		{in: "+999999999-01-01", wantErr: "Unable to coerce '+999999999-01-01' to a formatted date (long)"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got != tt.want) {
			t.Errorf("ParseDate(%q) = %d, %q, want %d, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in      string
		want    Time
		wantErr string
	}{
		{in: "10:30:00", want: 37800e9},
		{in: "07:35:07.000111222", want: 27307000111222},
		{in: "07:35:07.5", want: 27307500000000},
		{in: " 7:5:7 ", want: 25507e9},
		{in: "23:59:59.999999999", want: 86399999999999},
		{in: "123", want: 123},
		{in: "86399999999999", want: 86399999999999},
		{in: "86400000000000", wantErr: "Unable to make long (for time) from: '86400000000000'"},
		{in: "24:00:00", wantErr: "(TimeType) Unable to coerce '24:00:00' to a formatted time (long)"},
		{in: "10:60:00", wantErr: "(TimeType) Unable to coerce '10:60:00' to a formatted time (long)"},
		{in: "10:30", wantErr: "(TimeType) Unable to coerce '10:30' to a formatted time (long)"},
		{in: "10:30:00.", wantErr: "(TimeType) Unable to coerce '10:30:00.' to a formatted time (long)"},
		{in: "10:30:00.1234567890", wantErr: "(TimeType) Unable to coerce '10:30:00.1234567890' to a formatted time (long)"},
		{in: "xyz", wantErr: "(TimeType) Unable to coerce 'xyz' to a formatted time (long)"},
		{in: "", wantErr: "(TimeType) Unable to coerce '' to a formatted time (long)"},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got != tt.want) {
			t.Errorf("ParseTime(%q) = %d, %q, want %d, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestParseUUID(t *testing.T) {
	want := uuid.MustParse("6bddc89a-5644-11e4-97fc-56847afe9799")
	tests := []struct {
		in      string
		time    bool
		want    uuid.UUID
		wantErr string
	}{
		{in: "6bddc89a-5644-11e4-97fc-56847afe9799", want: want},
		{in: "6BDDC89A-5644-11E4-97FC-56847AFE9799", want: want},
		{in: "6bddc89a-5644-11e4-97fc-56847afe9799", time: true, want: want},
		{in: "{6bddc89a-5644-11e4-97fc-56847afe9799}", wantErr: "Unable to make UUID from '{6bddc89a-5644-11e4-97fc-56847afe9799}'"},
		{in: "6bddc89a564411e497fc56847afe9799", wantErr: "Unable to make UUID from '6bddc89a564411e497fc56847afe9799'"},
		{in: "", wantErr: ErrEmptyValue.Error()},
		{in: "00000000-0000-0000-0000-000000000000", time: true, wantErr: "TimeUUID supports only version 1 UUIDs"},
		{in: "abc", time: true, wantErr: "Unknown timeuuid representation: abc"},
	}
	for _, tt := range tests {
		parse := ParseUUID
		if tt.time {
			parse = ParseTimeUUID
		}
		got, err := parse(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got != tt.want) {
			t.Errorf("Parse(time %v)(%q) = %v, %q, want %v, %q", tt.time, tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestParseInet(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{in: "127.0.0.1", want: "127.0.0.1"},
		{in: "127.1", want: "127.0.0.1"},
		{in: "10.1.2", want: "10.1.0.2"},
		{in: "2130706433", want: "127.0.0.1"},
		{in: "01.2.3.4", want: "1.2.3.4"},
		{in: "::1", want: "::1"},
		{in: "[::1]", want: "::1"},
		{in: "2001:DB8::1", want: "2001:db8::1"},
		{in: "::ffff:1.2.3.4", want: "1.2.3.4"},
		{in: "fe80::1%eth0", want: "fe80::1"},
		{in: "localhost", want: "127.0.0.1"},
		{in: "", wantErr: ErrEmptyValue.Error()},
		{in: "256.1.1.1", wantErr: "Unable to make inet address from '256.1.1.1'"},
		{in: "1.2.3.4.5", wantErr: "Unable to make inet address from '1.2.3.4.5'"},
		{in: "[1.2.3.4]", wantErr: "Unable to make inet address from '[1.2.3.4]'"},
		{in: "xyzz", wantErr: "Unable to make inet address from 'xyzz'"},
	}
	for _, tt := range tests {
		got, err := ParseInet(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got != netip.MustParseAddr(tt.want)) {
			t.Errorf("ParseInet(%q) = %v, %q, want %v, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestParseDecimalAndVarint(t *testing.T) {
	decimals := []struct{ in, want, wantErr string }{
		{in: "1.5", want: "1.5"},
		{in: "-1.23E-12", want: "-1.23E-12"},
		{in: "1e5", want: "1E+5"},
		{in: "+.5", want: "0.5"},
		{in: "-0.00", want: "0.00"},
		{in: "１.５", want: "1.5"},
		{in: "", wantErr: ErrEmptyValue.Error()},
		{in: "1.5.5", wantErr: "unable to make BigDecimal from '1.5.5'"},
		{in: "NaN", wantErr: "unable to make BigDecimal from 'NaN'"},
		{in: "1e", wantErr: "unable to make BigDecimal from '1e'"},
	}
	for _, tt := range decimals {
		got, err := ParseDecimal(tt.in)
		if errText(err) != tt.wantErr || (err == nil && decimalString(got) != tt.want) {
			t.Errorf("ParseDecimal(%q) = %v, %q, want %s, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
	varints := []struct{ in, want, wantErr string }{
		{in: "123", want: "123"},
		{in: "-1234567890123456789012345678901234567890", want: "-1234567890123456789012345678901234567890"},
		{in: "+7", want: "7"},
		{in: "", wantErr: ErrEmptyValue.Error()},
		{in: "1.5", wantErr: "unable to make int from '1.5'"},
		{in: "--1", wantErr: "unable to make int from '--1'"},
	}
	for _, tt := range varints {
		got, err := ParseVarint(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got.String() != tt.want) {
			t.Errorf("ParseVarint(%q) = %v, %q, want %s, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestParseBlobHex(t *testing.T) {
	tests := []struct {
		in      string
		want    []byte
		wantErr string
	}{
		{in: "0x00000001", want: []byte{0, 0, 0, 1}},
		{in: "0xCAFEbabe", want: []byte{0xca, 0xfe, 0xba, 0xbe}},
		{in: "0X01", want: []byte{1}},
		{in: "0x", want: []byte{}},
		{in: "123", wantErr: "String representation of blob is missing 0x prefix: 123"},
		{in: "0x123", wantErr: "cannot parse '123' as hex bytes"},
		{in: "0xzz", wantErr: "cannot parse 'zz' as hex bytes"},
	}
	for _, tt := range tests {
		got, err := ParseBlobHex(tt.in)
		if errText(err) != tt.wantErr || (err == nil && !cmp.Equal(got, tt.want)) {
			t.Errorf("ParseBlobHex(%q) = %x, %q, want %x, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestDateAndTimestampConversions(t *testing.T) {
	tests := []struct {
		tm   time.Time
		date Date
		days int64
	}{
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), DateEpoch, 0},
		{time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC), DateEpoch + 18078, 18078},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), DateEpoch - 1, -1},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), DateEpoch - 719162, -719162},
	}
	for _, tt := range tests {
		if got := DateFromTime(tt.tm); got != tt.date {
			t.Errorf("DateFromTime(%v) = %d, want %d", tt.tm, got, tt.date)
		}
		if got := tt.date.Time(); !got.Equal(tt.tm) {
			t.Errorf("Date(%d).Time() = %v, want %v", tt.date, got, tt.tm)
		}
		if got := tt.date.Days(); got != tt.days {
			t.Errorf("Date(%d).Days() = %d, want %d", tt.date, got, tt.days)
		}
	}
	ts := Timestamp(1326623400123)
	want := time.Date(2012, 1, 15, 10, 30, 0, 123e6, time.UTC)
	if got := UnixMillis(ts); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("UnixMillis(%d) = %v, want %v", ts, got, want)
	}
	if got := TimestampFromTime(want); got != ts {
		t.Errorf("TimestampFromTime(%v) = %d, want %d", want, got, ts)
	}
	if got := ts.Time(); !got.Equal(want) {
		t.Errorf("Timestamp(%d).Time() = %v, want %v", ts, got, want)
	}
}

func TestCivilDaysRoundTrip(t *testing.T) {
	for days := int64(-800000); days < 3000000; days += 997 {
		y, m, d := civilFromDays(days)
		if got := daysFromCivil(y, m, d); got != days {
			t.Fatalf("daysFromCivil(civilFromDays(%d)) = %d, want %d", days, got, days)
		}
		ref := time.Unix(days*86400, 0).UTC()
		if int(y) != ref.Year() || time.Month(m) != ref.Month() || int(d) != ref.Day() {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %v", days, y, m, d, ref)
		}
	}
}

func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{"2019-07-01", "2019-07-01 12:00:00.123+0000", "2019-07-01T12:00 JST", "123", "now",
		"+12345-01-01", "2019-02-30 24:00", "2019-07-01 12:00:00 UTC+01:00", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := ParseTimestamp(s)
		if err != nil {
			if !errors.Is(err, ErrEmptyValue) && errText(err) == "" {
				t.Fatalf("ParseTimestamp(%q) returned an empty error", s)
			}
			return
		}
		// Whatever parses must read back from its literal.
		lit := Literal(TimestampType, ts)
		if len(lit) > 1 && lit[0] == '\'' {
			lit = lit[1 : len(lit)-1]
		}
		back, err := ParseTimestamp(lit)
		if err != nil || back != ts {
			t.Fatalf("ParseTimestamp(%q) = %d; its literal %q reads back as %d, %v", s, ts, lit, back, err)
		}
		_ = Format(TimestampType, ts)
		_ = ToJSON(TimestampType, ts)
	})
}
