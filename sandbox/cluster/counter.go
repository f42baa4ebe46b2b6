package cluster

import (
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/trace"
)

// Counter updates.
//
// A real Cassandra cluster does not write a counter update as a value: the
// coordinator sends the increment to one live replica, the leader, which
// reads its local copy of the counter, adds the increment to its own
// shard of the counter context (one shard per node, each with a logical
// clock) and sends the resulting context to every replica. Reads merge the
// shards, so no increment is ever lost.
//
// The simulation keeps Cassandra's routing but not its shards. Its cells
// are last-write-wins values, so the leader (the first live replica of
// the partition, in the order reads use) reads its local value, adds the
// increment and writes the sum, with a new timestamp, to every live
// replica at the statement's consistency level, through the ordinary
// write path (Unavailable, hints). Two consequences a real cluster does
// not have:
//
//   - Concurrent updates led by different replicas would overwrite each
//     other's sums. The sandbox runs one statement at a time, so this
//     cannot happen here.
//   - A replica that missed updates (it was down and hinted handoff was
//     off) and then leads an update writes its stale value plus the
//     increment, losing the increments it missed. A real cluster keeps
//     every node's shard and loses nothing.

// CounterLeaderRead chooses the leader of a counter update of one
// partition of t and returns the leader's local copy of the rows opts
// selects. The update needs a live leader and, like any write, enough
// live replicas for cl; otherwise it fails with Unavailable before
// anything is read.
func (c *Cluster) CounterLeaderRead(t *schema.Table, rf int, key []byte, token int64, opts replica.ReadOptions, cl Consistency, tr *trace.Trace) (*replica.Partition, error) {
	replicas := c.ring.Replicas(token, rf)
	live := c.live(replicas)
	need := cl.BlockFor(rf)
	if len(live) < need || len(live) == 0 {
		tr.Eventf(tr.Coordinator, "Unavailable: %d of %d replicas alive, %s needs %d", len(live), len(replicas), cl, need)
		return nil, unavailable(cl, need, len(live))
	}
	leader := live[0]
	tr.Event(tr.Coordinator, "Counter update: forwarding to leader node%d (first live replica of %s)", trace.Int(leader), trace.Nodes(replicas))
	opts.Now = c.Now()
	var st replica.ReadStats
	p, _, err := c.store.ReadPartition(leader, t, key, token, opts, &st)
	if err != nil {
		return nil, err
	}
	tr.Touch(leader)
	tr.Hop(leader)
	tr.KeysRead += st.Keys
	tr.Cost(st.Seeks*trace.PartitionMicros + len(p.Rows)*trace.RowMicros + st.Keys*trace.KeyMicros)
	tr.Event(leader, "Counter leader read its local values: %d rows (%d storage keys) from %s", trace.Int(len(p.Rows)), trace.Int(st.Keys), trace.String(t.Name))
	if !tr.Quiet {
		tr.AddPartition(trace.Partition{Table: t.QualifiedName(), Key: KeyString(t, key), Token: token,
			Replicas: replicas, Contacted: []int{leader}, Rows: p.LiveRows(opts.Now)})
	}
	return p, nil
}
