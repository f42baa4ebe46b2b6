package value

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// This file reproduces how Java parses and prints numbers, because
// Cassandra's messages and JSON output are made of Java's Integer.parseInt,
// BigInteger(String), BigDecimal(String), Double.valueOf and
// Double.toString.

// javaDigit returns the value of r as a decimal digit the way
// Character.digit(char, 10) does: any Unicode decimal digit (category Nd) of
// the Basic Multilingual Plane counts ('７' is 7).
func javaDigit(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r > 0xFFFF || !unicode.IsDigit(r) {
		return 0, false
	}
	// Unicode allocates the digits of a script as runs of ten, zero first.
	zero := r
	for zero > 0 && unicode.IsDigit(zero-1) {
		zero--
	}
	return int(r-zero) % 10, true
}

// javaDigits converts s, an optional sign and one or more Java digits, to
// ASCII; it reports false for anything else.
func javaDigits(s string) (string, bool) {
	if isASCIIDigits(s) {
		return s, s != "" && s != "-" && s != "+"
	}
	var b strings.Builder
	for i, r := range s {
		if i == 0 && (r == '-' || r == '+') {
			b.WriteRune(r)
			continue
		}
		d, ok := javaDigit(r)
		if !ok {
			return "", false
		}
		b.WriteByte(byte('0' + d))
	}
	out := b.String()
	return out, out != "" && out != "-" && out != "+"
}

// isASCIIDigits reports whether s is an optional sign and ASCII digits,
// which javaDigits returns as they are.
func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+')) {
			return false
		}
	}
	return true
}

// parseJavaInt parses s as Integer.parseInt (bits 32), Long.parseLong (64),
// Short.parseShort (16) or Byte.parseByte (8) do.
func parseJavaInt(s string, bits int) (int64, bool) {
	ascii, ok := javaDigits(s)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(ascii, 10, bits)
	return n, err == nil
}

// javaInteger returns the width of an integer kind (int, bigint, counter,
// smallint, tinyint) and the name of the Java type that holds it, which
// its parse errors use.
func javaInteger(k Kind) (bits int, name string) {
	switch k {
	case KindInt:
		return 32, "int"
	case KindSmallint:
		return 16, "short"
	case KindTinyint:
		return 8, "byte"
	}
	return 64, "long"
}

// javaIntegerOf parses s as the Java type of integer kind k does
// (Integer.parseInt for int, ...) and returns its Go value, or
// Cassandra's "Unable to make int from '...'".
func javaIntegerOf(k Kind, s string) (any, error) {
	bits, name := javaInteger(k)
	n, ok := parseJavaInt(s, bits)
	if !ok {
		return nil, cqlerr.Invalidf("Unable to make %s from '%s'", name, s)
	}
	switch k {
	case KindInt:
		return int32(n), nil
	case KindSmallint:
		return int16(n), nil
	case KindTinyint:
		return int8(n), nil
	}
	return n, nil
}

// parseJavaBigInteger parses s as new BigInteger(s) does.
func parseJavaBigInteger(s string) (*big.Int, bool) {
	ascii, ok := javaDigits(s)
	if !ok {
		return nil, false
	}
	return new(big.Int).SetString(strings.TrimPrefix(ascii, "+"), 10)
}

// parseJavaBigDecimal parses s as new BigDecimal(s) does: an optional sign,
// digits with at most one decimal point (at least one digit in all), and an
// optional exponent 'e' or 'E' with an optional sign and digits.
func parseJavaBigDecimal(s string) (*apd.Decimal, bool) {
	var b strings.Builder
	digits, expDigits := 0, 0
	point, exp, afterE := false, false, false
	for i, r := range s {
		signOK := i == 0 || afterE
		afterE = false
		switch {
		case (r == '+' || r == '-') && signOK:
			b.WriteRune(r)
		case r == '.' && !point && !exp:
			point = true
			b.WriteByte('.')
		case (r == 'e' || r == 'E') && !exp && digits > 0:
			exp, afterE = true, true
			b.WriteByte('E')
		default:
			d, ok := javaDigit(r)
			if !ok {
				return nil, false
			}
			if exp {
				expDigits++
			} else {
				digits++
			}
			b.WriteByte(byte('0' + d))
		}
	}
	if digits == 0 || (exp && expDigits == 0) {
		return nil, false
	}
	d, _, err := apd.NewFromString(b.String())
	if err != nil || d.Form != apd.Finite {
		return nil, false
	}
	return d, true
}

// javaTrim removes leading and trailing characters up to U+0020, as Java's
// String.trim does.
func javaTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}

// parseJavaDouble parses s as Double.valueOf (bitSize 64) or
// Float.parseFloat (32) do: surrounding blanks are ignored; then an optional
// sign and NaN, Infinity, a decimal number with an optional exponent, or a
// hexadecimal one ('0x1.8p1'), optionally followed by one of fFdD.
func parseJavaDouble(s string, bitSize int) (float64, bool) {
	s = javaTrim(s)
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return 0, false
	}
	neg := strings.HasPrefix(s, "-")
	switch body {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	}
	if n := len(body); n > 0 && strings.ContainsRune("fFdD", rune(body[n-1])) {
		body = body[:n-1]
	}
	if !javaFloatSyntax(body) {
		return 0, false
	}
	sign := ""
	if neg {
		sign = "-"
	}
	f, err := strconv.ParseFloat(sign+body, bitSize)
	if err != nil && !isRangeError(err) {
		return 0, false
	}
	return f, true
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// javaFloatSyntax reports whether s (without sign or suffix) is a decimal
// floating-point literal or a hexadecimal one with a binary exponent.
func javaFloatSyntax(s string) bool {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		mant, exp, ok := strings.Cut(strings.ToLower(s[2:]), "p")
		return ok && signedDigits(exp) && mantissaDigits(mant, 16)
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	return (!hasExp || signedDigits(exp)) && mantissaDigits(mant, 10)
}

// signedDigits reports whether s is an optional sign and one or more decimal
// digits.
func signedDigits(s string) bool {
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	return s != "" && allDigits(s, 10)
}

// mantissaDigits reports whether s is digits of the base with at most one
// point, and at least one digit.
func mantissaDigits(s string, base int) bool {
	whole, frac, _ := strings.Cut(s, ".")
	return whole+frac != "" && allDigits(whole, base) && allDigits(frac, base)
}

// allDigits reports whether every byte of s is a digit of the base (10 or
// 16); the empty string passes.
func allDigits(s string, base int) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9') && !(base == 16 && hexNibble(c) >= 0) {
			return false
		}
	}
	return true
}
