package sandbox

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/value"
)

// The sandbox's own commands, written like cqlsh's commands (one line, no
// semicolon needed) and named so that none can be mistaken for CQL:
//
//	NODES                      show the cluster (like nodetool status)
//	NODES n                    resize the cluster to n nodes
//	NODE n DOWN | NODE n UP    stop or restart a node
//	HINTED HANDOFF [ON|OFF]    keep writes for down nodes and replay them
//	READ REPAIR [ON|OFF]       repair stale replicas while reading
//	TRACE KEYS [ON|OFF]        list the storage keys in each trace
//	SHOW RING                  the token ring
//	SHOW DISTRIBUTION table    how a table's rows spread over the nodes
//	SHOW KEYS table [WHERE partition key = ...] [LIMIT n]
//	                           the real Badger keys of a partition
//	LOAD DATASET name [ROWS n] [INTO table]
//	                           load a generated dataset (into its own
//	                           table, or one with the same column names)
//	DATASETS                   list the datasets
var commandWords = []string{"NODES", "NODE", "HINTED", "READ", "TRACE", "LOAD", "DATASETS"}

func init() {
	for _, w := range commandWords {
		cql.ShellCommands[w] = true
	}
}

// firstWord returns the first word of s, without allocating.
func firstWord(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' && s[j] != ';' {
		j++
	}
	return s[i:j]
}

// mayBeCommand reports cheaply whether src could be a sandbox or shell
// command, so that ordinary CQL skips the closer look.
func mayBeCommand(src string) bool {
	w := firstWord(src)
	if strings.EqualFold(w, "SHOW") || strings.EqualFold(w, "PAGING") {
		return true
	}
	for _, c := range commandWords {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

// isCommand reports whether src is a sandbox command.
func isCommand(src string) bool {
	f := strings.Fields(src)
	if len(f) == 0 {
		return false
	}
	w := strings.ToUpper(f[0])
	if w == "SHOW" {
		return len(f) > 1 && map[string]bool{"RING": true, "DISTRIBUTION": true, "KEYS": true}[strings.ToUpper(f[1])]
	}
	for _, c := range commandWords {
		if w == c {
			return true
		}
	}
	return false
}

// command runs a sandbox command.
func (s *Sandbox) command(ctx context.Context, src string) (*Result, error) {
	res, err := s.runCommand(ctx, src)
	if err == nil {
		err = s.saveCluster()
	}
	return res, err
}

func (s *Sandbox) runCommand(ctx context.Context, src string) (*Result, error) {
	text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(src), ";"))
	f := strings.Fields(text)
	up := make([]string, len(f))
	for i, w := range f {
		up[i] = strings.ToUpper(w)
	}
	switch {
	case up[0] == "NODES" && len(f) == 1:
		return s.status(), nil
	case up[0] == "NODES" && len(f) == 2:
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 || n > cluster.MaxNodes {
			return nil, cqlerr.ShellNote("err.nodes.count", "NODES takes a number of nodes from 1 to %d.", cluster.MaxNodes)
		}
		if err := s.resize(n); err != nil {
			return nil, err
		}
		res := noted(fmt.Sprintf("The cluster now has %d nodes; data moved to its new replicas.", n), "nodes.resized", n)
		res.Note.Rest = s.status().Note.Rest
		res.Message += "\n" + res.Note.Rest
		return res, nil
	case up[0] == "NODE" && len(f) == 3 && (up[2] == "DOWN" || up[2] == "UP"):
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, cqlerr.ShellNote("err.node.usage", "Improper NODE command: NODE <n> DOWN or NODE <n> UP.")
		}
		if nodes := s.cluster.Ring().Nodes(); n < 1 || n > nodes {
			return nil, cqlerr.ShellNote("err.node.none", "no node %d: the cluster has nodes 1 to %d", n, nodes)
		}
		replayed, err := s.cluster.SetDown(n, up[2] == "DOWN")
		if err != nil {
			return nil, cqlerr.Shellf("%s", err.Error())
		}
		switch {
		case up[2] == "DOWN":
			return noted(fmt.Sprintf("node%d is down.", n), "node.down", n), nil
		case replayed > 0:
			return noted(fmt.Sprintf("node%d is up. %d hints replayed to it.", n, replayed), "node.up.replayed", n, replayed), nil
		case !s.cluster.HintedHandoff:
			return noted(fmt.Sprintf("node%d is up. It missed every write made while it was down (hinted handoff is off).", n), "node.up.missed", n), nil
		}
		return noted(fmt.Sprintf("node%d is up.", n), "node.up", n), nil
	case up[0] == "HINTED" && len(f) >= 2 && up[1] == "HANDOFF" && len(f) <= 3:
		return s.switchResult("HINTED HANDOFF", f[2:], &s.cluster.HintedHandoff)
	case up[0] == "READ" && len(f) >= 2 && up[1] == "REPAIR" && len(f) <= 3:
		return s.switchResult("READ REPAIR", f[2:], &s.cluster.ReadRepair)
	case up[0] == "TRACE" && len(f) >= 2 && up[1] == "KEYS" && len(f) <= 3:
		return s.switchResult("TRACE KEYS", f[2:], &s.session.TraceKeys)
	case up[0] == "SHOW" && up[1] == "RING" && len(f) == 2:
		return &Result{Message: strings.TrimRight(s.cluster.Ring().String(), "\n")}, nil
	case up[0] == "SHOW" && up[1] == "DISTRIBUTION" && len(f) == 3:
		t, err := s.schemaTable(f[2])
		if err != nil {
			return nil, cqlerr.Invalidf("%s", err.Error())
		}
		d, err := s.distribution(ctx, t.Keyspace, t.Name)
		if err != nil {
			return nil, err
		}
		return distributionResult(d), nil
	case up[0] == "SHOW" && up[1] == "KEYS" && len(f) >= 3:
		return s.showKeys(ctx, strings.Join(f[2:], " "))
	case up[0] == "DATASETS" && len(f) == 1:
		return &Result{Message: DatasetList(false), Note: &Note{ID: DatasetsNote}}, nil
	case up[0] == "LOAD" && len(f) >= 3 && up[1] == "DATASET":
		rows, into := 0, ""
		usage := cqlerr.ShellNote("err.load.usage", "Improper LOAD command: LOAD DATASET <name> [ROWS <n>] [INTO <table>].")
		for i := 3; i < len(f); i += 2 {
			if i+1 >= len(f) {
				return nil, usage
			}
			switch up[i] {
			case "ROWS":
				n, err := strconv.Atoi(f[i+1])
				if err != nil || n < 1 {
					return nil, cqlerr.ShellNote("err.load.rows", "ROWS takes a positive number of rows.")
				}
				rows = n
			case "INTO":
				into = f[i+1]
			default:
				return nil, usage
			}
		}
		return s.loadDataset(ctx, f[2], rows, into)
	}
	return nil, cqlerr.ShellNote("err.command", "Improper %s command. Type HELP for the sandbox commands.", f[0])
}

