package cql

// This file gives the syntax tree's node types their interface methods:
// the markers that tie them to their interfaces, and Position.

func (*CreateKeyspaceStmt) statement() {}
func (*AlterKeyspaceStmt) statement()  {}
func (*DropKeyspaceStmt) statement()   {}
func (*UseStmt) statement()            {}
func (*CreateTableStmt) statement()    {}
func (*AlterTableStmt) statement()     {}
func (*DropTableStmt) statement()      {}
func (*TruncateStmt) statement()       {}
func (*CreateTypeStmt) statement()     {}
func (*DropTypeStmt) statement()       {}
func (*CreateIndexStmt) statement()    {}
func (*CreateViewStmt) statement()     {}
func (*InsertStmt) statement()         {}
func (*UpdateStmt) statement()         {}
func (*DeleteStmt) statement()         {}
func (*SelectStmt) statement()         {}
func (*BatchStmt) statement()          {}
func (*DescribeStmt) statement()       {}
func (*TracingStmt) statement()        {}
func (*ConsistencyStmt) statement()    {}

func (*Literal) term()    {}
func (*ListLit) term()    {}
func (*SetLit) term()     {}
func (*MapLit) term()     {}
func (*UDTLit) term()     {}
func (*TupleLit) term()   {}
func (*FuncCall) term()   {}
func (*TypeCast) term()   {}
func (*BindMarker) term() {}

func (*ColumnSel) selection()    {}
func (*CountStarSel) selection() {}
func (*FuncSel) selection()      {}
func (*FieldSel) selection()     {}
func (*ElementSel) selection()   {}
func (*CastSel) selection()      {}
func (*TermSel) selection()      {}

// Position returns where the CreateKeyspaceStmt starts.
func (n *CreateKeyspaceStmt) Position() Pos { return n.Pos }

// Position returns where the AlterKeyspaceStmt starts.
func (n *AlterKeyspaceStmt) Position() Pos { return n.Pos }

// Position returns where the DropKeyspaceStmt starts.
func (n *DropKeyspaceStmt) Position() Pos { return n.Pos }

// Position returns where the UseStmt starts.
func (n *UseStmt) Position() Pos { return n.Pos }

// Position returns where the CreateTableStmt starts.
func (n *CreateTableStmt) Position() Pos { return n.Pos }

// Position returns where the AlterTableStmt starts.
func (n *AlterTableStmt) Position() Pos { return n.Pos }

// Position returns where the DropTableStmt starts.
func (n *DropTableStmt) Position() Pos { return n.Pos }

// Position returns where the TruncateStmt starts.
func (n *TruncateStmt) Position() Pos { return n.Pos }

// Position returns where the CreateTypeStmt starts.
func (n *CreateTypeStmt) Position() Pos { return n.Pos }

// Position returns where the DropTypeStmt starts.
func (n *DropTypeStmt) Position() Pos { return n.Pos }

// Position returns where the CreateIndexStmt starts.
func (n *CreateIndexStmt) Position() Pos { return n.Pos }

// Position returns where the CreateViewStmt starts.
func (n *CreateViewStmt) Position() Pos { return n.Pos }

// Position returns where the InsertStmt starts.
func (n *InsertStmt) Position() Pos { return n.Pos }

// Position returns where the UpdateStmt starts.
func (n *UpdateStmt) Position() Pos { return n.Pos }

// Position returns where the DeleteStmt starts.
func (n *DeleteStmt) Position() Pos { return n.Pos }

// Position returns where the SelectStmt starts.
func (n *SelectStmt) Position() Pos { return n.Pos }

// Position returns where the BatchStmt starts.
func (n *BatchStmt) Position() Pos { return n.Pos }

// Position returns where the DescribeStmt starts.
func (n *DescribeStmt) Position() Pos { return n.Pos }

// Position returns where the TracingStmt starts.
func (n *TracingStmt) Position() Pos { return n.Pos }

// Position returns where the ConsistencyStmt starts.
func (n *ConsistencyStmt) Position() Pos { return n.Pos }

// Position returns where the Literal starts.
func (n *Literal) Position() Pos { return n.Pos }

// Position returns where the ListLit starts.
func (n *ListLit) Position() Pos { return n.Pos }

// Position returns where the SetLit starts.
func (n *SetLit) Position() Pos { return n.Pos }

// Position returns where the MapLit starts.
func (n *MapLit) Position() Pos { return n.Pos }

// Position returns where the UDTLit starts.
func (n *UDTLit) Position() Pos { return n.Pos }

// Position returns where the TupleLit starts.
func (n *TupleLit) Position() Pos { return n.Pos }

// Position returns where the FuncCall starts.
func (n *FuncCall) Position() Pos { return n.Pos }

// Position returns where the TypeCast starts.
func (n *TypeCast) Position() Pos { return n.Pos }

// Position returns where the BindMarker starts.
func (n *BindMarker) Position() Pos { return n.Pos }

// Position returns where the ColumnSel starts.
func (n *ColumnSel) Position() Pos { return n.Column.Pos }

// Position returns where the CountStarSel starts.
func (n *CountStarSel) Position() Pos { return n.Pos }

// Position returns where the FuncSel starts.
func (n *FuncSel) Position() Pos { return n.Pos }

// Position returns where the FieldSel starts.
func (n *FieldSel) Position() Pos { return n.Expr.Position() }

// Position returns where the ElementSel starts.
func (n *ElementSel) Position() Pos { return n.Pos }

// Position returns where the CastSel starts.
func (n *CastSel) Position() Pos { return n.Pos }

// Position returns where the TermSel starts.
func (n *TermSel) Position() Pos { return n.Term.Position() }
