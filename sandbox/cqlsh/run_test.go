package cqlsh

import (
	"context"
	"strings"
	"testing"

	"github.com/learnkv/learnkv/sandbox"
)

// TestErrorsSayWhereTheyWereRead checks cqlsh's prefix of errors when it
// does not read from a terminal: the input's name and its line count,
// which is one past the line that ends the statement (cqlsh counts from
// one and adds one per line read), or 1 for every statement of -e, to
// which cqlsh adds the missing semicolon.
func TestErrorsSayWhereTheyWereRead(t *testing.T) {
	const script = "CREATE TABLE t (k int PRIMARY KEY);\n" +
		"SELECT * FROM nope;\n" +
		"SELECT *\n  FROM t\n  WHERE v = 1;\n" +
		"SELECT * FROM t; SELECT x FROM t;\n" +
		"SELECT * FROM"
	tests := []struct {
		name   string
		single bool
		want   []string
	}{
		{"schema.cql", false, []string{
			`schema.cql:3:InvalidRequest: Error from server: code=2200 [Invalid query] message="table nope does not exist"`,
			`schema.cql:6:InvalidRequest: Error from server: code=2200 [Invalid query] message="Undefined column name v in table learnkv.t"`,
			`schema.cql:7:InvalidRequest: Error from server: code=2200 [Invalid query] message="Undefined column name x in table learnkv.t"`,
			`schema.cql:8:Incomplete statement at end of file`,
		}},
		{"<stdin>", true, []string{
			`<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] message="table nope does not exist"`,
			`<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] message="Undefined column name v in table learnkv.t"`,
			`<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] message="Undefined column name x in table learnkv.t"`,
			`<stdin>:1:SyntaxException: line 1:13 no viable alternative at input ';' (SELECT * FROM[;])`,
		}},
		{"", false, []string{
			`InvalidRequest: Error from server: code=2200 [Invalid query] message="table nope does not exist"`,
			`InvalidRequest: Error from server: code=2200 [Invalid query] message="Undefined column name v in table learnkv.t"`,
			`InvalidRequest: Error from server: code=2200 [Invalid query] message="Undefined column name x in table learnkv.t"`,
			`Incomplete statement at end of file`,
		}},
	}
	for _, tt := range tests {
		sb, err := sandbox.Open(sandbox.Options{Memory: true})
		if err != nil {
			t.Fatal(err)
		}
		var out, errs strings.Builder
		r := &Runner{Sandbox: sb, Printer: &Printer{Out: &out, Err: &errs}, Name: tt.name, SingleStatement: tt.single}
		r.Run(context.Background(), script, true)
		sb.Close()
		got := strings.Split(strings.TrimSuffix(errs.String(), "\n"), "\n")
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("errors from %q (single %v) =\n%s\nwant\n%s", tt.name, tt.single, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
