// Package lessonpane is the lesson pane: a step's text, or an exercise's
// task with its check result, the hints revealed one at a time, the
// solution (on request, after a confirmation, or after success) and why
// it matters (after success). Lesson text is Markdown rendered by the
// lessons package's renderer, which the app injects.
package lessonpane

import (
	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/scroll"
	"github.com/learnkv/learnkv/ui/theme"
)

// Renderer renders Markdown to styled text of a width.
type Renderer func(markdown string, width int, dark bool) (string, error)

// Outcome is the result of checking an exercise, as the pane shows it.
type Outcome struct {
	Passed bool
	// Failures are the failed checks' messages, in the learner's language.
	Failures []string
	// Err is set when the check itself could not run.
	Err error
	// Cancelled is set when the learner cancelled the check.
	Cancelled bool
}

// Messages the pane sends to the app.
type (
	// NavigateMsg asks for the next (Delta 1) or previous (-1) item.
	NavigateMsg struct{ Delta int }
	// CopyMsg asks to put text into the editor.
	CopyMsg struct{ Text string }
	// CheckMsg asks to check the exercise now.
	CheckMsg struct{}
	// ResetExerciseMsg asks to give the exercise its start state again.
	ResetExerciseMsg struct{}
	// ResetLessonMsg asks to reset the whole lesson (progress and
	// keyspace).
	ResetLessonMsg struct{}
	// RevealMsg reports what the learner has revealed, for progress.
	RevealMsg struct {
		Hints    int
		Solution bool
	}
)

// confirm is a question the pane is asking.
type confirm int

const (
	noConfirm confirm = iota
	confirmSolution
	confirmResetExercise
	confirmResetLesson
)

// Model is the lesson pane.
type Model struct {
	KeyMap KeyMap

	lang   lessons.Lang
	th     theme.Theme
	render Renderer
	view   scroll.Model
	width  int
	height int

	lesson *lessons.Lesson
	item   *lessons.Item
	// index and count place the item in its lesson.
	index, count int

	hints    int
	solution bool
	passed   bool
	outcome  *Outcome
	checking bool
	asking   confirm

	// examples are the ```cql blocks the copy key can take, where the
	// body shows them.
	examples []example
	// copied, when not -1, is the example the copy key takes next: the
	// one after the example it just took (any other key of the pane
	// forgets it).
	copied int
}

// New returns an empty lesson pane that renders Markdown with render.
func New(lang lessons.Lang, th theme.Theme, render Renderer) Model {
	m := Model{KeyMap: NewKeyMap(lang), lang: lang, th: th, render: render, view: scroll.New(lang, th), copied: -1}
	m.view.KeyMap = scrollKeys(lang)
	m.SetSize(40, 10)
	return m
}

// scrollKeys are the scroll keys without the letters the pane uses.
func scrollKeys(lang lessons.Lang) scroll.KeyMap {
	k := scroll.NewKeyMap(lang)
	k.Left.SetEnabled(false)
	k.Right.SetEnabled(false)
	k.PageDown.SetKeys("pgdown", "space")
	k.PageUp.SetKeys("pgup")
	return k
}

// SetTheme applies a theme (Markdown is rendered again for it).
func (m *Model) SetTheme(th theme.Theme) {
	m.th = th
	m.refresh(true)
}

// SetLang changes the pane's language. The app then gives it the item in
// the new language with SetItem.
func (m *Model) SetLang(lang lessons.Lang) {
	m.lang = lang
	m.KeyMap = NewKeyMap(lang)
	m.view.KeyMap = scrollKeys(lang)
	m.refresh(true)
}

// SetSize sets the pane's size in cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 10), max(h, 3)
	m.view.SetSize(m.width, m.height-headerHeight)
	m.refresh(true)
}

// ItemState is what the learner has done on an item.
type ItemState struct {
	Hints    int
	Solution bool
	Passed   bool
}

// SetItem shows an item of a lesson, with the learner's state on it. Going
// to another item resets the scroll position and any pending question;
// giving the same item again (a language switch) keeps them.
func (m *Model) SetItem(l *lessons.Lesson, it *lessons.Item, st ItemState) {
	same := m.lesson != nil && m.item != nil && l != nil && it != nil && m.lesson.ID == l.ID && m.item.ID == it.ID
	m.lesson, m.item = l, it
	m.index, m.count = 0, 0
	if l != nil {
		m.count = len(l.Items)
		for i, x := range l.Items {
			if x == it {
				m.index = i
			}
		}
	}
	m.hints, m.solution, m.passed = st.Hints, st.Solution, st.Passed
	if !same {
		m.outcome, m.checking, m.asking, m.copied = nil, false, noConfirm, -1
	}
	m.refresh(same)
}

// Item returns the lesson and item shown.
func (m Model) Item() (*lessons.Lesson, *lessons.Item) { return m.lesson, m.item }

// IsExercise reports whether the item shown is an exercise.
func (m Model) IsExercise() bool {
	return m.item != nil && m.item.Kind == lessons.ExerciseItem && m.item.Exercise != nil
}

// SetChecking marks the exercise as being checked.
func (m *Model) SetChecking() {
	m.checking = true
	m.refresh(true)
}

// SetOutcome shows a check's outcome. A pass is remembered even if a
// later check fails (the learner may keep experimenting).
func (m *Model) SetOutcome(o *Outcome) {
	m.checking = false
	m.outcome = o
	if o != nil && o.Passed && !m.passed {
		m.passed = true
		m.refresh(false)
		m.view.GotoBottom() // show the "why"
		return
	}
	m.refresh(true)
}

// Outcome returns the last check's outcome, or nil.
func (m Model) Outcome() *Outcome { return m.outcome }

// Checking reports whether the pane shows a check as running.
func (m Model) Checking() bool { return m.checking }

// Capturing reports whether the pane is asking a yes/no question, when
// it needs every key (so that "n" answers rather than navigates).
func (m Model) Capturing() bool { return m.asking != noConfirm }
