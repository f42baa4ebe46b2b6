package keys

import (
	"math"
	"math/big"
	"math/rand/v2"
	"net/netip"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"
	"github.com/learnkv/learnkv/sandbox/value"
)

// nativeKeyTypes are the native types a clustering column, set element or
// map key can have (counter and duration included: they still encode).
var nativeKeyTypes = []*value.Type{
	value.AsciiType, value.BigintType, value.BlobType, value.BooleanType, value.CounterType,
	value.DateType, value.DecimalType, value.DoubleType, value.DurationType, value.FloatType,
	value.InetType, value.IntType, value.SmallintType, value.TextType, value.TimeType,
	value.TimestampType, value.TimeuuidType, value.TinyintType, value.UUIDType, value.VarintType,
}

// generator makes random types and values biased towards edge cases and
// ties, so that order checks meet equal prefixes often.
type generator struct {
	r *rand.Rand
}

func newGenerator(seed uint64) *generator {
	return &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *generator) pick(n int) int { return g.r.IntN(n) }

// typ returns a random key-capable type with at most depth levels of
// nesting.
func (g *generator) typ(depth int) *value.Type {
	if depth == 0 || g.pick(3) > 0 {
		return nativeKeyTypes[g.pick(len(nativeKeyTypes))]
	}
	switch g.pick(5) {
	case 0:
		return value.ListOf(g.typ(depth-1), true)
	case 1:
		return value.SetOf(g.typ(depth-1), true)
	case 2:
		return value.MapOf(g.typ(depth-1), g.typ(depth-1), true)
	case 3:
		elems := make([]*value.Type, 1+g.pick(3))
		for i := range elems {
			elems[i] = g.typ(depth - 1)
		}
		return value.TupleOf(elems...)
	}
	n := 1 + g.pick(3)
	udt := &value.Type{Kind: value.KindUDT, Frozen: true, Keyspace: "ks", Name: "u", Elems: make([]*value.Type, n),
		Fields: make([]string, n)}
	for i := range udt.Elems {
		udt.Elems[i] = g.typ(depth - 1)
		udt.Fields[i] = string(rune('a' + i))
	}
	return udt
}

func pickOf[T any](g *generator, pool ...T) T { return pool[g.pick(len(pool))] }

// value returns a random non-nil value of type t.
func (g *generator) value(t *value.Type) any {
	switch t.Kind {
	case value.KindAscii:
		return g.text("", "\x00", "a", "b", "\x01", "\x7f")
	case value.KindText:
		return g.text("", "\x00", "a", "ab", "b", "é", "日本", "\xff")
	case value.KindBlob:
		return []byte(g.text("", "\x00", "\x01", "\x7f", "\x80", "\xff"))
	case value.KindBigint, value.KindCounter:
		return g.int64()
	case value.KindTimestamp:
		return value.Timestamp(g.int64())
	case value.KindTime:
		return value.Time(pickOf(g, 0, 1, 86399999999999, g.r.Int64N(86400000000000)))
	case value.KindInt:
		return pickOf(g, int32(math.MinInt32), -1, 0, 1, math.MaxInt32, int32(g.r.Uint32()), int32(g.pick(5)-2))
	case value.KindDate:
		return value.Date(pickOf(g, 0, 1, uint32(value.DateEpoch)-1, uint32(value.DateEpoch), math.MaxUint32, g.r.Uint32()))
	case value.KindSmallint:
		return pickOf(g, int16(math.MinInt16), -1, 0, 1, math.MaxInt16, int16(g.r.Uint32()))
	case value.KindTinyint:
		return int8(g.r.Uint32())
	case value.KindBoolean:
		return g.pick(2) == 1
	case value.KindDouble:
		return pickOf(g, math.Inf(-1), -math.MaxFloat64, -1, -math.SmallestNonzeroFloat64, math.Copysign(0, -1), 0,
			math.SmallestNonzeroFloat64, 1, 1.5, math.MaxFloat64, math.Inf(1), math.NaN(),
			math.Float64frombits(0xfff0000000000001), g.r.NormFloat64()*1e6, math.Float64frombits(g.r.Uint64()))
	case value.KindFloat:
		return pickOf(g, float32(math.Inf(-1)), -1, float32(math.Copysign(0, -1)), 0, 0.25, float32(math.Inf(1)),
			float32(math.NaN()), math.Float32frombits(0xffc00001), math.Float32frombits(g.r.Uint32()))
	case value.KindUUID, value.KindTimeuuid:
		return g.uuid(t.Kind == value.KindTimeuuid)
	case value.KindInet:
		return g.inet()
	case value.KindVarint:
		return g.varint()
	case value.KindDecimal:
		return g.decimal()
	case value.KindDuration:
		sign := int64(pickOf(g, 1, -1))
		return value.Duration{Months: int32(sign) * int32(g.pick(3)), Days: int32(sign) * int32(g.pick(40)),
			Nanos: sign * pickOf(g, 0, 1, 1000, math.MaxInt64, g.r.Int64())}
	case value.KindList:
		return g.elems(t.Elems[0])
	case value.KindSet:
		return value.SortSet(t, g.elems(t.Elems[0]))
	case value.KindMap:
		entries := make([]value.MapEntry, g.pick(4))
		for i := range entries {
			entries[i] = value.MapEntry{Key: g.value(t.Elems[0]), Value: g.value(t.Elems[1])}
		}
		return value.SortMap(t, entries)
	case value.KindTuple, value.KindUDT:
		fields := make([]any, len(t.Elems))
		for i, et := range t.Elems {
			if g.pick(3) > 0 {
				fields[i] = g.value(et)
			}
		}
		if g.pick(6) == 0 {
			fields = fields[:g.pick(len(fields)+1)] // missing trailing components are nulls
		}
		return fields
	}
	panic("generator: unexpected type " + t.String())
}

