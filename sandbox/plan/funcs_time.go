package plan

import (
	"crypto/rand"
	"encoding/binary"
	"time"

	"github.com/google/uuid"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// uuidEpoch is the start of the UUID v1 clock, 1582-10-15.
var uuidEpoch = time.Date(1582, 10, 15, 0, 0, 0, 0, time.UTC)

// TimeUUID returns a version 1 UUID for time t with the given clock
// sequence and node bytes (8 bytes: 2 clock, 6 node).
func TimeUUID(t time.Time, lsb uint64) uuid.UUID {
	ticks := uint64(t.Unix()-uuidEpoch.Unix())*10_000_000 + uint64(t.Nanosecond()/100)
	var u uuid.UUID
	binary.BigEndian.PutUint32(u[0:], uint32(ticks))
	binary.BigEndian.PutUint16(u[4:], uint16(ticks>>32))
	binary.BigEndian.PutUint16(u[6:], uint16(ticks>>48)&0x0fff|0x1000)
	binary.BigEndian.PutUint64(u[8:], lsb)
	u[8] = u[8]&0x3f | 0x80
	return u
}

// UUIDTime returns the time of a version 1 UUID.
func UUIDTime(u uuid.UUID) time.Time {
	ticks := uint64(binary.BigEndian.Uint32(u[0:])) |
		uint64(binary.BigEndian.Uint16(u[4:]))<<32 |
		uint64(binary.BigEndian.Uint16(u[6:])&0x0fff)<<48
	sec := int64(ticks / 10_000_000)
	nsec := int64(ticks%10_000_000) * 100
	return time.Unix(uuidEpoch.Unix()+sec, nsec).UTC()
}

func randomLSB() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return binary.BigEndian.Uint64(b[:])
}

// nextTimeUUID returns a time-based UUID for the statement's clock,
// distinct from every other one the context returned.
func (c *Context) nextTimeUUID() uuid.UUID {
	t := c.Now
	if !t.After(c.lastUUIDTime) {
		t = c.lastUUIDTime.Add(100 * time.Nanosecond)
	}
	c.lastUUIDTime = t
	return TimeUUID(t, randomLSB())
}

// dateOfMillis converts milliseconds since the epoch to a date as
// SimpleDateSerializer.timeInMillisToDay does: whole seconds (floored),
// then whole days truncated toward zero, so that an instant on
// 1969-12-31 gives 1970-01-01; the day number wraps to 32 bits.
func dateOfMillis(ms int64) value.Date {
	secs := ms / 1000
	if ms%1000 < 0 {
		secs--
	}
	return value.Date(uint32(int32(secs/86400) - (-1 << 31)))
}

// millisOfDate is SimpleDateSerializer.dayToTimeInMillis.
func millisOfDate(d value.Date) int64 { return d.Days() * 86400000 }

// millisOfTimeUUID is TimeUUID.unixMillis: the 100ns ticks since 1582
// divided to milliseconds, then moved to the Unix epoch.
func millisOfTimeUUID(u uuid.UUID) int64 { return UUIDTime(u).UnixMilli() }

// temporalMillis reads the time in milliseconds of a timestamp, date or
// timeuuid argument (TemporalType.toTimeInMillis).
func temporalMillis(v any) int64 {
	switch v := v.(type) {
	case value.Timestamp:
		return int64(v)
	case value.Date:
		return millisOfDate(v)
	case uuid.UUID:
		return millisOfTimeUUID(v)
	case int64:
		return v
	}
	return 0
}

// minTimeUUIDAt and maxTimeUUIDAt are TimeUUID.minAtUnixMillis and
// maxAtUnixMillis: the smallest and largest timeuuids of a millisecond.
func minTimeUUIDAt(ms int64) uuid.UUID {
	return TimeUUID(time.UnixMilli(ms), 0x8080808080808080)
}

