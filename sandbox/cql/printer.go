package cql

import "strings"

// stmt writes a statement, without a terminating semicolon.
func (w *printer) stmt(s Statement) {
	switch s := s.(type) {
	case *CreateKeyspaceStmt:
		w.WriteString("CREATE KEYSPACE ")
		w.ifNotExists(s.IfNotExists)
		w.ident(s.Name)
		w.WriteString(" WITH ")
		w.properties(s.Options)
	case *AlterKeyspaceStmt:
		w.WriteString("ALTER KEYSPACE ")
		w.ifExists(s.IfExists)
		w.ident(s.Name)
		w.WriteString(" WITH ")
		w.properties(s.Options)
	case *DropKeyspaceStmt:
		w.WriteString("DROP KEYSPACE ")
		w.ifExists(s.IfExists)
		w.ident(s.Name)
	case *UseStmt:
		w.WriteString("USE ")
		w.ident(s.Keyspace)
	case *CreateTableStmt:
		w.createTable(s)
	case *AlterTableStmt:
		w.alterTable(s)
	case *DropTableStmt:
		w.WriteString("DROP TABLE ")
		w.ifExists(s.IfExists)
		w.qname(s.Name)
	case *TruncateStmt:
		w.WriteString("TRUNCATE ")
		w.qname(s.Name)
	case *CreateTypeStmt:
		w.WriteString("CREATE TYPE ")
		w.ifNotExists(s.IfNotExists)
		w.qname(s.Name)
		w.WriteString(" (")
		for i, f := range s.Fields {
			if i > 0 {
				w.WriteString(", ")
			}
			w.ident(f.Name)
			w.WriteByte(' ')
			w.typ(f.Type)
		}
		w.WriteByte(')')
	case *DropTypeStmt:
		w.WriteString("DROP TYPE ")
		w.ifExists(s.IfExists)
		w.qname(s.Name)
	case *CreateIndexStmt:
		w.createIndex(s)
	case *CreateViewStmt:
		w.WriteString("CREATE ")
		w.WriteString(s.Raw)
	case *InsertStmt:
		w.insert(s)
	case *UpdateStmt:
		w.WriteString("UPDATE ")
		w.qname(s.Table)
		w.using(s.Using)
		w.WriteString(" SET ")
		for i, a := range s.Assignments {
			if i > 0 {
				w.WriteString(", ")
			}
			w.assignment(a)
		}
		w.where(s.Where)
		w.ifClause(s.IfExists, s.Conditions)
	case *DeleteStmt:
		w.delete(s)
	case *SelectStmt:
		w.selectStmt(s)
	case *BatchStmt:
		w.batch(s)
	case *DescribeStmt:
		w.describe(s)
	case *TracingStmt:
		w.WriteString("TRACING")
		if s.Mode != "" {
			w.WriteByte(' ')
			w.WriteString(s.Mode)
		}
	case *ConsistencyStmt:
		if s.Serial {
			w.WriteString("SERIAL ")
		}
		w.WriteString("CONSISTENCY")
		if s.Level != "" {
			w.WriteByte(' ')
			w.WriteString(s.Level)
		}
	}
}

func (w *printer) ifNotExists(b bool) {
	if b {
		w.WriteString("IF NOT EXISTS ")
	}
}

func (w *printer) ifExists(b bool) {
	if b {
		w.WriteString("IF EXISTS ")
	}
}

func (w *printer) columnDef(c ColumnDef) {
	w.ident(c.Name)
	w.WriteByte(' ')
	w.typ(c.Type)
	if c.Static {
		w.WriteString(" STATIC")
	}
	if c.PrimaryKey {
		w.WriteString(" PRIMARY KEY")
	}
}

func (w *printer) primaryKey(pk PrimaryKeyDef) {
	w.WriteString("PRIMARY KEY (")
	if pk.Parenthesized || len(pk.PartitionKey) != 1 {
		w.WriteByte('(')
		w.idents(pk.PartitionKey)
		w.WriteByte(')')
	} else {
		w.ident(pk.PartitionKey[0])
	}
	for _, c := range pk.Clustering {
		w.WriteString(", ")
		w.ident(c)
	}
	w.WriteByte(')')
}

