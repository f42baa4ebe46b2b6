package ui

import (
	"context"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/ui/distpane"
	"github.com/learnkv/learnkv/ui/editor"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/lessonpane"
	"github.com/learnkv/learnkv/ui/outline"
)

// noticeKind colours the status line's notice.
type noticeKind int

const (
	noticeInfo noticeKind = iota
	noticeSuccess
	noticeWarn
	noticeError
)

// notice is the status line's message. It keeps the message's ID and
// arguments rather than the sentence, so that a language switch
// translates it.
type notice struct {
	kind noticeKind
	set  bool
	id   i18n.ID
	args []any
	// raw is a text that reads the same in every language (Cassandra's
	// own error messages); local gives the text of the app's caller.
	raw   string
	local func(lessons.Lang) string
	// sticky is set for a notice that is about the app rather than the
	// item on screen (the progress file), which stays when the learner
	// moves to another item.
	sticky bool
}

func (n notice) empty() bool { return !n.set }

// text returns the notice in lang.
func (n notice) text(lang lessons.Lang) string {
	switch {
	case !n.set:
		return ""
	case n.local != nil:
		return n.local(lang)
	case n.raw != "":
		return n.raw
	case len(n.args) == 0:
		return i18n.T(lang, n.id)
	}
	return i18n.F(lang, n.id, n.args...)
}

// is reports whether the notice is the UI string id.
func (n notice) is(id i18n.ID) bool { return n.set && n.raw == "" && n.local == nil && n.id == id }

// say puts the UI string id, formatted with args, on the status line.
func (a *App) say(kind noticeKind, id i18n.ID, args ...any) {
	a.notice = notice{kind: kind, set: true, id: id, args: args}
}

// clearNotice takes the notice off the status line, unless it is sticky.
func (a *App) clearNotice() {
	if !a.notice.sticky {
		a.notice = notice{}
	}
}

// sayRaw puts a text that needs no translation on the status line.
func (a *App) sayRaw(kind noticeKind, text string) {
	a.notice = notice{kind: kind, set: true, raw: text}
}

// handleKey runs the global keys, then gives the key to the focused pane.
func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.activeKeys()
	switch {
	case key.Matches(k, keys.Interrupt):
		return a.interrupt()
	case a.fullHelp && (key.Matches(k, keys.Help) || k.String() == "esc" || k.String() == "q"):
		a.fullHelp = false
		return nil
	case key.Matches(k, keys.Quit):
		return a.quit()
	case key.Matches(k, keys.Help):
		a.fullHelp = !a.fullHelp
		return nil
	case key.Matches(k, keys.Lang):
		return a.setLang(i18n.Other(a.lang))
	case key.Matches(k, keys.NextPane):
		return a.cycleFocus(1)
	case key.Matches(k, keys.PrevPane):
		return a.cycleFocus(-1)
	case key.Matches(k, keys.Editor):
		return a.setFocus(paneEditor)
	case a.focus == paneEditor && key.Matches(k, keys.Leave):
		return a.setFocus(a.shown)
	}
	for i, b := range keys.Pane {
		if key.Matches(k, b) {
			return a.setFocus(tabs[i])
		}
	}
	if plain, ok := afterEsc(k); ok && !(a.focus == paneEditor && a.editor.Owns(k)) {
		// Esc followed quickly by a key reaches us as alt+key: the
		// terminal sends both at once (tmux before 3.5 waits 500 ms after
		// an esc). Do what the two keys would do one after the other.
		return tea.Batch(a.handleKey(tea.KeyPressMsg{Code: tea.KeyEscape}), a.handleKey(plain))
	}
	a.fullHelp = false
	return a.updateFocused(k)
}

