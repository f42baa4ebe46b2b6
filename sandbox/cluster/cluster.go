package cluster

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/keys"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Cluster is the simulated cluster of one sandbox.
type Cluster struct {
	store *replica.Store
	ring  *Ring
	down  map[int]bool
	// HintedHandoff keeps writes for down replicas and replays them when
	// the node comes back. ReadRepair makes reads at more than one
	// replica write the newest data back to stale replicas.
	HintedHandoff bool
	ReadRepair    bool
	hints         map[int][]hint
	// Now returns the current time in seconds, for cell liveness.
	Now func() int64
}

type hint struct {
	table *schema.Table
	u     *replica.Partition
}

// New returns a cluster of n nodes over store.
func New(store *replica.Store, n int, now func() int64) *Cluster {
	return &Cluster{store: store, ring: NewRing(n, DefaultVnodes), down: map[int]bool{}, hints: map[int][]hint{}, Now: now}
}

// Ring returns the token ring.
func (c *Cluster) Ring() *Ring { return c.ring }

// Store returns the storage of every replica.
func (c *Cluster) Store() *replica.Store { return c.store }

// Nodes returns the number of nodes.
func (c *Cluster) Nodes() int { return c.ring.nodes }

// IsDown reports whether node is down.
func (c *Cluster) IsDown(node int) bool { return c.down[node] }

// Down returns the down nodes, sorted.
func (c *Cluster) Down() []int {
	var ns []int
	for n, d := range c.down {
		if d {
			ns = append(ns, n)
		}
	}
	sort.Ints(ns)
	return ns
}

// SetDown takes node down (down true) or brings it back, replaying its
// hints when hinted handoff is on. It returns the number of hints replayed.
func (c *Cluster) SetDown(node int, down bool) (int, error) {
	if node < 1 || node > c.ring.nodes {
		return 0, fmt.Errorf("no node %d: the cluster has nodes 1 to %d", node, c.ring.nodes)
	}
	if down {
		c.down[node] = true
		return 0, nil
	}
	delete(c.down, node)
	hs := c.hints[node]
	delete(c.hints, node)
	for _, h := range hs {
		if _, err := c.store.Apply(node, h.table, h.u); err != nil {
			return 0, err
		}
	}
	return len(hs), nil
}

// PendingHints returns the number of hints kept for node.
func (c *Cluster) PendingHints(node int) int { return len(c.hints[node]) }

// Coordinator returns the node that coordinates requests: node 1, or the
// first node up (as a driver moves to another contact point).
func (c *Cluster) Coordinator() (int, error) {
	for n := 1; n <= c.ring.nodes; n++ {
		if !c.down[n] {
			return n, nil
		}
	}
	return 0, &cqlerr.Error{Code: cqlerr.ServerError, Offset: -1,
		Message: "NoHostAvailable: ('Unable to complete the operation against any hosts', {})"}
}

// live returns the replicas that are up, in order: replicas itself when
// they all are.
func (c *Cluster) live(replicas []int) []int {
	down := 0
	for _, n := range replicas {
		if c.down[n] {
			down++
		}
	}
	if down == 0 {
		return replicas
	}
	out := make([]int, 0, len(replicas)-down)
	for _, n := range replicas {
		if !c.down[n] {
			out = append(out, n)
		}
	}
	return out
}

