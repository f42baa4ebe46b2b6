package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
)

// pane names a pane of the app.
type pane int

const (
	paneLesson pane = iota
	paneEditor
	paneResults
	paneTrace
	paneKeys
	paneDist
	paneOutline
)

// numTabs is the number of panes reached by number keys.
const numTabs = 6

// tabs are the numbered panes, in order (the editor has its own key).
var tabs = [numTabs]pane{paneLesson, paneResults, paneTrace, paneKeys, paneDist, paneOutline}

// focusOrder is the order tab moves the focus in.
var focusOrder = []pane{paneLesson, paneEditor, paneResults, paneTrace, paneKeys, paneDist, paneOutline}

func (p pane) title() i18n.ID {
	return [...]i18n.ID{i18n.TabLesson, i18n.TabEditor, i18n.TabResults, i18n.TabTrace, i18n.TabKeys, i18n.TabDist, i18n.TabOutline}[p]
}

// The layout's fixed sizes.
const (
	// wideMinWidth and wideMinHeight are the smallest terminal that shows
	// the panes side by side.
	wideMinWidth  = 100
	wideMinHeight = 28
	// editorLines is the editor's height in the narrow layout.
	editorLines = 3
	// wideEditorLines is the editor's height in the wide layout.
	wideEditorLines = 4
)

// wide reports whether the panes stand side by side.
func (a *App) wide() bool { return a.width >= wideMinWidth && a.height >= wideMinHeight }

// geometry is where the panes are drawn.
type geometry struct {
	leftW, rightW int
	// mainH is the main area (narrow) or the left column (wide).
	mainH    int
	resultsH int
	inspectH int
	editorH  int
}

// geometry computes the layout for the window size.
func (a *App) geometry() geometry {
	w, h := max(a.width, 20), max(a.height, 8)
	const chrome = 3 // tab bar, status line, help line
	if !a.wide() {
		g := geometry{leftW: w, editorH: editorLines}
		g.mainH = max(h-chrome-1-g.editorH, 1)
		return g
	}
	g := geometry{editorH: wideEditorLines}
	g.leftW = min(max(w*45/100, 44), 72)
	g.rightW = w - g.leftW - 1
	body := h - chrome
	g.mainH = body - 1
	rest := body - (1 + g.editorH) - 2 // editor and two section rules
	g.resultsH = max(rest*2/5, 3)
	g.inspectH = max(rest-g.resultsH, 3)
	return g
}

// layout gives every pane its size.
func (a *App) layout() {
	g := a.geometry()
	a.help.SetWidth(a.width)
	if !a.wide() {
		for _, p := range []pane{paneLesson, paneResults, paneTrace, paneKeys, paneDist, paneOutline} {
			a.setPaneSize(p, g.leftW, g.mainH)
		}
		a.editor.SetSize(g.leftW, g.editorH)
		return
	}
	a.setPaneSize(paneLesson, g.leftW, g.mainH)
	a.setPaneSize(paneOutline, g.leftW, g.mainH)
	a.editor.SetSize(g.rightW, g.editorH)
	a.setPaneSize(paneResults, g.rightW, g.resultsH)
	for _, p := range []pane{paneTrace, paneKeys, paneDist} {
		a.setPaneSize(p, g.rightW, g.inspectH)
	}
}

func (a *App) setPaneSize(p pane, w, h int) {
	switch p {
	case paneLesson:
		a.lesson.SetSize(w, h)
	case paneResults:
		a.results.SetSize(w, h)
	case paneTrace:
		a.trace.SetSize(w, h)
	case paneKeys:
		a.keyview.SetSize(w, h)
	case paneDist:
		a.dist.SetSize(w, h)
	case paneOutline:
		a.outline.SetSize(w, h)
	}
}

// visible reports whether a pane is on screen.
func (a *App) visible(p pane) bool {
	if a.wide() {
		return p == a.left || p == a.inspector || p == paneResults || p == paneEditor
	}
	return p == a.shown || p == paneEditor
}

// setFocus gives the keyboard to a pane and brings it on screen.
func (a *App) setFocus(p pane) tea.Cmd {
	a.focus = p
	a.fullHelp = false
	switch p {
	case paneLesson, paneOutline:
		a.left = p
	case paneTrace, paneKeys, paneDist:
		a.inspector = p
	}
	if p != paneEditor {
		a.shown = p
	}
	var cmd tea.Cmd
	if p == paneEditor {
		cmd = a.editor.Focus()
	} else {
		a.editor.Blur()
	}
	return tea.Batch(cmd, a.distIfVisible())
}

// cycleFocus moves the keyboard to the next (or previous) pane.
func (a *App) cycleFocus(step int) tea.Cmd {
	at := 0
	for i, p := range focusOrder {
		if p == a.focus {
			at = i
		}
	}
	n := len(focusOrder)
	return a.setFocus(focusOrder[((at+step)%n+n)%n])
}

