package i18n

import (
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"

	"github.com/learnkv/learnkv/lessons"
)

// notes maps the IDs of the sandbox's own messages (sandbox.Note.ID), and
// of the app's notes in their place, to their UI strings.
var notes = map[string]ID{
	"distribution.shown":  ResultsDistShown,
	"node.down":           NoteNodeDown,
	"node.up":             NoteNodeUp,
	"node.up.replayed":    NoteNodeUpReplayed,
	"node.up.missed":      NoteNodeUpMissed,
	"nodes.resized":       NoteNodesResized,
	"nodes.status":        NoteNodesStatus,
	"err.nodes.count":     ErrNodesCount,
	"err.node.usage":      ErrNodeUsage,
	"err.node.none":       ErrNodeNone,
	"err.load.usage":      ErrLoadUsage,
	"err.load.rows":       ErrLoadRows,
	"err.command":         ErrCommand,
	"err.keys.usage":      ErrKeysUsage,
	"err.dataset.unknown": ErrDatasetUnknown,
	"err.dataset.max":     ErrDatasetMax,
	"err.dataset.type":    ErrDatasetType,
	"err.dataset.key":     ErrDatasetKey,
	"dataset.loaded":      NoteDatasetLoaded,
	"switch.is":           NoteSwitchIs,
	"switch.set":          NoteSwitchSet,
	"switch.already":      NoteSwitchAlready,
	"consistency.current": NoteConsistencyCurrent,
	"consistency.set":     NoteConsistencySet,
	"serial.current":      NoteSerialCurrent,
	"serial.set":          NoteSerialSet,
	"paging.size":         NotePageSize,
}

// switches names the sandbox's and cqlsh's ON/OFF switches, which the
// switch notes take as their first argument.
var switches = map[string]ID{
	"TRACING":        SwitchTracing,
	"PAGING":         SwitchPaging,
	"HINTED HANDOFF": SwitchHintedHandoff,
	"READ REPAIR":    SwitchReadRepair,
	"TRACE KEYS":     SwitchTraceKeys,
}

// Note returns a message of the sandbox, given as its note's ID and
// arguments (see sandbox.Note), in lang. It reports false for an ID it
// does not know or arguments that do not fit the text; the caller then
// shows the sandbox's own English message.
func Note(lang lessons.Lang, id string, args []any) (string, bool) {
	tid, ok := notes[id]
	if !ok {
		return "", false
	}
	if strings.HasPrefix(id, "switch.") && len(args) > 0 {
		if name, ok := args[0].(string); ok {
			if sid, ok := switches[name]; ok {
				args = append([]any{T(lang, sid)}, args[1:]...)
			}
		}
	}
	if id == "nodes.status" && lang == lessons.Japanese {
		args = append([]any(nil), args...)
		for i, a := range args {
			if s, ok := a.(string); ok {
				args[i] = strings.ToUpper(s) // ON, OFF as the switches say
			}
		}
	}
	text := F(lang, tid, args...)
	if strings.Contains(text, "%!") {
		return "", false // missing, extra or mistyped arguments
	}
	if lang == lessons.Japanese {
		// A switch's name ends in a full-width bracket, which needs no
		// space after it.
		text = strings.ReplaceAll(text, "） ", "）")
	}
	return text, true
}

// CommandError returns the message of a command's own error (a sandbox or
// cqlsh command, see cqlerr.ShellNote) in lang, or its English message.
func CommandError(lang lessons.Lang, e *cqlerr.Error) string {
	if e.NoteID != "" {
		if text, ok := Note(lang, e.NoteID, e.NoteArgs); ok {
			return text
		}
	}
	return e.Message
}
