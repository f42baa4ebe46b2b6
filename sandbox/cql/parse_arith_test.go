package cql

import "testing"

func bin(op ArithOp, l, r Term) *BinaryTerm { return &BinaryTerm{Op: op, Left: l, Right: r} }

func binSel(op ArithOp, l, r Selection) *BinarySel { return &BinarySel{Op: op, Left: l, Right: r} }

func numSel(s string) *TermSel { return &TermSel{Term: num(s)} }

var arithTests = []parseTest{
	{
		"SELECT a - c / b + d, -a, (c - b) / a, - 1, -(a % b) FROM t",
		&SelectStmt{Selectors: []Selector{
			sel(binSel(OpAdd, binSel(OpSub, colSel("a"), binSel(OpDiv, colSel("c"), colSel("b"))), colSel("d"))),
			sel(&NegSel{Expr: colSel("a")}),
			sel(binSel(OpDiv, &ParenSel{Expr: binSel(OpSub, colSel("c"), colSel("b"))}, colSel("a"))),
			sel(&NegSel{Expr: numSel("1")}),
			sel(&NegSel{Expr: &ParenSel{Expr: binSel(OpMod, colSel("a"), colSel("b"))}}),
		}, Table: tbl("t")},
	},
	{
		"SELECT (int)((c - a) % d), (bigint) a * 2, (int) 3 + m['k'], u.f * 2 AS x FROM t",
		&SelectStmt{Selectors: []Selector{
			sel(&HintSel{Type: typ("int"), Expr: &ParenSel{Expr: binSel(OpMod,
				&ParenSel{Expr: binSel(OpSub, colSel("c"), colSel("a"))}, colSel("d"))}}),
			sel(binSel(OpMul, &HintSel{Type: typ("bigint"), Expr: colSel("a")}, numSel("2"))),
			sel(binSel(OpAdd, &TermSel{Term: &TypeCast{Type: typ("int"), Term: num("3")}},
				&ElementSel{Expr: colSel("m"), Key: str("k")})),
			{Expr: binSel(OpMul, &FieldSel{Expr: colSel("u"), Field: id("f")}, numSel("2")), Alias: id("x")},
		}, Table: tbl("t")},
	},
	{
		"SELECT * FROM t WHERE a = 1 + 2 * 3 AND b = (1 + 2) * 3 AND c > ? - 5m AND d IN (1 - -1, - f(now()))",
		&SelectStmt{Table: tbl("t"), Where: []Relation{
			rel("a", OpEq, bin(OpAdd, num("1"), bin(OpMul, num("2"), num("3")))),
			rel("b", OpEq, bin(OpMul, bin(OpAdd, num("1"), num("2")), num("3"))),
			rel("c", OpGt, bin(OpSub, &BindMarker{}, lit(DurationLit, "5m"))),
			{Columns: ids("d"), Op: OpIn, Values: terms(bin(OpSub, num("1"), num("-1")),
				&NegTerm{Term: call("f", call("now"))})},
		}},
	},
	{
		"UPDATE t SET a = 2 * 3, l = [1] + l, c = c - 1 % 2 WHERE k = 10 / 2",
		&UpdateStmt{Table: tbl("t"), Assignments: []Assignment{
			{Column: id("a"), Value: bin(OpMul, num("2"), num("3"))},
			{Column: id("l"), Kind: AssignPrepend, Value: list(num("1"))},
			{Column: id("c"), Kind: AssignSub, Value: bin(OpMod, num("1"), num("2"))},
		}, Where: []Relation{rel("k", OpEq, bin(OpDiv, num("10"), num("2")))}},
	},
	{
		"INSERT INTO t (k, v) VALUES (1 + 2, -(2 - 1))",
		&InsertStmt{Table: tbl("t"), Columns: ids("k", "v"), Values: terms(
			bin(OpAdd, num("1"), num("2")), &NegTerm{Term: bin(OpSub, num("2"), num("1"))})},
	},
}

func TestParseArithmetic(t *testing.T) {
	runParseTests(t, arithTests)
	for _, tt := range arithTests {
		st, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q) error: %v", tt.src, err)
		}
		checkRoundTrip(t, tt.src, st)
	}
}

func TestPrintArithmetic(t *testing.T) {
	tests := []struct {
		node Node
		want string
	}{
		{bin(OpSub, num("1"), bin(OpSub, num("2"), num("3"))), "1 - (2 - 3)"},
		{bin(OpMul, bin(OpAdd, num("1"), num("2")), num("3")), "(1 + 2) * 3"},
		{bin(OpAdd, bin(OpMul, num("1"), num("2")), num("3")), "1 * 2 + 3"},
		{&NegTerm{Term: num("-1")}, "- -1"},
		{&NegTerm{Term: &NegTerm{Term: call("f")}}, "- -f()"},
		{&NegSel{Expr: &NegSel{Expr: colSel("a")}}, "- -a"},
		{binSel(OpDiv, colSel("a"), binSel(OpMul, colSel("b"), colSel("c"))), "a / (b * c)"},
		{&HintSel{Type: typ("int"), Expr: binSel(OpAdd, colSel("a"), colSel("b"))}, "(int) (a + b)"},
	}
	for _, tt := range tests {
		if got := tt.node.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.node, got, tt.want)
		}
	}
}
