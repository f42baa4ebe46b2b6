package plan

import (
	"encoding/hex"
	"math"
	"math/big"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// blobTypeNames are the native types of BytesConversionFcts, in
// CQL3Type.Native order (blob and empty excluded).
var blobTypeNames = []string{"ascii", "bigint", "boolean", "counter", "date", "decimal", "double", "duration",
	"float", "inet", "int", "smallint", "text", "time", "timestamp", "timeuuid", "tinyint", "uuid", "varchar", "varint"}

func init() {
	for _, name := range blobTypeNames {
		registerBlobConversions(name)
	}
	for _, t := range []*value.Type{value.TinyintType, value.SmallintType, value.IntType, value.FloatType,
		value.BigintType, value.DoubleType, value.VarintType, value.DecimalType, value.CounterType} {
		registerMathFunctions(t)
	}
}

// registerBlobConversions adds name_as_blob and blob_as_name, and their
// legacy names nameasblob and blobasname.
func registerBlobConversions(name string) {
	t := udfType(value.Native(name))
	registerBoth(&function{name: name + "_as_blob", args: []*value.Type{t}, ret: value.BlobType,
		eval: func(_ *Context, a []any) (any, error) { return value.Marshal(t, a[0]), nil }}, name+"asblob")
	for _, fname := range []string{"blob_as_" + name, "blobas" + name} {
		register(&function{name: fname, args: []*value.Type{value.BlobType}, ret: t,
			eval: func(_ *Context, a []any) (any, error) {
				b := a[0].([]byte)
				v, err := value.Unmarshal(t, b)
				if err != nil {
					return nil, cqlerr.Invalidf("In call to function system.%s, value 0x%s is not a valid binary representation for type %s", fname, hex.EncodeToString(b), name)
				}
				return v, nil
			}})
	}
}

// registerMathFunctions adds abs, exp, log, log10 and round for a numeric
// type (MathFcts), computed as NumberType does for that type: Java's
// Math functions and narrowing casts for the fixed-size types, BigDecimal
// arithmetic for decimals and varints.
func registerMathFunctions(t *value.Type) {
	for _, name := range []string{"abs", "exp", "log", "log10", "round"} {
		register(&function{name: name, args: []*value.Type{t}, ret: t, eval: func(_ *Context, a []any) (any, error) {
			return mathFunction(name, t, a[0])
		}})
	}
}

// mathFunction applies one of the math functions to a number of type t.
func mathFunction(name string, t *value.Type, v any) (any, error) {
	switch x := v.(type) {
	case *apd.Decimal:
		return decimalMath(name, x)
	case *big.Int:
		if name == "abs" {
			return new(big.Int).Abs(x), nil
		}
		if name == "round" {
			return x, nil
		}
		r, err := decimalMath(name, apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(x), 0))
		if err != nil {
			return nil, err
		}
		return decimalToBigInt(r.(*apd.Decimal)), nil
	case float32:
		f := float64(x)
		switch name {
		case "abs":
			return float32(math.Abs(f)), nil
		case "round":
			return float32(javaRoundFloat(x)), nil
		}
		return float32(doubleMath(name, f)), nil
	case float64:
		switch name {
		case "abs":
			return math.Abs(x), nil
		case "round":
			return float64(javaRound(x)), nil
		}
		return doubleMath(name, x), nil
	}
	n, ok := integerValue(v)
	if !ok {
		return nil, cqlerr.Serverf("unexpected %T for %s", v, name)
	}
	switch name {
	case "abs":
		if n < 0 {
			n = -n
		}
		return narrowInteger(t, n), nil
	case "round":
		return narrowInteger(t, n), nil
	}
	f := doubleMath(name, float64(n))
	if t.Kind == value.KindBigint || t.Kind == value.KindCounter {
		return javaDoubleToLong(f), nil
	}
	return narrowInteger(t, int64(javaDoubleToInt(f))), nil
}

func doubleMath(name string, f float64) float64 {
	switch name {
	case "exp":
		return math.Exp(f)
	case "log":
		return math.Log(f)
	}
	return math.Log10(f)
}

