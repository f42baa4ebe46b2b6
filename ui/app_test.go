package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/mattn/go-runewidth"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
)

func TestMain(m *testing.M) {
	runewidth.DefaultCondition.EastAsianWidth = false
	os.Exit(m.Run())
}

// testApp returns an app on an in-memory sandbox and the test pack. With
// an exercise id, the learner resumes on that item of lesson 00-test.
func testApp(t testing.TB, lang lessons.Lang, item string) *App {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	pack, err := lessons.LoadPack(os.DirFS("testdata/pack"))
	if err != nil {
		t.Fatal(err)
	}
	prog := lessons.NewProgress()
	if item != "" {
		prog.Visit("00-test", item)
	}
	return New(Options{Sandbox: sb, Pack: pack, Progress: prog, Lang: lang,
		Now: func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }})
}

// startFlow runs the app in a test program of the given size.
func startFlow(t *testing.T, a *App, w, h int) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	t.Cleanup(func() { tm.Quit() })
	return tm
}

// squeeze drops escape sequences and white space: the renderer draws only
// what changed, moving the cursor over unchanged cells, so words on screen
// need not be contiguous in the output.
func squeeze(s string) string {
	return strings.Join(strings.Fields(ansi.Strip(s)), "")
}

// waitFor waits until every text has appeared in the output since the
// last wait.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		out := squeeze(string(b))
		for _, text := range texts {
			if !strings.Contains(out, squeeze(text)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// enter types a statement and presses enter.
func enter(tm *teatest.TestModel, stmt string) {
	tm.Type(stmt)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
}

func press(tm *teatest.TestModel, keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		tm.Send(k)
	}
}

var (
	escKey  = tea.KeyPressMsg{Code: tea.KeyEscape}
	letterQ = tea.KeyPressMsg{Code: 'q', Text: "q"}
)

func letter(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// finalApp quits the program and returns the app.
func finalApp(t *testing.T, tm *teatest.TestModel) *App {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
}

func TestFlowTypeStatementAndSeeRows(t *testing.T) {
	tm := startFlow(t, testApp(t, lessons.English, ""), 80, 24)
	waitFor(t, tm, "lesson00")
	enter(tm, "CREATE TABLE users (id int PRIMARY KEY, name text);")
	enter(tm, "INSERT INTO users (id, name) VALUES (1, 'Alice');")
	// q is text in the editor: it must not quit.
	enter(tm, "SELECT * FROM users WHERE name = 'q' ALLOW FILTERING;")
	waitFor(t, tm, "(0 rows)")
	enter(tm, "SELECT * FROM users;")
	waitFor(t, tm, "Alice", "(1 rows)")
	a := finalApp(t, tm)
	if got := a.editor.History(); len(got) != 4 {
		t.Errorf("history = %q, want the four statements", got)
	}
	if res := a.results.Result(); res == nil || len(res.Rows) != 1 {
		t.Errorf("results pane shows %v, want one row", res)
	}
	if a.trace.Trace() == nil {
		t.Error("trace pane is empty, want the SELECT's trace")
	}
}

func TestFlowFailThenPassExercise(t *testing.T) {
	tm := startFlow(t, testApp(t, lessons.English, "lookup"), 80, 24)
	waitFor(t, tm, "Look up a user", "lesson00")
	enter(tm, "SELECT name FROM users WHERE id = 2;")
	waitFor(t, tm, "Bob", "Not yet")
	enter(tm, "SELECT name FROM users WHERE id = 1;")
	waitFor(t, tm, "Alice", "Exercise passed")
	a := finalApp(t, tm)
	if !a.prog.IsDone("00-test", "lookup") {
		t.Error("progress does not record the exercise as done")
	}
	if ep := a.prog.Exercise("00-test", "lookup"); ep.Attempts != 2 {
		t.Errorf("progress records %d attempts, want 2", ep.Attempts)
	}
}

func TestFlowRevealHint(t *testing.T) {
	tm := startFlow(t, testApp(t, lessons.Japanese, "lookup"), 80, 24)
	waitFor(t, tm, "ユーザーを探す", "lesson00")
	press(tm, escKey, letter('h'))
	waitFor(t, tm, "ヒント 1/2")
	a := finalApp(t, tm)
	if got := a.prog.Exercise("00-test", "lookup").HintsShown; got != 1 {
		t.Errorf("progress records %d hints shown, want 1", got)
	}
}

func TestFlowSwitchLanguage(t *testing.T) {
	tm := startFlow(t, testApp(t, lessons.English, ""), 80, 24)
	waitFor(t, tm, "Rows and keys", "lesson00")
	press(tm, escKey, letter('L'))
	waitFor(t, tm, "行とキー", "言語：日本語")
	press(tm, tea.KeyPressMsg{Code: tea.KeyF2})
	waitFor(t, tm, "Rows and keys")
	press(tm, letter('L'))
	waitFor(t, tm, "レッスン")
	a := finalApp(t, tm)
	if a.lang != lessons.Japanese || a.prog.Language != lessons.Japanese {
		t.Errorf("language = %q (progress %q), want ja", a.lang, a.prog.Language)
	}
}

func TestFlowResize(t *testing.T) {
	tm := startFlow(t, testApp(t, lessons.English, ""), 80, 24)
	waitFor(t, tm, "lesson00")
	tm.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	waitFor(t, tm, "─ Lesson ─", "─ Results ─", "─ Trace ─")
	tm.Send(tea.WindowSizeMsg{Width: 40, Height: 20})
	waitFor(t, tm, "Rows and keys")
	a := finalApp(t, tm)
	if a.width != 40 || a.height != 20 || a.wide() {
		t.Errorf("after resizing, app is %dx%d (wide %v), want 40x20 narrow", a.width, a.height, a.wide())
	}
	a.quitting = false
	for i, line := range strings.Split(a.render(), "\n") {
		if w := ansi.StringWidth(line); w != 40 {
			t.Errorf("line %d of the 40-cell screen is %d cells: %q", i, w, ansi.Strip(line))
		}
	}
}

func TestFlowQuitWithQOutsideTheEditor(t *testing.T) {
	tm := startFlow(t, testApp(t, lessons.English, ""), 80, 24)
	waitFor(t, tm, "lesson00")
	press(tm, escKey, letterQ)
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	out, _ := readAll(tm.FinalOutput(t))
	if !bytes.Contains(out, []byte("\x1b[?1049l")) {
		t.Error("the program did not leave the alternate screen")
	}
}

func readAll(r interface{ Read([]byte) (int, error) }) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}
