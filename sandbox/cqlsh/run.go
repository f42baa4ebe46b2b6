package cqlsh

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// Runner runs scripts against a sandbox and prints what cqlsh 5.0 would.
// Like cqlsh it reads its input line by line into a statement buffer,
// lexes the buffer after each line, and runs the buffer's statements once
// the last one is terminated (by a semicolon, or by the end of the line
// for cqlsh's own commands).
type Runner struct {
	Sandbox *sandbox.Sandbox
	Printer *Printer
	// JSON, when set, prints one JSON object per statement instead.
	JSON io.Writer
	// Dir is the directory relative SOURCE paths start from; cqlsh uses
	// its working directory, which "" stands for.
	Dir string
	// Name, when set, is the name of the input (a file's path, or
	// "<stdin>") that starts each error message with its line number, as
	// cqlsh does when it does not read from a terminal:
	// "<stdin>:2:InvalidRequest: ...". Files run by SOURCE are always
	// named so.
	Name string
	// SingleStatement is set for statements given on the command line
	// (cqlsh -e): they are one input line, whose errors are all on line 1.
	SingleStatement bool
	// stopped is set by EXIT or QUIT.
	stopped bool
	failed  bool
	// lineno is cqlsh's line count: one more than the lines read.
	lineno int
	// buf holds the lines of statements not run yet.
	buf strings.Builder
}

// Run runs every statement of src and reports whether all succeeded.
// requireTerminator is true for files and standard input, where a last
// statement without its terminator is reported as "Incomplete statement at
// end of file". When it is false, such a statement gets a semicolon (as
// cqlsh -e adds one) and is dropped silently if that does not complete it.
func (r *Runner) Run(ctx context.Context, src string, requireTerminator bool) bool {
	if r.SingleStatement {
		if r.lineno == 0 {
			r.lineno = 1
		}
		if !strings.HasSuffix(src, ";") {
			src += ";"
		}
		r.onecmd(ctx, src)
		return !r.failed
	}
	for len(src) > 0 && !r.stopped && ctx.Err() == nil {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line = src[:i+1]
		}
		src = src[len(line):]
		r.Feed(ctx, line)
	}
	if !r.stopped && ctx.Err() == nil {
		r.Finish(ctx, requireTerminator)
	}
	return !r.failed
}

// Feed adds one input line (with its line break, if any) to the statement
// buffer and runs the buffer's statements if the last one is complete. It
// reports whether the buffer is empty afterwards, that is whether the
// next line starts a new statement.
func (r *Runner) Feed(ctx context.Context, line string) bool {
	if r.lineno == 0 {
		r.lineno = 1
	}
	r.lineno++
	r.buf.WriteString(line)
	if r.onecmd(ctx, r.buf.String()) {
		r.buf.Reset()
	}
	return r.buf.Len() == 0
}

// Finish handles the end of the input as cqlsh does: a statement left in
// the buffer is run if it is complete, and reported otherwise (see Run).
func (r *Runner) Finish(ctx context.Context, requireTerminator bool) {
	defer r.buf.Reset()
	text := r.buf.String()
	if strings.TrimSpace(text) == "" || r.onecmd(ctx, text) {
		return
	}
	if requireTerminator {
		r.fail(text, cqlerr.Shellf("Incomplete statement at end of file"))
		return
	}
	r.onecmd(ctx, text+";")
}

// Stopped reports whether EXIT or QUIT was run.
func (r *Runner) Stopped() bool { return r.stopped }

// Failed reports whether any statement failed.
func (r *Runner) Failed() bool { return r.failed }

// onecmd runs the statements of a buffer if the last one is complete, as
// cqlsh's onecmd does, and reports whether the buffer is done with (run,
// blank, or rejected by the lexer).
func (r *Runner) onecmd(ctx context.Context, text string) bool {
	toks, lerr := lex(text)
	if lerr != nil {
		r.syntaxError(text, lerr)
		return true
	}
	stmts, escaped := splitStatements(text, toks)
	if len(stmts) == 0 {
		return true
	}
	if !complete(stmts, escaped) {
		return false
	}
	// cqlsh runs every statement of the buffer, even after EXIT.
	for _, st := range stmts {
		if ctx.Err() != nil {
			break
		}
		r.statement(ctx, text, st)
	}
	return true
}

// syntaxError reports a character cqlsh's lexer cannot read, with the
// line it is on and a caret under it, as three error lines.
func (r *Runner) syntaxError(text string, e *lexError) {
	head := fmt.Sprintf("Invalid syntax at char %d", e.col)
	if r.Name != "" {
		head = fmt.Sprintf("Invalid syntax at line %d, char %d", e.line, e.col)
	}
	line := strings.Split(text, "\n")[e.line-1]
	lines := []string{head, "  " + line, " " + strings.Repeat(" ", e.col) + "^"}
	if r.JSON != nil {
		r.failed = true
		r.emitJSON(strings.TrimSpace(text), nil, cqlerr.Shellf("%s", strings.Join(lines, "\n")))
		return
	}
	for _, l := range lines {
		r.fail(text, cqlerr.Shellf("%s", l))
	}
}

// where starts an error message: the input's name and cqlsh's line count
// when cqlsh shows line numbers (when it does not read from a terminal).
func (r *Runner) where() string {
	if r.Name == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d:", r.Name, r.lineno)
}

// statement runs one statement of the buffer text, as cqlsh's
// handle_statement does: cqlsh's own commands by their first word, the
// rest sent as they are.
func (r *Runner) statement(ctx context.Context, text string, st statement) {
	word := text[st[0].start:st[0].end]
	orig := st.origText(text)
	shown := strings.TrimRightFunc(strings.TrimSuffix(strings.TrimRightFunc(orig, unicode.IsSpace), ";"), unicode.IsSpace)
	args := make([]string, 0, len(st))
	kinds := make([]tokenKind, 0, len(st))
	inner := st[1:]
	if len(inner) > 0 && st[len(st)-1].kind == tokEndtoken {
		inner = inner[:len(inner)-1]
	}
	for _, t := range inner {
		args = append(args, text[t.start:t.end])
		kinds = append(kinds, t.kind)
	}
	cmd := strings.ToLower(word)
	if word == "?" {
		cmd = "help"
	}
	if handled := r.command(ctx, cmd, word, shown, orig, args, kinds); handled {
		return
	}
	r.perform(ctx, shown, orig)
}

// perform sends a statement to the sandbox and prints its result.
func (r *Runner) perform(ctx context.Context, shown, sent string) {
	res, err := r.Sandbox.Exec(ctx, sent)
	if err != nil {
		r.fail(shown, err)
		return
	}
	if r.JSON != nil {
		r.emitJSON(shown, res, nil)
		return
	}
	ss := r.Sandbox.Session()
	r.Printer.PageSize = 0
	if ss.Paging {
		r.Printer.PageSize = ss.PageSize
		if r.Printer.PageSize <= 0 {
			r.Printer.PageSize = 100
		}
	}
	r.Printer.Result(res)
	if res.Trace != nil && ss.Tracing && res.Message == "" {
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
		r.emitJSON(strings.TrimSpace(text), nil, err)
		return
	}
	r.Printer.ErrorAt(r.where(), err)
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
