package ui

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
	"github.com/learnkv/learnkv/ui/results"
)

// Every sandbox, checker and progress call runs in one of these commands;
// Update only reads the messages they return.

// run is one statement of a submission and what came of it.
type run struct {
	stmt string
	res  *sandbox.Result
	err  error
}

// snapshot is the sandbox state the status line and panes show, read
// after each operation (never from Update, where it could block on a
// running statement).
type snapshot struct {
	session sandbox.Session
	cluster sandbox.ClusterStatus
	// tables lists keyspace.table for the session's keyspace.
	tables []string
}

func takeSnapshot(sb *sandbox.Sandbox) snapshot {
	s := snapshot{session: sb.Session(), cluster: sb.Cluster()}
	if ks := sb.Catalog().Keyspace(s.session.Keyspace); ks != nil {
		for _, t := range ks.TableNames() {
			s.tables = append(s.tables, ks.Name+"."+t)
		}
		sort.Strings(s.tables)
	}
	return s
}

// Messages returned by the commands. op identifies the operation, so a
// message that arrives after another operation began is recognised.
type (
	execDoneMsg struct {
		op   int
		runs []run
		// table is the table the last statement touched (keyspace.table).
		table string
		snap  snapshot
		quit  bool
		clear bool
	}
	checkDoneMsg struct {
		op           int
		lesson, item string
		// lang is the language the outcome's messages are in.
		lang    lessons.Lang
		outcome *lessons.Outcome
		err     error
		snap    snapshot
		kind    checkKind
	}
	preparedMsg struct {
		op           int
		lesson, item string
		kind         prepareKind
		err          error
		snap         snapshot
	}
	distDoneMsg struct {
		seq   int
		table string
		dist  *sandbox.Distribution
		err   error
	}
	progressSavedMsg struct{ err error }
)

// checkKind says why an exercise is checked.
type checkKind int

const (
	// checkManual is the learner's request (enter in the lesson pane).
	checkManual checkKind = iota
	// checkAfterStatement follows each CQL statement in an exercise.
	checkAfterStatement
	// checkRegrade words the last result again after a language switch.
	checkRegrade
)

// prepareKind says what a preparedMsg finished.
type prepareKind int

const (
	prepareInit prepareKind = iota
	prepareEnter
	prepareStart
	prepareResetLesson
)

// execCmd runs the statements of a submission, one after another as cqlsh
// does (carrying on after an error, stopping when cancelled).
func execCmd(ctx context.Context, op int, sb *sandbox.Sandbox, src string) tea.Cmd {
	return func() tea.Msg {
		msg := execDoneMsg{op: op}
		for _, ch := range cql.Split(src) {
			text := ch.Text
			if ctx.Err() != nil {
				msg.runs = append(msg.runs, run{stmt: text, err: context.Canceled})
				break
			}
			switch strings.ToUpper(firstWord(text)) {
			case "EXIT", "QUIT":
				msg.quit = true
				return msg
			case "CLEAR", "CLS":
				msg.clear = true
				continue
			case "HELP", "?":
				// The app words its own help (its commands, in the
				// learner's language) in place of learnkv cql's.
				msg.runs = append(msg.runs, run{stmt: text, res: &sandbox.Result{Statement: text, Message: cqlsh.Help,
					Note: &sandbox.Note{ID: results.HelpNote}}})
				continue
			case "SOURCE", "CAPTURE", "EXPAND", "LOGIN", "COPY", "HISTORY", "DEBUG", "UNICODE":
				msg.runs = append(msg.runs, run{stmt: text,
					err: cqlerr.Shellf("%s is a cqlsh command the learnkv sandbox does not support.", strings.ToUpper(firstWord(text)))})
				continue
			}
			res, err := sb.Exec(ctx, ch.Sent)
			if err != nil && ctx.Err() != nil {
				err = context.Canceled
			}
			msg.runs = append(msg.runs, run{stmt: text, res: res, err: err})
		}
		msg.snap = takeSnapshot(sb)
		msg.table = touchedTable(msg.runs, msg.snap.session.Keyspace)
		return msg
	}
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(f[0], ";")
}

// touchedTable returns the table the last statement of a submission read
// or wrote (keyspace.table), or "".
func touchedTable(runs []run, keyspace string) string {
	for i := len(runs) - 1; i >= 0; i-- {
		r := runs[i]
		if r.err != nil {
			continue
		}
		if r.res != nil && r.res.Trace != nil {
			for _, p := range r.res.Trace.Partitions {
				if p.Table != "" {
					return p.Table
				}
			}
		}
		if name := statementTable(r.stmt, keyspace); name != "" {
			return name
		}
	}
	return ""
}