// KeyString renders a partition key of t as CQL values: 'alice' or
// (1, 'a').
func KeyString(t *schema.Table, key []byte) string {
	types := t.PartitionKeyTypes()
	if len(types) == 1 {
		v, err := value.Unmarshal(types[0], key)
		if err != nil {
			return fmt.Sprintf("0x%x", key)
		}
		return value.Literal(types[0], v)
	}
	vals, err := keys.SplitPartitionKey(types, key)
	if err != nil {
		return fmt.Sprintf("0x%x", key)
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = value.Literal(types[i], v)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Write sends update u to the replicas of its partition at consistency cl.
func (c *Cluster) Write(t *schema.Table, rf int, u *replica.Partition, cl Consistency, tr *trace.Trace) error {
	replicas := c.ring.Replicas(u.Token, rf)
	live := c.live(replicas)
	need := cl.BlockFor(rf)
	if cl == Any {
		need = 0
	}
	if len(live) < need || (cl == Any && len(live) == 0 && !c.HintedHandoff) {
		tr.Eventf(tr.Coordinator, "Unavailable: %d of %d replicas alive, %s needs %d", len(live), len(replicas), cl, need)
		return unavailable(cl, need, len(live))
	}
	tr.Event(tr.Coordinator, "Determining replicas for mutation: %s", trace.Nodes(replicas))
	rows := len(u.Rows)
	if u.Static != nil {
		rows++
	}
	for _, n := range live {
		written, err := c.store.Apply(n, t, u)
		if err != nil {
			return err
		}
		tr.Touch(n)
		tr.Hop(n)
		tr.Cost(trace.PartitionMicros + rows*trace.RowMicros + written*trace.KeyMicros)
		tr.KeysWritten += written
		tr.Event(n, "Appending to commitlog; adding to %s memtable (%d keys)", trace.String(t.Name), trace.Int(written))
	}
	for _, n := range replicas {
		if c.down[n] {
			if c.HintedHandoff {
				c.hints[n] = append(c.hints[n], hint{table: t, u: u.Clone()})
				tr.HintsStored++
				tr.Eventf(tr.Coordinator, "node%d is down: storing a hint", n)
			} else {
				tr.Eventf(tr.Coordinator, "node%d is down: it misses this write", n)
			}
		}
	}
	if !tr.Quiet {
		tr.AddPartition(trace.Partition{Table: t.QualifiedName(), Key: KeyString(t, u.Key), Token: u.Token,
			Replicas: replicas, Contacted: live, Write: true, Rows: rows})
	}
	return nil
}

// Read reads one partition of t at consistency cl: from the first replicas
// up (in ring order, primary first), as many as cl needs, reconciling
// their answers.
//
// opts may limit the rows read; when a replica stopped at the limit and the
// reconciled answer has fewer live rows than asked (other replicas'
// tombstones shadowed some), the partition is read again without limit,
// as Cassandra's short-read protection does.
func (c *Cluster) Read(t *schema.Table, rf int, key []byte, token int64, opts replica.ReadOptions, cl Consistency, tr *trace.Trace) (*replica.Partition, error) {
	if cl.IsSerial() {
		cl = Quorum
	}
	replicas := c.ring.Replicas(token, rf)
	live := c.live(replicas)
	need := cl.BlockFor(rf)
	if cl == Any {
		return nil, cqlerr.Invalidf("ANY ConsistencyLevel is only supported for writes")
	}
	if len(live) < need {
		tr.Eventf(tr.Coordinator, "Unavailable: %d of %d replicas alive, %s needs %d", len(live), len(replicas), cl, need)
		return nil, unavailable(cl, need, len(live))
	}
	contacted := live[:need]
	tr.Event(tr.Coordinator, "Executing single-partition query on %s: replicas %s, asking %s", trace.String(t.Name), trace.Nodes(replicas), trace.Nodes(contacted))
	opts.Now = c.Now()
	var one [1]*replica.Partition
	answers := one[:0]
	truncated := false
	for _, n := range contacted {
		var st replica.ReadStats
		p, stopped, err := c.store.ReadPartition(n, t, key, token, opts, &st)
		if err != nil {
			return nil, err
		}
		truncated = truncated || stopped
		tr.Touch(n)
		tr.Hop(n)
		tr.KeysRead += st.Keys
		tr.Cost(st.Seeks*trace.PartitionMicros + len(p.Rows)*trace.RowMicros + st.Keys*trace.KeyMicros)
		tr.Event(n, "Read %d rows (%d storage keys) from %s", trace.Int(len(p.Rows)), trace.Int(st.Keys), trace.String(t.Name))
		answers = append(answers, p)
	}
	merged := answers[0]
	if len(answers) > 1 {
		merged = replica.NewPartition(key, token)
		for _, a := range answers {
			merged.Merge(a)
		}
		if truncated && opts.Limit > 0 {
			if _, rows := merged.LiveView(opts.Now); len(rows) < opts.Limit {
				tr.Eventf(tr.Coordinator, "Short read: replicas disagree below the limit, reading again without it")
				opts.Limit = 0
				return c.Read(t, rf, key, token, opts, cl, tr)
			}
		}
		if err := c.repair(t, merged, contacted, answers, tr); err != nil {
			return nil, err
		}
	}
	tr.RowsScanned += len(merged.Rows)
	if !tr.Quiet {
		tr.AddPartition(trace.Partition{Table: t.QualifiedName(), Key: KeyString(t, key), Token: token,
			Replicas: replicas, Contacted: contacted, Rows: merged.LiveRows(opts.Now)})
	}
	return merged, nil
}

// repair notes replicas whose answer differs from the reconciled one and,
// with read repair on, writes the reconciled data back to them.
func (c *Cluster) repair(t *schema.Table, merged *replica.Partition, nodes []int, answers []*replica.Partition, tr *trace.Trace) error {
	for i, a := range answers {
		if replica.Equal(a, merged) {
			continue
		}
		if !c.ReadRepair {
			tr.Eventf(nodes[i], "Digest mismatch: node%d is stale (read repair is off)", nodes[i])
			continue
		}
		if _, err := c.store.Apply(nodes[i], t, merged); err != nil {
			return err
		}
		tr.ReadRepairs++
		tr.Hop(nodes[i])
		tr.Eventf(nodes[i], "Digest mismatch: read repair wrote the newest data to node%d", nodes[i])
	}
	return nil
}

// Scan calls fn with every partition of t whose token is in [from, to], in
// token order, reading each token range from as many replicas as cl needs.
func (c *Cluster) Scan(t *schema.Table, rf int, from, to int64, cl Consistency, tr *trace.Trace, fn func(*replica.Partition) (bool, error)) error {
	if cl.IsSerial() {
		cl = Quorum
	}
	need := cl.BlockFor(rf)
	ranges := c.ring.Ranges(rf)
	tr.Eventf(tr.Coordinator, "Computing ranges to query: %d token ranges", len(ranges))
	for _, rg := range ranges {
		start := rg.Start
		if !rg.First {
			if rg.Start == to || rg.Start >= 1<<63-1 {
				continue
			}
			start = rg.Start + 1
		}
		lo, hi := max(start, from), min(rg.End, to)
		if lo > hi {
			continue
		}
		live := c.live(rg.Replicas)
		if len(live) < need {
			return unavailable(cl, need, len(live))
		}
		contacted := live[:need]
		var lists [][]*replica.Partition
		for _, n := range contacted {
			var st replica.ReadStats
			var list []*replica.Partition
			err := c.store.ScanTokens(n, t, lo, hi, &st, func(p *replica.Partition) (bool, error) {
				list = append(list, p)
				return true, nil
			})
			if err != nil {
				return err
			}
			tr.Touch(n)
			tr.Hop(n)
			tr.KeysRead += st.Keys
			tr.Cost(st.Seeks*trace.PartitionMicros + st.Keys*trace.KeyMicros)
			lists = append(lists, list)
		}
		for _, p := range mergeLists(lists) {
			tr.PartitionsScanned++
			tr.RowsScanned += len(p.Rows)
			tr.Cost(trace.PartitionMicros + len(p.Rows)*trace.RowMicros)
			if len(contacted) > 1 {
				var answers []*replica.Partition
				for _, l := range lists {
					answers = append(answers, find(l, p))
				}
				if err := c.repair(t, p, contacted, answers, tr); err != nil {
					return err
				}
			}
			more, err := fn(p)
			if err != nil || !more {
				return err
			}
		}
	}
	return nil
}

// mergeLists merges per-replica partition lists (each in token order) into
// one list of reconciled partitions.
func mergeLists(lists [][]*replica.Partition) []*replica.Partition {
	if len(lists) == 1 {
		return lists[0]
	}
	byKey := map[string]*replica.Partition{}
	var order []*replica.Partition
	for _, l := range lists {
		for _, p := range l {
			k := string(p.Key)
			if m, ok := byKey[k]; ok {
				m.Merge(p)
				continue
			}
			m := p.Clone()
			byKey[k] = m
			order = append(order, m)
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].Token != order[j].Token {
			return order[i].Token < order[j].Token
		}
		return bytes.Compare(order[i].Key, order[j].Key) < 0
	})
	return order
}

func find(l []*replica.Partition, p *replica.Partition) *replica.Partition {
	for _, q := range l {
		if bytes.Equal(q.Key, p.Key) {
			return q
		}
	}
	return replica.NewPartition(p.Key, p.Token)
}

// Rebalance moves the data of table t so that each node holds exactly the
// partitions the current ring and replication factor give it, as
// bootstrap, decommission and repair would on a real cluster.
func (c *Cluster) Rebalance(t *schema.Table, rf int) error {
	all := map[string]*replica.Partition{}
	var order []string
	for n := 1; n <= MaxNodes; n++ {
		var st replica.ReadStats
		err := c.store.ScanTokens(n, t, math.MinInt64, math.MaxInt64, &st, func(p *replica.Partition) (bool, error) {
			k := string(p.Key)
			if m, ok := all[k]; ok {
				m.Merge(p)
			} else {
				all[k] = p
				order = append(order, k)
			}
			return true, nil
		})
		if err != nil {
			return err
		}
	}
	if err := c.store.DropTable(t.ID); err != nil {
		return err
	}
	for _, k := range order {
		p := all[k]
		for _, n := range c.ring.Replicas(p.Token, rf) {
			if _, err := c.store.Apply(n, t, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// Resize replaces the ring with one of n nodes. Nodes beyond n are gone
// (with their hints); the caller moves the data (Rebalance).
func (c *Cluster) Resize(n int) {
	c.ring = NewRing(n, DefaultVnodes)
	for node := range c.down {
		if node > n {
			delete(c.down, node)
		}
	}
	for node := range c.hints {
		if node > n {
			delete(c.hints, node)
		}
	}
}

// ClearHints forgets every pending hint.
func (c *Cluster) ClearHints() { c.hints = map[int][]hint{} }
