package lessons

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// progressVersion is the version of the progress file format.
const progressVersion = 1

// Progress is one learner's progress, saved as JSON.
type Progress struct {
	Version int `json:"version"`
	// Language is the learner's chosen language ("" until chosen).
	Language Lang `json:"language,omitempty"`
	// Lesson and Item are where the learner was last: the app resumes
	// there.
	Lesson string `json:"lesson,omitempty"`
	Item   string `json:"item,omitempty"`
	// Lessons holds per-lesson progress by lesson id.
	Lessons map[string]*LessonProgress `json:"lessons,omitempty"`
}

// LessonProgress is the progress in one lesson.
type LessonProgress struct {
	// Item is the last item the learner had open in this lesson.
	Item string `json:"item,omitempty"`
	// Exercises holds per-exercise progress by exercise id.
	Exercises map[string]*ExerciseProgress `json:"exercises,omitempty"`
}

// ExerciseProgress is the progress in one exercise.
type ExerciseProgress struct {
	Started bool `json:"started,omitempty"`
	Done    bool `json:"done,omitempty"`
	// HintsShown counts the hints revealed so far.
	HintsShown    int  `json:"hints_shown,omitempty"`
	SolutionShown bool `json:"solution_shown,omitempty"`
	// Attempts counts the learner's checked attempts.
	Attempts int `json:"attempts,omitempty"`
	// DoneAt is when the exercise was first passed.
	DoneAt *time.Time `json:"done_at,omitempty"`
}

// NewProgress returns the progress of a learner who has not started.
func NewProgress() *Progress {
	return &Progress{Version: progressVersion, Lessons: map[string]*LessonProgress{}}
}

// ErrCorruptProgress marks a progress file that could not be read; the
// learner starts afresh and the file is kept aside.
var ErrCorruptProgress = errors.New("corrupt progress file")

// CorruptProgressError reports a progress file that could not be read.
type CorruptProgressError struct {
	// Path is the progress file; MovedTo is where it was moved ("" if it
	// could not be moved).
	Path, MovedTo string
	Err           error
}

// Error explains what happened, in English.
func (e *CorruptProgressError) Error() string {
	if e.MovedTo == "" {
		return fmt.Sprintf("progress file %s is corrupt (%v): starting afresh; the file could not be moved aside and will be overwritten", e.Path, e.Err)
	}
	return fmt.Sprintf("progress file %s is corrupt (%v): starting afresh; the old file was moved to %s", e.Path, e.Err, e.MovedTo)
}

// Is makes errors.Is(err, ErrCorruptProgress) true.
func (e *CorruptProgressError) Is(target error) bool { return target == ErrCorruptProgress }

// Unwrap returns the decoding error.
func (e *CorruptProgressError) Unwrap() error { return e.Err }

// LoadProgress reads a learner's progress. A missing file is a fresh
// start. A corrupt file also gives a fresh start, together with a
// *CorruptProgressError (errors.Is ErrCorruptProgress) saying where the
// bad file was moved. Any other error (an unreadable file) comes with a
// fresh Progress too, so the caller can always carry on.
func LoadProgress(path string) (*Progress, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewProgress(), nil
	}
	if err != nil {
		return NewProgress(), fmt.Errorf("read progress: %w", err)
	}
	p := NewProgress()
	if err := decodeProgress(data, p); err != nil {
		moved := fmt.Sprintf("%s.corrupt-%s", path, time.Now().Format("20060102-150405"))
		if rerr := os.Rename(path, moved); rerr != nil {
			moved = ""
		}
		return NewProgress(), &CorruptProgressError{Path: path, MovedTo: moved, Err: err}
	}
	return p, nil
}

func decodeProgress(data []byte, p *Progress) error {
	if len(strings.TrimSpace(string(data))) == 0 {
		return errors.New("empty file")
	}
	if err := json.Unmarshal(data, p); err != nil {
		return err
	}
	if p.Version < 1 || p.Version > progressVersion {
		return fmt.Errorf("unknown version %d", p.Version)
	}
	if _, ok := ParseLang(string(p.Language)); !ok {
		p.Language = ""
	}
	if p.Lessons == nil {
		p.Lessons = map[string]*LessonProgress{}
	}
	for id, lp := range p.Lessons {
		if lp == nil {
			delete(p.Lessons, id)
			continue
		}
		for eid, ep := range lp.Exercises {
			if ep == nil {
				delete(lp.Exercises, eid)
				continue
			}
			ep.HintsShown, ep.Attempts = max(ep.HintsShown, 0), max(ep.Attempts, 0)
		}
	}
	return nil
}

