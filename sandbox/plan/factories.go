package plan

import (
	"errors"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/value"
)

// The generic native functions, built per call by factories: token(),
// toJson() and fromJson() (and their 5.0 names to_json and from_json), and
// the collection functions of Cassandra 5.0.

func init() {
	registerFactory(&factory{name: "token", anyArity: true, build: tokenFactory})
	for _, name := range []string{"to_json", "tojson"} {
		registerFactory(&factory{name: name, params: []string{"any"}, minArgs: 1, build: toJSONFactory})
	}
	for _, name := range []string{"from_json", "fromjson"} {
		registerFactory(&factory{name: name, params: []string{"text"}, minArgs: 1, build: fromJSONFactory})
	}
	collectionFactory("map_keys", "map", mapArgument, func(t *value.Type) *value.Type { return value.SetOf(t.Key(), true) },
		func(t *value.Type, v any) (any, error) {
			entries := v.([]value.MapEntry)
			keys := make([]any, len(entries))
			for i, e := range entries {
				keys[i] = e.Key
			}
			return keys, nil
		})
	collectionFactory("map_values", "map", mapArgument, func(t *value.Type) *value.Type { return value.ListOf(t.Elem(), true) },
		func(t *value.Type, v any) (any, error) {
			entries := v.([]value.MapEntry)
			vals := make([]any, len(entries))
			for i, e := range entries {
				vals[i] = e.Value
			}
			return vals, nil
		})
	collectionFactory("collection_count", "collection", collectionArgument, func(*value.Type) *value.Type { return value.IntType },
		func(t *value.Type, v any) (any, error) {
			if entries, ok := v.([]value.MapEntry); ok {
				return int32(len(entries)), nil
			}
			return int32(len(v.([]any))), nil
		})
	for _, fn := range []string{"min", "max"} {
		collectionFactory("collection_"+fn, "numeric_set_or_list", setOrListArgument, func(t *value.Type) *value.Type { return t.Elem() },
			aggregateElements(fn))
	}
	for _, fn := range []string{"sum", "avg"} {
		collectionFactory("collection_"+fn, "numeric_set_or_list", numericSetOrListArgument, func(t *value.Type) *value.Type { return t.Elem() },
			aggregateElements(fn))
	}
}

// inferArgType is FunctionParameter.inferType for a parameter of any type:
// the argument's type, or (when fromReceiver is set) the receiver's.
func inferArgType(fa *factory, a callArg, recv *value.Type, fromReceiver bool) (*value.Type, error) {
	t := a.compatibleType()
	if t == nil && fromReceiver {
		t = recv
	}
	if t == nil {
		return nil, cqlerr.Invalidf("Cannot infer type of argument %s in call to function %s: use type casts to disambiguate", a.text, fa)
	}
	return udfType(t), nil
}

// tokenFactory builds token() for the table of the statement: its
// arguments are the partition key columns' types, its result a bigint.
func tokenFactory(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
	t := c.stmtTable
	if t == nil {
		return nil, nil
	}
	types := make([]*value.Type, len(t.PartitionKey))
	for i, col := range t.PartitionKey {
		types[i] = col.Type
	}
	return &function{name: "token", args: types, ret: value.BigintType, eval: func(_ *Context, a []any) (any, error) {
		return keys.Token(keys.PartitionKey(types, a)), nil
	}}, nil
}

func toJSONFactory(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
	t, err := inferArgType(fa, args[0], recv, false)
	if err != nil {
		return nil, err
	}
	return &function{name: fa.name, args: []*value.Type{t}, ret: value.TextType, keepNulls: true, factoryMade: true,
		eval: func(_ *Context, a []any) (any, error) {
			if a[0] == nil {
				return "null", nil
			}
			return value.ToJSON(t, a[0]), nil
		}}, nil
}

