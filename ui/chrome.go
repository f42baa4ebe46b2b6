package ui

// The app's frame around the panes: the tab bar, the status line, the
// help line and the global keys.

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/cells"
	"github.com/learnkv/learnkv/ui/i18n"
)

// tabBar is the top line: the app's name and the numbered panes, the
// focused one highlighted (and, when space is short, only its name).
func (a *App) tabBar() string {
	name := a.th.Title.Render(i18n.T(a.lang, i18n.AppTitle)) + " "
	lang := " " + a.th.Subtle.Render(i18n.Name(a.lang))
	room := a.width - cells.Width(name) - cells.Width(lang)
	// current is the pane named in the compact bar: the focused one, or
	// the one above the editor when the editor has the keyboard.
	current := a.focus
	if current == paneEditor {
		current = a.shown
	}
	for _, compact := range []bool{false, true} {
		var parts []string
		for i, p := range tabs {
			num := strconv.Itoa(i + 1)
			active := p == a.focus
			onScreen := a.visible(p)
			label := num + " " + i18n.T(a.lang, p.title())
			if compact && p != current {
				label = num
			}
			switch {
			case active:
				parts = append(parts, a.th.TabActive.Render(label))
			case onScreen:
				parts = append(parts, a.th.Bold.Render(label))
			default:
				parts = append(parts, a.th.TabInactive.Render(label))
			}
		}
		bar := strings.Join(parts, "  ")
		if cells.Width(bar) <= room || compact {
			bar = cells.Truncate(bar, max(room, 0))
			return cells.Fit(name+bar, a.width-cells.Width(lang)) + lang
		}
	}
	return ""
}

// statusLine shows the running operation or the last notice on the left,
// and the session on the right: keyspace, consistency, nodes.
func (a *App) statusLine() string {
	bar := a.th.StatusBar
	item := a.th.StatusItem
	var left string
	switch {
	case a.busy:
		left = a.spin.View() + bar.Render(" ") + item.Render(i18n.T(a.lang, a.busyLabel)+"...")
		if a.busyLabel == i18n.StatusRunning {
			left += bar.Render(" ") + a.th.Faint.Render(i18n.T(a.lang, i18n.StatusCancelHint))
		}
	case a.measure != nil:
		left = a.spin.View() + bar.Render(" ") + item.Render(i18n.F(a.lang, i18n.DistLoading, a.measure.table))
	case !a.notice.empty():
		style := item
		switch a.notice.kind {
		case noticeSuccess:
			style = a.th.NodeUp.Bold(true)
		case noticeWarn:
			style = a.th.StatusItem.Foreground(a.th.WarnColor)
		case noticeError:
			style = a.th.NodeDown
		}
		left = style.Render(a.notice.text(a.lang))
	}
	right := a.sessionInfo()
	space := a.width - cells.Width(right) - 2
	if space < 12 {
		right, space = "", a.width-2
	}
	left = cells.Truncate(left, space)
	gap := a.width - 1 - cells.Width(left) - cells.Width(right)
	return bar.Render(" ") + left + bar.Render(cells.Spaces(gap)) + right
}

// sessionInfo is the right side of the status line.
func (a *App) sessionInfo() string {
	if a.snap == nil {
		return ""
	}
	bar, item := a.th.StatusBar, a.th.StatusItem
	s := a.snap.session
	var nodes strings.Builder
	for _, n := range a.snap.cluster.Nodes {
		if n.Down {
			nodes.WriteString(a.th.NodeDown.Render("▫"))
		} else {
			nodes.WriteString(a.th.NodeUp.Render("▪"))
		}
	}
	parts := []string{item.Render(s.Keyspace), item.Render(s.Consistency.String()),
		item.Render(i18n.T(a.lang, i18n.StatusNodes)+" ") + nodes.String()}
	return strings.Join(parts, bar.Render("  ")) + bar.Render(" ")
}

// helpLine is the bottom line: the keys in use.
func (a *App) helpLine() string {
	var bindings []key.Binding
	keys := a.activeKeys()
	switch a.focus {
	case paneLesson:
		bindings = a.lesson.HelpKeys()
	case paneEditor:
		bindings = []key.Binding{a.editor.KeyMap.Run, keys.Leave}
	case paneResults:
		bindings = a.results.KeyMap.ShortHelp()
	case paneTrace:
		bindings = a.trace.KeyMap.ShortHelp()
	case paneKeys:
		bindings = a.keyview.KeyMap.ShortHelp()
	case paneDist:
		bindings = a.dist.KeyMap.ShortHelp()
	case paneOutline:
		bindings = a.outline.KeyMap.ShortHelp()
	}
	if a.focus != paneEditor && !a.lesson.Capturing() {
		bindings = append(bindings, keys.Editor)
	}
	bindings = append(bindings, keys.Help, keys.NextPane)
	if a.typing() {
		bindings = append(bindings, keys.Interrupt)
	} else {
		bindings = append(bindings, keys.Quit)
	}
	if a.focus == paneEditor {
		bindings = append(bindings, a.editor.KeyMap.HistoryPrev)
	}
	return cells.Fit(a.help.ShortHelpView(bindings), a.width)
}

