package cqlsh

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// consistencyLevels are the levels cqlsh's CONSISTENCY accepts
// (cqlshhandling.py's consistencyLevel).
var consistencyLevels = map[string]bool{
	"ANY": true, "ONE": true, "TWO": true, "THREE": true, "QUORUM": true, "ALL": true,
	"LOCAL_QUORUM": true, "EACH_QUORUM": true, "SERIAL": true, "LOCAL_SERIAL": true,
	"LOCAL_ONE": true, "NODE_LOCAL": true,
}

// command runs cqlsh's own commands (the do_* methods of cqlshmain.py's
// Shell) and reports whether word was one. cmd is the first word in lower
// case, word as typed, shown the statement without its terminator, sent
// the statement as cqlsh sends it, args the tokens between the first word
// and the terminator. A command that cqlsh's grammar does not accept is
// answered as cqlsh answers it: "Improper <word> command.", word as typed.
func (r *Runner) command(ctx context.Context, cmd, word, shown, sent string, args []string, kinds []tokenKind) bool {
	improper := func() bool {
		r.fail(shown, cqlerr.Shellf("Improper %s command.", word))
		return true
	}
	upper := make([]string, len(args))
	for i, a := range args {
		upper[i] = strings.ToUpper(a)
	}
	switch cmd {
	case "exit", "quit":
		if len(args) > 0 {
			return improper()
		}
		r.stopped = true
		r.silent(shown)
	case "tracing", "paging":
		if len(args) > 1 || len(args) == 1 && upper[0] != "ON" && upper[0] != "OFF" && !(cmd == "paging" && isWholeNumber(args[0])) {
			return improper()
		}
		r.perform(ctx, shown, sent)
	case "consistency":
		if len(args) > 1 || len(args) == 1 && !consistencyLevels[upper[0]] {
			return improper()
		}
		r.perform(ctx, shown, sent)
	case "serial":
		if len(args) == 0 || upper[0] != "CONSISTENCY" || len(args) > 2 ||
			len(args) == 2 && upper[1] != "SERIAL" && upper[1] != "LOCAL_SERIAL" {
			return improper()
		}
		r.perform(ctx, shown, sent)
	case "expand":
		if len(args) > 1 || len(args) == 1 && upper[0] != "ON" && upper[0] != "OFF" {
			return improper()
		}
		r.expand(shown, upper)
	case "show":
		return r.show(ctx, word, shown, sent, words{args, kinds}, upper)
	case "source":
		if len(args) != 1 || kinds[0] != tokString {
			return improper()
		}
		r.source(ctx, shown, args[0])
	case "capture":
		switch {
		case len(args) == 0:
			r.message(shown, "Currently not capturing query output.")
		case len(args) == 1 && upper[0] == "OFF":
			r.fail(shown, cqlerr.Shellf("Not currently capturing output."))
		case len(args) == 1 && kinds[0] == tokString:
			r.fail(shown, cqlerr.Shellf("CAPTURE is a cqlsh command the learnkv sandbox does not support."))
		default:
			return improper()
		}
	case "clear", "cls":
		if len(args) > 0 {
			return improper()
		}
		// cqlsh runs the clear program; only a terminal is cleared.
		if r.Printer.TTY && r.JSON == nil {
			fmt.Fprint(r.Printer.Out, "\x1b[H\x1b[2J")
		}
		r.silent(shown)
	case "unicode":
		// cqlsh documents UNICODE as a help topic; its grammar has no
		// such command.
		return improper()
	case "help":
		for _, a := range args {
			if strings.TrimLeft(strings.ToLower(a), "abcdefghijklmnopqrstuvwxyz_") != "" {
				return improper()
			}
		}
		r.help(shown, args)
	case "use":
		if !validUse(words{args, kinds}) {
			return improper()
		}
		r.perform(ctx, shown, sent)
	case "describe", "desc":
		if !validDescribe(words{args, kinds}) {
			return improper()
		}
		r.perform(ctx, shown, sent)
	case "login", "copy", "debug", "history":
		r.fail(shown, cqlerr.Shellf("%s is a cqlsh command the learnkv sandbox does not support.", strings.ToUpper(word)))
	default:
		return false
	}
	return true
}

// silent records, in --format json, a command that prints nothing.
func (r *Runner) silent(shown string) {
	if r.JSON != nil {
		r.emitJSON(shown, &sandbox.Result{}, nil)
	}
}

func isWholeNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// expand runs EXPAND [ON|OFF] with cqlsh's on_off_switch texts.
func (r *Runner) expand(shown string, upper []string) {
	name := map[bool]string{true: "ON", false: "OFF"}
	switch {
	case len(upper) == 0:
		r.message(shown, "EXPAND is "+name[r.Printer.Expand])
	case (upper[0] == "ON") == r.Printer.Expand:
		r.message(shown, "EXPAND is already "+name[r.Printer.Expand])
	default:
		r.Printer.Expand = upper[0] == "ON"
		r.message(shown, "EXPAND set to "+upper[0])
	}
}

