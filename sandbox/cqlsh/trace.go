package cqlsh

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/trace"
)

// PrintTrace prints a statement's trace after its result, in the shape of
// cqlsh's TRACING output (an activity table per event, with the node that
// did the work and the estimated elapsed microseconds), followed by the
// sandbox's own summary of what the statement touched.
func PrintTrace(w io.Writer, t *trace.Trace) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Tracing session: %s\n", t.Statement)
	fmt.Fprintln(w)
	rows := [][]string{{"Execute CQL3 query", fmt.Sprintf("node%d", t.Coordinator), "0"}}
	for _, e := range t.Events {
		rows = append(rows, []string{fmt.Sprintf("%s [node%d]", e.Activity(), e.Node), fmt.Sprintf("node%d", e.Node), strconv.Itoa(e.Micros)})
	}
	rows = append(rows, []string{"Request complete", fmt.Sprintf("node%d", t.Coordinator), strconv.Itoa(t.EstimateMicros)})
	for _, l := range Table([]string{"activity", "source", "source_elapsed"}, rows) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
	for _, l := range TraceSummary(t) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
}

// TraceSummary describes what a statement touched, one fact per line.
func TraceSummary(t *trace.Trace) []string {
	nodes := make([]string, len(t.Nodes))
	for i, n := range t.Nodes {
		nodes[i] = fmt.Sprintf("node%d", n)
	}
	lines := []string{
		fmt.Sprintf("Coordinator: node%d  Consistency: %s", t.Coordinator, t.Consistency),
		fmt.Sprintf("Nodes contacted: %d (%s)", len(t.Nodes), strings.Join(nodes, ", ")),
		fmt.Sprintf("Partitions: %d read, %d written", t.PartitionsRead(), t.PartitionsWritten()),
	}
	for _, p := range t.Partitions {
		verb := "read"
		if p.Write {
			verb = "write"
		}
		lines = append(lines, fmt.Sprintf("  %s %s token %d: replicas %s, contacted %s", verb, p.Key, p.Token, nodeNames(p.Replicas), nodeNames(p.Contacted)))
	}
	lines = append(lines,
		fmt.Sprintf("Rows: %d scanned, %d returned", t.RowsScanned, t.RowsReturned),
		fmt.Sprintf("Storage keys: %d read, %d written", t.KeysRead, t.KeysWritten))
	if t.FullScan {
		lines = append(lines, "Full scan: every token range of the table was read")
	}
	if t.PaxosRoundTrips > 0 {
		lines = append(lines, fmt.Sprintf("Paxos round trips: %d", t.PaxosRoundTrips))
	}
	if t.BatchlogWrites > 0 {
		lines = append(lines, fmt.Sprintf("Batch log writes: %d", t.BatchlogWrites))
	}
	if t.HintsStored > 0 {
		lines = append(lines, fmt.Sprintf("Hints stored: %d", t.HintsStored))
	}
	if t.ReadRepairs > 0 {
		lines = append(lines, fmt.Sprintf("Read repairs: %d", t.ReadRepairs))
	}
	lines = append(lines, fmt.Sprintf("Estimated latency: %.2f ms", float64(t.EstimateMicros)/1000))
	if len(t.Keys) > 0 {
		lines = append(lines, fmt.Sprintf("Storage keys (%d):", len(t.Keys)))
		for _, k := range t.Keys {
			lines = append(lines, "  "+k)
		}
	}
	return lines
}

func nodeNames(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("node%d", n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// TraceJSON returns the trace as a JSON-ready value for --format json.
func TraceJSON(t *trace.Trace) map[string]any {
	parts := make([]map[string]any, len(t.Partitions))
	for i, p := range t.Partitions {
		parts[i] = map[string]any{"table": p.Table, "key": p.Key, "token": p.Token,
			"replicas": p.Replicas, "contacted": p.Contacted, "write": p.Write, "rows": p.Rows}
	}
	events := make([]map[string]any, len(t.Events))
	for i, e := range t.Events {
		events[i] = map[string]any{"node": e.Node, "activity": e.Activity(), "elapsed_us": e.Micros}
	}
	return map[string]any{
		"coordinator": t.Coordinator, "consistency": t.Consistency, "nodes": t.Nodes,
		"partitions": parts, "partitions_read": t.PartitionsRead(), "partitions_written": t.PartitionsWritten(),
		"rows_scanned": t.RowsScanned, "rows_returned": t.RowsReturned,
		"keys_read": t.KeysRead, "keys_written": t.KeysWritten, "keys": t.Keys,
		"full_scan": t.FullScan, "filtering": t.Filtering, "paxos_round_trips": t.PaxosRoundTrips,
		"batchlog_writes": t.BatchlogWrites, "read_repairs": t.ReadRepairs, "hints_stored": t.HintsStored,
		"estimated_latency_us": t.EstimateMicros, "events": events,
	}
}
