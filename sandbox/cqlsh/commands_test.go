package cqlsh

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox"
)

// run runs script as cqlsh -f NAME would (name "" for a terminal) and
// returns what it printed on standard output and standard error.
func run(t *testing.T, name, script string, setup func(*Runner)) (stdout, stderr string, ok bool) {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	var out, errs strings.Builder
	r := &Runner{Sandbox: sb, Printer: &Printer{Out: &out, Err: &errs}, Name: name}
	if setup != nil {
		setup(r)
	}
	ok = r.Run(context.Background(), script, true)
	return out.String(), errs.String(), ok
}

// TestShellCommandTexts checks what cqlsh 5.0 prints for its own commands,
// valid and not: stdout and stderr, errors after "<stdin>:N:".
func TestShellCommandTexts(t *testing.T) {
	tests := []struct {
		name, script, stdout, stderr string
	}{
		{"expand switch", "EXPAND\nEXPAND ON\nexpand on\nEXPAND\nEXPAND OFF;\nEXPAND OFF\n",
			"EXPAND is OFF\nEXPAND set to ON\nEXPAND is already ON\nEXPAND is ON\nEXPAND set to OFF\nEXPAND is already OFF\n", ""},
		{"improper switches", "EXPAND maybe\ntracing yes\nPAGING ON OFF\nexpand;\n",
			"EXPAND is OFF\n", "<stdin>:2:Improper EXPAND command.\n<stdin>:3:Improper tracing command.\n<stdin>:4:Improper PAGING command.\n"},
		{"improper consistency keeps the word as typed", "consistency none\nConsistency\nSerial consistency one\nSERIAL\nCONSISTENCY ONE TWO\n",
			"Current consistency level is ONE.\n",
			"<stdin>:2:Improper consistency command.\n<stdin>:4:Improper Serial command.\n<stdin>:5:Improper SERIAL command.\n<stdin>:6:Improper CONSISTENCY command.\n"},
		{"unicode is a help topic only", "UNICODE;\n", "", "<stdin>:2:Improper UNICODE command.\n"},
		{"exit takes no argument", "EXIT now\nquit;\nSELECT * FROM nope;\n", "", "<stdin>:2:Improper EXIT command.\n"},
		{"exit stops after its buffer", "EXIT; SELECT * FROM nope;\nSELECT * FROM nope2;\n", "",
			"<stdin>:2:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope does not exist\"\n"},
		{"capture", "CAPTURE\nCAPTURE OFF\nCAPTURE 'out.txt'\nCAPTURE out\n", "Currently not capturing query output.\n",
			"<stdin>:3:Not currently capturing output.\n<stdin>:4:CAPTURE is a cqlsh command the learnkv sandbox does not support.\n<stdin>:5:Improper CAPTURE command.\n"},
		{"clear prints nothing without a terminal", "CLEAR\ncls;\nCLEAR x\n", "", "<stdin>:4:Improper CLEAR command.\n"},
		{"help on an unknown topic", "HELP nothing\nHELP 'x'\n", "", "<stdin>:2:*** No help on nothing\n<stdin>:3:Improper HELP command.\n"},
		{"show", "SHOW VERSION\nSHOW HOST\nSHOW\nSHOW VERSION x\nSHOW SESSION 3F1E4B3A-1C2D-4E5F-8A9B-0C1D2E3F4A5B\nSHOW SESSION 12\n",
			"[cqlsh 6.2.0 | Cassandra 5.0-learnkv | CQL spec 3.4.7 | Native protocol v5]\nConnected to learnkv sandbox at 127.0.0.1:9042\n",
			"<stdin>:4:Improper SHOW command.\n<stdin>:5:Improper SHOW command.\n<stdin>:6:Session 3f1e4b3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b wasn't found.\n<stdin>:7:Improper SHOW command.\n"},
		{"show replicas", "SHOW REPLICAS 0\nSHOW REPLICAS -9223372036854775808 learnkv\nSHOW REPLICAS 0 nope\nSHOW REPLICAS x\n",
			"['node4', 'node1', 'node2']\n['node1', 'node2', 'node3']\n[]\n", "<stdin>:5:Improper SHOW command.\n"},
		{"source needs a string literal", "SOURCE nofile\nSOURCE \"x.cql\"\nSOURCE 'no''file.cql'\n", "",
			"<stdin>:2:Improper SOURCE command.\n<stdin>:3:Improper SOURCE command.\n" +
				"<stdin>:4:Could not open \"no'file.cql\": [Errno 2] No such file or directory: \"no'file.cql\"\n"},
		{"a comment after a command takes its line break", "TRACING ON -- on\nSELECT * FROM t;\n", "", "<stdin>:3:Improper TRACING command.\n"},
		{"copy ends at its semicolon", "COPY t TO 'x.csv'\nSELECT * FROM nope;\n", "",
			"<stdin>:3:COPY is a cqlsh command the learnkv sandbox does not support.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, _ := run(t, "<stdin>", tt.script, nil)
			if diff := cmp.Diff(tt.stdout, stdout); diff != "" {
				t.Errorf("stdout of %q (-want +got):\n%s", tt.script, diff)
			}
			if diff := cmp.Diff(tt.stderr, stderr); diff != "" {
				t.Errorf("stderr of %q (-want +got):\n%s", tt.script, diff)
			}
		})
	}
}

