package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
)

const cqlUsage = `Usage: learnkv cql [flags]

Runs CQL against the learnkv sandbox, as cqlsh runs it against Cassandra:
statements from standard input, from -f FILE, or from -e 'STMT; STMT'.
Each result is printed as cqlsh prints it; errors go to standard error,
after where the statement was read ("<stdin>:1:" for -e, "FILE:N:" for
-f, as cqlsh does), and the next statement still runs. The exit status
is 0 when every statement succeeded, 1 otherwise.

Flags:
`

// runCQL is the "learnkv cql" subcommand.
func runCQL(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cql", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", "run the statements in `FILE`")
	exec := fs.String("e", "", "run the `statements` given (semicolon-separated)")
	data := fs.String("data", "", "data directory (default "+sandbox.DefaultDir()+")")
	memory := fs.Bool("memory", false, "use a throwaway in-memory sandbox")
	format := fs.String("format", "text", "output `format`: text (as cqlsh) or json (one object per statement)")
	fs.Usage = func() {
		fmt.Fprint(stderr, cqlUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "learnkv cql: unknown --format %q (use text or json)\n", *format)
		return 2
	}
	sb, err := sandbox.Open(sandbox.Options{Dir: *data, Memory: *memory})
	if err != nil {
		fmt.Fprintf(stderr, "learnkv cql: %v\n", err)
		return 1
	}
	defer func() {
		if err := sb.Close(); err != nil {
			fmt.Fprintf(stderr, "learnkv cql: %v\n", err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var src string
	requireTerminator := true
	switch {
	case *exec != "":
		src, requireTerminator = *exec, false
	case *file != "":
		b, err := os.ReadFile(*file)
		if err != nil {
			fmt.Fprintln(stderr, cqlsh.CantOpen(*file, err))
			return 1
		}
		// cqlsh skips a byte order mark.
		src = strings.TrimPrefix(string(b), "\ufeff")
	default:
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
			return interactive(ctx, sb, f, stdout, stderr)
		}
		b, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "learnkv cql: %v\n", err)
			return 1
		}
		src = string(b)
	}
	// Not reading from a terminal, cqlsh starts each error with where it
	// read the statement: "<stdin>:1:" for -e, "schema.cql:12:" for -f.
	// SOURCE paths, as in cqlsh, start from the working directory.
	r := &cqlsh.Runner{Sandbox: sb, Printer: &cqlsh.Printer{Out: stdout, Err: stderr},
		Name: "<stdin>", SingleStatement: *exec != ""}
	if *file != "" {
		r.Name = *file
	}
	if *format == "json" {
		r.JSON = stdout
	}
	// cqlsh exits with 2 after an error in batch mode; learnkv uses 1.
	if !r.Run(ctx, src, requireTerminator) {
		return 1
	}
	return 0
}