// show runs cqlsh's SHOW VERSION, HOST, SESSION and REPLICAS; other SHOW
// commands are the sandbox's.
func (r *Runner) show(ctx context.Context, word, shown, sent string, w words, upper []string) bool {
	args := w.text
	if len(args) == 0 {
		r.fail(shown, cqlerr.Shellf("Improper %s command.", word))
		return true
	}
	switch upper[0] {
	case "VERSION", "HOST":
		if len(args) != 1 {
			break
		}
		r.perform(ctx, shown, sent)
		return true
	case "SESSION":
		if len(args) != 2 || !isUUID(args[1]) || len(args[1]) != 36 {
			break
		}
		// The sandbox keeps no system_traces tables, so no session is
		// ever found (cqlsh's answer for an unknown session).
		r.fail(shown, cqlerr.Shellf("Session %s wasn't found.", strings.ToLower(args[1])))
		return true
	case "REPLICAS":
		if r.showReplicas(shown, words{args[1:], w.kinds[1:]}) {
			return true
		}
	default:
		r.perform(ctx, shown, sent)
		return true
	}
	r.fail(shown, cqlerr.Shellf("Improper %s command.", word))
	return true
}

// showReplicas runs SHOW REPLICAS <token> [<keyspace>], printing the
// nodes holding the token in the keyspace (the current one by default) as
// cqlsh prints the driver's list, and reports false when cqlsh's grammar
// rejects it. A keyspace that does not exist has no replicas.
func (r *Runner) showReplicas(shown string, w words) bool {
	text := w.text
	number := ""
	switch {
	case len(text) >= 1 && isWholeNumber(text[0]):
		number, text = text[0], text[1:]
	case len(text) >= 2 && text[0] == "-" && isWholeNumber(text[1]):
		number, text = "-"+text[1], text[2:]
	default:
		return false
	}
	ksName := r.Sandbox.Session().Keyspace
	if len(text) > 1 || len(text) == 1 && !w.isName(len(w.text)-1) {
		return false
	}
	if len(text) == 1 {
		ksName = strings.ToLower(text[0])
		if w.kinds[len(w.text)-1] == tokName {
			ksName = strings.ReplaceAll(text[0][1:len(text[0])-1], `""`, `"`)
		}
	}
	token, err := strconv.ParseInt(number, 10, 64)
	if err != nil {
		r.fail(shown, cqlerr.Shellf("SHOW REPLICAS takes a Murmur3 token, from %d to %d.", math.MinInt64, math.MaxInt64))
		return true
	}
	names := []string{}
	if ks := r.Sandbox.Catalog().Keyspace(ksName); ks != nil {
		for _, n := range r.Sandbox.Replicas(token, ks.ReplicationFactor()) {
			names = append(names, pyRepr(fmt.Sprintf("node%d", n)))
		}
	}
	r.message(shown, "["+strings.Join(names, ", ")+"]")
	return true
}

// help runs HELP. Without topics it prints the learnkv summary; a topic
// cqlsh has no help for is answered as cqlsh does.
func (r *Runner) help(shown string, topics []string) {
	if len(topics) == 0 {
		r.message(shown, Help)
		return
	}
	for _, t := range topics {
		if !helpTopics[strings.ToLower(t)] {
			r.fail(shown, cqlerr.Shellf("*** No help on %s", t))
			continue
		}
		r.message(shown, Help)
	}
}

// helpTopics are the topics cqlsh 5.0 has help on: its commands with a
// doc string (cqlshmain.py's do_* methods but QUIT) and the CQL topics
// of helptopics.py.
var helpTopics = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`capture clear cls consistency copy desc describe exit
		expand help history login paging serial show source tracing unicode
		types timestamp date time blob uuid boolean int counter text ascii use insert update
		delete select json select_json insert_json batch begin apply create_keyspace
		alter_keyspace drop_keyspace create_table create_columnfamily alter_table drop_table
		drop_columnfamily create_index drop_index truncate create_type alter_type drop_type
		create_function drop_function functions create_aggregate drop_aggregate aggregates
		create_trigger drop_trigger create_materialized_view alter_materialized_view
		drop_materialized_view keywords create_user alter_user drop_user list_users create_role
		drop_role list_roles permissions list_permissions grant revoke`) {
		m[t] = true
	}
	return m
}()