// TestExpandedOutput checks print_formatted_result_vertically: one block
// per row, a rule as wide as the widest name and value, row numbers that
// go on across pages, and that empty results and LWT results follow the
// setting too.
func TestExpandedOutput(t *testing.T) {
	script := "CREATE TABLE t (k int PRIMARY KEY, name text, n int);\n" +
		"INSERT INTO t (k, name, n) VALUES (1, 'Ann', 10);\n" +
		"INSERT INTO t (k, name, n) VALUES (2, 'Bartholomew', null);\n" +
		"EXPAND ON\n" +
		"SELECT * FROM t;\n" +
		"SELECT * FROM t WHERE k = 3;\n" +
		"INSERT INTO t (k) VALUES (1) IF NOT EXISTS;\n" +
		"PAGING 1\n" +
		"SELECT k, n FROM t;\n"
	want := `EXPAND set to ON

@ Row 1
------+-------------
 k    | 1
 n    | 10
 name | Ann

@ Row 2
------+-------------
 k    | 2
 n    | null
 name | Bartholomew


(2 rows)

 k | n | name
---+---+------


(0 rows)

@ Row 1
-----------+-------
 [applied] | False
 k         | 1
 n         | 10
 name      | Ann

Page size: 1

@ Row 1
---+----
 k | 1
 n | 10

@ Row 2
---+------
 k | 2
 n | null


(2 rows)
`
	stdout, stderr, _ := run(t, "<stdin>", script, nil)
	if diff := cmp.Diff(want, stdout); diff != "" || stderr != "" {
		t.Errorf("expanded output (-want +got):\n%s\nstderr: %s", diff, stderr)
	}
}

// TestPagesAreLaidOutOneByOne checks that, as cqlsh prints each page the
// driver fetches on its own, column widths follow each page, and that
// without a terminal only the first page has a header.
func TestPagesAreLaidOutOneByOne(t *testing.T) {
	script := "CREATE TABLE t (k int PRIMARY KEY, v text);\n" +
		"INSERT INTO t (k, v) VALUES (1, 'a');\n" +
		"INSERT INTO t (k, v) VALUES (2, 'a much longer value');\n" +
		"PAGING 1\n" +
		"SELECT * FROM t;\n" +
		"PAGING OFF\n" +
		"SELECT * FROM t;\n"
	want := `Page size: 1

 k | v
---+---
 1 | a
 2 | a much longer value

(2 rows)
PAGING set to OFF

 k | v
---+---------------------
 1 |                   a
 2 | a much longer value

(2 rows)
`
	stdout, stderr, _ := run(t, "<stdin>", script, nil)
	if diff := cmp.Diff(want, stdout); diff != "" || stderr != "" {
		t.Errorf("paged output (-want +got):\n%s\nstderr: %s", diff, stderr)
	}
}