// integerValue returns a fixed-size integer argument as an int64.
func integerValue(v any) (int64, bool) {
	switch x := v.(type) {
	case int8:
		return int64(x), true
	case int16:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	}
	return 0, false
}

// narrowInteger converts an int64 to the Go type of t with Java's
// narrowing (the low bits are kept).
func narrowInteger(t *value.Type, n int64) any {
	switch t.Kind {
	case value.KindTinyint:
		return int8(n)
	case value.KindSmallint:
		return int16(n)
	case value.KindInt:
		return int32(n)
	}
	return n
}

// javaDoubleToLong is Java's (long) cast of a double: NaN is 0 and values
// beyond the range saturate. Narrower integer casts of a double go through
// int: see javaDoubleToInt.
func javaDoubleToLong(f float64) int64 {
	switch {
	case f != f:
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}

// javaDoubleToInt is Java's (int) cast of a double.
func javaDoubleToInt(f float64) int32 {
	switch {
	case f != f:
		return 0
	case f >= math.MaxInt32:
		return math.MaxInt32
	case f <= math.MinInt32:
		return math.MinInt32
	}
	return int32(f)
}

// javaRound is Math.round(double): the closest long, ties toward positive
// infinity, saturating, NaN giving 0.
func javaRound(f float64) int64 {
	return javaDoubleToLong(roundHalfUp(f))
}

// javaRoundFloat is Math.round(float): the closest int.
func javaRoundFloat(f float32) int32 {
	return javaDoubleToInt(roundHalfUp(float64(f)))
}

// roundHalfUp rounds to the closest integer, ties toward positive
// infinity, without the double rounding of floor(x + 0.5).
func roundHalfUp(f float64) float64 {
	if f != f || math.IsInf(f, 0) {
		return f
	}
	fl := math.Floor(f)
	if f-fl >= 0.5 {
		return fl + 1
	}
	return fl
}

// decimalMath applies a math function to a decimal as DecimalType does:
// exact abs, round half up to an integer, and exp, log and log10 to the
// argument's precision (at least 16 digits) rounding half even.
func decimalMath(name string, d *apd.Decimal) (any, error) {
	r := new(apd.Decimal)
	switch name {
	case "abs":
		return r.Abs(d), nil
	case "round":
		_, err := integerContext(d, apd.RoundHalfUp).Quantize(r, d, 0)
		return r, err
	}
	if name != "exp" && d.Sign() <= 0 {
		if name == "log" {
			return nil, cqlerr.Serverf("java.lang.ArithmeticException: Natural log of number zero or less")
		}
		return nil, cqlerr.Serverf("java.lang.ArithmeticException: Log10 of number zero or less")
	}
	prec := uint32(max(16, min(10000, int(d.NumDigits()))))
	ctx := apd.BaseContext.WithPrecision(prec)
	ctx.Rounding = apd.RoundHalfEven
	var err error
	switch name {
	case "exp":
		_, err = ctx.Exp(r, d)
	case "log":
		_, err = ctx.Ln(r, d)
	default:
		_, err = ctx.Log10(r, d)
	}
	return r, err
}

// integerContext returns a context precise enough to hold the integer
// part of d, rounding as given.
func integerContext(d *apd.Decimal, rounding apd.Rounder) *apd.Context {
	digits := d.NumDigits() + int64(max(d.Exponent, 0)) + 1
	ctx := apd.BaseContext.WithPrecision(uint32(min(digits, apd.MaxExponent)))
	ctx.Rounding = rounding
	return ctx
}

// decimalToBigInt is BigDecimal.toBigInteger: the integer part, truncated
// toward zero.
func decimalToBigInt(d *apd.Decimal) *big.Int {
	var i apd.Decimal
	_, _ = integerContext(d, apd.RoundDown).Quantize(&i, d, 0)
	return i.Coeff.MathBigInt().Mul(i.Coeff.MathBigInt(), big.NewInt(int64(i.Sign()|1)))
}
