package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"testing"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/editor"
)

// drive runs a command and feeds what it returns back into the app, as
// the program would, until nothing is left to run. Spinner ticks (timers)
// and terminal queries are dropped.
func drive(t testing.TB, a *App, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("drive: the app keeps producing commands")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, spinner.TickMsg, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := a.Update(msg)
			queue = append(queue, next)
		}
	}
}

// started returns an app that has run its start-up, at a size.
func started(t testing.TB, lang lessons.Lang, item string, w, h int) *App {
	t.Helper()
	a := testApp(t, lang, item)
	drive(t, a, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} })
	drive(t, a, a.Init())
	return a
}

// submit runs statements as if typed into the editor.
func submit(t testing.TB, a *App, src string) {
	t.Helper()
	drive(t, a, func() tea.Msg { return editor.SubmitMsg{Src: src} })
}

func checkScreen(t *testing.T, a *App) {
	t.Helper()
	view := a.View()
	lines := strings.Split(view.Content, "\n")
	if len(lines) != a.height {
		t.Errorf("screen has %d lines, want %d", len(lines), a.height)
	}
	for i, line := range lines {
		if w := ansi.StringWidth(line); w != a.width {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, w, a.width, ansi.Strip(line))
		}
	}
	if !view.AltScreen {
		t.Error("the view does not use the alternate screen")
	}
	golden.RequireEqual(t, []byte(ansi.Strip(view.Content)))
}

func TestScreens(t *testing.T) {
	sizes := [][2]int{{40, 20}, {80, 24}, {120, 40}}
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				a := started(t, lang, "lookup", size[0], size[1])
				submit(t, a, "SELECT name FROM users WHERE id = 2;")
				checkScreen(t, a)
			})
		}
	}
}

func TestScreenFullHelp(t *testing.T) {
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		t.Run(string(lang), func(t *testing.T) {
			a := started(t, lang, "", 80, 24)
			drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyF1} })
			if !a.fullHelp {
				t.Fatal("f1 did not open the full help")
			}
			checkScreen(t, a)
		})
	}
}

func TestCursorFollowsTheEditor(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		a := started(t, lessons.Japanese, "", size[0], size[1])
		drive(t, a, func() tea.Msg { return tea.PasteMsg{Content: "日本"} })
		c := a.View().Cursor
		if c == nil {
			t.Fatalf("%dx%d: no cursor while the editor has the keyboard", size[0], size[1])
		}
		x, y := a.editorOrigin()
		if c.X != x+2+4 || c.Y != y {
			t.Errorf("%dx%d: cursor at (%d, %d), want (%d, %d)", size[0], size[1], c.X, c.Y, x+6, y)
		}
		lines := strings.Split(ansi.Strip(a.View().Content), "\n")
		if got := lines[c.Y]; !strings.Contains(got, "> 日本") {
			t.Errorf("%dx%d: the cursor's line is %q, want the editor's", size[0], size[1], got)
		}
		drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyEscape} })
		if a.View().Cursor != nil {
			t.Errorf("%dx%d: a cursor is shown outside the editor", size[0], size[1])
		}
	}
}

func TestCtrlCCancelsThenQuits(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	cancelled := false
	a.busy, a.cancel = true, func() { cancelled = true }
	if cmd := a.handleKey(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); cmd != nil || !cancelled || a.quitting {
		t.Fatalf("first ctrl+c: command %v, cancelled %v, quitting %v; want a cancel only", cmd, cancelled, a.quitting)
	}
	cmd := a.handleKey(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if cmd == nil || !a.quitting {
		t.Fatal("second ctrl+c did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("second ctrl+c did not return tea.Quit")
	}
}

func TestCancelledStatementIsReported(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a.op++
	a.busy = true
	drive(t, a, execCmd(ctx, a.op, a.sb, "SELECT * FROM system.local;"))
	if a.busy {
		t.Error("the app is busy after the cancelled statement, want idle")
	}
	if got := ansi.Strip(a.statusLine()); !strings.Contains(got, "Cancelled.") {
		t.Errorf("status line = %q, want it to say the statement was cancelled", got)
	}
	if got := ansi.Strip(a.results.View()); !strings.Contains(got, "Cancelled: the statement was stopped") {
		t.Errorf("results = %q, want the cancellation", got)
	}
}

func TestTypingQDoesNotQuit(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: 'q', Text: "q"} })
	if a.quitting || a.editor.Value() != "q" {
		t.Errorf("q in the editor: quitting %v, editor %q; want the letter typed", a.quitting, a.editor.Value())
	}
}