// editorOrigin is the top left cell of the editor's text.
func (a *App) editorOrigin() (x, y int) {
	g := a.geometry()
	if a.wide() {
		return g.leftW + 1, 1 + 1
	}
	return 0, 1 + g.mainH + 1
}

// render draws the whole screen.
func (a *App) render() string {
	if a.quitting {
		return ""
	}
	g := a.geometry()
	var b strings.Builder
	b.WriteString(a.tabBar())
	b.WriteByte('\n')
	if a.wide() {
		b.WriteString(a.renderWide(g))
	} else {
		b.WriteString(a.renderNarrow(g))
	}
	b.WriteByte('\n')
	b.WriteString(a.statusLine())
	b.WriteByte('\n')
	b.WriteString(a.helpLine())
	return b.String()
}

// renderNarrow draws the main pane over the editor.
func (a *App) renderNarrow(g geometry) string {
	main := a.paneView(a.shown)
	if a.fullHelp {
		main = a.fullHelpView(g.leftW, g.mainH)
	}
	// The main pane has no title rule of its own here: its scroll
	// position goes on the editor's, just below it.
	info := ""
	if pos := a.position(a.shown); pos != "" && !a.fullHelp {
		info = "↑ " + i18n.T(a.lang, a.shown.title()) + " " + pos
	}
	return main + "\n" + a.rule(a.editorTitle(), info, a.focus == paneEditor, g.leftW) + "\n" + a.editor.View()
}

// editorTitle is the editor's title: how to run what it holds.
func (a *App) editorTitle() string {
	if a.editor.InBatch() {
		return i18n.T(a.lang, i18n.EditorBatchTitle)
	}
	return i18n.T(a.lang, i18n.EditorTitle)
}

// renderWide draws the left column beside the editor, the results and the
// inspector.
func (a *App) renderWide(g geometry) string {
	leftTitle := a.left.title()
	left := a.rule(i18n.T(a.lang, leftTitle), a.position(a.left), a.focus == a.left, g.leftW) + "\n" + a.paneView(a.left)
	var right string
	if a.fullHelp {
		right = a.fullHelpView(g.rightW, g.editorH+g.resultsH+g.inspectH+3)
	} else {
		right = strings.Join([]string{
			a.rule(a.editorTitle(), "", a.focus == paneEditor, g.rightW),
			a.editor.View(),
			a.rule(i18n.T(a.lang, i18n.TabResults), a.position(paneResults), a.focus == paneResults, g.rightW),
			a.results.View(),
			a.rule(i18n.T(a.lang, a.inspector.title()), a.position(a.inspector), a.focus == a.inspector, g.rightW),
			a.paneView(a.inspector),
		}, "\n")
	}
	leftLines := strings.Split(left, "\n")
	rightLines := strings.Split(right, "\n")
	sep := a.th.Border.Render("│")
	n := g.mainH + 1
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		l, r := "", ""
		if i < len(leftLines) {
			l = leftLines[i]
		}
		if i < len(rightLines) {
			r = rightLines[i]
		}
		b.WriteString(cells.Fit(l, g.leftW))
		b.WriteString(sep)
		b.WriteString(cells.Fit(r, g.rightW))
	}
	return b.String()
}

// paneView draws a pane.
func (a *App) paneView(p pane) string {
	switch p {
	case paneLesson:
		return a.lesson.View()
	case paneResults:
		return a.results.View()
	case paneTrace:
		return a.trace.View()
	case paneKeys:
		return a.keyview.View()
	case paneDist:
		return a.dist.View()
	case paneOutline:
		return a.outline.View()
	}
	return a.editor.View()
}

// position is a pane's scroll position, for its title.
func (a *App) position(p pane) string {
	switch p {
	case paneLesson:
		return a.lesson.Position()
	case paneTrace:
		return a.trace.Position()
	case paneKeys:
		return a.keyview.Position()
	case paneDist:
		return a.dist.Position()
	case paneResults:
		return a.results.Position()
	case paneOutline:
		return a.outline.Position()
	}
	return ""
}

// rule is a section title: "── Title ─────── info ─".
func (a *App) rule(title, info string, focused bool, w int) string {
	line, text := a.th.Border, a.th.Subtle
	if focused {
		line, text = a.th.BorderFocus, a.th.Title
	}
	tail := ""
	if info != "" {
		tail = " " + a.th.Faint.Render(info) + line.Render(" ─")
		if cells.Width(tail) > w/2 {
			tail = ""
		}
	}
	head := line.Render("─ ") + text.Render(cells.Truncate(title, max(w-4-cells.Width(tail), 1))) + " "
	fill := w - cells.Width(head) - cells.Width(tail)
	if fill < 1 {
		return cells.Truncate(head, w)
	}
	return head + line.Render(strings.Repeat("─", fill)) + tail
}
