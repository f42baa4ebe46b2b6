package plan

import (
	"math"
	"math/big"
	"strconv"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/value"
)

// The native aggregates of AggregateFcts: count(*), count(x), min, max,
// and sum and avg for every numeric type, computed as Cassandra computes
// them:
//
//   - sum of tinyint, smallint, int, bigint and counter wraps around in the
//     argument's type (Java integer arithmetic);
//   - avg of those types sums in a long, switching to BigInteger when the
//     long overflows, and truncates the quotient toward zero;
//   - sum and avg of varint are exact, avg truncating;
//   - sum of decimal is exact; avg of decimal is an incremental average,
//     avg += (x - avg) / n, each quotient rounded half even to the scale
//     of its dividend;
//   - sum and avg of float and double use Kahan summation in double
//     precision; avg switches to BigDecimal when the sum overflows.
//
// avg of no values is 0, sum of no values 0, min and max of no values null.

var sumAvgTypes = []*value.Type{value.TinyintType, value.SmallintType, value.IntType, value.BigintType,
	value.FloatType, value.DoubleType, value.DecimalType, value.VarintType, value.CounterType}

func init() {
	register(&function{name: "count_rows", ret: value.BigintType, agg: "count_rows",
		column: func([]string) string { return "count" }})
	for _, fn := range []string{"sum", "avg"} {
		for _, t := range sumAvgTypes {
			register(&function{name: fn, args: []*value.Type{t}, ret: t, agg: fn})
		}
	}
	register(&function{name: "count", args: []*value.Type{value.BlobType}, ret: value.BigintType, agg: "count"})
	for _, fn := range []string{"max", "min"} {
		registerFactory(&factory{name: fn, params: []string{"any"}, minArgs: 1, build: minMaxFactory(fn)})
	}
}

// minMaxFactory builds min or max for the type of its argument.
func minMaxFactory(fn string) func(*Context, *factory, []callArg, *value.Type) (*function, error) {
	return func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
		t, err := inferArgType(fa, args[0], recv, true)
		if err != nil {
			return nil, err
		}
		return &function{name: fn, args: []*value.Type{t}, ret: t, agg: fn, factoryMade: true}, nil
	}
}

// Accumulator computes one aggregate over the values added to it, in the
// order they are added.
type Accumulator interface {
	// Add adds one value; nulls are ignored.
	Add(v any)
	// Result returns the aggregate of the values added so far.
	Result() any
}

// NewAccumulator returns a fresh accumulator for the aggregate. For
// count(*) every added value, null or not, counts.
func (e *Aggregate) NewAccumulator() Accumulator {
	if e.Star {
		return &rowCounter{}
	}
	return newAccumulator(e.Fn, e.typ)
}

// newAccumulator returns the accumulator of aggregate fn ("count", "min",
// "max", "sum", "avg") over values of type t.
func newAccumulator(fn string, t *value.Type) Accumulator {
	switch fn {
	case "count":
		return &valueCounter{}
	case "min", "max":
		return &extremum{t: t, max: fn == "max"}
	}
	avg := fn == "avg"
	switch t.Kind {
	case value.KindVarint:
		return &varintAccumulator{sum: new(big.Int), avg: avg}
	case value.KindDecimal:
		if avg {
			return &decimalAverage{avg: apd.New(0, 0)}
		}
		return &decimalSum{sum: apd.New(0, 0)}
	case value.KindFloat, value.KindDouble:
		if avg {
			return &floatAverage{float: t.Kind == value.KindFloat}
		}
		return &floatSum{float: t.Kind == value.KindFloat}
	}
	if avg {
		return &longAverage{t: t}
	}
	return &longSum{t: t}
}

type rowCounter struct{ n int64 }

func (a *rowCounter) Add(any)     { a.n++ }
func (a *rowCounter) Result() any { return a.n }

type valueCounter struct{ n int64 }

func (a *valueCounter) Add(v any) {
	if v != nil {
		a.n++
	}
}
func (a *valueCounter) Result() any { return a.n }

// extremum is min or max in the type's order.
type extremum struct {
	t    *value.Type
	max  bool
	best any
}

func (a *extremum) Add(v any) {
	if v == nil {
		return
	}
	if a.best == nil {
		a.best = v
		return
	}
	c := value.Compare(a.t, v, a.best)
	if (a.max && c > 0) || (!a.max && c < 0) {
		a.best = v
	}
}
func (a *extremum) Result() any { return a.best }

// longSum is the sum of a fixed-size integer type, wrapping around.
type longSum struct {
	t   *value.Type
	sum int64
}

func (a *longSum) Add(v any) {
	if n, ok := integerValue(v); ok {
		a.sum += n
	}
}
func (a *longSum) Result() any { return narrowInteger(a.t, a.sum) }

// longAverage is AvgAggregate: a long sum that moves to a BigInteger on
// overflow.
type longAverage struct {
	t      *value.Type
	sum    int64
	count  int64
	bigSum *big.Int
}

func (a *longAverage) Add(v any) {
	n, ok := integerValue(v)
	if !ok {
		return
	}
	a.count++
	if a.bigSum != nil {
		a.bigSum.Add(a.bigSum, big.NewInt(n))
		return
	}
	prev := a.sum
	a.sum += n
	if (prev^a.sum)&(n^a.sum) < 0 {
		a.bigSum = new(big.Int).Add(big.NewInt(prev), big.NewInt(n))
	}
}

