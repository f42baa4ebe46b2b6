package ui

// A submission: the learner's statements, run one after another, and
// what the app makes of their outcome.

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/results"
)

// submit runs the learner's statements.
func (a *App) submit(src string) tea.Cmd {
	cmd := a.startOp(i18n.StatusRunning, func(ctx context.Context, op int) tea.Cmd {
		return execCmd(ctx, op, a.sb, src)
	})
	if cmd != nil {
		first := src
		if chunks := cql.Split(src); len(chunks) > 0 {
			first = chunks[0].Text
		}
		a.results.SetRunning(first)
	}
	return cmd
}

// runQueued runs the next queued submission when the sandbox is free.
func (a *App) runQueued() tea.Cmd {
	if a.busy || len(a.queued) == 0 {
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
		a.results.Clear() // nothing ran (comments only): not "running" any more
		return nil
	}
	lastRun := msg.runs[len(msg.runs)-1]
	shown := make([]results.Run, len(msg.runs))
	for i, r := range msg.runs {
		shown[i] = results.Run{Stmt: r.stmt, Res: r.res, Err: r.err}
	}
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
	distLast := a.showDistributions(shown, msg.snap.session.Keyspace)
	a.results.SetRuns(shown)
	failed := a.results.Failed()
	switch {
	case isCancel(lastRun.err):
		a.say(noticeWarn, i18n.NoticeCancelled)
	case len(failed) > 1 || len(failed) == 1 && lastRun.err == nil:
		a.say(noticeError, i18n.NoticeFailed, len(failed), len(msg.runs))
	case lastRun.err != nil:
		err := lastRun.err
		a.notice = notice{kind: noticeError, set: true, local: func(l lessons.Lang) string { return errorSummary(l, err) }}
	default:
		a.clearNotice()
	}
	switch {
	case a.wide() || a.focus != paneEditor:
	case distLast:
		a.shown = paneDist
	default:
		a.shown = paneResults
	}
	// Record the learner's last CQL statement for the exercise's checks.
	attempted := false
	for _, r := range msg.runs {
		if isCancel(r.err) {
			continue
		}
		if lessons.IsCQLStatement(r.stmt) {
			a.last = &lessons.Attempt{Statement: r.stmt, Result: r.res, Err: r.err}
			attempted = true
		} else if r.err == nil && changesState(r.stmt) {
			// Loading a dataset or stopping a node changes what the
			// checks see, so it is graded too (it is not the "last"
			// statement, which stays the learner's last CQL).
			attempted = true
		}
	}
	if current && attempted && a.lesson.IsExercise() {
		return a.check(checkAfterStatement)
	}
	return a.distIfVisible()
}

// errorSummary is an error on one line for the status line: the class
// and Cassandra's message, or just the message of a command's own error
// (cqlsh prints no class for those).
func errorSummary(lang lessons.Lang, err error) string {
	return oneLine(results.ErrorText(lang, cqlerr.As(err)))
}

// distributionShown is the note that replaces the text of SHOW
// DISTRIBUTION in the results pane (i18n words it).
const distributionShown = "distribution.shown"

// showDistributions shows the table of each SHOW DISTRIBUTION that ran in
// the distribution pane, which draws it in the learner's language, and
// leaves a note in its place in the results pane. It reports whether the
// last statement was one.
func (a *App) showDistributions(runs []results.Run, keyspace string) (last bool) {
	for i, r := range runs {
		if r.Err != nil || r.Res == nil || !isShowDistribution(r.Stmt) {
			continue
		}
		table := statementTable(r.Stmt, keyspace)
		runs[i].Res = &sandbox.Result{Statement: r.Res.Statement,
			Message: fmt.Sprintf("The distribution of %s is shown in pane 5 (Distribution).", table),
			Note:    &sandbox.Note{ID: distributionShown, Args: []any{table}}}
		a.distTable, a.distDirty = table, true
		if a.wide() {
			a.inspector = paneDist
		}
		last = i == len(runs)-1
	}
	return last
}

// isShowDistribution reports whether stmt is SHOW DISTRIBUTION.
func isShowDistribution(stmt string) bool {
	f := strings.Fields(strings.ToUpper(stmt))
	return len(f) >= 2 && f[0] == "SHOW" && strings.TrimSuffix(f[1], ";") == "DISTRIBUTION"
}

// changesState reports whether a sandbox or cqlsh command changes the data
// or the cluster an exercise is graded on (LOAD DATASET, NODE n DOWN,
// NODES n, CONSISTENCY, HINTED HANDOFF, READ REPAIR), as opposed to one
// that only shows something (SHOW, DESCRIBE, TRACING).
func changesState(stmt string) bool {
	switch strings.ToUpper(firstWord(stmt)) {
	case "LOAD", "NODE", "NODES", "CONSISTENCY", "SERIAL", "HINTED", "READ":
		return len(strings.Fields(stmt)) > 1
	}
	return false
}
