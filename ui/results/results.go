// Package results is the results pane: the rows a statement returned, as
// a table that scrolls both ways and renders only the rows on screen (a
// million-row result costs no more to draw than ten), or the text of a
// command, or an error with a caret under the column it is about. For a
// submission of several statements it shows the last one's outcome under
// the statements that failed, and [ and ] step through them all.
package results

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// KeyMap holds the pane's keys.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Left     key.Binding
	Right    key.Binding
	Top      key.Binding
	Bottom   key.Binding
	// PrevRun and NextRun show the previous and next statement of a
	// submission of several.
	PrevRun key.Binding
	NextRun key.Binding
	// Expand switches between the table and one column per line.
	Expand key.Binding
}

// NewKeyMap returns the pane's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", i18n.T(lang, i18n.HelpUp))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", i18n.T(lang, i18n.HelpDown))),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", i18n.T(lang, i18n.HelpPageUp))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn", i18n.T(lang, i18n.HelpPageDown))),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", i18n.T(lang, i18n.HelpColumnLeft))),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", i18n.T(lang, i18n.HelpColumnRight))),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", i18n.T(lang, i18n.HelpTop))),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", i18n.T(lang, i18n.HelpBottom))),
		PrevRun:  key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", i18n.T(lang, i18n.HelpRuns))),
		NextRun:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", i18n.T(lang, i18n.HelpRuns))),
		Expand:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", i18n.T(lang, i18n.HelpVertical))),
	}
}

// DefaultKeyMap returns the pane's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.Right, k.Expand}
}

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Left, k.Right, k.Top, k.Bottom}, {k.PrevRun, k.Expand}}
}

// HelpKeys returns the keys that apply now (the help bar shows these):
// [ and ] only after a submission of several statements.
func (m Model) HelpKeys() []key.Binding {
	keys := m.KeyMap.ShortHelp()
	if m.showingExpanded() {
		back := m.KeyMap.Expand
		back.SetHelp("v", i18n.T(m.lang, i18n.HelpTableView))
		keys = []key.Binding{m.KeyMap.Down, m.KeyMap.PageDown, back}
	}
	if len(m.runs) > 1 {
		keys = append([]key.Binding{m.KeyMap.PrevRun}, keys...)
	}
	return keys
}

// Run is one statement of a submission and its outcome.
type Run struct {
	Stmt string
	Res  *sandbox.Result
	Err  error
}

// Model is the results pane.
type Model struct {
	KeyMap KeyMap

	lang   lessons.Lang
	th     theme.Theme
	width  int
	height int

	stmt string
	res  *sandbox.Result
	err  error
	// ran counts the statements of the last submission; runs holds them
	// when they are known (SetRuns), and at is the one shown.
	ran  int
	runs []Run
	at   int

	table *table
	// text holds the lines of a message or an error, wrapped to width.
	text []string
	// yOff is the first row (or text line) shown; xOff the first column
	// of a table, or the first cell of text.
	yOff, xOff int
	// running is set while the submission whose first statement is stmt
	// runs (see SetRunning).
	running bool
	// expanded shows rows one column per line (see expandedLines), for
	// every result until switched off, as cqlsh's EXPAND ON does.
	expanded bool
}

// New returns an empty results pane.
func New(lang lessons.Lang, th theme.Theme) Model {
	return Model{KeyMap: NewKeyMap(lang), lang: lang, th: th, width: 40, height: 10}
}

// SetTheme applies a theme.
func (m *Model) SetTheme(th theme.Theme) {
	m.th = th
	m.layout()
}

// SetLang changes the pane's language.
func (m *Model) SetLang(lang lessons.Lang) {
	m.lang = lang
	m.KeyMap = NewKeyMap(lang)
	m.layout()
}

// SetSize sets the pane's size in cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 10), max(h, 3)
	m.layout()
}

// SetResult shows the outcome of a statement. ran is the number of
// statements the learner's submission held.
func (m *Model) SetResult(stmt string, res *sandbox.Result, err error, ran int) {
	m.runs, m.at, m.ran = nil, 0, ran
	m.show(stmt, res, err)
}

// SetRuns shows the outcome of a submission: the last statement's, under
// the statements that failed before it.
func (m *Model) SetRuns(runs []Run) {
	if len(runs) == 0 {
		m.Clear()
		return
	}
	m.runs, m.at, m.ran = runs, len(runs)-1, len(runs)
	r := runs[m.at]
	m.show(r.Stmt, r.Res, r.Err)
}

