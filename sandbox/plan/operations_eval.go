package plan

import (
	"errors"
	"math"
	"math/big"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/value"
)

// This file computes the operations of OperationFcts on Go values, as
// the NumberType subclasses of Cassandra's db/marshal do: the operands are
// converted to the result type (toInt, toLong, toFloat, toDouble,
// toBigInteger, toBigDecimal) and combined with Java's arithmetic, so that
// integers wrap around on overflow, integer division by zero fails with
// "/ by zero", floating point division by zero gives an infinity, and
// decimals compute in MathContext.DECIMAL128.

// decimal128 is Java's MathContext.DECIMAL128: 34 digits, half even.
var decimal128 = apd.Context{
	Precision:   34,
	Rounding:    apd.RoundHalfEven,
	MaxExponent: apd.MaxExponent,
	MinExponent: apd.MinExponent,
	Traps:       apd.DefaultTraps,
}

// exactDecimal computes exactly (remainders and negations).
var exactDecimal = apd.Context{
	Precision:   1000,
	Rounding:    apd.RoundDown,
	MaxExponent: apd.MaxExponent,
	MinExponent: apd.MinExponent,
	Traps:       apd.DefaultTraps,
}

// errDivByZero is Java's ArithmeticException for integer division by zero.
var errDivByZero = errors.New("/ by zero")

// numericOperation applies op to a of type at and b of type bt, giving a
// value of type ret.
func numericOperation(op cql.ArithOp, ret, at *value.Type, a any, bt *value.Type, b any) (any, error) {
	switch ret.Kind {
	case value.KindTinyint, value.KindSmallint, value.KindInt:
		x, y := int32(javaLongValue(a)), int32(javaLongValue(b))
		r, err := intOperation(op, int64(x), int64(y))
		return narrowInteger(ret, int64(int32(r))), err
	case value.KindBigint, value.KindCounter:
		r, err := intOperation(op, javaLongValue(a), javaLongValue(b))
		return r, err
	case value.KindFloat:
		return float32(floatOperation(op, float64(javaFloatValue(a)), float64(javaFloatValue(b)), true)), nil
	case value.KindDouble:
		return floatOperation(op, javaDoubleValue(a), javaDoubleValue(b), false), nil
	case value.KindVarint:
		return varintOperation(op, toBigInteger(a), toBigInteger(b))
	case value.KindDecimal:
		x, err := toBigDecimal(at, a)
		if err != nil {
			return nil, err
		}
		y, err := toBigDecimal(bt, b)
		if err != nil {
			return nil, err
		}
		return decimalOperation(op, x, y)
	}
	return nil, errors.New("unsupported operation")
}

// intOperation is Java's long arithmetic; callers narrow the result.
func intOperation(op cql.ArithOp, x, y int64) (int64, error) {
	switch op {
	case cql.OpAdd:
		return x + y, nil
	case cql.OpSub:
		return x - y, nil
	case cql.OpMul:
		return x * y, nil
	case cql.OpDiv:
		if y == 0 {
			return 0, errDivByZero
		}
		if y == -1 {
			return -x, nil // MinInt64 / -1 wraps, as in Java
		}
		return x / y, nil
	}
	if y == 0 {
		return 0, errDivByZero
	}
	if y == -1 {
		return 0, nil
	}
	return x % y, nil
}

// floatOperation is Java's double (or, with single, float) arithmetic.
func floatOperation(op cql.ArithOp, x, y float64, single bool) float64 {
	var r float64
	switch op {
	case cql.OpAdd:
		r = x + y
	case cql.OpSub:
		r = x - y
	case cql.OpMul:
		r = x * y
	case cql.OpDiv:
		r = x / y
	default:
		r = math.Mod(x, y)
	}
	if single {
		return float64(float32(r))
	}
	return r
}

// toBigInteger is NumberType.toBigInteger for the integer types.
func toBigInteger(v any) *big.Int {
	if x, ok := v.(*big.Int); ok {
		return x
	}
	return big.NewInt(javaLongValue(v))
}

