package lessons

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
)

// checkRunner is a compiled check.
type checkRunner interface {
	// run grades the check; msg says why it failed.
	run(ctx context.Context, e *env) (passed bool, msg string)
}

// env is what a check runs against.
type env struct {
	sb     *sandbox.Sandbox
	lang   Lang
	lesson *Lesson
	last   *Attempt
	// keyspace is the learner's keyspace when the checks started: the
	// one their last statement ran in.
	keyspace string
}

func (e *env) t(key string, args ...any) string { return tr(e.lang, key, args...) }

// count formats a number with its unit.
func (e *env) count(unit string, n int) string { return countOf(e.lang, unit, float64(n)) }

// compile checks a Check's fields and returns the runner for its kind.
func compile(c Check) (checkRunner, *specError) {
	r := &specReader{kind: c.Kind, spec: c.Spec, used: map[string]bool{}}
	if r.spec == nil {
		r.spec = map[string]any{}
	}
	var run checkRunner
	switch c.Kind {
	case "last":
		run = compileLast(r)
	case "rows":
		s := &rowsSpec{ordered: true}
		s.query, _ = r.statement("query", true)
		s.expect, s.hasExpect = r.rows("expect")
		s.rowCount = r.count("row_count")
		if b := r.boolean("ordered"); b != nil {
			s.ordered = *b
		}
		s.consistency = r.consistency("consistency")
		if !s.hasExpect && s.rowCount == nil {
			r.fail("expect", "format.field_required", c.Kind, "expect")
		}
		run = s
	case "error":
		s := &errorSpec{}
		s.statement, _ = r.statement("statement", false)
		s.class = r.errorClass("class")
		s.contains = r.text("contains", false)
		run = s
	case "schema":
		run = compileSchema(r)
	case "trace":
		s := &traceCheck{}
		s.query, s.stmt = r.statement("query", false)
		s.consistency = r.consistency("consistency")
		s.want = readTraceSpec(r)
		run = s
	case "distribution":
		s := &distributionSpec{table: r.text("table", true)}
		s.skew, s.partitions, s.rows = r.count("skew"), r.count("partitions"), r.count("rows")
		s.largest = r.count("largest_partition_rows")
		run = s
	case "patterns":
		run = compilePatterns(r)
	default:
		return nil, &specError{key: "format.check_kind", args: []any{c.Kind, strings.Join(checkKinds, ", ")}}
	}
	r.done()
	if r.err != nil {
		return nil, r.err
	}
	return run, nil
}

// lastSpec checks the learner's last statement.
type lastSpec struct {
	contains    []string
	class       string
	errContains string
	rows        [][]*string
	hasRows     bool
	ordered     bool
	rowCount    *bound
	trace       *traceSpec
	// tombstones bounds the collection tombstones the statement wrote.
	tombstones *bound
}

func compileLast(r *specReader) *lastSpec {
	s := &lastSpec{ordered: true}
	if v, ok := r.get("statement"); ok {
		// statement: {contains: [...]}, or the list (or text) alone.
		sub := &specReader{kind: "last", spec: map[string]any{"contains": v}, used: map[string]bool{}}
		if m, ok := v.(map[string]any); ok {
			sub.spec = m
		}
		s.contains = sub.texts("contains", true)
		sub.done()
		if sub.err != nil {
			sub.err.field = "statement"
			r.fail("statement", sub.err.key, sub.err.args...)
		}
	}
	s.class = r.errorClass("error")
	s.errContains = r.text("error_contains", false)
	s.rows, s.hasRows = r.rows("rows")
	if b := r.boolean("ordered"); b != nil {
		s.ordered = *b
	}
	s.rowCount = r.count("row_count")
	s.tombstones = r.count("collection_tombstones")
	if v, ok := r.get("trace"); ok {
		m, ok := v.(map[string]any)
		if !ok {
			r.typeError("trace", "type.count")
		} else {
			sub := &specReader{kind: "last", spec: m, used: map[string]bool{}}
			s.trace = readTraceSpec(sub)
			sub.done()
			if sub.err != nil {
				r.fail("trace", sub.err.key, sub.err.args...)
			}
		}
	}
	if (s.class != "" || s.errContains != "") && (s.hasRows || s.rowCount != nil || s.trace != nil || s.tombstones != nil) {
		r.fail("error", "format.last_conflict")
	}
	return s
}