func (w *printer) createTable(s *CreateTableStmt) {
	w.WriteString("CREATE TABLE ")
	w.ifNotExists(s.IfNotExists)
	w.qname(s.Name)
	w.WriteString(" (")
	for i, c := range s.Columns {
		if i > 0 {
			w.WriteString(", ")
		}
		w.columnDef(c)
	}
	for i, pk := range s.PrimaryKeys {
		if i > 0 || len(s.Columns) > 0 {
			w.WriteString(", ")
		}
		w.primaryKey(pk)
	}
	w.WriteByte(')')
	sep := " WITH "
	if len(s.ClusteringOrder) > 0 {
		w.WriteString(sep + "CLUSTERING ORDER BY (")
		for i, o := range s.ClusteringOrder {
			if i > 0 {
				w.WriteString(", ")
			}
			w.ident(o.Column)
			if o.Desc {
				w.WriteString(" DESC")
			} else {
				w.WriteString(" ASC")
			}
		}
		w.WriteByte(')')
		sep = " AND "
	}
	if s.CompactStorage {
		w.WriteString(sep + "COMPACT STORAGE")
		sep = " AND "
	}
	if len(s.Options) > 0 {
		w.WriteString(sep)
		w.properties(s.Options)
	}
}

func (w *printer) alterTable(s *AlterTableStmt) {
	w.WriteString("ALTER TABLE ")
	w.ifExists(s.IfExists)
	w.qname(s.Name)
	switch s.Op {
	case AlterAdd:
		w.WriteString(" ADD ")
		w.ifNotExists(s.IfColumnNotExists)
		if len(s.Add) == 1 {
			w.columnDef(s.Add[0])
			return
		}
		w.WriteByte('(')
		for i, c := range s.Add {
			if i > 0 {
				w.WriteString(", ")
			}
			w.columnDef(c)
		}
		w.WriteByte(')')
	case AlterDrop:
		w.WriteString(" DROP ")
		w.ifExists(s.IfColumnExists)
		if len(s.Drop) == 1 {
			w.ident(s.Drop[0])
		} else {
			w.WriteByte('(')
			w.idents(s.Drop)
			w.WriteByte(')')
		}
		if s.Timestamp != "" {
			w.WriteString(" USING TIMESTAMP ")
			w.WriteString(s.Timestamp)
		}
	case AlterWith:
		w.WriteString(" WITH ")
		w.properties(s.Options)
	case AlterRename:
		w.WriteString(" RENAME ")
		w.ifExists(s.IfColumnExists)
		for i, r := range s.Renames {
			if i > 0 {
				w.WriteString(" AND ")
			}
			w.ident(r[0])
			w.WriteString(" TO ")
			w.ident(r[1])
		}
	case AlterType:
		w.WriteString(" ALTER ")
		w.ident(s.Column)
		w.WriteString(" TYPE ")
		w.typ(s.Type)
	case AlterDropCompactStorage:
		w.WriteString(" DROP COMPACT STORAGE")
	}
}

func (w *printer) createIndex(s *CreateIndexStmt) {
	w.WriteString("CREATE ")
	if s.Custom {
		w.WriteString("CUSTOM ")
	}
	w.WriteString("INDEX ")
	w.ifNotExists(s.IfNotExists)
	if s.Name.Name != "" || s.Name.Quoted {
		w.ident(s.Name)
		w.WriteByte(' ')
	}
	w.WriteString("ON ")
	w.qname(s.Table)
	w.WriteString(" (")
	if s.TargetFunc != "" {
		w.WriteString(strings.ToUpper(s.TargetFunc))
		w.WriteByte('(')
		w.ident(s.Target)
		w.WriteByte(')')
	} else {
		w.ident(s.Target)
	}
	w.WriteByte(')')
	if s.Using != "" {
		w.WriteString(" USING ")
		w.stringLit(s.Using)
	}
	if len(s.Options) > 0 {
		w.WriteString(" WITH ")
		w.properties(s.Options)
	}
}

func (w *printer) insert(s *InsertStmt) {
	w.WriteString("INSERT INTO ")
	w.qname(s.Table)
	if s.JSON != nil {
		w.WriteString(" JSON ")
		w.term(s.JSON)
		if s.JSONDefault != "" {
			w.WriteString(" DEFAULT ")
			w.WriteString(s.JSONDefault)
		}
	} else {
		w.WriteString(" (")
		w.idents(s.Columns)
		w.WriteString(") VALUES (")
		w.terms(s.Values)
		w.WriteByte(')')
	}
	if s.IfNotExists {
		w.WriteString(" IF NOT EXISTS")
	}
	w.using(s.Using)
}

func (w *printer) assignment(a Assignment) {
	w.ident(a.Column)
	switch a.Kind {
	case AssignElement:
		w.WriteByte('[')
		w.term(a.Key)
		w.WriteString("] = ")
	case AssignField:
		w.WriteByte('.')
		w.ident(a.Field)
		w.WriteString(" = ")
	case AssignAdd, AssignSub:
		w.WriteString(" = ")
		w.ident(a.Column)
		if a.Kind == AssignAdd {
			w.WriteString(" + ")
		} else {
			w.WriteString(" - ")
		}
	case AssignPrepend:
		w.WriteString(" = ")
		w.term(a.Value)
		w.WriteString(" + ")
		w.ident(a.Column)
		return
	default:
		w.WriteString(" = ")
	}
	w.term(a.Value)
}

