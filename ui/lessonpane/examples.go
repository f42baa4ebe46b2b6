package lessonpane

// The examples the copy key can put into the editor, where they are in
// the pane, and which one it takes.

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/ui/cells"
)

// example is a ```cql block of the item shown and the line of the pane's
// body its first line is drawn on (-1 if it could not be found).
type example struct {
	text string
	line int
}

// copyMark marks, when the item has several examples, the one the copy
// key takes. It is drawn in the margin left of the code block.
const copyMark = "c▸"

// cqlBlocks returns the contents of every ```cql (or ```sql) fence in
// markdown, in order.
func cqlBlocks(markdown string) []string {
	var blocks []string
	var b strings.Builder
	in := false
	for _, line := range strings.Split(markdown, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && (trimmed == "```cql" || trimmed == "```sql" || strings.HasPrefix(trimmed, "```cql ")):
			in = true
			b.Reset()
		case in && strings.HasPrefix(trimmed, "```"):
			in = false
			if text := strings.TrimSpace(b.String()); text != "" {
				blocks = append(blocks, text)
			}
		case in:
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return blocks
}

// firstCQL returns the contents of the first ```cql fence in markdown.
func firstCQL(markdown string) string {
	if blocks := cqlBlocks(markdown); len(blocks) > 0 {
		return blocks[0]
	}
	return ""
}

// candidates returns the texts the copy key may take, in the order the
// pane shows them: an exercise's task examples then its solution once
// shown, or a step's examples.
func (m Model) candidates() []string {
	if m.item == nil {
		return nil
	}
	ex := m.item.Exercise
	if ex == nil {
		return cqlBlocks(m.item.Body)
	}
	texts := cqlBlocks(ex.Task)
	if m.solution || m.passed {
		if sol := strings.TrimSpace(ex.Solution); sol != "" {
			texts = append(texts, sol)
		}
	}
	return texts
}

// locate finds the line each text starts on in the pane's body: the
// first line, after the previous example's, whose words begin as the
// text's first line does, or begin it (a long line may be wrapped).
func locate(body []string, texts []string) []example {
	out := make([]example, len(texts))
	from := 0
	for i, text := range texts {
		out[i] = example{text: text, line: -1}
		first, _, _ := strings.Cut(text, "\n")
		want := strings.Join(strings.Fields(first), " ")
		if n := 24; len(want) > n {
			want = want[:n]
		}
		for j := from; j < len(body); j++ {
			got := strings.Join(strings.Fields(ansi.Strip(body[j])), " ")
			// A narrow pane wraps the line: its start is then a prefix.
			if want != "" && got != "" && (strings.HasPrefix(got, want) ||
				len(got) >= min(len(want), 8) && strings.HasPrefix(want, got)) {
				out[i].line, from = j, j+1
				break
			}
		}
	}
	return out
}

// chosen returns the index of the example the copy key takes, or -1 when
// there is none. With several, it is the one after the example just
// copied (see copyNext), else the solution if it is on screen,
// else the first example on screen, else the last one above the screen
// (the one being read), else the first.
func (m Model) chosen() int {
	n := len(m.examples)
	switch {
	case n == 0:
		return -1
	case n == 1:
		return 0
	case m.copied >= 0 && m.copied < n:
		return m.copied
	}
	top, h := m.view.YOffset(), m.view.Height()
	visible := func(e example) bool { return e.line >= top && e.line < top+h }
	if (m.solution || m.passed) && m.IsExercise() && visible(m.examples[n-1]) {
		return n - 1
	}
	above := -1
	for i, e := range m.examples {
		if visible(e) {
			return i
		}
		if e.line >= 0 && e.line < top {
			above = i
		}
	}
	if above >= 0 {
		return above
	}
	return 0
}

// Example returns the text the copy key puts into the editor (see
// chosen), or "" when the item has no example.
func (m Model) Example() string {
	if i := m.chosen(); i >= 0 {
		return m.examples[i].text
	}
	return ""
}

// copyNext returns the example the copy key takes now (see chosen) and
// marks the one after it, when it is on screen, as the next to take: a
// step's examples are copied one after another by pressing the key again.
func (m *Model) copyNext() string {
	i := m.chosen()
	if i < 0 {
		return ""
	}
	m.copied = -1
	if n := len(m.examples); n > 1 {
		next := (i + 1) % n
		top, h := m.view.YOffset(), m.view.Height()
		if e := m.examples[next]; e.line >= top && e.line < top+h {
			m.copied = next
		}
	}
	return m.examples[i].text
}

// markCopy draws copyMark beside the chosen example in the visible lines
// of the body, when there are several examples to choose from.
func (m Model) markCopy(lines []string) []string {
	if len(m.examples) < 2 {
		return lines
	}
	i := m.chosen()
	row := m.examples[i].line - m.view.YOffset()
	if row < 0 || row >= len(lines) || m.width < 8 {
		return lines
	}
	l := lines[row]
	if strings.TrimSpace(ansi.Strip(cells.Cut(l, 0, 4))) != "" {
		return lines // no margin to draw in
	}
	out := append([]string(nil), lines...)
	out[row] = cells.Cut(l, 0, 1) + m.th.Accent.Render(copyMark) + " " + cells.Cut(l, 4, cells.Width(l))
	return out
}
