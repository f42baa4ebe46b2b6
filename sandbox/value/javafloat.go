package value

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// This file reproduces Double.toString and Float.toString of the Java
// versions Cassandra 5.0 runs on (11 and 17): sun.misc.FloatingDecimal's
// dtoa, which usually prints the shortest digits that identify the value but
// sometimes prints more (Float.toString(1.3530299E9f) is "1.35302989E9").
// Java 19 and later print the shortest digits; Cassandra does not run there.

// javaDoubleString returns f as Java 17's Double.toString prints it: NaN,
// Infinity, -Infinity, plain notation with at least one fraction digit for
// magnitudes in [1e-3, 1e7) ("123123.0", "0.001"), and computerized
// scientific notation otherwise ("1.0E10", "1.2345E-5").
func javaDoubleString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 0):
		if f > 0 {
			return "Infinity"
		}
		return "-Infinity"
	}
	b := math.Float64bits(f)
	fract := b & (1<<52 - 1)
	binExp := int(b >> 52 & 0x7FF)
	return javaFloatingText(b>>63 != 0, fract, binExp, 52, 1023)
}

// javaFloatString returns f as Java 17's Float.toString prints it.
func javaFloatString(f float32) string {
	switch {
	case f != f:
		return "NaN"
	case math.IsInf(float64(f), 0):
		if f > 0 {
			return "Infinity"
		}
		return "-Infinity"
	}
	b := math.Float32bits(f)
	fract := uint64(b & (1<<23 - 1))
	binExp := int(b >> 23 & 0xFF)
	return javaFloatingText(b>>31 != 0, fract, binExp, 23, 127)
}

// javaFloatingText normalises the fields of an IEEE value with expShift
// fraction bits (52 or 23) the way FloatingDecimal does and formats it.
func javaFloatingText(negative bool, fract uint64, binExp, expShift, bias int) string {
	var nSignificantBits int
	if binExp == 0 {
		if fract == 0 {
			if negative {
				return "-0.0"
			}
			return "0.0"
		}
		// A subnormal: shift the fraction up to the hidden bit's place.
		leading := bits.LeadingZeros64(fract)
		shift := leading - (63 - expShift)
		fract <<= uint(shift)
		binExp = 1 - shift
		nSignificantBits = 64 - leading
	} else {
		fract |= 1 << uint(expShift)
		nSignificantBits = expShift + 1
	}
	binExp -= bias
	var fd floatingDigits
	fd.dtoa(binExp, fract<<uint(52-expShift), nSignificantBits)
	return fd.text(negative)
}

// floatingDigits is FloatingDecimal's BinaryToASCIIBuffer: decimal digits
// and the decimal exponent of the value 0.d1d2... * 10^decExponent.
type floatingDigits struct {
	digits      []byte
	decExponent int
}

// bitLen5 returns the number of bits of 5^i, and 0 for i = 0
// (FloatingDecimal's N_5_BITS table).
func bitLen5(i int) int {
	if i == 0 {
		return 0
	}
	return new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(i)), nil).BitLen()
}

func pow5(i int) *big.Int { return new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(i)), nil) }

