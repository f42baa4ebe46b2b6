// Package i18n holds every string the terminal app shows, in English and
// Japanese, in one typed table. A string is looked up by its ID:
//
//	i18n.T(lang, i18n.TabResults)            // "Results" or "結果"
//	i18n.F(lang, i18n.ResultsRowCount, 3)    // "(3 rows)" or "（3 行）"
//
// A test checks that every ID has both texts and that both use the same
// fmt verbs, so a missing or mistranslated format can not reach a learner.
//
// English counts agree with their number through plural markers, which F
// resolves before formatting: {s} (or {one|other}) picks its form by the
// number formatted by the verb just before it, so "%d row{s}" gives
// "1 row" and "2 rows". Japanese needs none. A text formatted with F must
// therefore not use { } for anything else.
package i18n

import (
	"fmt"
	"strconv"
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
	return format(table[id].text(lang), args)
}

// format resolves a text's plural markers, then formats it.
func format(f string, args []any) string {
	if strings.IndexByte(f, '{') >= 0 {
		f = plurals(f, args)
	}
	return fmt.Sprintf(f, args...)
}

// plurals replaces each plural marker of a format ({s}, {one|other}) by
// the form that agrees with the argument of the verb before it.
func plurals(f string, args []any) string {
	var b strings.Builder
	next, last := 0, -1
	for i := 0; i < len(f); i++ {
		switch c := f[i]; c {
		case '%':
			j := i + 1
			for ; j < len(f) && !isVerb(f[j]); j++ {
				if f[j] == '[' {
					end := strings.IndexByte(f[j:], ']')
					if end < 0 {
						break
					}
					if n, err := strconv.Atoi(f[j+1 : j+end]); err == nil {
						next = n - 1
					}
					j += end
				}
			}
			if j < len(f) && f[j] != '%' {
				last = next
				next++
			}
			b.WriteString(f[i:min(j+1, len(f))])
			i = j
		case '{':
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				b.WriteString(f[i:])
				return b.String()
			}
			one, other, ok := strings.Cut(f[i+1:i+end], "|")
			if !ok {
				one, other = "", one
			}
			if last >= 0 && last < len(args) && isOne(args[last]) {
				b.WriteString(one)
			} else {
				b.WriteString(other)
			}
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isVerb reports whether c ends a fmt verb.
func isVerb(c byte) bool { return c == '%' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isOne reports whether a formatted number takes the singular in English.
func isOne(v any) bool {
	switch n := v.(type) {
	case int:
		return n == 1 || n == -1
	case int32:
		return n == 1 || n == -1
	case int64:
		return n == 1 || n == -1
	case uint:
		return n == 1
	}
	return false
}

// Join joins two texts of a language with a space, except next to a
// full-width bracket, which Japanese sets without one.
func Join(a, b string) string {
	if a == "" || b == "" || strings.HasPrefix(b, "（") || strings.HasPrefix(b, "「") ||
		strings.HasSuffix(a, "）") || strings.HasSuffix(a, "」") {
		return a + b
	}
	return a + " " + b
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
	StatusCancelHint
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
	NoticeQueued
	NoticeResetExercise
	NoticeResetLesson
	NoticeStartError
	NoticeProgressError
	NoticeProgressCorrupt
	NoticeWelcome
	NoticeNoExample
	NoticeStatements
	NoticeFailed

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
	HelpRuns
	HelpVertical
	HelpTableView

	// The editor.
	EditorPlaceholder
	EditorBatchTitle

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
	ResultsRunning
	ResultsLastOf
	ResultsRunOf
	ResultsFailed
	ResultsMoreFailed
	ResultsExpandedMore
	ResultsExpandedHint
	ResultsDistShown
	ErrHintSyntax
	ErrHintUnavailable
	ErrHintUnavailableLevel
	ErrHintUnavailableLowest
	ErrHintUnavailableSerial
	ErrHintFiltering
	ErrHintPartitionKey
	ErrHintKeyInsert
	ErrHintKeyWrite
	ErrHintIndex

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
	TraceRowsCondition
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
	DistNoTable
	DistSummary
	DistSkew
	DistNoRows
	AppHelp
	DistPrimaryNote
	DistPrimaryOnly
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
	LessonCopyHintMany
	LessonNextHint
	ConfirmSolution
	ConfirmResetExercise
	ConfirmResetLesson
	ConfirmYesNo

	// Start-up (printed before the app starts).
	StartLocked
	StartContentError
	StartSandboxError

	// The sandbox's own messages (see Note), and the names of its
	// switches.
	NoteNodeDown
	NoteNodeUp
	NoteNodeUpReplayed
	NoteNodeUpMissed
	NoteNodesResized
	NoteNodesStatus
	ErrNodesCount
	ErrNodeUsage
	ErrNodeNone
	ErrLoadUsage
	ErrLoadRows
	ErrCommand
	ErrKeysUsage
	ErrDatasetUnknown
	ErrDatasetMax
	ErrDatasetType
	ErrDatasetKey
	NoteDatasetLoaded
	NoteSwitchIs
	NoteSwitchSet
	NoteSwitchAlready
	NoteConsistencyCurrent
	NoteConsistencySet
	NoteSerialCurrent
	NoteSerialSet
	NotePageSize
	SwitchTracing
	SwitchPaging
	SwitchHintedHandoff
	SwitchReadRepair
	SwitchTraceKeys

	numIDs
)
