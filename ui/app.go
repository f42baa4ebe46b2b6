// Package ui is learnkv's terminal app. App is its only tea.Model: it lays
// out the panes (one package each under ui/), routes messages to them and
// runs every sandbox, checker and progress call in a tea.Cmd.
//
// Routing in Update: the window size, then the terminal's background
// colour (the theme), then global keys (skipped while the focused pane
// takes text, so that typing q in the editor never quits), then the
// focused pane, then the app's own messages. Esc followed quickly by a
// key arrives as alt+key (the terminal sends both at once, and tmux does
// whenever they come within its escape-time: 500 ms by default before
// tmux 3.5, 10 ms since): an
// alt+key that neither the app nor the editor binds is handled as esc,
// then the key.
//
// Callers should set runewidth.DefaultCondition.EastAsianWidth = false
// before running the app (cmd/learnkv does): under a Japanese locale
// go-runewidth, which the editor uses, would otherwise count
// ambiguous-width symbols as two cells where lipgloss counts one.
package ui

import (
	"context"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/ui/distpane"
	"github.com/learnkv/learnkv/ui/editor"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/keyspane"
	"github.com/learnkv/learnkv/ui/lessonpane"
	"github.com/learnkv/learnkv/ui/outline"
	"github.com/learnkv/learnkv/ui/results"
	"github.com/learnkv/learnkv/ui/theme"
	"github.com/learnkv/learnkv/ui/tracepane"
)

// Options configure the app.
type Options struct {
	// Sandbox is the learner's sandbox (required).
	Sandbox *sandbox.Sandbox
	// Pack is the lesson pack (required).
	Pack *lessons.Pack
	// Progress is the learner's progress; nil starts afresh.
	Progress *lessons.Progress
	// ProgressPath is where progress is saved; "" keeps it in memory.
	ProgressPath string
	// Lang is the starting language.
	Lang lessons.Lang
	// Notice, if set, gives the text shown on the status line at start
	// (e.g. a progress file that could not be read) in a language; it is
	// called again when the learner switches language.
	Notice func(lessons.Lang) string
	// Render renders lesson Markdown; nil means lessons.Render.
	Render lessonpane.Renderer
	// Now returns the time (for progress); nil means time.Now.
	Now func() time.Time
}

// App is the terminal app's root model.
type App struct {
	keys    KeyMap
	sb      *sandbox.Sandbox
	checker *lessons.Checker
	pack    *lessons.Pack
	prog    *lessons.Progress
	path    string
	saver   *saver
	saveSeq int
	now     func() time.Time

	lang   lessons.Lang
	th     theme.Theme
	width  int
	height int

	lesson  lessonpane.Model
	editor  editor.Model
	results results.Model
	trace   tracepane.Model
	keyview keyspane.Model
	dist    distpane.Model
	outline outline.Model
	help    help.Model
	spin    spinner.Model

	// focus is the pane with the keyboard; shown the pane in the main
	// area of the narrow layout; left and inspector the panes in the wide
	// layout's left column and lower right.
	focus, shown, left, inspector pane
	fullHelp                      bool

	// The item on screen.
	lessonID, itemID string
	// last is the learner's last CQL statement in the open exercise.
	last *lessons.Attempt

	// busy is set while an operation runs, busyLabel says what it is; op
	// numbers the operations; cancel stops the running one.
	busy      bool
	busyLabel i18n.ID
	op        int
	queued    []string
	cancel    context.CancelFunc
	cancelled bool
	// prepMu serializes the preparations of lessons and exercises (see
	// prepareCmd).
	prepMu sync.Mutex
	// regrade is set when the check result on screen is in another
	// language than the app's: the exercise is checked again, in the
	// app's language, as soon as the sandbox is free.
	regrade bool

	notice notice

	snap      *snapshot
	distTable string
	distDirty bool
	// measure is the distribution measurement running, if any;
	// measureSeq numbers the measurements.
	measure    *measurement
	measureSeq int
	quitting   bool
}