func maxTimeUUIDAt(ms int64) uuid.UUID {
	return TimeUUID(time.UnixMilli(ms).Add(time.Millisecond-100*time.Nanosecond), 0x7f7f7f7f7f7f7f7f)
}

func init() {
	register(&function{name: "now", ret: value.TimeuuidType, eval: func(c *Context, _ []any) (any, error) {
		return c.nextTimeUUID(), nil
	}})
	registerBoth(&function{name: "current_timeuuid", ret: value.TimeuuidType, eval: func(c *Context, _ []any) (any, error) {
		return c.nextTimeUUID(), nil
	}}, "currenttimeuuid")
	registerBoth(&function{name: "current_timestamp", ret: value.TimestampType, eval: func(c *Context, _ []any) (any, error) {
		return value.Timestamp(c.Now.UnixMilli()), nil
	}}, "currenttimestamp")
	registerBoth(&function{name: "current_date", ret: value.DateType, eval: func(c *Context, _ []any) (any, error) {
		return dateOfMillis(c.Now.UnixMilli()), nil
	}}, "currentdate")
	registerBoth(&function{name: "current_time", ret: value.TimeType, eval: func(c *Context, _ []any) (any, error) {
		ns := c.Now.UnixNano() % (86400 * 1e9)
		if ns < 0 {
			ns += 86400 * 1e9
		}
		return value.Time(ns), nil
	}}, "currenttime")
	register(&function{name: "uuid", ret: value.UUIDType, eval: func(*Context, []any) (any, error) {
		return uuid.New(), nil
	}})
	registerBoth(&function{name: "min_timeuuid", args: []*value.Type{value.TimestampType}, ret: value.TimeuuidType,
		eval: func(_ *Context, a []any) (any, error) { return minTimeUUIDAt(temporalMillis(a[0])), nil }}, "mintimeuuid")
	registerBoth(&function{name: "max_timeuuid", args: []*value.Type{value.TimestampType}, ret: value.TimeuuidType,
		eval: func(_ *Context, a []any) (any, error) { return maxTimeUUIDAt(temporalMillis(a[0])), nil }}, "maxtimeuuid")
	for _, from := range []*value.Type{value.TimeuuidType, value.TimestampType} {
		registerBoth(toDateFunction(from), "todate")
	}
	for _, from := range []*value.Type{value.TimeuuidType, value.DateType} {
		registerBoth(toTimestampFunction(from), "totimestamp")
	}
	for _, from := range []*value.Type{value.TimeuuidType, value.TimestampType, value.DateType} {
		registerBoth(&function{name: "to_unix_timestamp", args: []*value.Type{from}, ret: value.BigintType,
			eval: func(_ *Context, a []any) (any, error) { return temporalMillis(a[0]), nil }}, "tounixtimestamp")
	}
	registerFloorFunctions()
}

func toDateFunction(from *value.Type) *function {
	return &function{name: "to_date", args: []*value.Type{from}, ret: value.DateType,
		eval: func(_ *Context, a []any) (any, error) { return dateOfMillis(temporalMillis(a[0])), nil }}
}

func toTimestampFunction(from *value.Type) *function {
	return &function{name: "to_timestamp", args: []*value.Type{from}, ret: value.TimestampType,
		eval: func(_ *Context, a []any) (any, error) { return value.Timestamp(temporalMillis(a[0])), nil }}
}