func (s *lastSpec) run(ctx context.Context, e *env) (bool, string) {
	a := e.last
	if a == nil || strings.TrimSpace(a.Statement) == "" {
		return false, e.t("last.none")
	}
	stmt := oneLine(a.Statement, 100)
	for _, want := range s.contains {
		if !containsFold(a.Statement, want) {
			return false, e.t("last.contains", want, stmt)
		}
	}
	subject := ref("subject.last")
	if s.class != "" || s.errContains != "" {
		return errorMatches(e, subject, s.class, s.errContains, a.Err)
	}
	if a.Err != nil {
		ce := cqlerr.As(a.Err)
		return false, e.t("error.failed", subject, ce.Code.Class(), oneLine(ce.Message, 200))
	}
	if s.tombstones != nil {
		if ok, msg := checkCollectionTombstones(e, s.tombstones, a); !ok {
			return false, msg
		}
	}
	res := a.Result
	if s.hasRows || s.rowCount != nil {
		if res == nil || !(res.HasRows || res.LWT) {
			return false, e.t("last.no_rows", stmt)
		}
		if ok, msg := compareRows(e, s.rows, s.hasRows, s.ordered, s.rowCount, res); !ok {
			return false, msg
		}
	}
	if s.trace != nil {
		if res == nil || res.Trace == nil {
			return false, e.t("last.no_trace", stmt)
		}
		if ok, msg := s.trace.compare(e, res.Trace, isRead(a.Statement)); !ok {
			return false, msg
		}
	}
	return true, ""
}

// errorMatches grades a statement that must fail.
func errorMatches(e *env, subject any, class, contains string, err error) (bool, string) {
	want := ref("error.any")
	switch {
	case class != "" && contains != "":
		want = ref("error.class_contains", class, contains)
	case class != "":
		want = ref("count.plain", class)
	case contains != "":
		want = ref("error.class_contains", ref("error.any"), contains)
	}
	if err == nil {
		return false, e.t("error.succeeded", subject, want)
	}
	ce := cqlerr.As(err)
	if class != "" && ce.Code.Class() != class {
		return false, e.t("error.wrong_class", subject, want, ce.Code.Class(), oneLine(ce.Message, 200))
	}
	if contains != "" && !containsFold(ce.Message, contains) {
		return false, e.t("error.message", contains, oneLine(ce.Message, 200))
	}
	return true, ""
}

// rowsSpec runs a query and compares its rows.
type rowsSpec struct {
	query       string
	expect      [][]*string
	hasExpect   bool
	ordered     bool
	rowCount    *bound
	consistency cluster.Consistency
}

func (s *rowsSpec) run(ctx context.Context, e *env) (bool, string) {
	res, err := e.sb.Query(ctx, s.query, s.consistency)
	if err != nil {
		return false, queryFailed(e, s.query, err)
	}
	ok, msg := compareRows(e, s.expect, s.hasExpect, s.ordered, s.rowCount, res)
	if !ok && msg != "" {
		// Several row checks may fail at once: say which query this is.
		msg = e.t("rows.query", oneLine(s.query, 80), msg)
	}
	return ok, msg
}

func queryFailed(e *env, q string, err error) string {
	ce := cqlerr.As(err)
	return e.t("query.failed", oneLine(q, 100), ce.Code.Class(), oneLine(ce.Message, 200))
}

// errorSpec runs a statement that must fail.
type errorSpec struct {
	statement string
	class     string
	contains  string
}

func (s *errorSpec) run(ctx context.Context, e *env) (bool, string) {
	_, err := e.sb.Query(ctx, s.statement, cluster.One)
	return errorMatches(e, ref("subject.statement", oneLine(s.statement, 100)), s.class, s.contains, err)
}

