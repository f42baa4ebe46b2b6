package lessonpane

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
)

// headerHeight is the lines above the scrolling text: the lesson and the
// item.
const headerHeight = 2

// refresh rebuilds the scrolling text.
func (m *Model) refresh(keep bool) {
	h := m.height - headerHeight
	if m.asking != noConfirm {
		h--
	}
	m.view.SetSize(m.width, max(h, 1))
	body := m.body()
	m.examples = locate(body, m.candidates())
	m.view.SetLines(body, keep)
}

func (m Model) t(id i18n.ID) string              { return i18n.T(m.lang, id) }
func (m Model) f(id i18n.ID, args ...any) string { return i18n.F(m.lang, id, args...) }

// markdown renders Markdown for the pane's width, falling back on the
// plain text if the renderer fails.
func (m Model) markdown(md string) []string {
	md = strings.TrimSpace(md)
	if md == "" {
		return nil
	}
	if m.render != nil {
		if out, err := m.render(md, m.width, m.th.Dark); err == nil {
			return trimBlank(strings.Split(strings.TrimRight(out, "\n"), "\n"))
		}
	}
	var lines []string
	for _, para := range strings.Split(md, "\n") {
		lines = append(lines, cells.Wrap("  "+para, m.width)...)
	}
	return lines
}

// trimBlank drops blank lines at both ends.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// heading is a section title inside the pane.
func (m Model) heading(text string) []string {
	return []string{"", "  " + m.th.Title.Render(cells.Truncate(text, m.width-2))}
}

// wrapStyled wraps text to the pane with an indent, styling each line.
func (m Model) wrapStyled(style func(...string) string, indent int, text string) []string {
	var out []string
	hanging := strings.HasPrefix(text, "- ")
	lines := cells.Wrap(text, m.width-indent)
	if hanging && len(lines) > 1 {
		lines = cells.Wrap(text, m.width-indent-2)
	}
	for i, l := range lines {
		pad := cells.Spaces(indent)
		if i > 0 && hanging {
			pad = cells.Spaces(indent + 2)
		}
		out = append(out, pad+style(l))
	}
	return out
}

// body returns the scrolling text for the item shown.
func (m Model) body() []string {
	switch {
	case m.item == nil:
		return m.wrapStyled(m.th.Faint.Render, 2, m.t(i18n.LessonNone))
	case !m.IsExercise():
		lines := m.markdown(m.item.Body)
		if n := len(cqlBlocks(m.item.Body)); n > 0 {
			hint := i18n.LessonCopyHint
			if n > 1 {
				hint = i18n.LessonCopyHintMany
			}
			lines = append(lines, "")
			lines = append(lines, m.wrapStyled(m.th.Faint.Render, 2, m.t(hint))...)
		}
		if m.index+1 < m.count {
			lines = append(lines, m.wrapStyled(m.th.Faint.Render, 2, m.t(i18n.LessonNextHint))...)
		}
		return lines
	}
	ex := m.item.Exercise
	lines := m.heading(m.t(i18n.LessonTask))
	lines = append(lines, m.markdown(ex.Task)...)
	lines = append(lines, m.status()...)
	for i := 0; i < m.hints && i < len(ex.Hints); i++ {
		lines = append(lines, m.heading(m.f(i18n.LessonHintN, i+1, len(ex.Hints)))...)
		lines = append(lines, m.markdown(ex.Hints[i])...)
	}
	if m.solution || m.passed {
		lines = append(lines, m.heading(m.t(i18n.LessonSolution))...)
		lines = append(lines, m.markdown("```cql\n"+strings.TrimSpace(ex.Solution)+"\n```")...)
	}
	if m.passed {
		lines = append(lines, m.heading(m.t(i18n.LessonWhy))...)
		lines = append(lines, m.markdown(ex.Why)...)
	}
	lines = append(lines, "")
	lines = append(lines, m.footerHints(ex)...)
	return lines
}

