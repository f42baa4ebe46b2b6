package lessons

import (
	"context"
	"errors"
	"io/fs"
	"strings"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// Validate checks a lesson pack the way `learnkv lessons check` does, with
// messages in English. See ValidateIn.
func Validate(ctx context.Context, fsys fs.FS) []Problem {
	return ValidateIn(ctx, fsys, English)
}

// ValidateIn checks a lesson pack (fsys holds en/ and ja/) and returns
// every problem, in file and line order, with messages in msgLang:
//   - the format of every file (content/README.md);
//   - en/ja parity: the same lessons, steps and exercises, the same number
//     of hints, the same checks (apart from message), setup and solution;
//   - in one in-memory sandbox, every English exercise fails from its
//     start state and passes after its reference solution;
//   - every lesson renders at LintWidths in both languages with no line
//     wider than the width, no lone marker and no literal ** or __.
func ValidateIn(ctx context.Context, fsys fs.FS, msgLang Lang) []Problem {
	v := &validator{lang: msgLang}
	packs := map[Lang][]*Lesson{}
	files := map[Lang]map[string]bool{}
	for _, lang := range Langs {
		ls, err := Load(fsys, lang)
		packs[lang] = ls
		files[lang] = map[string]bool{}
		names, _ := fs.Glob(fsys, string(lang)+"/*.md")
		for _, n := range names {
			files[lang][lessonID(n)] = true
		}
		if len(names) == 0 {
			v.add(Problem{File: string(lang) + "/", Lang: lang}, "validate.no_lessons", string(lang))
		}
		var list ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				v.add(Problem{File: e.File, Line: e.Line, Lang: lang, Lesson: lessonID(e.File)}, e.key, e.args...)
			}
		} else if err != nil {
			v.add(Problem{File: string(lang) + "/", Lang: lang}, "format.read", err.Error())
		}
	}
	v.parity(packs, files)
	// Rendering and the sandbox runs are independent: do them side by side.
	linted := make(chan []Problem)
	go func() {
		lv := &validator{lang: msgLang}
		for _, lang := range Langs {
			for _, l := range packs[lang] {
				lv.lint(l, lang)
			}
		}
		linted <- lv.problems
	}()
	v.run(ctx, packs[English])
	v.problems = append(v.problems, <-linted...)
	sortProblems(v.problems)
	return v.problems
}

// validator gathers problems.
type validator struct {
	lang     Lang
	problems []Problem
}

func (v *validator) add(p Problem, key string, args ...any) {
	p.Msg = tr(v.lang, key, args...)
	v.problems = append(v.problems, p)
}

func langName(l Lang) msgRef { return ref("lang." + string(l)) }

func kindName(it *Item) msgRef {
	if it.Kind == ExerciseItem {
		return ref("kind.exercise")
	}
	return ref("kind.step")
}

// kindArticle names an item's kind with its article: "an exercise".
func kindArticle(it *Item) msgRef {
	if it.Kind == ExerciseItem {
		return ref("kind.an_exercise")
	}
	return ref("kind.a_step")
}

// parity compares every translation with the English lessons.
func (v *validator) parity(packs map[Lang][]*Lesson, files map[Lang]map[string]bool) {
	en := map[string]*Lesson{}
	for _, l := range packs[English] {
		en[l.ID] = l
	}
	for _, lang := range Langs[1:] {
		for id := range files[English] {
			if !files[lang][id] {
				v.add(Problem{File: "en/" + id + ".md", Lang: English, Lesson: id},
					"validate.missing_translation", langName(lang), string(lang)+"/"+id+".md")
			}
		}
		for id := range files[lang] {
			if !files[English][id] {
				v.add(Problem{File: string(lang) + "/" + id + ".md", Lang: lang, Lesson: id},
					"validate.missing_translation", langName(English), "en/"+id+".md")
			}
		}
		for _, tl := range packs[lang] {
			if ol := en[tl.ID]; ol != nil {
				v.compareLesson(ol, tl, lang)
			}
		}
	}
}