// afterEsc returns the key that alt+key would be without alt, and
// whether k is such a key (alt, or alt and shift, and nothing else).
func afterEsc(k tea.KeyPressMsg) (tea.KeyPressMsg, bool) {
	if k.Mod&tea.ModAlt == 0 || k.Mod&^(tea.ModAlt|tea.ModShift) != 0 {
		return k, false
	}
	plain := k
	plain.Mod &^= tea.ModAlt
	if plain.Text == "" {
		switch {
		case plain.Mod == tea.ModShift && plain.ShiftedCode != 0:
			plain.Text = string(plain.ShiftedCode)
		case plain.Mod == tea.ModShift && unicode.IsLower(plain.Code):
			plain.ShiftedCode = unicode.ToUpper(plain.Code)
			plain.Text = string(plain.ShiftedCode)
		case plain.Mod == 0 && plain.Code != tea.KeyExtended && unicode.IsPrint(plain.Code):
			plain.Text = string(plain.Code)
		}
	}
	return plain, true
}

// followShownRun shows, in the trace and key panes, the trace of the
// statement the results pane steps to with [ and ]; none for a statement
// that failed or has no trace, rather than another statement's.
func (a *App) followShownRun() {
	var tr *trace.Trace
	if res := a.results.Result(); res != nil {
		tr = res.Trace
	}
	a.trace.SetTrace(tr)
	a.keyview.SetTrace(tr)
}

// updateFocused gives a message to the focused pane.
func (a *App) updateFocused(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch a.focus {
	case paneLesson:
		a.lesson, cmd = a.lesson.Update(msg)
	case paneEditor:
		a.editor, cmd = a.editor.Update(msg)
	case paneResults:
		before := a.results.Showing()
		a.results, cmd = a.results.Update(msg)
		if a.results.Showing() != before {
			a.followShownRun()
		}
	case paneTrace:
		a.trace, cmd = a.trace.Update(msg)
	case paneKeys:
		a.keyview, cmd = a.keyview.Update(msg)
	case paneDist:
		a.dist, cmd = a.dist.Update(msg)
	case paneOutline:
		a.outline, cmd = a.outline.Update(msg)
	}
	return cmd
}

// interrupt is ctrl+c: it cancels the running operation or distribution
// measurement, or quits.
func (a *App) interrupt() tea.Cmd {
	a.queued = nil
	switch {
	case a.busy && a.cancel != nil && !a.cancelled:
		a.cancel()
		a.cancelled = true
	case a.measure != nil && !a.measure.cancelled:
		a.measure.cancel()
		a.measure.cancelled = true
	default:
		return a.quit()
	}
	a.say(noticeWarn, i18n.NoticeCancelAgain)
	return nil
}

func (a *App) quit() tea.Cmd {
	if a.cancel != nil {
		a.cancel()
	}
	if a.measure != nil {
		a.measure.cancel()
	}
	a.quitting = true
	return tea.Quit
}

// startOp begins a sandbox operation, unless one is running. A
// distribution measurement gives way: it is cancelled, and measured again
// once the sandbox is free.
func (a *App) startOp(label i18n.ID, cmd func(ctx context.Context, op int) tea.Cmd) tea.Cmd {
	if a.busy {
		a.say(noticeWarn, i18n.NoticeBusy)
		return nil
	}
	a.stopMeasuring()
	ctx, cancel := context.WithCancel(context.Background())
	a.op++
	a.busy, a.busyLabel, a.cancel, a.cancelled = true, label, cancel, false
	return tea.Batch(cmd(ctx, a.op), a.spin.Tick)
}

// endOp marks the operation op finished; it reports false for a message
// of an older operation.
func (a *App) endOp(op int) bool {
	if op != a.op {
		return false
	}
	if a.cancel != nil {
		a.cancel()
	}
	a.busy, a.cancel = false, nil
	return true
}

// handleAppMsg handles the panes' requests and the commands' results,
// then runs a queued submission if the sandbox became free.
func (a *App) handleAppMsg(msg tea.Msg) tea.Cmd {
	cmd := a.handleMsg(msg)
	if a.quitting {
		return cmd
	}
	return tea.Batch(cmd, a.regradeIfPending(), a.runQueued())
}