// dtoa follows BinaryToASCIIBuffer.dtoa for fractBits with the hidden bit at
// position 52 and nSignificantBits significant bits, in Java's compatible
// (toString) format.
func (fd *floatingDigits) dtoa(binExp int, fractBits uint64, nSignificantBits int) {
	tailZeros := bits.TrailingZeros64(fractBits)
	nFractBits := 53 - tailZeros
	nTinyBits := max(0, nFractBits-binExp-1)
	if binExp <= 62 && binExp >= -21 && nTinyBits < 27 && nFractBits+bitLen5(nTinyBits) < 64 && nTinyBits == 0 {
		// An integer that fits in a long.
		insignificant := 0
		if binExp > nSignificantBits {
			insignificant = insignificantDigitsForPow2(binExp - nSignificantBits - 1)
		}
		if binExp >= 52 {
			fractBits <<= uint(binExp - 52)
		} else {
			fractBits >>= uint(52 - binExp)
		}
		fd.developLongDigits(int64(fractBits), insignificant)
		return
	}
	decExp := estimateDecExp(fractBits, binExp)
	b5 := max(0, -decExp)
	b2 := b5 + nTinyBits + binExp
	s5 := max(0, decExp)
	s2 := s5 + nTinyBits
	m5 := b5
	m2 := b2 - nSignificantBits
	fractBits >>= uint(tailZeros)
	b2 -= nFractBits - 1
	common := min(b2, s2)
	b2 -= common
	s2 -= common
	m2 -= common
	if nFractBits == 1 {
		m2--
	}
	if m2 < 0 {
		b2 -= m2
		s2 -= m2
		m2 = 0
	}
	approxBits := func(n int) int {
		if n < 27 {
			return bitLen5(n)
		}
		return n * 3
	}
	bBits := nFractBits + b2 + approxBits(b5)
	tenSBits := s2 + 1 + approxBits(s5+1)
	switch {
	case bBits < 32 && tenSBits < 32:
		iterateInt[int32](fd, decExp, fractBits, b5, b2, s5, s2, m5, m2)
	case bBits < 64 && tenSBits < 64:
		iterateInt[int64](fd, decExp, fractBits, b5, b2, s5, s2, m5, m2)
	default:
		fd.iterateBig(decExp, fractBits, b5, b2, s5, s2, m5, m2)
	}
}

// insignificantDigitsForPow2 returns the number of decimal digits of 2^p
// minus one, for 1 < p < 64, else 0.
func insignificantDigitsForPow2(p int) int {
	if p > 1 && p < 64 {
		return len(new(big.Int).Lsh(big.NewInt(1), uint(p)).String()) - 1
	}
	return 0
}

// estimateDecExp returns floor(log10(value)) estimated from the binary
// exponent and the top fraction bits, as FloatingDecimal does.
func estimateDecExp(fractBits uint64, binExp int) int {
	d2 := math.Float64frombits(0x3FF0000000000000 | fractBits&(1<<52-1))
	// The conversions keep Go from fusing the multiply-adds, which Java
	// rounds one by one.
	d := float64((d2-1.5)*0.289529654) + 0.176091259 + float64(float64(binExp)*0.301029995663981)
	return int(math.Floor(d))
}

// developLongDigits turns an integer value into digits, first rounding away
// the insignificant low digits.
func (fd *floatingDigits) developLongDigits(v int64, insignificant int) {
	decExponent := 0
	if insignificant != 0 {
		pow10 := int64(1)
		for i := 0; i < insignificant; i++ {
			pow10 *= 10
		}
		residue := v % pow10
		v /= pow10
		decExponent += insignificant
		if residue >= pow10>>1 {
			v++
		}
	}
	s := strconv.FormatInt(v, 10)
	trimmed := strings.TrimRight(s, "0")
	decExponent += len(s) - len(trimmed)
	fd.digits = []byte(trimmed)
	fd.decExponent = decExponent + len(trimmed)
}

// iterateInt is dtoa's all-int (T int32) and all-long (T int64) cases,
// with Java's wrap-around at T's width.
func iterateInt[T int32 | int64](fd *floatingDigits, decExp int, fractBits uint64, b5, b2, s5, s2, m5, m2 int) {
	b := T(fractBits) * T(pow5(b5).Int64()) << uint(b2)
	s := T(pow5(s5).Int64()) << uint(s2)
	m := T(pow5(m5).Int64()) << uint(m2)
	tens := s * 10
	q := b / s
	b = 10 * (b % s)
	m *= 10
	low, high := b < m, b+m > tens
	if q == 0 && !high {
		decExp--
	} else {
		fd.digits = append(fd.digits, byte('0'+q))
	}
	if decExp < -3 || decExp >= 8 {
		low, high = false, false
	}
	for !low && !high {
		q = b / s
		b = 10 * (b % s)
		m *= 10
		if m > 0 {
			low, high = b < m, b+m > tens
		} else {
			low, high = true, true
		}
		fd.digits = append(fd.digits, byte('0'+q))
	}
	fd.finish(decExp, low, high, int64(b<<1-tens))
}

