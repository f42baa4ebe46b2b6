package cql

// This file holds the nodes of arithmetic (Cassandra 4.0+, CASSANDRA-11935
// and CASSANDRA-11936): the binary operators + - * / % and the unary minus,
// in terms and in selections, with the parentheses and type hints that
// selections keep because Cassandra names result columns after them.

// ArithOp is an arithmetic operator: '+', '-', '*', '/' or '%'.
type ArithOp byte

// The arithmetic operators.
const (
	OpAdd ArithOp = '+'
	OpSub ArithOp = '-'
	OpMul ArithOp = '*'
	OpDiv ArithOp = '/'
	OpMod ArithOp = '%'
)

// String returns the operator as written.
func (o ArithOp) String() string { return string(rune(o)) }

// precedence returns 1 for + and -, 2 for *, / and %.
func (o ArithOp) precedence() int {
	if o == OpAdd || o == OpSub {
		return 1
	}
	return 2
}

// BinaryTerm is a term with an arithmetic operator: 1 + 2, ? * 3. The
// tree keeps no parentheses: (1 + 2) * 3 is a BinaryTerm whose Left is the
// BinaryTerm 1 + 2.
type BinaryTerm struct {
	Op          ArithOp
	Left, Right Term
	Pos         Pos
}

// NegTerm is a negated term: - f(x), -(1 + 2). A negative number is a
// Literal.
type NegTerm struct {
	Term Term
	Pos  Pos
}

// BinarySel is a selection with an arithmetic operator: a + 1, b * c.
type BinarySel struct {
	Op          ArithOp
	Left, Right Selection
	Pos         Pos
}

// NegSel is a negated selection: -a, -(a + b).
type NegSel struct {
	Expr Selection
	Pos  Pos
}

// ParenSel is a selection between parentheses, (a + b), which Cassandra
// keeps in the names of result columns.
type ParenSel struct {
	Expr Selection
	Pos  Pos
}

// HintSel is a selection with a type hint that is not a constant: (int) a,
// (bigint)(a + b). A hinted constant is a TermSel holding a TypeCast.
type HintSel struct {
	Type *TypeExpr
	Expr Selection
	Pos  Pos
}

func (*BinaryTerm) term() {}
func (*NegTerm) term()    {}

func (*BinarySel) selection() {}
func (*NegSel) selection()    {}
func (*ParenSel) selection()  {}
func (*HintSel) selection()   {}

// Position returns where the BinaryTerm starts.
func (n *BinaryTerm) Position() Pos { return n.Pos }

// Position returns where the NegTerm starts.
func (n *NegTerm) Position() Pos { return n.Pos }

// Position returns where the BinarySel starts.
func (n *BinarySel) Position() Pos { return n.Pos }

// Position returns where the NegSel starts.
func (n *NegSel) Position() Pos { return n.Pos }

// Position returns where the ParenSel starts.
func (n *ParenSel) Position() Pos { return n.Pos }

// Position returns where the HintSel starts.
func (n *HintSel) Position() Pos { return n.Pos }

// String returns the term as canonical CQL.
func (n *BinaryTerm) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *NegTerm) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the selection as canonical CQL.
func (n *BinarySel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *NegSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *ParenSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *HintSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// termPrecedence returns the precedence of a term as an operand: that of
// its operator, or 3 for anything that needs no parentheses.
func termPrecedence(t Term) int {
	if b, ok := t.(*BinaryTerm); ok {
		return b.Op.precedence()
	}
	return 3
}

// binaryTerm writes a BinaryTerm, with the parentheses that keep its
// operands where they are: the operators are left-associative.
func (w *printer) binaryTerm(t *BinaryTerm) {
	w.termOperand(t.Left, termPrecedence(t.Left) < t.Op.precedence())
	w.WriteString(" " + t.Op.String() + " ")
	w.termOperand(t.Right, termPrecedence(t.Right) <= t.Op.precedence())
}

// termOperand writes an operand, in parentheses if paren is set.
func (w *printer) termOperand(t Term, paren bool) {
	if paren {
		w.WriteByte('(')
	}
	w.term(t)
	if paren {
		w.WriteByte(')')
	}
}

// negTerm writes a NegTerm. Its operand is a simple term, so an operation
// goes in parentheses; a space keeps -1 from becoming a negative literal
// and - -1 from becoming a comment.
func (w *printer) negTerm(t *NegTerm) {
	w.WriteByte('-')
	switch t.Term.(type) {
	case *BinaryTerm:
		w.termOperand(t.Term, true)
		return
	case *Literal, *NegTerm:
		w.WriteByte(' ')
	}
	w.term(t.Term)
}

// selPrecedence returns the precedence of a selection as an operand.
func selPrecedence(s Selection) int {
	if b, ok := s.(*BinarySel); ok {
		return b.Op.precedence()
	}
	return 3
}

// binarySel writes a BinarySel like binaryTerm.
func (w *printer) binarySel(s *BinarySel) {
	w.selOperand(s.Left, selPrecedence(s.Left) < s.Op.precedence())
	w.WriteString(" " + s.Op.String() + " ")
	w.selOperand(s.Right, selPrecedence(s.Right) <= s.Op.precedence())
}

// selOperand writes an operand, in parentheses if paren is set.
func (w *printer) selOperand(s Selection, paren bool) {
	if paren {
		w.WriteByte('(')
	}
	w.sel(s)
	if paren {
		w.WriteByte(')')
	}
}

// negSel writes a NegSel like negTerm.
func (w *printer) negSel(s *NegSel) {
	w.WriteByte('-')
	switch e := s.Expr.(type) {
	case *BinarySel:
		w.selOperand(e, true)
		return
	case *NegSel:
		w.WriteByte(' ')
	case *TermSel:
		if _, ok := e.Term.(*Literal); ok {
			w.WriteByte(' ')
		}
	}
	w.sel(s.Expr)
}

// hintSel writes a HintSel; its operand is in parentheses unless it is a
// simple selection.
func (w *printer) hintSel(s *HintSel) {
	w.WriteByte('(')
	w.typ(s.Type)
	w.WriteString(") ")
	switch s.Expr.(type) {
	case *BinarySel, *NegSel:
		w.selOperand(s.Expr, true)
	default:
		w.sel(s.Expr)
	}
}
