// Package trace records what one statement cost the simulated cluster:
// which nodes and partitions it touched, how many rows and storage keys it
// read and wrote, Paxos round trips, batch-log writes, and a latency
// estimate from a simple, documented cost model.
package trace

import (
	"fmt"
	"sort"
	"strings"
)

// The latency model. It is deliberately simple so that learners can
// reason about it: every request from the coordinator to another node and
// back costs one network round trip, each partition read or written costs
// a seek, and each row and storage key adds a little.
const (
	// RoundTripMicros is one coordinator-to-replica round trip (a
	// request to the coordinator's own replica costs LocalMicros).
	RoundTripMicros = 500
	// LocalMicros is a request the coordinator serves from its own data.
	LocalMicros = 20
	// PartitionMicros is the cost of locating one partition on a replica.
	PartitionMicros = 100
	// RowMicros is the cost of reading or writing one row.
	RowMicros = 5
	// KeyMicros is the cost of one storage key read or written.
	KeyMicros = 1
)

// Partition is one partition a statement touched.
type Partition struct {
	Table string
	// Key is the partition key as CQL values, e.g. 'alice' or (1, 'a').
	Key   string
	Token int64
	// Replicas are the nodes owning the partition, primary first.
	Replicas []int
	// Contacted are the replicas the coordinator asked.
	Contacted []int
	Write     bool
	// Rows is the number of rows read from (or written to) the partition.
	Rows int
}

// Event is one line of the activity log, as cqlsh's TRACING shows it.
type Event struct {
	Node int
	// Micros is the estimated time since the request started.
	Micros int
	format string
	// The arguments of format: args for an event added with Eventf,
	// typed for one added with Event.
	args  []any
	typed []Arg
}

// Activity returns the event's description. It is formatted on demand:
// most traces are never shown.
func (e Event) Activity() string {
	if e.typed == nil {
		return fmt.Sprintf(e.format, e.args...)
	}
	args := make([]any, len(e.typed))
	for i, a := range e.typed {
		args[i] = a.value()
	}
	return fmt.Sprintf(e.format, args...)
}

// Arg is an argument of an activity line added with Trace.Event. Unlike
// the arguments of Eventf, it costs no allocation: the line is formatted
// only if the trace is shown.
type Arg struct {
	kind  argKind
	n     int
	s     string
	nodes []int
}

type argKind uint8

const (
	argInt argKind = iota
	argString
	argNodes
)

// Int is an integer argument.
func Int(n int) Arg { return Arg{kind: argInt, n: n} }

// String is a string argument.
func String(s string) Arg { return Arg{kind: argString, s: s} }

// Nodes is a list of nodes, formatted with %s as [node1, node2]. The
// slice must not change afterwards.
func Nodes(nodes []int) Arg { return Arg{kind: argNodes, nodes: nodes} }

// value returns the argument as Eventf would have taken it.
func (a Arg) value() any {
	switch a.kind {
	case argString:
		return a.s
	case argNodes:
		return nodeList(a.nodes)
	}
	return a.n
}

// nodeList prints as [node1, node2].
type nodeList []int

