package plan

import (
	"fmt"
	"strings"
	"time"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Context is what planning a statement needs: the catalog, the session's
// current keyspace, and the statement's clock (for now(), TTLs and
// default timestamps).
type Context struct {
	Catalog  *schema.Catalog
	Keyspace string
	Now      time.Time
	// Tables, when set, keeps what planning derives from the catalog's
	// tables for the next statements (see TableCache).
	Tables *TableCache

	lastUUIDTime time.Time
	// stmtTable is the table of the statement being planned, for token().
	stmtTable *schema.Table
}

// keyspaceName returns the keyspace a name refers to: its own, or the
// session's.
func (c *Context) keyspaceName(q cql.QualifiedName) (string, error) {
	if q.Keyspace.Name != "" {
		if schema.IsSystemKeyspace(q.Keyspace.Name) && c.Catalog.Keyspace(q.Keyspace.Name) == nil {
			return "", cqlerr.Invalidf("%s", schema.SystemKeyspaceError(q.Keyspace.Name))
		}
		return q.Keyspace.Name, nil
	}
	if c.Keyspace == "" {
		return "", cqlerr.Invalidf("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename")
	}
	return c.Keyspace, nil
}

// Table resolves a table name for a DML statement or SELECT.
func (c *Context) Table(q cql.QualifiedName) (*schema.Keyspace, *schema.Table, error) {
	ks, err := c.keyspaceName(q)
	if err != nil {
		return nil, nil, err
	}
	k := c.Catalog.Keyspace(ks)
	if k == nil {
		return nil, nil, cqlerr.Invalidf("keyspace %s does not exist", ks).At(q.Name.Pos.Offset)
	}
	t := k.Tables[q.Name.Name]
	if t == nil {
		return nil, nil, cqlerr.Invalidf("table %s does not exist", q.Name.Name).At(q.Name.Pos.Offset)
	}
	c.stmtTable = t
	return k, t, nil
}

// column returns the named column of t or Cassandra's "Undefined column
// name" error.
func column(t *schema.Table, id cql.Ident) (*schema.Column, error) {
	col := t.Column(id.Name)
	if col == nil {
		return nil, cqlerr.Invalidf("Undefined column name %s in table %s", value.QuoteIdent(id.Name), t.QualifiedName()).At(id.Pos.Offset)
	}
	return col, nil
}

// resolveType turns a written type into a CQL type, in the session's
// keyspace for UDT names.
func (c *Context) resolveType(e *cql.TypeExpr) (*value.Type, error) {
	return c.resolveTypeIn(c.Keyspace, e, false)
}

// resolveTypeIn resolves e with UDT names looked up in keyspace ks.
// inCollection is set for the element types of a collection.
func (c *Context) resolveTypeIn(ks string, e *cql.TypeExpr, inCollection bool) (*value.Type, error) {
	name := strings.ToLower(e.Name)
	var t *value.Type
	switch {
	case !e.Quoted && (name == "list" || name == "set"):
		if len(e.Params) != 1 {
			return nil, cqlerr.Invalidf("Unknown type %s", e.String())
		}
		elem, err := c.resolveTypeIn(ks, e.Params[0], true)
		if err != nil {
			return nil, err
		}
		if err := checkElement(elem, e, name == "set"); err != nil {
			return nil, err
		}
		if name == "list" {
			t = value.ListOf(elem, false)
		} else {
			t = value.SetOf(elem, false)
		}
	case !e.Quoted && name == "map":
		if len(e.Params) != 2 {
			return nil, cqlerr.Invalidf("Unknown type %s", e.String())
		}
		k, err := c.resolveTypeIn(ks, e.Params[0], true)
		if err != nil {
			return nil, err
		}
		v, err := c.resolveTypeIn(ks, e.Params[1], true)
		if err != nil {
			return nil, err
		}
		if err := checkElement(k, e, true); err != nil {
			return nil, err
		}
		if err := checkElement(v, e, false); err != nil {
			return nil, err
		}
		t = value.MapOf(k, v, false)
	case !e.Quoted && name == "tuple":
		elems := make([]*value.Type, len(e.Params))
		for i, p := range e.Params {
			et, err := c.resolveTypeIn(ks, p, true)
			if err != nil {
				return nil, err
			}
			if et.IsCounter() {
				return nil, cqlerr.Invalidf("Counters are not allowed inside tuples")
			}
			elems[i] = et.Freeze()
		}
		t = value.TupleOf(elems...)
	default:
		if !e.Quoted && e.Keyspace == "" {
			t = value.Native(name)
		}
		if t == nil {
			tks := ks
			if e.Keyspace != "" {
				tks = e.Keyspace
			}
			k := c.Catalog.Keyspace(tks)
			if k != nil {
				t = k.Types[e.Name]
			}
			if t == nil {
				return nil, cqlerr.Invalidf("Unknown type %s.%s", tks, value.QuoteIdent(e.Name))
			}
		}
	}
	if e.Frozen {
		if !(t.Kind.IsCollection() || t.Kind == value.KindUDT || t.Kind == value.KindTuple) {
			return nil, cqlerr.Invalidf("frozen<> is only allowed on collections, tuples, and user-defined types (got %s)", t)
		}
		t = t.Freeze()
	}
	return t, nil
}

// checkElement applies Cassandra's rules for the element types of a
// collection written as e.
func checkElement(elem *value.Type, e *cql.TypeExpr, isKey bool) error {
	switch {
	case elem.Kind.IsCollection() && !elem.Frozen:
		return cqlerr.Invalidf("Non-frozen collections are not allowed inside collections: %s", e.String())
	case elem.Kind == value.KindUDT && !elem.Frozen:
		return cqlerr.Invalidf("Non-frozen UDTs are not allowed inside collections: %s", e.String())
	case elem.IsCounter():
		return cqlerr.Invalidf("Counters are not allowed inside collections: %s", e.String())
	case elem.Kind == value.KindDuration && isKey:
		if strings.EqualFold(e.Name, "set") {
			return cqlerr.Invalidf("Durations are not allowed inside sets: %s", e.String())
		}
		return cqlerr.Invalidf("Durations are not allowed as map keys: %s", e.String())
	}
	return nil
}

// intValue reads a LIMIT, TTL or TIMESTAMP term as an integer.
func (c *Context) intValue(t cql.Term, name string, typ *value.Type) (int64, error) {
	v, err := c.value(t, receiver{name: name, typ: typ})
	if err != nil {
		return 0, err
	}
	switch v := v.(type) {
	case int32:
		return int64(v), nil
	case int64:
		return v, nil
	case nil:
		return 0, nil
	}
	return 0, fmt.Errorf("unexpected %T for %s", v, name)
}