// compareLesson compares a translated lesson with the original.
func (v *validator) compareLesson(orig, tl *Lesson, lang Lang) {
	at := func(line int, item string) Problem {
		return Problem{File: tl.File, Line: line, Lang: lang, Lesson: tl.ID, Item: item}
	}
	var origIDs, tlIDs []string
	for _, it := range orig.Items {
		origIDs = append(origIDs, it.ID)
	}
	for _, it := range tl.Items {
		tlIDs = append(tlIDs, it.ID)
	}
	prevLine := 1
	matched := 0
	for _, oi := range orig.Items {
		ti := tl.Item(oi.ID)
		if ti == nil {
			v.add(at(prevLine, oi.ID), "validate.missing_item", kindName(oi), oi.ID, position(orig.File, oi.Line))
			continue
		}
		matched++
		prevLine = ti.Line
		if ti.Kind != oi.Kind {
			v.add(at(ti.Line, ti.ID), "validate.item_kind", ti.ID, kindArticle(ti), kindArticle(oi), orig.File)
			continue
		}
		if oi.Kind == ExerciseItem {
			v.compareExercise(orig, oi, at, ti)
		}
	}
	for _, ti := range tl.Items {
		if orig.Item(ti.ID) == nil {
			v.add(at(ti.Line, ti.ID), "validate.extra_item", kindName(ti), ti.ID, orig.File)
		}
	}
	if matched == len(orig.Items) && matched == len(tl.Items) && !equalStrings(origIDs, tlIDs) {
		v.add(at(tl.Items[0].Line, ""), "validate.item_order", orig.File, strings.Join(origIDs, ", "))
	}
}

// compareExercise compares a translated exercise with the original.
func (v *validator) compareExercise(orig *Lesson, oi *Item, at func(int, string) Problem, ti *Item) {
	oe, te := oi.Exercise, ti.Exercise
	if len(te.Hints) != len(oe.Hints) {
		line := ti.Line
		if len(te.Lines.Hints) > 0 {
			line = te.Lines.Hints[0]
		}
		v.add(at(line, ti.ID), "validate.hints", ti.ID, len(te.Hints), len(oe.Hints), orig.File)
	}
	if len(te.Checks) != len(oe.Checks) {
		v.add(at(te.Lines.Check, ti.ID), "validate.checks_count", ti.ID, len(te.Checks), len(oe.Checks), orig.File)
	} else {
		for i := range te.Checks {
			if !sameCheck(oe.Checks[i], te.Checks[i]) {
				v.add(at(te.Checks[i].Line, ti.ID), "validate.check_differs", i+1, ti.ID, position(orig.File, oe.Checks[i].Line))
			}
		}
	}
	if normalCQL(te.Setup) != normalCQL(oe.Setup) {
		v.add(at(max(te.Lines.Setup, ti.Line), ti.ID), "validate.setup_differs", ti.ID, orig.File)
	}
	if normalCQL(te.Solution) != normalCQL(oe.Solution) {
		v.add(at(te.Lines.Solution, ti.ID), "validate.solution_differs", ti.ID, orig.File)
	}
}

// sameCheck compares two checks apart from their message.
func sameCheck(a, b Check) bool {
	return a.Kind == b.Kind && deepEqual(a.Spec, b.Spec)
}