// Failed returns the statements of the submission that failed, counted
// from 0.
func (m Model) Failed() []int {
	var out []int
	for i, r := range m.runs {
		if r.Err != nil && !errors.Is(r.Err, context.Canceled) {
			out = append(out, i)
		}
	}
	return out
}

// Showing returns the statement of the submission shown, counted from 0.
func (m Model) Showing() int { return m.at }

// SetRunning shows that a submission runs: its first statement, and that
// its results come when it finishes.
func (m *Model) SetRunning(stmt string) {
	m.runs, m.at, m.ran = nil, 0, 1
	m.show(stmt, nil, nil)
	m.running = true
}

// show shows one statement's outcome.
func (m *Model) show(stmt string, res *sandbox.Result, err error) {
	m.running = false
	m.stmt, m.res, m.err = stmt, res, err
	m.yOff, m.xOff = 0, 0
	m.table = nil
	if err == nil && res != nil && (res.HasRows || res.LWT || len(res.Columns) > 0) && res.Message == "" &&
		!(m.expanded && expandable(res)) {
		m.table = newTable(res)
	}
	m.layout()
}

// Clear empties the pane.
func (m *Model) Clear() { m.SetResult("", nil, nil, 0) }

// Result returns the result shown (nil for none or an error).
func (m Model) Result() *sandbox.Result { return m.res }

// Err returns the error shown.
func (m Model) Err() error { return m.err }

// layout re-wraps the text for the current width, language and theme.
func (m *Model) layout() {
	m.text = nil
	switch {
	case m.err != nil:
		m.text = m.errorLines()
	case m.res != nil && m.table == nil && m.expanded && expandable(m.res):
		m.text = m.expandedLines()
	case m.res != nil && m.table == nil:
		m.text = m.messageLines()
	}
	m.clamp()
}

// bodyHeight is the number of lines below the statement line and the
// warnings.
func (m Model) bodyHeight() int {
	return max(m.height-len(m.headLines()), 1)
}

// rowsShown is the number of table rows that fit.
func (m Model) rowsShown() int {
	return max(m.bodyHeight()-3, 1) // header, separator, footer
}

// clamp keeps the offsets inside the content.
func (m *Model) clamp() {
	switch {
	case m.table != nil:
		m.yOff = min(m.yOff, max(len(m.res.Rows)-m.rowsShown(), 0))
		m.xOff = min(m.xOff, max(len(m.table.cols)-1, 0))
	default:
		m.yOff = min(m.yOff, max(len(m.text)-m.bodyHeight(), 0))
	}
	m.yOff, m.xOff = max(m.yOff, 0), max(m.xOff, 0)
}

// Update handles scrolling keys while the pane is focused.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	page := m.bodyHeight()
	if m.table != nil {
		page = m.rowsShown()
	}
	step := 1
	if m.table == nil {
		step = 8 // text scrolls by cells, tables by columns
	}
	switch {
	case key.Matches(k, m.KeyMap.PrevRun) || key.Matches(k, m.KeyMap.NextRun):
		step := 1
		if key.Matches(k, m.KeyMap.PrevRun) {
			step = -1
		}
		if at := m.at + step; at >= 0 && at < len(m.runs) {
			m.at = at
			r := m.runs[at]
			m.show(r.Stmt, r.Res, r.Err)
		}
		return m, nil
	case key.Matches(k, m.KeyMap.Expand):
		m.expanded = !m.expanded
		m.show(m.stmt, m.res, m.err)
		return m, nil
	case key.Matches(k, m.KeyMap.Up):
		m.yOff--
	case key.Matches(k, m.KeyMap.Down):
		m.yOff++
	case key.Matches(k, m.KeyMap.PageUp):
		m.yOff -= page
	case key.Matches(k, m.KeyMap.PageDown):
		m.yOff += page
	case m.showingExpanded() && (key.Matches(k, m.KeyMap.Left) || key.Matches(k, m.KeyMap.Right)):
		// Expanded rows wrap: there is nothing to the side.
	case key.Matches(k, m.KeyMap.Left):
		m.xOff -= step
	case key.Matches(k, m.KeyMap.Right):
		m.xOff += step
	case key.Matches(k, m.KeyMap.Top):
		m.yOff, m.xOff = 0, 0
	case key.Matches(k, m.KeyMap.Bottom):
		m.yOff = 1 << 30
	}
	m.clamp()
	return m, nil
}

