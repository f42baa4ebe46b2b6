package cqlsh

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// Runner runs scripts against a sandbox and prints what cqlsh would.
type Runner struct {
	Sandbox *sandbox.Sandbox
	Printer *Printer
	// JSON, when set, prints one JSON object per statement instead.
	JSON io.Writer
	// Dir resolves relative SOURCE paths.
	Dir string
	// Name, when set, is the name of the input (a file's path, or
	// "<stdin>") that starts each error message with its line number, as
	// cqlsh does when it does not read from a terminal:
	// "<stdin>:2:InvalidRequest: ...". Files run by SOURCE are always
	// named so.
	Name string
	// SingleStatement is set for statements given on the command line
	// (cqlsh -e), whose errors are all on line 1.
	SingleStatement bool
	// stopped is set by EXIT or QUIT.
	stopped bool
	failed  bool
	// where starts the error messages of the statement being run.
	where string
}

// Run runs every statement of src and reports whether all succeeded. A
// trailing statement without its semicolon is run too when complete is
// false (as cqlsh -e does), and reported as incomplete otherwise.
func (r *Runner) Run(ctx context.Context, src string, requireTerminator bool) bool {
	return r.run(ctx, src, requireTerminator, r.Name, r.SingleStatement)
}

// run runs src read from the input name (see Runner.Name).
func (r *Runner) run(ctx context.Context, src string, requireTerminator bool, name string, single bool) bool {
	saved := r.where
	defer func() { r.where = saved }()
	for _, ch := range cql.Split(src) {
		if r.stopped || ctx.Err() != nil {
			break
		}
		if !ch.Complete && requireTerminator {
			r.where = errorPrefix(name, single, linesRead(src))
			r.fail(ch.Text, cqlerr.Shellf("Incomplete statement at end of file"))
			break
		}
		r.where = errorPrefix(name, single, ch.Pos.Line+strings.Count(ch.Sent, "\n"))
		r.one(ctx, ch.Text, ch.Sent)
	}
	return !r.failed
}

// errorPrefix is what starts an error message of a statement whose last
// line is line. cqlsh counts the lines it has read from one, so its count
// is one ahead of the line it has just read; statements given with -e are
// all on its first line.
func errorPrefix(name string, single bool, line int) string {
	switch {
	case name == "":
		return ""
	case single:
		line = 1
	default:
		line++
	}
	return fmt.Sprintf("%s:%d:", name, line)
}

// linesRead counts the lines of src, the last one whether or not it ends
// with a newline.
func linesRead(src string) int {
	n := strings.Count(src, "\n")
	if src != "" && !strings.HasSuffix(src, "\n") {
		n++
	}
	return n
}

// commandWord returns the first word of text in upper case, "X" when
// there is none: what cqlsh looks at to find its own commands. Only words
// of at most 7 characters, as those commands are, are upper-cased (longer
// ones are returned as they are), so that a statement costs no
// allocation here.
func commandWord(text string) string {
	start := strings.IndexFunc(text, isNotSpace)
	if start < 0 {
		return "X"
	}
	word := text[start:]
	if end := strings.IndexFunc(word, unicode.IsSpace); end >= 0 {
		word = word[:end]
	}
	if len(word) > len("HISTORY") && utf8.RuneCountInString(word) > len("HISTORY") {
		return word
	}
	return strings.ToUpper(word)
}

func isNotSpace(r rune) bool { return !unicode.IsSpace(r) }

// Stopped reports whether EXIT or QUIT was run.
func (r *Runner) Stopped() bool { return r.stopped }

// Failed reports whether any statement failed.
func (r *Runner) Failed() bool { return r.failed }