// compareRows compares a result with the expected rows and count.
func compareRows(e *env, want [][]*string, hasWant, ordered bool, count *bound, res *sandbox.Result) (bool, string) {
	got := make([][]string, len(res.Rows))
	for i, r := range res.Rows {
		got[i] = cqlsh.FormatRow(res.Columns, r)
	}
	if count != nil && !count.holds(float64(len(got))) {
		return false, e.t("rows.count", count.describe(e.lang, "count.row"), e.count("count.row", len(got)))
	}
	if !hasWant {
		return true, ""
	}
	if len(want) > 0 && len(want[0]) != len(res.Columns) {
		names := make([]string, len(res.Columns))
		for i, c := range res.Columns {
			names[i] = c.Name
		}
		return false, e.t("rows.columns", e.count("count.column", len(want[0])), e.count("count.column", len(res.Columns)), strings.Join(names, ", "))
	}
	inOrder := len(want) == len(got)
	for i := 0; inOrder && i < len(want); i++ {
		inOrder = rowMatches(want[i], got[i])
	}
	if inOrder {
		return true, ""
	}
	if sameRows(want, got) {
		if !ordered {
			return true, ""
		}
		return false, e.t("rows.order", formatRows(e, want, nil), formatRows(e, nil, got))
	}
	return false, e.t("rows.mismatch", e.count("count.row", len(want)), formatRows(e, want, nil),
		e.count("count.row", len(got)), formatRows(e, nil, got))
}

// rowMatches compares one expected row with a formatted one. Null matches
// cqlsh's "null"; true and false match True and False.
func rowMatches(want []*string, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		switch {
		case w == nil:
			if got[i] != "null" {
				return false
			}
		case *w == got[i]:
		case (*w == "true" || *w == "false") && strings.EqualFold(*w, got[i]):
		default:
			return false
		}
	}
	return true
}

// sameRows reports whether got holds the expected rows in any order.
func sameRows(want [][]*string, got [][]string) bool {
	if len(want) != len(got) {
		return false
	}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for j, g := range got {
			if !used[j] && rowMatches(w, g) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// maxShownRows bounds the rows a message lists.
const maxShownRows = 5

// formatRows lists rows compactly: [1, Alice], [2, Bob] ... (3 more).
func formatRows(e *env, want [][]*string, got [][]string) string {
	var rows [][]string
	for _, w := range want {
		r := make([]string, len(w))
		for i, c := range w {
			r[i] = "null"
			if c != nil {
				r[i] = *c
			}
		}
		rows = append(rows, r)
	}
	rows = append(rows, got...)
	if len(rows) == 0 {
		return e.t("rows.none")
	}
	var parts []string
	for i, r := range rows {
		if i == maxShownRows {
			parts = append(parts, e.t("rows.more", len(rows)-maxShownRows))
			break
		}
		cells := make([]string, len(r))
		for j, c := range r {
			cells[j] = oneLine(c, 120)
		}
		parts = append(parts, "["+strings.Join(cells, ", ")+"]")
	}
	return strings.Join(parts, ", ")
}

// oneLine collapses white space and cuts s to at most n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	if n < 4 {
		return string(r[:max(n, 0)])
	}
	return string(r[:n-3]) + "..."
}

// containsFold reports whether s contains sub, ignoring case and runs of
// white space.
func containsFold(s, sub string) bool {
	norm := func(x string) string { return strings.ToLower(strings.Join(strings.Fields(x), " ")) }
	return strings.Contains(norm(s), norm(sub))
}

// isRead reports whether a statement is a SELECT.
func isRead(src string) bool {
	st, err := cql.Parse(src)
	if err != nil {
		return strings.EqualFold(firstWord(src), "SELECT")
	}
	_, ok := st.(*cql.SelectStmt)
	return ok
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// IsCQLStatement reports whether src is a CQL statement rather than a
// cqlsh shell command (CONSISTENCY, TRACING, DESCRIBE, ...) or a sandbox
// command (NODES, LOAD DATASET, ...). Only CQL statements count as the
// learner's last statement for a `last` check.
func IsCQLStatement(src string) bool {
	w := strings.ToUpper(firstWord(strings.TrimSpace(src)))
	if w == "" {
		return false
	}
	if i := strings.IndexByte(w, ';'); i >= 0 {
		w = w[:i]
	}
	return !cql.ShellCommands[w]
}

// String describes a check's kind and line, for debugging.
func (c Check) String() string { return fmt.Sprintf("%s check at line %d", c.Kind, c.Line) }
