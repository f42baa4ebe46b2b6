// Package outline is the lesson outline: every lesson with its steps and
// exercises, each marked done, in progress or not started, and a cursor
// to jump anywhere (skipping ahead is allowed).
package outline

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// Mark is a learner's state on an item.
type Mark int

// The marks.
const (
	NotStarted Mark = iota
	InProgress
	Done
)

// SelectMsg asks the app to open an item.
type SelectMsg struct {
	Lesson string
	Item   string
}

// KeyMap holds the outline's keys.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	Open     key.Binding
	Expand   key.Binding
	Collapse key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

// NewKeyMap returns the outline's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", i18n.T(lang, i18n.HelpUp))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", i18n.T(lang, i18n.HelpDown))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.T(lang, i18n.HelpOpen))),
		Expand:   key.NewBinding(key.WithKeys("right", "l", "space"), key.WithHelp("→", i18n.T(lang, i18n.HelpExpand))),
		Collapse: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", i18n.T(lang, i18n.HelpCollapse))),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", i18n.T(lang, i18n.HelpPageUp))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f"), key.WithHelp("pgdn", i18n.T(lang, i18n.HelpPageDown))),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", i18n.T(lang, i18n.HelpTop))),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", i18n.T(lang, i18n.HelpBottom))),
	}
}

// DefaultKeyMap returns the outline's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Open, k.Expand} }

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Expand, k.Collapse}, {k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

// row is one line of the outline: a lesson, or an item of one.
type row struct {
	lesson int
	item   int // -1 for the lesson's own row
}

// Model is the outline pane.
type Model struct {
	KeyMap KeyMap

	lang    lessons.Lang
	th      theme.Theme
	width   int
	height  int
	lessons []*lessons.Lesson
	marks   map[string]Mark
	open    map[string]bool
	// current is the item the lesson pane shows ("lesson/item").
	current string
	cursor  int
	offset  int
}

// New returns an empty outline.
func New(lang lessons.Lang, th theme.Theme) Model {
	return Model{KeyMap: NewKeyMap(lang), lang: lang, th: th, width: 40, height: 10,
		marks: map[string]Mark{}, open: map[string]bool{}}
}

// SetTheme applies a theme.
func (m *Model) SetTheme(th theme.Theme) { m.th = th }

// SetLang changes the outline's language.
func (m *Model) SetLang(lang lessons.Lang) {
	m.lang = lang
	m.KeyMap = NewKeyMap(lang)
}

// SetSize sets the pane's size in cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 10), max(h, 1)
	m.scrollToCursor()
}

// SetLessons sets the lessons shown (in the learner's language).
func (m *Model) SetLessons(ls []*lessons.Lesson) {
	m.lessons = ls
	m.cursor = min(m.cursor, max(len(m.rows())-1, 0))
}

// SetMarks sets the learner's marks, keyed by Key(lesson, item).
func (m *Model) SetMarks(marks map[string]Mark) { m.marks = marks }

// Key returns the key of an item in the marks map.
func Key(lesson, item string) string { return lesson + "/" + item }

// SetCurrent marks the item the lesson pane shows, opens its lesson and
// moves the cursor to it.
func (m *Model) SetCurrent(lesson, item string) {
	m.current = Key(lesson, item)
	m.open[lesson] = true
	for i, r := range m.rows() {
		if r.item >= 0 && Key(m.lessons[r.lesson].ID, m.lessons[r.lesson].Items[r.item].ID) == m.current {
			m.cursor = i
		}
	}
	m.scrollToCursor()
}

// rows lists the visible lines: every lesson, and the items of open ones.
func (m Model) rows() []row {
	var rs []row
	for i, l := range m.lessons {
		rs = append(rs, row{lesson: i, item: -1})
		if m.open[l.ID] {
			for j := range l.Items {
				rs = append(rs, row{lesson: i, item: j})
			}
		}
	}
	return rs
}

