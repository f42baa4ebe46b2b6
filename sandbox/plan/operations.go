package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// This file plans arithmetic as Cassandra 4.0+ does (OperationFcts): each
// operator is a family of native functions, _add, _substract, _multiply,
// _divide and _modulo, with one overload per pair of numeric types plus
// timestamp and date with a duration for + and -, and _negate for the
// unary minus. FunctionResolver picks the overload like any function's.

// operationNames maps the operators to their functions.
var operationNames = map[cql.ArithOp]string{
	cql.OpAdd: "_add", cql.OpSub: "_substract", cql.OpMul: "_multiply", cql.OpDiv: "_divide", cql.OpMod: "_modulo",
}

// negationName is the name of the negation functions.
const negationName = "_negate"

// operationTypes are OperationFcts' numeric types, in its order.
var operationTypes = []*value.Type{
	value.TinyintType, value.SmallintType, value.IntType, value.BigintType, value.FloatType,
	value.DoubleType, value.DecimalType, value.VarintType, value.CounterType,
}

// operationFuncs holds the overloads of each operation function, in the
// order Cassandra declares them.
var operationFuncs = buildOperations()

func buildOperations() map[string][]*function {
	funcs := map[string][]*function{}
	ops := []cql.ArithOp{cql.OpAdd, cql.OpSub, cql.OpMul, cql.OpDiv, cql.OpMod}
	for _, left := range operationTypes {
		for _, right := range operationTypes {
			ret := operationReturnType(left, right)
			for _, op := range ops {
				funcs[operationNames[op]] = append(funcs[operationNames[op]], numericOperationFunc(op, left, right, ret))
			}
		}
		funcs[negationName] = append(funcs[negationName], negationFunc(left))
	}
	for _, op := range []cql.ArithOp{cql.OpAdd, cql.OpSub} {
		for _, t := range []*value.Type{value.TimestampType, value.DateType} {
			funcs[operationNames[op]] = append(funcs[operationNames[op]], temporalOperationFunc(op, t))
		}
	}
	return funcs
}

// operationSize is the size OperationFcts gives a numeric type: its fixed
// length (8 for counters), or 0 for the unbounded varint and decimal.
func operationSize(t *value.Type) int {
	switch t.Kind {
	case value.KindTinyint:
		return 1
	case value.KindSmallint:
		return 2
	case value.KindInt, value.KindFloat:
		return 4
	case value.KindBigint, value.KindCounter, value.KindDouble:
		return 8
	}
	return 1 << 30
}

// operationReturnType is OperationFcts.returnType: the larger of the two
// sizes, floating point if either operand is (decimal counts as floating
// point).
func operationReturnType(left, right *value.Type) *value.Type {
	floating := func(t *value.Type) bool {
		return t.Kind == value.KindFloat || t.Kind == value.KindDouble || t.Kind == value.KindDecimal
	}
	size := max(operationSize(left), operationSize(right))
	if floating(left) || floating(right) {
		switch size {
		case 4:
			return value.FloatType
		case 8:
			return value.DoubleType
		}
		return value.DecimalType
	}
	switch size {
	case 1:
		return value.TinyintType
	case 2:
		return value.SmallintType
	case 4:
		return value.IntType
	case 8:
		return value.BigintType
	}
	return value.VarintType
}

// operationFailure is OperationExecutionException.create.
func operationFailure(op cql.ArithOp, left, right *value.Type, err error) error {
	return cqlerr.FunctionFailuref("the operation '%s %s %s' failed: %s", left, op, right, err.Error())
}

func numericOperationFunc(op cql.ArithOp, left, right, ret *value.Type) *function {
	return &function{
		name: operationNames[op], args: []*value.Type{left, right}, ret: ret,
		eval: func(_ *Context, a []any) (any, error) {
			v, err := numericOperation(op, ret, left, a[0], right, a[1])
			if err != nil {
				return nil, operationFailure(op, left, right, err)
			}
			return v, nil
		},
		column: func(args []string) string { return args[0] + " " + op.String() + " " + args[1] },
	}
}

