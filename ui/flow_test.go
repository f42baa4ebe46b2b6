package ui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/ui/editor"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/lessonpane"
)

var (
	ctrlC = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	f2    = tea.KeyPressMsg{Code: tea.KeyF2}
)

func alt(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModAlt} }

// pressKey sends a key press to the app and runs what it returns.
func pressKey(t testing.TB, a *App, k tea.KeyPressMsg) {
	t.Helper()
	drive(t, a, func() tea.Msg { return k })
}

// screen returns the app's screen without styles.
func screen(a *App) string { return ansi.Strip(a.View().Content) }

// lessonText returns the lesson pane without styles (in the wide layout
// a wrapped sentence is not contiguous on the screen).
func lessonText(a *App) string { return ansi.Strip(a.lesson.View()) }

// verb matches a fmt verb in a UI string.
var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// englishLeaks returns the English UI strings (or the parts of them
// between fmt verbs) found on a screen that should be all Japanese. Only
// parts long enough not to occur by chance in CQL or data are looked for;
// white space is ignored, as a wrapped sentence spans lines.
func englishLeaks(screen string) []string {
	on := squeeze(screen)
	var leaks []string
	for id := i18n.ID(0); int(id) < i18n.Count(); id++ {
		en, ja := i18n.Texts(id)
		if en == ja {
			continue
		}
		for _, part := range verb.Split(en, -1) {
			part = squeeze(part)
			if len(part) < 6 || !strings.ContainsAny(strings.ToLower(part), "abcdefghijklmnopqrstuvwxyz") {
				continue
			}
			if strings.Contains(on, part) {
				leaks = append(leaks, part)
			}
		}
	}
	return leaks
}

func TestSwitchLanguageRewordsCheckFailures(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		a := started(t, lessons.English, "lookup", size[0], size[1])
		submit(t, a, "SELECT name FROM users WHERE id = 2;")
		pressKey(t, a, alt('1')) // the lesson pane, from the editor
		o := a.lesson.Outcome()
		if o == nil || len(o.Failures) != 1 {
			t.Fatalf("%v: outcome %+v after a wrong answer, want one failure", size, o)
		}
		english := o.Failures[0]
		if !strings.Contains(squeeze(lessonText(a)), squeeze(english)) {
			t.Fatalf("%v: the failure %q is not on screen:\n%s", size, english, screen(a))
		}

		// Right after the switch, before the exercise is checked again.
		_, cmd := a.Update(f2)
		if leaks := englishLeaks(lessonText(a)); strings.Contains(squeeze(lessonText(a)), squeeze(english)) || len(leaks) > 0 {
			t.Errorf("%v: right after switching to Japanese, English is on screen (%q):\n%s", size, leaks, screen(a))
		}
		if !strings.Contains(screen(a), i18n.T(lessons.Japanese, i18n.LessonChecking)) {
			t.Errorf("%v: right after the switch the lesson pane does not say it is checking again:\n%s", size, screen(a))
		}
		drive(t, a, cmd)

		l, it := a.current()
		want, err := a.checker.Check(context.Background(), lessons.Japanese, l, it, a.last)
		if err != nil || len(want.Failures()) != 1 {
			t.Fatalf("checking in Japanese: %v %v", want, err)
		}
		got := lessonText(a)
		if leaks := englishLeaks(screen(a) + got); strings.Contains(squeeze(got), squeeze(english)) || len(leaks) > 0 {
			t.Errorf("%v: after switching to Japanese, English is on screen (%q):\n%s", size, leaks, got)
		}
		if !strings.Contains(squeeze(got), squeeze(want.Failures()[0].Message)) {
			t.Errorf("%v: the Japanese failure %q is not on screen:\n%s", size, want.Failures()[0].Message, got)
		}
		if ep := a.prog.Exercise("00-test", "lookup"); ep.Attempts != 1 || ep.Done {
			t.Errorf("%v: after the switch progress records %d attempts (done %v), want the one attempt", size, ep.Attempts, ep.Done)
		}
	}
}

