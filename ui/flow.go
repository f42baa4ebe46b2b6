package ui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
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

func (a *App) setNotice(text string, kind noticeKind) { a.notice, a.noticeKind = text, kind }

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
	a.fullHelp = false
	return a.updateFocused(k)
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
		a.results, cmd = a.results.Update(msg)
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

// interrupt is ctrl+c: it cancels the running operation, or quits.
func (a *App) interrupt() tea.Cmd {
	a.queued = nil
	if a.busy != "" && a.cancel != nil && !a.cancelled {
		a.cancel()
		a.cancelled = true
		a.setNotice(i18n.T(a.lang, i18n.NoticeCancelAgain), noticeWarn)
		return nil
	}
	return a.quit()
}

func (a *App) quit() tea.Cmd {
	if a.cancel != nil {
		a.cancel()
	}
	a.quitting = true
	return tea.Quit
}

// startOp begins a sandbox operation, unless one is running.
func (a *App) startOp(label i18n.ID, cmd func(ctx context.Context, op int) tea.Cmd) tea.Cmd {
	if a.busy != "" {
		a.setNotice(i18n.T(a.lang, i18n.NoticeBusy), noticeWarn)
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.op++
	a.busy, a.cancel, a.cancelled = i18n.T(a.lang, label), cancel, false
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
	a.busy, a.cancel = "", nil
	return true
}

// handleAppMsg handles the panes' requests and the commands' results,
// then runs a queued submission if the sandbox became free.
func (a *App) handleAppMsg(msg tea.Msg) tea.Cmd {
	cmd := a.handleMsg(msg)
	if a.quitting {
		return cmd
	}
	return tea.Batch(cmd, a.runQueued())
}

func (a *App) handleMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case editor.SubmitMsg:
		if a.busy != "" {
			// Run it as soon as the sandbox is free (the learner may type
			// while an exercise is being prepared or checked).
			a.queued = append(a.queued, msg.Src)
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
		a.measuring = false
		a.dist.SetDistribution(msg.table, msg.dist, msg.err)
		return nil
	case progressSavedMsg:
		if msg.err != nil {
			a.setNotice(i18n.F(a.lang, i18n.NoticeProgressError, msg.err.Error()), noticeError)
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
		a.editor.SetValue(msg.Text)
		a.setNotice(i18n.T(a.lang, i18n.NoticeCopied), noticeInfo)
		return a.setFocus(paneEditor)
	case lessonpane.CheckMsg:
		return a.check(false)
	case lessonpane.RevealMsg:
		return a.reveal(msg)
	case lessonpane.ResetExerciseMsg:
		return a.resetExercise()
	case lessonpane.ResetLessonMsg:
		return a.resetLesson()
	}
	return nil
}

// submit runs the learner's statements.
func (a *App) submit(src string) tea.Cmd {
	return a.startOp(i18n.StatusRunning, func(ctx context.Context, op int) tea.Cmd {
		return execCmd(ctx, op, a.sb, src)
	})
}

// runQueued runs the next queued submission when the sandbox is free.
func (a *App) runQueued() tea.Cmd {
	if a.busy != "" || len(a.queued) == 0 {
		return nil
	}
	src := a.queued[0]
	a.queued = a.queued[1:]
	return a.submit(src)
}

// execDone shows a submission's outcome and, in an exercise, checks it.
func (a *App) execDone(msg execDoneMsg) tea.Cmd {
	current := a.endOp(msg.op)
	if msg.quit {
		return a.quit()
	}
	a.applySnapshot(msg.snap)
	if msg.clear && len(msg.runs) == 0 {
		a.results.Clear()
		return nil
	}
	if len(msg.runs) == 0 {
		return nil
	}
	lastRun := msg.runs[len(msg.runs)-1]
	a.results.SetResult(lastRun.stmt, lastRun.res, lastRun.err, len(msg.runs))
	for i := len(msg.runs) - 1; i >= 0; i-- {
		if r := msg.runs[i]; r.res != nil && r.res.Trace != nil {
			a.trace.SetTrace(r.res.Trace)
			a.keyview.SetTrace(r.res.Trace)
			break
		}
	}
	// A read leaves the distribution as it was: measure it again only
	// after a change, or for another table.
	if msg.table != "" && msg.table != a.distTable {
		a.distTable, a.distDirty = msg.table, true
	}
	for _, r := range msg.runs {
		if w := strings.ToUpper(firstWord(r.stmt)); r.err == nil && w != "SELECT" && w != "DESCRIBE" && w != "DESC" {
			a.distDirty = true
		}
	}
	switch {
	case isCancel(lastRun.err):
		a.setNotice(i18n.T(a.lang, i18n.NoticeCancelled), noticeWarn)
	case lastRun.err != nil:
		a.setNotice(cqlerr.As(lastRun.err).Code.Class()+": "+oneLine(cqlerr.As(lastRun.err).Message), noticeError)
	default:
		a.notice = ""
	}
	if !a.wide() && a.shown != paneResults && a.focus == paneEditor {
		a.shown = paneResults
	}
	// Record the learner's last CQL statement for the exercise's checks.
	attempted := false
	for _, r := range msg.runs {
		if lessons.IsCQLStatement(r.stmt) && !isCancel(r.err) {
			a.last = &lessons.Attempt{Statement: r.stmt, Result: r.res, Err: r.err}
			attempted = true
		}
	}
	if current && attempted && a.lesson.IsExercise() {
		return a.check(true)
	}
	return a.distIfVisible()
}

// check grades the open exercise.
func (a *App) check(afterStatement bool) tea.Cmd {
	l, it := a.current()
	if it == nil || it.Kind != lessons.ExerciseItem {
		return nil
	}
	last := a.last
	lang := a.lang
	cmd := a.startOp(i18n.StatusChecking, func(ctx context.Context, op int) tea.Cmd {
		return checkCmd(ctx, op, a.checker, lang, l, it, last, afterStatement)
	})
	if cmd != nil {
		a.lesson.SetChecking()
	}
	return cmd
}

// checkDone shows a check's outcome and records progress.
func (a *App) checkDone(msg checkDoneMsg) tea.Cmd {
	a.endOp(msg.op)
	a.applySnapshot(msg.snap)
	if msg.lesson != a.lessonID || msg.item != a.itemID {
		return a.distIfVisible()
	}
	out := &lessonpane.Outcome{Err: msg.err}
	if msg.err != nil && isCancel(msg.err) {
		out.Err = errors.New(i18n.T(a.lang, i18n.NoticeCancelled))
	}
	if o := msg.outcome; o != nil {
		out.Passed = o.Passed
		for _, f := range o.Failures() {
			out.Failures = append(out.Failures, f.Message)
		}
	}
	a.lesson.SetOutcome(out)
	a.prog.RecordAttempt(msg.lesson, msg.item)
	switch {
	case out.Err != nil:
		a.setNotice(i18n.F(a.lang, i18n.LessonCheckError, out.Err.Error()), noticeError)
	case out.Passed:
		a.prog.MarkDone(msg.lesson, msg.item, a.now())
		a.refreshMarks()
		a.setNotice(i18n.T(a.lang, i18n.NoticePassed), noticeSuccess)
	case a.notice == "" || !msg.afterStatement:
		a.setNotice(i18n.F(a.lang, i18n.NoticeNotYet, len(out.Failures)), noticeWarn)
	}
	return tea.Batch(a.save(), a.distIfVisible())
}

// prepared finishes start-up, entering a lesson, starting an exercise or
// resetting a lesson.
func (a *App) prepared(msg preparedMsg) tea.Cmd {
	a.endOp(msg.op)
	a.applySnapshot(msg.snap)
	if msg.err != nil {
		a.setNotice(i18n.F(a.lang, i18n.NoticeStartError, oneLine(msg.err.Error())), noticeError)
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

// distIfVisible computes the distribution when its pane is on screen and
// out of date, and the sandbox is free.
func (a *App) distIfVisible() tea.Cmd {
	if !a.visible(paneDist) || !a.distDirty || a.distTable == "" || a.busy != "" || a.measuring {
		return nil
	}
	a.distDirty = false
	a.dist.SetLoading(a.distTable)
	a.measuring = true
	return tea.Batch(distCmd(a.sb, a.distTable), a.spin.Tick)
}