func (a *longAverage) Result() any {
	var avg int64
	switch {
	case a.bigSum != nil:
		avg = lowInt64(new(big.Int).Quo(a.bigSum, big.NewInt(a.count)))
	case a.count > 0:
		avg = a.sum / a.count
	}
	return narrowInteger(a.t, avg)
}

// varintAccumulator is the exact sum, or truncated average, of varints.
type varintAccumulator struct {
	sum   *big.Int
	count int64
	avg   bool
}

func (a *varintAccumulator) Add(v any) {
	if x, ok := v.(*big.Int); ok {
		a.sum.Add(a.sum, x)
		a.count++
	}
}

func (a *varintAccumulator) Result() any {
	if !a.avg {
		return new(big.Int).Set(a.sum)
	}
	if a.count == 0 {
		return new(big.Int)
	}
	return new(big.Int).Quo(a.sum, big.NewInt(a.count))
}

// decimalSum is BigDecimal addition: exact, with the larger scale.
type decimalSum struct{ sum *apd.Decimal }

func (a *decimalSum) Add(v any) {
	if x, ok := v.(*apd.Decimal); ok {
		_, _ = apd.BaseContext.Add(a.sum, a.sum, x)
	}
}
func (a *decimalSum) Result() any { return positiveZero(a.sum) }

// decimalAverage is the incremental average of avgFunctionForDecimal.
type decimalAverage struct {
	avg   *apd.Decimal
	count int64
}

func (a *decimalAverage) Add(v any) {
	x, ok := v.(*apd.Decimal)
	if !ok {
		return
	}
	a.count++
	diff := new(apd.Decimal)
	_, _ = apd.BaseContext.Sub(diff, x, a.avg)
	step := divideHalfEven(diff, a.count)
	_, _ = apd.BaseContext.Add(a.avg, a.avg, step)
}
func (a *decimalAverage) Result() any { return positiveZero(a.avg) }

// divideHalfEven is BigDecimal.divide(BigDecimal.valueOf(n),
// RoundingMode.HALF_EVEN): the quotient at the dividend's scale.
func divideHalfEven(x *apd.Decimal, n int64) *apd.Decimal {
	coeff := x.Coeff.MathBigInt()
	q, r := new(big.Int).QuoRem(coeff, big.NewInt(n), new(big.Int))
	switch c := new(big.Int).Lsh(r, 1).CmpAbs(big.NewInt(n)); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		q.Add(q, big.NewInt(1))
	}
	if x.Negative {
		q.Neg(q)
	}
	return apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(q), x.Exponent)
}

// positiveZero returns d, or a zero of the same scale without a sign:
// BigDecimal has no negative zero.
func positiveZero(d *apd.Decimal) *apd.Decimal {
	out := new(apd.Decimal).Set(d)
	if out.IsZero() {
		out.Negative = false
	}
	return out
}

// floatSum is FloatSumAggregate: Kahan summation in doubles.
type floatSum struct {
	float                        bool
	sum, compensation, simpleSum float64
}

func (a *floatSum) Add(v any) {
	d, ok := floatingValue(v)
	if !ok {
		return
	}
	a.simpleSum += d
	tmp := d - a.compensation
	rounded := a.sum + tmp
	a.compensation = (rounded - a.sum) - tmp
	a.sum = rounded
}

func (a *floatSum) Result() any {
	r := a.sum + a.compensation
	if math.IsNaN(r) && math.IsInf(a.simpleSum, 0) {
		r = a.simpleSum
	}
	if a.float {
		return float32(r)
	}
	return r
}

// floatAverage is FloatAvgAggregate: a Kahan sum in doubles that moves to
// BigDecimal when it overflows.
type floatAverage struct {
	float                        bool
	sum, compensation, simpleSum float64
	count                        int64
	bigSum                       *apd.Decimal
}

func (a *floatAverage) Add(v any) {
	d, ok := floatingValue(v)
	if !ok {
		return
	}
	a.count++
	if a.bigSum != nil {
		if x, err := value.JavaDoubleDecimal(d); err == nil {
			_, _ = apd.BaseContext.Add(a.bigSum, a.bigSum, x)
		}
		return
	}
	a.simpleSum += d
	prev := a.sum
	tmp := d - a.compensation
	rounded := a.sum + tmp
	a.compensation = (rounded - a.sum) - tmp
	a.sum = rounded
	if math.IsInf(a.sum, 0) && !math.IsInf(d, 0) {
		p, err1 := value.JavaDoubleDecimal(prev)
		x, err2 := value.JavaDoubleDecimal(d)
		if err1 == nil && err2 == nil {
			a.bigSum = new(apd.Decimal)
			_, _ = apd.BaseContext.Add(a.bigSum, p, x)
		}
	}
}

func (a *floatAverage) Result() any {
	var r float64
	switch {
	case a.count == 0:
	case a.bigSum != nil:
		q := divideHalfEven(a.bigSum, a.count)
		r, _ = strconv.ParseFloat(q.String(), 64)
	default:
		s := a.sum + a.compensation
		if math.IsNaN(s) && math.IsInf(a.simpleSum, 0) {
			s = a.simpleSum
		}
		r = s / float64(a.count)
	}
	if a.float {
		return float32(r)
	}
	return r
}

// floatingValue returns a float or double as a double.
func floatingValue(v any) (float64, bool) {
	switch x := v.(type) {
	case float32:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