func (a *App) handleMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case editor.SubmitMsg:
		if a.busy {
			// Run it as soon as the sandbox is free (the learner may type
			// while an exercise is being prepared or checked; a
			// distribution measurement is no reason to wait, see startOp).
			a.queued = append(a.queued, msg.Src)
			if a.busyLabel == i18n.StatusRunning {
				a.say(noticeInfo, i18n.NoticeQueued)
			}
			return nil
		}
		return a.submit(msg.Src)
	case execDoneMsg:
		return a.execDone(msg)
	case checkDoneMsg:
		return a.checkDone(msg)
	case preparedMsg:
		return a.prepared(msg)
	case distDoneMsg:
		return a.measured(msg)
	case progressSavedMsg:
		if msg.err != nil {
			a.say(noticeError, i18n.NoticeProgressError, msg.err.Error())
			a.notice.sticky = true
		}
		return nil
	case distpane.ChooseMsg:
		a.distTable, a.distDirty = msg.Table, true
		return a.distIfVisible()
	case outline.SelectMsg:
		if a.lessonID == msg.Lesson && a.itemID == msg.Item {
			return a.setFocus(paneLesson) // already open: keep its state
		}
		cmd := a.open(msg.Lesson, msg.Item)
		if a.lessonID == msg.Lesson && a.itemID == msg.Item {
			return tea.Batch(cmd, a.setFocus(paneLesson))
		}
		return cmd
	case lessonpane.NavigateMsg:
		return a.navigate(msg.Delta)
	case lessonpane.CopyMsg:
		if msg.Text == "" {
			a.say(noticeInfo, i18n.NoticeNoExample)
			return nil
		}
		a.editor.SetValue(msg.Text)
		a.say(noticeInfo, i18n.NoticeCopied)
		return a.setFocus(paneEditor)
	case lessonpane.CheckMsg:
		return a.check(checkManual)
	case lessonpane.RevealMsg:
		return a.reveal(msg)
	case lessonpane.ResetExerciseMsg:
		return a.resetExercise()
	case lessonpane.ResetLessonMsg:
		return a.resetLesson()
	}
	return nil
}

// check grades the open exercise.
func (a *App) check(kind checkKind) tea.Cmd {
	l, it := a.current()
	if it == nil || it.Kind != lessons.ExerciseItem {
		return nil
	}
	last := a.last
	lang := a.lang
	cmd := a.startOp(i18n.StatusChecking, func(ctx context.Context, op int) tea.Cmd {
		return checkCmd(ctx, op, a.checker, lang, l, it, last, kind)
	})
	if cmd != nil {
		a.lesson.SetChecking()
		a.regrade = false // this check is in the app's language
	}
	return cmd
}

// checkMessagesShown reports whether the lesson pane shows a check
// result worded by the lessons package (failures, or why the check could
// not run), which a language switch leaves in the old language.
func (a *App) checkMessagesShown() bool {
	o := a.lesson.Outcome()
	return a.lesson.IsExercise() && o != nil && (len(o.Failures) > 0 || o.Err != nil)
}

// regradeIfPending checks the open exercise again, in the app's
// language, if a language switch asked for it and the sandbox is free.
func (a *App) regradeIfPending() tea.Cmd {
	if !a.regrade || a.busy {
		return nil
	}
	a.regrade = false
	return a.check(checkRegrade)
}

