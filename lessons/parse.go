package lessons

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

var (
	// atxHeadingRE matches a Markdown ATX heading: up to three spaces, one
	// to six #, then the text (closing #s are dropped by atxHeading).
	atxHeadingRE = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	// tagRE splits "Title {tag}" into the title and the tag.
	tagRE = regexp.MustCompile(`^(.*?)[ \t]*\{([^{}]*)\}$`)
	// itemIDRE is the form of step and exercise ids.
	itemIDRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	// lessonIDRE is the form of lesson ids: a two-digit number, a slug.
	lessonIDRE = regexp.MustCompile(`^[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

// partTags are the parts of an exercise, in the order the format lists
// them.
var partTags = []string{"task", "setup", "check", "hint", "solution", "why"}

func isPartTag(tag string) bool {
	for _, t := range partTags {
		if t == tag {
			return true
		}
	}
	return false
}

// Load reads the lessons of one language from fsys: every file matching
// <lang>/*.md, in file name order. It gathers every format error of every
// file into an ErrorList; the lessons that parsed cleanly are returned
// even then, so that an app can still offer them.
func Load(fsys fs.FS, lang Lang) ([]*Lesson, error) {
	names, err := fs.Glob(fsys, string(lang)+"/*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var (
		out  []*Lesson
		errs ErrorList
	)
	byKeyspace := map[string]string{}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.add(name, 0, "format.read", err.Error())
			continue
		}
		l, lerrs := parseLesson(name, src)
		errs = append(errs, lerrs...)
		if l == nil || len(lerrs) > 0 {
			continue
		}
		if other, ok := byKeyspace[l.Keyspace]; ok {
			errs.add(name, 1, "format.keyspace_shared", other, l.ID, l.Keyspace)
			continue
		}
		byKeyspace[l.Keyspace] = l.ID
		out = append(out, l)
	}
	return out, errs.Err()
}

// ParseLesson parses one lesson file; name is its path, used for the
// lesson id (the file name without .md) and in messages. The error, if
// any, is an ErrorList.
func ParseLesson(name string, src []byte) (*Lesson, error) {
	l, errs := parseLesson(name, src)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// parser holds the state of reading one lesson file.
type parser struct {
	file   string
	errs   ErrorList
	lesson *Lesson
	// item is the current step or exercise; skip is set when its heading
	// was malformed (its content is then ignored).
	item *Item
	skip bool
	// part is the current exercise part ("" before the first one) and
	// partLine its heading line.
	part     string
	partLine int
	// buf holds the lines of the current step body or part; bufLine is
	// the line number of buf[0].
	buf     []string
	bufLine int
	// strayReported is set once text outside any part has been reported
	// for the current item.
	strayReported bool
	ids           map[string]int
}

func parseLesson(file string, src []byte) (*Lesson, ErrorList) {
	p := &parser{file: file, ids: map[string]int{}}
	if !utf8.Valid(src) {
		p.errs.add(file, 0, "format.utf8")
		return nil, p.errs
	}
	text := strings.TrimPrefix(string(src), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	p.lesson = &Lesson{File: file}
	start := p.frontMatter(lines)
	var open *fence
	for i := start; i < len(lines); i++ {
		ln, line := i+1, lines[i]
		if open != nil {
			if open.closedBy(line) {
				open = nil
			}
			p.text(ln, line)
			continue
		}
		if f, ok := openFence(line); ok {
			f.line = ln
			open = &f
			p.text(ln, line)
			continue
		}
		if level, title, ok := atxHeading(line); ok && level <= 2 {
			if level == 1 {
				p.startItem(ln, title)
				continue
			}
			if p.heading2(ln, title) {
				continue
			}
		}
		p.text(ln, line)
	}
	if open != nil {
		p.errs.add(file, open.line, "format.fence_unclosed")
	}
	p.finishItem()
	if len(p.lesson.Items) == 0 && len(p.errs) == 0 {
		p.errs.add(file, start+1, "format.no_items")
	}
	return p.lesson, p.errs
}

// atxHeading reports whether line is an ATX heading, with its level and
// text.
func atxHeading(line string) (level int, text string, ok bool) {
	m := atxHeadingRE.FindStringSubmatch(line)
	if m == nil {
		return 0, "", false
	}
	text = m[2]
	if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		text = strings.TrimRight(t, " \t")
	}
	return len(m[1]), text, true
}

// splitTag splits "Title {tag}" into its title and tag; ok is false when
// the heading has no tag.
func splitTag(heading string) (title, tag string, ok bool) {
	m := tagRE.FindStringSubmatch(heading)
	if m == nil {
		return strings.TrimSpace(heading), "", false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
}

// fence is an open fenced code block.
type fence struct {
	char byte
	n    int
	info string
	line int
}

// openFence reports whether line opens a fenced code block.
func openFence(line string) (fence, bool) {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return fence{}, false
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return fence{}, false
	}
	info := strings.TrimSpace(s[n:])
	if s[0] == '`' && strings.Contains(info, "`") {
		return fence{}, false
	}
	return fence{char: s[0], n: n, info: info}, true
}

