package value

import (
	"math"
	"testing"
)

func TestParseDuration(t *testing.T) {
	const (
		h  = int64(3600e9)
		m  = int64(60e9)
		s  = int64(1e9)
		ms = int64(1e6)
		us = int64(1e3)
	)
	tests := []struct {
		in      string
		want    Duration
		wantErr string
	}{
		{in: "1h30m", want: Duration{Nanos: h + 30*m}},
		{in: "1y2mo3w4d5h6m7s8ms9us10ns", want: Duration{Months: 14, Days: 25, Nanos: 5*h + 6*m + 7*s + 8*ms + 9*us + 10}},
		{in: "1Y2MO3D", want: Duration{Months: 14, Days: 3}},
		{in: "12µs", want: Duration{Nanos: 12 * us}},
		{in: "53us", want: Duration{Nanos: 53 * us}},
		{in: "5ms", want: Duration{Nanos: 5 * ms}},
		{in: "5Mo", want: Duration{Months: 5}},
		{in: "-1h30m", want: Duration{Nanos: -(h + 30*m)}},
		{in: "-2d", want: Duration{Days: -2}},
		{in: "P1Y2M3DT4H5M6S", want: Duration{Months: 14, Days: 3, Nanos: 4*h + 5*m + 6*s}},
		{in: "P1Y1M2DT10H5M", want: Duration{Months: 13, Days: 2, Nanos: 10*h + 5*m}},
		{in: "PT30M", want: Duration{Nanos: 30 * m}},
		{in: "P", want: Duration{}},
		{in: "P2W", want: Duration{Days: 14}},
		{in: "-P2W", want: Duration{Days: -14}},
		{in: "P0001-02-03T04:05:06", want: Duration{Months: 14, Days: 3, Nanos: 4*h + 5*m + 6*s}},
		{in: "2147483647mo", want: Duration{Months: math.MaxInt32}},
		{in: "", wantErr: ErrEmptyValue.Error()},
		{in: "xyz", wantErr: "Unable to convert 'xyz' to a duration"},
		{in: "-xyz", wantErr: "Unable to convert 'xyz' to a duration"},
		{in: "1h30", wantErr: "Unable to convert '1h30' to a duration"},
		{in: "1.5h", wantErr: "Unable to convert '1.5h' to a duration"},
		{in: "1μs", wantErr: "Unable to convert '1μs' to a duration"}, // Greek mu, not the micro sign
		{in: "P1Y2W", wantErr: "Unable to convert 'P1Y2W' to a duration"},
		{in: "P1M1Y", wantErr: "Unable to convert 'P1M1Y' to a duration"},
		{in: "P0001-02-03T04:05", wantErr: "Unable to convert 'P0001-02-03T04:05' to a duration"},
		{in: "1h2d", wantErr: "Invalid duration. The hours should be after days"},
		{in: "1d1d", wantErr: "Invalid duration. The days are specified multiple times"},
		{in: "2147483648mo", wantErr: "Invalid duration. The total number of months must be less or equal to 2147483647"},
		{in: "178956971y", wantErr: "Invalid duration. The total number of months must be less or equal to 2147483647"},
		{in: "2147483647d1w", wantErr: "Invalid duration. The days should be after weeks"},
		{in: "9223372036854775807ns", want: Duration{Nanos: math.MaxInt64}},
		{in: "1s9223372036854775807ns", wantErr: "Invalid duration. The total number of nanoseconds must be less or equal to 2147483647"},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if errText(err) != tt.wantErr || (err == nil && got != tt.want) {
			t.Errorf("ParseDuration(%q) = %+v, %q, want %+v, %q", tt.in, got, errText(err), tt.want, tt.wantErr)
		}
	}
}

func TestDurationString(t *testing.T) {
	tests := []struct {
		d    Duration
		want string
	}{
		{Duration{}, ""},
		{Duration{Nanos: 5400e9}, "1h30m"},
		{Duration{Months: 14, Days: 3, Nanos: 4*3600e9 + 5*60e9 + 6e9 + 7e6 + 8e3 + 9}, "1y2mo3d4h5m6s7ms8us9ns"},
		{Duration{Months: 12}, "1y"},
		{Duration{Days: 14}, "14d"},
		{Duration{Nanos: 12000}, "12us"},
		{Duration{Months: -13, Days: -2}, "-1y1mo2d"},
		{Duration{Nanos: -1}, "-1ns"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDurationRoundTrip(t *testing.T) {
	for _, in := range []string{"1h30m", "1y2mo3d4h5m6s7ms8us9ns", "-3mo", "P1Y2M3DT4H5M6S", "P3W", "2562047h47m16s854ms775us807ns"} {
		d, err := ParseDuration(in)
		if err != nil {
			t.Fatalf("ParseDuration(%q) failed: %v", in, err)
		}
		back, err := ParseDuration(d.String())
		if err != nil || back != d {
			t.Errorf("ParseDuration(%q).String() = %q reads back as %+v, %v, want %+v", in, d.String(), back, err, d)
		}
	}
}