func TestSwitchLanguageDuringACheck(t *testing.T) {
	a := started(t, lessons.English, "lookup", 80, 24)
	pressKey(t, a, alt('1'))
	// The learner's statement runs, its check starts in English, and the
	// learner switches to Japanese before the check ends.
	drive(t, a, func() tea.Msg { return editor.SubmitMsg{Src: "SELECT name FROM users WHERE id = 2;"} })
	_, check := a.Update(lessonpane.CheckMsg{})
	if check == nil {
		t.Fatal("enter in the lesson pane did not check")
	}
	_, sw := a.Update(f2)
	drive(t, a, check)
	drive(t, a, sw)
	if leaks := englishLeaks(screen(a)); len(leaks) > 0 {
		t.Errorf("a check that ran in English is shown after the switch to Japanese (%q):\n%s", leaks, screen(a))
	}
	if o := a.lesson.Outcome(); o == nil || len(o.Failures) != 1 || !strings.Contains(o.Failures[0], "行") {
		t.Errorf("outcome after the switch = %+v, want the failure in Japanese", o)
	}
	if a.busy || a.regrade {
		t.Errorf("busy %v, regrade %v after everything ran; want idle", a.busy, a.regrade)
	}
}

// TestSwitchLanguageTranslatesEverything puts each kind of text on screen
// in English, switches to Japanese and looks for English UI strings.
func TestSwitchLanguageTranslatesEverything(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, a *App)
	}{
		{"welcome", func(t *testing.T, a *App) {}},
		{"progress error", func(t *testing.T, a *App) {
			a.Update(progressSavedMsg{err: context.DeadlineExceeded})
		}},
		{"copied", func(t *testing.T, a *App) {
			pressKey(t, a, escKey)
			pressKey(t, a, letter('1'))
			pressKey(t, a, letter('c'))
		}},
		{"confirm reset", func(t *testing.T, a *App) {
			pressKey(t, a, escKey)
			pressKey(t, a, letter('1'))
			pressKey(t, a, letter('X'))
		}},
		{"full help", func(t *testing.T, a *App) { pressKey(t, a, tea.KeyPressMsg{Code: tea.KeyF1}) }},
		{"busy", func(t *testing.T, a *App) { a.busy, a.busyLabel = true, i18n.StatusPreparing }},
		{"results and trace", func(t *testing.T, a *App) {
			submit(t, a, "CREATE TABLE users (id int PRIMARY KEY, name text);")
			submit(t, a, "SELECT * FROM users WHERE id = 1;")
		}},
		{"cancelled statement", func(t *testing.T, a *App) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			a.op++
			a.busy = true
			drive(t, a, execCmd(ctx, a.op, a.sb, "SELECT * FROM system.local;"))
		}},
		{"error hint", func(t *testing.T, a *App) {
			submit(t, a, "CREATE TABLE users (id int PRIMARY KEY, name text);")
			submit(t, a, "SELECT * FROM users WHERE name = 'x';")
		}},
		{"distribution", func(t *testing.T, a *App) {
			// One hot partition: the pane warns about skew and cardinality.
			var b strings.Builder
			b.WriteString("CREATE TABLE hot (k int, c int, PRIMARY KEY (k, c));")
			for i := 0; i < 120; i++ {
				fmt.Fprintf(&b, "INSERT INTO hot (k, c) VALUES (1, %d);", i)
			}
			submit(t, a, b.String())
			pressKey(t, a, alt('5'))
			if got := squeeze(ansi.Strip(a.dist.View())); !strings.Contains(got, "Lowcardinality") || !strings.Contains(got, "Skewed") {
				t.Fatalf("the distribution pane shows no warnings:\n%s", a.dist.View())
			}
		}},
		{"keys", func(t *testing.T, a *App) {
			submit(t, a, "CREATE TABLE users (id int PRIMARY KEY, name text);")
			submit(t, a, "INSERT INTO users (id, name) VALUES (1, 'a');")
			pressKey(t, a, alt('4'))
		}},
		{"outline", func(t *testing.T, a *App) { pressKey(t, a, alt('6')) }},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			a := started(t, lessons.English, "", size[0], size[1])
			tt.setup(t, a)
			pressKey(t, a, f2)
			if a.lang != lessons.Japanese {
				t.Fatalf("%s %v: f2 did not switch to Japanese", tt.name, size)
			}
			if leaks := englishLeaks(screen(a)); len(leaks) > 0 {
				t.Errorf("%s %v: English on the Japanese screen (%q):\n%s", tt.name, size, leaks, screen(a))
			}
		}
	}
}

