package results

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
)

// widthSample is the number of rows whose cells decide column widths;
// later rows that are wider are truncated.
const widthSample = 1000

// maxColumnWidth caps a column, so one long text value does not push
// every other column off the screen; a wider pane allows up to three
// quarters of its width (see columnCap), so that values such as the
// storage keys of SHOW KEYS can be read whole.
const maxColumnWidth = 40

// columnCap is the widest a column is drawn in a pane w cells wide.
func columnCap(w int) int { return max(maxColumnWidth, w*3/4) }

// column is one column of a result table.
type column struct {
	name  string
	width int
	// prefix is the width of the start that the column's values share
	// (0 for fewer than two values).
	prefix int
}

// minSharedPrefix is the shortest shared start of a column's values for
// which a value too wide for the column loses its middle rather than its
// end: the end is what tells such values apart (SHOW KEYS lists keys that
// differ only after the table, the token and the partition key).
const minSharedPrefix = 8

// table caches the formatted cells of the rows drawn so far. Rows are
// formatted when first drawn, so a large result costs only what is shown.
type table struct {
	res   *sandbox.Result
	cols  []column
	cells map[int][]string
}

func newTable(res *sandbox.Result) *table {
	t := &table{res: res, cells: map[int][]string{}}
	for _, c := range res.Columns {
		t.cols = append(t.cols, column{name: c.Name, width: ansi.StringWidth(c.Name)})
	}
	shared := make([]string, len(t.cols))
	for i := 0; i < len(res.Rows) && i < widthSample; i++ {
		for j, v := range t.row(i) {
			if j >= len(t.cols) {
				continue
			}
			t.cols[j].width = max(t.cols[j].width, ansi.StringWidth(v))
			if i == 0 {
				shared[j] = v
			} else {
				shared[j] = commonPrefix(shared[j], v)
			}
		}
	}
	if len(res.Rows) > 1 {
		for j := range t.cols {
			t.cols[j].prefix = ansi.StringWidth(shared[j])
		}
	}
	return t
}

// commonPrefix returns the longest start a and b share, in whole runes.
func commonPrefix(a, b string) string {
	n := 0
	for i, r := range a {
		if i >= len(b) || !strings.HasPrefix(b[i:], string(r)) {
			break
		}
		n = i + len(string(r))
	}
	return a[:n]
}

// fitCell fits a value to its column: a value too wide loses its end, or,
// in a column whose values share a long start, the middle of that start.
// Up to a third of the column shows the start; less when that is what it
// takes to keep the part of the value that is its own whole.
func fitCell(v string, c column) string {
	vw := ansi.StringWidth(v)
	if c.prefix < minSharedPrefix || vw <= c.width {
		return cells.FitRight(v, c.width)
	}
	head := min(c.prefix, c.width/3)
	if own := vw - c.prefix; own > c.width-1-head {
		head = max(c.width-1-own, min(c.prefix, minHead))
	}
	return cells.FitRight(cells.Elide(v, c.width, head), c.width)
}

// minHead is the least of a shared start that fitCell keeps.
const minHead = 6

// row returns the formatted cells of row i.
func (t *table) row(i int) []string {
	if r, ok := t.cells[i]; ok {
		return r
	}
	r := cqlsh.FormatRow(t.res.Columns, t.res.Rows[i])
	for j := range r {
		r[j] = cells.Clean(r[j])
	}
	t.cells[i] = r
	return r
}

// visibleColumns returns the columns from first that fit in w cells (at
// least one, cut to w).
func (t *table) visibleColumns(first, w int) (cols []column, last int) {
	used := 0
	last = first
	for j := first; j < len(t.cols); j++ {
		c := t.cols[j]
		c.width = min(c.width, max(columnCap(w), ansi.StringWidth(c.name)))
		need := c.width + 3 // " v " plus the separator
		if j > first && used+need > w {
			break
		}
		if need > w {
			c.width = max(w-3, 1)
			need = w
		}
		cols = append(cols, c)
		used += need
		last = j
	}
	return cols, last
}

// tableLines draws the visible part of the table and its footer.
func (m Model) tableLines() []string {
	t := m.table
	cols, last := t.visibleColumns(m.xOff, m.width-1)
	sep := m.th.Faint.Render("|")
	var header, rule []string
	for _, c := range cols {
		header = append(header, " "+m.th.Heading.Render(cells.Fit(c.name, c.width))+" ")
		rule = append(rule, strings.Repeat("-", c.width+2))
	}
	lines := []string{
		strings.Join(header, sep),
		m.th.Faint.Render(strings.Join(rule, "+")),
	}
	n := len(t.res.Rows)
	end := min(m.yOff+m.rowsShown(), n)
	for i := m.yOff; i < end; i++ {
		row := t.row(i)
		var cs []string
		for j, c := range cols {
			v := ""
			if m.xOff+j < len(row) {
				v = row[m.xOff+j]
			}
			style := m.th.Text
			if v == "null" && t.res.Rows[i][m.xOff+j] == nil {
				style = m.th.Faint
			}
			cs = append(cs, " "+style.Render(fitCell(v, c))+" ")
		}
		lines = append(lines, strings.Join(cs, sep))
	}
	return append(lines, m.footer(n, end, last))
}