// registerFloorFunctions adds floor(time, duration[, start]) for
// timestamps, timeuuids, dates and times (TimeFcts.FloorFunction).
func registerFloorFunctions() {
	d := value.DurationType
	floorAt := func(ret *value.Type, days bool) func(*Context, []any) (any, error) {
		return func(_ *Context, a []any) (any, error) {
			dur := a[1].(value.Duration)
			if days && dur.Nanos != 0 {
				return nil, cqlerr.Invalidf("The floor on date values cannot be computed for the %s duration as precision is below 1 day", dur)
			}
			if !days && dur.Nanos%1e6 != 0 {
				return nil, cqlerr.Invalidf("The floor cannot be computed for the %s duration as precision is below 1 millisecond", dur)
			}
			var start int64
			if len(a) == 3 {
				start = temporalMillis(a[2])
			}
			ms, err := floorTimestamp(temporalMillis(a[0]), dur, start)
			if err != nil {
				return nil, err
			}
			if ret.Kind == value.KindDate {
				return dateOfMillis(ms), nil
			}
			return value.Timestamp(ms), nil
		}
	}
	ts, tu, dt := value.TimestampType, value.TimeuuidType, value.DateType
	register(
		&function{name: "floor", args: []*value.Type{ts, d}, ret: ts, eval: floorAt(ts, false)},
		&function{name: "floor", args: []*value.Type{ts, d, ts}, ret: ts, eval: floorAt(ts, false)},
		&function{name: "floor", args: []*value.Type{tu, d}, ret: ts, eval: floorAt(ts, false)},
		&function{name: "floor", args: []*value.Type{tu, d, ts}, ret: ts, eval: floorAt(ts, false)},
		&function{name: "floor", args: []*value.Type{dt, d}, ret: dt, eval: floorAt(dt, true)},
		&function{name: "floor", args: []*value.Type{dt, d, dt}, ret: dt, eval: floorAt(dt, true)},
		&function{name: "floor", args: []*value.Type{value.TimeType, d}, ret: value.TimeType,
			eval: func(_ *Context, a []any) (any, error) {
				return floorTime(a[0].(value.Time), a[1].(value.Duration))
			}},
	)
}

// floorTimestamp is Duration.floorTimestamp: the largest start + n*duration
// not after t.
func floorTimestamp(t int64, d value.Duration, start int64) (int64, error) {
	if start > t {
		return 0, cqlerr.Invalidf("The floor function starting time is greater than the provided time")
	}
	if d.Months < 0 || d.Days < 0 || d.Nanos < 0 {
		return 0, cqlerr.Invalidf("Negative durations are not supported by the floor function")
	}
	durMillis := int64(d.Days)*86400000 + d.Nanos/1e6
	if d.Months == 0 {
		if durMillis == 0 {
			return t, nil
		}
		return t - (t-start)%durMillis, nil
	}
	tt, st := time.UnixMilli(t).UTC(), time.UnixMilli(start).UTC()
	months := (tt.Year()-st.Year())*12 + int(tt.Month()-st.Month())
	mult := months / int(d.Months)
	floor := addMonths(st, mult*int(d.Months))
	if d.Days == 0 && d.Nanos == 0 {
		return floor.UnixMilli(), nil
	}
	f := floor.UnixMilli() + int64(mult)*durMillis
	for f > t {
		mult--
		floor = addMonths(floor, -int(d.Months))
		f = floor.UnixMilli() + int64(mult)*durMillis
	}
	return max(start, f), nil
}

// addMonths adds months as java.util.Calendar.add(MONTH) does: the day
// of month is clamped to the length of the target month.
func addMonths(t time.Time, months int) time.Time {
	y, m := t.Year(), int(t.Month())-1+months
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	day := t.Day()
	if last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day(); day > last {
		day = last
	}
	return time.Date(y, time.Month(m+1), day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// floorTime is Duration.floorTime: a time of day rounded down to a multiple
// of a duration without months or days.
func floorTime(t value.Time, d value.Duration) (any, error) {
	if d.Months < 0 || d.Days < 0 || d.Nanos < 0 {
		return nil, cqlerr.Invalidf("Negative durations are not supported by the floor function")
	}
	if d.Months != 0 || d.Days != 0 || d.Nanos > 86400*1e9 {
		return nil, cqlerr.Invalidf("For time values, the floor can only be computed for durations smaller that a day")
	}
	if d.Nanos == 0 {
		return t, nil
	}
	return t - value.Time(int64(t)%d.Nanos), nil
}
