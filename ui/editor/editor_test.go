package editor

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/theme"
)

func TestMain(m *testing.M) {
	runewidth.DefaultCondition.EastAsianWidth = false
	m.Run()
}

// typeText sends text as key presses (a newline as enter).
func typeText(m Model, text string) (Model, []tea.Msg) {
	var msgs []tea.Msg
	for _, r := range text {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		if cmd != nil {
			if msg := cmd(); msg != nil {
				msgs = append(msgs, msg)
			}
		}
	}
	return m, msgs
}

func newEditor(lang lessons.Lang, w, h int) Model {
	m := New(lang, theme.New(true))
	m.SetSize(w, h)
	m.Focus()
	return m
}

func TestEnterRunsCompleteStatements(t *testing.T) {
	tests := []struct {
		typed      string
		wantSubmit []string
		wantValue  string
	}{
		{"SELECT * FROM t;\n", []string{"SELECT * FROM t;"}, ""},
		{"SELECT *\nFROM t\nWHERE k = 1;\n", []string{"SELECT *\nFROM t\nWHERE k = 1;"}, ""},
		{"SELECT * FROM t\n", nil, "SELECT * FROM t\n"},
		{"NODES\n", []string{"NODES"}, ""},
		{"\n", nil, "\n"},
		{"INSERT INTO t (k, v) VALUES (1, 'a;\n", nil, "INSERT INTO t (k, v) VALUES (1, 'a;\n"},
		{"SELECT 'q' FROM t; SELECT 1 FROM t;\n", []string{"SELECT 'q' FROM t; SELECT 1 FROM t;"}, ""},
	}
	for _, tt := range tests {
		m, msgs := typeText(newEditor(lessons.English, 60, 3), tt.typed)
		var got []string
		for _, msg := range msgs {
			if s, ok := msg.(SubmitMsg); ok {
				got = append(got, s.Src)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.wantSubmit, "|") {
			t.Errorf("typing %q submitted %q, want %q", tt.typed, got, tt.wantSubmit)
		}
		if m.Value() != tt.wantValue {
			t.Errorf("typing %q left %q in the editor, want %q", tt.typed, m.Value(), tt.wantValue)
		}
	}
}

func TestInBatch(t *testing.T) {
	tests := []struct {
		typed string
		want  bool
	}{
		{"BEGIN TRANSACTION;", true},
		{"begin;", true},
		{"BEGIN BATCH\nINSERT INTO t (k) VALUES (1);", true},
		{"BEGIN BATCH INSERT INTO t (k) VALUES (1);", true},
		{"BEGIN BATCH INSERT INTO t (k) VALUES (1)", false},
		{"SELECT * FROM t", false},
		{"SELECT 'BEGIN' FROM t;", false},
	}
	for _, tt := range tests {
		m := newEditor(lessons.English, 60, 3)
		m.SetValue(tt.typed)
		if got := m.InBatch(); got != tt.want {
			t.Errorf("InBatch() holding %q = %v, want %v", tt.typed, got, tt.want)
		}
	}
}

func TestHistory(t *testing.T) {
	m := newEditor(lessons.English, 60, 3)
	m, _ = typeText(m, "SELECT 1 FROM a;\nSELECT 2 FROM b;\nDRAFT")
	up := tea.KeyPressMsg{Code: tea.KeyUp}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	steps := []struct {
		key  tea.KeyPressMsg
		want string
	}{
		{up, "SELECT 2 FROM b;"},
		{up, "SELECT 1 FROM a;"},
		{up, "SELECT 1 FROM a;"},
		{down, "SELECT 2 FROM b;"},
		{down, "DRAFT"},
	}
	for i, s := range steps {
		m, _ = m.Update(s.key)
		if got := m.Value(); got != s.want {
			t.Errorf("step %d (%s): value = %q, want %q", i, s.key, got, s.want)
		}
	}
	if got := m.History(); len(got) != 2 {
		t.Errorf("History() = %q, want two statements", got)
	}
}

func TestPasteAndClear(t *testing.T) {
	m := newEditor(lessons.English, 60, 3)
	m, _ = m.Update(tea.PasteMsg{Content: "SELECT *\nFROM t;"})
	if got := m.Value(); got != "SELECT *\nFROM t;" {
		t.Errorf("after paste, value = %q", got)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl})
	if got := m.Value(); got != "" {
		t.Errorf("after ctrl+l, value = %q, want empty", got)
	}
}

func TestUnfocusedIgnoresKeys(t *testing.T) {
	m := newEditor(lessons.English, 60, 3)
	m.Blur()
	m, _ = typeText(m, "q")
	if m.Value() != "" || m.Cursor() != nil {
		t.Errorf("blurred editor took %q (cursor %v), want nothing", m.Value(), m.Cursor())
	}
}

func TestCursorCountsCells(t *testing.T) {
	m := newEditor(lessons.Japanese, 40, 3)
	m, _ = typeText(m, "SELECT 日本")
	c := m.Cursor()
	if c == nil {
		t.Fatal("Cursor() = nil, want the real cursor")
	}
	if want := 2 + 7 + 4; c.X != want || c.Y != 0 {
		t.Errorf("Cursor() = (%d, %d), want (%d, 0)", c.X, c.Y, want)
	}
}

func TestView(t *testing.T) {
	cases := map[string]string{
		"empty":     "",
		"multiline": "SELECT name, email\nFROM users\nWHERE id = 1",
		"japanese":  "INSERT INTO users (id, name) VALUES (1, '山田太郎さんの長い名前の例です');",
	}
	for name, text := range cases {
		for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
			for _, w := range []int{40, 80, 120} {
				t.Run(fmt.Sprintf("%s/%s/%d", name, lang, w), func(t *testing.T) {
					m := newEditor(lang, w, 3)
					m.SetValue(text)
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
}
