package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestLessonsCommand(t *testing.T) {
	const packs = "../../lessons/testdata/packs/"
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string
		wantErr    string
		notWantErr string
	}{
		{"check good", []string{"lessons", "check", "--lang", "en", packs + "good"}, 0,
			"ok: 2 lessons, 5 exercises, 9 checks in ", "", ""},
		{"check good in Japanese", []string{"lessons", "check", "--lang", "ja", packs + "good"}, 0,
			"問題なし：レッスン 2 個、演習 5 個、チェック 9 個（", "", ""},
		{"check free pass", []string{"lessons", "check", "--lang", "en", packs + "free-pass"}, 1, "",
			packs + "free-pass/en/01-basics.md:82: free pass: exercise \"insert\"", ""},
		{"check counts problems", []string{"lessons", "check", "--lang", "en", packs + "missing-solution"}, 1, "",
			"\n2 problems\n", ""},
		{"check missing dir", []string{"lessons", "check", packs + "nope"}, 1, "", "no such file or directory", ""},
		{"check bad lang", []string{"lessons", "check", "--lang", "fr"}, 2, "", "unknown --lang \"fr\"", ""},
		{"list", []string{"lessons", "list", "--lang", "en", "--content", packs + "good"}, 0,
			"01-basics  3 exercises  Keys and values\n02-design  2 exercises  Design for the queries\n", "", ""},
		{"list ja", []string{"lessons", "list", "--lang", "ja", "--content", packs + "good"}, 0,
			"01-basics  演習 3 個  キーと値\n", "", ""},
		{"list embedded", []string{"lessons", "list", "--lang", "en"}, 0, "00-tour", "", "learnkv lessons list"},
		{"list broken pack", []string{"lessons", "list", "--lang", "en", "--content", packs + "bad-front-matter"}, 1, "",
			"en/01-basics.md:1: the front matter has no summary", ""},
		{"unknown", []string{"lessons", "frob"}, 2, "", "unknown command \"frob\"", ""},
		{"no command", []string{"lessons"}, 2, "", "Usage:", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("run(%q) = %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.wantCode, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("run(%q) stdout = %q, want it to contain %q", tt.args, stdout.String(), tt.wantOut)
			}
			if !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.wantErr)
			}
			if tt.notWantErr != "" && strings.Contains(stderr.String(), tt.notWantErr) {
				t.Errorf("run(%q) stderr = %q, want no %q", tt.args, stderr.String(), tt.notWantErr)
			}
		})
	}
}