// iterateBig is dtoa's arbitrary-precision case.
func (fd *floatingDigits) iterateBig(decExp int, fractBits uint64, b5, b2, s5, s2, m5, m2 int) {
	pow52 := func(p5, p2 int) *big.Int { return new(big.Int).Lsh(pow5(p5), uint(p2)) }
	s := pow52(s5, s2)
	b := new(big.Int).Lsh(new(big.Int).Mul(new(big.Int).SetUint64(fractBits), pow5(b5)), uint(b2))
	m := pow52(m5+1, m2+1)
	tens := pow52(s5+1, s2+1)
	q := new(big.Int)
	step := func() int {
		q.QuoRem(b, s, b)
		b.Mul(b, big.NewInt(10))
		return int(q.Int64())
	}
	sum := new(big.Int)
	compare := func() (bool, bool) {
		return b.Cmp(m) < 0, tens.Cmp(sum.Add(b, m)) <= 0
	}
	digit := step()
	low, high := compare()
	if digit == 0 && !high {
		decExp--
	} else {
		fd.digits = append(fd.digits, byte('0'+digit))
	}
	if decExp < -3 || decExp >= 8 {
		low, high = false, false
	}
	for !low && !high {
		digit = step()
		m.Mul(m, big.NewInt(10))
		low, high = compare()
		fd.digits = append(fd.digits, byte('0'+digit))
	}
	var diff int64
	if high && low {
		diff = int64(new(big.Int).Lsh(b, 1).Cmp(tens))
	}
	fd.finish(decExp, low, high, diff)
}

// finish sets the exponent and rounds the last digit by the stopping
// condition, as the end of dtoa does.
func (fd *floatingDigits) finish(decExp int, low, high bool, lowDigitDifference int64) {
	fd.decExponent = decExp + 1
	switch {
	case high && low && lowDigitDifference == 0:
		if fd.digits[len(fd.digits)-1]&1 != 0 {
			fd.roundUp()
		}
	case high && low && lowDigitDifference > 0, high && !low:
		fd.roundUp()
	}
}

// roundUp adds one to the last digit, carrying; trailing zeros it creates
// stay, as in FloatingDecimal.
func (fd *floatingDigits) roundUp() {
	i := len(fd.digits) - 1
	for fd.digits[i] == '9' && i > 0 {
		fd.digits[i] = '0'
		i--
	}
	if fd.digits[i] == '9' {
		fd.decExponent++
		fd.digits[0] = '1'
		return
	}
	fd.digits[i]++
}

// text lays the digits out as BinaryToASCIIBuffer.getChars does.
func (fd *floatingDigits) text(negative bool) string {
	var b strings.Builder
	if negative {
		b.WriteByte('-')
	}
	digits, e := string(fd.digits), fd.decExponent
	switch {
	case e > 0 && e < 8:
		n := min(len(digits), e)
		b.WriteString(digits[:n])
		if n < e {
			b.WriteString(strings.Repeat("0", e-n))
			b.WriteString(".0")
		} else if n < len(digits) {
			b.WriteString("." + digits[n:])
		} else {
			b.WriteString(".0")
		}
	case e <= 0 && e > -3:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -e))
		b.WriteString(digits)
	default:
		b.WriteString(digits[:1])
		b.WriteByte('.')
		if len(digits) > 1 {
			b.WriteString(digits[1:])
		} else {
			b.WriteByte('0')
		}
		b.WriteByte('E')
		b.WriteString(strconv.Itoa(e - 1))
	}
	return b.String()
}
