package value

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/uuid"
)

// This file renders collections, tuples and UDTs as cqlsh does, with the
// element order and field names that come out of the Python driver.

// writeCqlshCollection writes a list, set or map; it reports false when v
// does not have the collection's Go type.
func writeCqlshCollection(b *strings.Builder, t *Type, v any) bool {
	if len(t.Elems) < 1 || (t.Kind == KindMap && len(t.Elems) < 2) {
		return false
	}
	if t.Kind == KindMap {
		entries, ok := v.([]MapEntry)
		if !ok {
			return false
		}
		if len(entries) == 0 && !t.Frozen {
			b.WriteString("null")
			return true
		}
		sorted := make([]MapEntry, len(entries))
		copy(sorted, entries)
		sortStable(len(sorted), func(i, j int) bool { return pythonCompare(t.Elems[0], sorted[i].Key, sorted[j].Key) < 0 },
			func(i, j int) { sorted[i], sorted[j] = sorted[j], sorted[i] })
		b.WriteByte('{')
		for i, e := range sorted {
			if i > 0 {
				b.WriteString(", ")
			}
			writeCqlshElem(b, t.Elems[0], e.Key)
			b.WriteString(": ")
			writeCqlshElem(b, t.Elems[1], e.Value)
		}
		b.WriteByte('}')
		return true
	}
	elems, ok := v.([]any)
	if !ok {
		return false
	}
	if len(elems) == 0 && !t.Frozen {
		b.WriteString("null")
		return true
	}
	open, close := "[", "]"
	if t.Kind == KindSet {
		open, close = "{", "}"
		sorted := make([]any, len(elems))
		copy(sorted, elems)
		sortStable(len(sorted), func(i, j int) bool { return pythonCompare(t.Elems[0], sorted[i], sorted[j]) < 0 },
			func(i, j int) { sorted[i], sorted[j] = sorted[j], sorted[i] })
		elems = sorted
	}
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		writeCqlshElem(b, t.Elems[0], e)
	}
	b.WriteString(close)
	return true
}

// writeCqlshElem writes a collection element, tuple component or UDT field
// value; a null one prints as Python's None ('None' for timestamps and
// inets, whose formatters quote it).
func writeCqlshElem(b *strings.Builder, t *Type, v any) {
	if v == nil {
		b.WriteString(noneText(t))
		return
	}
	writeCqlsh(b, t, v, true)
}

func writeCqlshTuple(b *strings.Builder, t *Type, elems []any) {
	b.WriteByte('(')
	for i, et := range t.Elems {
		if i > 0 {
			b.WriteString(", ")
		}
		var e any
		if i < len(elems) {
			e = elems[i]
		}
		writeCqlshElem(b, et, e)
	}
	b.WriteByte(')')
}

func writeCqlshUDT(b *strings.Builder, t *Type, fields []any) {
	names := pythonFieldNames(t.Fields)
	b.WriteByte('{')
	for i, ft := range t.Elems {
		if i > 0 {
			b.WriteString(", ")
		}
		if i < len(names) {
			writePythonText(b, names[i], false)
		}
		b.WriteString(": ")
		if i >= len(fields) || fields[i] == nil {
			b.WriteString("null")
			continue
		}
		writeCqlsh(b, ft, fields[i], true)
	}
	b.WriteByte('}')
}

// pythonKeywords are the words Python's namedtuple refuses as field names.
var pythonKeywords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`False None True and as assert async await break class continue def del
		elif else except finally for from global if import in is lambda nonlocal not or pass raise
		return try while with yield`) {
		pythonKeywords[w] = true
	}
}

// pythonFieldNames returns the field names the Python driver gives a UDT
// value: the CQL names when all are valid namedtuple field names, otherwise
// field_<i>_ in place of each name that is a Python keyword, starts with a
// digit or an underscore, or contains characters other than letters, digits
// and underscores.
func pythonFieldNames(fields []string) []string {
	valid := func(name string) bool {
		if name == "" || pythonKeywords[name] || name[0] == '_' || (name[0] >= '0' && name[0] <= '9') {
			return false
		}
		for i, r := range name {
			letter := unicode.IsLetter(r) || r == '_'
			if !letter && (i == 0 || !unicode.IsDigit(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)) {
				return false
			}
		}
		return true
	}
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f
		if !valid(f) {
			out[i] = fmt.Sprintf("field_%d_", i)
		}
	}
	return out
}

// sortStable is an insertion sort: collections are small and the order of
// equal elements must be kept.
func sortStable(n int, less func(i, j int) bool, swap func(i, j int)) {
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			swap(j, j-1)
		}
	}
}

