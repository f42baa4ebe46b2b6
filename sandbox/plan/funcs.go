package plan

import (
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// function is one overload of a native function, as Cassandra's
// NativeFunctions holds them: a name, argument types and a return type.
// Scalar functions have eval; aggregates name their kind in agg and are
// computed by the engine.
type function struct {
	// name is the function's name without the system keyspace, as
	// registered: "totimestamp" and "to_timestamp" are two functions.
	name string
	args []*value.Type
	ret  *value.Type
	eval func(c *Context, args []any) (any, error)
	// keepNulls has eval called with null arguments; otherwise a null
	// argument gives null without calling it.
	keepNulls bool
	// agg is "sum", "avg", "count", "count_rows", "min" or "max" for an
	// aggregate function.
	agg string
	// column names the result column for the given argument names; nil
	// gives "system.name(args)".
	column func(args []string) string
	// factoryMade is set on functions a factory built for one call (their
	// return type depends on the arguments).
	factoryMade bool
}

// qualifiedName returns the function's name with the system keyspace.
func (f *function) qualifiedName() string { return "system." + f.name }

// String returns the function as Cassandra's AbstractFunction.toString
// prints it in error messages: "system.sum : (int) -> int".
func (f *function) String() string {
	args := make([]string, len(f.args))
	for i, a := range f.args {
		args[i] = a.String()
	}
	return f.qualifiedName() + " : (" + strings.Join(args, ", ") + ") -> " + f.ret.String()
}

// columnName returns the result column name of a call with the given
// argument names.
func (f *function) columnName(args []string) string {
	if f.column != nil {
		return f.column(args)
	}
	return f.qualifiedName() + "(" + strings.Join(args, ", ") + ")"
}

// apply evaluates a scalar function on argument values.
func (f *function) apply(c *Context, args []any) (any, error) {
	if !f.keepNulls {
		for _, a := range args {
			if a == nil {
				return nil, nil
			}
		}
	}
	return f.eval(c, args)
}

// factory builds the overload of a generic function (toJson, token, min,
// map_keys...) for the arguments of one call, like Cassandra's
// FunctionFactory.
type factory struct {
	name string
	// params describes the parameters for the arity error: "any",
	// "text", "map", "[text]"...
	params []string
	// minArgs is the number of mandatory parameters.
	minArgs int
	// anyArity skips the argument count check (token checks its own).
	anyArity bool
	build    func(c *Context, f *factory, args []callArg, recv *value.Type) (*function, error)
}

// String returns the factory as Cassandra prints it: "system.tojson(any)".
func (fa *factory) String() string {
	return "system." + fa.name + "(" + strings.Join(fa.params, ", ") + ")"
}

var (
	natives   = map[string][]*function{}
	factories = map[string][]*factory{}
)

// register adds native function overloads.
func register(fs ...*function) {
	for _, f := range fs {
		natives[f.name] = append(natives[f.name], f)
	}
}

// registerFactory adds a function factory.
func registerFactory(fa *factory) { factories[fa.name] = append(factories[fa.name], fa) }

// withLegacyName returns a copy of f under its pre-5.0 name.
func withLegacyName(f *function, legacy string) *function {
	c := *f
	c.name = legacy
	return &c
}

// registerBoth adds f under its snake_case name and under the camel-case
// name Cassandra 5.0 keeps for compatibility (lower-cased, as unquoted
// names are).
func registerBoth(f *function, legacy string) {
	register(f, withLegacyName(f, legacy))
}

// isKnownFunction reports whether name names a native function or factory.
func isKnownFunction(name string) bool {
	return len(natives[name]) > 0 || len(factories[name]) > 0
}

// functionName returns the name of a call as Cassandra's FunctionName
// prints it: "ks.name" when qualified, else the name.
func functionName(keyspace string, name cql.Ident) string {
	if keyspace != "" {
		return keyspace + "." + name.Name
	}
	return name.Name
}

// resultAssignment is AbstractFunction.testAssignment: whether a function
// returning ret may be assigned to a receiver of type recv (a frozen
// receiver takes the frozen form of the result).
func resultAssignment(ret, recv *value.Type) assignment {
	if recv.Frozen {
		ret = ret.Freeze()
	}
	switch {
	case recv.Equal(ret):
		return exactMatch
	case valueCompatible(recv, ret):
		return weaklyAssignable
	}
	return notAssignable
}

// coerceValue converts v, a value of type from, to the Go representation
// of type to when to reads from's bytes differently (a bigint given to a
// timestamp parameter, a text given to a blob one).
func coerceValue(from, to *value.Type, v any) (any, error) {
	if v == nil || sameRepresentation(from, to) {
		return v, nil
	}
	out, err := value.Unmarshal(to, value.Marshal(from, v))
	if err != nil {
		return nil, cqlerr.Invalidf("Invalid value for type %s: %s", to, err.Error())
	}
	return out, nil
}

// sameRepresentation reports whether values of types a and b have the same
// Go representation.
func sameRepresentation(a, b *value.Type) bool {
	if a.Equal(b) {
		return true
	}
	if representationKind(a.Kind) != representationKind(b.Kind) || len(a.Elems) != len(b.Elems) {
		return false
	}
	for i := range a.Elems {
		if !sameRepresentation(a.Elems[i], b.Elems[i]) {
			return false
		}
	}
	return true
}

func representationKind(k value.Kind) value.Kind {
	switch k {
	case value.KindAscii:
		return value.KindText
	case value.KindCounter:
		return value.KindBigint
	}
	return k
}
