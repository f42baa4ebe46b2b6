package plan

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"
	"unicode/utf16"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// The dynamic data masking functions of Cassandra 5.0
// (cql3/functions/masking/*.java): mask_null, mask_default, mask_replace,
// mask_inner, mask_outer and mask_hash. They are function factories: the
// argument types decide the overload.

// maskStringParam is how FunctionParameter.string() prints itself.
const maskStringParam = "[text|varchar|ascii]"

func init() {
	registerFactory(&factory{name: "mask_null", params: []string{"any"}, minArgs: 1,
		build: func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
			t, err := inferArgType(fa, args[0], recv, false)
			if err != nil {
				return nil, err
			}
			return &function{name: fa.name, args: []*value.Type{t}, ret: t, keepNulls: true, factoryMade: true,
				eval: func(*Context, []any) (any, error) { return nil, nil }}, nil
		}})
	registerFactory(&factory{name: "mask_default", params: []string{"any"}, minArgs: 1,
		build: func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
			t, err := inferArgType(fa, args[0], recv, false)
			if err != nil {
				return nil, err
			}
			masked, err := maskedValue(t)
			if err != nil {
				return nil, err
			}
			// The masked value of a collection is an empty one, which
			// (unlike an empty non-frozen column) is a value, not null.
			return &function{name: fa.name, args: []*value.Type{t}, ret: t.Freeze(), keepNulls: true, factoryMade: true,
				eval: func(*Context, []any) (any, error) { return masked, nil }}, nil
		}})
	registerFactory(&factory{name: "mask_replace", params: []string{"any", "any"}, minArgs: 2,
		build: func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
			// The replacement takes the type of the replaced value
			// (FunctionParameter.sameAs(0, true, anyType(true))).
			first, err := inferArgType(fa, args[0], recv, true)
			if err != nil {
				return nil, err
			}
			second := first
			return &function{name: fa.name, args: []*value.Type{first, second}, ret: second, keepNulls: true, factoryMade: true,
				eval: func(_ *Context, a []any) (any, error) { return a[1], nil }}, nil
		}})
	for _, kind := range []string{"inner", "outer"} {
		registerFactory(&factory{name: "mask_" + kind, params: []string{maskStringParam, "int", "int", "[text]"}, minArgs: 3,
			build: partialMaskFactory(kind == "inner")})
	}
	registerFactory(&factory{name: "mask_hash", params: []string{"any", "[text]"}, minArgs: 1,
		build: func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
			t, err := inferArgType(fa, args[0], recv, false)
			if err != nil {
				return nil, err
			}
			types := []*value.Type{t}
			if len(args) == 2 {
				if err := checkFixedParam(fa, args[1], value.TextType, "text"); err != nil {
					return nil, err
				}
				types = append(types, value.TextType)
			}
			return &function{name: fa.name, args: types, ret: value.BlobType, factoryMade: true,
				eval: func(_ *Context, a []any) (any, error) {
					algorithm := "SHA-256"
					if len(a) == 2 {
						algorithm, _ = a[1].(string)
					}
					h := messageDigest(algorithm)
					if h == nil {
						return nil, cqlerr.Invalidf("Hash algorithm not found: %s", algorithm)
					}
					h.Write(value.Marshal(t, a[0]))
					return h.Sum(nil), nil
				}}, nil
		}})
}

