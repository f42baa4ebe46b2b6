package sandbox_test

import (
	"strings"
	"testing"
)

// TestLoadIntoSaysWhatDidNotMatch checks the warnings of LOAD DATASET
// ... INTO a table whose columns differ from the dataset's.
func TestLoadIntoSaysWhatDidNotMatch(t *testing.T) {
	tests := []struct {
		table string
		want  []string
	}{
		{"CREATE TABLE m (room_id text, message_id timeuuid, name text static, body text, PRIMARY KEY (room_id, message_id))", []string{
			"Dataset chat gives room_name, author, reactions, which table m does not have: not loaded.",
			"Dataset chat has nothing for name of table m (it gives room_id, message_id, room_name, author, body, reactions): left empty.",
		}},
		{"CREATE TABLE m (room_id text, message_id timeuuid, room_name text static, author text, body text, reactions map<text, text>, PRIMARY KEY (room_id, message_id))", nil},
	}
	for _, tt := range tests {
		sb := openMemory(t)
		res := mustExec(t, sb, tt.table, "LOAD DATASET chat ROWS 10 INTO m")
		if strings.Join(res.Warnings, "|") != strings.Join(tt.want, "|") {
			t.Errorf("LOAD INTO %s warned %q, want %q", tt.table, res.Warnings, tt.want)
		}
		if got := mustExec(t, sb, "SELECT count(*) FROM m").Rows[0][0]; got != int64(10) {
			t.Errorf("rows loaded = %v, want 10", got)
		}
	}
}
