package value

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// TestNoPanics feeds malformed types and values of the wrong Go types to the
// exported functions of this package's formatting and JSON code.
func TestNoPanics(t *testing.T) {
	types := []*Type{
		nil, {Kind: KindList}, {Kind: KindSet}, {Kind: KindMap, Elems: []*Type{IntType}}, {Kind: KindTuple},
		{Kind: KindUDT, Elems: []*Type{IntType}}, {Kind: KindInvalid}, {Kind: Kind(200)},
		SetOf(DecimalType, true), SetOf(VarintType, false), MapOf(InetType, IntType, false), TupleOf(IntType),
		udt("u", "a", IntType), IntType, DecimalType, VarintType, TimestampType,
	}
	values := []any{
		nil, 1, "x", []any{nil}, []any{(*apd.Decimal)(nil), mustDecimal("1")}, []any{(*big.Int)(nil), big.NewInt(1)},
		[]MapEntry{{nil, nil}}, (*apd.Decimal)(nil), (*big.Int)(nil), json.Number("1"), map[string]any{"a": nil},
		[]any{[]any{1}, "x"}, struct{}{},
	}
	for _, typ := range types {
		for _, v := range values {
			_ = Format(typ, v)
			_ = FormatNested(typ, v)
			_ = Literal(typ, v)
			_ = ToJSON(typ, v)
			_, _ = FromJSON(typ, v)
		}
	}
}