// footer says how many rows there are and which part is on screen.
func (m Model) footer(n, end, lastCol int) string {
	var parts []string
	if m.res.HasRows {
		parts = append(parts, i18n.F(m.lang, i18n.ResultsRowCount, n))
	}
	if n > m.rowsShown() {
		parts = append(parts, i18n.F(m.lang, i18n.ResultsRowsShown, m.yOff+1, end, n))
	}
	if len(m.table.cols) > lastCol-m.xOff+1 {
		parts = append(parts, i18n.F(m.lang, i18n.ResultsColumnsShown, m.xOff+1, lastCol+1, len(m.table.cols)))
	}
	return m.th.Subtle.Render(cells.Truncate(strings.Join(parts, "  "), m.width))
}

// messageLines returns a command's text, or a note for a statement that
// returned nothing to show.
func (m Model) messageLines() []string {
	msg := m.res.Message
	if msg == "" {
		msg = i18n.T(m.lang, i18n.ResultsDone)
		if m.res.Trace != nil {
			msg = i18n.T(m.lang, i18n.ResultsDoneTrace)
		}
		return styled(cells.Wrap(msg, m.width), m.th.Success.Render)
	}
	switch n := m.res.Note; {
	case n == nil:
	case n.ID == sandbox.DatasetsNote:
		msg = sandbox.DatasetList(m.lang == lessons.Japanese)
	case n.ID == HelpNote:
		return helpLines(i18n.T(m.lang, i18n.AppHelp), m.width)
	default:
		if text, ok := i18n.Note(m.lang, n.ID, n.Args); ok {
			msg = text
			if n.Rest != "" {
				msg += "\n" + m.noteRest(n.Rest)
			}
		}
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(msg, "\n"), "\n") {
		l = cells.Clean(l)
		if isTableLine(l) {
			lines = append(lines, l) // scrolls sideways, as tables do
			continue
		}
		lines = append(lines, wrapIndented(l, m.width)...)
	}
	return lines
}

// HelpNote is the note ID the app gives the result of HELP, which the pane
// shows as the app's own help (i18n.AppHelp, laid out by helpLines).
const HelpNote = "help.app"

// helpLines lays out the app's help: prose wrapped to the pane, and the
// lines "  command\tdescription" of each group in two columns, the
// descriptions wrapped under their column (or below the command, when the
// pane is too narrow for two).
func helpLines(text string, width int) []string {
	var out []string
	groups := strings.Split(text, "\n\n")
	for gi, g := range groups {
		if gi > 0 {
			out = append(out, "")
		}
		lines := strings.Split(g, "\n")
		cmdW := 0
		for _, l := range lines {
			if cmd, _, ok := strings.Cut(l, "\t"); ok {
				cmdW = max(cmdW, cells.Width(cmd))
			}
		}
		descW := width - cmdW - 2
		for _, l := range lines {
			cmd, desc, ok := strings.Cut(l, "\t")
			switch {
			case !ok:
				out = append(out, wrapIndented(l, width)...)
			case descW < 16:
				out = append(out, wrapIndented(cmd, width)...)
				out = append(out, wrapIndented("      "+desc, width)...)
			default:
				for i, d := range cells.Wrap(desc, descW) {
					lead := cells.Spaces(cmdW + 2)
					if i == 0 {
						lead = cells.Fit(cmd, cmdW) + "  "
					}
					out = append(out, lead+d)
				}
			}
		}
	}
	return out
}

// wrapIndented wraps a line of a command's text, keeping its indentation
// (DESCRIBE's column lines and "AND" options) and indenting the lines it
// continues on by four more cells.
func wrapIndented(l string, width int) []string {
	body := strings.TrimLeft(l, " ")
	indent := len(l) - len(body)
	if indent == 0 || indent+4 > width/2 {
		return cells.Wrap(l, width)
	}
	out := cells.Wrap(body, width-indent-4)
	for i := range out {
		pad := indent
		if i > 0 {
			pad += 4
		}
		out[i] = cells.Spaces(pad) + out[i]
	}
	return out
}

// noteRest returns what follows a note in its message (a table, say), as
// it is, except the page size that PAGING adds, which is translated.
func (m Model) noteRest(rest string) string {
	var n int
	if _, err := fmt.Sscanf(rest, "Page size: %d", &n); err == nil && rest == fmt.Sprintf("Page size: %d", n) {
		if text, ok := i18n.Note(m.lang, "paging.size", []any{n}); ok {
			return text
		}
	}
	return rest
}

// isTableLine reports whether a line of a command's text belongs to a
// table (cqlsh's "a | b" rows and "---+---" rules), which must not wrap.
func isTableLine(l string) bool {
	return strings.Contains(l, " | ") || strings.Trim(l, "-+ ") == "" && strings.Contains(l, "-")
}