// closedBy reports whether line closes the fence.
func (f fence) closedBy(line string) bool {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 {
		return false
	}
	n := 0
	for n < len(s) && s[n] == f.char {
		n++
	}
	return n >= f.n && strings.TrimSpace(s[n:]) == ""
}

// language returns the first word of the fence's info string, lower-cased.
func (f fence) language() string {
	if i := strings.IndexAny(f.info, " \t"); i >= 0 {
		return strings.ToLower(f.info[:i])
	}
	return strings.ToLower(f.info)
}

// text handles a line that is not a structural heading.
func (p *parser) text(ln int, line string) {
	switch {
	case p.item == nil:
		if strings.TrimSpace(line) != "" && !p.strayReported {
			p.errs.add(p.file, ln, "format.text_before_items")
			p.strayReported = true
		}
		return
	case p.skip:
		return
	case p.item.Kind == ExerciseItem && p.part == "":
		if strings.TrimSpace(line) != "" && !p.strayReported {
			p.errs.add(p.file, ln, "format.text_before_parts", p.item.ID)
			p.strayReported = true
		}
		return
	}
	p.buf = append(p.buf, line)
}

// startItem handles a level-1 heading.
func (p *parser) startItem(ln int, heading string) {
	p.finishItem()
	p.strayReported = false
	p.skip = true
	p.item = &Item{Line: ln}
	title, tag, ok := splitTag(heading)
	kind, id, found := strings.Cut(tag, "=")
	kind, id = strings.TrimSpace(kind), strings.TrimSpace(id)
	switch {
	case !ok || !found || (kind != "step" && kind != "exercise"):
		p.errs.add(p.file, ln, "format.item_tag", heading)
		return
	case !itemIDRE.MatchString(id):
		p.errs.add(p.file, ln, "format.item_id", id)
		return
	case title == "":
		p.errs.add(p.file, ln, "format.item_title", id)
	}
	if prev, dup := p.ids[id]; dup {
		p.errs.add(p.file, ln, "format.item_duplicate", id, prev)
		return
	}
	p.ids[id] = ln
	p.skip = false
	p.item.ID, p.item.Title = id, title
	if kind == "exercise" {
		p.item.Kind = ExerciseItem
		p.item.Exercise = &Exercise{}
	}
	p.buf, p.bufLine = nil, ln+1
}

// heading2 handles a level-2 heading; it reports false when the heading is
// ordinary text of a step.
func (p *parser) heading2(ln int, heading string) bool {
	if p.item == nil || p.skip {
		return false
	}
	_, tag, ok := splitTag(heading)
	if p.item.Kind == StepItem {
		if ok && isPartTag(tag) {
			p.errs.add(p.file, ln, "format.part_in_step", tag, p.item.ID)
			return true
		}
		return false
	}
	if !ok || !isPartTag(tag) {
		if ok {
			p.errs.add(p.file, ln, "format.part_unknown", tag)
		} else {
			p.errs.add(p.file, ln, "format.part_untagged", heading)
		}
		p.discardPart()
		return true
	}
	p.finishPart()
	ex := p.item.Exercise
	lines := map[string]*int{"task": &ex.Lines.Task, "setup": &ex.Lines.Setup, "check": &ex.Lines.Check,
		"solution": &ex.Lines.Solution, "why": &ex.Lines.Why}
	if tag == "hint" {
		ex.Lines.Hints = append(ex.Lines.Hints, ln)
	} else if prev := *lines[tag]; prev != 0 {
		p.errs.add(p.file, ln, "format.part_duplicate", tag, prev)
		p.discardPart()
		return true
	} else {
		*lines[tag] = ln
	}
	p.part, p.partLine = tag, ln
	p.buf, p.bufLine = nil, ln+1
	return true
}

