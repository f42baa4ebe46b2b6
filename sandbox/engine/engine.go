// Package engine executes plans against the simulated cluster: it turns
// writes into updates of partitions, reads and reconciles partitions for
// SELECT, and runs lightweight transactions and batches.
package engine

import (
	"crypto/rand"
	"encoding/binary"
	"sync"
	"time"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/trace"
)

// Result is what a statement returns.
type Result struct {
	Columns  []plan.ResultColumn
	Rows     [][]any
	Warnings []string
	// LWT is set for the result of a lightweight transaction (cqlsh prints
	// it without a row count).
	LWT   bool
	Trace *trace.Trace
}

// Engine executes plans. It is not safe for concurrent use.
type Engine struct {
	Cluster *cluster.Cluster
	// Clock returns the current time.
	Clock func() time.Time

	mu     sync.Mutex
	lastTS int64
	// list element paths: appends count up from listBase, prepends down.
	lastAppend, lastPrepend uint64
	node                    [8]byte
}

// New returns an engine over a cluster.
func New(c *cluster.Cluster, clock func() time.Time) *Engine {
	e := &Engine{Cluster: c, Clock: clock}
	_, _ = rand.Read(e.node[:])
	return e
}

// Timestamp returns a new write timestamp in microseconds: the clock's,
// or one more than the last one given, whichever is greater, so that two
// writes in a row never share a timestamp (as the drivers' monotonic
// timestamp generators do).
func (e *Engine) Timestamp() int64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	ts := e.Clock().UnixMicro()
	if ts <= e.lastTS {
		ts = e.lastTS + 1
	}
	e.lastTS = ts
	return ts
}

// nowSeconds returns the clock in seconds, for TTLs and deletion times.
func (e *Engine) nowSeconds() int64 { return e.Clock().Unix() }

const listBase = 1 << 62

// listPaths returns n cell paths for list elements: appended elements
// after every existing one (prepend false), or prepended elements before
// every existing one, in the order given.
func (e *Engine) listPaths(n int, prepend bool) [][]byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := uint64(e.Clock().UnixMicro()) << 4
	out := make([][]byte, n)
	if !prepend {
		next := max(now, e.lastAppend+1)
		for i := range out {
			out[i] = e.path(listBase + next + uint64(i))
		}
		e.lastAppend = next + uint64(n) - 1
		return out
	}
	// Prepends count down from listBase: each statement takes a block
	// below the previous one and fills it in order.
	used := max(now, e.lastPrepend+1)
	start := listBase - used - uint64(n)
	for i := range out {
		out[i] = e.path(start + uint64(i) + 1)
	}
	e.lastPrepend = used + uint64(n)
	return out
}

func (e *Engine) path(v uint64) []byte {
	b := binary.BigEndian.AppendUint64(make([]byte, 0, 16), v)
	return append(b, e.node[:]...)
}