// headLines are the lines above the body: the statements of the
// submission that failed, the statement shown, and any warnings.
func (m Model) headLines() []string {
	if m.stmt == "" {
		return nil
	}
	// The statement on one line: a statement typed over several lines
	// reads better with its line breaks as spaces than as \n.
	stmt := cells.OneLine(m.stmt)
	switch {
	case m.ran > 1 && len(m.runs) > 0 && m.at != len(m.runs)-1:
		stmt = i18n.Join(i18n.F(m.lang, i18n.ResultsRunOf, m.at+1, m.ran), stmt)
	case m.ran > 1:
		stmt = i18n.Join(i18n.F(m.lang, i18n.ResultsLastOf, m.ran), stmt)
	}
	lines := m.failureLines()
	lines = append(lines, m.th.Accent.Render("› ")+m.th.Subtle.Render(cells.Truncate(stmt, m.width-2)))
	if m.res != nil {
		var warnings []string
		for _, w := range m.res.Warnings {
			for _, l := range cells.Wrap(i18n.T(m.lang, i18n.ResultsWarning)+" "+cells.Clean(w), m.width) {
				if len(warnings) < 3 {
					warnings = append(warnings, m.th.Warn.Render(l))
				}
			}
		}
		lines = append(lines, warnings...)
	}
	return lines
}

// failureLines lists the statements of the submission that failed, other
// than the one shown: each with its error, as many as leave half the pane
// to the outcome shown.
func (m Model) failureLines() []string {
	failed := m.Failed()
	if len(m.runs) < 2 || len(failed) == 0 {
		return nil
	}
	var lines []string
	for _, l := range cells.Wrap(i18n.F(m.lang, i18n.ResultsFailed, len(failed), len(m.runs)), m.width) {
		lines = append(lines, m.th.Error.Render(l))
	}
	var others []int
	for _, i := range failed {
		if i != m.at {
			others = append(others, i)
		}
	}
	// Two lines per statement, and one to say how many more there are
	// when they do not all fit.
	budget := max(m.height/2-2, 0)
	shown := len(others)
	if 2*shown > budget {
		shown = max(budget-1, 0) / 2
	}
	for _, i := range others[:shown] {
		e := cqlerr.As(m.runs[i].Err)
		num := m.th.Faint.Render(cells.Fit(strconv.Itoa(i+1), 3)) + m.th.Accent.Render("› ")
		lines = append(lines,
			num+m.th.Subtle.Render(cells.Truncate(cells.OneLine(m.runs[i].Stmt), m.width-5)),
			cells.Spaces(5)+m.th.Error.Render(cells.Truncate(cells.OneLine(firstLine(ErrorText(m.lang, e))), m.width-5)))
	}
	if more := len(others) - shown; more > 0 {
		lines = append(lines, cells.Spaces(5)+m.th.Faint.Render(cells.Truncate(i18n.F(m.lang, i18n.ResultsMoreFailed, more), m.width-5)))
	}
	return lines
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return first
}

// View draws the pane, exactly SetSize's size.
func (m Model) View() string {
	lines := m.headLines()
	switch {
	case m.running:
		for _, l := range cells.Wrap(i18n.T(m.lang, i18n.ResultsRunning), m.width) {
			lines = append(lines, m.th.Faint.Render(l))
		}
	case m.stmt == "" && m.res == nil && m.err == nil:
		lines = append(lines, m.th.Faint.Render(i18n.T(m.lang, i18n.ResultsEmpty)))
		for _, l := range cells.Wrap(i18n.T(m.lang, i18n.ResultsEmptyHint), m.width) {
			lines = append(lines, m.th.Faint.Render(l))
		}
	case m.table != nil:
		lines = append(lines, m.tableLines()...)
	default:
		end := min(m.yOff+m.bodyHeight(), len(m.text))
		for _, l := range m.text[m.yOff:end] {
			lines = append(lines, cells.Cut(l, m.xOff, m.xOff+m.width))
		}
	}
	return cells.Block(lines, m.width, m.height)
}

// ErrorText is an error as a learner reads it in short: its class and
// Cassandra's message, or, for a command's own error (which cqlsh prints
// without a class), the command's message in lang.
func ErrorText(lang lessons.Lang, e *cqlerr.Error) string {
	if e.Code == cqlerr.Shell {
		return i18n.CommandError(lang, e)
	}
	return e.Code.Class() + ": " + e.Message
}

// Position describes the scroll position of a text that does not fit
// ("12-30/85"), or "" (a table says which rows it shows in its footer).
func (m Model) Position() string {
	if m.table != nil {
		return ""
	}
	return cells.Range(m.yOff, m.bodyHeight(), len(m.text))
}
