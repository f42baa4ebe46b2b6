// Package distpane is the distribution view: how one table's rows spread
// over the nodes, as a bar per node, with the skew, the largest
// partitions and the warnings a Cassandra operator would raise.
package distpane

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/scroll"
	"github.com/learnkv/learnkv/ui/theme"
)

// ChooseMsg asks the app to compute the distribution of a table.
type ChooseMsg struct {
	// Table is keyspace.table.
	Table string
}

// KeyMap holds the pane's keys.
type KeyMap struct {
	Scroll    scroll.KeyMap
	NextTable key.Binding
	PrevTable key.Binding
	Refresh   key.Binding
}

// NewKeyMap returns the pane's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	return KeyMap{
		Scroll:    scroll.NewKeyMap(lang),
		NextTable: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", i18n.T(lang, i18n.HelpNextTable))),
		PrevTable: key.NewBinding(key.WithKeys("T"), key.WithHelp("T", i18n.T(lang, i18n.HelpPrevTable))),
		Refresh:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", i18n.T(lang, i18n.HelpRefresh))),
	}
}

// DefaultKeyMap returns the pane's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextTable, k.Refresh, k.Scroll.Down}
}

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return append(k.Scroll.FullHelp(), []key.Binding{k.NextTable, k.PrevTable, k.Refresh})
}

// Model is the distribution view.
type Model struct {
	KeyMap KeyMap

	lang lessons.Lang
	th   theme.Theme
	view scroll.Model

	// table is the table shown (or being computed), keyspace.table.
	table  string
	tables []string
	dist   *sandbox.Distribution
	err    error
	// loading is set between a ChooseMsg and SetDistribution.
	loading bool
}

// New returns an empty distribution view.
func New(lang lessons.Lang, th theme.Theme) Model {
	m := Model{KeyMap: NewKeyMap(lang), lang: lang, th: th, view: scroll.New(lang, th)}
	m.render(false)
	return m
}

// SetTheme applies a theme.
func (m *Model) SetTheme(th theme.Theme) {
	m.th = th
	m.render(true)
}

// SetLang changes the pane's language.
func (m *Model) SetLang(lang lessons.Lang) {
	m.lang = lang
	m.KeyMap = NewKeyMap(lang)
	m.view.SetLang(lang)
	m.render(true)
}

// SetSize sets the pane's size in cells.
func (m *Model) SetSize(w, h int) {
	m.view.SetSize(w, h)
	m.render(true)
}

// SetTables sets the tables the learner can choose from (keyspace.table).
func (m *Model) SetTables(tables []string) { m.tables = tables }

// Table returns the table shown or being computed.
func (m Model) Table() string { return m.table }

// SetLoading marks the pane as computing table's distribution.
func (m *Model) SetLoading(table string) {
	m.table, m.loading = table, true
	m.render(true)
}

// SetDistribution shows a computed distribution, or the error computing
// it (context.Canceled for a measurement the learner cancelled).
func (m *Model) SetDistribution(table string, d *sandbox.Distribution, err error) {
	keep := table == m.table
	m.table, m.dist, m.err, m.loading = table, d, err, false
	m.render(keep)
}

// Position describes the scroll position for the pane's title.
func (m Model) Position() string { return m.view.Position() }

// Update handles the pane's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.KeyMap.NextTable):
			return m, m.choose(1)
		case key.Matches(k, m.KeyMap.PrevTable):
			return m, m.choose(-1)
		case key.Matches(k, m.KeyMap.Refresh):
			if m.table != "" {
				t := m.table
				return m, func() tea.Msg { return ChooseMsg{Table: t} }
			}
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return m, cmd
}

// choose asks for the next (or previous) table.
func (m Model) choose(step int) tea.Cmd {
	if len(m.tables) == 0 {
		return nil
	}
	i := -1
	for j, t := range m.tables {
		if t == m.table {
			i = j
		}
	}
	if i < 0 && step < 0 {
		i = 0
	}
	next := m.tables[((i+step)%len(m.tables)+len(m.tables))%len(m.tables)]
	return func() tea.Msg { return ChooseMsg{Table: next} }
}

// View draws the pane, exactly SetSize's size.
func (m Model) View() string { return m.view.View() }