// Save writes the progress atomically: to a temporary file in the same
// directory, synced, then renamed over path (creating the directory).
// A crash leaves either the old file or the new one, never half of one.
func (p *Progress) Save(path string) error {
	p.Version = progressVersion
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	tmp := f.Name()
	_, werr := f.Write(append(data, '\n'))
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("save progress: %w", werr)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the platform allows
		d.Close()
	}
	return nil
}

// DefaultProgressPath returns where a local learner's progress lives:
// $XDG_DATA_HOME/learnkv/progress.json, or
// ~/.local/share/learnkv/progress.json.
func DefaultProgressPath() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "learnkv", "progress.json")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "learnkv", "progress.json")
	}
	return filepath.Join(home, ".local", "share", "learnkv", "progress.json")
}

// ProgressPath returns the progress file of a named learner under a data
// directory (the workshop server keeps one per participant). The name is
// reduced to letters, digits, '-', '_' and '.', so it cannot leave the
// directory.
func ProgressPath(dataDir, learner string) string {
	var b strings.Builder
	for _, r := range learner {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), ".")
	if name == "" {
		name = "_"
	}
	return filepath.Join(dataDir, "learners", name, "progress.json")
}

// lesson returns the progress of a lesson, creating it.
func (p *Progress) lesson(id string) *LessonProgress {
	if p.Lessons == nil {
		p.Lessons = map[string]*LessonProgress{}
	}
	lp := p.Lessons[id]
	if lp == nil {
		lp = &LessonProgress{}
		p.Lessons[id] = lp
	}
	return lp
}

// Exercise returns the progress of an exercise, creating it.
func (p *Progress) Exercise(lessonID, exerciseID string) *ExerciseProgress {
	lp := p.lesson(lessonID)
	if lp.Exercises == nil {
		lp.Exercises = map[string]*ExerciseProgress{}
	}
	ep := lp.Exercises[exerciseID]
	if ep == nil {
		ep = &ExerciseProgress{}
		lp.Exercises[exerciseID] = ep
	}
	return ep
}

// IsDone reports whether an exercise has been passed.
func (p *Progress) IsDone(lessonID, exerciseID string) bool {
	lp := p.Lessons[lessonID]
	if lp == nil {
		return false
	}
	ep := lp.Exercises[exerciseID]
	return ep != nil && ep.Done
}

// Visit records that the learner opened an item: the app resumes there.
func (p *Progress) Visit(lessonID, itemID string) {
	p.Lesson, p.Item = lessonID, itemID
	p.lesson(lessonID).Item = itemID
}

// LastItem returns the item the learner last had open in a lesson ("" if
// none).
func (p *Progress) LastItem(lessonID string) string {
	if lp := p.Lessons[lessonID]; lp != nil {
		return lp.Item
	}
	return ""
}

// MarkStarted records that an exercise was started.
func (p *Progress) MarkStarted(lessonID, exerciseID string) {
	p.Exercise(lessonID, exerciseID).Started = true
}

// RecordAttempt counts a checked attempt at an exercise.
func (p *Progress) RecordAttempt(lessonID, exerciseID string) {
	ep := p.Exercise(lessonID, exerciseID)
	ep.Started = true
	ep.Attempts++
}

// ShowHint records one more hint revealed, up to total, and returns how
// many are now shown.
func (p *Progress) ShowHint(lessonID, exerciseID string, total int) int {
	ep := p.Exercise(lessonID, exerciseID)
	if ep.HintsShown < total {
		ep.HintsShown++
	}
	return ep.HintsShown
}

// ShowSolution records that the learner looked at the solution.
func (p *Progress) ShowSolution(lessonID, exerciseID string) {
	p.Exercise(lessonID, exerciseID).SolutionShown = true
}

// MarkDone records that an exercise was passed at time now (the first
// time only).
func (p *Progress) MarkDone(lessonID, exerciseID string, now time.Time) {
	ep := p.Exercise(lessonID, exerciseID)
	ep.Started = true
	if !ep.Done {
		ep.Done = true
		t := now.UTC().Truncate(time.Second)
		ep.DoneAt = &t
	}
}

// ResetExercise forgets an exercise's progress.
func (p *Progress) ResetExercise(lessonID, exerciseID string) {
	if lp := p.Lessons[lessonID]; lp != nil {
		delete(lp.Exercises, exerciseID)
	}
}

// ResetLesson forgets a lesson's progress (the sandbox side is
// Checker.ResetLesson).
func (p *Progress) ResetLesson(lessonID string) {
	delete(p.Lessons, lessonID)
}

// Done counts the passed exercises of a lesson and its exercises in all.
func (p *Progress) Done(l *Lesson) (done, total int) {
	for _, it := range l.Exercises() {
		total++
		if p.IsDone(l.ID, it.ID) {
			done++
		}
	}
	return done, total
}
