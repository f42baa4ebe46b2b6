package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"text/tabwriter"
	"time"

	"github.com/learnkv/learnkv/content"
	"github.com/learnkv/learnkv/lessons"
)

const lessonsUsage = `Usage:
  learnkv lessons check [--lang en|ja] [DIR]
        validate a lesson pack: format, en/ja parity, every exercise fails
        from its start state and passes after its solution, clean rendering
        at widths 40, 60, 80 and 120 (DIR holds en/ and ja/; default: the
        embedded pack). Problems are printed as file:line: message.
  learnkv lessons list [--lang en|ja] [--content DIR]
        list the lessons: id, number of exercises, title

The language defaults to LC_ALL, LC_MESSAGES or LANG (ja* is Japanese).
`

// runLessons is the "learnkv lessons" subcommand.
func runLessons(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, lessonsUsage)
		return 2
	}
	switch args[0] {
	case "check":
		return lessonsCheck(args[1:], stdout, stderr)
	case "list":
		return lessonsList(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, lessonsUsage)
		return 0
	}
	fmt.Fprintf(stderr, "learnkv lessons: unknown command %q\n\n%s", args[0], lessonsUsage)
	return 2
}

// lessonsFlags parses the flags common to the lessons subcommands.
func lessonsFlags(name string, args []string, stderr io.Writer, withContent bool) (*flag.FlagSet, lessons.Lang, string, int) {
	fset := flag.NewFlagSet("lessons "+name, flag.ContinueOnError)
	fset.SetOutput(stderr)
	langFlag := fset.String("lang", "", "message `language`: en or ja (default: from the locale)")
	var dir *string
	if withContent {
		dir = fset.String("content", "", "read the lesson pack from `DIR` (holding en/ and ja/) instead of the embedded one")
	}
	fset.Usage = func() { fmt.Fprint(stderr, lessonsUsage) }
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, "", "", 0
		}
		return nil, "", "", 2
	}
	if *langFlag != "" {
		if _, ok := lessons.ParseLang(*langFlag); !ok {
			fmt.Fprintf(stderr, "learnkv lessons %s: unknown --lang %q (use en or ja)\n", name, *langFlag)
			return nil, "", "", 2
		}
	}
	d := ""
	if dir != nil {
		d = *dir
	}
	return fset, lessons.DetectLang(*langFlag, os.Getenv), d, -1
}

// packFS returns the pack in dir, or the embedded one, and the prefix
// that makes its file names readable ("content" for the embedded pack).
func packFS(dir string) (fs.FS, string, error) {
	if dir == "" {
		return content.FS, "content", nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", err
	}
	if !st.IsDir() {
		return nil, "", fmt.Errorf("%s is not a directory", dir)
	}
	return os.DirFS(dir), dir, nil
}

func lessonsCheck(args []string, stdout, stderr io.Writer) int {
	fset, lang, _, code := lessonsFlags("check", args, stderr, false)
	if code >= 0 {
		return code
	}
	if fset.NArg() > 1 {
		fmt.Fprint(stderr, lessonsUsage)
		return 2
	}
	fsys, prefix, err := packFS(fset.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "learnkv lessons check: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	problems := lessons.ValidateIn(ctx, fsys, lang)
	for _, p := range problems {
		p.File = path.Join(prefix, p.File)
		fmt.Fprintln(stderr, p.String())
	}
	if len(problems) > 0 {
		fmt.Fprintln(stderr, lessons.TranslateCount(lang, "cli.problems", len(problems)))
		return 1
	}
	ls, _ := lessons.Load(fsys, lessons.English)
	s := lessons.Count(ls)
	fmt.Fprintln(stdout, lessons.Translate(lang, "cli.ok", s.Lessons, s.Exercises, s.Checks,
		time.Since(start).Round(10*time.Millisecond)))
	return 0
}

func lessonsList(args []string, stdout, stderr io.Writer) int {
	fset, lang, dir, code := lessonsFlags("list", args, stderr, true)
	if code >= 0 {
		return code
	}
	if fset.NArg() > 0 {
		fmt.Fprint(stderr, lessonsUsage)
		return 2
	}
	fsys, _, err := packFS(dir)
	if err != nil {
		fmt.Fprintf(stderr, "learnkv lessons list: %v\n", err)
		return 1
	}
	pack, err := lessons.LoadPack(fsys)
	status := 0
	if err != nil {
		fmt.Fprintf(stderr, "learnkv lessons list:\n%v\n", err)
		status = 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, l := range pack.Lessons(lang) {
		n := len(l.Exercises())
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.ID, lessons.Translate(lang, "cli.exercises", n), l.Title)
	}
	if err := tw.Flush(); err != nil {
		return 1
	}
	return status
}
