package sandbox_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNotes checks that the sandbox's and cqlsh's own messages come with
// a translatable note whose English text starts the message.
func TestNotes(t *testing.T) {
	sb := openMemory(t)
	tests := []struct {
		stmt string
		id   string
		args []any
		rest bool
	}{
		{"NODE 2 DOWN", "node.down", []any{2}, false},
		{"NODE 2 UP", "node.up.missed", []any{2}, false},
		{"TRACING ON", "switch.set", []any{"TRACING", "ON"}, false},
		{"TRACING ON", "switch.already", []any{"TRACING", "ON"}, false},
		{"HINTED HANDOFF", "switch.is", []any{"HINTED HANDOFF", "OFF"}, false},
		{"CONSISTENCY QUORUM", "consistency.set", []any{"QUORUM"}, false},
		{"PAGING 50", "paging.size", []any{50}, false},
		{"PAGING", "switch.is", []any{"PAGING", "ON"}, true},
		{"NODES 5", "nodes.resized", []any{5}, true},
		{"NODES", "nodes.status", []any{5, 16, "off", "off"}, true},
	}
	for _, tt := range tests {
		res := mustExec(t, sb, tt.stmt)
		if res.Note == nil {
			t.Errorf("%s: no note (message %q)", tt.stmt, res.Message)
			continue
		}
		if res.Note.ID != tt.id || !cmp.Equal(res.Note.Args, tt.args) {
			t.Errorf("%s: note %s %v, want %s %v", tt.stmt, res.Note.ID, res.Note.Args, tt.id, tt.args)
		}
		if (res.Note.Rest != "") != tt.rest || (tt.rest && !strings.HasSuffix(res.Message, "\n"+res.Note.Rest)) {
			t.Errorf("%s: note rest %q, message %q", tt.stmt, res.Note.Rest, res.Message)
		}
	}
	if res := mustExec(t, sb, "CREATE TABLE n (k int PRIMARY KEY)", "SELECT * FROM n"); res.Note != nil {
		t.Errorf("a CQL result carries a note: %v", res.Note)
	}
}