func (s *Sandbox) switchResult(cmd string, args []string, state *bool) (*Result, error) {
	arg := ""
	if len(args) == 1 {
		arg = args[0]
	}
	return switchCommand(cmd, arg, state)
}

// status is the NODES table, in the spirit of nodetool status, after a
// sentence on the cluster (its note "nodes.status": the number of nodes,
// tokens per node, and "on" or "off" for hinted handoff and read repair;
// the table is the note's Rest).
func (s *Sandbox) status() *Result {
	ring := s.cluster.Ring()
	own := ring.Ownership()
	rows := make([][]string, ring.Nodes())
	for n := 1; n <= ring.Nodes(); n++ {
		state := "UP"
		if s.cluster.IsDown(n) {
			state = "DOWN"
		}
		hints := strconv.Itoa(s.cluster.PendingHints(n))
		rows[n-1] = []string{fmt.Sprintf("node%d", n), state, strconv.Itoa(len(ring.Tokens(n))), fmt.Sprintf("%.1f%%", own[n-1]*100), hints}
	}
	table := strings.Join(textTable([]string{"node", "state", "tokens", "owns", "hints"}, rows), "\n")
	hh, rr := onOff(s.cluster.HintedHandoff), onOff(s.cluster.ReadRepair)
	res := noted(fmt.Sprintf("Cluster of %d nodes (%d tokens each). Hinted handoff %s, read repair %s.\n\n%s",
		ring.Nodes(), cluster.DefaultVnodes, hh, rr, table), "nodes.status", ring.Nodes(), cluster.DefaultVnodes, hh, rr)
	res.Note.Rest = "\n" + table
	return res
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// resize changes the number of nodes and moves every table's data to its
// new replicas.
func (s *Sandbox) resize(n int) error {
	s.cluster.Resize(n)
	for _, kn := range s.catalog.KeyspaceNames() {
		if err := s.rebalance(s.catalog.Keyspace(kn)); err != nil {
			return err
		}
	}
	return nil
}

// textTable renders a cqlsh-style table (header, separator, rows), its
// values right-aligned as cqlsh aligns them.
func textTable(names []string, rows [][]string) []string {
	return alignedTable(names, rows, false)
}

// alignedTable renders a table as textTable does, with the values of the
// last column left-aligned when proseLast is set (a sentence reads from
// its start).
func alignedTable(names []string, rows [][]string, proseLast bool) []string {
	widths := make([]int, len(names))
	for i, n := range names {
		widths[i] = ansi.StringWidth(n)
	}
	for _, r := range rows {
		for i, v := range r {
			widths[i] = max(widths[i], ansi.StringWidth(v))
		}
	}
	pad := func(s string, w int, right bool) string {
		fill := strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
		if right {
			return fill + s
		}
		return s + fill
	}
	var out []string
	h := make([]string, len(names))
	seps := make([]string, len(names))
	for i, n := range names {
		h[i], seps[i] = pad(n, widths[i], false), strings.Repeat("-", widths[i])
	}
	out = append(out, strings.TrimRight(" "+strings.Join(h, " | "), " "), "-"+strings.Join(seps, "-+-")+"-")
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = pad(v, widths[i], !(proseLast && i == len(r)-1))
		}
		out = append(out, strings.TrimRight(" "+strings.Join(cells, " | "), " "))
	}
	return out
}