func (g *generator) text(pieces ...string) string {
	s := ""
	for range g.pick(4) {
		s += pieces[g.pick(len(pieces))]
	}
	return s
}

func (g *generator) int64() int64 {
	return pickOf(g, math.MinInt64, -1, 0, 1, math.MaxInt64, int64(g.r.Uint64()), int64(g.pick(5)-2), -g.r.Int64N(1<<40))
}

func (g *generator) byteFrom() byte {
	return pickOf[byte](g, 0x00, 0x01, 0x7f, 0x80, 0xff, byte(g.r.Uint32()))
}

func (g *generator) uuid(timeBased bool) uuid.UUID {
	var u uuid.UUID
	for i := range u {
		u[i] = g.byteFrom()
	}
	version := pickOf[byte](g, 0, 1, 1, 4, 7, 15)
	if timeBased {
		version = 1
	}
	u[6] = u[6]&0x0f | version<<4
	return u
}

func (g *generator) inet() netip.Addr {
	if g.pick(2) == 0 {
		return netip.AddrFrom4([4]byte{g.byteFrom(), g.byteFrom(), g.byteFrom(), g.byteFrom()})
	}
	var b [16]byte
	for i := range b {
		if g.pick(3) == 0 {
			b[i] = g.byteFrom()
		}
	}
	if g.pick(8) == 0 {
		b = netip.AddrFrom4([4]byte{b[0], b[1], b[2], b[3]}).As16() // IPv4-mapped
	}
	return netip.AddrFrom16(b)
}

func (g *generator) varint() *big.Int {
	x := new(big.Int)
	switch g.pick(4) {
	case 0:
		x.SetInt64(pickOf[int64](g, 0, 1, 127, 128, 255, 256, 65535, 65536, math.MaxInt64))
	case 1:
		x.Lsh(big.NewInt(1), uint(pickOf(g, 63, 64, 100, 8*g.pick(20))))
		x.Sub(x, big.NewInt(int64(g.pick(3)-1)))
	case 2:
		x.SetInt64(g.int64())
	default:
		b := make([]byte, g.pick(20))
		for i := range b {
			b[i] = g.byteFrom()
		}
		x.SetBytes(b)
	}
	if g.pick(2) == 0 {
		x.Neg(x)
	}
	return x
}

func (g *generator) decimal() *apd.Decimal {
	switch g.pick(20) {
	case 0:
		return &apd.Decimal{Form: apd.Infinite, Negative: g.pick(2) == 0}
	case 1:
		return &apd.Decimal{Form: apd.NaN}
	}
	d := &apd.Decimal{Negative: g.pick(2) == 0}
	d.Exponent = pickOf(g, int32(0), -1, -2, 1, 2, int32(g.pick(11)-5), -100, 100, math.MaxInt32, math.MinInt32+1)
	switch g.pick(3) {
	case 0:
		d.Coeff.SetInt64(pickOf[int64](g, 0, 1, 5, 10, 15, 100, 123, 1000, 1050))
	case 1:
		d.Coeff.SetMathBigInt(g.varint()).Abs(&d.Coeff)
	default:
		// A value with many representations: c x 10^k with k trailing zeros.
		d.Coeff.SetInt64(int64(1 + g.pick(3)))
		for range g.pick(4) {
			d.Coeff.Mul(&d.Coeff, apd.NewBigInt(10))
			if d.Exponent > math.MinInt32+1 {
				d.Exponent--
			}
		}
	}
	return d
}

func (g *generator) elems(t *value.Type) []any {
	elems := make([]any, g.pick(4))
	for i := range elems {
		elems[i] = g.value(t)
	}
	return elems
}