// pythonCompare orders values of type t as Python orders the objects the
// driver makes of them: uuids by their 128-bit integer value, inets by
// their text, tuples, UDTs and lists element by element (None first); other
// types as Cassandra does.
func pythonCompare(t *Type, a, b any) int {
	if t == nil {
		return 0
	}
	if a == nil || b == nil {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return -1
		}
		return 1
	}
	switch t.Kind {
	case KindUUID, KindTimeuuid:
		x, ok1 := a.(uuid.UUID)
		y, ok2 := b.(uuid.UUID)
		if ok1 && ok2 {
			return strings.Compare(string(x[:]), string(y[:]))
		}
	case KindInet:
		x, ok1 := a.(netip.Addr)
		y, ok2 := b.(netip.Addr)
		if ok1 && ok2 {
			return strings.Compare(pythonInet(x), pythonInet(y))
		}
	case KindTuple, KindUDT, KindList:
		x, ok1 := a.([]any)
		y, ok2 := b.([]any)
		if ok1 && ok2 {
			for i := 0; i < len(x) && i < len(y); i++ {
				et := elemTypeAt(t, i)
				if et == nil {
					break
				}
				if c := pythonCompare(et, x[i], y[i]); c != 0 {
					return c
				}
			}
			return len(x) - len(y)
		}
	}
	return Compare(t, a, b)
}

// elemTypeAt returns the type of element i of a list, tuple or UDT value, or
// nil.
func elemTypeAt(t *Type, i int) *Type {
	switch {
	case t.Kind == KindList && len(t.Elems) > 0:
		return t.Elems[0]
	case t.Kind != KindList && i < len(t.Elems):
		return t.Elems[i]
	}
	return nil
}

// DisplayWidth returns the width cqlsh reserves for v in a result column.
// It is the printed width in terminal cells, except for collections,
// tuples and UDTs: cqlsh adds up their parts (two cells per element, four
// per map entry or UDT field, plus the parts' own widths), so an empty
// nested collection counts as 0 cells although it prints as "{}" or "[]".
// A row holding one prints wider than its column, as in cqlsh.
//
// A value cqlsh fails to format (see FormatFailure) prints as its Python
// repr, whose width is its length in code points.
func DisplayWidth(t *Type, v any) int {
	if v == nil {
		return 4 // null
	}
	if FormatFailure(t, v) != "" {
		return utf8.RuneCountInString(PythonRepr(t, v))
	}
	return displayWidth(t, v, false)
}

func displayWidth(t *Type, v any, nested bool) int {
	if v == nil || t == nil {
		return printedWidth(t, v, nested)
	}
	switch t.Kind {
	case KindList, KindSet:
		elems, ok := v.([]any)
		if !ok || len(t.Elems) < 1 || (len(elems) == 0 && !t.Frozen) {
			break
		}
		w := 2 * len(elems)
		for _, e := range elems {
			w += displayWidth(t.Elems[0], e, true)
		}
		return w
	case KindMap:
		entries, ok := v.([]MapEntry)
		if !ok || len(t.Elems) < 2 || (len(entries) == 0 && !t.Frozen) {
			break
		}
		w := 4 * len(entries)
		for _, e := range entries {
			w += displayWidth(t.Elems[0], e.Key, true) + displayWidth(t.Elems[1], e.Value, true)
		}
		return w
	case KindTuple:
		elems, ok := v.([]any)
		if !ok {
			break
		}
		w := 2 * len(t.Elems)
		for i, et := range t.Elems {
			var e any
			if i < len(elems) {
				e = elems[i]
			}
			w += displayWidth(et, e, true)
		}
		return w
	case KindUDT:
		fields, ok := v.([]any)
		if !ok {
			break
		}
		names := pythonFieldNames(t.Fields)
		w := 4 * len(t.Elems)
		for i, ft := range t.Elems {
			if i < len(names) {
				w += ansi.StringWidth(names[i])
			}
			if i >= len(fields) || fields[i] == nil {
				w += 4 // null
				continue
			}
			w += displayWidth(ft, fields[i], true)
		}
		return w
	}
	return printedWidth(t, v, nested)
}

// printedWidth is the cell width of v as cqlsh prints it.
func printedWidth(t *Type, v any, nested bool) int {
	var b strings.Builder
	if nested {
		writeCqlshElem(&b, t, v)
	} else {
		writeCqlsh(&b, t, v, false)
	}
	return ansi.StringWidth(b.String())
}
