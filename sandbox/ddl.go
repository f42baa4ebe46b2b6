package sandbox

import (
	"fmt"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// runSchema runs USE and the schema statements. Each builds a new catalog
// and swaps it in only once it is valid and saved.
func (s *Sandbox) runSchema(stmt cql.Statement) (*Result, error) {
	pc := s.context()
	next := s.catalog.Clone()
	var warnings []string
	switch st := stmt.(type) {
	case *cql.UseStmt:
		if schema.IsSystemKeyspace(st.Keyspace.Name) {
			return nil, cqlerr.Invalidf("%s", schema.SystemKeyspaceError(st.Keyspace.Name))
		}
		if s.catalog.Keyspace(st.Keyspace.Name) == nil {
			return nil, cqlerr.Invalidf("Keyspace '%s' does not exist", st.Keyspace.Name)
		}
		s.session.Keyspace = st.Keyspace.Name
		return &Result{}, nil
	case *cql.CreateKeyspaceStmt:
		if err := systemKeyspaceChange(st.Name.Name, true); err != nil {
			if st.IfNotExists && err.Code == cqlerr.AlreadyExists {
				return &Result{}, nil
			}
			return nil, err
		}
		k, err := pc.CreateKeyspace(st)
		if err != nil || k == nil {
			return &Result{}, err
		}
		next.Keyspaces[k.Name] = k
		warnings = s.replicationWarnings(k)
	case *cql.AlterKeyspaceStmt:
		if err := systemKeyspaceChange(st.Name.Name, false); err != nil {
			return nil, err
		}
		params, err := pc.AlterKeyspace(st)
		if err != nil || params == nil {
			return &Result{}, err
		}
		k := next.Keyspace(st.Name.Name)
		old := k.ReplicationFactor()
		k.Replication, k.DurableWrites = params.Replication, params.DurableWrites
		res := &Result{Warnings: s.replicationWarnings(k)}
		if k.ReplicationFactor() > old {
			res.Warnings = append(res.Warnings, "When increasing replication factor you need to run a full (-full) repair to distribute the data.")
		}
		if err := s.saveSchema(next); err != nil {
			return nil, err
		}
		if k.ReplicationFactor() != old {
			// A real cluster needs `nodetool repair` to fill new
			// replicas; the sandbox moves the data at once.
			if err := s.rebalance(k); err != nil {
				return nil, err
			}
		}
		return res, nil
	case *cql.DropKeyspaceStmt:
		if err := systemKeyspaceChange(st.Name.Name, false); err != nil {
			return nil, err
		}
		k := next.Keyspace(st.Name.Name)
		if k == nil {
			if st.IfExists {
				return &Result{}, nil
			}
			return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", st.Name.Name)
		}
		for _, t := range k.Tables {
			if err := s.store.DropTable(t.ID); err != nil {
				return nil, err
			}
		}
		delete(next.Keyspaces, st.Name.Name)
	case *cql.CreateTableStmt:
		t, err := pc.CreateTable(st)
		if err != nil || t == nil {
			return &Result{}, err
		}
		t.ID = next.AllocTableID()
		next.Keyspaces[t.Keyspace].Tables[t.Name] = t
	case *cql.AlterTableStmt:
		t, err := pc.AlterTable(st, s.engine.Timestamp())
		if err != nil {
			return nil, err
		}
		if t == nil {
			// IF EXISTS or IF NOT EXISTS left nothing to change.
			return &Result{}, nil
		}
		next.Keyspaces[t.Keyspace].Tables[t.Name] = t
	case *cql.DropTableStmt:
		ks, err := keyspaceOf(pc.Keyspace, st.Name)
		if err != nil {
			return nil, err
		}
		t := next.Table(ks, st.Name.Name.Name)
		if t == nil {
			// DropTableStatement.apply: a missing keyspace is a missing
			// table.
			if st.IfExists {
				return &Result{}, nil
			}
			return nil, cqlerr.Invalidf("Table '%s.%s' doesn't exist", ks, st.Name.Name.Name)
		}
		if err := s.store.DropTable(t.ID); err != nil {
			return nil, err
		}
		delete(next.Keyspaces[ks].Tables, t.Name)
	case *cql.TruncateStmt:
		_, t, err := pc.Table(st.Name)
		if err != nil {
			return nil, err
		}
		if down := s.cluster.Down(); len(down) > 0 {
			return nil, &cqlerr.Error{Code: cqlerr.Unavailable, Offset: -1, Consistency: "ALL",
				Required: s.cluster.Nodes(), Alive: s.cluster.Nodes() - len(down),
				Message: "Cannot achieve consistency level ALL"}
		}
		return &Result{}, s.store.DropTable(t.ID)
	case *cql.CreateTypeStmt:
		t, err := pc.CreateType(st)
		if err != nil || t == nil {
			return &Result{}, err
		}
		next.Keyspaces[t.Keyspace].Types[t.Name] = t
	case *cql.DropTypeStmt:
		ks, name, err := pc.DropType(st)
		if err != nil || ks == "" {
			return &Result{}, err
		}
		delete(next.Keyspaces[ks].Types, name)
	case *cql.CreateIndexStmt:
		if _, _, err := pc.Table(st.Table); err != nil {
			return nil, err
		}
		return nil, cqlerr.Invalidf("Secondary indexes are not supported by the learnkv sandbox: model a table for the query instead (that is the point of query-driven design)")
	case *cql.CreateViewStmt:
		return nil, cqlerr.Invalidf("Materialized views are disabled. Enable in cassandra.yaml to use.")
	default:
		return nil, fmt.Errorf("unsupported statement %T", stmt)
	}
	if err := s.saveSchema(next); err != nil {
		return nil, err
	}
	return &Result{Warnings: warnings}, nil
}

// systemKeyspaceChange is Cassandra's refusal to change the local and
// virtual system keyspaces; for the others (system_auth, system_traces,
// system_distributed) the sandbox explains that it does not model them.
// Creating one of them is AlreadyExists, as on a real node.
func systemKeyspaceChange(name string, create bool) *cqlerr.Error {
	switch name {
	case "system", "system_schema":
		return cqlerr.Invalidf("System keyspace '%s' is not user-modifiable", name)
	case "system_views", "system_virtual_schema":
		return cqlerr.Invalidf("Virtual keyspace '%s' is not user-modifiable", name)
	}
	if !schema.IsSystemKeyspace(name) {
		return nil
	}
	if create {
		return cqlerr.KeyspaceExists(name)
	}
	return cqlerr.Invalidf("%s", schema.SystemKeyspaceError(name))
}

func keyspaceOf(current string, q cql.QualifiedName) (string, error) {
	if schema.IsSystemKeyspace(q.Keyspace.Name) {
		return "", cqlerr.Invalidf("%s", schema.SystemKeyspaceError(q.Keyspace.Name))
	}
	if q.Keyspace.Name != "" {
		return q.Keyspace.Name, nil
	}
	if current == "" {
		return "", cqlerr.Invalidf("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename")
	}
	return current, nil
}

// rebalance rewrites the data of k's tables so that every replica holds
// exactly the partitions the ring gives it: after a change of replication
// factor or of the number of nodes.
func (s *Sandbox) rebalance(k *schema.Keyspace) error {
	for _, name := range k.TableNames() {
		if err := s.cluster.Rebalance(k.Tables[name], k.ReplicationFactor()); err != nil {
			return err
		}
	}
	return nil
}

// replicationWarnings is the warning Cassandra gives when a keyspace asks
// for more replicas than the cluster (or its data centre) has nodes.
func (s *Sandbox) replicationWarnings(k *schema.Keyspace) []string {
	nodes := s.cluster.Nodes()
	rf := k.ReplicationFactor()
	if rf <= nodes {
		return nil
	}
	msg := fmt.Sprintf("Your replication factor %d for keyspace %s is higher than the number of nodes %d", rf, k.Name, nodes)
	if _, ok := k.Replication["replication_factor"]; !ok {
		msg += " for datacenter " + plan.Datacenter
	}
	return []string{msg}
}