// TestLexErrors checks what cqlsh prints for a character its lexer cannot
// read: the whole buffer is dropped (statements before it on its line
// too), and the error shows the line with a caret under the character.
func TestLexErrors(t *testing.T) {
	script := "CREATE TABLE t (k int PRIMARY KEY, v text);\n" +
		"INSERT INTO t (k, v) VALUES (1, 'x'); SELECT `k` FROM t;\n" +
		"SELECT *\n  FROM t WHERE v = 'é' && k = 1;\n" +
		"SELECT * FROM t;\n"
	tests := []struct{ name, stderr string }{
		{"<stdin>", "<stdin>:3:Invalid syntax at line 1, char 46\n" +
			"<stdin>:3:  INSERT INTO t (k, v) VALUES (1, 'x'); SELECT `k` FROM t;\n" +
			"<stdin>:3:                                               ^\n" +
			"<stdin>:5:Invalid syntax at line 2, char 24\n" +
			"<stdin>:5:    FROM t WHERE v = 'é' && k = 1;\n" +
			"<stdin>:5:                         ^\n"},
		{"", "Invalid syntax at char 46\n" +
			"  INSERT INTO t (k, v) VALUES (1, 'x'); SELECT `k` FROM t;\n" +
			"                                               ^\n" +
			"Invalid syntax at char 24\n" +
			"    FROM t WHERE v = 'é' && k = 1;\n" +
			"                         ^\n"},
	}
	for _, tt := range tests {
		stdout, stderr, ok := run(t, tt.name, script, nil)
		if diff := cmp.Diff(tt.stderr, stderr); diff != "" {
			t.Errorf("stderr read from %q (-want +got):\n%s", tt.name, diff)
		}
		if want := "\n k | v\n---+---\n\n\n(0 rows)\n"; stdout != want || ok {
			t.Errorf("stdout read from %q = %q (ok %v), want %q (ok false)", tt.name, stdout, ok, want)
		}
	}
}

// TestStatementBuffer checks cqlsh's reading: statements run once the
// buffer's last statement is complete, so all errors of a buffer carry
// the same line; $$ strings, quoted semicolons and batches do not end a
// statement; an unterminated last statement is reported at end of file.
func TestStatementBuffer(t *testing.T) {
	script := "CREATE TABLE t (k int PRIMARY KEY, v text);\n" +
		"SELECT x FROM t; SELECT y\n  FROM t;\n" +
		"INSERT INTO t (k, v) VALUES (1, 'a;b'); INSERT INTO t (k, v) VALUES (2, $$c;d$$);\n" +
		"BEGIN BATCH\n  INSERT INTO t (k, v) VALUES (3, 'e');\n  INSERT INTO t (k, v) VALUES (4, 'f');\nAPPLY BATCH;\n" +
		"SELECT * FROM t -- no semicolon\n"
	wantErr := "<stdin>:4:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"Undefined column name x in table learnkv.t\"\n" +
		"<stdin>:4:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"Undefined column name y in table learnkv.t\"\n" +
		"<stdin>:10:Incomplete statement at end of file\n"
	stdout, stderr, _ := run(t, "<stdin>", script, nil)
	if diff := cmp.Diff(wantErr, stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing (the last statement is incomplete)", stdout)
	}
	// Once terminated, every write above is there.
	stdout, _, _ = run(t, "<stdin>", script+";\nSELECT COUNT(*) FROM t;\n", nil)
	if !strings.Contains(stdout, "\n     4\n") {
		t.Errorf("stdout = %q, want a count of 4", stdout)
	}
}

// TestSingleStatement checks cqlsh -e: a semicolon is added when the text
// does not end with one, and a statement left incomplete (an unclosed
// string) is dropped without a word.
func TestSingleStatement(t *testing.T) {
	tests := []struct{ src, stdout, stderr string }{
		{"TRACING", "TRACING is OFF\n", ""},
		{"CONSISTENCY; CONSISTENCY", "Current consistency level is ONE.\nCurrent consistency level is ONE.\n", ""},
		{"SELECT 'abc", "", ""},
		{"SELECT * FROM nope;\nSELECT * FROM nope2", "",
			"<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope does not exist\"\n" +
				"<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope2 does not exist\"\n"},
	}
	for _, tt := range tests {
		stdout, stderr, _ := run(t, "<stdin>", tt.src, func(r *Runner) { r.SingleStatement = true })
		if stdout != tt.stdout || stderr != tt.stderr {
			t.Errorf("-e %q printed %q and %q, want %q and %q", tt.src, stdout, stderr, tt.stdout, tt.stderr)
		}
	}
}