// one runs a statement; text is how it is shown, sent what goes to the
// sandbox (see cql.Chunk).
func (r *Runner) one(ctx context.Context, text, sent string) {
	word := commandWord(text)
	switch word {
	case "EXIT", "QUIT":
		r.stopped = true
		return
	case "HELP", "?":
		r.message(text, Help)
		return
	case "SOURCE":
		r.source(ctx, text)
		return
	case "CAPTURE", "EXPAND", "LOGIN", "COPY", "CLEAR", "CLS", "HISTORY", "DEBUG", "UNICODE":
		r.fail(text, cqlerr.Shellf("%s is a cqlsh command the learnkv sandbox does not support.", word))
		return
	}
	res, err := r.Sandbox.Exec(ctx, sent)
	if err != nil {
		r.fail(text, err)
		return
	}
	if r.JSON != nil {
		r.emitJSON(text, res, nil)
		return
	}
	r.Printer.Result(res)
	if res.Trace != nil && r.Sandbox.Session().Tracing && res.Message == "" {
		PrintTrace(r.Printer.Out, res.Trace)
	}
}

func (r *Runner) message(text, msg string) {
	if r.JSON != nil {
		r.emitJSON(text, &sandbox.Result{Message: msg}, nil)
		return
	}
	fmt.Fprintln(r.Printer.Out, msg)
}

func (r *Runner) fail(text string, err error) {
	r.failed = true
	if r.JSON != nil {
		r.emitJSON(text, nil, err)
		return
	}
	r.Printer.ErrorAt(r.where, err)
}

// source runs SOURCE 'file'.
func (r *Runner) source(ctx context.Context, text string) {
	arg := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[len("SOURCE"):]), ";"))
	arg = strings.Trim(arg, "'\"")
	if arg == "" {
		r.fail(text, cqlerr.Shellf("Improper SOURCE command."))
		return
	}
	path := arg
	if r.Dir != "" && !strings.HasPrefix(path, "/") {
		path = r.Dir + "/" + path
	}
	data, err := os.ReadFile(path)
	if err != nil {
		r.fail(text, cqlerr.Shellf("Could not open %q: %v", arg, err))
		return
	}
	r.run(ctx, string(data), true, arg, false)
}

// jsonResult is the --format json object of one statement.
type jsonResult struct {
	Statement string      `json:"statement"`
	Columns   []string    `json:"columns"`
	Rows      [][]*string `json:"rows"`
	Output    *string     `json:"output,omitempty"`
	Error     *jsonError  `json:"error"`
	Warnings  []string    `json:"warnings"`
	Trace     any         `json:"trace,omitempty"`
}

type jsonError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (r *Runner) emitJSON(text string, res *sandbox.Result, err error) {
	out := jsonResult{Statement: text, Columns: []string{}, Rows: [][]*string{}, Warnings: []string{}}
	if err != nil {
		e := cqlerr.As(err)
		out.Error = &jsonError{Code: e.Code.Class(), Message: e.Message}
	}
	if res != nil {
		for _, c := range res.Columns {
			out.Columns = append(out.Columns, c.Name)
		}
		for _, row := range res.Rows {
			cells := FormatRow(res.Columns, row)
			jr := make([]*string, len(row))
			for i := range row {
				if row[i] != nil {
					jr[i] = &cells[i]
				}
			}
			out.Rows = append(out.Rows, jr)
		}
		if res.Message != "" {
			out.Output = &res.Message
		}
		out.Warnings = append(out.Warnings, res.Warnings...)
		if res.Trace != nil {
			out.Trace = TraceJSON(res.Trace)
		}
	}
	b, _ := json.Marshal(out)
	fmt.Fprintln(r.JSON, string(b))
}

// Help is the text of HELP.
const Help = `learnkv cql runs CQL statements against the learnkv sandbox, as cqlsh does
against Cassandra. End each statement with a semicolon.

CQL: CREATE/ALTER/DROP KEYSPACE, USE, CREATE/ALTER/DROP TABLE, TRUNCATE,
CREATE/DROP TYPE, INSERT, UPDATE, DELETE, SELECT, BEGIN ... APPLY BATCH,
DESCRIBE.

cqlsh commands: TRACING [ON|OFF], CONSISTENCY [level], SERIAL CONSISTENCY
[level], PAGING [ON|OFF], SOURCE 'file', HELP, EXIT.`
