package lessonpane

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/scroll"
)

// KeyMap holds the lesson pane's keys.
type KeyMap struct {
	Scroll        scroll.KeyMap
	Next          key.Binding
	Prev          key.Binding
	Hint          key.Binding
	Solution      key.Binding
	Copy          key.Binding
	Check         key.Binding
	ResetExercise key.Binding
	ResetLesson   key.Binding
	Yes           key.Binding
	No            key.Binding
}

// NewKeyMap returns the pane's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	t := func(id i18n.ID) string { return i18n.T(lang, id) }
	return KeyMap{
		Scroll:        scrollKeys(lang),
		Next:          key.NewBinding(key.WithKeys("n", "]"), key.WithHelp("n", t(i18n.HelpNextItem))),
		Prev:          key.NewBinding(key.WithKeys("p", "["), key.WithHelp("p", t(i18n.HelpPrevItem))),
		Hint:          key.NewBinding(key.WithKeys("h"), key.WithHelp("h", t(i18n.HelpHint))),
		Solution:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t(i18n.HelpSolution))),
		Copy:          key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t(i18n.HelpCopy))),
		Check:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t(i18n.HelpCheck))),
		ResetExercise: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t(i18n.HelpResetExercise))),
		ResetLesson:   key.NewBinding(key.WithKeys("X"), key.WithHelp("X", t(i18n.HelpResetLesson))),
		Yes:           key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y", t(i18n.HelpYes))),
		No:            key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", t(i18n.HelpNo))),
	}
}

// DefaultKeyMap returns the pane's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Copy, k.Hint, k.Check}
}

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Scroll.Down, k.Scroll.PageDown},
		{k.Copy, k.Hint, k.Solution, k.Check},
		{k.ResetExercise, k.ResetLesson},
	}
}

// HelpKeys returns the keys that apply now (the help bar shows these).
func (m Model) HelpKeys() []key.Binding {
	switch {
	case m.asking != noConfirm:
		return []key.Binding{m.KeyMap.Yes, m.KeyMap.No}
	case m.IsExercise():
		return []key.Binding{m.KeyMap.Copy, m.KeyMap.Hint, m.KeyMap.Solution, m.KeyMap.Check, m.KeyMap.Next}
	}
	return []key.Binding{m.KeyMap.Copy, m.KeyMap.Next, m.KeyMap.Prev, m.KeyMap.Scroll.Down}
}

// Update handles the pane's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.item == nil {
		return m, nil
	}
	if m.asking != noConfirm {
		return m.answer(k)
	}
	if !key.Matches(k, m.KeyMap.Copy) {
		m.copied = -1
	}
	ex := m.IsExercise()
	switch {
	case key.Matches(k, m.KeyMap.Next):
		return m, send(NavigateMsg{Delta: 1})
	case key.Matches(k, m.KeyMap.Prev):
		return m, send(NavigateMsg{Delta: -1})
	case key.Matches(k, m.KeyMap.Copy):
		// An empty text tells the app there is nothing to copy.
		return m, send(CopyMsg{Text: m.copyNext()})
	case ex && key.Matches(k, m.KeyMap.Hint):
		if m.hints < len(m.item.Exercise.Hints) {
			m.hints++
			m.refresh(true)
			m.view.GotoBottom()
			return m, send(RevealMsg{Hints: m.hints, Solution: m.solution})
		}
		return m, nil
	case ex && key.Matches(k, m.KeyMap.Solution):
		if m.solution || m.passed {
			return m, nil
		}
		m.asking = confirmSolution
		m.refresh(true)
		return m, nil
	case ex && key.Matches(k, m.KeyMap.Check):
		return m, send(CheckMsg{})
	case ex && key.Matches(k, m.KeyMap.ResetExercise):
		m.asking = confirmResetExercise
		m.refresh(true)
		return m, nil
	case key.Matches(k, m.KeyMap.ResetLesson):
		m.asking = confirmResetLesson
		m.refresh(true)
		return m, nil
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return m, cmd
}

// answer handles a key while the pane asks a question.
func (m Model) answer(k tea.KeyPressMsg) (Model, tea.Cmd) {
	asked := m.asking
	switch {
	case key.Matches(k, m.KeyMap.Yes):
		m.asking = noConfirm
	case key.Matches(k, m.KeyMap.No):
		m.asking = noConfirm
		m.refresh(true)
		return m, nil
	default:
		return m, nil
	}
	switch asked {
	case confirmSolution:
		m.solution = true
		m.refresh(true)
		m.view.GotoBottom()
		return m, send(RevealMsg{Hints: m.hints, Solution: true})
	case confirmResetExercise:
		m.outcome = nil
		m.refresh(true)
		return m, send(ResetExerciseMsg{})
	case confirmResetLesson:
		m.refresh(true)
		return m, send(ResetLessonMsg{})
	}
	return m, nil
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
