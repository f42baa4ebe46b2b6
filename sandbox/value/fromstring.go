package value

import (
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// FromString converts the text of a CQL constant into a value of native
// type t, as Cassandra's AbstractType.fromString does for a literal, with
// its MarshalException messages ("Unable to make int from '...'").
func FromString(t *Type, s string) (any, error) {
	switch t.Kind {
	case KindText:
		return s, nil
	case KindAscii:
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return nil, cqlerr.Invalidf("Invalid ASCII character in string literal: java.nio.charset.UnmappableCharacterException: Input length = 1")
			}
		}
		return s, nil
	case KindInt, KindBigint, KindCounter, KindSmallint, KindTinyint:
		return javaIntegerOf(t.Kind, s)
	case KindVarint:
		v, err := ParseVarint(s)
		if err != nil {
			return nil, cqlerr.Invalidf("unable to make int from '%s'", s)
		}
		return v, nil
	case KindDecimal:
		v, err := ParseDecimal(s)
		if err != nil {
			return nil, cqlerr.Invalidf("unable to make BigDecimal from '%s'", s)
		}
		return v, nil
	case KindDouble, KindFloat:
		bits, name := 64, "double"
		if t.Kind == KindFloat {
			bits, name = 32, "float"
		}
		f, ok := parseJavaDouble(s, bits)
		if !ok {
			return nil, cqlerr.Invalidf("Unable to make %s from '%s'", name, s)
		}
		if bits == 32 {
			return float32(f), nil
		}
		return f, nil
	case KindBoolean:
		switch {
		case strings.EqualFold(s, "true"):
			return true, nil
		case strings.EqualFold(s, "false") || s == "":
			return false, nil
		}
		return nil, cqlerr.Invalidf("Unable to make boolean from '%s'", s)
	case KindUUID:
		return nilOnError(ParseUUID(s))
	case KindTimeuuid:
		return nilOnError(ParseTimeUUID(s))
	case KindTimestamp:
		return nilOnError(ParseTimestamp(s))
	case KindDate:
		return nilOnError(ParseDate(s))
	case KindTime:
		return nilOnError(ParseTime(s))
	case KindDuration:
		return nilOnError(ParseDuration(s))
	case KindInet:
		return nilOnError(ParseInet(s))
	case KindBlob:
		return nilOnError(ParseBlobHex(s))
	}
	return nil, cqlerr.Invalidf("cannot convert '%s' to %s", s, t)
}
