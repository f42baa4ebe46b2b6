package distpane

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
)

// render rebuilds the pane's lines.
func (m *Model) render(keep bool) {
	w := m.view.Width()
	var lines []string
	add := func(style func(...string) string, text string) {
		for _, l := range cells.Wrap(text, w) {
			lines = append(lines, style(l))
		}
	}
	var missing *sandbox.NoTableError
	switch {
	case m.loading:
		add(m.th.Faint.Render, i18n.F(m.lang, i18n.DistLoading, m.table))
	case errors.Is(m.err, context.Canceled):
		add(m.th.Bold.Render, m.table)
		add(m.th.Warn.Render, i18n.T(m.lang, i18n.DistCancelled))
	case errors.As(m.err, &missing):
		add(m.th.Bold.Render, m.table)
		add(m.th.Error.Render, i18n.F(m.lang, i18n.DistNoTable, missing.Table))
	case m.err != nil:
		add(m.th.Bold.Render, m.table)
		add(m.th.Error.Render, m.err.Error())
	case m.dist == nil:
		add(m.th.Faint.Render, i18n.T(m.lang, i18n.DistEmpty))
		add(m.th.Faint.Render, i18n.T(m.lang, i18n.DistEmptyHint))
	default:
		lines = m.distLines(w)
	}
	m.view.SetLines(lines, keep)
}

// distLines draws a distribution.
func (m Model) distLines(w int) []string {
	d := m.dist
	th := m.th
	var lines []string
	wrap := func(style func(...string) string, text string) {
		for _, l := range cells.Wrap(text, w) {
			lines = append(lines, style(l))
		}
	}
	// warn wraps a warning under its "! ", indenting the lines after the
	// first.
	warn := func(text string) {
		for i, l := range cells.Wrap(text, w-2) {
			prefix := "! "
			if i > 0 {
				prefix = "  "
			}
			lines = append(lines, th.Warn.Render(prefix+l))
		}
	}
	wrap(th.Title.Render, d.Table)
	wrap(th.Subtle.Render, i18n.F(m.lang, i18n.DistSummary, d.Rows, d.Partitions, d.RF, len(d.Nodes)))
	lines = append(lines, "")
	if copies := min(d.RF, len(d.Nodes)) - 1; copies > 0 {
		wrap(th.Faint.Render, i18n.F(m.lang, i18n.DistPrimaryNote, copies))
	} else {
		wrap(th.Faint.Render, i18n.T(m.lang, i18n.DistPrimaryOnly))
	}

	// One bar per node: the rows it owns as primary replica.
	most := 0
	for _, nl := range d.Nodes {
		most = max(most, nl.PrimaryRows)
	}
	nameW := len("node") + len(strconv.Itoa(len(d.Nodes)))
	countW := len(strconv.Itoa(most))
	tail := countW + 7 // " 100.0%" after the count
	downLabel := i18n.T(m.lang, i18n.TraceRoleDown)
	for _, nl := range d.Nodes {
		if nl.Down {
			tail += 1 + cells.Width(downLabel)
			break
		}
	}
	barW := w - nameW - 1 - tail - 1
	for _, nl := range d.Nodes {
		name := cells.Fit("node"+strconv.Itoa(nl.Node), nameW)
		share := 0.0
		if d.Rows > 0 {
			share = float64(nl.PrimaryRows) / float64(d.Rows) * 100
		}
		fill := th.Accent
		if nl.PrimaryRows == most && d.Skew >= 1.5 {
			fill = th.Warn
		}
		line := th.Bold.Render(name) + " "
		if nl.Down {
			line = th.Error.Render(name) + " "
		}
		if barW >= 4 {
			line += cells.Bar(float64(nl.PrimaryRows), float64(max(most, 1)), barW, fill, th.Idle) + " "
		}
		line += fmt.Sprintf("%*d %5.1f%%", countW, nl.PrimaryRows, share)
		if nl.Down {
			line += " " + th.Error.Render(downLabel)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	skewStyle := th.Success.Render
	if d.Skew >= 1.5 {
		skewStyle = th.Warn.Render
	}
	if d.Rows == 0 {
		wrap(th.Faint.Render, i18n.T(m.lang, i18n.DistNoRows))
	} else {
		wrap(skewStyle, i18n.F(m.lang, i18n.DistSkew, d.Skew))
	}

	if len(d.Largest) > 0 {
		lines = append(lines, "")
		wrap(th.Heading.Render, i18n.T(m.lang, i18n.DistLargest))
		keyW := 0
		for _, p := range d.Largest {
			keyW = max(keyW, cells.Width(cells.Clean(p.Key)))
		}
		keyW = min(keyW, max(w/3, 6))
		for _, p := range d.Largest {
			key := th.Code.Render(cells.Fit(cells.Clean(p.Key), keyW))
			rest := i18n.F(m.lang, i18n.DistPartition, p.Rows, p.Owner)
			lines = append(lines, cells.Truncate("  "+key+" "+th.Subtle.Render(rest), w))
		}
	}
	if len(d.Warnings) > 0 {
		lines = append(lines, "")
		for _, wn := range d.Warnings {
			warn(Warning(m.lang, wn))
		}
	}
	return lines
}

// Warning translates a distribution warning by its kind, falling back on
// the sandbox's English text for a kind it does not know.
func Warning(lang lessons.Lang, w sandbox.Warning) string {
	id, ok := warningIDs[w.Kind]
	if !ok || !argsMatch(w) {
		return w.Text
	}
	return i18n.F(lang, id, w.Args...)
}

var warningIDs = map[string]i18n.ID{
	"partition_values": i18n.WarnPartitionValues,
	"partition_bytes":  i18n.WarnPartitionBytes,
	"skew":             i18n.WarnSkew,
	"low_cardinality":  i18n.WarnLowCardinality,
	"collection_size":  i18n.WarnCollectionSize,
}

// argsMatch checks that a warning's arguments have the types its
// translation formats (so a change in the sandbox shows English, never
// %!d(string=...)).
func argsMatch(w sandbox.Warning) bool {
	isInt := func(v any) bool {
		switch v.(type) {
		case int, int64, int32:
			return true
		}
		return false
	}
	if len(w.Args) != 2 {
		return false
	}
	a, b := w.Args[0], w.Args[1]
	switch w.Kind {
	case "partition_values", "partition_bytes":
		_, s := a.(string)
		return s && isInt(b)
	case "skew":
		_, f := b.(float64)
		return isInt(a) && f
	case "low_cardinality", "collection_size":
		return isInt(a) && isInt(b)
	}
	return false
}
