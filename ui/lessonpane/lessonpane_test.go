package lessonpane

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/theme"
)

func loadPack(t testing.TB) *lessons.Pack {
	t.Helper()
	p, err := lessons.LoadPack(os.DirFS("../testdata/pack"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func keyPress(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// pressAll sends keys and returns the messages their commands produce.
func pressAll(m Model, keys ...string) (Model, []tea.Msg) {
	var msgs []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(keyPress(k))
		if cmd != nil {
			msgs = append(msgs, cmd())
		}
	}
	return m, msgs
}

func goldenViews(t *testing.T, height int, setup func(t *testing.T, m *Model, pack *lessons.Pack, lang lessons.Lang)) {
	pack := loadPack(t)
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", lang, w), func(t *testing.T) {
				m := New(lang, theme.New(true), lessons.Render)
				m.SetSize(w, height)
				setup(t, &m, pack, lang)
				view := m.View()
				for i, line := range strings.Split(view, "\n") {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("line %d is %d cells wide, want %d: %q", i, got, w, ansi.Strip(line))
					}
				}
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}

func TestViewStep(t *testing.T) {
	goldenViews(t, 14, func(t *testing.T, m *Model, pack *lessons.Pack, lang lessons.Lang) {
		l, it := pack.Item(lang, "00-test", "rows")
		m.SetItem(l, it, ItemState{})
	})
}

func TestViewExerciseFailedWithHint(t *testing.T) {
	goldenViews(t, 24, func(t *testing.T, m *Model, pack *lessons.Pack, lang lessons.Lang) {
		l, it := pack.Item(lang, "00-test", "lookup")
		m.SetItem(l, it, ItemState{})
		*m, _ = pressAll(*m, "h")
		m.SetOutcome(&Outcome{Failures: []string{"expected rows [[Alice]], got [[Bob]]"}})
		m.view.GotoTop()
	})
}

func TestViewExercisePassed(t *testing.T) {
	goldenViews(t, 40, func(t *testing.T, m *Model, pack *lessons.Pack, lang lessons.Lang) {
		l, it := pack.Item(lang, "00-test", "lookup")
		m.SetItem(l, it, ItemState{Hints: 2})
		m.SetOutcome(&Outcome{Passed: true})
		m.view.GotoTop()
	})
}

func TestViewConfirmSolution(t *testing.T) {
	goldenViews(t, 10, func(t *testing.T, m *Model, pack *lessons.Pack, lang lessons.Lang) {
		l, it := pack.Item(lang, "00-test", "lookup")
		m.SetItem(l, it, ItemState{})
		*m, _ = pressAll(*m, "s")
	})
}

func TestHintsAndSolution(t *testing.T) {
	pack := loadPack(t)
	l, it := pack.Item(lessons.English, "00-test", "lookup")
	m := New(lessons.English, theme.New(true), lessons.Render)
	m.SetSize(60, 30)
	m.SetItem(l, it, ItemState{})
	if got := m.Example(); got != "" {
		t.Errorf("Example() before the solution = %q, want none (the task has no example)", got)
	}
	m, msgs := pressAll(m, "h", "h", "h")
	want := []tea.Msg{RevealMsg{Hints: 1}, RevealMsg{Hints: 2}}
	if fmt.Sprint(msgs) != fmt.Sprint(want) {
		t.Errorf("three h presses sent %v, want %v (two hints only)", msgs, want)
	}
	m, msgs = pressAll(m, "s", "n")
	if len(msgs) != 0 || m.solution {
		t.Errorf("s then n: messages %v, solution shown %v, want nothing", msgs, m.solution)
	}
	m, msgs = pressAll(m, "s", "y")
	if fmt.Sprint(msgs) != fmt.Sprint([]tea.Msg{RevealMsg{Hints: 2, Solution: true}}) {
		t.Errorf("s then y sent %v, want the solution revealed", msgs)
	}
	if got := m.Example(); got != "SELECT name FROM users WHERE id = 1;" {
		t.Errorf("Example() after the solution = %q", got)
	}
	if got := ansi.Strip(m.View()); !strings.Contains(got, "Solution") {
		t.Errorf("view after the solution = %q, want the solution", got)
	}
}

func TestKeysSendRequests(t *testing.T) {
	pack := loadPack(t)
	l, it := pack.Item(lessons.English, "00-test", "lookup")
	tests := []struct {
		keys []string
		want []tea.Msg
	}{
		{[]string{"n"}, []tea.Msg{NavigateMsg{Delta: 1}}},
		{[]string{"p"}, []tea.Msg{NavigateMsg{Delta: -1}}},
		{[]string{"enter"}, []tea.Msg{CheckMsg{}}},
		{[]string{"x", "y"}, []tea.Msg{ResetExerciseMsg{}}},
		{[]string{"x", "esc"}, nil},
		{[]string{"X", "y"}, []tea.Msg{ResetLessonMsg{}}},
	}
	for _, tt := range tests {
		m := New(lessons.English, theme.New(true), lessons.Render)
		m.SetSize(60, 20)
		m.SetItem(l, it, ItemState{})
		_, msgs := pressAll(m, tt.keys...)
		if fmt.Sprint(msgs) != fmt.Sprint(tt.want) {
			t.Errorf("keys %q sent %v, want %v", tt.keys, msgs, tt.want)
		}
	}
}

func TestCopyStepExample(t *testing.T) {
	pack := loadPack(t)
	l, it := pack.Item(lessons.Japanese, "00-test", "rows")
	m := New(lessons.Japanese, theme.New(true), lessons.Render)
	m.SetItem(l, it, ItemState{})
	_, msgs := pressAll(m, "c")
	want := []tea.Msg{CopyMsg{Text: "CREATE TABLE users (id int PRIMARY KEY, name text);"}}
	if fmt.Sprint(msgs) != fmt.Sprint(want) {
		t.Errorf("c sent %v, want %v", msgs, want)
	}
}

func TestPassIsKept(t *testing.T) {
	pack := loadPack(t)
	l, it := pack.Item(lessons.English, "00-test", "lookup")
	m := New(lessons.English, theme.New(true), lessons.Render)
	m.SetSize(60, 40)
	m.SetItem(l, it, ItemState{})
	m.SetOutcome(&Outcome{Passed: true})
	m.SetOutcome(&Outcome{Failures: []string{"no"}})
	m.view.GotoTop()
	got := ansi.Strip(m.View())
	for _, want := range []string{"Not yet", "passed this exercise before", "Why it matters"} {
		if !strings.Contains(got, want) {
			t.Errorf("view after a pass then a failure = %q, want %q", got, want)
		}
	}
}

func TestRendererFailureFallsBackToText(t *testing.T) {
	pack := loadPack(t)
	l, it := pack.Item(lessons.English, "00-test", "rows")
	m := New(lessons.English, theme.New(true), func(string, int, bool) (string, error) { return "", errors.New("boom") })
	m.SetSize(60, 12)
	m.SetItem(l, it, ItemState{})
	if got := ansi.Strip(m.View()); !strings.Contains(got, "A table stores rows") {
		t.Errorf("view with a failing renderer = %q, want the plain text", got)
	}
}
