// Package lessons holds learnkv's lessons: the lesson model and its
// Markdown format (content/README.md), the checks that grade an exercise
// against the sandbox, learners' progress, and the authoring validator.
// It imports no UI package: the terminal app, `learnkv lessons` and the
// workshop server all use it.
package lessons

// Lang is a content language.
type Lang string

// The content languages.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// Langs lists the languages every lesson exists in.
var Langs = []Lang{English, Japanese}

// Lesson is one lesson in one language.
type Lesson struct {
	ID      string
	Title   string
	Summary string
	// Keyspace is the lesson's own keyspace ("lesson01" for "01-...").
	Keyspace string
	// Items are the lesson's steps and exercises, in document order.
	Items []*Item
	// File is the path the lesson was read from (for messages).
	File string
}

// ItemKind says whether an item is a step or an exercise.
type ItemKind int

// The item kinds.
const (
	StepItem ItemKind = iota
	ExerciseItem
)

// Item is a step (text to read and examples to try) or an exercise.
type Item struct {
	Kind  ItemKind
	ID    string
	Title string
	// Body is a step's Markdown text.
	Body string
	// Exercise is set for exercises.
	Exercise *Exercise
	// Line is the item's heading line in its file.
	Line int
}

// Exercise is a task the sandbox grades.
type Exercise struct {
	// Task is the Markdown statement of the task.
	Task string
	// Setup is the CQL script (statements and sandbox commands) run after
	// the reset that gives the exercise its start state.
	Setup string
	// Checks must all pass.
	Checks []Check
	// Hints are revealed one at a time, in order (Markdown).
	Hints []string
	// Solution is the reference solution (CQL).
	Solution string
	// Why is shown after success (Markdown).
	Why string
	// Lines holds the heading line of each part in the lesson's file.
	Lines PartLines
}

// PartLines holds the line of each part's heading in an exercise, so that
// messages about a part can point at it (0 for a part that is absent).
type PartLines struct {
	Task, Setup, Check, Solution, Why int
	Hints                             []int
}

// Check is one parsed check of an exercise. Its Kind is one of "last",
// "rows", "error", "schema", "trace", "distribution" and "patterns"; Spec
// holds its fields as written (see content/README.md); Message overrides
// the generated failure text; Line is where it starts in its file.
type Check struct {
	Kind    string
	Spec    map[string]any
	Message string
	Line    int
}

// Exercises returns the lesson's exercises, in order.
func (l *Lesson) Exercises() []*Item {
	var out []*Item
	for _, it := range l.Items {
		if it.Kind == ExerciseItem {
			out = append(out, it)
		}
	}
	return out
}

// Item returns the item with the given id, or nil.
func (l *Lesson) Item(id string) *Item {
	for _, it := range l.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}
