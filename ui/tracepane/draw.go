package tracepane

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// maxPartitionsShown bounds the partitions listed (a multi-partition
// batch or IN query can touch hundreds).
const maxPartitionsShown = 8

// chipWidth is the width of a node's box, borders included.
const chipWidth = 10

// role is what a node did for a statement.
type role int

const (
	idle role = iota
	replica
	asked
	down
)

// drawer turns a trace into styled lines for a width.
type drawer struct {
	lang    lessons.Lang
	th      theme.Theme
	w       int
	tr      *trace.Trace
	cluster *sandbox.ClusterStatus
}

func (d drawer) t(id i18n.ID) string              { return i18n.T(d.lang, id) }
func (d drawer) f(id i18n.ID, args ...any) string { return i18n.F(d.lang, id, args...) }

// wrap wraps text to the pane and styles every line.
func (d drawer) wrap(style lipgloss.Style, indent int, text string) []string {
	var out []string
	lines := cells.Wrap(text, d.w-indent)
	if len(lines) > 1 {
		lines = cells.Wrap(text, d.w-indent-2) // room for the hanging indent
	}
	for i, l := range lines {
		pad := cells.Spaces(indent)
		if i > 0 {
			pad = cells.Spaces(indent + 2)
		}
		out = append(out, pad+style.Render(l))
	}
	return out
}

// lines draws the trace, with the activity log at the end when activity
// is set; at is where the log (or the hint to show it) begins.
func (d drawer) lines(activity bool) (out []string, at int) {
	tr := d.tr
	out = append(out, d.th.Accent.Render("› ")+d.th.Subtle.Render(cells.Truncate(cells.OneLine(tr.Statement), d.w-2)))
	out = append(out, d.wrap(d.th.Bold, 0, d.f(i18n.TraceHeader, tr.Coordinator, tr.Consistency, float64(tr.EstimateMicros)/1000))...)
	out = append(out, "")
	out = append(out, d.nodes()...)
	out = append(out, "")
	out = append(out, d.partitions()...)
	out = append(out, d.rows()...)
	out = append(out, d.wrap(d.th.Text, 0, d.f(i18n.TraceKeys, tr.KeysRead, tr.KeysWritten))...)
	if callouts := d.callouts(); len(callouts) > 0 {
		out = append(out, "")
		out = append(out, callouts...)
	}
	out = append(out, "")
	at = len(out)
	if activity {
		out = append(out, d.th.Heading.Render(d.t(i18n.TraceActivity)))
		out = append(out, d.activity()...)
	} else if len(tr.Events) > 0 {
		out = append(out, d.wrap(d.th.Faint, 0, d.t(i18n.TraceActivityHint))...)
	}
	return out, at
}

// roles works out what every node did.
func (d drawer) roles() (n int, roles map[int]role, writes map[int]bool) {
	tr := d.tr
	roles, writes = map[int]role{}, map[int]bool{}
	n = tr.Coordinator
	if d.cluster != nil {
		n = max(n, len(d.cluster.Nodes))
	}
	bump := func(node int, r role) {
		n = max(n, node)
		roles[node] = max(roles[node], r)
	}
	for _, p := range tr.Partitions {
		for _, r := range p.Replicas {
			bump(r, replica)
		}
		for _, c := range p.Contacted {
			bump(c, asked)
			writes[c] = writes[c] || p.Write
		}
	}
	if len(tr.Partitions) == 0 {
		for _, node := range tr.Nodes {
			bump(node, asked)
		}
	}
	if d.cluster != nil {
		for _, ns := range d.cluster.Nodes {
			if ns.Down {
				bump(ns.Node, down)
			}
		}
	}
	return n, roles, writes
}

// nodes draws a row of boxes, one per node, wrapped to the width, with the
// coordinator marked under its box.
func (d drawer) nodes() []string {
	n, roles, writes := d.roles()
	perRow := max(d.w/chipWidth, 1)
	var out []string
	for first := 1; first <= n; first += perRow {
		var top, name, label, bottom []string
		mark := ""
		for node := first; node < first+perRow && node <= n; node++ {
			border, text := d.th.Idle, d.th.Idle
			lbl := "-"
			switch roles[node] {
			case down:
				border, text, lbl = d.th.Error, d.th.Error, d.t(i18n.TraceRoleDown)
			case asked:
				border, text, lbl = d.th.Success, d.th.Contacted, d.t(i18n.TraceRoleRead)
				if writes[node] {
					lbl = d.t(i18n.TraceRoleWrite)
				}
			case replica:
				border, text, lbl = d.th.Border, d.th.Replica, d.t(i18n.TraceRoleReplica)
			}
			if node == d.tr.Coordinator && roles[node] != down {
				border = d.th.Coordinator
			}
			inner := chipWidth - 2
			top = append(top, border.Render("╭"+strings.Repeat("─", inner)+"╮"))
			name = append(name, border.Render("│")+text.Render(center("node"+strconv.Itoa(node), inner))+border.Render("│"))
			label = append(label, border.Render("│")+text.Render(center(lbl, inner))+border.Render("│"))
			bottom = append(bottom, border.Render("╰"+strings.Repeat("─", inner)+"╯"))
			if node == d.tr.Coordinator {
				// The mark starts under the coordinator's box and may run on
				// under the next ones (a Japanese label is wider than a box).
				lbl := "^ " + d.t(i18n.TraceRoleCoordinator)
				offset := (node - first) * chipWidth
				if chipWidth > cells.Width(lbl) {
					offset += (chipWidth - cells.Width(lbl)) / 2
				}
				offset = max(0, min(offset, d.w-cells.Width(lbl)))
				mark = strings.Repeat(" ", offset) + d.th.Coordinator.Render(cells.Truncate(lbl, d.w-offset))
			}
		}
		out = append(out, strings.Join(top, ""), strings.Join(name, ""), strings.Join(label, ""), strings.Join(bottom, ""))
		if mark != "" {
			out = append(out, mark)
		}
	}
	return out
}

