// Package i18n holds every string the terminal app shows, in English and
// Japanese, in one typed table. A string is looked up by its ID:
//
//	i18n.T(lang, i18n.TabResults)            // "Results" or "結果"
//	i18n.F(lang, i18n.ResultsRowCount, 3)    // "(3 rows)" or "（3 行）"
//
// A test checks that every ID has both texts and that both use the same
// fmt verbs, so a missing or mistranslated format can not reach a learner.
package i18n

import (
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/lessons"
)

// ID names one UI string.
type ID int

// entry is one UI string in both languages.
type entry struct {
	en, ja string
}

// text returns the entry's text in lang (English for anything but ja).
func (e entry) text(lang lessons.Lang) string {
	if lang == lessons.Japanese && e.ja != "" {
		return e.ja
	}
	return e.en
}

// T returns the string id in lang.
func T(lang lessons.Lang, id ID) string {
	if id < 0 || id >= numIDs {
		return fmt.Sprintf("!(i18n %d)", int(id))
	}
	return table[id].text(lang)
}

// F formats the string id in lang with args, as fmt.Sprintf does.
func F(lang lessons.Lang, id ID, args ...any) string {
	if id < 0 || id >= numIDs {
		return fmt.Sprintf("!(i18n %d)", int(id))
	}
	return fmt.Sprintf(table[id].text(lang), args...)
}

// Other returns the language a run-time switch changes lang to.
func Other(lang lessons.Lang) lessons.Lang {
	if lang == lessons.Japanese {
		return lessons.English
	}
	return lessons.Japanese
}

// Name returns the short name of a language as the status line shows it.
func Name(lang lessons.Lang) string {
	return strings.ToUpper(string(lang))
}

// Count returns the number of strings in the table (tests use it).
func Count() int { return int(numIDs) }

// Texts returns the English and Japanese texts of id (tests use it).
func Texts(id ID) (en, ja string) {
	if id < 0 || id >= numIDs {
		return "", ""
	}
	return table[id].en, table[id].ja
}

// The UI strings, grouped by where they appear. Each has an entry in
// table (strings.go); the order here is the order there.
const (
	// The app's frame: title, tabs, status line.
	AppTitle ID = iota
	TabLesson
	TabEditor
	TabResults
	TabTrace
	TabKeys
	TabDist
	TabOutline
	EditorTitle
	StatusRunning
	StatusChecking
	StatusPreparing
	StatusLoading
	StatusNodes
	StatusDown

	// Notices on the status line.
	NoticePassed
	NoticeNotYet
	NoticeNotYetOne
	NoticeCancelled
	NoticeCancelAgain
	NoticeBusy
	NoticeLang
	NoticeCopied
	NoticeResetExercise
	NoticeResetLesson
	NoticeStartError
	NoticeProgressError
	NoticeProgressCorrupt
	NoticeWelcome
	NoticeNoExample
	NoticeStatements

	// Help: global keys.
	HelpQuit
	HelpForceQuit
	HelpCancel
	HelpHelp
	HelpCloseHelp
	HelpLang
	HelpNextPane
	HelpPrevPane
	HelpFocusEditor
	HelpPanes
	HelpGlobalTitle
	HelpPaneTitle

	// Help: keys of the panes.
	HelpRun
	HelpNewline
	HelpHistoryPrev
	HelpHistoryNext
	HelpClearEditor
	HelpLeaveEditor
	HelpUp
	HelpDown
	HelpPageUp
	HelpPageDown
	HelpColumnLeft
	HelpColumnRight
	HelpScrollLeft
	HelpScrollRight
	HelpTop
	HelpBottom
	HelpActivity
	HelpNextTable
	HelpPrevTable
	HelpRefresh
	HelpOpen
	HelpExpand
	HelpCollapse
	HelpNextItem
	HelpPrevItem
	HelpHint
	HelpSolution
	HelpCopy
	HelpCheck
	HelpResetExercise
	HelpResetLesson
	HelpYes
	HelpNo

	// The editor.
	EditorPlaceholder

	// The results pane.
	ResultsEmpty
	ResultsEmptyHint
	ResultsRowCount
	ResultsRowsShown
	ResultsColumnsShown
	ResultsDone
	ResultsDoneTrace
	ResultsWarning
	ResultsCancelled
	ResultsLastOf
	ErrHintSyntax
	ErrHintUnavailable
	ErrHintFiltering
	ErrHintPartitionKey

	// The trace pane.
	TraceEmpty
	TraceEmptyHint
	TraceHeader
	TraceRoleCoordinator
	TraceRoleRead
	TraceRoleWrite
	TraceRoleReplica
	TraceRoleDown
	TracePartitions
	TraceMorePartitions
	TraceAllPartitions
	TraceRead
	TraceWrite
	TraceToken
	TraceKey
	TracePartitionNodes
	TraceRowsScanned
	TraceRowsReturned
	TraceKeys
	TraceFullScan
	TraceFiltering
	TracePaxos
	TraceBatchlog
	TraceHints
	TraceReadRepairs
	TraceActivity
	TraceActivityHint

	// The key view.
	KeysEmpty
	KeysEmptyHint
	KeysNone
	KeysSummary
	KeysFirstN
	KeysLegend

	// The distribution view.
	DistEmpty
	DistEmptyHint
	DistLoading
	DistCancelled
	DistSummary
	DistSkew
	DistLargest
	DistPartition
	WarnPartitionValues
	WarnPartitionBytes
	WarnSkew
	WarnLowCardinality
	WarnCollectionSize

	// The outline.
	OutlineEmpty
	OutlineStep
	OutlineExercise
	OutlineHere

	// The lesson pane.
	LessonNone
	LessonTask
	LessonCheck
	LessonChecking
	LessonCheckError
	LessonPassed
	LessonPassedBefore
	LessonNotYet
	LessonDone
	LessonNotChecked
	LessonHintN
	LessonMoreHints
	LessonSolution
	LessonSolutionKey
	LessonWhy
	LessonCopyHint
	LessonNextHint
	ConfirmSolution
	ConfirmResetExercise
	ConfirmResetLesson
	ConfirmYesNo

	// Start-up (printed before the app starts).
	StartLocked
	StartContentError
	StartSandboxError

	numIDs
)
