package lessons

import (
	"fmt"
	"sort"
	"strings"
)

// FormatError is a mistake in a lesson file, at a line. Its text exists in
// every language: Error gives the English one, In any other.
type FormatError struct {
	File string
	Line int
	key  string
	args []any
}

// Error returns "file:line: message" in English.
func (e *FormatError) Error() string { return e.In(English) }

// In returns "file:line: message" in lang.
func (e *FormatError) In(lang Lang) string {
	return position(e.File, e.Line) + ": " + e.Message(lang)
}

// Message returns the message in lang, without the position.
func (e *FormatError) Message(lang Lang) string { return tr(lang, e.key, e.args...) }

// position formats "file:line", or just "file" when the line is unknown.
func position(file string, line int) string {
	if line <= 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// ErrorList is every format error found, in file and line order. Like
// go/scanner's ErrorList, it gathers all errors rather than stopping at the
// first.
type ErrorList []*FormatError

// Error returns the errors, one per line, in English.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.sort()
	return l
}

// add appends an error.
func (l *ErrorList) add(file string, line int, key string, args ...any) {
	*l = append(*l, &FormatError{File: file, Line: line, key: key, args: args})
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

// Problem is something `learnkv lessons check` found wrong with a lesson
// pack: a format error, a difference between the languages, an exercise
// that passes too early or a solution that does not pass, or text that
// does not render cleanly.
type Problem struct {
	// File is the lesson file, relative to the pack (e.g. "en/01-x.md").
	File string
	// Line is the line in File, or 0 when the problem concerns the whole
	// file.
	Line int
	// Lang is the language of File.
	Lang Lang
	// Lesson and Item identify the lesson and, when relevant, the step or
	// exercise.
	Lesson string
	Item   string
	// Msg says what is wrong.
	Msg string
}

// String returns "file:line: message".
func (p Problem) String() string { return position(p.File, p.Line) + ": " + p.Msg }

// sortProblems orders problems by file and line.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}