// Update handles the outline's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	rs := m.rows()
	if len(rs) == 0 {
		return m, nil
	}
	r := rs[min(m.cursor, len(rs)-1)]
	l := m.lessons[r.lesson]
	switch {
	case key.Matches(k, m.KeyMap.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.KeyMap.Down):
		m.cursor = min(m.cursor+1, len(rs)-1)
	case key.Matches(k, m.KeyMap.PageUp):
		m.cursor = max(m.cursor-max(m.height-1, 1), 0)
	case key.Matches(k, m.KeyMap.PageDown):
		m.cursor = min(m.cursor+max(m.height-1, 1), len(rs)-1)
	case key.Matches(k, m.KeyMap.Top):
		m.cursor = 0
	case key.Matches(k, m.KeyMap.Bottom):
		m.cursor = len(rs) - 1
	case key.Matches(k, m.KeyMap.Expand):
		if r.item < 0 {
			m.open[l.ID] = !m.open[l.ID] || k.String() != "space"
		}
	case key.Matches(k, m.KeyMap.Collapse):
		if r.item >= 0 {
			m.cursor -= r.item + 1
		}
		m.open[l.ID] = false
	case key.Matches(k, m.KeyMap.Open):
		item := ""
		if r.item >= 0 {
			item = l.Items[r.item].ID
		} else if len(l.Items) > 0 {
			item = l.Items[0].ID
		}
		if item != "" {
			id := l.ID
			return m, func() tea.Msg { return SelectMsg{Lesson: id, Item: item} }
		}
	}
	m.scrollToCursor()
	return m, nil
}

func (m *Model) scrollToCursor() {
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+m.height {
		m.offset = m.cursor - m.height + 1
	}
	// A taller pane (after a resize) shows more rows, not blank lines.
	m.offset = max(min(m.offset, len(m.rows())-m.height), 0)
}

// Position describes which rows are on screen ("12-30/85"), or "" when
// all of them are.
func (m Model) Position() string {
	return cells.Range(m.offset, m.height, len(m.rows()))
}

// lessonMark sums up a lesson's items.
func (m Model) lessonMark(l *lessons.Lesson) (Mark, int) {
	done, started := 0, 0
	for _, it := range l.Items {
		switch m.marks[Key(l.ID, it.ID)] {
		case Done:
			done++
		case InProgress:
			started++
		}
	}
	switch {
	case len(l.Items) > 0 && done == len(l.Items):
		return Done, done
	case done+started > 0:
		return InProgress, done
	}
	return NotStarted, done
}

func (m Model) markGlyph(mk Mark) string {
	switch mk {
	case Done:
		return m.th.Success.Render("✓")
	case InProgress:
		return m.th.Accent.Render("◍")
	}
	return m.th.Faint.Render("◦")
}

// View draws the outline, exactly SetSize's size.
func (m Model) View() string {
	if len(m.lessons) == 0 {
		return cells.Block([]string{m.th.Faint.Render(i18n.T(m.lang, i18n.OutlineEmpty))}, m.width, m.height)
	}
	rs := m.rows()
	var lines []string
	for i := m.offset; i < len(rs) && i < m.offset+m.height; i++ {
		lines = append(lines, m.line(rs[i], i == m.cursor))
	}
	return cells.Block(lines, m.width, m.height)
}

// line draws one row.
func (m Model) line(r row, selected bool) string {
	l := m.lessons[r.lesson]
	cursor := "  "
	if selected {
		cursor = m.th.Accent.Render("❯ ")
	}
	if r.item < 0 {
		mk, done := m.lessonMark(l)
		count := fmt.Sprintf(" %d/%d", done, len(l.Items))
		name := l.Title
		if num, _, ok := strings.Cut(l.ID, "-"); ok && num != "" && strings.Trim(num, "0123456789") == "" {
			name = num + " " + name
		}
		title := m.th.Bold.Render(name)
		if selected {
			title = m.th.Title.Render(name)
		}
		body := cells.Truncate(m.markGlyph(mk)+" "+title, m.width-2-len(count))
		return cursor + cells.Fit(body, m.width-2-len(count)) + m.th.Subtle.Render(count)
	}
	it := l.Items[r.item]
	kind := i18n.T(m.lang, i18n.OutlineStep)
	if it.Kind == lessons.ExerciseItem {
		kind = i18n.T(m.lang, i18n.OutlineExercise)
	}
	title := it.Title
	style := m.th.Text
	if Key(l.ID, it.ID) == m.current {
		style = m.th.Accent.Bold(true)
		title = i18n.Join(title, i18n.T(m.lang, i18n.OutlineHere))
	}
	return cursor + cells.Truncate("  "+m.markGlyph(m.marks[Key(l.ID, it.ID)])+" "+m.th.Faint.Render(kind)+" "+style.Render(title), m.width-2)
}