// partialMaskFactory builds mask_inner or mask_outer (PartialMaskingFunction).
func partialMaskFactory(inner bool) func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
	return func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
		t := args[0].compatibleType()
		if t == nil {
			t = value.TextType
		}
		if typeAssignment(t, value.TextType) == notAssignable && typeAssignment(t, value.AsciiType) == notAssignable {
			return nil, cqlerr.Invalidf("Function system.%s requires an argument of type %s, but found argument %s of type %s",
				fa.name, maskStringParam, args[0].text, t)
		}
		types := []*value.Type{t}
		for _, a := range args[1:3] {
			if err := checkFixedParam(fa, a, value.IntType, "int"); err != nil {
				return nil, err
			}
			types = append(types, value.IntType)
		}
		if len(args) == 4 {
			if err := checkFixedParam(fa, args[3], value.TextType, "text"); err != nil {
				return nil, err
			}
			types = append(types, value.TextType)
		}
		name := fa.name
		return &function{name: name, args: types, ret: t, keepNulls: true, factoryMade: true,
			eval: func(_ *Context, a []any) (any, error) {
				s, ok := a[0].(string)
				if !ok {
					return nil, nil
				}
				var begin, end int32
				if n, ok := a[1].(int32); ok {
					begin = n
				}
				if n, ok := a[2].(int32); ok {
					end = n
				}
				padding := uint16('*')
				if len(a) == 4 && a[3] != nil {
					p := utf16.Encode([]rune(a[3].(string)))
					if len(p) != 1 {
						return nil, cqlerr.Invalidf("The padding argument for function system.%s should be single-character, but '%s' has %d characters.",
							name, a[3].(string), len(p))
					}
					padding = p[0]
				}
				return partialMask(s, int(begin), int(end), padding, inner), nil
			}}, nil
	}
}

// checkFixedParam is FunctionParameter.fixed(...).validateType.
func checkFixedParam(fa *factory, a callArg, want *value.Type, wantName string) error {
	t := a.compatibleType()
	if t == nil {
		return nil
	}
	if typeAssignment(t, want) == notAssignable {
		return cqlerr.Invalidf("Function system.%s requires an argument of type %s, but found argument %s of type %s",
			fa.name, wantName, a.text, t)
	}
	return nil
}

// partialMask is PartialMaskingFunction.Kind.mask on Java's UTF-16 chars:
// inner masks positions begin..len-1-end, outer the others.
func partialMask(s string, begin, end int, padding uint16, inner bool) string {
	if s == "" {
		return s
	}
	chars := utf16.Encode([]rune(s))
	endIndex := len(chars) - 1 - end
	for i := range chars {
		in := i >= begin && i <= endIndex
		if in == inner {
			chars[i] = padding
		}
	}
	return string(utf16.Decode(chars))
}

// messageDigest returns a new hash for a Java MessageDigest algorithm
// name, or nil when the JDK has no such algorithm (or the sandbox does
// not implement it).
func messageDigest(algorithm string) hash.Hash {
	switch strings.ToUpper(algorithm) {
	case "MD5":
		return md5.New()
	case "SHA-1", "SHA1", "SHA":
		return sha1.New()
	case "SHA-224":
		return sha256.New224()
	case "SHA-256":
		return sha256.New()
	case "SHA-384":
		return sha512.New384()
	case "SHA-512":
		return sha512.New()
	}
	return nil
}

// maskedValue is AbstractType.getMaskedValue: '****' for text, zero for
// numbers, false, the epoch for timestamps and dates, midnight, zero
// uuids, 0.0.0.0, an empty blob or collection, and for tuples and UDTs
// the masked value of each component.
func maskedValue(t *value.Type) (any, error) {
	var raw []byte
	switch t.Kind {
	case value.KindAscii, value.KindText:
		return "****", nil
	case value.KindTuple, value.KindUDT:
		out := make([]any, len(t.Elems))
		for i, et := range t.Elems {
			v, err := maskedValue(et)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case value.KindList, value.KindSet:
		return []any{}, nil
	case value.KindMap:
		return []value.MapEntry{}, nil
	case value.KindTimeuuid:
		return minTimeUUIDAt(0), nil
	case value.KindBoolean, value.KindTinyint:
		raw = make([]byte, 1)
	case value.KindSmallint:
		raw = make([]byte, 2)
	case value.KindInt, value.KindFloat, value.KindInet:
		raw = make([]byte, 4)
	case value.KindBigint, value.KindCounter, value.KindDouble, value.KindTimestamp, value.KindTime:
		raw = make([]byte, 8)
	case value.KindVarint:
		raw = []byte{0}
	case value.KindDecimal:
		raw = make([]byte, 5)
	case value.KindDate:
		raw = []byte{0x80, 0, 0, 0}
	case value.KindDuration:
		raw = []byte{0, 0, 0}
	case value.KindUUID:
		raw = make([]byte, 16)
	case value.KindBlob:
		return []byte{}, nil
	default:
		return nil, cqlerr.Invalidf("There isn't a defined masked value for type %s", t)
	}
	return value.Unmarshal(t, raw)
}