func temporalOperationFunc(op cql.ArithOp, t *value.Type) *function {
	return &function{
		name: operationNames[op], args: []*value.Type{t, value.DurationType}, ret: t,
		eval: func(_ *Context, a []any) (any, error) {
			d, _ := a[1].(value.Duration)
			v, err := temporalOperation(op, t, a[0], d)
			if err != nil {
				return nil, operationFailure(op, t, value.DurationType, err)
			}
			return v, nil
		},
		column: func(args []string) string { return args[0] + " " + op.String() + " " + args[1] },
	}
}

func negationFunc(t *value.Type) *function {
	return &function{
		name: negationName, args: []*value.Type{t}, ret: t,
		eval:   func(_ *Context, a []any) (any, error) { return negateValue(t, a[0]), nil },
		column: func(args []string) string { return "-" + args[0] },
	}
}

// resolveOperation is FunctionResolver.get for an operation or a
// negation: the first overload whose parameters the arguments match
// exactly, else the only one they match weakly. With a receiver, only the
// overloads whose result it accepts count, and among several the one
// whose two parameters have the receiver's type wins.
func (c *Context) resolveOperation(name string, args []callArg, recv *value.Type) (*function, error) {
	var compatibles []*function
	for _, f := range operationFuncs[name] {
		if recv != nil && typeAssignment(f.ret, recv) == notAssignable {
			continue
		}
		match := exactMatch
		for i, a := range args {
			m := c.argAssignment(a, f.args[i])
			if m == notAssignable {
				match = notAssignable
				break
			}
			match = min(match, m)
		}
		switch match {
		case exactMatch:
			return f, nil
		case weaklyAssignable:
			compatibles = append(compatibles, f)
		}
	}
	negation := name == negationName
	switch {
	case len(compatibles) == 1:
		return compatibles[0], nil
	case len(compatibles) == 0 && negation:
		sigs := make([]string, len(operationFuncs[name]))
		for i, f := range operationFuncs[name] {
			sigs[i] = f.String()
		}
		return nil, cqlerr.Invalidf("Invalid call to function system.%s, none of its type signatures match (known type signatures: %s)", name, strings.Join(sigs, ", "))
	case len(compatibles) == 0:
		return nil, cqlerr.Invalidf("the '%s' operation is not supported between %s and %s", operatorOf(name), args[0].text, args[1].text)
	case negation:
		return nil, cqlerr.Invalidf("Ambiguous negation: use type casts to disambiguate")
	}
	if recv != nil && !hasMarker(args) {
		for _, f := range compatibles {
			if recv.Equal(f.args[0]) && recv.Equal(f.args[1]) {
				return f, nil
			}
		}
	}
	return nil, cqlerr.Invalidf("Ambiguous '%s' operation: use type casts to disambiguate", operatorOf(name))
}

// operatorOf returns the operator of an operation function's name.
func operatorOf(name string) cql.ArithOp {
	for op, n := range operationNames {
		if n == name {
			return op
		}
	}
	return 0
}

// hasMarker reports whether an argument is a bind marker.
func hasMarker(args []callArg) bool {
	for _, a := range args {
		if _, ok := a.term.(*cql.BindMarker); ok {
			return true
		}
	}
	return false
}

// operationTerm splits an arithmetic term into its function's name and
// operands; ok is false for other terms.
func operationTerm(t cql.Term) (name string, operands []cql.Term, ok bool) {
	switch t := t.(type) {
	case *cql.BinaryTerm:
		return operationNames[t.Op], []cql.Term{t.Left, t.Right}, true
	case *cql.NegTerm:
		return negationName, []cql.Term{t.Term}, true
	}
	return "", nil, false
}

