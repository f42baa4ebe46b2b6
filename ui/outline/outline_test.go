package outline

import (
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

func TestView(t *testing.T) {
	pack := loadPack(t)
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", lang, w), func(t *testing.T) {
				m := New(lang, theme.New(true))
				m.SetSize(w, 7)
				m.SetLessons(pack.Lessons(lang))
				m.SetMarks(map[string]Mark{Key("00-test", "rows"): Done, Key("00-test", "lookup"): InProgress})
				m.SetCurrent("00-test", "lookup")
				view := m.View()
				for i, line := range strings.Split(view, "\n") {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("line %d is %d cells wide, want %d", i, got, w)
					}
				}
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}

func TestNavigation(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 5)
	m.SetLessons(loadPack(t).Lessons(lessons.English))
	m.SetCurrent("00-test", "rows")
	press := func(k tea.KeyPressMsg) tea.Msg {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		if cmd == nil {
			return nil
		}
		return cmd()
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	press(down)
	if got := press(enter); got != (SelectMsg{Lesson: "00-test", Item: "lookup"}) {
		t.Errorf("enter on the second item = %v, want lookup", got)
	}
	press(down) // the second lesson, collapsed
	if got := press(enter); got != (SelectMsg{Lesson: "01-more", Item: "end"}) {
		t.Errorf("enter on a lesson = %v, want its first item", got)
	}
	press(tea.KeyPressMsg{Code: tea.KeyRight})
	press(down)
	if got := press(enter); got != (SelectMsg{Lesson: "01-more", Item: "end"}) {
		t.Errorf("enter on the expanded lesson's item = %v, want end", got)
	}
	press(tea.KeyPressMsg{Code: tea.KeyLeft})
	if got := ansi.Strip(m.View()); strings.Contains(got, "Nothing more") {
		t.Errorf("after collapsing, view = %q, want the lesson's items hidden", got)
	}
}

func TestLessonMark(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	l := loadPack(t).Lessons(lessons.English)[0]
	tests := []struct {
		marks    map[string]Mark
		want     Mark
		wantDone int
	}{
		{nil, NotStarted, 0},
		{map[string]Mark{Key(l.ID, "rows"): InProgress}, InProgress, 0},
		{map[string]Mark{Key(l.ID, "rows"): Done}, InProgress, 1},
		{map[string]Mark{Key(l.ID, "rows"): Done, Key(l.ID, "lookup"): Done}, Done, 2},
	}
	for _, tt := range tests {
		m.SetMarks(tt.marks)
		got, done := m.lessonMark(l)
		if got != tt.want || done != tt.wantDone {
			t.Errorf("lessonMark with %v = %d, %d, want %d, %d", tt.marks, got, done, tt.want, tt.wantDone)
		}
	}
}

func TestJumpsAndResize(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 2)
	m.SetLessons(loadPack(t).Lessons(lessons.English))
	m.SetCurrent("00-test", "rows")
	n := len(m.rows())
	m, _ = m.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if m.cursor != n-1 || m.Position() != fmt.Sprintf("%d-%d/%d", n-1, n, n) {
		t.Errorf("after G: cursor %d, position %q; want the last of %d rows on screen", m.cursor, m.Position(), n)
	}
	m.SetSize(40, 40)
	if m.offset != 0 || m.Position() != "" {
		t.Errorf("after growing the pane: offset %d, position %q; want every row shown from the top", m.offset, m.Position())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if m.cursor != 0 {
		t.Errorf("after g: cursor %d, want 0", m.cursor)
	}
}