// status shows the check: running, passed, or what failed.
func (m Model) status() []string {
	lines := m.heading(m.t(i18n.LessonCheck))
	o := m.outcome
	switch {
	case m.checking:
		lines = append(lines, m.wrapStyled(m.th.Subtle.Render, 2, m.t(i18n.LessonChecking))...)
	case o != nil && o.Cancelled:
		lines = append(lines, m.wrapStyled(m.th.Warn.Render, 2, m.f(i18n.LessonCheckError, m.t(i18n.NoticeCancelled)))...)
	case o != nil && o.Err != nil:
		lines = append(lines, m.wrapStyled(m.th.Error.Render, 2, m.f(i18n.LessonCheckError, o.Err.Error()))...)
	case o != nil && o.Passed:
		lines = append(lines, m.wrapStyled(m.th.Success.Render, 2, "✓ "+m.t(i18n.LessonPassed))...)
	case o != nil:
		lines = append(lines, m.wrapStyled(m.th.Error.Render, 2, "✗ "+m.t(i18n.LessonNotYet))...)
		for _, f := range o.Failures {
			lines = append(lines, m.wrapStyled(m.th.Text.Render, 4, "- "+f)...)
		}
		if m.passed {
			lines = append(lines, m.wrapStyled(m.th.Subtle.Render, 2, m.t(i18n.LessonPassedBefore))...)
		}
	case m.passed:
		lines = append(lines, m.wrapStyled(m.th.Success.Render, 2, "✓ "+m.t(i18n.LessonDone))...)
	default:
		lines = append(lines, m.wrapStyled(m.th.Faint.Render, 2, m.t(i18n.LessonNotChecked))...)
	}
	return lines
}

// footerHints tells the learner what the pane's keys would reveal.
func (m Model) footerHints(ex *lessons.Exercise) []string {
	var parts []string
	if left := len(ex.Hints) - m.hints; left > 0 {
		parts = append(parts, m.f(i18n.LessonMoreHints, m.hints, len(ex.Hints)))
	}
	if !m.solution && !m.passed {
		parts = append(parts, m.t(i18n.LessonSolutionKey))
	}
	if m.passed && m.index+1 < m.count {
		parts = append(parts, m.t(i18n.LessonNextHint))
	}
	var lines []string
	for _, p := range parts {
		lines = append(lines, m.wrapStyled(m.th.Faint.Render, 2, p)...)
	}
	return lines
}

// header is the lesson and the item, above the scrolling text.
func (m Model) header() []string {
	if m.lesson == nil || m.item == nil {
		return []string{m.th.Title.Render(cells.Truncate(m.t(i18n.TabLesson), m.width)), ""}
	}
	pos := fmt.Sprintf(" %d/%d", m.index+1, m.count)
	title := cells.Fit(m.th.Title.Render(cells.Truncate(m.lesson.Title, m.width-len(pos))), m.width-len(pos)) + m.th.Subtle.Render(pos)
	kind := m.t(i18n.OutlineStep)
	mark := ""
	if m.IsExercise() {
		kind = m.t(i18n.OutlineExercise)
		if m.passed {
			mark = m.th.Success.Render(" ✓")
		}
	}
	item := m.th.Accent.Render(kind) + " " + m.th.Bold.Render(m.item.Title)
	return []string{title, cells.Truncate(item, m.width-cells.Width(mark)) + mark}
}

// question is the yes/no question being asked.
func (m Model) question() string {
	var q string
	switch m.asking {
	case confirmSolution:
		q = m.t(i18n.ConfirmSolution)
	case confirmResetExercise:
		q = m.t(i18n.ConfirmResetExercise)
	case confirmResetLesson:
		q = m.t(i18n.ConfirmResetLesson)
	}
	return m.th.Warn.Render(cells.Truncate(q+" "+m.t(i18n.ConfirmYesNo), m.width))
}

// View draws the pane, exactly SetSize's size.
func (m Model) View() string {
	lines := m.header()
	lines = append(lines, m.markCopy(cells.Lines(m.view.View()))...)
	if m.asking != noConfirm {
		lines = append(lines, m.question())
	}
	return cells.Block(lines, m.width, m.height)
}

// Position describes the scroll position for the pane's title.
func (m Model) Position() string { return m.view.Position() }