// errorLines returns the error as cqlsh prints it, wrapped, and, when the
// error points into the statement, that line with a caret under the
// column.
func (m Model) errorLines() []string {
	if errors.Is(m.err, context.Canceled) {
		return styled(cells.Wrap(i18n.T(m.lang, i18n.ResultsCancelled), m.width), m.th.Warn.Render)
	}
	e := cqlerr.As(m.err)
	text := e.CQLSH()
	if e.Code == cqlerr.Shell {
		text = i18n.CommandError(m.lang, e)
	}
	lines := styled(cells.Wrap(text, m.width), m.th.Error.Render)
	if e.Offset >= 0 && e.Offset <= len(m.stmt) {
		line, col := caretLine(m.stmt, e.Offset)
		// Keep the caret on screen: show a window of the line around it.
		w := m.width - 2
		start := 0
		if col >= w {
			start = col - w/2
		}
		lines = append(lines, "",
			"  "+m.th.Code.Render(cells.Cut(line, start, start+w)),
			"  "+cells.Spaces(col-start)+m.th.Error.Render("^"))
	}
	if h := hintFor(m.lang, e, m.stmt); h != "" {
		lines = append(lines, "")
		lines = append(lines, styled(cells.Wrap(h, m.width), m.th.Subtle.Render)...)
	}
	return lines
}

// caretLine returns the line of stmt holding byte offset off, and the
// column (in cells) of off in it.
func caretLine(stmt string, off int) (line string, col int) {
	start := strings.LastIndexByte(stmt[:off], '\n') + 1
	end := strings.IndexByte(stmt[off:], '\n')
	if end < 0 {
		end = len(stmt)
	} else {
		end += off
	}
	line = strings.ReplaceAll(stmt[start:end], "\t", " ")
	return line, ansi.StringWidth(strings.ReplaceAll(stmt[start:off], "\t", " "))
}

// hintFor returns the note on an error of stmt: for a missing key part,
// what a write needs rather than what a read does.
func hintFor(lang lessons.Lang, e *cqlerr.Error, stmt string) string {
	if e.Code == cqlerr.Invalid && (strings.HasPrefix(e.Message, "Some partition key parts are missing") ||
		strings.HasPrefix(e.Message, "Some clustering keys are missing")) {
		switch strings.ToUpper(firstWord(stmt)) {
		case "INSERT", "BEGIN":
			return i18n.T(lang, i18n.ErrHintKeyInsert)
		case "UPDATE", "DELETE":
			return i18n.T(lang, i18n.ErrHintKeyWrite)
		}
	}
	if e.Code == cqlerr.Invalid && strings.HasPrefix(e.Message, "Secondary indexes are not supported by the learnkv sandbox") {
		return i18n.T(lang, i18n.ErrHintIndex)
	}
	return hint(lang, e)
}

// firstWord returns the first word of a statement.
func firstWord(stmt string) string {
	if f := strings.Fields(stmt); len(f) > 0 {
		return f[0]
	}
	return ""
}

// hint returns a learner-facing note on the error, for the errors
// learners meet most.
func hint(lang lessons.Lang, e *cqlerr.Error) string {
	switch {
	case e.Code == cqlerr.SyntaxError && e.Offset >= 0:
		return i18n.T(lang, i18n.ErrHintSyntax)
	case e.Code == cqlerr.Unavailable:
		return unavailableHint(lang, e)
	case e.Code == cqlerr.Invalid && strings.Contains(e.Message, "ALLOW FILTERING"):
		return i18n.T(lang, i18n.ErrHintFiltering)
	case e.Code == cqlerr.Invalid && strings.Contains(e.Message, "partition key"):
		return i18n.T(lang, i18n.ErrHintPartitionKey)
	}
	return ""
}

// unavailableHint says what helps when too few replicas are up: for a
// lightweight transaction (SERIAL, LOCAL_SERIAL) only bringing nodes
// back, as Paxos always needs a quorum; for ONE (or ANY, LOCAL_ONE)
// likewise, as no lower level is left; for the other levels a lower level
// too.
func unavailableHint(lang lessons.Lang, e *cqlerr.Error) string {
	if e.Consistency == "" || e.Required <= 0 {
		return i18n.T(lang, i18n.ErrHintUnavailable)
	}
	id := i18n.ErrHintUnavailableLevel
	switch strings.ToUpper(e.Consistency) {
	case "SERIAL", "LOCAL_SERIAL":
		id = i18n.ErrHintUnavailableSerial
	case "ONE", "LOCAL_ONE", "ANY":
		id = i18n.ErrHintUnavailableLowest
	}
	return i18n.F(lang, id, strings.ToUpper(e.Consistency), e.Required, e.Alive)
}

func styled(lines []string, render func(...string) string) []string {
	for i, l := range lines {
		lines[i] = render(l)
	}
	return lines
}
