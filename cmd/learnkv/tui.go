package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"github.com/learnkv/learnkv/content"
	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/store"
	"github.com/learnkv/learnkv/ui"
	"github.com/learnkv/learnkv/ui/i18n"
)

// tuiFlags are the flags of the terminal app.
type tuiFlags struct {
	lang    string
	data    string
	memory  bool
	content string
}

// runTUI starts the terminal app (learnkv without a subcommand).
func runTUI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("learnkv", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var f tuiFlags
	fset.StringVar(&f.lang, "lang", "", "language: `en` or ja (default: from LC_ALL, LC_MESSAGES or LANG)")
	fset.StringVar(&f.data, "data", "", "data `directory` for the sandbox and progress (default "+sandbox.DefaultDir()+")")
	fset.BoolVar(&f.memory, "memory", false, "use a throwaway in-memory sandbox (progress is not saved)")
	fset.StringVar(&f.content, "content", "", "read the lessons from `DIR` (holding en/ and ja/) instead of the built-in ones")
	fset.Usage = func() {
		fmt.Fprint(stderr, usage)
		fmt.Fprintln(stderr, "\nFlags of the terminal app:")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "learnkv: unknown command %q\n\n", fset.Arg(0))
		fset.Usage()
		return 2
	}
	if f.lang != "" {
		if _, ok := lessons.ParseLang(f.lang); !ok {
			fmt.Fprintf(stderr, "learnkv: unknown --lang %q (use en or ja)\n", f.lang)
			return 2
		}
	}

	// go-runewidth (used by the editor) would count ambiguous-width
	// symbols as two cells under a Japanese locale, lipgloss as one.
	runewidth.DefaultCondition.EastAsianWidth = false
	runewidth.EastAsianWidth = false

	lang := lessons.DetectLang(f.lang, os.Getenv)
	app, cleanup, code := prepareApp(f, lang, stderr)
	if app == nil {
		return code
	}
	defer cleanup()

	opts := []tea.ProgramOption{}
	if in, ok := stdin.(*os.File); ok {
		opts = append(opts, tea.WithInput(in))
	}
	if out, ok := stdout.(*os.File); ok {
		opts = append(opts, tea.WithOutput(out))
	}
	if _, err := tea.NewProgram(app, opts...).Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintf(stderr, "learnkv: %v\n", err)
		return 1
	}
	return 0
}

// prepareApp opens everything the app needs. On failure it prints why,
// in both languages, and returns a nil app and the exit code.
func prepareApp(f tuiFlags, lang lessons.Lang, stderr io.Writer) (*ui.App, func(), int) {
	both := func(id i18n.ID, arg string) {
		first, second := lang, i18n.Other(lang)
		fmt.Fprintf(stderr, "learnkv: %s\n", i18n.F(first, id, arg))
		fmt.Fprintf(stderr, "learnkv: %s\n", i18n.F(second, id, arg))
	}

	var fsys fs.FS = content.FS
	if f.content != "" {
		fsys = os.DirFS(f.content)
	}
	pack, err := lessons.LoadPack(fsys)
	if len(pack.Lessons(lessons.English)) == 0 && len(pack.Lessons(lessons.Japanese)) == 0 {
		msg := "no lessons found"
		if err != nil {
			msg = err.Error()
		}
		both(i18n.StartContentError, msg)
		return nil, nil, 1
	}
	// notice is shown on the status line at start, in the app's language
	// (which the learner can switch).
	var notice func(lessons.Lang) string
	if err != nil {
		notice = noticeOf(i18n.StartContentError, firstLine(err.Error()))
	}

	sb, err := sandbox.Open(sandbox.Options{Dir: f.data, Memory: f.memory})
	if errors.Is(err, store.ErrLocked) {
		dir := f.data
		if dir == "" {
			dir = sandbox.DefaultDir()
		}
		both(i18n.StartLocked, dir)
		return nil, nil, 1
	}
	if err != nil {
		both(i18n.StartSandboxError, err.Error())
		return nil, nil, 1
	}

	path := ""
	switch {
	case f.memory:
	case f.data != "":
		path = filepath.Join(f.data, "progress.json")
	default:
		path = lessons.DefaultProgressPath()
	}
	prog := lessons.NewProgress()
	if path != "" {
		var perr error
		prog, perr = lessons.LoadProgress(path)
		if perr != nil {
			notice = noticeOf(i18n.NoticeProgressCorrupt, firstLine(perr.Error()))
		}
	}
	if f.lang == "" && prog.Language != "" {
		lang = prog.Language // the learner's own choice in the app
	}
	app := ui.New(ui.Options{Sandbox: sb, Pack: pack, Progress: prog, ProgressPath: path, Lang: lang, Notice: notice})
	cleanup := func() {
		if err := sb.Close(); err != nil {
			fmt.Fprintf(stderr, "learnkv: %v\n", err)
		}
	}
	return app, cleanup, 0
}

// noticeOf returns a status line notice: the UI string id with arg, in
// the language asked for.
func noticeOf(id i18n.ID, arg string) func(lessons.Lang) string {
	return func(lang lessons.Lang) string { return i18n.F(lang, id, arg) }
}

func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}
