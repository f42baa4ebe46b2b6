package lessons

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// Checker prepares exercises in a sandbox and grades them.
type Checker struct {
	Sandbox *sandbox.Sandbox
}

// Attempt is the learner's last CQL statement in an exercise, as the app
// recorded it: its text, and its result or error.
type Attempt struct {
	Statement string
	Result    *sandbox.Result
	Err       error
}

// Outcome is the verdict on an exercise.
type Outcome struct {
	// Passed is set when every check passed.
	Passed bool
	// Results holds one result per check, in order.
	Results []CheckResult
}

// CheckResult is the verdict of one check.
type CheckResult struct {
	Kind string
	// Line is the check's line in its lesson file.
	Line   int
	Passed bool
	// Message says, in the learner's language, what the check expected
	// and what it saw; it is empty when the check passed.
	Message string
}

// Failures returns the results of the checks that failed.
func (o *Outcome) Failures() []CheckResult {
	var out []CheckResult
	for _, r := range o.Results {
		if !r.Passed {
			out = append(out, r)
		}
	}
	return out
}

// SetupError reports an exercise whose setup failed: a bug in the lesson.
type SetupError struct {
	Lesson, Exercise string
	// Statement is the setup statement that failed.
	Statement string
	Err       error
}

// Error describes the failure in English.
func (e *SetupError) Error() string {
	return fmt.Sprintf("exercise %s/%s: setup statement %q failed: %s", e.Lesson, e.Exercise,
		oneLine(e.Statement, 100), cqlerr.As(e.Err).CQLSH())
}

// Unwrap returns the sandbox's error.
func (e *SetupError) Unwrap() error { return e.Err }

// errNoExercise is returned for an item that is not an exercise.
var errNoExercise = errors.New("lessons: not an exercise")

// Start gives an exercise its start state (content/README.md): the
// cluster reset, the lesson keyspace dropped, created again and put in
// use, then the exercise's setup run statement by statement. A failing
// setup statement is a *SetupError.
func (c *Checker) Start(ctx context.Context, l *Lesson, it *Item) error {
	if l == nil || it == nil || it.Exercise == nil {
		return errNoExercise
	}
	if err := c.ResetLesson(ctx, l); err != nil {
		return err
	}
	for _, ch := range cql.Split(it.Exercise.Setup) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := c.Sandbox.Exec(ctx, ch.Text); err != nil {
			return &SetupError{Lesson: l.ID, Exercise: it.ID, Statement: ch.Text, Err: err}
		}
	}
	return nil
}

// ResetLesson resets the cluster and gives the lesson an empty keyspace,
// in use: the state a lesson starts in.
func (c *Checker) ResetLesson(ctx context.Context, l *Lesson) error {
	if l == nil || l.Keyspace == "" {
		return errors.New("lessons: no lesson keyspace")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := c.Sandbox.Reset(); err != nil {
		return fmt.Errorf("reset the sandbox: %w", err)
	}
	for _, stmt := range []string{
		"DROP KEYSPACE IF EXISTS " + l.Keyspace,
		createKeyspace(l.Keyspace),
		"USE " + l.Keyspace,
	} {
		if _, err := c.Sandbox.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("lesson %s: %s: %w", l.ID, stmt, err)
		}
	}
	return nil
}

func createKeyspace(ks string) string {
	return "CREATE KEYSPACE IF NOT EXISTS " + ks +
		" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}"
}

// EnterLesson makes sure the lesson's keyspace exists and is in use,
// keeping whatever it holds (a learner opening a step tries examples in
// the keyspace as it is).
func (c *Checker) EnterLesson(ctx context.Context, l *Lesson) error {
	if l == nil || l.Keyspace == "" {
		return errors.New("lessons: no lesson keyspace")
	}
	if c.Sandbox.Catalog().Keyspace(l.Keyspace) == nil {
		if _, err := c.Sandbox.Exec(ctx, createKeyspace(l.Keyspace)); err != nil {
			return fmt.Errorf("lesson %s: %w", l.ID, err)
		}
	}
	if c.Sandbox.Session().Keyspace == l.Keyspace {
		return nil
	}
	if _, err := c.Sandbox.Exec(ctx, "USE "+l.Keyspace); err != nil {
		return fmt.Errorf("lesson %s: %w", l.ID, err)
	}
	return nil
}

// Check grades an exercise: it runs every check and reports each verdict,
// with messages in lang. last is the learner's last CQL statement in the
// exercise, or nil. Checks that query run in the lesson's keyspace without
// changing the learner's session. The error is for what is not the
// learner's doing: a cancelled context or a malformed check.
func (c *Checker) Check(ctx context.Context, lang Lang, l *Lesson, it *Item, last *Attempt) (*Outcome, error) {
	if l == nil || it == nil || it.Exercise == nil {
		return nil, errNoExercise
	}
	runners := make([]checkRunner, len(it.Exercise.Checks))
	for i, ch := range it.Exercise.Checks {
		r, serr := compile(ch)
		if serr != nil {
			return nil, fmt.Errorf("%s:%d: %s", l.File, ch.Line, tr(lang, serr.key, serr.args...))
		}
		runners[i] = r
	}
	keyspace := c.Sandbox.Session().Keyspace
	restore := c.useKeyspace(ctx, l.Keyspace)
	defer restore()
	e := &env{sb: c.Sandbox, lang: lang, lesson: l, last: last, keyspace: keyspace}
	out := &Outcome{Passed: true}
	for i, r := range runners {
		ok, msg := r.run(ctx, e)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ch := it.Exercise.Checks[i]
		if !ok && ch.Message != "" {
			msg = ch.Message
		}
		if ok {
			msg = ""
		}
		out.Results = append(out.Results, CheckResult{Kind: ch.Kind, Line: ch.Line, Passed: ok, Message: msg})
		out.Passed = out.Passed && ok
	}
	return out, nil
}

// useKeyspace puts ks in use for the checks if the learner has moved to
// another keyspace, and returns the function that moves back.
func (c *Checker) useKeyspace(ctx context.Context, ks string) func() {
	prev := c.Sandbox.Session().Keyspace
	if prev == ks || c.Sandbox.Catalog().Keyspace(ks) == nil {
		return func() {}
	}
	if _, err := c.Sandbox.Exec(ctx, "USE "+ks); err != nil {
		return func() {}
	}
	return func() {
		if c.Sandbox.Catalog().Keyspace(prev) != nil {
			_, _ = c.Sandbox.Exec(context.WithoutCancel(ctx), "USE "+quoteName(prev))
		}
	}
}

// quoteName quotes a keyspace name unless it is a plain lower-case one.
func quoteName(name string) string {
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		}
	}
	return name
}