func TestCtrlCCancelsAMeasurementThenQuits(t *testing.T) {
	a := started(t, lessons.English, "", 120, 40)
	submit(t, a, "CREATE TABLE t (k int PRIMARY KEY);")
	submit(t, a, "INSERT INTO t (k) VALUES (1);")
	// Show the distribution pane, holding back the measurement.
	measure := a.setFocus(paneDist)
	if a.measure == nil || measure == nil {
		t.Fatal("showing the distribution pane did not start a measurement")
	}
	if got := ansi.Strip(a.statusLine()); !strings.Contains(got, "Measuring lesson00.t") {
		t.Errorf("status line while measuring = %q, want the measurement", got)
	}
	if cmd := a.handleKey(ctrlC); cmd != nil || a.quitting {
		t.Fatalf("first ctrl+c while measuring: command %v, quitting %v; want a cancel only", cmd, a.quitting)
	}
	drive(t, a, measure)
	if a.measure != nil {
		t.Error("the measurement is still running after it was cancelled")
	}
	if got := screen(a); !strings.Contains(squeeze(got), squeeze(i18n.T(lessons.English, i18n.DistCancelled))) {
		t.Errorf("after the cancel the pane does not say so:\n%s", got)
	}
	// r measures again.
	pressKey(t, a, letter('r'))
	if a.dist.Table() != "lesson00.t" || a.measure != nil || strings.Contains(screen(a), "cancelled") {
		t.Errorf("r after a cancel: table %q, measuring %v; want the distribution:\n%s", a.dist.Table(), a.measure != nil, screen(a))
	}
	cmd := a.handleKey(ctrlC)
	if cmd == nil || !a.quitting {
		t.Fatal("ctrl+c with nothing running did not quit")
	}
}

func TestStatementWhileMeasuring(t *testing.T) {
	a := started(t, lessons.English, "", 120, 40)
	submit(t, a, "CREATE TABLE t (k int PRIMARY KEY);")
	measure := a.setFocus(paneDist)
	if a.measure == nil {
		t.Fatal("showing the distribution pane did not start a measurement")
	}
	// The learner runs a statement before the measurement ends: it runs
	// at once, and the measurement gives way.
	_, run := a.Update(editor.SubmitMsg{Src: "INSERT INTO t (k) VALUES (7);"})
	if run == nil || !a.busy || len(a.queued) != 0 || a.measure != nil {
		t.Fatalf("statement while measuring: command %v, busy %v, queued %q, measuring %v; want it run and the measurement stopped",
			run != nil, a.busy, a.queued, a.measure != nil)
	}
	drive(t, a, measure) // the stopped measurement's result is ignored
	drive(t, a, run)
	if a.busy || a.measure != nil {
		t.Fatalf("after the statement: busy %v, measuring %v; want idle", a.busy, a.measure != nil)
	}
	if got := screen(a); !strings.Contains(got, "1 row in 1 partition,") {
		t.Errorf("the distribution was not measured again after the statement:\n%s", got)
	}
	// A statement while another operation runs still waits its turn.
	a.busy = true
	if _, cmd := a.Update(editor.SubmitMsg{Src: "SELECT * FROM t;"}); cmd != nil || len(a.queued) != 1 {
		t.Errorf("statement while busy: command %v, queued %q; want it queued", cmd != nil, a.queued)
	}
}