// varintOperation is IntegerType's arithmetic on BigIntegers.
func varintOperation(op cql.ArithOp, x, y *big.Int) (any, error) {
	r := new(big.Int)
	switch op {
	case cql.OpAdd:
		return r.Add(x, y), nil
	case cql.OpSub:
		return r.Sub(x, y), nil
	case cql.OpMul:
		return r.Mul(x, y), nil
	}
	if y.Sign() == 0 {
		return nil, errors.New("BigInteger divide by zero")
	}
	if op == cql.OpDiv {
		return r.Quo(x, y), nil
	}
	return r.Rem(x, y), nil
}

// toBigDecimal is NumberType.toBigDecimal: the integer types go through a
// double (BigDecimal.valueOf(double), so 1 becomes 1.0), floats and
// doubles through Double.toString, varints exactly.
func toBigDecimal(t *value.Type, v any) (*apd.Decimal, error) {
	switch x := v.(type) {
	case *apd.Decimal:
		return x, nil
	case *big.Int:
		return apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(x), 0), nil
	}
	f := javaDoubleValue(v)
	switch {
	case math.IsNaN(f):
		return nil, errors.New("A NaN cannot be converted into a decimal")
	case math.IsInf(f, 0):
		return nil, errors.New("An infinite number cannot be converted into a decimal")
	}
	return value.JavaDoubleDecimal(f)
}