// checkDone shows a check's outcome and records progress.
func (a *App) checkDone(msg checkDoneMsg) tea.Cmd {
	a.endOp(msg.op)
	a.applySnapshot(msg.snap)
	if msg.lesson != a.lessonID || msg.item != a.itemID {
		return a.distIfVisible()
	}
	out := &lessonpane.Outcome{Err: msg.err}
	if isCancel(msg.err) {
		out.Err, out.Cancelled = nil, true
	}
	if o := msg.outcome; o != nil {
		out.Passed = o.Passed
		for _, f := range o.Failures() {
			out.Failures = append(out.Failures, f.Message)
		}
	}
	// A check that ran in the language the learner has just left is
	// worded in it: keep "checking" on screen and check again.
	stale := msg.lang != a.lang && (len(out.Failures) > 0 || out.Err != nil)
	if stale {
		a.regrade = true
		a.lesson.SetChecking()
	} else {
		a.lesson.SetOutcome(out)
	}
	regrade := msg.kind == checkRegrade
	if !regrade {
		a.prog.RecordAttempt(msg.lesson, msg.item)
	}
	switch {
	case out.Err != nil:
		if !stale {
			a.say(noticeError, i18n.LessonCheckError, out.Err.Error())
		}
	case out.Cancelled:
		a.say(noticeWarn, i18n.NoticeCancelled)
	case out.Passed:
		if regrade && a.prog.IsDone(msg.lesson, msg.item) {
			break // the same pass, in another language
		}
		a.prog.MarkDone(msg.lesson, msg.item, a.now())
		a.refreshMarks()
		a.say(noticeSuccess, i18n.NoticePassed)
	case regrade:
		// Keep the learner's notice, unless it counts failures.
		if a.notice.is(i18n.NoticeNotYet) || a.notice.is(i18n.NoticeNotYetOne) {
			a.sayNotYet(len(out.Failures))
		}
	case msg.kind == checkAfterStatement && a.prog.IsDone(msg.lesson, msg.item):
		// Experimenting after a pass: the pane shows the checks, but the
		// exercise stays done, so the status line raises no alarm.
	case a.notice.empty() || msg.kind == checkManual:
		a.sayNotYet(len(out.Failures))
	}
	return tea.Batch(a.save(), a.distIfVisible())
}

// sayNotYet reports how many checks failed.
func (a *App) sayNotYet(n int) {
	if n == 1 {
		a.say(noticeWarn, i18n.NoticeNotYetOne)
		return
	}
	a.say(noticeWarn, i18n.NoticeNotYet, n)
}

// prepared finishes start-up, entering a lesson, starting an exercise or
// resetting a lesson.
func (a *App) prepared(msg preparedMsg) tea.Cmd {
	if !a.endOp(msg.op) {
		return nil // abandoned for a later item (see open)
	}
	a.applySnapshot(msg.snap)
	if msg.err != nil {
		a.say(noticeError, i18n.NoticeStartError, oneLine(msg.err.Error()))
	}
	a.distDirty = true
	return a.distIfVisible()
}

// applySnapshot takes the sandbox state a command read.
func (a *App) applySnapshot(s snapshot) {
	a.snap = &s
	a.trace.SetCluster(&s.cluster)
	a.dist.SetTables(s.tables)
	if a.distTable == "" && len(s.tables) > 0 {
		a.distTable = s.tables[0]
	}
}

// measurement is a distribution being computed in a command.
type measurement struct {
	// seq tells the measurement's result from an earlier one's.
	seq       int
	table     string
	cancel    context.CancelFunc
	cancelled bool
}

// distIfVisible measures the distribution when its pane is on screen and
// out of date, and the sandbox is free.
func (a *App) distIfVisible() tea.Cmd {
	if !a.visible(paneDist) || !a.distDirty || a.distTable == "" || a.busy || a.measure != nil {
		return nil
	}
	a.distDirty = false
	a.dist.SetLoading(a.distTable)
	ctx, cancel := context.WithCancel(context.Background())
	a.measureSeq++
	a.measure = &measurement{seq: a.measureSeq, table: a.distTable, cancel: cancel}
	return tea.Batch(distCmd(ctx, a.measureSeq, a.sb, a.distTable), a.spin.Tick)
}

// stopMeasuring cancels a running measurement for an operation that needs
// the sandbox, leaving the distribution to be measured again.
func (a *App) stopMeasuring() {
	if a.measure == nil {
		return
	}
	a.measure.cancel()
	a.measure = nil
	a.distDirty = true
}

// measured shows a measurement's result, unless it was given up.
func (a *App) measured(msg distDoneMsg) tea.Cmd {
	m := a.measure
	if m == nil || msg.seq != m.seq {
		return nil
	}
	m.cancel()
	a.measure = nil
	if isCancel(msg.err) {
		a.say(noticeWarn, i18n.NoticeCancelled)
	}
	a.dist.SetDistribution(msg.table, msg.dist, msg.err)
	return nil
}
