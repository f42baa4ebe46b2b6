package lessons

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestProgressRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dir", "progress.json")
	p, err := LoadProgress(path)
	if err != nil {
		t.Fatalf("LoadProgress(missing) error: %v", err)
	}
	if diff := cmp.Diff(NewProgress(), p); diff != "" {
		t.Errorf("LoadProgress(missing) (-want +got):\n%s", diff)
	}
	now := time.Date(2026, 3, 1, 10, 30, 0, 0, time.UTC)
	p.Language = Japanese
	p.Visit("01-keys", "lookup")
	p.MarkStarted("01-keys", "lookup")
	p.RecordAttempt("01-keys", "lookup")
	p.RecordAttempt("01-keys", "lookup")
	p.ShowHint("01-keys", "lookup", 2)
	p.ShowSolution("01-keys", "lookup")
	p.MarkDone("01-keys", "lookup", now)
	p.MarkDone("01-keys", "lookup", now.Add(time.Hour))
	p.Visit("02-design", "queries")
	if err := p.Save(path); err != nil {
		t.Fatalf("Save: %v", err)
	}
	got, err := LoadProgress(path)
	if err != nil {
		t.Fatalf("LoadProgress: %v", err)
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("LoadProgress after Save (-saved +loaded):\n%s", diff)
	}
	ep := got.Exercise("01-keys", "lookup")
	want := ExerciseProgress{Started: true, Done: true, HintsShown: 1, SolutionShown: true, Attempts: 2, DoneAt: &now}
	if diff := cmp.Diff(want, *ep); diff != "" {
		t.Errorf("exercise progress (-want +got):\n%s", diff)
	}
	if got.Lesson != "02-design" || got.Item != "queries" || got.LastItem("01-keys") != "lookup" {
		t.Errorf("resume point = %s/%s, last item of 01-keys %q; want 02-design/queries, lookup", got.Lesson, got.Item, got.LastItem("01-keys"))
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files next to the progress file: %v, want only progress.json", entries)
	}
}

func TestProgressCorrupt(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"garbage", "{not json"},
		{"truncated", `{"version": 1, "lessons": {"01-x": {"exerc`},
		{"empty", ""},
		{"future version", `{"version": 99}`},
		{"wrong types", `{"version": 1, "lessons": {"01-x": {"exercises": {"a": {"attempts": "many"}}}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "progress.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := LoadProgress(path)
			if p == nil || len(p.Lessons) != 0 {
				t.Errorf("LoadProgress(%s) progress = %+v, want a fresh start", tt.name, p)
			}
			var ce *CorruptProgressError
			if !errors.Is(err, ErrCorruptProgress) || !errors.As(err, &ce) {
				t.Fatalf("LoadProgress(%s) error = %v, want ErrCorruptProgress", tt.name, err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "starting afresh") ||
				!strings.Contains(err.Error(), ce.MovedTo) || !strings.HasPrefix(ce.MovedTo, path+".corrupt-") {
				t.Errorf("error = %q (moved to %q), want it to name the file, the fresh start and where it went", err, ce.MovedTo)
			}
			kept, rerr := os.ReadFile(ce.MovedTo)
			if rerr != nil || string(kept) != tt.content {
				t.Errorf("moved file holds %q (%v), want the bad content %q", kept, rerr, tt.content)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the corrupt file is still at %s", path)
			}
			if err := p.Save(path); err != nil {
				t.Errorf("Save after a corrupt file: %v", err)
			}
		})
	}
}

func TestProgressCrashLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	p := NewProgress()
	p.MarkDone("01-x", "a", time.Now())
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	// A crash in the middle of the next Save leaves a partial temporary
	// file behind; the progress file itself is untouched.
	if err := os.WriteFile(filepath.Join(dir, ".progress.json.12345.tmp"), []byte(`{"version": 1, "less`), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProgress(path)
	if err != nil {
		t.Fatalf("LoadProgress with a leftover temp file: %v", err)
	}
	if !got.IsDone("01-x", "a") {
		t.Errorf("progress after the crash lost exercise 01-x/a")
	}
	got.MarkDone("01-x", "b", time.Now())
	if err := got.Save(path); err != nil {
		t.Fatalf("Save with a leftover temp file: %v", err)
	}
	again, err := LoadProgress(path)
	if err != nil || !again.IsDone("01-x", "b") {
		t.Errorf("LoadProgress after Save = %v, %v; want 01-x/b done", again, err)
	}
}

func TestProgressResets(t *testing.T) {
	l := &Lesson{ID: "01-x", Items: []*Item{
		{Kind: StepItem, ID: "s"},
		{Kind: ExerciseItem, ID: "a", Exercise: &Exercise{}},
		{Kind: ExerciseItem, ID: "b", Exercise: &Exercise{}},
	}}
	p := NewProgress()
	p.MarkDone("01-x", "a", time.Now())
	p.MarkDone("01-x", "b", time.Now())
	p.MarkDone("02-y", "c", time.Now())
	if done, total := p.Done(l); done != 2 || total != 2 {
		t.Errorf("Done = %d/%d, want 2/2", done, total)
	}
	p.ResetExercise("01-x", "a")
	if done, _ := p.Done(l); done != 1 || p.IsDone("01-x", "a") {
		t.Errorf("after ResetExercise: done %d, a done %v; want 1, false", done, p.IsDone("01-x", "a"))
	}
	p.ResetLesson("01-x")
	if done, _ := p.Done(l); done != 0 || !p.IsDone("02-y", "c") {
		t.Errorf("after ResetLesson: done %d, 02-y/c done %v; want 0, true", done, p.IsDone("02-y", "c"))
	}
	if n := p.ShowHint("02-y", "c", 1); n != 1 {
		t.Errorf("ShowHint = %d, want 1", n)
	}
	if n := p.ShowHint("02-y", "c", 1); n != 1 {
		t.Errorf("ShowHint past the last hint = %d, want 1", n)
	}
}

func TestProgressPaths(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	if got, want := DefaultProgressPath(), "/data/learnkv/progress.json"; got != want {
		t.Errorf("DefaultProgressPath with XDG_DATA_HOME = %q, want %q", got, want)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/ada")
	if got, want := DefaultProgressPath(), "/home/ada/.local/share/learnkv/progress.json"; got != want {
		t.Errorf("DefaultProgressPath = %q, want %q", got, want)
	}
	tests := []struct {
		learner, want string
	}{
		{"ada", "/srv/learners/ada/progress.json"},
		{"../../etc", "/srv/learners/_.._etc/progress.json"},
		{"..", "/srv/learners/_/progress.json"},
		{"山田", "/srv/learners/__/progress.json"},
	}
	for _, tt := range tests {
		if got := ProgressPath("/srv", tt.learner); got != tt.want {
			t.Errorf("ProgressPath(/srv, %q) = %q, want %q", tt.learner, got, tt.want)
		}
	}
}
