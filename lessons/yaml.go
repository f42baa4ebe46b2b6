package lessons

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlLineRE finds the line number in a YAML parser error.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError reports a YAML syntax error, with its line moved by offset
// (the file line of the YAML text's first line, minus one).
func (p *parser) yamlError(err error, offset int, fallbackLine int) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		p.errs.add(p.file, n+offset, "format.yaml", m[2])
		return
	}
	p.errs.add(p.file, fallbackLine, "format.yaml", strings.TrimPrefix(msg, "yaml: "))
}

// frontMatter reads the front matter and returns the index of the first
// line after it.
func (p *parser) frontMatter(lines []string) int {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		p.errs.add(p.file, 1, "format.front_missing")
		return 0
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		p.errs.add(p.file, 1, "format.front_unclosed")
		return len(lines)
	}
	want := lessonID(p.file)
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &doc); err != nil {
		p.yamlError(err, 1, 1)
		return end + 1
	}
	fields := map[string]string{}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		p.errs.add(p.file, 1, "format.front_fields")
		return end + 1
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		ln := k.Line + 1
		switch k.Value {
		case "id", "title", "summary":
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				p.errs.add(p.file, ln, "format.front_value", k.Value)
				continue
			}
			fields[k.Value] = strings.TrimSpace(v.Value)
		default:
			p.errs.add(p.file, ln, "format.front_unknown", k.Value)
		}
	}
	for _, f := range []string{"id", "title", "summary"} {
		if _, ok := fields[f]; !ok {
			p.errs.add(p.file, 1, "format.front_required", f)
		}
	}
	l := p.lesson
	l.ID, l.Title, l.Summary = fields["id"], fields["title"], fields["summary"]
	switch {
	case l.ID == "":
		l.ID = want
	case l.ID != want:
		p.errs.add(p.file, 2, "format.front_id_file", l.ID, want)
	case !lessonIDRE.MatchString(l.ID):
		p.errs.add(p.file, 2, "format.front_id_form", l.ID)
	}
	if len(l.ID) >= 2 {
		l.Keyspace = "lesson" + l.ID[:2]
	}
	return end + 1
}

// checkKinds lists the check kinds, in the order content/README.md
// documents them.
var checkKinds = []string{"last", "rows", "error", "schema", "trace", "distribution", "patterns"}

func isCheckKind(s string) bool {
	for _, k := range checkKinds {
		if k == s {
			return true
		}
	}
	return false
}

// parseChecks reads the YAML list of a {check} part whose first line is
// file line first.
func (p *parser) parseChecks(src string, first int) []Check {
	offset := first - 1
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		p.yamlError(err, offset, p.partLine)
		return nil
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) == 0 {
		p.errs.add(p.file, first, "format.checks_list")
		return nil
	}
	var checks []Check
	for _, n := range doc.Content[0].Content {
		c, ok := p.parseCheck(n, offset)
		if ok {
			checks = append(checks, c)
		}
	}
	return checks
}

// parseCheck reads one list item of a {check} part.
func (p *parser) parseCheck(n *yaml.Node, offset int) (Check, bool) {
	ln := n.Line + offset
	if n.Kind != yaml.MappingNode {
		p.errs.add(p.file, ln, "format.check_item")
		return Check{}, false
	}
	c := Check{Line: ln}
	var spec *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Value == "message":
			if v.Kind != yaml.ScalarNode {
				p.errs.add(p.file, k.Line+offset, "format.check_message")
				continue
			}
			c.Message = strings.TrimSpace(v.Value)
		case isCheckKind(k.Value):
			if c.Kind != "" {
				p.errs.add(p.file, k.Line+offset, "format.check_two_kinds", c.Kind, k.Value)
				return Check{}, false
			}
			c.Kind, spec = k.Value, v
		default:
			p.errs.add(p.file, k.Line+offset, "format.check_kind", k.Value, strings.Join(checkKinds, ", "))
			return Check{}, false
		}
	}
	if c.Kind == "" {
		p.errs.add(p.file, ln, "format.check_no_kind", strings.Join(checkKinds, ", "))
		return Check{}, false
	}
	c.Spec = map[string]any{}
	if spec.Kind != yaml.MappingNode && !(spec.Kind == yaml.ScalarNode && spec.Tag == "!!null") {
		p.errs.add(p.file, spec.Line+offset, "format.check_spec", c.Kind)
		return Check{}, false
	}
	fieldLines := map[string]int{}
	for i := 0; i+1 < len(spec.Content); i += 2 {
		k, v := spec.Content[i], spec.Content[i+1]
		if _, dup := fieldLines[k.Value]; dup {
			p.errs.add(p.file, k.Line+offset, "format.check_field_duplicate", k.Value)
			continue
		}
		fieldLines[k.Value] = k.Line + offset
		raw := (c.Kind == "last" && k.Value == "rows") || (c.Kind == "rows" && k.Value == "expect")
		if k.Value == "message" && v.Kind == yaml.ScalarNode {
			c.Message = strings.TrimSpace(v.Value)
			continue
		}
		c.Spec[k.Value] = yamlValue(v, raw)
	}
	if _, err := compile(c); err != nil {
		line := ln
		if l, ok := fieldLines[err.field]; ok {
			line = l
		}
		p.errs.add(p.file, line, err.key, err.args...)
		return Check{}, false
	}
	return c, true
}

// yamlValue converts a YAML node to plain Go values: maps, slices, and
// for scalars nil, bool, int, float64 or string. With raw set, scalars
// stay as the text written (nil for null), so that row values compare by
// their string form.
func yamlValue(n *yaml.Node, raw bool) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return yamlValue(n.Content[0], raw)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		return yamlValue(n.Alias, raw)
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = yamlValue(c, raw)
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = yamlValue(n.Content[i+1], raw)
		}
		return out
	}
	if n.Tag == "!!null" {
		return nil
	}
	if raw {
		return n.Value
	}
	switch n.Tag {
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err == nil {
			return v
		}
	}
	return n.Value
}