// center centres s in w cells.
func center(s string, w int) string {
	s = cells.Truncate(s, w)
	left := (w - cells.Width(s)) / 2
	return cells.Fit(cells.Spaces(left)+s, w)
}

func nodeList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = "node" + strconv.Itoa(n)
	}
	return strings.Join(parts, " ")
}

// partitions lists the partitions touched with their tokens and replicas.
func (d drawer) partitions() []string {
	tr := d.tr
	var out []string
	out = append(out, d.th.Heading.Render(cells.Truncate(d.f(i18n.TracePartitions, tr.PartitionsRead(), tr.PartitionsWritten()), d.w)))
	for i, p := range tr.Partitions {
		if i == maxPartitionsShown {
			out = append(out, d.wrap(d.th.Faint, 2, d.f(i18n.TraceMorePartitions, len(tr.Partitions)-i))...)
			break
		}
		verb, style := d.t(i18n.TraceRead), d.th.Contacted
		if p.Write {
			verb = d.t(i18n.TraceWrite)
		}
		head := style.Render(verb) + " " + d.th.Code.Render(d.f(i18n.TraceKey, cells.Clean(p.Key))) + " " +
			d.th.Subtle.Render(d.f(i18n.TraceToken, strconv.FormatInt(p.Token, 10)))
		for j, l := range cells.Wrap(head, d.w-2) {
			out = append(out, cells.Spaces(2+2*min(j, 1))+l)
		}
		detail := d.f(i18n.TracePartitionNodes, nodeList(p.Replicas), nodeList(p.Contacted), p.Rows)
		out = append(out, d.wrap(d.th.Subtle, 4, detail)...)
	}
	if tr.FullScan && len(tr.Partitions) == 0 {
		out = append(out, d.wrap(d.th.Warn, 2, d.t(i18n.TraceAllPartitions))...)
	}
	return out
}

// rows compares the rows read on replicas with the rows returned. A
// lightweight transaction returns no stored rows but its [applied] row:
// it shows the rows its Paxos read took to evaluate the IF, alone.
func (d drawer) rows() []string {
	tr := d.tr
	if tr.RowsScanned == 0 && tr.RowsReturned == 0 {
		return nil
	}
	labels := []string{d.t(i18n.TraceRowsScanned), d.t(i18n.TraceRowsReturned)}
	counts := []int{tr.RowsScanned, tr.RowsReturned}
	if tr.PaxosRoundTrips > 0 && tr.RowsReturned == 0 {
		labels, counts = []string{d.t(i18n.TraceRowsCondition)}, []int{tr.RowsScanned}
	}
	lw, most := 0, 0
	for i := range labels {
		lw, most = max(lw, cells.Width(labels[i])), max(most, counts[i])
	}
	nw := len(strconv.Itoa(most))
	bw := d.w - lw - nw - 2
	total := float64(most)
	var out []string
	for i := range labels {
		line := cells.Fit(labels[i], lw) + " " + fmt.Sprintf("%*d", nw, counts[i])
		if bw >= 4 {
			fill := d.th.Contacted
			if i == 0 && len(labels) > 1 && tr.RowsScanned > tr.RowsReturned {
				fill = d.th.Warn
			}
			line += " " + cells.Bar(float64(counts[i]), total, bw, fill, d.th.Idle)
		}
		out = append(out, line)
	}
	return out
}

// callouts name the costly things the statement did.
func (d drawer) callouts() []string {
	tr := d.tr
	var out []string
	add := func(text string) {
		out = append(out, d.wrap(d.th.Warn, 0, "! "+text)...)
	}
	if tr.FullScan {
		add(d.t(i18n.TraceFullScan))
	}
	if tr.Filtering {
		add(d.f(i18n.TraceFiltering, tr.RowsScanned, tr.RowsReturned))
	}
	if tr.PaxosRoundTrips > 0 {
		add(d.f(i18n.TracePaxos, tr.PaxosRoundTrips))
	}
	if tr.BatchlogWrites > 0 {
		add(d.f(i18n.TraceBatchlog, tr.BatchlogWrites))
	}
	if tr.HintsStored > 0 {
		add(d.f(i18n.TraceHints, tr.HintsStored))
	}
	if tr.ReadRepairs > 0 {
		add(d.f(i18n.TraceReadRepairs, tr.ReadRepairs))
	}
	return out
}

// activity lists the trace's events as cqlsh's TRACING does.
func (d drawer) activity() []string {
	var out []string
	for _, e := range d.tr.Events {
		head := fmt.Sprintf("%6dus node%-2d ", e.Micros, e.Node)
		for j, l := range cells.Wrap(e.Activity(), max(d.w-len(head), 10)) {
			if j == 0 {
				out = append(out, d.th.Faint.Render(head)+l)
			} else {
				out = append(out, cells.Spaces(len(head))+l)
			}
		}
	}
	return out
}
