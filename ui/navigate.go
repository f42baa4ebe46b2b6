package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/lessonpane"
	"github.com/learnkv/learnkv/ui/outline"
)

// showItem gives the lesson pane and the outline the item on screen, in
// the current language, with the learner's state on it.
func (a *App) showItem() {
	l, it := a.current()
	st := lessonpane.ItemState{}
	if l != nil && it != nil && it.Kind == lessons.ExerciseItem {
		if lp := a.prog.Lessons[l.ID]; lp != nil {
			if ep := lp.Exercises[it.ID]; ep != nil {
				st = lessonpane.ItemState{Hints: ep.HintsShown, Solution: ep.SolutionShown, Passed: ep.Done}
			}
		}
	}
	a.lesson.SetItem(l, it, st)
	a.refreshMarks()
	if l != nil && it != nil {
		a.outline.SetCurrent(l.ID, it.ID)
	}
}

// refreshMarks gives the outline the learner's marks.
func (a *App) refreshMarks() {
	marks := map[string]outline.Mark{}
	for id, lp := range a.prog.Lessons {
		if lp.Item != "" {
			marks[outline.Key(id, lp.Item)] = max(marks[outline.Key(id, lp.Item)], outline.InProgress)
		}
		for eid, ep := range lp.Exercises {
			switch {
			case ep.Done:
				marks[outline.Key(id, eid)] = outline.Done
			case ep.Started:
				marks[outline.Key(id, eid)] = max(marks[outline.Key(id, eid)], outline.InProgress)
			}
		}
	}
	// A step counts as done once the learner has moved past it.
	for _, l := range a.lessons() {
		last := -1
		for i, it := range l.Items {
			if marks[outline.Key(l.ID, it.ID)] != outline.NotStarted {
				last = i
			}
		}
		for i := 0; i < last; i++ {
			if it := l.Items[i]; it.Kind == lessons.StepItem {
				marks[outline.Key(l.ID, it.ID)] = outline.Done
			}
		}
	}
	a.outline.SetMarks(marks)
}

// open shows an item and prepares the sandbox for it: an exercise gets its
// start state, a step in another lesson its lesson's keyspace.
func (a *App) open(lessonID, itemID string) tea.Cmd {
	l, it := a.pack.Item(a.lang, lessonID, itemID)
	if l == nil || it == nil {
		return nil
	}
	prevLesson := a.lessonID
	// A step of the same lesson needs nothing of the sandbox: it opens
	// even while a statement or a preparation runs. An item that needs
	// the sandbox waits for the learner's statement, but takes over from
	// the preparation of an item the learner has already moved past.
	if a.busy && (it.Kind == lessons.ExerciseItem || prevLesson != l.ID) {
		if !a.preparing() {
			a.say(noticeWarn, i18n.NoticeBusy)
			return nil
		}
		a.abandonOp()
	}
	a.lessonID, a.itemID = l.ID, it.ID
	a.last = nil
	a.regrade = false
	a.prog.Visit(l.ID, it.ID)
	// The notice was about the item left ("passed", "not yet", an error).
	a.clearNotice()
	var prep tea.Cmd
	switch {
	case it.Kind == lessons.ExerciseItem:
		a.prog.MarkStarted(l.ID, it.ID)
		prep = a.startOp(i18n.StatusPreparing, func(ctx context.Context, op int) tea.Cmd {
			return prepareCmd(ctx, op, &a.prepMu, a.checker, prepareStart, l, it)
		})
	case prevLesson != l.ID:
		prep = a.startOp(i18n.StatusLoading, func(ctx context.Context, op int) tea.Cmd {
			return prepareCmd(ctx, op, &a.prepMu, a.checker, prepareEnter, l, it)
		})
	}
	if prep != nil {
		a.clearRun()
	}
	a.showItem()
	return tea.Batch(prep, a.save())
}

// preparing reports whether the running operation prepares an item (its
// start state or its lesson's keyspace) rather than runs the learner's
// statements or resets what the learner asked to reset.
func (a *App) preparing() bool {
	return a.busy && (a.busyLabel == i18n.StatusPreparing || a.busyLabel == i18n.StatusLoading)
}

