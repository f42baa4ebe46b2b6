package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
)

// interactive is a line-based cqlsh-like prompt for a terminal. (The full
// terminal app is `learnkv` without arguments.)
func interactive(ctx context.Context, sb *sandbox.Sandbox, in io.Reader, out, errw io.Writer) int {
	fmt.Fprintln(out, "learnkv cql: the learnkv sandbox (Cassandra 5.0 CQL). HELP for help, EXIT to quit.")
	r := &cqlsh.Runner{Sandbox: sb, Printer: &cqlsh.Printer{Out: out, Err: errw, TTY: true}}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var buf strings.Builder
	for {
		if buf.Len() == 0 {
			fmt.Fprintf(out, "cqlsh:%s> ", sb.Session().Keyspace)
		} else {
			fmt.Fprint(out, "   ... ")
		}
		if !sc.Scan() {
			fmt.Fprintln(out)
			break
		}
		buf.WriteString(sc.Text())
		buf.WriteByte('\n')
		if !cql.IsComplete(buf.String()) {
			continue
		}
		r.Run(ctx, buf.String(), true)
		buf.Reset()
		if r.Stopped() || ctx.Err() != nil {
			break
		}
	}
	if r.Failed() {
		return 1
	}
	return 0
}