func (ns nodeList) String() string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("node%d", n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Trace is the record of one statement.
type Trace struct {
	Statement   string
	Coordinator int
	Consistency string
	Partitions  []Partition
	// PartitionsScanned counts partitions read by token-range scans (they
	// are not listed one by one in Partitions).
	PartitionsScanned int
	// Nodes are every node that did work for the statement, sorted.
	Nodes []int
	// RowsScanned counts rows read on replicas; RowsReturned those sent to
	// the client.
	RowsScanned  int
	RowsReturned int
	// KeysRead and KeysWritten count Badger keys on every replica.
	KeysRead    int
	KeysWritten int
	// Keys holds decoded storage keys read or written, when the caller
	// asked for them (see Sandbox options).
	Keys []string
	// FullScan is set when the query read every partition of the table (a
	// scan with or without ALLOW FILTERING).
	FullScan bool
	// Filtering is set when rows were read and then filtered out.
	Filtering bool
	// PaxosRoundTrips counts the round trips of a lightweight
	// transaction (prepare, read, propose, commit).
	PaxosRoundTrips int
	// BatchlogWrites counts writes to the batch log (logged batches over
	// several partitions).
	BatchlogWrites int
	// ReadRepairs counts replicas repaired by the read.
	ReadRepairs int
	// HintsStored counts writes kept for a node that is down.
	HintsStored int
	// EstimateMicros is the latency estimate of the cost model.
	EstimateMicros int
	Events         []Event
	// Quiet traces keep only counts: no events, no partition list (bulk
	// loads reuse one quiet trace for every row).
	Quiet bool
	// touched has bit n set when node n is in Nodes.
	touched uint64
	// args holds the typed arguments of events, which take sub-slices.
	args []Arg
	// Room for what a single-partition statement records, so that a
	// trace is one allocation.
	nodesBuf      [4]int
	eventsBuf     [5]Event
	argsBuf       [8]Arg
	partitionsBuf [1]Partition
}

// New returns a trace for a statement run by a coordinator.
func New(stmt string, coordinator int, consistency string) *Trace {
	t := &Trace{Statement: stmt, Coordinator: coordinator, Consistency: consistency}
	t.Nodes, t.Events, t.args = t.nodesBuf[:0], t.eventsBuf[:0], t.argsBuf[:0]
	return t
}

// Touch records that a node did work.
func (t *Trace) Touch(node int) {
	if t == nil || node < 0 || node > 63 || t.touched&(1<<node) != 0 {
		return
	}
	t.touched |= 1 << node
	t.Nodes = append(t.Nodes, node)
	sort.Ints(t.Nodes)
}

// Eventf adds an activity line at the current estimate.
func (t *Trace) Eventf(node int, format string, args ...any) {
	if t == nil || t.Quiet {
		return
	}
	t.Events = append(t.Events, Event{Node: node, Micros: t.EstimateMicros, format: format, args: args})
}

// Event adds an activity line at the current estimate, as Eventf does,
// with typed arguments.
func (t *Trace) Event(node int, format string, args ...Arg) {
	if t == nil || t.Quiet {
		return
	}
	n := len(t.args)
	t.args = append(t.args, args...)
	t.Events = append(t.Events, Event{Node: node, Micros: t.EstimateMicros, format: format, typed: t.args[n:len(t.args):len(t.args)]})
}

// Cost adds to the latency estimate.
func (t *Trace) Cost(micros int) {
	if t != nil {
		t.EstimateMicros += micros
	}
}

// Hop adds the cost of asking node from the coordinator.
func (t *Trace) Hop(node int) {
	if t == nil {
		return
	}
	if node == t.Coordinator {
		t.Cost(LocalMicros)
	} else {
		t.Cost(RoundTripMicros)
	}
}

// AddPartition records a touched partition.
func (t *Trace) AddPartition(p Partition) {
	if t != nil && !t.Quiet {
		if t.Partitions == nil {
			t.Partitions = t.partitionsBuf[:0]
		}
		t.Partitions = append(t.Partitions, p)
	}
}

// PartitionsRead returns the number of partitions read, by key or by
// scan.
func (t *Trace) PartitionsRead() int {
	n := t.PartitionsScanned
	for _, p := range t.Partitions {
		if !p.Write {
			n++
		}
	}
	return n
}

// PartitionsWritten returns the number of partitions written.
func (t *Trace) PartitionsWritten() int {
	n := 0
	for _, p := range t.Partitions {
		if p.Write {
			n++
		}
	}
	return n
}

// Summary returns a short one-line description, e.g. "1 partition, 1 of
// 4 nodes, 3 rows scanned, 3 returned".
func (t *Trace) Summary() string {
	var b strings.Builder
	np := t.PartitionsRead() + t.PartitionsWritten()
	fmt.Fprintf(&b, "%d partition%s, %d node%s", np, plural(np), len(t.Nodes), plural(len(t.Nodes)))
	if t.RowsScanned > 0 || t.RowsReturned > 0 {
		fmt.Fprintf(&b, ", %d row%s scanned, %d returned", t.RowsScanned, plural(t.RowsScanned), t.RowsReturned)
	}
	if t.PaxosRoundTrips > 0 {
		fmt.Fprintf(&b, ", %d Paxos round trips", t.PaxosRoundTrips)
	}
	if t.FullScan {
		b.WriteString(", full scan")
	}
	fmt.Fprintf(&b, ", ~%.1f ms", float64(t.EstimateMicros)/1000)
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
