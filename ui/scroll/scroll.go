// Package scroll is a scrolling text area for the panes that show
// prepared lines (trace, keys, distribution): a bubbles viewport with
// keys whose help is translated, and a scroll indicator.
package scroll

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// KeyMap holds the scrolling keys.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Left     key.Binding
	Right    key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

// NewKeyMap returns the scrolling keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", i18n.T(lang, i18n.HelpUp))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", i18n.T(lang, i18n.HelpDown))),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", i18n.T(lang, i18n.HelpPageUp))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn", i18n.T(lang, i18n.HelpPageDown))),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", i18n.T(lang, i18n.HelpScrollLeft))),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", i18n.T(lang, i18n.HelpScrollRight))),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", i18n.T(lang, i18n.HelpTop))),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", i18n.T(lang, i18n.HelpBottom))),
	}
}

// DefaultKeyMap returns the scrolling keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.PageDown} }

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Left, k.Right, k.Top, k.Bottom}}
}

// Model is a scrolling area of prepared lines.
type Model struct {
	KeyMap KeyMap

	vp    viewport.Model
	th    theme.Theme
	lines []string
}

// New returns an empty scrolling area.
func New(lang lessons.Lang, th theme.Theme) Model {
	vp := viewport.New(viewport.WithWidth(40), viewport.WithHeight(10))
	vp.KeyMap = viewport.KeyMap{}
	vp.MouseWheelEnabled = false
	vp.SetHorizontalStep(8)
	return Model{KeyMap: NewKeyMap(lang), vp: vp, th: th}
}

// SetLang changes the language of the help.
func (m *Model) SetLang(lang lessons.Lang) { m.KeyMap = NewKeyMap(lang) }

// SetTheme applies a theme.
func (m *Model) SetTheme(th theme.Theme) { m.th = th }

// SetSize sets the area's size in cells.
func (m *Model) SetSize(w, h int) {
	m.vp.SetWidth(max(w, 1))
	m.vp.SetHeight(max(h, 1))
}

// Width returns the area's width.
func (m Model) Width() int { return m.vp.Width() }

// Height returns the area's height.
func (m Model) Height() int { return m.vp.Height() }

// SetLines replaces the content, keeping the scroll position when keep is
// set (a re-layout) and going back to the top otherwise (new content).
func (m *Model) SetLines(lines []string, keep bool) {
	y := m.vp.YOffset()
	m.lines = lines
	m.vp.SetContentLines(lines)
	if keep {
		m.vp.SetYOffset(y)
	} else {
		m.vp.GotoTop()
		m.vp.SetXOffset(0)
	}
}

// YOffset returns the index of the first visible line.
func (m Model) YOffset() int { return m.vp.YOffset() }

// GotoTop scrolls to the first line.
func (m *Model) GotoTop() { m.vp.GotoTop() }

// GotoBottom scrolls to the last line.
func (m *Model) GotoBottom() { m.vp.GotoBottom() }

// ScrollTo scrolls line (counted from 0) to the top, or as near as the
// content allows.
func (m *Model) ScrollTo(line int) { m.vp.SetYOffset(line) }

// Update handles the scrolling keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.KeyMap.Up):
		m.vp.ScrollUp(1)
	case key.Matches(k, m.KeyMap.Down):
		m.vp.ScrollDown(1)
	case key.Matches(k, m.KeyMap.PageUp):
		m.vp.PageUp()
	case key.Matches(k, m.KeyMap.PageDown):
		m.vp.PageDown()
	case key.Matches(k, m.KeyMap.Left):
		m.vp.ScrollLeft(8)
	case key.Matches(k, m.KeyMap.Right):
		m.vp.ScrollRight(8)
	case key.Matches(k, m.KeyMap.Top):
		m.vp.GotoTop()
		m.vp.SetXOffset(0)
	case key.Matches(k, m.KeyMap.Bottom):
		m.vp.GotoBottom()
	}
	return m, nil
}

// Position describes the scroll position ("12-30/85"), or "" when
// everything fits.
func (m Model) Position() string {
	return cells.Range(m.vp.YOffset(), m.vp.Height(), len(m.lines))
}

// View draws the visible lines, exactly SetSize's size.
func (m Model) View() string {
	return cells.Block(cells.Lines(m.vp.View()), m.vp.Width(), m.vp.Height())
}
