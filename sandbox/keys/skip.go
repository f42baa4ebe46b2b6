package keys

import (
	"bytes"
	"fmt"

	"github.com/learnkv/learnkv/sandbox/value"
)

// fixedWidth returns the encoded width of fixed-width types, or 0.
func fixedWidth(k value.Kind) int {
	switch k {
	case value.KindBigint, value.KindCounter, value.KindTimestamp, value.KindTime, value.KindDouble:
		return 8
	case value.KindInt, value.KindDate, value.KindFloat:
		return 4
	case value.KindSmallint:
		return 2
	case value.KindTinyint, value.KindBoolean:
		return 1
	case value.KindUUID, value.KindTimeuuid:
		return 16
	}
	return 0
}

// SkipValue returns the rest of src after one value of type t encoded by
// AppendValue with the same desc. It does what DecodeValue does without
// building the value, so that scans can find where a clustering key ends
// without allocating.
func SkipValue(src []byte, t *value.Type, desc bool) ([]byte, error) {
	if t == nil {
		return nil, malformedKey("nil type")
	}
	if n := fixedWidth(t.Kind); n > 0 {
		if len(src) < n {
			return nil, fmt.Errorf("%w: truncated %s", ErrMalformedKey, t.Kind)
		}
		return src[n:], nil
	}
	if t.Kind == value.KindText || t.Kind == value.KindAscii || t.Kind == value.KindBlob {
		var mask byte
		if desc {
			mask = 0xff
		}
		zero, term, esc := mask^escapeByte, mask^terminatorByte, mask^escapedZero
		rest := src
		for {
			i := bytes.IndexByte(rest, zero)
			if i < 0 || i+1 >= len(rest) {
				return nil, fmt.Errorf("%w: truncated byte string", ErrMalformedKey)
			}
			switch rest[i+1] {
			case term:
				return rest[i+2:], nil
			case esc:
				rest = rest[i+2:]
			default:
				return nil, fmt.Errorf("%w: bad escape in byte string", ErrMalformedKey)
			}
		}
	}
	_, rest, err := DecodeValue(src, t, desc)
	return rest, err
}
