package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCQLCommand checks learnkv cql against what cqlsh prints for -e, -f
// and standard input: results on stdout, errors on stderr after where the
// statement was read, and the exit status (1 after any error; cqlsh's is 2).
func TestCQLCommand(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "s.cql")
	if err := os.WriteFile(script, []byte("\ufeffEXPAND ON\nSELECT * FROM nope;\nSELECT release_version FROM x"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.cql")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"-e adds the semicolon", []string{"-e", "EXPAND"}, "", 0, "EXPAND is OFF\n", ""},
		{"-e errors are on line 1", []string{"-e", "SELECT * FROM nope;\nTRACING maybe"}, "", 1, "",
			"<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope does not exist\"\n" +
				"<stdin>:1:Improper TRACING command.\n"},
		{"-f skips a byte order mark", []string{"-f", script}, "", 1, "EXPAND set to ON\n",
			script + ":3:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nope does not exist\"\n" +
				script + ":4:Incomplete statement at end of file\n"},
		{"-f of a missing file", []string{"-f", missing}, "", 1, "",
			"Can't open '" + missing + "': [Errno 2] No such file or directory: '" + missing + "'\n"},
		{"stdin", nil, "CONSISTENCY\nSELECT `k` FROM t;\n", 1, "Current consistency level is ONE.\n",
			"<stdin>:3:Invalid syntax at line 1, char 8\n<stdin>:3:  SELECT `k` FROM t;\n<stdin>:3:         ^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs strings.Builder
			code := runCQL(append([]string{"--memory"}, tt.args...), strings.NewReader(tt.stdin), &out, &errs)
			if code != tt.wantCode || out.String() != tt.wantOut || errs.String() != tt.wantErr {
				t.Errorf("learnkv cql %q = %d, stdout %q, stderr %q; want %d, %q, %q",
					tt.args, code, out.String(), errs.String(), tt.wantCode, tt.wantOut, tt.wantErr)
			}
		})
	}
}

func TestPrompt(t *testing.T) {
	tests := []struct {
		keyspace string
		fresh    bool
		want     string
	}{
		{"", true, "cqlsh> "},
		{"", false, "   ... "},
		{"shop", true, "cqlsh:shop> "},
		{"shop", false, "        ... "},
	}
	for _, tt := range tests {
		if got := prompt(tt.keyspace, tt.fresh); got != tt.want {
			t.Errorf("prompt(%q, %v) = %q, want %q", tt.keyspace, tt.fresh, got, tt.want)
		}
	}
}
