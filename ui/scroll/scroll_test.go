package scroll

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/theme"
)

func lines(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("line %02d and some more text", i+1)
	}
	return out
}

func TestScrolling(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(12, 3)
	m.SetLines(lines(10), false)
	steps := []struct {
		key     tea.KeyPressMsg
		wantTop string
		wantPos string
	}{
		{tea.KeyPressMsg{Code: tea.KeyDown}, "line 02", "2-4/10"},
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, "line 05", "5-7/10"},
		{tea.KeyPressMsg{Code: 'G', Text: "G"}, "line 08", "8-10/10"},
		{tea.KeyPressMsg{Code: tea.KeyRight}, "and some", "8-10/10"},
		{tea.KeyPressMsg{Code: 'g', Text: "g"}, "line 01", "1-3/10"},
		{tea.KeyPressMsg{Code: tea.KeyUp}, "line 01", "1-3/10"},
	}
	for _, s := range steps {
		m, _ = m.Update(s.key)
		view := ansi.Strip(m.View())
		if top := strings.Split(view, "\n")[0]; !strings.Contains(top, s.wantTop) {
			t.Errorf("after %s, top line = %q, want %q", s.key, top, s.wantTop)
		}
		if got := m.Position(); got != s.wantPos {
			t.Errorf("after %s, Position() = %q, want %q", s.key, got, s.wantPos)
		}
	}
}

func TestSetLinesKeepsOrResets(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(20, 2)
	m.SetLines(lines(10), false)
	m.GotoBottom()
	m.SetLines(lines(10), true)
	if got := m.Position(); got != "9-10/10" {
		t.Errorf("after a re-layout, Position() = %q, want 9-10/10", got)
	}
	m.SetLines(lines(10), false)
	if got := m.Position(); got != "1-2/10" {
		t.Errorf("after new content, Position() = %q, want 1-2/10", got)
	}
	m.SetLines(lines(2), false)
	if got := m.Position(); got != "" {
		t.Errorf("with everything on screen, Position() = %q, want none", got)
	}
}

func TestViewIsExactlyTheSize(t *testing.T) {
	m := New(lessons.Japanese, theme.New(false))
	m.SetSize(9, 4)
	m.SetLines([]string{"日本語の長い行です", "x"}, false)
	view := m.View()
	rows := strings.Split(view, "\n")
	if len(rows) != 4 {
		t.Fatalf("View() has %d lines, want 4", len(rows))
	}
	for i, r := range rows {
		if w := ansi.StringWidth(r); w != 9 {
			t.Errorf("line %d is %d cells, want 9: %q", i, w, r)
		}
	}
}

func TestHelpFollowsTheLanguage(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	if got := m.KeyMap.PageDown.Help().Desc; got != "page down" {
		t.Errorf("English help = %q, want page down", got)
	}
	m.SetLang(lessons.Japanese)
	if got := m.KeyMap.PageDown.Help().Desc; got != "次のページ" {
		t.Errorf("Japanese help = %q, want 次のページ", got)
	}
	if n := len(m.KeyMap.FullHelp()); n != 2 {
		t.Errorf("FullHelp has %d groups, want 2", n)
	}
}

func TestEmptyAndTinySizes(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(0, 0)
	if w, h := m.Width(), m.Height(); w != 1 || h != 1 {
		t.Errorf("SetSize(0, 0) gave %dx%d, want the 1x1 minimum", w, h)
	}
	m.SetLines(nil, false)
	if got := m.View(); got != " " {
		t.Errorf("empty 1x1 view = %q, want one blank cell", got)
	}
}
