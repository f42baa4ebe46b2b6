package lessons

import (
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/dataset"
)

// specError is a mistake in a check's fields: the field it concerns and a
// message key with its arguments.
type specError struct {
	field string
	key   string
	args  []any
}

// specReader reads the fields of one check's Spec, remembering the first
// mistake and which fields were used.
type specReader struct {
	kind string
	spec map[string]any
	used map[string]bool
	err  *specError
}

func (r *specReader) fail(field, key string, args ...any) {
	if r.err == nil {
		r.err = &specError{field: field, key: key, args: args}
	}
}

// get returns a field's value and marks it as known.
func (r *specReader) get(field string) (any, bool) {
	r.used[field] = true
	v, ok := r.spec[field]
	return v, ok
}

func (r *specReader) typeError(field, typeKey string) {
	r.fail(field, "format.field_type", field, r.kind, ref(typeKey))
}

// text reads a text field.
func (r *specReader) text(field string, required bool) string {
	v, ok := r.get(field)
	if !ok || v == nil {
		if required {
			r.fail(field, "format.field_required", r.kind, field)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		r.typeError(field, "type.text")
		return ""
	}
	return strings.TrimSpace(s)
}

// texts reads a field holding a text or a list of texts.
func (r *specReader) texts(field string, required bool) []string {
	v, ok := r.get(field)
	if !ok {
		if required {
			r.fail(field, "format.field_required", r.kind, field)
		}
		return nil
	}
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				r.typeError(field, "type.texts")
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	r.typeError(field, "type.texts")
	return nil
}

// boolean reads an optional true/false field.
func (r *specReader) boolean(field string) *bool {
	v, ok := r.get(field)
	if !ok {
		return nil
	}
	b, ok := v.(bool)
	if !ok {
		r.typeError(field, "type.bool")
		return nil
	}
	return &b
}

// count reads an optional count: a number or {min, max}.
func (r *specReader) count(field string) *bound {
	v, ok := r.get(field)
	if !ok {
		return nil
	}
	b, ok := parseBound(v)
	if !ok {
		r.typeError(field, "type.count")
		return nil
	}
	if b.min != nil && b.max != nil && *b.min > *b.max {
		r.fail(field, "format.field_bounds", field)
		return nil
	}
	return &b
}

// positive reads an optional positive whole number.
func (r *specReader) positive(field string) int {
	v, ok := r.get(field)
	if !ok {
		return 0
	}
	n, ok := v.(int)
	if !ok || n < 1 {
		r.typeError(field, "type.positive")
		return 0
	}
	return n
}

// rows reads expected rows; a nil cell is a null.
func (r *specReader) rows(field string) ([][]*string, bool) {
	v, ok := r.get(field)
	if !ok {
		return nil, false
	}
	list, ok := v.([]any)
	if !ok {
		r.typeError(field, "type.rows")
		return nil, false
	}
	out := make([][]*string, len(list))
	for i, row := range list {
		cells, ok := row.([]any)
		if !ok {
			r.typeError(field, "type.rows")
			return nil, false
		}
		out[i] = make([]*string, len(cells))
		for j, c := range cells {
			switch x := c.(type) {
			case nil:
			case string:
				out[i][j] = &x
			default:
				r.typeError(field, "type.rows")
				return nil, false
			}
		}
	}
	return out, true
}

// consistency reads an optional consistency level (ONE by default).
func (r *specReader) consistency(field string) cluster.Consistency {
	s := r.text(field, false)
	if s == "" {
		return cluster.One
	}
	cl, ok := cluster.ParseConsistency(s)
	if !ok {
		r.fail(field, "format.field_consistency", s)
		return cluster.One
	}
	return cl
}

// statement reads a CQL statement; selectOnly limits it to SELECT, and
// otherwise it may be any data statement (the ones sandbox.Query runs).
func (r *specReader) statement(field string, selectOnly bool) (string, cql.Statement) {
	src := strings.TrimSuffix(r.text(field, true), ";")
	if src == "" {
		return "", nil
	}
	st, err := cql.Parse(src)
	if err != nil {
		r.fail(field, "format.field_cql", field, err.Error())
		return "", nil
	}
	switch st.(type) {
	case *cql.SelectStmt:
		return src, st
	case *cql.InsertStmt, *cql.UpdateStmt, *cql.DeleteStmt, *cql.BatchStmt:
		if !selectOnly {
			return src, st
		}
	}
	want := "stmt.data"
	if selectOnly {
		want = "stmt.select"
	}
	r.fail(field, "format.field_statement", field, ref(want))
	return "", nil
}

// errorClass reads an optional error class name such as InvalidRequest.
func (r *specReader) errorClass(field string) string {
	s := r.text(field, false)
	if s == "" {
		return ""
	}
	if _, ok := cqlerr.ParseClass(s); !ok {
		r.fail(field, "format.field_class", s)
	}
	return s
}

// datasetName reads an optional dataset name.
func (r *specReader) datasetName(field string) string {
	s := r.text(field, false)
	if s != "" && dataset.Lookup(s) == nil {
		var names []string
		for _, d := range dataset.All() {
			names = append(names, d.Name)
		}
		r.fail(field, "format.field_dataset", s, strings.Join(names, ", "))
	}
	return s
}

// done reports the first field the check does not know.
func (r *specReader) done() {
	var unknown []string
	for k := range r.spec {
		if !r.used[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return
	}
	sort.Strings(unknown)
	var known []string
	for k := range r.used {
		known = append(known, k)
	}
	sort.Strings(known)
	r.fail(unknown[0], "format.field_unknown", r.kind, unknown[0], strings.Join(known, ", "))
}

// bound is an expected count: exact (min == max), or bounded on one or
// both sides.
type bound struct {
	min, max *float64
}

func parseBound(v any) (bound, bool) {
	if x, ok := toFloat(v); ok {
		return bound{min: &x, max: &x}, true
	}
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return bound{}, false
	}
	var b bound
	for k, e := range m {
		x, ok := toFloat(e)
		if !ok {
			return bound{}, false
		}
		switch k {
		case "min":
			b.min = &x
		case "max":
			b.max = &x
		default:
			return bound{}, false
		}
	}
	return b, true
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// holds reports whether x is within the bound.
func (b bound) holds(x float64) bool {
	return (b.min == nil || x >= *b.min) && (b.max == nil || x <= *b.max)
}

// describe says what the bound expects, e.g. "at most 3 nodes".
func (b bound) describe(lang Lang, unit string) string {
	switch {
	case b.min != nil && b.max != nil && *b.min == *b.max:
		return countOf(lang, unit, *b.min)
	case b.min != nil && b.max != nil:
		return tr(lang, "bound.range", number(*b.min), countOf(lang, unit, *b.max))
	case b.max != nil:
		return tr(lang, "bound.max", countOf(lang, unit, *b.max))
	case b.min != nil:
		return tr(lang, "bound.min", countOf(lang, unit, *b.min))
	}
	return ""
}
