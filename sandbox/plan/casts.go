package plan

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// The cast functions of CastFcts, named cast_as_<type> (and castAs<Type>,
// which only a quoted name reaches), one per conversion Cassandra supports:
//
//	tinyint, smallint, int, bigint, float, double, decimal, counter, varint
//	    -> every other of tinyint ... varint (not counter), ascii and text
//	ascii -> text
//	inet, boolean, time, uuid -> ascii, text
//	timeuuid -> date, timestamp, ascii, text
//	timestamp -> date, ascii, text
//	date -> timestamp, ascii, text
//
// Numbers convert as Java's Number.xxxValue() methods do (narrowing keeps
// the low bits, doubles saturate); anything to text is the value's CQL
// literal without quotes.

var castNumericTypes = []*value.Type{value.TinyintType, value.SmallintType, value.IntType, value.BigintType,
	value.FloatType, value.DoubleType, value.DecimalType, value.CounterType, value.VarintType}

var castNumericOutputs = []*value.Type{value.TinyintType, value.SmallintType, value.IntType, value.BigintType,
	value.FloatType, value.DoubleType, value.DecimalType, value.VarintType}

func init() {
	for _, in := range castNumericTypes {
		for _, out := range castNumericOutputs {
			if !in.Equal(out) {
				registerCast(in, out, numericCaster(in, out))
			}
		}
		registerTextCasts(in)
	}
	registerCast(value.AsciiType, value.TextType, func(v any) (any, error) { return v, nil })
	for _, in := range []*value.Type{value.InetType, value.BooleanType} {
		registerTextCasts(in)
	}
	registerCast(value.TimeuuidType, value.DateType, func(v any) (any, error) { return dateOfMillis(temporalMillis(v)), nil })
	registerCast(value.TimeuuidType, value.TimestampType, func(v any) (any, error) { return value.Timestamp(temporalMillis(v)), nil })
	registerTextCasts(value.TimeuuidType)
	registerCast(value.TimestampType, value.DateType, func(v any) (any, error) { return dateOfMillis(temporalMillis(v)), nil })
	registerTextCasts(value.TimestampType)
	registerCast(value.DateType, value.TimestampType, func(v any) (any, error) { return value.Timestamp(temporalMillis(v)), nil })
	registerTextCasts(value.DateType)
	registerTextCasts(value.TimeType)
	registerTextCasts(value.UUIDType)
}

// castFunctionName returns the name of the function casting to t.
func castFunctionName(typeName string) string { return "cast_as_" + typeName }

// registerCast adds cast_as_<out> (and its legacy castAs<Out>) for input
// type in.
func registerCast(in, out *value.Type, conv func(any) (any, error)) {
	name := out.String()
	f := &function{name: castFunctionName(name), args: []*value.Type{in}, ret: out,
		eval:   func(_ *Context, a []any) (any, error) { return conv(a[0]) },
		column: func(args []string) string { return "cast(" + args[0] + " as " + name + ")" }}
	registerBoth(f, "castAs"+strings.ToUpper(name[:1])+name[1:])
}

// registerTextCasts adds the casts of in to ascii and text.
func registerTextCasts(in *value.Type) {
	for _, out := range []*value.Type{value.AsciiType, value.TextType} {
		registerCast(in, out, func(v any) (any, error) { return value.CQLText(in, v), nil })
	}
}

// numericCaster returns the conversion of a number of type in to type out.
func numericCaster(in, out *value.Type) func(any) (any, error) {
	return func(v any) (any, error) {
		switch out.Kind {
		case value.KindTinyint:
			return int8(javaIntValue(v)), nil
		case value.KindSmallint:
			return int16(javaIntValue(v)), nil
		case value.KindInt:
			return javaIntValue(v), nil
		case value.KindBigint:
			return javaLongValue(v), nil
		case value.KindFloat:
			return javaFloatValue(v), nil
		case value.KindDouble:
			return javaDoubleValue(v), nil
		case value.KindVarint:
			return big.NewInt(javaLongValue(v)), nil
		case value.KindDecimal:
			return javaDecimalValue(v)
		}
		return nil, cqlerr.Serverf("cannot cast %s to %s", in, out)
	}
}

// javaIntValue is Number.intValue(): integers keep their low 32 bits,
// floating point values saturate, decimals truncate toward zero first.
// byteValue and shortValue narrow this further.
func javaIntValue(v any) int32 {
	switch x := v.(type) {
	case float32:
		return javaDoubleToInt(float64(x))
	case float64:
		return javaDoubleToInt(x)
	}
	return int32(javaLongValue(v))
}

// javaLongValue is Number.longValue().
func javaLongValue(v any) int64 {
	switch x := v.(type) {
	case float32:
		return javaDoubleToLong(float64(x))
	case float64:
		return javaDoubleToLong(x)
	case *big.Int:
		return lowInt64(x)
	case *apd.Decimal:
		return lowInt64(decimalToBigInt(x))
	}
	n, _ := integerValue(v)
	return n
}

// lowInt64 returns the low 64 bits of x in two's complement
// (BigInteger.longValue).
func lowInt64(x *big.Int) int64 {
	if x.IsInt64() {
		return x.Int64()
	}
	m := new(big.Int).And(x, new(big.Int).SetUint64(math.MaxUint64))
	return int64(m.Uint64())
}

// javaDoubleValue is Number.doubleValue(), correctly rounded for varints
// and decimals.
func javaDoubleValue(v any) float64 {
	switch x := v.(type) {
	case float32:
		return float64(x)
	case float64:
		return x
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case *apd.Decimal:
		f, _ := x.Float64()
		return f
	}
	n, _ := integerValue(v)
	return float64(n)
}

// javaFloatValue is Number.floatValue(), correctly rounded from varints
// and decimals (not through a double).
func javaFloatValue(v any) float32 {
	switch x := v.(type) {
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float32()
		return f
	case *apd.Decimal:
		f, err := strconv.ParseFloat(x.String(), 32)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0
		}
		return float32(f)
	}
	return float32(javaDoubleValue(v))
}

// javaDecimalValue converts a number to a decimal as CastFcts does: from
// Float.toString for floats, BigDecimal.valueOf for doubles, exactly for
// integers.
func javaDecimalValue(v any) (any, error) {
	switch x := v.(type) {
	case float32:
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return nil, notADecimal(value.CQLText(value.FloatType, x))
		}
		return value.JavaFloatDecimal(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, notADecimal(value.CQLText(value.DoubleType, x))
		}
		return value.JavaDoubleDecimal(x)
	case *big.Int:
		return apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(x), 0), nil
	}
	n, _ := integerValue(v)
	return apd.New(n, 0), nil
}

// notADecimal is the NumberFormatException BigDecimal throws for NaN and
// infinities, which Cassandra reports as a server error.
func notADecimal(text string) error {
	return cqlerr.Serverf("java.lang.NumberFormatException: Character %c is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", []rune(text)[0])
}