// New returns the app, showing the item the learner was last on.
func New(opts Options) *App {
	lang := opts.Lang
	if _, ok := lessons.ParseLang(string(lang)); !ok {
		lang = lessons.English
	}
	render := opts.Render
	if render == nil {
		render = lessons.Render
	}
	prog := opts.Progress
	if prog == nil {
		prog = lessons.NewProgress()
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	th := theme.Default()
	a := &App{
		keys:    NewKeyMap(lang),
		sb:      opts.Sandbox,
		checker: &lessons.Checker{Sandbox: opts.Sandbox},
		pack:    opts.Pack,
		prog:    prog,
		path:    opts.ProgressPath,
		saver:   &saver{},
		now:     now,
		lang:    lang,
		th:      th,
		width:   80,
		height:  24,
		lesson:  lessonpane.New(lang, th, render),
		editor:  editor.New(lang, th),
		results: results.New(lang, th),
		trace:   tracepane.New(lang, th),
		keyview: keyspane.New(lang, th),
		dist:    distpane.New(lang, th),
		outline: outline.New(lang, th),
		help:    help.New(),
		spin:    spinner.New(spinner.WithSpinner(spinner.MiniDot)),

		focus: paneEditor, shown: paneLesson, left: paneLesson, inspector: paneTrace,
	}
	a.help.Styles = th.Help
	a.spin.Style = th.Accent
	a.editor.Focus()
	a.say(noticeInfo, i18n.NoticeWelcome)
	if opts.Notice != nil {
		a.notice = notice{kind: noticeWarn, set: true, local: opts.Notice, sticky: true}
	}
	a.outline.SetLessons(a.lessons())
	a.lessonID, a.itemID = a.resumePoint()
	if a.lessonID != "" {
		a.prog.Visit(a.lessonID, a.itemID)
	}
	a.showItem()
	a.layout()
	return a
}

// lessons returns the lessons in the current language.
func (a *App) lessons() []*lessons.Lesson {
	if a.pack == nil {
		return nil
	}
	return a.pack.Lessons(a.lang)
}

// resumePoint returns where the learner was, or the first item.
func (a *App) resumePoint() (string, string) {
	if a.pack != nil && a.prog.Lesson != "" {
		if l, it := a.pack.Item(a.lang, a.prog.Lesson, a.prog.Item); l != nil && it != nil {
			return l.ID, it.ID
		}
	}
	for _, l := range a.lessons() {
		if len(l.Items) > 0 {
			return l.ID, l.Items[0].ID
		}
	}
	return "", ""
}

// Init asks the terminal for its background and prepares the sandbox for
// the item on screen.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.startOp(i18n.StatusLoading, func(ctx context.Context, op int) tea.Cmd {
		l, it := a.current()
		return prepareCmd(ctx, op, &a.prepMu, a.checker, prepareInit, l, it)
	}))
}

// current returns the lesson and item on screen.
func (a *App) current() (*lessons.Lesson, *lessons.Item) {
	if a.pack == nil {
		return nil, nil
	}
	return a.pack.Item(a.lang, a.lessonID, a.itemID)
}

// Update routes a message (see the package comment for the order).
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		return a, a.distIfVisible()
	case tea.BackgroundColorMsg:
		a.setTheme(theme.New(msg.IsDark()))
		return a, nil
	case tea.KeyPressMsg:
		return a, a.handleKey(msg)
	case tea.PasteMsg:
		var cmd tea.Cmd
		if a.focus != paneEditor {
			cmd = a.setFocus(paneEditor)
		}
		a.editor, _ = a.editor.Update(msg)
		return a, cmd
	case spinner.TickMsg:
		if !a.busy && a.measure == nil && msg.ID == a.spin.ID() {
			return a, nil
		}
		var cmd tea.Cmd
		a.spin, cmd = a.spin.Update(msg)
		return a, cmd
	}
	return a, a.handleAppMsg(msg)
}

// typing reports whether the focused pane takes text, when global keys
// that are letters must go to it instead.
func (a *App) typing() bool {
	return a.focus == paneEditor || (a.focus == paneLesson && a.lesson.Capturing())
}

// activeKeys returns the global keys that apply now.
func (a *App) activeKeys() KeyMap {
	if a.typing() {
		return a.keys.typingKeys()
	}
	return a.keys
}

// setTheme applies a theme to every pane.
func (a *App) setTheme(th theme.Theme) {
	a.th = th
	a.help.Styles = th.Help
	a.spin.Style = th.Accent
	a.lesson.SetTheme(th)
	a.editor.SetTheme(th)
	a.results.SetTheme(th)
	a.trace.SetTheme(th)
	a.keyview.SetTheme(th)
	a.dist.SetTheme(th)
	a.outline.SetTheme(th)
}

// setLang switches every pane, the lesson text and the status line to
// lang. Every pane keeps what it shows in a language-independent form
// and translates it when drawn, except a check's failure messages, which
// the lessons package words: the exercise is checked again in lang (the
// pane says "checking" meanwhile, so no sentence of the old language
// stays on screen).
func (a *App) setLang(lang lessons.Lang) tea.Cmd {
	a.lang = lang
	a.keys = NewKeyMap(lang)
	a.lesson.SetLang(lang)
	a.editor.SetLang(lang)
	a.results.SetLang(lang)
	a.trace.SetLang(lang)
	a.keyview.SetLang(lang)
	a.dist.SetLang(lang)
	a.outline.SetLang(lang)
	a.outline.SetLessons(a.lessons())
	a.showItem()
	a.layout()
	a.prog.Language = lang
	if a.checkMessagesShown() {
		a.regrade = true
		a.lesson.SetChecking()
	}
	a.say(noticeInfo, i18n.NoticeLang)
	return tea.Batch(a.save(), a.regradeIfPending())
}

// View draws the app in the alternate screen, with the real cursor in the
// editor when it has the keyboard (for input methods).
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "learnkv"
	if a.focus == paneEditor && !a.fullHelp && !a.quitting {
		if c := a.editor.Cursor(); c != nil {
			x, y := a.editorOrigin()
			c.X += x
			c.Y += y
			v.Cursor = c
		}
	}
	return v
}
