package results

// The expanded view: a result's rows one column per line, as cqlsh shows
// them with EXPAND ON, with long values wrapped rather than cut, so that a
// map or a frozen UDT can be read whole.

import (
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
)

// maxExpandedRows is the number of rows the expanded view lays out; a
// larger result says how many more there are (the table pages them all).
const maxExpandedRows = 200

// expandable reports whether res is shown expanded when the view is on:
// a result with rows.
func expandable(res *sandbox.Result) bool {
	return res != nil && res.Message == "" && len(res.Rows) > 0 && len(res.Columns) > 0
}

// showingExpanded reports whether the pane shows a result expanded.
func (m Model) showingExpanded() bool {
	return m.expanded && m.table == nil && m.err == nil && expandable(m.res)
}

// expandedLines lays out the rows of the result, one "name | value" line
// per column, each value wrapped to the pane under its first line.
func (m Model) expandedLines() []string {
	t := newTable(m.res)
	nameW := 0
	for _, c := range t.cols {
		nameW = max(nameW, cells.Width(c.name))
	}
	valW := max(m.width-nameW-4, 12)
	rule := "-" + strings.Repeat("-", nameW) + "-+-" + strings.Repeat("-", max(min(valW, m.width-nameW-4), 1)) + "-"
	n := len(m.res.Rows)
	var lines []string
	for i := 0; i < n && i < maxExpandedRows; i++ {
		lines = append(lines, m.th.Bold.Render(fmt.Sprintf("@ Row %d", i+1)), m.th.Subtle.Render(rule))
		for j, v := range t.row(i) {
			if j >= len(t.cols) {
				break
			}
			parts := cells.Wrap(v, valW)
			if len(parts) == 0 {
				parts = []string{""}
			}
			for k, p := range parts {
				name := cells.Spaces(nameW)
				if k == 0 {
					name = cells.Fit(t.cols[j].name, nameW)
				}
				if v == "null" && m.res.Rows[i][j] == nil {
					p = m.th.Faint.Render(p)
				}
				lines = append(lines, " "+m.th.Bold.Render(name)+" | "+p)
			}
		}
		lines = append(lines, "")
	}
	if n > maxExpandedRows {
		lines = append(lines, m.th.Subtle.Render(i18n.F(m.lang, i18n.ResultsExpandedMore, n-maxExpandedRows)))
	}
	return append(lines, m.th.Subtle.Render(i18n.F(m.lang, i18n.ResultsRowCount, n)+"  "+i18n.T(m.lang, i18n.ResultsExpandedHint)))
}
