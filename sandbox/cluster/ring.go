// Package cluster simulates a Cassandra cluster inside the sandbox: a
// token ring of nodes with virtual nodes, replica placement by
// SimpleStrategy, consistency levels, nodes going down and coming back,
// hinted handoff, read repair and Paxos for lightweight transactions.
//
// Every node keeps its own replica of the data it owns (its own key
// namespace in the store), so replicas really diverge when a node misses
// writes.
package cluster

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"
)

// DefaultNodes is the number of nodes of a new sandbox's cluster.
const DefaultNodes = 4

// DefaultVnodes is the number of tokens per node (num_tokens), as in
// Cassandra 4.0 and later.
const DefaultVnodes = 16

// MaxNodes bounds the simulated cluster.
const MaxNodes = 16

// vnode is one token of the ring and the node that owns it.
type vnode struct {
	token int64
	node  int
}

// Ring is the token ring: every node owns the ranges that end at its
// tokens. Nodes are numbered from 1.
type Ring struct {
	nodes  int
	vnodes []vnode
}

// NewRing returns a ring of n nodes with per tokens each, evenly spaced
// over the Murmur3 token range and dealt round robin, so that every node
// owns the same share, as Cassandra's token allocation aims to.
func NewRing(n, per int) *Ring {
	total := n * per
	r := &Ring{nodes: n, vnodes: make([]vnode, total)}
	span := new(big.Int).Lsh(big.NewInt(1), 64)
	for i := 0; i < total; i++ {
		// token_i = MinInt64 + (i+1) * 2^64 / total, computed exactly.
		off := new(big.Int).Mul(span, big.NewInt(int64(i+1)))
		off.Div(off, big.NewInt(int64(total)))
		off.Add(off, big.NewInt(math.MinInt64))
		if off.Cmp(big.NewInt(math.MaxInt64)) > 0 {
			off.SetInt64(math.MaxInt64)
		}
		r.vnodes[i] = vnode{token: off.Int64(), node: i%n + 1}
	}
	return r
}

// Nodes returns the number of nodes.
func (r *Ring) Nodes() int { return r.nodes }

// Tokens returns node's tokens, sorted.
func (r *Ring) Tokens(node int) []int64 {
	var ts []int64
	for _, v := range r.vnodes {
		if v.node == node {
			ts = append(ts, v.token)
		}
	}
	return ts
}

// index returns the position of the first vnode whose token is >= t,
// wrapping to 0: the vnode owning t.
func (r *Ring) index(t int64) int {
	i := sort.Search(len(r.vnodes), func(i int) bool { return r.vnodes[i].token >= t })
	if i == len(r.vnodes) {
		return 0
	}
	return i
}

// Owner returns the primary owner of token t.
func (r *Ring) Owner(t int64) int { return r.vnodes[r.index(t)].node }

// Replicas returns the nodes holding token t with replication factor rf,
// primary first, by SimpleStrategy: walk the ring clockwise from the
// owning token and take each node not yet taken.
func (r *Ring) Replicas(t int64, rf int) []int {
	return r.replicasFrom(r.index(t), rf)
}

func (r *Ring) replicasFrom(i, rf int) []int {
	rf = min(rf, r.nodes)
	out := make([]int, 0, rf)
	for j := 0; len(out) < rf && j < len(r.vnodes); j++ {
		n := r.vnodes[(i+j)%len(r.vnodes)].node
		if !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func contains(ns []int, n int) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

// Range is a token range, Start exclusive and End inclusive as in
// Cassandra, except the first range which starts at the minimum token.
type Range struct {
	Start, End int64
	// First is set for the range that starts at the minimum token (its
	// Start is then inclusive).
	First bool
	// Owner is the primary owner; Replicas the nodes for rf.
	Owner    int
	Replicas []int
}

// Ranges returns the ring's ranges in token order, each with its
// replicas for rf. The last vnode's range wraps around: it is returned as
// two ranges, the first and the last.
func (r *Ring) Ranges(rf int) []Range {
	var out []Range
	first := r.vnodes[0]
	out = append(out, Range{Start: math.MinInt64, End: first.token, First: true, Owner: first.node, Replicas: r.replicasFrom(0, rf)})
	for i := 1; i < len(r.vnodes); i++ {
		v := r.vnodes[i]
		out = append(out, Range{Start: r.vnodes[i-1].token, End: v.token, Owner: v.node, Replicas: r.replicasFrom(i, rf)})
	}
	if last := r.vnodes[len(r.vnodes)-1].token; last < math.MaxInt64 {
		out = append(out, Range{Start: last, End: math.MaxInt64, Owner: first.node, Replicas: r.replicasFrom(0, rf)})
	}
	return out
}

// Ownership returns the share of the token range each node owns as
// primary (index 0 is node 1).
func (r *Ring) Ownership() []float64 {
	own := make([]float64, r.nodes)
	for _, rg := range r.Ranges(1) {
		w := new(big.Float).Sub(new(big.Float).SetInt64(rg.End), new(big.Float).SetInt64(rg.Start))
		f, _ := w.Float64()
		own[rg.Owner-1] += f / math.Pow(2, 64)
	}
	return own
}

// String describes the ring, one line per node.
func (r *Ring) String() string {
	var b strings.Builder
	own := r.Ownership()
	for n := 1; n <= r.nodes; n++ {
		fmt.Fprintf(&b, "node%d  %d tokens  owns %.1f%%\n", n, len(r.Tokens(n)), own[n-1]*100)
	}
	return b.String()
}