// statementTable returns the table a statement names (keyspace.table).
func statementTable(src, keyspace string) string {
	f := strings.Fields(strings.ToUpper(src))
	if len(f) >= 3 && f[0] == "SHOW" && f[1] == "DISTRIBUTION" {
		name := strings.ToLower(strings.Fields(src)[2])
		if !strings.Contains(name, ".") {
			name = keyspace + "." + name
		}
		return name
	}
	stmt, err := cql.Parse(src)
	if err != nil {
		return ""
	}
	var q cql.QualifiedName
	switch st := stmt.(type) {
	case *cql.SelectStmt:
		q = st.Table
	case *cql.InsertStmt:
		q = st.Table
	case *cql.UpdateStmt:
		q = st.Table
	case *cql.DeleteStmt:
		q = st.Table
	case *cql.CreateTableStmt:
		q = st.Name
	default:
		return ""
	}
	ks := q.Keyspace.Name
	if ks == "" {
		ks = keyspace
	}
	return ks + "." + q.Name.Name
}

// checkCmd grades an exercise.
func checkCmd(ctx context.Context, op int, c *lessons.Checker, lang lessons.Lang, l *lessons.Lesson, it *lessons.Item, last *lessons.Attempt, kind checkKind) tea.Cmd {
	return func() tea.Msg {
		o, err := c.Check(ctx, lang, l, it, last)
		return checkDoneMsg{op: op, lesson: l.ID, item: it.ID, lang: lang, outcome: o, err: err,
			snap: takeSnapshot(c.Sandbox), kind: kind}
	}
}

// prepareCmd gets the sandbox ready for an item: the whole start-up,
// entering a lesson, starting an exercise or resetting a lesson. Then it
// turns TRACE KEYS on, which the key view needs and which starting an
// exercise turns off (the exercise's clean state resets the session).
func prepareCmd(ctx context.Context, op int, mu *sync.Mutex, c *lessons.Checker, kind prepareKind, l *lessons.Lesson, it *lessons.Item) tea.Cmd {
	return func() tea.Msg {
		// A preparation the learner moved away from is cancelled while
		// the next one starts: mu makes the next wait until it has
		// stopped, so their statements never interleave.
		mu.Lock()
		defer mu.Unlock()
		msg := preparedMsg{op: op, kind: kind}
		if l != nil {
			msg.lesson = l.ID
		}
		if it != nil {
			msg.item = it.ID
		}
		msg.err = prepare(ctx, c, kind, l, it)
		if !c.Sandbox.Session().TraceKeys && ctx.Err() == nil {
			if _, err := c.Sandbox.Exec(ctx, "TRACE KEYS ON"); err != nil && msg.err == nil {
				msg.err = err
			}
		}
		msg.snap = takeSnapshot(c.Sandbox)
		return msg
	}
}

// prepare runs a preparation of prepareCmd.
func prepare(ctx context.Context, c *lessons.Checker, kind prepareKind, l *lessons.Lesson, it *lessons.Item) error {
	switch {
	case l == nil:
		return nil
	case kind == prepareResetLesson:
		return c.ResetLesson(ctx, l)
	case it != nil && it.Kind == lessons.ExerciseItem:
		return c.Start(ctx, l, it)
	}
	return c.EnterLesson(ctx, l)
}

// distCmd measures a table's distribution; seq identifies the
// measurement.
func distCmd(ctx context.Context, seq int, sb *sandbox.Sandbox, table string) tea.Cmd {
	return func() tea.Msg {
		ks, name, ok := strings.Cut(table, ".")
		if !ok {
			ks, name = "", table
		}
		if ctx.Err() != nil {
			return distDoneMsg{seq: seq, table: table, err: context.Canceled}
		}
		d, err := sb.Distribution(ctx, ks, name)
		if err != nil && ctx.Err() != nil {
			d, err = nil, context.Canceled
		}
		return distDoneMsg{seq: seq, table: table, dist: d, err: err}
	}
}

// saver writes progress files in order: a save that was overtaken by a
// newer one is skipped.
type saver struct {
	mu    sync.Mutex
	saved int
}

// saveCmd saves a copy of the progress (taken in Update, so the command
// never reads what Update is changing).
func (s *saver) saveCmd(p *lessons.Progress, path string, seq int) tea.Cmd {
	if path == "" || p == nil {
		return nil
	}
	data, err := json.Marshal(p)
	if err != nil {
		return func() tea.Msg { return progressSavedMsg{err: err} }
	}
	return func() tea.Msg {
		s.mu.Lock()
		defer s.mu.Unlock()
		if seq <= s.saved {
			return nil
		}
		cp := lessons.NewProgress()
		if err := json.Unmarshal(data, cp); err != nil {
			return progressSavedMsg{err: err}
		}
		if err := cp.Save(path); err != nil {
			return progressSavedMsg{err: err}
		}
		s.saved = seq
		return progressSavedMsg{}
	}
}

// isCancel reports whether err is a cancellation.
func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
