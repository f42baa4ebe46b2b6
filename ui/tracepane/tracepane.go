// Package tracepane is the trace pane: what the last statement cost the
// simulated cluster, drawn rather than counted. The nodes stand in a row,
// marked coordinator, asked, replica or down; then the partitions and
// their tokens, rows scanned against rows returned, and call-outs for the
// costly things (full scans, filtering, Paxos round trips, the batch log,
// hints, read repair), and the latency estimate.
package tracepane

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/scroll"
	"github.com/learnkv/learnkv/ui/theme"
)

// KeyMap holds the pane's keys.
type KeyMap struct {
	Scroll scroll.KeyMap
	// Activity shows or hides the activity log (the events cqlsh's
	// TRACING prints).
	Activity key.Binding
}

// NewKeyMap returns the pane's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	return KeyMap{
		Scroll:   scroll.NewKeyMap(lang),
		Activity: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", i18n.T(lang, i18n.HelpActivity))),
	}
}

// DefaultKeyMap returns the pane's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding { return append(k.Scroll.ShortHelp(), k.Activity) }

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return append(k.Scroll.FullHelp(), []key.Binding{k.Activity})
}

// Model is the trace pane.
type Model struct {
	KeyMap KeyMap

	lang     lessons.Lang
	th       theme.Theme
	view     scroll.Model
	tr       *trace.Trace
	cluster  *sandbox.ClusterStatus
	activity bool
}

// New returns an empty trace pane.
func New(lang lessons.Lang, th theme.Theme) Model {
	m := Model{KeyMap: NewKeyMap(lang), lang: lang, th: th, view: scroll.New(lang, th)}
	m.render(false)
	return m
}

// SetTheme applies a theme.
func (m *Model) SetTheme(th theme.Theme) {
	m.th = th
	m.view.SetTheme(th)
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

// SetTrace shows a statement's trace (nil clears the pane).
func (m *Model) SetTrace(tr *trace.Trace) {
	m.tr = tr
	m.render(false)
}

// Trace returns the trace shown.
func (m Model) Trace() *trace.Trace { return m.tr }

// SetCluster gives the pane the cluster's state, for the nodes that the
// statement did not touch and for the nodes that are down.
func (m *Model) SetCluster(st *sandbox.ClusterStatus) {
	m.cluster = st
	m.render(true)
}

// Position describes the scroll position for the pane's title.
func (m Model) Position() string { return m.view.Position() }

// Update handles the pane's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.KeyMap.Activity) {
		m.activity = !m.activity
		at := m.render(true)
		if m.activity {
			m.view.ScrollTo(at) // the log is below the trace: show it
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return m, cmd
}

// View draws the pane, exactly SetSize's size.
func (m Model) View() string { return m.view.View() }

// render rebuilds the pane's lines and returns the line where the
// activity log begins.
func (m *Model) render(keep bool) int {
	w := m.view.Width()
	if m.tr == nil {
		var lines []string
		lines = append(lines, m.th.Faint.Render(i18n.T(m.lang, i18n.TraceEmpty)))
		for _, l := range cells.Wrap(i18n.T(m.lang, i18n.TraceEmptyHint), w) {
			lines = append(lines, m.th.Faint.Render(l))
		}
		m.view.SetLines(lines, keep)
		return 0
	}
	d := drawer{lang: m.lang, th: m.th, w: w, tr: m.tr, cluster: m.cluster}
	lines, at := d.lines(m.activity)
	m.view.SetLines(lines, keep)
	return at
}
