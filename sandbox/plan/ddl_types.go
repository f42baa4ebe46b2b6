package plan

import (
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// CreateType checks CREATE TYPE and returns the new type, or nil when it
// exists and IF NOT EXISTS was given. The checks follow
// CreateTypeStatement.apply, in its order: the field types are looked at
// as written (a counter, a UDT not frozen) before any is resolved, so a
// type that names itself is not frozen or, frozen, unknown.
func (c *Context) CreateType(s *cql.CreateTypeStmt) (*value.Type, error) {
	ks, err := c.keyspaceName(s.Name)
	if err != nil {
		return nil, err
	}
	if err := checkKeyspaceName(ks); err != nil {
		return nil, err
	}
	k := c.Catalog.Keyspace(ks)
	if k == nil {
		return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", ks)
	}
	name := s.Name.Name.Name
	if k.Types[name] != nil {
		if s.IfNotExists {
			return nil, nil
		}
		return nil, cqlerr.Invalidf("A user type with name '%s' already exists", name)
	}
	seen := map[string]bool{}
	for _, f := range s.Fields {
		if seen[f.Name.Name] {
			return nil, cqlerr.Invalidf("Duplicate field name '%s' in type '%s'", f.Name.Name, name)
		}
		seen[f.Name.Name] = true
	}
	for _, f := range s.Fields {
		if isRawCounter(f.Type) {
			return nil, cqlerr.Invalidf("A user type cannot contain counters")
		}
		if isRawUDT(f.Type) && !f.Type.Frozen {
			return nil, cqlerr.Invalidf("A user type cannot contain non-frozen UDTs")
		}
	}
	t := &value.Type{Kind: value.KindUDT, Keyspace: ks, Name: name}
	for _, f := range s.Fields {
		if err := checkTypeKeyspace(ks, f.Type); err != nil {
			return nil, err
		}
		ft, err := c.resolveTypeIn(ks, f.Type, false)
		if err != nil {
			return nil, err
		}
		t.Fields = append(t.Fields, f.Name.Name)
		t.Elems = append(t.Elems, ft)
	}
	return t, nil
}

// isRawCounter reports whether e is the type counter, as written.
func isRawCounter(e *cql.TypeExpr) bool {
	return !e.Quoted && e.Keyspace == "" && len(e.Params) == 0 && strings.EqualFold(e.Name, "counter")
}

// isRawUDT reports whether e names a user-defined type: a name that is
// no native or collection type.
func isRawUDT(e *cql.TypeExpr) bool {
	if e.Quoted || e.Keyspace != "" {
		return true
	}
	switch name := strings.ToLower(e.Name); name {
	case "list", "set", "map", "tuple":
		return false
	default:
		return value.Native(name) == nil
	}
}

// checkTypeKeyspace is CQL3Type.Raw.RawUT.prepare's refusal of a user
// type of another keyspace, anywhere in e.
func checkTypeKeyspace(ks string, e *cql.TypeExpr) error {
	if e.Keyspace != "" && e.Keyspace != ks {
		return cqlerr.Invalidf("Statement on keyspace %s cannot refer to a user type in keyspace %s; user types can only be used in the keyspace they are defined in", ks, e.Keyspace)
	}
	for _, p := range e.Params {
		if err := checkTypeKeyspace(ks, p); err != nil {
			return err
		}
	}
	return nil
}

// typeUsersAmongTypes returns the other types of k that use type name, in
// the order of Cassandra's Types (by name, as bytes).
func typeUsersAmongTypes(k *schema.Keyspace, name string) []string {
	names := k.TypeNames()
	sort.Strings(names)
	var users []string
	for _, tn := range names {
		if tn != name && usesType(k.Types[tn], k.Name, name) {
			users = append(users, tn)
		}
	}
	return users
}

// typeUsers returns the tables of k that use type name.
func typeUsers(k *schema.Keyspace, name string) []string {
	var users []string
	for _, tn := range k.TableNames() {
		for _, col := range k.Tables[tn].Columns {
			if usesType(col.Type, k.Name, name) {
				users = append(users, tn)
				break
			}
		}
	}
	return users
}

func usesType(t *value.Type, ks, name string) bool {
	if t.Kind == value.KindUDT && t.Keyspace == ks && t.Name == name {
		return true
	}
	for _, e := range t.Elems {
		if usesType(e, ks, name) {
			return true
		}
	}
	return false
}

// DropType checks DROP TYPE and returns the keyspace and type name, or ""
// when it does not exist and IF EXISTS was given.
func (c *Context) DropType(s *cql.DropTypeStmt) (string, string, error) {
	ks, err := c.keyspaceName(s.Name)
	if err != nil {
		return "", "", err
	}
	k := c.Catalog.Keyspace(ks)
	name := s.Name.Name.Name
	if k == nil || k.Types[name] == nil {
		if s.IfExists {
			return "", "", nil
		}
		return "", "", cqlerr.Invalidf("Type '%s.%s' doesn't exist", ks, name)
	}
	if types := typeUsersAmongTypes(k, name); len(types) > 0 {
		return "", "", cqlerr.Invalidf("Cannot drop user type '%s.%s' as it is still used by user types %s", ks, name, strings.Join(types, ", "))
	}
	if users := typeUsers(k, name); len(users) > 0 {
		return "", "", cqlerr.Invalidf("Cannot drop user type '%s.%s' as it is still used by tables %s", ks, name, strings.Join(users, ", "))
	}
	return ks, name, nil
}
