package cql

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitSent(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"SELECT * FROM t WHERE ;", []string{"SELECT * FROM t WHERE ;"}},
		{"SELECT 1 FROM t\n  ;\nSELECT 2 FROM t", []string{"SELECT 1 FROM t\n  ;", "SELECT 2 FROM t"}},
		{"TRACING ON\nSELECT 1 FROM t ;", []string{"TRACING ON", "SELECT 1 FROM t ;"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range Split(tt.src) {
			got = append(got, c.Sent)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Split(%q) Sent mismatch (-want +got):\n%s", tt.src, diff)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Chunk
	}{
		{"empty", "", nil},
		{"blank", " \n\t\r\n", nil},
		{"comments only", "-- a;\n// b;\n/* c; */\n", nil},
		{"semicolons only", ";; ;\n;", nil},
		{"two statements", "SELECT 1 FROM t; SELECT 2 FROM t;", []Chunk{
			{"SELECT 1 FROM t", Pos{0, 1, 0}, true, ""},
			{"SELECT 2 FROM t", Pos{17, 1, 17}, true, ""},
		}},
		{"string with semicolon", "INSERT INTO t (a) VALUES ('a;b');\nSELECT", []Chunk{
			{"INSERT INTO t (a) VALUES ('a;b')", Pos{0, 1, 0}, true, ""},
			{"SELECT", Pos{34, 2, 0}, false, ""},
		}},
		{"escaped quote", "SELECT 'it''s;' FROM t;", []Chunk{{"SELECT 'it''s;' FROM t", Pos{0, 1, 0}, true, ""}}},
		{"dollar string", "SELECT $$a;'b$$ FROM t;", []Chunk{{"SELECT $$a;'b$$ FROM t", Pos{0, 1, 0}, true, ""}}},
		{"quoted name", `SELECT "a;""b" FROM t;`, []Chunk{{`SELECT "a;""b" FROM t`, Pos{0, 1, 0}, true, ""}}},
		{"comments", "-- intro; here\nSELECT * /* ; */ FROM t // x;\n ;", []Chunk{
			{"SELECT * /* ; */ FROM t // x;", Pos{15, 2, 0}, true, ""},
		}},
		{"batch", "BEGIN BATCH\n  INSERT INTO t (k) VALUES (1);\n  UPDATE t SET v = 'APPLY BATCH;' WHERE k = 1;\napply  batch ;\nSELECT * FROM t;", []Chunk{
			{"BEGIN BATCH\n  INSERT INTO t (k) VALUES (1);\n  UPDATE t SET v = 'APPLY BATCH;' WHERE k = 1;\napply  batch", Pos{0, 1, 0}, true, ""},
			{"SELECT * FROM t", Pos{106, 5, 0}, true, ""},
		}},
		{"unfinished batch", "BEGIN UNLOGGED BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH", []Chunk{
			{"BEGIN UNLOGGED BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH", Pos{0, 1, 0}, false, ""},
		}},
		{"shell commands", "TRACING ON\nSELECT * FROM t\n  WHERE k = 1;\nconsistency quorum\nSERIAL CONSISTENCY LOCAL_SERIAL", []Chunk{
			{"TRACING ON", Pos{0, 1, 0}, true, ""},
			{"SELECT * FROM t\n  WHERE k = 1", Pos{11, 2, 0}, true, ""},
			{"consistency quorum", Pos{42, 4, 0}, true, ""},
			{"SERIAL CONSISTENCY LOCAL_SERIAL", Pos{61, 5, 0}, true, ""},
		}},
		{"shell command with semicolon", "tracing off; select * from t", []Chunk{
			{"tracing off", Pos{0, 1, 0}, true, ""},
			{"select * from t", Pos{13, 1, 13}, false, ""},
		}},
		{"shell command with comment", "EXPAND ON -- wide\nDESCRIBE TABLES", []Chunk{
			{"EXPAND ON -- wide", Pos{0, 1, 0}, true, ""},
			{"DESCRIBE TABLES", Pos{18, 2, 0}, true, ""},
		}},
		{"unterminated string", "SELECT 1 FROM t;\nINSERT INTO t (a) VALUES ('x;\n", []Chunk{
			{"SELECT 1 FROM t", Pos{0, 1, 0}, true, ""},
			{"INSERT INTO t (a) VALUES ('x;", Pos{17, 2, 0}, false, ""},
		}},
		{"unterminated comment inside", "SELECT /* ; ", []Chunk{{"SELECT /* ;", Pos{0, 1, 0}, false, ""}}},
		{"unterminated comment before", "SELECT 1;\n  /* never ; closed\n", []Chunk{
			{"SELECT 1", Pos{0, 1, 0}, true, ""},
			{"/* never ; closed", Pos{12, 2, 2}, false, ""},
		}},
		{"japanese", "SELECT 'あ'; SELECT 'い' -- コメント;\n;", []Chunk{
			{"SELECT 'あ'", Pos{0, 1, 0}, true, ""},
			{"SELECT 'い' -- コメント;", Pos{14, 1, 12}, true, ""},
		}},
		{"seed style", "CREATE TABLE chat (\nid text -- チャットID\n, body text -- 本文; 続き\n, PRIMARY KEY(id)\n)\n\n次の文", []Chunk{
			{"CREATE TABLE chat (\nid text -- チャットID\n, body text -- 本文; 続き\n, PRIMARY KEY(id)\n)\n\n次の文", Pos{0, 1, 0}, false, ""},
		}},
	}
	for _, tt := range tests {
		got := Split(tt.src)
		for i := range got {
			got[i].Sent = "" // TestSplitSent checks it
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Split(%q) mismatch (-want +got):\n%s", tt.name, tt.src, diff)
		}
	}
}

func TestIsComplete(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"", false},
		{"   ", false},
		{"-- comment", false},
		{"SELECT * FROM t", false},
		{"SELECT * FROM t;", true},
		{"SELECT * FROM t;\n", true},
		{"SELECT * FROM t; -- done", true},
		{"SELECT * FROM t WHERE a = ';", false},
		{"SELECT * FROM t WHERE a = ';';", true},
		{"SELECT * FROM t; SELECT", false},
		{"BEGIN BATCH INSERT INTO t (k) VALUES (1);", false},
		{"BEGIN BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH;", true},
		{"TRACING ON", true},
		{"tracing", true},
		{"DESC TABLES", true},
		{"SELECT 1;\n/* open", false},
		{"SELECT 1 /* ; */", false},
	}
	for _, tt := range tests {
		if got := IsComplete(tt.src); got != tt.want {
			t.Errorf("IsComplete(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// checkChunks checks the invariants of Split's result for src.
func checkChunks(t *testing.T, src string, chunks []Chunk) {
	t.Helper()
	end := 0
	for i, c := range chunks {
		if c.Text == "" || strings.Trim(c.Text, " \t\r\n") != c.Text {
			t.Errorf("Split(%q) chunk %d text %q is empty or not trimmed", src, i, c.Text)
		}
		if c.Pos.Offset < end || c.Pos.Offset+len(c.Text) > len(src) || src[c.Pos.Offset:c.Pos.Offset+len(c.Text)] != c.Text {
			t.Fatalf("Split(%q) chunk %d text %q is not the source at %+v", src, i, c.Text, c.Pos)
		}
		checkPos(t, src, c.Pos)
		end = c.Pos.Offset + len(c.Text)
		if !c.Complete && i != len(chunks)-1 {
			t.Errorf("Split(%q) chunk %d is incomplete but not last", src, i)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"SELECT 1; SELECT 2", "BEGIN BATCH x; y; APPLY BATCH; z", "TRACING ON\nSELECT", "'a;b", "/* x",
		"$$a;$$;", `"a;""b";`, "-- x\n// y\nSELECT 'é';", "consistency\n\nserial consistency;x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		chunks := Split(src)
		checkChunks(t, src, chunks)
		if got, want := IsComplete(src), len(chunks) > 0 && chunks[len(chunks)-1].Complete; got != want {
			t.Errorf("IsComplete(%q) = %v, want %v", src, got, want)
		}
	})
}

// benchScript is a script of 1,000 INSERT statements over several lines.
var benchScript = func() string {
	var sb strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&sb, "-- row %d\nINSERT INTO users (id, name, email, age)\n  VALUES (%d, 'user%d', 'user%d@example.com', %d);\n", i, i, i, i, i%90)
	}
	return sb.String()
}()

func BenchmarkSplit(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchScript)))
	for b.Loop() {
		if chunks := Split(benchScript); len(chunks) != 1000 {
			b.Fatalf("Split gave %d chunks, want 1000", len(chunks))
		}
	}
}
