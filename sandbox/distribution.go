package sandbox

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// Cassandra's guidance on partition size (the data modelling docs, seed
// 004) and the collection element limit (seed 003).
const (
	maxPartitionValues = 100_000
	maxPartitionBytes  = 100 << 20
	collectionLimit    = 65_535
	collectionWarnAt   = 50_000
	skewWarnAt         = 1.5
)

// NodeLoad is one node's share of a table.
type NodeLoad struct {
	Node int
	Down bool
	// PrimaryRows counts rows of partitions the node owns as primary
	// replica; ReplicaRows and ReplicaBytes what it stores as any replica.
	PrimaryRows  int
	ReplicaRows  int
	ReplicaBytes int64
	Partitions   int
}

// PartitionLoad is the size of one partition.
type PartitionLoad struct {
	Key    string
	Token  int64
	Owner  int
	Rows   int
	Values int
	Bytes  int64
}

// Warning is something a learner should notice about a table's data.
// Kind identifies it for translation; Text is the English message.
type Warning struct {
	Kind string
	Text string
	// Args are the values in the message, for translations.
	Args []any
}

// Distribution describes how a table's data spreads over the cluster.
type Distribution struct {
	Table      string
	Nodes      []NodeLoad
	RF         int
	Partitions int
	Rows       int
	// Largest are the biggest partitions, most rows first (at most 5).
	Largest []PartitionLoad
	// Skew is the largest node's primary rows over the mean (1 is even).
	Skew     float64
	Warnings []Warning
}

// Distribution computes the distribution of a table (ks may be empty for
// the session's keyspace). It reads every replica of every partition, so
// on a large table it takes a while: cancelling ctx stops it.
func (s *Sandbox) Distribution(ctx context.Context, ks, table string) (*Distribution, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.distribution(ctx, ks, table)
}

// NoTableError is the error of a sandbox command (SHOW DISTRIBUTION,
// LOAD DATASET into a table) or of Distribution given a table, or a
// keyspace, that does not exist.
type NoTableError struct {
	// Table is the table's qualified name (keyspace.table).
	Table string
	// NoKeyspace is set when the keyspace itself does not exist.
	NoKeyspace bool
}

func (e *NoTableError) Error() string {
	if e.NoKeyspace {
		ks, _, _ := strings.Cut(e.Table, ".")
		return fmt.Sprintf("keyspace %s does not exist", ks)
	}
	return fmt.Sprintf("table %s does not exist", e.Table)
}

func (s *Sandbox) distribution(ctx context.Context, ks, table string) (*Distribution, error) {
	if ks == "" {
		ks = s.session.Keyspace
	}
	k := s.catalog.Keyspace(ks)
	if k == nil {
		return nil, &NoTableError{Table: ks + "." + table, NoKeyspace: true}
	}
	t := k.Tables[table]
	if t == nil {
		return nil, &NoTableError{Table: ks + "." + table}
	}
	d := &Distribution{Table: t.QualifiedName(), RF: k.ReplicationFactor()}
	ring := s.cluster.Ring()
	now := s.clock().Unix()
	parts := map[string]*PartitionLoad{}
	maxColl := 0
	for n := 1; n <= ring.Nodes(); n++ {
		nl := NodeLoad{Node: n, Down: s.cluster.IsDown(n)}
		var st replica.ReadStats
		seen := 0
		err := s.store.ScanTokens(n, t, math.MinInt64, math.MaxInt64, &st, func(p *replica.Partition) (bool, error) {
			if seen++; seen%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return false, err
				}
			}
			static, rows := p.LiveView(now)
			nrows := len(rows)
			if nrows == 0 && static != nil {
				nrows = 1
			}
			values, bytes, coll := partitionSize(static, rows)
			maxColl = max(maxColl, coll)
			nl.ReplicaRows += nrows
			nl.ReplicaBytes += bytes
			nl.Partitions++
			owner := ring.Owner(p.Token)
			if pl, ok := parts[string(p.Key)]; ok {
				if n == owner {
					pl.Rows, pl.Values, pl.Bytes = nrows, values, bytes
				}
				return true, nil
			}
			parts[string(p.Key)] = &PartitionLoad{Key: cluster.KeyString(t, p.Key), Token: p.Token, Owner: owner,
				Rows: nrows, Values: values, Bytes: bytes}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
		d.Nodes = append(d.Nodes, nl)
	}
	for _, pl := range parts {
		if pl.Rows == 0 {
			continue
		}
		d.Partitions++
		d.Rows += pl.Rows
		d.Nodes[pl.Owner-1].PrimaryRows += pl.Rows
		d.Largest = append(d.Largest, *pl)
	}
	sort.Slice(d.Largest, func(i, j int) bool {
		a, b := d.Largest[i], d.Largest[j]
		if a.Rows != b.Rows {
			return a.Rows > b.Rows
		}
		return a.Token < b.Token
	})
	if len(d.Largest) > 5 {
		d.Largest = d.Largest[:5]
	}
	if d.Rows > 0 {
		most := 0
		for _, nl := range d.Nodes {
			most = max(most, nl.PrimaryRows)
		}
		d.Skew = float64(most) / (float64(d.Rows) / float64(len(d.Nodes)))
	}
	d.Warnings = distributionWarnings(d, maxColl)
	return d, nil
}

