// Package cqlsh prints sandbox results exactly as cqlsh prints Cassandra's,
// and runs scripts the way cqlsh does: statement by statement, reporting
// each error and carrying on.
package cqlsh

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// Printer writes results and errors in cqlsh's format.
type Printer struct {
	Out io.Writer
	Err io.Writer
	// TTY selects cqlsh's interactive layout (it differs in blank lines
	// around empty results).
	TTY bool
	// Expand prints rows vertically, one "@ Row n" block each, as cqlsh
	// does after EXPAND ON.
	Expand bool
	// PageSize, when positive, is the page size of cqlsh's paging: each
	// page of a result is laid out on its own (column widths, and in a
	// terminal the header), as cqlsh prints the pages the driver fetches.
	PageSize int
}

// FormatRow returns a row's values as cqlsh shows them ("null" for null).
func FormatRow(cols []sandbox.Column, row []any) []string {
	out := make([]string, len(row))
	for i, v := range row {
		if v == nil {
			out[i] = "null"
			continue
		}
		out[i] = value.Format(cols[i].Type, v)
	}
	return out
}

// Table renders a header and rows the way cqlsh's print_formatted_result
// does: names left-aligned, values right-aligned, widths in terminal
// cells. It returns the lines without trailing newlines.
func Table(names []string, rows [][]string) []string {
	return table(names, rows, nil)
}

// table is Table with cqlsh's display width of each value (nil: the
// printed width), which for collections can be less than what prints.
func table(names []string, rows [][]string, cellWidths [][]int) []string {
	cellWidth := func(r, i int) int {
		if cellWidths != nil {
			return cellWidths[r][i]
		}
		return ansi.StringWidth(rows[r][i])
	}
	widths := make([]int, len(names))
	for i, n := range names {
		widths[i] = ansi.StringWidth(n)
	}
	for r, row := range rows {
		for i := range row {
			widths[i] = max(widths[i], cellWidth(r, i))
		}
	}
	header := make([]string, len(names))
	seps := make([]string, len(names))
	for i, n := range names {
		header[i] = n + strings.Repeat(" ", widths[i]-ansi.StringWidth(n))
		seps[i] = strings.Repeat("-", widths[i])
	}
	lines := []string{strings.TrimRight(" "+strings.Join(header, " | "), " "), "-" + strings.Join(seps, "-+-") + "-"}
	for r, row := range rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = strings.Repeat(" ", max(0, widths[i]-cellWidth(r, i))) + v
		}
		lines = append(lines, " "+strings.Join(cells, " | "))
	}
	return lines
}

func (p *Printer) line(s string) { fmt.Fprintln(p.Out, s) }

// Result prints one statement's result.
func (p *Printer) Result(res *sandbox.Result) {
	switch {
	case res.Describe:
		p.line("")
		p.line(res.Message)
		p.line("")
	case res.Message != "" && !res.HasRows:
		p.line(res.Message)
	case res.HasRows:
		if res.Message != "" {
			p.line(res.Message)
		}
		p.rows(res)
	case res.LWT:
		// cqlsh prints a conditional update's result with
		// print_static_result, after a blank line and without a count.
		p.line("")
		names, cells, widths := formatResult(res)
		p.page(names, cells, widths, true, 0)
	}
	if len(res.Warnings) > 0 {
		p.line("")
		p.line("Warnings :")
		for _, w := range res.Warnings {
			p.line(w)
			p.line("")
		}
	}
}

// formatResult returns a result's column names, its values as cqlsh
// shows them, and cqlsh's display width of each value.
func formatResult(res *sandbox.Result) (names []string, cells [][]string, widths [][]int) {
	names = make([]string, len(res.Columns))
	for i, c := range res.Columns {
		names[i] = c.Name
	}
	cells = make([][]string, len(res.Rows))
	widths = make([][]int, len(res.Rows))
	for i, r := range res.Rows {
		cells[i] = FormatRow(res.Columns, r)
		widths[i] = make([]int, len(r))
		for j, v := range r {
			widths[i][j] = value.DisplayWidth(res.Columns[j].Type, v)
		}
	}
	return names, cells, widths
}

// rows prints a SELECT's result as cqlsh's print_result does: page by
// page, then the row count.
func (p *Printer) rows(res *sandbox.Result) {
	p.line("")
	names, cells, widths := formatResult(res)
	size := max(len(cells), 1)
	if p.PageSize > 0 {
		size = p.PageSize
	}
	for start := 0; start == 0 || start < len(cells); start += size {
		end := min(start+size, len(cells))
		p.page(names, cells[start:end], widths[start:end], start == 0 || p.TTY, start)
	}
	if !p.TTY {
		p.line("")
	}
	p.line(fmt.Sprintf("(%d rows)", len(cells)))
	p.formatFailures(res)
}

// page prints one page of rows as cqlsh's print_static_result does: only
// the header (and a blank line) when there are none, vertically after
// EXPAND ON, else as a table. offset is the number of rows before it.
func (p *Printer) page(names []string, cells [][]string, widths [][]int, header bool, offset int) {
	if len(cells) == 0 {
		for _, l := range table(names, nil, nil)[:2] {
			p.line(l)
		}
		p.line("")
		return
	}
	if p.Expand {
		p.vertical(names, cells, widths, offset)
		return
	}
	lines := table(names, cells, widths)
	if !header {
		lines = lines[2:]
	}
	for _, l := range lines {
		p.line(l)
	}
	if p.TTY {
		p.line("")
	}
}

// vertical prints rows as cqlsh's print_formatted_result_vertically does:
// for each row "@ Row n", a rule as wide as the widest name and the
// widest value of the page, then one "name | value" line per column and a
// blank line.
func (p *Printer) vertical(names []string, cells [][]string, widths [][]int, offset int) {
	nameWidth, valueWidth := 0, 0
	for _, n := range names {
		nameWidth = max(nameWidth, ansi.StringWidth(n))
	}
	for _, row := range widths {
		for _, w := range row {
			valueWidth = max(valueWidth, w)
		}
	}
	for i, row := range cells {
		p.line(fmt.Sprintf("@ Row %d", offset+i+1))
		p.line("-" + strings.Repeat("-", nameWidth) + "-+-" + strings.Repeat("-", valueWidth) + "-")
		for j, v := range row {
			p.line(" " + names[j] + strings.Repeat(" ", nameWidth-ansi.StringWidth(names[j])) + " | " + v)
		}
		p.line("")
	}
}

// formatFailures prints, as cqlsh's print_result does after the row count,
// the first two values cqlsh could not format and how many more there were.
func (p *Printer) formatFailures(res *sandbox.Result) {
	var failures []string
	for _, r := range res.Rows {
		for j, v := range r {
			if msg := value.FormatFailureMessage(res.Columns[j].Type, v); msg != "" {
				failures = append(failures, msg)
			}
		}
	}
	for i, msg := range failures {
		if i == 2 {
			p.line(fmt.Sprintf("%d more decoding errors suppressed.", len(failures)-2))
			break
		}
		p.line(msg)
	}
}

// Error prints an error as cqlsh does.
func (p *Printer) Error(err error) { p.ErrorAt("", err) }

// ErrorAt prints an error as cqlsh does, after where (see Runner.Name).
func (p *Printer) ErrorAt(where string, err error) {
	fmt.Fprintln(p.Err, where+cqlerr.As(err).CQLSH())
}