func fromJSONFactory(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
	t := args[0].compatibleType()
	if t == nil {
		t = value.TextType
	}
	if typeAssignment(t, value.TextType) == notAssignable {
		return nil, cqlerr.Invalidf("Function system.%s requires an argument of type text, but found argument %s of type %s", fa.name, args[0].text, t)
	}
	if recv == nil {
		return nil, cqlerr.Invalidf("%s() cannot be used in the selection clause of a SELECT statement", fa.name)
	}
	name := fa.name
	return &function{name: name, args: []*value.Type{value.TextType}, ret: recv, factoryMade: true,
		eval: func(_ *Context, a []any) (any, error) { return fromJSONText(name, a[0].(string), recv) }}, nil
}

// fromJSONText decodes a JSON document for type t, as fromJson() does;
// failures are FunctionFailure errors naming the function.
func fromJSONText(name, s string, t *value.Type) (any, error) {
	j, err := value.DecodeJSON(s)
	if err != nil {
		return nil, cqlerr.FunctionFailuref("execution of 'system.%s[text]' failed: Could not decode JSON string '%s': %s", name, s, err.Error())
	}
	v, err := value.FromJSON(t, j)
	if errors.Is(err, value.ErrEmptyValue) {
		return nil, nil
	}
	if err != nil {
		return nil, cqlerr.FunctionFailuref("execution of 'system.%s[text]' failed: org.apache.cassandra.serializers.MarshalException: %s", name, err.Error())
	}
	return v, nil
}

// collectionFactory registers a collection function: check validates the
// argument's type, ret gives the result type, eval computes it.
func collectionFactory(name, param string, check func(name string, a callArg, t *value.Type) error,
	ret func(*value.Type) *value.Type, eval func(t *value.Type, v any) (any, error)) {
	registerFactory(&factory{name: name, params: []string{param}, minArgs: 1,
		build: func(c *Context, fa *factory, args []callArg, recv *value.Type) (*function, error) {
			t, err := inferArgType(fa, args[0], recv, false)
			if err != nil {
				return nil, err
			}
			if err := check(name, args[0], t); err != nil {
				return nil, err
			}
			return &function{name: name, args: []*value.Type{t}, ret: ret(t), factoryMade: true,
				eval: func(_ *Context, a []any) (any, error) { return eval(t, a[0]) }}, nil
		}})
}

func mapArgument(name string, a callArg, t *value.Type) error {
	if t.Kind != value.KindMap {
		return cqlerr.Invalidf("Function system.%s requires a map argument, but found argument %s of type %s", name, a.text, t)
	}
	return nil
}

func collectionArgument(name string, a callArg, t *value.Type) error {
	if !t.Kind.IsCollection() {
		return cqlerr.Invalidf("Function system.%s requires a collection argument, but found argument %s of type %s", name, a.text, t)
	}
	return nil
}

func setOrListArgument(name string, a callArg, t *value.Type) error {
	if t.Kind != value.KindSet && t.Kind != value.KindList {
		return cqlerr.Invalidf("Function system.%s requires a set or list argument, but found argument %s of type %s", name, a.text, t)
	}
	return nil
}

func numericSetOrListArgument(name string, a callArg, t *value.Type) error {
	if t.Kind == value.KindSet || t.Kind == value.KindList {
		switch t.Elem().Kind {
		case value.KindTinyint, value.KindSmallint, value.KindInt, value.KindBigint, value.KindVarint,
			value.KindFloat, value.KindDouble, value.KindDecimal, value.KindCounter:
			return nil
		}
	}
	return cqlerr.Invalidf("Function system.%s requires a numeric set/list argument, but found argument %s of type %s", name, a.text, t)
}

// aggregateElements applies an aggregate to the elements of a set or list
// (CollectionFcts' CollectionAggregationFunction).
func aggregateElements(fn string) func(t *value.Type, v any) (any, error) {
	return func(t *value.Type, v any) (any, error) {
		acc := newAccumulator(fn, t.Elem())
		for _, e := range v.([]any) {
			acc.Add(e)
		}
		return acc.Result(), nil
	}
}