// source runs SOURCE 'file' as cqlsh does: in a new shell reading the file
// (its errors named after it), with a session of its own that starts in
// the current keyspace with cqlsh's default settings, except tracing, and
// that ends with the file. Relative paths start from the working
// directory.
func (r *Runner) source(ctx context.Context, shown, literal string) {
	fname := literal
	if len(fname) >= 2 && fname[0] == '\'' && fname[len(fname)-1] == '\'' {
		fname = strings.ReplaceAll(fname[1:len(fname)-1], "''", "'")
	}
	fname = expandUser(fname)
	path := fname
	if r.Dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(r.Dir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		r.fail(shown, cqlerr.Shellf("Could not open %s: %s", pyRepr(fname), pyIOError(fname, err)))
		return
	}
	saved := r.Sandbox.Session()
	r.setSession(ctx, []string{"CONSISTENCY ONE", "SERIAL CONSISTENCY SERIAL", "PAGING ON", "PAGING 100"})
	sub := &Runner{Sandbox: r.Sandbox, Printer: &Printer{Out: r.Printer.Out, Err: r.Printer.Err},
		JSON: r.JSON, Dir: r.Dir, Name: fname}
	sub.Run(ctx, strings.TrimPrefix(string(data), "\ufeff"), true)
	if sub.failed {
		r.failed = true
	}
	restore := []string{
		"CONSISTENCY " + saved.Consistency.String(),
		"SERIAL CONSISTENCY " + saved.Serial.String(),
		"TRACING " + onOff(saved.Tracing),
	}
	if saved.Paging {
		size := saved.PageSize
		if size <= 0 {
			size = 100 // cqlsh's default page size
		}
		restore = append(restore, "PAGING ON", fmt.Sprintf("PAGING %d", size))
	} else {
		restore = append(restore, "PAGING OFF")
	}
	if ks := r.Sandbox.Session().Keyspace; saved.Keyspace != "" && ks != saved.Keyspace {
		restore = append(restore, `USE "`+strings.ReplaceAll(saved.Keyspace, `"`, `""`)+`"`)
	}
	r.setSession(ctx, restore)
}

// setSession runs session commands whose output nobody sees.
func (r *Runner) setSession(ctx context.Context, cmds []string) {
	for _, c := range cmds {
		_, _ = r.Sandbox.Exec(context.WithoutCancel(ctx), c)
	}
}

func onOff(on bool) string {
	if on {
		return "ON"
	}
	return "OFF"
}

// expandUser replaces a leading ~ with the home directory, as Python's
// os.path.expanduser does.
func expandUser(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p
	}
	return home + p[1:]
}

// pyIOError is Python's text of the error of opening fname:
// "[Errno 2] No such file or directory: 'x.cql'".
func pyIOError(fname string, err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return pe.Err.Error()
		}
		return err.Error()
	}
	text, ok := strerror[errno]
	if !ok {
		text = errno.Error()
		if text != "" {
			text = strings.ToUpper(text[:1]) + text[1:]
		}
	}
	return fmt.Sprintf("[Errno %d] %s: %s", int(errno), text, pyRepr(fname))
}

// strerror holds the C library's texts of the errors opening a file
// commonly meets (Go's own texts are in lower case).
var strerror = map[syscall.Errno]string{
	syscall.ENOENT:       "No such file or directory",
	syscall.EACCES:       "Permission denied",
	syscall.EISDIR:       "Is a directory",
	syscall.ENOTDIR:      "Not a directory",
	syscall.ENAMETOOLONG: "File name too long",
	syscall.ELOOP:        "Too many levels of symbolic links",
}

// pyRepr is Python's repr of a string: single quotes, or double quotes
// when it holds a single quote and no double quote, with backslash
// escapes for the quote, backslashes and control characters.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, c := range s {
		switch {
		case c == rune(q) || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// Help is the text of HELP.
const Help = `learnkv cql runs CQL statements against the learnkv sandbox, as cqlsh does
against Cassandra. End each statement with a semicolon.

CQL: CREATE/ALTER/DROP KEYSPACE, USE, CREATE/ALTER/DROP TABLE, TRUNCATE,
CREATE/DROP TYPE, INSERT, UPDATE, DELETE, SELECT, BEGIN ... APPLY BATCH,
DESCRIBE.

cqlsh commands: TRACING [ON|OFF], CONSISTENCY [level], SERIAL CONSISTENCY
[level], PAGING [ON|OFF|n], EXPAND [ON|OFF], SOURCE 'file', SHOW VERSION,
SHOW HOST, HELP, EXIT.

Sandbox commands (one line each, no semicolon needed): NODES, NODES n,
NODE n DOWN, NODE n UP, HINTED HANDOFF [ON|OFF], READ REPAIR [ON|OFF],
TRACE KEYS [ON|OFF], SHOW RING, SHOW DISTRIBUTION table, SHOW KEYS table
[WHERE pk = ...] [LIMIT n], DATASETS, LOAD DATASET name [ROWS n] [INTO
table].`

// CantOpen is cqlsh's message, on standard error before it exits, when
// the file of -f cannot be read: "Can't open 'x.cql': [Errno 2] No such
// file or directory: 'x.cql'".
func CantOpen(fname string, err error) string {
	return fmt.Sprintf("Can't open %s: %s", pyRepr(fname), pyIOError(fname, err))
}