// abandonOp cancels the running operation and forgets it: its result,
// when it comes, is of an older operation and is dropped.
func (a *App) abandonOp() {
	if a.cancel != nil {
		a.cancel()
	}
	a.busy, a.cancel = false, nil
}

// navigate moves to the next or previous item, across lessons.
func (a *App) navigate(delta int) tea.Cmd {
	ls := a.lessons()
	type ref struct{ lesson, item string }
	var all []ref
	at := -1
	for _, l := range ls {
		for _, it := range l.Items {
			if l.ID == a.lessonID && it.ID == a.itemID {
				at = len(all)
			}
			all = append(all, ref{l.ID, it.ID})
		}
	}
	next := at + delta
	if at < 0 || next < 0 || next >= len(all) {
		return nil
	}
	return a.open(all[next].lesson, all[next].item)
}

// reveal records hints and the solution the learner revealed.
func (a *App) reveal(msg lessonpane.RevealMsg) tea.Cmd {
	l, it := a.current()
	if l == nil || it == nil || it.Exercise == nil {
		return nil
	}
	ep := a.prog.Exercise(l.ID, it.ID)
	ep.Started = true
	ep.HintsShown = max(ep.HintsShown, min(msg.Hints, len(it.Exercise.Hints)))
	if msg.Solution {
		a.prog.ShowSolution(l.ID, it.ID)
	}
	return a.save()
}

// resetExercise gives the open exercise its start state again and forgets
// the learner's progress on it.
func (a *App) resetExercise() tea.Cmd {
	l, it := a.current()
	if l == nil || it == nil || it.Kind != lessons.ExerciseItem {
		return nil
	}
	cmd := a.startOp(i18n.StatusPreparing, func(ctx context.Context, op int) tea.Cmd {
		return prepareCmd(ctx, op, &a.prepMu, a.checker, prepareStart, l, it)
	})
	if cmd == nil {
		return nil
	}
	a.prog.ResetExercise(l.ID, it.ID)
	a.prog.MarkStarted(l.ID, it.ID)
	a.clearRun()
	a.last = nil
	a.regrade = false
	a.lesson.SetItem(nil, nil, lessonpane.ItemState{})
	a.showItem()
	a.say(noticeInfo, i18n.NoticeResetExercise)
	return tea.Batch(cmd, a.save())
}

// resetLesson empties the lesson's keyspace and forgets its progress.
func (a *App) resetLesson() tea.Cmd {
	l, it := a.current()
	if l == nil {
		return nil
	}
	kind := prepareResetLesson
	if it != nil && it.Kind == lessons.ExerciseItem {
		kind = prepareStart // the reset, then the exercise's setup
	}
	cmd := a.startOp(i18n.StatusPreparing, func(ctx context.Context, op int) tea.Cmd {
		return prepareCmd(ctx, op, &a.prepMu, a.checker, kind, l, it)
	})
	if cmd == nil {
		return nil
	}
	a.prog.ResetLesson(l.ID)
	a.prog.Visit(l.ID, a.itemID)
	a.clearRun()
	a.last = nil
	a.regrade = false
	a.lesson.SetItem(nil, nil, lessonpane.ItemState{})
	a.showItem()
	a.say(noticeInfo, i18n.NoticeResetLesson)
	return tea.Batch(cmd, a.save())
}

// clearRun empties the results, trace and key panes when the sandbox is
// set up afresh (an exercise starts or is reset, a lesson is entered or
// reset): what they showed was about a state that is gone.
func (a *App) clearRun() {
	a.results.Clear()
	a.trace.SetTrace(nil)
	a.keyview.SetTrace(nil)
}

// save writes the progress in a command.
func (a *App) save() tea.Cmd {
	a.saveSeq++
	return a.saver.saveCmd(a.prog, a.path, a.saveSeq)
}

// oneLine shortens a message to its first line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " ..."
	}
	return s
}