func deepEqual(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !deepEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !deepEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

// normalCQL returns a script's statements without comments and with
// white space collapsed, so that comments may be translated.
func normalCQL(src string) string {
	var out []string
	for _, ch := range cql.Split(src) {
		out = append(out, strings.Join(strings.Fields(ch.Text), " "))
	}
	return strings.Join(out, ";\n")
}

// lint renders every piece of a lesson's text.
func (v *validator) lint(l *Lesson, lang Lang) {
	piece := func(line int, item, md string) {
		issues, err := Lint(md, LintWidths...)
		p := Problem{File: l.File, Line: line, Lang: lang, Lesson: l.ID, Item: item}
		if err != nil {
			v.add(p, "lint.render", err.Error())
		}
		for _, is := range issues {
			q := p
			if is.Line > 0 {
				q.Line = line + is.Line - 1
			}
			q.Msg = is.Message(v.lang)
			v.problems = append(v.problems, q)
		}
	}
	for _, it := range l.Items {
		piece(it.Line, it.ID, "# "+it.Title)
		if it.Kind == StepItem {
			piece(it.Line+1, it.ID, it.Body)
			continue
		}
		ex := it.Exercise
		piece(ex.Lines.Task+1, it.ID, ex.Task)
		for i, h := range ex.Hints {
			if i < len(ex.Lines.Hints) {
				piece(ex.Lines.Hints[i]+1, it.ID, h)
			}
		}
		piece(ex.Lines.Why+1, it.ID, ex.Why)
		piece(ex.Lines.Solution, it.ID, "```cql\n"+ex.Solution+"\n```")
		if ex.Setup != "" {
			piece(ex.Lines.Setup, it.ID, "```cql\n"+ex.Setup+"\n```")
		}
	}
}

// run plays every exercise in one in-memory sandbox: it must fail from
// its start state and pass after its solution.
func (v *validator) run(ctx context.Context, ls []*Lesson) {
	if len(ls) == 0 {
		return
	}
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		v.add(Problem{File: "en/", Lang: English}, "validate.sandbox", err.Error())
		return
	}
	defer sb.Close()
	c := &Checker{Sandbox: sb}
	for _, l := range ls {
		for _, it := range l.Exercises() {
			if err := ctx.Err(); err != nil {
				v.add(Problem{File: l.File, Line: it.Line, Lang: English, Lesson: l.ID, Item: it.ID}, "validate.canceled", err.Error())
				return
			}
			v.runExercise(ctx, c, l, it)
		}
		// Keep the sandbox small: later resets move every keyspace's data.
		_, _ = sb.Exec(ctx, "DROP KEYSPACE IF EXISTS "+l.Keyspace)
	}
}

// mutates reports whether running a check may change the sandbox: loading
// a dataset, running a write, or reading at a level that may repair.
func mutates(ch Check) bool {
	r, err := compile(ch)
	if err != nil {
		return true
	}
	switch x := r.(type) {
	case *patternsSpec:
		return x.dataset != ""
	case *rowsSpec:
		return x.consistency != cluster.One
	case *traceCheck:
		_, read := x.stmt.(*cql.SelectStmt)
		return !read || x.consistency != cluster.One
	case *errorSpec:
		return !isRead(x.statement)
	}
	return false
}

func (v *validator) runExercise(ctx context.Context, c *Checker, l *Lesson, it *Item) {
	ex := it.Exercise
	at := func(line int) Problem {
		return Problem{File: l.File, Line: line, Lang: English, Lesson: l.ID, Item: it.ID}
	}
	start := func() bool {
		err := c.Start(ctx, l, it)
		var se *SetupError
		switch {
		case errors.As(err, &se):
			ce := cqlerr.As(se.Err)
			v.add(at(max(ex.Lines.Setup, it.Line)), "validate.setup_failed", it.ID, oneLine(se.Statement, 80), ce.CQLSH())
		case err != nil:
			v.add(at(it.Line), "validate.check_error", it.ID, err.Error())
		}
		return err == nil
	}
	if !start() {
		return
	}
	out, err := c.Check(ctx, v.lang, l, it, nil)
	if err != nil {
		v.add(at(ex.Lines.Check), "validate.check_error", it.ID, err.Error())
		return
	}
	if out.Passed {
		v.add(at(it.Line), "validate.free_pass", it.ID)
	}
	for _, ch := range ex.Checks {
		if mutates(ch) {
			if !start() {
				return
			}
			break
		}
	}
	var last *Attempt
	var failed []*Attempt
	for _, ch := range cql.Split(ex.Solution) {
		res, err := c.Sandbox.Exec(ctx, ch.Text)
		if IsCQLStatement(ch.Text) {
			last = &Attempt{Statement: ch.Text, Result: res, Err: err}
		}
		if err != nil {
			failed = append(failed, &Attempt{Statement: ch.Text, Err: err})
		}
	}
	out, err = c.Check(ctx, v.lang, l, it, last)
	if err != nil {
		v.add(at(ex.Lines.Check), "validate.check_error", it.ID, err.Error())
		return
	}
	if out.Passed {
		return
	}
	var msgs []string
	for _, f := range out.Failures() {
		msgs = append(msgs, f.Message)
	}
	msg := strings.Join(msgs, "; ")
	for _, f := range failed {
		ce := cqlerr.As(f.Err)
		msg += tr(v.lang, "validate.solution_statement", oneLine(f.Statement, 80), ce.Code.Class(), oneLine(ce.Message, 160))
	}
	v.add(at(ex.Lines.Solution), "validate.solution_fails", msg)
}