// fullHelpView lists every key: the focused pane's, then the global ones.
func (a *App) fullHelpView(w, h int) string {
	var groups [][]key.Binding
	switch a.focus {
	case paneLesson:
		groups = a.lesson.KeyMap.FullHelp()
	case paneEditor:
		groups = a.editor.KeyMap.FullHelp()
	case paneResults:
		groups = a.results.KeyMap.FullHelp()
	case paneTrace:
		groups = a.trace.KeyMap.FullHelp()
	case paneKeys:
		groups = a.keyview.KeyMap.FullHelp()
	case paneDist:
		groups = a.dist.KeyMap.FullHelp()
	case paneOutline:
		groups = a.outline.KeyMap.FullHelp()
	}
	hm := a.help
	hm.SetWidth(w)
	lines := []string{a.th.Title.Render(i18n.F(a.lang, i18n.HelpPaneTitle, i18n.T(a.lang, a.focus.title()))), ""}
	lines = append(lines, cells.Lines(hm.FullHelpView(groups))...)
	lines = append(lines, "", a.th.Title.Render(i18n.T(a.lang, i18n.HelpGlobalTitle)), "")
	lines = append(lines, cells.Lines(hm.FullHelpView(a.activeKeys().FullHelp()))...)
	return cells.Block(lines, w, h)
}

// KeyMap holds the app's global keys. Keys that are also text (q, ?, L,
// 1-6, e) are ignored while the focused pane takes text; the others work
// everywhere.
type KeyMap struct {
	Quit      key.Binding
	Interrupt key.Binding
	Help      key.Binding
	Lang      key.Binding
	NextPane  key.Binding
	PrevPane  key.Binding
	Editor    key.Binding
	Leave     key.Binding
	Panes     key.Binding
	// Pane holds the bindings that jump to the numbered panes (1-6, and
	// alt+1-6, which also work while typing).
	Pane [numTabs]key.Binding
}

// NewKeyMap returns the global keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	t := func(id i18n.ID) string { return i18n.T(lang, id) }
	k := KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", t(i18n.HelpQuit))),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", t(i18n.HelpForceQuit))),
		Help:      key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", t(i18n.HelpHelp))),
		Lang:      key.NewBinding(key.WithKeys("L", "f2"), key.WithHelp("L/f2", t(i18n.HelpLang))),
		NextPane:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t(i18n.HelpNextPane))),
		PrevPane:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", t(i18n.HelpPrevPane))),
		Editor:    key.NewBinding(key.WithKeys("e", "i", "/"), key.WithHelp("e", t(i18n.HelpFocusEditor))),
		Leave:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t(i18n.HelpLeaveEditor))),
		Panes:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6"), key.WithHelp("1-6", t(i18n.HelpPanes))),
	}
	for i := range k.Pane {
		d := string(rune('1' + i))
		k.Pane[i] = key.NewBinding(key.WithKeys(d, "alt+"+d))
	}
	return k
}

// DefaultKeyMap returns the global keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the global keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextPane, k.Help, k.Quit}
}

// FullHelp returns every global key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextPane, k.PrevPane, k.Panes, k.Editor},
		{k.Lang, k.Help, k.Quit, k.Interrupt},
	}
}

// typingKeys are the global keys that work while a pane takes text:
// none of them types anything.
func (k KeyMap) typingKeys() KeyMap {
	t := k
	t.Quit.SetEnabled(false)
	t.Help.SetKeys("f1")
	t.Help.SetHelp("f1", t.Help.Help().Desc)
	t.Lang.SetKeys("f2")
	t.Lang.SetHelp("f2", t.Lang.Help().Desc)
	t.Editor.SetEnabled(false)
	t.Panes.SetKeys("alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6")
	t.Panes.SetHelp("alt+1-6", t.Panes.Help().Desc)
	for i := range t.Pane {
		d := string(rune('1' + i))
		t.Pane[i] = key.NewBinding(key.WithKeys("alt+" + d))
	}
	return t
}
