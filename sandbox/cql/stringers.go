package cql

// This file gives every syntax tree node its String method; the printing
// itself is in printer.go and printer_expr.go.

// render runs f on a fresh printer and returns what it wrote.
func render(f func(w *printer)) string {
	var w printer
	f(&w)
	return w.String()
}

// String returns the statement as canonical CQL.
func (n *CreateKeyspaceStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *AlterKeyspaceStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *DropKeyspaceStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *UseStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *CreateTableStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *AlterTableStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *DropTableStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *TruncateStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *CreateTypeStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *DropTypeStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *CreateIndexStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *CreateViewStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *InsertStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *UpdateStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *DeleteStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *SelectStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *BatchStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *DescribeStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *TracingStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the statement as canonical CQL.
func (n *ConsistencyStmt) String() string { return render(func(w *printer) { w.stmt(n) }) }

// String returns the term as canonical CQL.
func (n *Literal) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *ListLit) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *SetLit) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *MapLit) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *UDTLit) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *TupleLit) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *FuncCall) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *TypeCast) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the term as canonical CQL.
func (n *BindMarker) String() string { return render(func(w *printer) { w.term(n) }) }

// String returns the selection as canonical CQL.
func (n *ColumnSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *CountStarSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *FuncSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *FieldSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *ElementSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *CastSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the selection as canonical CQL.
func (n *TermSel) String() string { return render(func(w *printer) { w.sel(n) }) }

// String returns the identifier, quoted if needed as CQL.
func (id Ident) String() string {
	return render(func(w *printer) {
		w.ident(id)
	})
}

// String returns the name as CQL.
func (qn QualifiedName) String() string {
	return render(func(w *printer) {
		w.qname(qn)
	})
}

// String returns the type as CQL.
func (t *TypeExpr) String() string {
	return render(func(w *printer) {
		w.typ(t)
	})
}

// String returns name = value as CQL.
func (p Property) String() string {
	return render(func(w *printer) {
		w.properties([]Property{p})
	})
}

// String returns the column with its direction as CQL.
func (o OrderDef) String() string {
	return render(func(w *printer) {
		w.ident(o.Column)
		if o.Desc {
			w.WriteString(" DESC")
		} else {
			w.WriteString(" ASC")
		}
	})
}

// String returns the column definition as CQL.
func (c ColumnDef) String() string {
	return render(func(w *printer) {
		w.columnDef(c)
	})
}

// String returns the PRIMARY KEY clause as CQL.
func (pk PrimaryKeyDef) String() string {
	return render(func(w *printer) {
		w.primaryKey(pk)
	})
}

// String returns the USING clause (empty if nothing is set) as CQL.
func (u *UsingClause) String() string {
	return render(func(w *printer) {
		w.using(u)
	})
}

// String returns the assignment as CQL.
func (a Assignment) String() string {
	return render(func(w *printer) {
		w.assignment(a)
	})
}

// String returns the relation as CQL.
func (r Relation) String() string {
	return render(func(w *printer) {
		w.relation(r)
	})
}

// String returns the condition as CQL.
func (c Condition) String() string {
	return render(func(w *printer) {
		w.condition(c)
	})
}

// String returns the target as CQL.
func (t DeleteTarget) String() string {
	return render(func(w *printer) {
		w.deleteTarget(t)
	})
}

// String returns the selection with its alias as CQL.
func (s Selector) String() string {
	return render(func(w *printer) {
		w.selector(s)
	})
}

// String returns key: value as CQL.
func (e MapEntryLit) String() string {
	return render(func(w *printer) {
		w.term(e.Key)
		w.WriteString(": ")
		w.term(e.Value)
	})
}

// String returns field: value as CQL.
func (f FieldLit) String() string {
	return render(func(w *printer) {
		w.ident(f.Name)
		w.WriteString(": ")
		w.term(f.Value)
	})
}

// String returns the field definition as CQL.
func (f FieldDef) String() string {
	return render(func(w *printer) {
		w.ident(f.Name)
		w.WriteByte(' ')
		w.typ(f.Type)
	})
}