func distributionResult(d *Distribution) *Result {
	var b strings.Builder
	fmt.Fprintf(&b, "Table %s: %d rows in %d partitions, replication factor %d, %d nodes.\n\n", d.Table, d.Rows, d.Partitions, d.RF, len(d.Nodes))
	rows := make([][]string, len(d.Nodes))
	for i, nl := range d.Nodes {
		state := "UP"
		if nl.Down {
			state = "DOWN"
		}
		rows[i] = []string{fmt.Sprintf("node%d", nl.Node), state, strconv.Itoa(nl.PrimaryRows), strconv.Itoa(nl.ReplicaRows),
			strconv.FormatInt(nl.ReplicaBytes, 10), strconv.Itoa(nl.Partitions), bar(nl.PrimaryRows, d.Rows)}
	}
	b.WriteString(strings.Join(textTable([]string{"node", "state", "primary rows", "replica rows", "replica bytes", "partitions", "share"}, rows), "\n"))
	fmt.Fprintf(&b, "\n\nSkew (largest node / mean): %.2f\n", d.Skew)
	if len(d.Largest) > 0 {
		b.WriteString("\nLargest partitions:\n")
		lrows := make([][]string, len(d.Largest))
		for i, p := range d.Largest {
			lrows[i] = []string{p.Key, strconv.FormatInt(p.Token, 10), fmt.Sprintf("node%d", p.Owner), strconv.Itoa(p.Rows), strconv.Itoa(p.Values), strconv.FormatInt(p.Bytes, 10)}
		}
		b.WriteString(strings.Join(textTable([]string{"partition", "token", "owner", "rows", "values", "bytes"}, lrows), "\n"))
	}
	res := &Result{Message: strings.TrimRight(b.String(), "\n")}
	for _, w := range d.Warnings {
		res.Warnings = append(res.Warnings, w.Text)
	}
	return res
}

// bar draws a share as a row of blocks (20 wide).
func bar(part, total int) string {
	if total == 0 {
		return ""
	}
	n := part * 20 / total
	return strings.Repeat("#", n) + strings.Repeat(".", 20-n) + fmt.Sprintf(" %3d%%", part*100/total)
}

// showKeys lists the storage keys of the partitions a WHERE clause names
// (or of the first partitions of the table), on their primary replica.
func (s *Sandbox) showKeys(ctx context.Context, rest string) (*Result, error) {
	q := "SELECT * FROM " + strings.TrimSpace(rest)
	stmt, err := cql.Parse(q)
	if err != nil {
		return nil, cqlerr.ShellNote("err.keys.usage", "Improper SHOW KEYS command: SHOW KEYS <table> [WHERE <partition key> = ...] [LIMIT <n>].")
	}
	sel := stmt.(*cql.SelectStmt)
	pc := s.context()
	limit := 50
	if sel.Limit != nil {
		if l, ok := sel.Limit.(*cql.Literal); ok {
			if n, err := strconv.Atoi(l.Text); err == nil && n > 0 {
				limit = n
			}
		}
		sel.Limit = nil
	}
	p, err := pc.Select(sel)
	if err != nil {
		return nil, err
	}
	t := p.Table
	type target struct {
		key   []byte
		token int64
	}
	var targets []target
	if p.Keys != nil {
		for _, k := range p.Keys {
			targets = append(targets, target{k.Bytes, k.Token})
		}
	} else {
		tr, _ := s.newTrace(q)
		err := s.cluster.Scan(t, p.RF, -1<<63, 1<<63-1, cluster.One, tr, func(part *replica.Partition) (bool, error) {
			targets = append(targets, target{part.Key, part.Token})
			return len(targets) < 10, nil
		})
		if err != nil {
			return nil, err
		}
	}
	res := &Result{HasRows: true, Columns: []Column{{Name: "node", Type: value.TextType}, {Name: "key", Type: value.TextType},
		{Name: "bytes", Type: value.IntType}, {Name: "value", Type: value.TextType}}}
	for _, tg := range targets {
		node := s.cluster.Ring().Owner(tg.token)
		raws, err := s.store.PartitionKeys(node, t, tg.key, tg.token, limit-len(res.Rows))
		if err != nil {
			return nil, err
		}
		for _, rk := range raws {
			ki, err := s.store.DecodeKey(s.catalog, rk.Key)
			if err != nil {
				continue
			}
			path := ki.String()
			path = path[strings.Index(path, ":")+1:]
			res.Rows = append(res.Rows, []any{fmt.Sprintf("node%d", ki.Node), path, int32(len(rk.Key)), replica.DescribeValue(ki, rk.Value)})
		}
		if len(res.Rows) >= limit {
			break
		}
	}
	return res, nil
}