// resolveOperationTerm resolves an arithmetic term for a receiver type.
func (c *Context) resolveOperationTerm(t cql.Term, recv *value.Type) (*function, []cql.Term, error) {
	name, operands, _ := operationTerm(t)
	f, err := c.resolveOperation(name, c.termArgs(operands), recv)
	return f, operands, err
}

// operationValue computes an arithmetic term for receiver r, as
// FunctionCall.Raw.prepare and execute do.
func (c *Context) operationValue(t cql.Term, r receiver) (any, error) {
	f, operands, err := c.resolveOperationTerm(t, r.typ)
	if err != nil {
		return nil, invalidAt(t.Position(), "%s", err.Error())
	}
	if resultAssignment(f.ret, r.typ) == notAssignable {
		return nil, invalidAt(t.Position(), "Type error: cannot assign result of function %s (type %s) to %s (type %s)", f.qualifiedName(), f.ret, r.name, r.typ)
	}
	args := make([]any, len(operands))
	for i, o := range operands {
		v, err := c.value(o, receiver{name: "arg" + strconv.Itoa(i) + "(" + f.qualifiedName() + ")", typ: f.args[i]})
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	v, err := f.apply(c, args)
	if err != nil {
		return nil, err
	}
	return coerceValue(f.ret, r.typ, v)
}

// operationAssignment is FunctionCall.Raw.testAssignment for an
// arithmetic term.
func (c *Context) operationAssignment(t cql.Term, typ *value.Type) assignment {
	f, _, err := c.resolveOperationTerm(t, typ)
	switch {
	case err != nil:
		return weaklyAssignable
	case typ.Equal(f.ret):
		return exactMatch
	case valueCompatible(typ, f.ret):
		return weaklyAssignable
	}
	return notAssignable
}

// operationSelector plans an operation or a negation in a selection.
func (c *Context) operationSelector(t *schema.Table, name string, operands []cql.Selection) (Expr, string, error) {
	args := make([]selArg, len(operands))
	callArgs := make([]callArg, len(operands))
	for i, o := range operands {
		a, err := c.operand(t, o)
		if err != nil {
			return nil, "", err
		}
		args[i] = a
		callArgs[i] = callArg{text: a.name, term: a.term}
		if a.expr != nil {
			callArgs[i].typ = a.expr.ResultType()
		}
	}
	f, err := c.resolveOperation(name, callArgs, nil)
	if err != nil {
		return nil, "", err
	}
	return c.applySelected(f, args)
}

// operand plans an argument of an operation or a function in a
// selection: a constant waits for its parameter's type, and parentheses
// stay in the name but let the type through (BetweenParenthesesOrWithTuple
// with an expected type).
func (c *Context) operand(t *schema.Table, s cql.Selection) (selArg, error) {
	switch s := s.(type) {
	case *cql.ParenSel:
		a, err := c.operand(t, s.Expr)
		a.name = "(" + a.name + ")"
		return a, err
	case *cql.TermSel:
		if _, cast := s.Term.(*cql.TypeCast); !cast {
			return selArg{term: s.Term, name: termText(s.Term)}, nil
		}
	}
	e, name, err := c.selector(t, s)
	return selArg{expr: e, name: name}, err
}

// hintSelector plans a type hint on a selection, (int) a: the selection
// keeps its own type, which must fit the hint; a constant takes the
// hinted type.
func (c *Context) hintSelector(t *schema.Table, s *cql.HintSel) (Expr, string, error) {
	typ, err := c.resolveTypeIn(t.Keyspace, s.Type, false)
	if err != nil {
		return nil, "", err
	}
	a, err := c.operand(t, s.Expr)
	if err != nil {
		return nil, "", err
	}
	name := fmt.Sprintf("(%s)%s", typ, a.name)
	if a.term != nil {
		e, _, err := c.constSelector(a.term, typ)
		return e, name, err
	}
	if typeAssignment(a.expr.ResultType(), typ) == notAssignable {
		return nil, "", cqlerr.Invalidf("Cannot assign value %s to %s of type %s", name, name, typ)
	}
	return a.expr, name, nil
}