// partitionSize counts a partition's values (cells, as Cassandra's
// guidance counts them), its bytes, and its largest collection.
func partitionSize(static *replica.Row, rows []replica.Row) (values int, bytes int64, maxColl int) {
	add := func(r *replica.Row) {
		if r == nil {
			return
		}
		bytes += int64(len(r.Clustering))
		for _, c := range r.Columns {
			if c.Cell != nil {
				values++
				bytes += int64(len(c.Name) + len(c.Cell.Value) + 9)
			}
			values += len(c.Elems)
			maxColl = max(maxColl, len(c.Elems))
			for _, e := range c.Elems {
				bytes += int64(len(c.Name) + len(e.Path) + len(e.Cell.Value) + 9)
			}
		}
	}
	add(static)
	for i := range rows {
		add(&rows[i])
	}
	return values, bytes, maxColl
}

func distributionWarnings(d *Distribution, maxColl int) []Warning {
	var ws []Warning
	for _, p := range d.Largest {
		if p.Values > maxPartitionValues {
			ws = append(ws, Warning{Kind: "partition_values", Args: []any{p.Key, p.Values},
				Text: fmt.Sprintf("Partition %s holds %d values: Cassandra's guidance is under 100,000 values per partition.", p.Key, p.Values)})
		}
		if p.Bytes > maxPartitionBytes {
			ws = append(ws, Warning{Kind: "partition_bytes", Args: []any{p.Key, p.Bytes >> 20},
				Text: fmt.Sprintf("Partition %s holds %d MB: Cassandra's guidance is under 100 MB per partition.", p.Key, p.Bytes>>20)})
		}
	}
	if d.Rows >= 100 && d.Skew >= skewWarnAt {
		hot := 0
		for _, nl := range d.Nodes {
			if nl.PrimaryRows > d.Nodes[hot].PrimaryRows {
				hot = nl.Node - 1
			}
		}
		ws = append(ws, Warning{Kind: "skew", Args: []any{hot + 1, d.Skew},
			Text: fmt.Sprintf("Skewed: node%d owns %.1fx the mean number of rows. Its partition keys are hot.", hot+1, d.Skew)})
	}
	if d.Rows >= 100 && d.Partitions < 4*len(d.Nodes) {
		ws = append(ws, Warning{Kind: "low_cardinality", Args: []any{d.Partitions, len(d.Nodes)},
			Text: fmt.Sprintf("Low cardinality: only %d partitions for %d nodes. Rows cannot spread evenly; choose a partition key with more distinct values.", d.Partitions, len(d.Nodes))})
	}
	if maxColl >= collectionWarnAt {
		ws = append(ws, Warning{Kind: "collection_size", Args: []any{maxColl, collectionLimit},
			Text: fmt.Sprintf("A collection holds %d elements, near the limit of %d (and it is read whole).", maxColl, collectionLimit)})
	}
	return ws
}

// Ring returns the simulated cluster's ring.
func (s *Sandbox) Ring() *cluster.Ring {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cluster.Ring()
}

// schemaTable resolves a table for a sandbox command.
func (s *Sandbox) schemaTable(name string) (*schema.Table, error) {
	ks, tn := s.session.Keyspace, name
	for i := 0; i < len(name); i++ {
		if name[i] == '.' {
			ks, tn = name[:i], name[i+1:]
		}
	}
	t := s.catalog.Table(ks, tn)
	if t == nil {
		return nil, &NoTableError{Table: ks + "." + tn, NoKeyspace: s.catalog.Keyspace(ks) == nil}
	}
	return t, nil
}
