package cqlsh

import (
	"strings"
	"testing"
)

func TestCommandWord(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", "X"},
		{"  \t\n", "X"},
		{"exit", "EXIT"},
		{"  Quit;", "QUIT;"},
		{"source 'x.cql'", "SOURCE"},
		{"\u00a0help", "HELP"},
		{"quıt", "QUIT"},
		{"HISTORY", "HISTORY"},
		{"INSERT INTO t (k) VALUES (1)", "INSERT"},
		{"select * from t", "SELECT"},
		{"DESCRIBE KEYSPACES", "DESCRIBE"},
		{"describe keyspaces", "describe"},
	}
	for _, tt := range tests {
		got := commandWord(tt.text)
		if got != tt.want {
			t.Errorf("commandWord(%q) = %q, want %q", tt.text, got, tt.want)
		}
		// It agrees with the first field, upper-cased, up to case.
		if old := strings.ToUpper(strings.Fields(tt.text + " x")[0]); !strings.EqualFold(got, old) {
			t.Errorf("commandWord(%q) = %q, want %q up to case", tt.text, got, old)
		}
	}
	if n := testing.AllocsPerRun(100, func() { commandWord("INSERT INTO t (k) VALUES (1)") }); n != 0 {
		t.Errorf("commandWord of an INSERT allocates %v times, want 0", n)
	}
}