// discardPart ends the current part and ignores the text up to the next
// part heading, which belongs to a heading already reported as wrong.
func (p *parser) discardPart() {
	p.finishPart()
	p.part = ""
	p.strayReported = true
}

// finishPart stores the current part into the exercise.
func (p *parser) finishPart() {
	if p.item == nil || p.skip || p.item.Kind != ExerciseItem || p.part == "" {
		return
	}
	ex := p.item.Exercise
	body := trimBlankLines(strings.Join(p.buf, "\n"))
	switch p.part {
	case "task", "hint", "why":
		if body == "" {
			p.errs.add(p.file, p.partLine, "format.part_empty", p.part)
		}
		switch p.part {
		case "task":
			ex.Task = body
		case "why":
			ex.Why = body
		default:
			ex.Hints = append(ex.Hints, body)
		}
	case "setup":
		ex.Setup, _ = p.fenced("cql")
	case "solution":
		ex.Solution, _ = p.fenced("cql")
	case "check":
		if src, line := p.fenced("yaml"); line > 0 {
			ex.Checks = p.parseChecks(src, line)
		}
	}
	p.part = ""
}

// fenced returns the content of the single fenced block of language lang
// that the current part must consist of, and the line of its first line
// (0 when there is none).
func (p *parser) fenced(lang string) (string, int) {
	var (
		code  []string
		start int
		open  *fence
		seen  bool
		bad   bool
	)
	for i, line := range p.buf {
		ln := p.bufLine + i
		switch {
		case open != nil:
			if open.closedBy(line) {
				open = nil
				continue
			}
			code = append(code, line)
		case strings.TrimSpace(line) == "":
		default:
			f, ok := openFence(line)
			if !ok || seen || f.language() != lang {
				if !bad {
					p.errs.add(p.file, ln, "format.part_fence", p.part, lang)
					bad = true
				}
				continue
			}
			seen, start = true, ln+1
			open = &f
		}
	}
	if !seen && !bad {
		p.errs.add(p.file, p.partLine, "format.part_fence", p.part, lang)
	}
	if bad || !seen {
		return "", 0
	}
	src := strings.Join(code, "\n")
	if strings.TrimSpace(src) == "" {
		p.errs.add(p.file, p.partLine, "format.part_empty", p.part)
		return "", 0
	}
	return src, start
}

// finishItem completes the current step or exercise.
func (p *parser) finishItem() {
	if p.item == nil || p.skip {
		return
	}
	p.finishPart()
	it := p.item
	if it.Kind == StepItem {
		it.Body = trimBlankLines(strings.Join(p.buf, "\n"))
		if it.Body == "" {
			p.errs.add(p.file, it.Line, "format.step_empty", it.ID)
		}
	} else {
		ex := it.Exercise
		for _, req := range []struct {
			tag  string
			line int
		}{{"task", ex.Lines.Task}, {"check", ex.Lines.Check}, {"hint", len(ex.Lines.Hints)},
			{"solution", ex.Lines.Solution}, {"why", ex.Lines.Why}} {
			if req.line == 0 {
				p.errs.add(p.file, it.Line, "format.part_missing", it.ID, req.tag)
			}
		}
	}
	p.lesson.Items = append(p.lesson.Items, it)
	p.item, p.buf = nil, nil
}

// trimBlankLines removes blank lines at both ends of s and trailing white
// space, keeping the indentation of the first line.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// lessonID returns the lesson id a file name implies.
func lessonID(file string) string {
	return strings.TrimSuffix(path.Base(file), ".md")
}