// TestSourceRunsInASubshell checks SOURCE: errors are named after the
// file, EXIT ends only the file, and the file's USE and CONSISTENCY do not
// outlive it (cqlsh runs it in a shell with a session of its own).
func TestSourceRunsInASubshell(t *testing.T) {
	dir := t.TempDir()
	sub := "CREATE KEYSPACE k2 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};\n" +
		"USE k2;\nCONSISTENCY\nCONSISTENCY ALL\nEXPAND\nSELECT * FROM nope;\nEXIT\nSELECT * FROM nope2;\n"
	if err := os.WriteFile(filepath.Join(dir, "sub.cql"), []byte(sub), 0o644); err != nil {
		t.Fatal(err)
	}
	script := "CONSISTENCY QUORUM\nEXPAND ON\nSOURCE 'sub.cql'\nCONSISTENCY\nSELECT * FROM nope3;\nSOURCE 'missing.cql'\n"
	stdout, stderr, ok := run(t, "main.cql", script, func(r *Runner) { r.Dir = dir })
	wantOut := "Consistency level set to QUORUM.\nEXPAND set to ON\n" +
		"Current consistency level is ONE.\nConsistency level set to ALL.\nEXPAND is OFF\n" +
		"Current consistency level is QUORUM.\n"
	wantErr := "sub.cql:7:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope does not exist\"\n" +
		"main.cql:6:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope3 does not exist\"\n" +
		"main.cql:7:Could not open 'missing.cql': [Errno 2] No such file or directory: 'missing.cql'\n"
	if diff := cmp.Diff(wantOut, stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantErr, stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if ok {
		t.Errorf("Run = true, want false")
	}
}

// TestJSONHasOneObjectPerStatement checks --format json for cqlsh's own
// commands and for a lexer error.
func TestJSONHasOneObjectPerStatement(t *testing.T) {
	var js strings.Builder
	_, stderr, _ := run(t, "<stdin>", "EXPAND ON\nCAPTURE\nSELECT `k` FROM t;\nTRACING maybe\nCLEAR\nEXIT\n", func(r *Runner) { r.JSON = &js })
	lines := strings.Split(strings.TrimSuffix(js.String(), "\n"), "\n")
	want := []string{
		`{"statement":"EXPAND ON","columns":[],"rows":[],"output":"EXPAND set to ON","error":null,"warnings":[]}`,
		`{"statement":"CAPTURE","columns":[],"rows":[],"output":"Currently not capturing query output.","error":null,"warnings":[]}`,
		`{"statement":"SELECT ` + "`k`" + ` FROM t;","columns":[],"rows":[],"error":{"code":"cqlsh","message":"Invalid syntax at line 1, char 8\n  SELECT ` + "`k`" + ` FROM t;\n         ^"},"warnings":[]}`,
		`{"statement":"TRACING maybe","columns":[],"rows":[],"error":{"code":"cqlsh","message":"Improper TRACING command."},"warnings":[]}`,
		`{"statement":"CLEAR","columns":[],"rows":[],"error":null,"warnings":[]}`,
		`{"statement":"EXIT","columns":[],"rows":[],"error":null,"warnings":[]}`,
	}
	if diff := cmp.Diff(want, lines); diff != "" || stderr != "" {
		t.Errorf("JSON lines (-want +got):\n%s\nstderr: %q", diff, stderr)
	}
}

// FuzzSplit checks that cqlsh's lexing and statement splitting never
// panic and that every statement's text lies within its buffer.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"SELECT * FROM t;", "BEGIN BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH;",
		"TRACING ON\n", "$$a;b", "'it''s", "SELECT `k`", "/* x", ";", "; ;\n", "EXPAND\nEXPAND ON;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks, lerr := lex(src)
		if lerr != nil {
			if lerr.line < 1 || lerr.line > strings.Count(src, "\n")+1 || lerr.col < 1 {
				t.Fatalf("lex(%q) error at %d:%d", src, lerr.line, lerr.col)
			}
			return
		}
		stmts, escaped := splitStatements(src, toks)
		if complete(stmts, escaped) {
			for _, st := range stmts {
				if len(st) == 0 || !strings.Contains(src, st.origText(src)) {
					t.Fatalf("splitStatements(%q) gave a bad statement %v", src, st)
				}
			}
		}
	})
}

// FuzzRunner checks that no script makes the runner panic, whether read
// from a file or given with -e.
func FuzzRunner(f *testing.F) {
	for _, s := range []string{"SELECT * FROM t; ", ";", "EXPAND ON\nSELECT * FROM t;", "BEGIN BATCH APPLY BATCH;",
		"DESC TABLE\n", "USE \"x\";", "HELP\n?", "SERIAL", "SHOW SESSION 1", "CAPTURE 'x'", "SELECT 'a"} {
		f.Add(s, false)
	}
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		f.Fatal(err)
	}
	defer sb.Close()
	f.Fuzz(func(t *testing.T, src string, single bool) {
		upper := strings.ToUpper(src)
		if strings.Contains(upper, "LOAD") || strings.Contains(upper, "NODE") || strings.Contains(upper, "SOURCE") || len(src) > 300 {
			t.Skip("slow or touches files")
		}
		var out strings.Builder
		r := &Runner{Sandbox: sb, Printer: &Printer{Out: &out, Err: &out}, Name: "<stdin>", SingleStatement: single}
		r.Run(context.Background(), src, true)
	})
}
