package cql

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// parseTest is one valid statement and the tree it must parse to.
type parseTest struct {
	src  string
	want Statement
}

// ignorePos makes cmp ignore positions.
var ignorePos = cmpopts.IgnoreTypes(Pos{})

// runParseTests checks that every src parses to its tree.
func runParseTests(t *testing.T, tests []parseTest) {
	t.Helper()
	for _, tt := range tests {
		got, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.src, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, ignorePos); diff != "" {
			t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.src, diff)
		}
	}
}

// Tree builders for the tables.

func id(name string) Ident  { return Ident{Name: name} }
func qid(name string) Ident { return Ident{Name: name, Quoted: true} }

func ids(names ...string) []Ident {
	out := make([]Ident, len(names))
	for i, n := range names {
		out[i] = id(n)
	}
	return out
}

func tbl(name string) QualifiedName       { return QualifiedName{Name: id(name)} }
func kstbl(ks, name string) QualifiedName { return QualifiedName{Keyspace: id(ks), Name: id(name)} }

func lit(kind LiteralKind, text string) *Literal { return &Literal{Kind: kind, Text: text} }
func str(s string) *Literal                      { return lit(StringLit, s) }
func num(s string) *Literal                      { return lit(IntegerLit, s) }
func flt(s string) *Literal                      { return lit(FloatLit, s) }
func null() *Literal                             { return lit(NullLit, "null") }

func terms(ts ...Term) []Term { return ts }

func list(ts ...Term) *ListLit   { return &ListLit{Elems: ts} }
func set(ts ...Term) *SetLit     { return &SetLit{Elems: ts} }
func tuple(ts ...Term) *TupleLit { return &TupleLit{Elems: ts} }

// mapOf builds a map literal from key, value pairs.
func mapOf(kv ...Term) *MapLit {
	m := &MapLit{}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Entries = append(m.Entries, MapEntryLit{Key: kv[i], Value: kv[i+1]})
	}
	return m
}

func call(name string, args ...Term) *FuncCall { return &FuncCall{Name: id(name), Args: args} }

func typ(name string, params ...*TypeExpr) *TypeExpr {
	return &TypeExpr{Name: name, Params: params}
}

func frozen(t *TypeExpr) *TypeExpr {
	t.Frozen = true
	return t
}

func column(name string, t *TypeExpr) ColumnDef { return ColumnDef{Name: id(name), Type: t} }

func colSel(name string) *ColumnSel { return &ColumnSel{Column: id(name)} }

func sel(e Selection) Selector { return Selector{Expr: e} }

func rel(col string, op Operator, v Term) Relation {
	return Relation{Columns: ids(col), Op: op, Value: v}
}

func prop(name string, v Term) Property { return Property{Name: id(name), Value: v} }

const benchInsert = "INSERT INTO users (id, name, email, age) VALUES (42, 'user42', 'user42@example.com', 62)"

func BenchmarkParseInsert(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(benchInsert); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSelect(b *testing.B) {
	const src = "SELECT id, name, writetime(email) AS wt FROM ks.users WHERE id IN (1, 2, 3) AND age > 20 ORDER BY age DESC LIMIT 10 ALLOW FILTERING"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
