package plan

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/value"
)

// function is one overload of a native scalar function.
type function struct {
	name string
	args []*value.Type
	ret  *value.Type
	eval func(c *Context, args []any) (any, error)
}

var functions = map[string][]*function{}

func register(f *function) { functions[f.name] = append(functions[f.name], f) }

// lookupFunction returns the first overload of name with n arguments
// (any arity when n < 0), or nil.
func lookupFunction(name string, n int) *function {
	for _, f := range functions[strings.ToLower(name)] {
		if n < 0 || len(f.args) == n {
			return f
		}
	}
	return nil
}

// resolveFunction picks the overload of name whose argument types accept
// the given terms.
func (c *Context) resolveFunction(name string, args []cql.Term) *function {
	var fallback *function
	for _, f := range functions[strings.ToLower(name)] {
		if len(f.args) != len(args) {
			continue
		}
		if fallback == nil {
			fallback = f
		}
		ok := true
		for i, a := range args {
			if !c.termFits(a, f.args[i]) {
				ok = false
				break
			}
		}
		if ok {
			return f
		}
	}
	return fallback
}

// termFits is assignable, but for function calls it compares the callee's
// return type exactly, so toTimestamp(now()) picks the timeuuid overload.
func (c *Context) termFits(t cql.Term, typ *value.Type) bool {
	if fc, ok := t.(*cql.FuncCall); ok {
		f := c.resolveFunction(fc.Name.Name, fc.Args)
		return f != nil && f.ret.Kind == typ.Kind
	}
	return c.assignable(t, typ)
}

// resolveForTypes picks the overload of name for arguments of known types
// (a selection applied to columns).
func resolveForTypes(name string, types []*value.Type) *function {
	for _, f := range functions[strings.ToLower(name)] {
		if len(f.args) != len(types) {
			continue
		}
		ok := true
		for i, t := range types {
			if !typeAssignable(t, f.args[i]) {
				ok = false
				break
			}
		}
		if ok {
			return f
		}
	}
	return nil
}

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

func tsOf(t time.Time) value.Timestamp { return value.Timestamp(t.UnixMilli()) }

func dateOf(t time.Time) value.Date {
	days := t.UTC().Unix()
	if days < 0 {
		days -= 86399
	}
	return value.DateEpoch + value.Date(days/86400)
}

func dateTime(d value.Date) time.Time {
	return time.Unix((int64(d)-int64(value.DateEpoch))*86400, 0).UTC()
}

func init() {
	register(&function{name: "now", ret: value.TimeuuidType, eval: func(c *Context, _ []any) (any, error) {
		return c.nextTimeUUID(), nil
	}})
	register(&function{name: "currenttimeuuid", ret: value.TimeuuidType, eval: func(c *Context, _ []any) (any, error) {
		return c.nextTimeUUID(), nil
	}})
	register(&function{name: "uuid", ret: value.UUIDType, eval: func(*Context, []any) (any, error) {
		return uuid.New(), nil
	}})
	register(&function{name: "currenttimestamp", ret: value.TimestampType, eval: func(c *Context, _ []any) (any, error) {
		return tsOf(c.Now), nil
	}})
	register(&function{name: "currentdate", ret: value.DateType, eval: func(c *Context, _ []any) (any, error) {
		return dateOf(c.Now), nil
	}})
	register(&function{name: "currenttime", ret: value.TimeType, eval: func(c *Context, _ []any) (any, error) {
		t := c.Now.UTC()
		return value.Time(int64(t.Hour())*3600e9 + int64(t.Minute())*60e9 + int64(t.Second())*1e9 + int64(t.Nanosecond())), nil
	}})
	register(&function{name: "totimestamp", args: []*value.Type{value.TimeuuidType}, ret: value.TimestampType,
		eval: func(_ *Context, a []any) (any, error) { return tsOf(UUIDTime(a[0].(uuid.UUID))), nil }})
	register(&function{name: "totimestamp", args: []*value.Type{value.DateType}, ret: value.TimestampType,
		eval: func(_ *Context, a []any) (any, error) { return tsOf(dateTime(a[0].(value.Date))), nil }})
	register(&function{name: "todate", args: []*value.Type{value.TimeuuidType}, ret: value.DateType,
		eval: func(_ *Context, a []any) (any, error) { return dateOf(UUIDTime(a[0].(uuid.UUID))), nil }})
	register(&function{name: "todate", args: []*value.Type{value.TimestampType}, ret: value.DateType,
		eval: func(_ *Context, a []any) (any, error) {
			return dateOf(time.UnixMilli(int64(a[0].(value.Timestamp)))), nil
		}})
	register(&function{name: "tounixtimestamp", args: []*value.Type{value.TimeuuidType}, ret: value.BigintType,
		eval: func(_ *Context, a []any) (any, error) { return UUIDTime(a[0].(uuid.UUID)).UnixMilli(), nil }})
	register(&function{name: "tounixtimestamp", args: []*value.Type{value.TimestampType}, ret: value.BigintType,
		eval: func(_ *Context, a []any) (any, error) { return int64(a[0].(value.Timestamp)), nil }})
	register(&function{name: "tounixtimestamp", args: []*value.Type{value.DateType}, ret: value.BigintType,
		eval: func(_ *Context, a []any) (any, error) { return dateTime(a[0].(value.Date)).UnixMilli(), nil }})
	register(&function{name: "mintimeuuid", args: []*value.Type{value.TimestampType}, ret: value.TimeuuidType,
		eval: func(_ *Context, a []any) (any, error) {
			return TimeUUID(time.UnixMilli(int64(a[0].(value.Timestamp))), 0x8080808080808080), nil
		}})
	register(&function{name: "maxtimeuuid", args: []*value.Type{value.TimestampType}, ret: value.TimeuuidType,
		eval: func(_ *Context, a []any) (any, error) {
			t := time.UnixMilli(int64(a[0].(value.Timestamp))).Add(time.Millisecond - 100*time.Nanosecond)
			return TimeUUID(t, 0x7f7f7f7f7f7f7f7f), nil
		}})
	for _, name := range []string{"ascii", "bigint", "boolean", "date", "decimal", "double", "duration", "float",
		"inet", "int", "smallint", "text", "time", "timestamp", "timeuuid", "tinyint", "uuid", "varchar", "varint"} {
		t := value.Native(name)
		register(&function{name: name + "asblob", args: []*value.Type{t}, ret: value.BlobType,
			eval: func(_ *Context, a []any) (any, error) { return value.Marshal(t, a[0]), nil }})
		fname := "blobas" + name
		register(&function{name: fname, args: []*value.Type{value.BlobType}, ret: t,
			eval: func(_ *Context, a []any) (any, error) {
				v, err := value.Unmarshal(t, a[0].([]byte))
				if err != nil {
					return nil, fmt.Errorf("In call to function system.%s, value 0x%x is not a valid binary representation for type %s", fname, a[0], t)
				}
				return v, nil
			}})
	}
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

// Eval applies a scalar function to argument values (for selections).
func (f *function) apply(c *Context, args []any) (any, error) {
	for _, a := range args {
		if a == nil {
			return nil, nil
		}
	}
	return f.eval(c, args)
}