// decimalOperation is DecimalType's arithmetic.
func decimalOperation(op cql.ArithOp, x, y *apd.Decimal) (any, error) {
	r := new(apd.Decimal)
	var err error
	switch op {
	case cql.OpAdd:
		_, err = decimal128.Add(r, x, y)
	case cql.OpSub:
		_, err = decimal128.Sub(r, x, y)
	case cql.OpMul:
		_, err = decimal128.Mul(r, x, y)
	case cql.OpDiv:
		if err := decimalDivisor(x, y); err != nil {
			return nil, err
		}
		return decimalQuotient(x, y)
	default:
		return decimalRemainder(x, y)
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// decimalQuotient is BigDecimal.divide with MathContext.DECIMAL128: an
// exact quotient has the preferred scale (the dividend's less the
// divisor's) when it can, so 8.5 / 8.5 is 1 and 8.5 / 1.0 is 8.5.
func decimalQuotient(x, y *apd.Decimal) (any, error) {
	if err := decimalDivisor(x, y); err != nil {
		return nil, err
	}
	r := new(apd.Decimal)
	cond, err := decimal128.Quo(r, x, y)
	if err != nil {
		return nil, err
	}
	if cond.Inexact() {
		return r, nil
	}
	ideal := x.Exponent - y.Exponent
	reduced := new(apd.Decimal)
	reduced.Reduce(r)
	if reduced.Exponent > ideal {
		if _, err := exactDecimal.Quantize(reduced, reduced, ideal); err != nil {
			return nil, err
		}
	}
	return reduced, nil
}

// decimalDivisor fails as BigDecimal.divide does for a zero divisor.
func decimalDivisor(x, y *apd.Decimal) error {
	if !y.IsZero() {
		return nil
	}
	if x.IsZero() {
		return errors.New("Division undefined")
	}
	return errors.New("Division by zero")
}

// decimalRemainder is BigDecimal.remainder: x - q * y, where q is the
// integral quotient with BigDecimal.divideToIntegralValue's scale, which
// decides the scale of the result.
func decimalRemainder(x, y *apd.Decimal) (any, error) {
	if err := decimalDivisor(x, y); err != nil {
		return nil, err
	}
	q := new(apd.Decimal)
	if _, err := exactDecimal.QuoInteger(q, x, y); err != nil {
		return nil, err
	}
	// q is an integer at scale 0; divideToIntegralValue strips its
	// trailing zeros down to the preferred scale, or pads it up to it.
	preferred := int64(-x.Exponent) + int64(y.Exponent)
	qScale := int64(0)
	if preferred < 0 {
		qScale = max(preferred, -trailingZeros(q))
	} else {
		qScale = preferred
	}
	prod := new(apd.Decimal)
	if _, err := exactDecimal.Mul(prod, q, y); err != nil {
		return nil, err
	}
	r := new(apd.Decimal)
	if _, err := exactDecimal.Sub(r, x, prod); err != nil {
		return nil, err
	}
	scale := max(int64(-x.Exponent), qScale-int64(y.Exponent))
	out := new(apd.Decimal)
	if _, err := exactDecimal.Quantize(out, r, int32(-scale)); err != nil {
		return nil, err
	}
	return out, nil
}

// trailingZeros returns the number of trailing decimal zeros of an
// integer, or a large number for zero (which strips to any scale).
func trailingZeros(d *apd.Decimal) int64 {
	if d.IsZero() {
		return math.MaxInt32
	}
	n := new(big.Int).Abs(d.Coeff.MathBigInt())
	ten := big.NewInt(10)
	m := new(big.Int)
	count := int64(d.Exponent)
	for {
		q, r := new(big.Int).QuoRem(n, ten, m)
		if r.Sign() != 0 {
			return count
		}
		n = q
		count++
	}
}

// negateValue is NumberType.negate: integers wrap (-(-128) is -128 for a
// tinyint).
func negateValue(t *value.Type, v any) any {
	switch x := v.(type) {
	case int8:
		return -x
	case int16:
		return -x
	case int32:
		return -x
	case int64:
		return -x
	case float32:
		return -x
	case float64:
		return -x
	case *big.Int:
		return new(big.Int).Neg(x)
	case *apd.Decimal:
		return new(apd.Decimal).Neg(x)
	}
	return v
}

// temporalOperation adds (or with op '-' substracts) a duration to a
// timestamp or a date, as TemporalType.addDuration and
// substractDuration do.
func temporalOperation(op cql.ArithOp, t *value.Type, v any, d value.Duration) (any, error) {
	if op == cql.OpSub {
		d = value.Duration{Months: -d.Months, Days: -d.Days, Nanos: -d.Nanos}
	}
	if t.Kind == value.KindDate {
		if d.Nanos != 0 {
			return nil, errors.New("The duration must have a day precision. Was: " + absDuration(op, d))
		}
		date, ok := v.(value.Date)
		if !ok {
			return nil, errors.New("not a date")
		}
		day := int64(date) - int64(value.DateEpoch)
		ms := addDuration(day*86400000, d)
		days := math.Floor(float64(ms) / 86400000)
		return value.Date(int64(days) + int64(value.DateEpoch)), nil
	}
	if d.Nanos%1e6 != 0 {
		return nil, errors.New("The duration must have a millisecond precision. Was: " + absDuration(op, d))
	}
	ts, ok := v.(value.Timestamp)
	if !ok {
		return nil, errors.New("not a timestamp")
	}
	return value.Timestamp(addDuration(int64(ts), d)), nil
}

// absDuration prints the duration as written, undoing the negation of a
// substraction.
func absDuration(op cql.ArithOp, d value.Duration) string {
	if op == cql.OpSub {
		d = value.Duration{Months: -d.Months, Days: -d.Days, Nanos: -d.Nanos}
	}
	return d.String()
}

// addDuration is Duration.addTo: months and days move the date as Java's
// Calendar does in UTC (the 31st plus a month is the last day of the next
// month), the rest adds milliseconds.
func addDuration(ms int64, d value.Duration) int64 {
	if d.Months == 0 {
		return ms + int64(d.Days)*86400000 + d.Nanos/1e6
	}
	day := math.Floor(float64(ms) / 86400000)
	inDay := ms - int64(day)*86400000
	y, m, dd := civilFromDays(int64(day))
	months := int64(y)*12 + int64(m-1) + int64(d.Months)
	ny, nm := floorDiv(months, 12), months-floorDiv(months, 12)*12+1
	if last := daysIn(ny, nm); dd > last {
		dd = last
	}
	days := daysFromCivil(ny, nm, dd) + int64(d.Days)
	return days*86400000 + inDay + d.Nanos/1e6
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysIn returns the number of days of a month of the proleptic Gregorian
// calendar.
func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilFromDays converts days since 1970-01-01 to a date.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// daysFromCivil converts a date to days since 1970-01-01.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
