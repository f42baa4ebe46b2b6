package sandbox

import (
	"context"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// Query runs one CQL statement at the given consistency level, in the
// session's keyspace, without changing the session (lesson checks use it
// to look at the learner's data).
func (s *Sandbox) Query(ctx context.Context, src string, cl cluster.Consistency) (*Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	saved := s.session
	defer func() { s.session = saved }()
	s.session.Consistency = cl
	s.session.TraceKeys = false
	stmt, err := cql.Parse(src)
	if err != nil {
		return nil, syntaxError(src, err)
	}
	switch stmt.(type) {
	case *cql.SelectStmt, *cql.InsertStmt, *cql.UpdateStmt, *cql.DeleteStmt, *cql.BatchStmt:
	default:
		return nil, cqlerr.Invalidf("Query runs data statements only")
	}
	res, err := s.run(ctx, stmt, src)
	if res != nil {
		res.Statement = src
	}
	return res, err
}

// Reset puts the cluster and the session back to their defaults: 4 nodes
// all up, hinted handoff and read repair off, no pending hints,
// consistency ONE, serial consistency SERIAL, tracing and paging as a new
// cqlsh session has them. Data is kept (and moved if the cluster had
// another size).
func (s *Sandbox) Reset() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ks := s.session.Keyspace
	s.session = Session{Keyspace: ks, Consistency: cluster.One, Serial: cluster.Serial, Paging: true}
	for _, n := range s.cluster.Down() {
		if _, err := s.cluster.SetDown(n, false); err != nil {
			return err
		}
	}
	s.cluster.HintedHandoff, s.cluster.ReadRepair = false, false
	s.cluster.ClearHints()
	if s.cluster.Nodes() != cluster.DefaultNodes {
		if err := s.resize(cluster.DefaultNodes); err != nil {
			return err
		}
	}
	return s.saveCluster()
}

// NodeStatus is one node of the simulated cluster.
type NodeStatus struct {
	Node   int
	Down   bool
	Tokens []int64
	// Owns is the share of the token range the node owns as primary.
	Owns  float64
	Hints int
}

// ClusterStatus describes the simulated cluster.
type ClusterStatus struct {
	Nodes         []NodeStatus
	HintedHandoff bool
	ReadRepair    bool
}

// Cluster returns the state of the simulated cluster.
func (s *Sandbox) Cluster() ClusterStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	ring := s.cluster.Ring()
	own := ring.Ownership()
	st := ClusterStatus{HintedHandoff: s.cluster.HintedHandoff, ReadRepair: s.cluster.ReadRepair}
	for n := 1; n <= ring.Nodes(); n++ {
		st.Nodes = append(st.Nodes, NodeStatus{Node: n, Down: s.cluster.IsDown(n), Tokens: ring.Tokens(n),
			Owns: own[n-1], Hints: s.cluster.PendingHints(n)})
	}
	return st
}

// Replicas returns the nodes holding a token for a replication factor,
// primary first.
func (s *Sandbox) Replicas(token int64, rf int) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cluster.Ring().Replicas(token, rf)
}