func (w *printer) delete(s *DeleteStmt) {
	w.WriteString("DELETE ")
	for i, t := range s.Targets {
		if i > 0 {
			w.WriteString(", ")
		}
		w.deleteTarget(t)
	}
	if len(s.Targets) > 0 {
		w.WriteByte(' ')
	}
	w.WriteString("FROM ")
	w.qname(s.Table)
	w.using(s.Using)
	w.where(s.Where)
	w.ifClause(s.IfExists, s.Conditions)
}

func (w *printer) deleteTarget(t DeleteTarget) {
	w.ident(t.Column)
	switch {
	case t.Key != nil:
		w.WriteByte('[')
		w.term(t.Key)
		w.WriteByte(']')
	case t.Field.Name != "" || t.Field.Quoted:
		w.WriteByte('.')
		w.ident(t.Field)
	}
}

func (w *printer) selector(s Selector) {
	w.sel(s.Expr)
	if s.Alias.Name != "" || s.Alias.Quoted {
		w.WriteString(" AS ")
		w.ident(s.Alias)
	}
}

func (w *printer) selectStmt(s *SelectStmt) {
	w.WriteString("SELECT ")
	if s.JSON {
		w.WriteString("JSON ")
	}
	if s.Distinct {
		w.WriteString("DISTINCT ")
	}
	if len(s.Selectors) == 0 {
		w.WriteByte('*')
	}
	for i, sel := range s.Selectors {
		if i > 0 {
			w.WriteString(", ")
		}
		w.selector(sel)
	}
	w.WriteString(" FROM ")
	w.qname(s.Table)
	w.where(s.Where)
	if len(s.GroupBy) > 0 {
		w.WriteString(" GROUP BY ")
		for i, g := range s.GroupBy {
			if i > 0 {
				w.WriteString(", ")
			}
			w.sel(g)
		}
	}
	for i, o := range s.OrderBy {
		if i == 0 {
			w.WriteString(" ORDER BY ")
		} else {
			w.WriteString(", ")
		}
		w.ident(o.Column)
		if o.Desc {
			w.WriteString(" DESC")
		}
	}
	if s.PerPartitionLimit != nil {
		w.WriteString(" PER PARTITION LIMIT ")
		w.term(s.PerPartitionLimit)
	}
	if s.Limit != nil {
		w.WriteString(" LIMIT ")
		w.term(s.Limit)
	}
	if s.AllowFiltering {
		w.WriteString(" ALLOW FILTERING")
	}
}

func (w *printer) batch(s *BatchStmt) {
	w.WriteString("BEGIN ")
	switch s.Type {
	case UnloggedBatch:
		w.WriteString("UNLOGGED ")
	case CounterBatch:
		w.WriteString("COUNTER ")
	}
	w.WriteString("BATCH")
	w.using(s.Using)
	for _, st := range s.Statements {
		w.WriteByte(' ')
		w.stmt(st)
		w.WriteByte(';')
	}
	w.WriteString(" APPLY BATCH")
}

// describeKeywords are words that DESCRIBE takes as its own keywords, so
// a name spelled like them must be quoted.
var describeKeywords = map[string]bool{
	"cluster": true, "keyspaces": true, "tables": true, "types": true, "functions": true,
	"aggregates": true, "only": true,
}

func (w *printer) describe(s *DescribeStmt) {
	w.WriteString("DESCRIBE ")
	switch s.Kind {
	case DescribeKeyspaces:
		w.WriteString("KEYSPACES")
	case DescribeKeyspace:
		w.WriteString("KEYSPACE")
		if s.Name.Name.Name != "" || s.Name.Name.Quoted {
			w.WriteByte(' ')
			w.ident(s.Name.Name)
		}
	case DescribeTables:
		w.WriteString("TABLES")
	case DescribeTable:
		w.WriteString("TABLE ")
		w.qname(s.Name)
	case DescribeTypes:
		w.WriteString("TYPES")
	case DescribeType:
		w.WriteString("TYPE ")
		w.qname(s.Name)
	case DescribeSchema:
		if s.Full {
			w.WriteString("FULL ")
		}
		w.WriteString("SCHEMA")
	case DescribeCluster:
		w.WriteString("CLUSTER")
	default:
		ks, name := s.Name.Keyspace, s.Name.Name
		hasKeyspace := ks.Name != "" || ks.Quoted
		first := name
		if hasKeyspace {
			first = ks
		}
		if !first.Quoted && describeKeywords[first.Name] {
			first.Quoted = true
		}
		w.ident(first)
		if hasKeyspace {
			w.WriteByte('.')
			w.ident(name)
		}
	}
}
