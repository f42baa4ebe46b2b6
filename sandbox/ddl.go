package sandbox

import (
	"fmt"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// runSchema runs USE and the schema statements. Each builds a new catalog
// and swaps it in only once it is valid and saved.
func (s *Sandbox) runSchema(stmt cql.Statement) (*Result, error) {
	pc := s.context()
	next := s.catalog.Clone()
	switch st := stmt.(type) {
	case *cql.UseStmt:
		if s.catalog.Keyspace(st.Keyspace.Name) == nil {
			return nil, cqlerr.Invalidf("Keyspace '%s' does not exist", st.Keyspace.Name)
		}
		s.session.Keyspace = st.Keyspace.Name
		return &Result{}, nil
	case *cql.CreateKeyspaceStmt:
		k, err := pc.CreateKeyspace(st)
		if err != nil || k == nil {
			return &Result{}, err
		}
		next.Keyspaces[k.Name] = k
	case *cql.AlterKeyspaceStmt:
		k := next.Keyspace(st.Name.Name)
		if k == nil {
			return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", st.Name.Name)
		}
		repl, durable, err := pc.Replication(st.Name.Name, st.Options)
		if err != nil {
			return nil, err
		}
		old := k.ReplicationFactor()
		k.Replication, k.DurableWrites = repl, durable
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
		return &Result{}, nil
	case *cql.DropKeyspaceStmt:
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
		t, err := pc.AlterTable(st)
		if err != nil {
			return nil, err
		}
		next.Keyspaces[t.Keyspace].Tables[t.Name] = t
	case *cql.DropTableStmt:
		ks, err := keyspaceOf(pc.Keyspace, st.Name)
		if err != nil {
			return nil, err
		}
		t := next.Table(ks, st.Name.Name.Name)
		if t == nil {
			if st.IfExists && next.Keyspace(ks) != nil {
				return &Result{}, nil
			}
			if next.Keyspace(ks) == nil {
				return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", ks)
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
	return &Result{}, nil
}

func keyspaceOf(current string, q cql.QualifiedName) (string, error) {
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
