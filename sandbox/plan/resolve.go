package plan

import (
	"math/big"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// assignment is the result of Cassandra's testAssignment: how well an
// argument fits a parameter type.
type assignment int

const (
	notAssignable assignment = iota
	weaklyAssignable
	exactMatch
)

// callArg is one argument of a function call being resolved: a planned
// selection, whose type is known, or a term, whose type depends on the
// parameter it is given to.
type callArg struct {
	// text is the argument as Cassandra's messages print it.
	text string
	// typ is the argument's exact type, nil when not known (literals).
	typ *value.Type
	// term is set for terms.
	term cql.Term
}

// compatibleType returns the type a generic parameter infers from the
// argument (getCompatibleTypeIfKnown): the exact type, or a literal's
// preferred type.
func (a callArg) compatibleType() *value.Type {
	if a.typ != nil {
		return a.typ
	}
	if l, ok := a.term.(*cql.Literal); ok {
		return preferredType(l)
	}
	return nil
}

// preferredType is the type a constant prefers (Constants.Type
// getPreferedTypeFor): the smallest of int, bigint and varint for an
// integer, double unless only decimal holds the value exactly, ascii for
// 7-bit strings, timeuuid for a version 1 uuid. Hex constants prefer
// tinyint, as in Cassandra.
func preferredType(l *cql.Literal) *value.Type {
	switch l.Kind {
	case cql.StringLit:
		for i := 0; i < len(l.Text); i++ {
			if l.Text[i] >= 0x80 {
				return value.TextType
			}
		}
		return value.AsciiType
	case cql.IntegerLit:
		b, ok := new(big.Int).SetString(l.Text, 10)
		switch {
		case !ok:
			return nil
		case b.IsInt64() && int64(int32(b.Int64())) == b.Int64():
			return value.IntType
		case b.IsInt64():
			return value.BigintType
		}
		return value.VarintType
	case cql.UUIDLit:
		if len(l.Text) > 14 && l.Text[14] == '1' {
			return value.TimeuuidType
		}
		return value.UUIDType
	case cql.FloatLit:
		switch l.Text {
		case "NaN", "-NaN", "Infinity", "-Infinity":
			return value.DoubleType
		}
		d, _, err := apd.NewFromString(l.Text)
		if err != nil {
			return value.DoubleType
		}
		f, err := d.Float64()
		if err != nil {
			return value.DecimalType
		}
		back, err := value.JavaDoubleDecimal(f)
		if err != nil || back.Cmp(d) != 0 {
			return value.DecimalType
		}
		return value.DoubleType
	case cql.BooleanLit:
		return value.BooleanType
	case cql.HexLit:
		return value.TinyintType
	case cql.DurationLit:
		return value.DurationType
	}
	return nil
}

// udfType is AbstractType.udfType, the type a function sees for a value
// of type t. Cassandra 5.0 only overrides it for timeuuid (a legacy type
// that behaves as timeuuid), so it is t itself: in particular a counter
// stays a counter, and max(c) of a counter is Cassandra's counter max.
func udfType(t *value.Type) *value.Type { return t }

// typeAssignment is AbstractType.testAssignment: an exact match when the
// types are the same (a frozen value matches the frozen form of the
// receiver), weakly assignable when the receiver can read the value's
// bytes (isValueCompatibleWith).
func typeAssignment(from, to *value.Type) assignment {
	recv := to
	if !from.IsMultiCell() {
		recv = to.Freeze()
	}
	if from.Equal(recv) {
		return exactMatch
	}
	if valueCompatible(recv, from) {
		return weaklyAssignable
	}
	return notAssignable
}

// valueCompatible reports whether type t can read values of type other
// (AbstractType.isValueCompatibleWith, per type).
func valueCompatible(t, other *value.Type) bool {
	if t.Equal(other) {
		return true
	}
	switch t.Kind {
	case value.KindBlob:
		return true
	case value.KindText:
		return other.Kind == value.KindAscii
	case value.KindBigint:
		return other.Kind == value.KindTimestamp
	case value.KindTimestamp:
		return other.Kind == value.KindBigint
	case value.KindVarint:
		return other.Kind == value.KindInt || other.Kind == value.KindBigint || other.Kind == value.KindTimestamp
	case value.KindUUID:
		return other.Kind == value.KindTimeuuid
	case value.KindDate:
		return other.Kind == value.KindInt
	case value.KindTime:
		return other.Kind == value.KindBigint
	case value.KindList, value.KindSet, value.KindMap:
		if other.Kind != t.Kind || other.Frozen != t.Frozen {
			return false
		}
		for i := range t.Elems {
			if !valueCompatible(t.Elems[i], other.Elems[i]) {
				return false
			}
		}
		return true
	case value.KindTuple:
		if other.Kind != value.KindTuple || len(other.Elems) > len(t.Elems) {
			return false
		}
		for i := range other.Elems {
			if !valueCompatible(t.Elems[i], other.Elems[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// argAssignment tests whether an argument may be given to a parameter of
// type typ.
func (c *Context) argAssignment(a callArg, typ *value.Type) assignment {
	if a.term != nil {
		return c.termAssignment(a.term, typ)
	}
	if a.typ == nil {
		return notAssignable
	}
	return typeAssignment(a.typ, typ)
}

// termAssignment is Term.Raw.testAssignment.
func (c *Context) termAssignment(t cql.Term, typ *value.Type) assignment {
	switch t := t.(type) {
	case *cql.Literal:
		if t.Kind == cql.NullLit {
			if typ.Kind == value.KindCounter {
				return notAssignable
			}
			return weaklyAssignable
		}
		if typ.Kind.IsCollection() || typ.Kind == value.KindUDT || typ.Kind == value.KindTuple {
			return notAssignable
		}
		if p := preferredType(t); p != nil && p.Equal(typ) {
			return exactMatch
		}
		if literalAssignable(t.Kind, typ) {
			return weaklyAssignable
		}
		return notAssignable
	case *cql.FuncCall:
		f, err := c.resolveTerm(t, typ)
		switch {
		case err != nil || f == nil || f.factoryMade:
			return weaklyAssignable
		case udfType(typ).Equal(f.ret):
			return exactMatch
		case valueCompatible(udfType(typ), f.ret):
			return weaklyAssignable
		}
		return notAssignable
	case *cql.TypeCast:
		ct, err := c.resolveType(t.Type)
		switch {
		case err != nil:
			return notAssignable
		case typ.Equal(ct):
			return exactMatch
		case valueCompatible(typ, ct):
			return weaklyAssignable
		}
		return notAssignable
	case *cql.BindMarker:
		return weaklyAssignable
	case *cql.BinaryTerm, *cql.NegTerm:
		return c.operationAssignment(t, typ)
	}
	if c.assignable(t, typ) {
		return weaklyAssignable
	}
	return notAssignable
}

// termArgs describes the arguments of a function call in a term.
func (c *Context) termArgs(ts []cql.Term) []callArg {
	args := make([]callArg, len(ts))
	for i, t := range ts {
		args[i] = callArg{text: termText(t), term: t}
		if tc, ok := t.(*cql.TypeCast); ok {
			if ct, err := c.resolveType(tc.Type); err == nil {
				args[i].typ = ct
			}
		}
	}
	return args
}

// resolveTerm resolves a function call used as a term, for a receiver of
// type recv.
func (c *Context) resolveTerm(t *cql.FuncCall, recv *value.Type) (*function, error) {
	return c.resolveCall(t.Keyspace, t.Name, c.termArgs(t.Args), recv)
}

// resolveCall picks the function a call names, as Cassandra's
// FunctionResolver.get does: the native overloads and the functions the
// factories build for these arguments; a single candidate is checked
// argument by argument, several are matched (an exact match wins, a single
// weakly assignable one too). It returns nil, without error, when no
// function has the name. recv is the receiver's type, nil in selections.
func (c *Context) resolveCall(keyspace string, name cql.Ident, args []callArg, recv *value.Type) (*function, error) {
	if keyspace != "" && keyspace != "system" {
		return nil, nil
	}
	var candidates []*function
	candidates = append(candidates, natives[name.Name]...)
	for _, fa := range factories[name.Name] {
		if !fa.anyArity && (len(args) < fa.minArgs || len(args) > len(fa.params)) {
			return nil, cqlerr.Invalidf("Invalid number of arguments for function %s", fa)
		}
		f, err := fa.build(c, fa, args, recv)
		if err != nil {
			return nil, err
		}
		if f != nil {
			candidates = append(candidates, f)
		}
	}
	switch len(candidates) {
	case 0:
		return nil, nil
	case 1:
		f := candidates[0]
		return f, c.validateArgs(f, args)
	}
	var compatible []*function
	for _, f := range candidates {
		if recv != nil && typeAssignment(f.ret, udfType(recv)) == notAssignable {
			continue
		}
		switch c.matchArgs(f, args) {
		case exactMatch:
			return f, nil
		case weaklyAssignable:
			compatible = append(compatible, f)
		}
	}
	called := functionName(keyspace, name)
	switch len(compatible) {
	case 0:
		return nil, cqlerr.Invalidf("Invalid call to function %s, none of its type signatures match (known type signatures: %s)", called, signatures(candidates))
	case 1:
		return compatible[0], nil
	}
	return nil, cqlerr.Invalidf("Ambiguous call to function %s (can be matched by following signatures: %s): use type casts to disambiguate", called, signatures(compatible))
}

func signatures(fs []*function) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return strings.Join(parts, ", ")
}

// validateArgs checks the arguments of the only candidate, with
// Cassandra's messages.
func (c *Context) validateArgs(f *function, args []callArg) error {
	if len(args) != len(f.args) {
		return cqlerr.Invalidf("Invalid number of arguments in call to function %s: %d required but %d provided", f.qualifiedName(), len(f.args), len(args))
	}
	for i, a := range args {
		if c.argAssignment(a, f.args[i]) == notAssignable {
			return cqlerr.Invalidf("Type error: %s cannot be passed as argument %d of function %s of type %s", a.text, i, f.qualifiedName(), f.args[i])
		}
	}
	return nil
}

// matchArgs is FunctionResolver.matchAguments: exact when every argument
// matches exactly, not assignable as soon as one is not.
func (c *Context) matchArgs(f *function, args []callArg) assignment {
	if len(args) != len(f.args) {
		return notAssignable
	}
	res := exactMatch
	for i, a := range args {
		switch c.argAssignment(a, f.args[i]) {
		case notAssignable:
			return notAssignable
		case weaklyAssignable:
			res = weaklyAssignable
		}
	}
	return res
}
