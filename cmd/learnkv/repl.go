package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
)

// interactive is a line-based cqlsh-like prompt for a terminal. (The full
// terminal app is `learnkv` without arguments.)
func interactive(ctx context.Context, sb *sandbox.Sandbox, in io.Reader, out, errw io.Writer) int {
	fmt.Fprintln(out, "learnkv cql: the learnkv sandbox (Cassandra 5.0 CQL). HELP for help, EXIT to quit.")
	r := &cqlsh.Runner{Sandbox: sb, Printer: &cqlsh.Printer{Out: out, Err: errw, TTY: true}}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	fresh := true
	for {
		fmt.Fprint(out, prompt(sb.Session().Keyspace, fresh))
		if !sc.Scan() {
			// cqlsh prints a line break at the end of its input, then
			// runs what is left (reporting an incomplete statement).
			fmt.Fprintln(out)
			r.Finish(ctx, true)
			break
		}
		fresh = r.Feed(ctx, sc.Text()+"\n")
		if r.Stopped() || ctx.Err() != nil {
			break
		}
	}
	if r.Failed() {
		return 1
	}
	return 0
}

// prompt is cqlsh's prompt: "cqlsh:ks> " for a new statement, and
// "    ... " indented by the keyspace's length for its next lines.
func prompt(keyspace string, fresh bool) string {
	switch {
	case keyspace == "" && fresh:
		return "cqlsh> "
	case keyspace == "":
		return "   ... "
	case fresh:
		return "cqlsh:" + keyspace + "> "
	}
	return strings.Repeat(" ", len(keyspace)) + "    ... "
}