func TestEscThenKeyTypedQuickly(t *testing.T) {
	tests := []struct {
		name  string
		keys  []tea.KeyPressMsg
		check func(a *App) string
	}{
		{"esc 3 goes to the trace", []tea.KeyPressMsg{alt('3')}, func(a *App) string {
			if a.focus != paneTrace {
				return "focus is not on the trace pane"
			}
			return ""
		}},
		{"esc n goes to the next item", []tea.KeyPressMsg{alt('n')}, func(a *App) string {
			if a.itemID != "lookup" || a.focus == paneEditor {
				return "not on the next item, out of the editor (item " + a.itemID + ")"
			}
			return ""
		}},
		{"esc c copies the example", []tea.KeyPressMsg{alt('c')}, func(a *App) string {
			if a.editor.Value() != "CREATE TABLE users (id int PRIMARY KEY, name text);" {
				return "editor holds " + a.editor.Value()
			}
			return ""
		}},
		{"esc ? opens the help", []tea.KeyPressMsg{alt('?')}, func(a *App) string {
			if !a.fullHelp {
				return "help is closed"
			}
			return ""
		}},
		{"esc L switches language", []tea.KeyPressMsg{{Code: 'l', ShiftedCode: 'L', Mod: tea.ModAlt | tea.ModShift}}, func(a *App) string {
			if a.lang != lessons.Japanese {
				return "still in English"
			}
			return ""
		}},
		{"esc q quits", []tea.KeyPressMsg{alt('q')}, func(a *App) string {
			if !a.quitting {
				return "did not quit"
			}
			return ""
		}},
		{"esc y after X answers no", []tea.KeyPressMsg{escKey, letter('1'), letter('X'), alt('y')}, func(a *App) string {
			if a.lesson.Capturing() || a.busy {
				return "the reset question was not answered no"
			}
			return ""
		}},
		{"alt+b stays in the editor", []tea.KeyPressMsg{letter('a'), letter(' '), letter('b'), alt('b')}, func(a *App) string {
			if a.focus != paneEditor || a.editor.Value() != "a b" {
				return "alt+b left the editor or typed"
			}
			return ""
		}},
		{"alt+enter is a new line", []tea.KeyPressMsg{letter('a'), {Code: tea.KeyEnter, Mod: tea.ModAlt}}, func(a *App) string {
			if a.focus != paneEditor || a.editor.Value() != "a\n" {
				return "alt+enter did not add a line: " + a.editor.Value()
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := started(t, lessons.English, "", 80, 24)
			for _, k := range tt.keys {
				pressKey(t, a, k)
			}
			if msg := tt.check(a); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestExerciseKeepsTheKeyView(t *testing.T) {
	a := started(t, lessons.English, "lookup", 80, 24)
	submit(t, a, "SELECT name FROM users WHERE id = 1;")
	tr := a.trace.Trace()
	if tr == nil || len(tr.Keys) == 0 {
		t.Errorf("in an exercise the key view lists no keys (trace %v): TRACE KEYS is off", tr != nil)
	}
}

func TestStepsOpenWhileBusy(t *testing.T) {
	a := started(t, lessons.English, "lookup", 80, 24)
	pressKey(t, a, escKey)
	a.busy, a.busyLabel = true, i18n.StatusRunning // the learner's statement runs
	pressKey(t, a, letter('p'))
	if a.itemID != "rows" {
		t.Errorf("p while busy went to %q, want the step before", a.itemID)
	}
	pressKey(t, a, letter('n'))
	if a.itemID != "rows" || !a.notice.is(i18n.NoticeBusy) {
		t.Errorf("n to an exercise while a statement runs went to %q (notice %q), want to stay, saying the sandbox is busy", a.itemID, a.notice.text(a.lang))
	}
}

func TestMovingOnAbandonsAPreparation(t *testing.T) {
	a := started(t, lessons.English, "lookup", 80, 24)
	pressKey(t, a, escKey)
	pressKey(t, a, letter('p'))
	// The exercise's preparation has started but not finished.
	a.busy, a.busyLabel, a.cancel = true, i18n.StatusPreparing, func() {}
	stale := preparedMsg{op: a.op, err: context.Canceled}
	a.op++ // what open does for the next preparation
	pressKey(t, a, letter('n'))
	if a.itemID != "lookup" {
		t.Fatalf("n while an item is being prepared went to %q, want the exercise", a.itemID)
	}
	drive(t, a, func() tea.Msg { return stale })
	if a.notice.is(i18n.NoticeStartError) {
		t.Errorf("the abandoned preparation's result was shown: %q", a.notice.text(a.lang))
	}
}

func TestNarrowLayoutShowsWhereTheMainPaneIs(t *testing.T) {
	a := started(t, lessons.English, "", 60, 12)
	pressKey(t, a, alt('1'))
	lines := strings.Split(screen(a), "\n")
	rule := lines[len(lines)-6] // the editor's rule, above its 3 lines and the status and help lines
	if !strings.Contains(rule, "↑ Lesson 1-") || ansi.StringWidth(rule) != 60 {
		t.Errorf("editor rule = %q, want the lesson pane's scroll position on it", rule)
	}
}

func TestStateChangingCommandsAreGraded(t *testing.T) {
	for _, tc := range []struct {
		stmt   string
		graded bool
	}{
		{"SHOW RING", false},
		{"TRACING ON", false},
		{"NODE 2 DOWN", true},
		{"LOAD DATASET users_by_country ROWS 10", true},
	} {
		a := started(t, lessons.English, "lookup", 80, 24)
		submit(t, a, tc.stmt)
		if got := a.lesson.Outcome() != nil; got != tc.graded {
			t.Errorf("after %q the exercise was graded: %v, want %v", tc.stmt, got, tc.graded)
		}
	}
}

func TestTraceFollowsTheResultShown(t *testing.T) {
	a := started(t, lessons.English, "", 120, 40)
	submit(t, a, "CREATE TABLE t (k int PRIMARY KEY); INSERT INTO t (k) VALUES (1); SELECT * FROM t;")
	if tr := a.trace.Trace(); tr == nil || !strings.HasPrefix(tr.Statement, "SELECT") {
		t.Fatalf("trace after the submission = %v, want the SELECT's", tr)
	}
	pressKey(t, a, alt('2'))
	pressKey(t, a, letter('['))
	if got := a.results.Showing(); got != 1 {
		t.Fatalf("[ shows statement %d, want 1 (the INSERT)", got)
	}
	if tr := a.trace.Trace(); tr == nil || !strings.HasPrefix(tr.Statement, "INSERT") {
		t.Errorf("trace after [ = %+v, want the INSERT's", tr)
	}
	if got := ansi.Strip(a.keyview.View()); !strings.Contains(got, "› INSERT") {
		t.Errorf("key view after [ = %q, want the INSERT's keys", got)
	}
}

func TestNoAlarmAfterAPass(t *testing.T) {
	a := started(t, lessons.English, "lookup", 80, 24)
	submit(t, a, "SELECT name FROM users WHERE id = 1;")
	if !a.notice.is(i18n.NoticePassed) {
		t.Fatalf("notice after the solution = %q, want the pass", a.notice.text(a.lang))
	}
	submit(t, a, "SELECT name FROM users WHERE id = 2;")
	if a.notice.is(i18n.NoticeNotYet) || a.notice.is(i18n.NoticeNotYetOne) {
		t.Errorf("notice after experimenting past a pass = %q, want no 'not yet'", a.notice.text(a.lang))
	}
}

func TestTraceIsEmptyForAFailedStatement(t *testing.T) {
	a := started(t, lessons.English, "", 120, 40)
	submit(t, a, "CREATE TABLE t (k int PRIMARY KEY); SELECT * FROM nope; SELECT * FROM t;")
	pressKey(t, a, alt('2'))
	pressKey(t, a, letter('['))
	if tr := a.trace.Trace(); tr != nil {
		t.Errorf("trace shown for the failed statement = %q, want none", tr.Statement)
	}
}

func TestErrorSummary(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{cqlerr.Shellf("no node 9: the cluster has nodes 1 to 4"), "no node 9: the cluster has nodes 1 to 4"},
		{cqlerr.ShellNote("err.node.none", "no node %d: the cluster has nodes 1 to %d", 9, 4), "no node 9: the cluster has nodes 1 to 4"},
		{cqlerr.Invalidf("Undefined column name x\nin table t"), "InvalidRequest: Undefined column name x ..."},
	}
	for _, tt := range tests {
		if got := errorSummary(lessons.English, tt.err); got != tt.want {
			t.Errorf("errorSummary(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
