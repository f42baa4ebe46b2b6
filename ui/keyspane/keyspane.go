// Package keyspane is the key view: the real Badger keys the last
// statement read and wrote, decoded. It is where a learner sees that a
// row is a bundle of cells under a sorted key: table, token, partition
// key, clustering key, column.
package keyspane

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/scroll"
	"github.com/learnkv/learnkv/ui/theme"
)

// KeyMap holds the pane's keys.
type KeyMap struct {
	Scroll scroll.KeyMap
}

// NewKeyMap returns the pane's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap { return KeyMap{Scroll: scroll.NewKeyMap(lang)} }

// DefaultKeyMap returns the pane's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding { return append(k.Scroll.ShortHelp(), k.Scroll.Right) }

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding { return k.Scroll.FullHelp() }

// Model is the key view.
type Model struct {
	KeyMap KeyMap

	lang lessons.Lang
	th   theme.Theme
	view scroll.Model
	tr   *trace.Trace
}

// New returns an empty key view.
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

// SetTrace shows the keys of a statement's trace (nil clears the pane).
func (m *Model) SetTrace(tr *trace.Trace) {
	m.tr = tr
	m.render(false)
}

// Position describes the scroll position for the pane's title.
func (m Model) Position() string { return m.view.Position() }

// Update handles the pane's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return m, cmd
}

// View draws the pane, exactly SetSize's size.
func (m Model) View() string { return m.view.View() }

func (m *Model) render(keep bool) {
	w := m.view.Width()
	faint := func(id i18n.ID, args ...any) []string {
		var out []string
		for _, l := range cells.Wrap(i18n.F(m.lang, id, args...), w) {
			out = append(out, m.th.Faint.Render(l))
		}
		return out
	}
	var lines []string
	switch {
	case m.tr == nil:
		lines = append(faint(i18n.KeysEmpty), faint(i18n.KeysEmptyHint)...)
	case len(m.tr.Keys) == 0:
		lines = append(lines, m.th.Accent.Render("› ")+m.th.Subtle.Render(cells.Truncate(cells.OneLine(m.tr.Statement), w-2)))
		lines = append(lines, faint(i18n.KeysNone)...)
	default:
		lines = append(lines, m.th.Accent.Render("› ")+m.th.Subtle.Render(cells.Truncate(cells.OneLine(m.tr.Statement), w-2)))
		summary := i18n.F(m.lang, i18n.KeysSummary, m.tr.KeysRead, m.tr.KeysWritten)
		if total := m.tr.KeysRead + m.tr.KeysWritten; total > len(m.tr.Keys) {
			summary = i18n.Join(summary, i18n.F(m.lang, i18n.KeysFirstN, len(m.tr.Keys)))
		}
		for _, l := range cells.Wrap(summary, w) {
			lines = append(lines, m.th.Bold.Render(l))
		}
		lines = append(lines, m.th.Faint.Render(cells.Truncate(i18n.T(m.lang, i18n.KeysLegend), w)))
		for _, k := range m.tr.Keys {
			lines = append(lines, m.keyLine(k))
		}
	}
	m.view.SetLines(lines, keep)
}

// keyLine styles one decoded key: "read  node2:ks.t/token/(pk)/row(ck)/col".
// The parts are coloured so that the eye finds the token, the partition
// key and the clustering key; anything unexpected is shown as is.
func (m Model) keyLine(k string) string {
	verb, rest, _ := strings.Cut(k, " ")
	rest = strings.TrimLeft(rest, " ")
	verbStyle := m.th.Contacted
	label := i18n.T(m.lang, i18n.TraceRead)
	if verb == "write" {
		verbStyle, label = m.th.Warn, i18n.T(m.lang, i18n.TraceWrite)
	}
	node, path, ok := strings.Cut(rest, ":")
	if !ok {
		return verbStyle.Render(cells.Fit(label, 5)) + " " + cells.Clean(rest)
	}
	parts := strings.SplitN(path, "/", 4)
	styles := []func(...string) string{m.th.Subtle.Render, m.th.Faint.Render, m.th.Code.Render, m.th.Text.Render}
	for i := range parts {
		parts[i] = styles[i](cells.Clean(parts[i]))
	}
	return verbStyle.Render(cells.Fit(label, 5)) + " " + m.th.Accent.Render(cells.Fit(node, 6)) + " " +
		strings.Join(parts, m.th.Faint.Render("/"))
}
