package sandbox_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
)

var update = flag.Bool("update", false, "rewrite the expected output of testdata/*.cql")

// The script format (see testdata/README.md): statements, each followed by
// the output cqlsh would print for it (stdout and stderr), every output
// line indented by one tab. Lines starting with "--! " are directives:
//
//	--! advance 90s      move the sandbox clock forward
//
// Other lines starting with "--" outside a statement are comments.

// block is one statement (or directive) of a script with its expected
// output.
type block struct {
	comments  []string
	stmt      string
	directive string
	want      []string
}

func parseScript(t *testing.T, data string) []block {
	var blocks []block
	var cur *block
	var pendingComments []string
	var stmt strings.Builder
	lines := strings.Split(strings.TrimRight(data, "\n"), "\n")
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "\t"):
			if cur == nil {
				t.Fatalf("line %d: output without a statement", i+1)
			}
			cur.want = append(cur.want, line[1:])
		case stmt.Len() == 0 && strings.HasPrefix(line, "--! "):
			blocks = append(blocks, block{comments: pendingComments, directive: strings.TrimPrefix(line, "--! ")})
			pendingComments = nil
			cur = &blocks[len(blocks)-1]
		case stmt.Len() == 0 && (strings.HasPrefix(line, "--") || strings.TrimSpace(line) == ""):
			pendingComments = append(pendingComments, line)
			cur = nil
		default:
			stmt.WriteString(line)
			stmt.WriteByte('\n')
			if cql.IsComplete(stmt.String()) {
				blocks = append(blocks, block{comments: pendingComments, stmt: strings.TrimRight(stmt.String(), "\n")})
				pendingComments = nil
				cur = &blocks[len(blocks)-1]
				stmt.Reset()
			}
		}
	}
	if stmt.Len() > 0 {
		t.Fatalf("incomplete statement at end of script: %q", stmt.String())
	}
	return blocks
}

// fakeClock is a clock tests move by hand.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.cql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".cql"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			runScript(t, file, string(data))
		})
	}
}

func runScript(t *testing.T, file, data string) {
	clock := &fakeClock{now: time.Date(2026, 1, 15, 10, 30, 0, 0, time.UTC)}
	sb, err := sandbox.Open(sandbox.Options{Memory: true, Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	var out bytes.Buffer
	r := &cqlsh.Runner{Sandbox: sb, Printer: &cqlsh.Printer{Out: &out, Err: &out}}
	blocks := parseScript(t, data)
	var rewritten strings.Builder
	failed := false
	for i := range blocks {
		b := &blocks[i]
		out.Reset()
		if b.directive != "" {
			if err := directive(clock, b.directive); err != nil {
				t.Fatalf("%s: directive %q: %v", file, b.directive, err)
			}
		} else {
			r.Run(context.Background(), b.stmt+"\n", false)
		}
		got := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			got = nil
		}
		for _, c := range b.comments {
			rewritten.WriteString(c + "\n")
		}
		if b.directive != "" {
			rewritten.WriteString("--! " + b.directive + "\n")
		} else {
			rewritten.WriteString(b.stmt + "\n")
		}
		for _, l := range got {
			rewritten.WriteString("\t" + l + "\n")
		}
		if !*update && strings.Join(got, "\n") != strings.Join(b.want, "\n") {
			failed = true
			t.Errorf("%s: %s\ngot:\n%s\nwant:\n%s", file, b.stmt, indent(got), indent(b.want))
		}
	}
	if *update {
		if err := os.WriteFile(file, []byte(rewritten.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_ = failed
}

func indent(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("\t|" + l + "\n")
	}
	return b.String()
}

func directive(c *fakeClock, d string) error {
	f := strings.Fields(d)
	if len(f) == 2 && f[0] == "advance" {
		dur, err := time.ParseDuration(f[1])
		if err != nil {
			return err
		}
		c.now = c.now.Add(dur)
		return nil
	}
	return os.ErrInvalid
}