func TestSubmissionsWaitForTheSandbox(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	a.busy = true
	_, cmd := a.Update(editor.SubmitMsg{Src: "CREATE TABLE q (k int PRIMARY KEY);"})
	if cmd != nil || len(a.queued) != 1 {
		t.Fatalf("submission while busy: command %v, queued %q; want it queued", cmd, a.queued)
	}
	a.busy = false
	drive(t, a, a.runQueued())
	if len(a.queued) != 0 || a.results.Err() != nil || a.snap == nil || !strings.Contains(strings.Join(a.snap.tables, " "), "lesson00.q") {
		t.Errorf("after the sandbox was free: queued %q, error %v; want the table created", a.queued, a.results.Err())
	}
}

func TestNavigationAndReset(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyEscape} })
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: 'n', Text: "n"} })
	if a.itemID != "lookup" || !a.lesson.IsExercise() {
		t.Fatalf("n moved to %q, want the exercise", a.itemID)
	}
	// The exercise's setup ran: Bob is there.
	submit(t, a, "SELECT name FROM users WHERE id = 2;")
	if res := a.results.Result(); res == nil || len(res.Rows) != 1 {
		t.Fatalf("the exercise's setup did not run: %v %v", res, a.results.Err())
	}
	submit(t, a, "DELETE FROM users WHERE id = 2;")
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: 'x', Text: "x"} })
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: 'y', Text: "y"} })
	submit(t, a, "SELECT name FROM users WHERE id = 2;")
	if res := a.results.Result(); res == nil || len(res.Rows) != 1 {
		t.Errorf("after resetting the exercise, Bob is missing: %v %v", res, a.results.Err())
	}
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: 'n', Text: "n"} })
	if a.lessonID != "01-more" || a.snap.session.Keyspace != "lesson01" {
		t.Errorf("n from the last item went to %s (keyspace %s), want lesson 01-more in lesson01", a.lessonID, a.snap.session.Keyspace)
	}
	drive(t, a, func() tea.Msg { return tea.KeyPressMsg{Code: '6', Text: "6"} })
	if a.focus != paneOutline {
		t.Errorf("6 focused pane %d, want the outline", a.focus)
	}
}

func TestBackgroundColourChoosesTheTheme(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	a.Update(tea.BackgroundColorMsg{Color: color.White})
	if a.th.Dark {
		t.Error("a white background gave the dark theme")
	}
	a.Update(tea.BackgroundColorMsg{Color: color.Black})
	if !a.th.Dark {
		t.Error("a black background gave the light theme")
	}
}

func TestCorruptProgressNoticeAndSaveErrors(t *testing.T) {
	a := started(t, lessons.English, "", 80, 24)
	a.Update(progressSavedMsg{err: errors.New("disk full")})
	if got := a.notice.text(a.lang); !strings.Contains(got, "disk full") {
		t.Errorf("notice = %q, want the save error", got)
	}
}

// BenchmarkViewThousandRowsAndTrace measures a frame of the wide layout
// with a 1,000-row result and its trace on screen.
func BenchmarkViewThousandRowsAndTrace(b *testing.B) {
	a := started(b, lessons.English, "", 120, 40)
	submit(b, a, "LOAD DATASET orders ROWS 1000")
	submit(b, a, "SELECT * FROM orders_by_user;")
	if res := a.results.Result(); res == nil || len(res.Rows) != 1000 || a.trace.Trace() == nil || !a.visible(paneTrace) {
		b.Fatalf("setup: result %v, error %v", res != nil, a.results.Err())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = a.View()
	}
}

// BenchmarkUpdateScrollResults measures a key press that scrolls a
// 1,000-row result, with the frame it causes.
func BenchmarkUpdateScrollResults(b *testing.B) {
	a := started(b, lessons.English, "", 80, 24)
	submit(b, a, "LOAD DATASET orders ROWS 1000")
	submit(b, a, "SELECT * FROM orders_by_user;")
	a.setFocus(paneResults)
	keys := []tea.KeyPressMsg{{Code: tea.KeyPgDown}, {Code: tea.KeyPgUp}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Update(keys[i%2])
		_ = a.View()
	}
}
