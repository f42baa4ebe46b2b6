package lessonpane

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/theme"
)

// threeExamples is a step whose examples are far apart, so that a short
// pane shows one at a time.
func threeExamples() (*lessons.Lesson, *lessons.Item) {
	filler := strings.Repeat("A paragraph that keeps the examples apart.\n\n", 6)
	body := "First:\n\n```cql\nSELECT * FROM a;\n```\n\n" + filler +
		"Second:\n\n```cql\nSELECT * FROM b;\n```\n\n" + filler +
		"Third:\n\n```cql\nSELECT * FROM c\n  WHERE id = 1;\n```\n"
	it := &lessons.Item{Kind: lessons.StepItem, ID: "s", Title: "Three", Body: body}
	return &lessons.Lesson{ID: "00-x", Title: "X", Items: []*lessons.Item{it}}, it
}

func TestCopyTakesTheExampleOnScreen(t *testing.T) {
	l, it := threeExamples()
	m := New(lessons.English, theme.New(true), lessons.Render)
	m.SetSize(60, 10)
	m.SetItem(l, it, ItemState{})
	tests := []struct {
		name   string
		scroll func(m *Model)
		want   string
	}{
		{"top", func(m *Model) { m.view.GotoTop() }, "SELECT * FROM a;"},
		{"second on screen", func(m *Model) { m.view.ScrollTo(m.examples[1].line - 2) }, "SELECT * FROM b;"},
		{"between second and third", func(m *Model) { m.view.ScrollTo(m.examples[1].line + 1) }, "SELECT * FROM b;"},
		{"bottom", func(m *Model) { m.view.GotoBottom() }, "SELECT * FROM c\n  WHERE id = 1;"},
	}
	for _, tt := range tests {
		tt.scroll(&m)
		if got := m.Example(); got != tt.want {
			t.Errorf("%s: Example() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCopyMarkIsDrawnBesideTheChosenExample(t *testing.T) {
	l, it := threeExamples()
	m := New(lessons.English, theme.New(true), lessons.Render)
	m.SetSize(60, 12)
	m.SetItem(l, it, ItemState{})
	m.view.ScrollTo(m.examples[1].line - 2)
	var marked []string
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.Contains(line, copyMark) {
			marked = append(marked, strings.TrimSpace(line))
		}
	}
	if want := copyMark + " SELECT * FROM b;"; len(marked) != 1 || marked[0] != want {
		t.Errorf("marked lines = %q, want [%q]", marked, want)
	}
	for i, line := range strings.Split(m.View(), "\n") {
		if got := ansi.StringWidth(line); got != 60 {
			t.Errorf("line %d is %d cells wide, want 60", i, got)
		}
	}
}

func TestLocateFindsEveryExample(t *testing.T) {
	l, it := threeExamples()
	for _, w := range []int{20, 40, 80} {
		m := New(lessons.Japanese, theme.New(true), lessons.Render)
		m.SetSize(w, 10)
		m.SetItem(l, it, ItemState{})
		if len(m.examples) != 3 {
			t.Fatalf("width %d: %d examples, want 3", w, len(m.examples))
		}
		for i, e := range m.examples {
			if e.line < 0 || (i > 0 && e.line <= m.examples[i-1].line) {
				t.Errorf("width %d: example %d at line %d (previous at %d)", w, i, e.line, m.examples[max(i-1, 0)].line)
			}
		}
	}
}

func TestCopyAgainTakesTheNextExampleOnScreen(t *testing.T) {
	l, it := threeExamples()
	m := New(lessons.English, theme.New(true), lessons.Render)
	m.SetSize(60, 80) // every example on screen
	m.SetItem(l, it, ItemState{})
	var got []string
	for range 4 {
		var msgs []tea.Msg
		m, msgs = pressAll(m, "c")
		for _, msg := range msgs {
			got = append(got, msg.(CopyMsg).Text)
		}
	}
	want := []string{"SELECT * FROM a;", "SELECT * FROM b;", "SELECT * FROM c\n  WHERE id = 1;", "SELECT * FROM a;"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("c pressed 4 times copied %q, want %q", got, want)
	}
	// Another key of the pane goes back to the first example on screen.
	m, _ = pressAll(m, "c", "j", "k")
	if got := m.Example(); got != "SELECT * FROM a;" {
		t.Errorf("Example() after c then scrolling = %q, want the first on screen", got)
	}
}
