package lessons

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"

	glamouransi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Hanging indents for list items and definitions.
//
// glamour writes the bullet or number of a list item and then the item's
// text, as it stands, into the block of the list, and wraps that block as
// a whole. So the soft line breaks of the source stay line breaks, and a
// wrapped line starts under the bullet rather than under the text. The
// text of a definition fares the same.
//
// itemHanger lays such text out itself before glamour renders the
// document: it renders the text with glamour as a paragraph of its own
// (soft line breaks become spaces, as in any paragraph), as wide as the
// item's marker leaves, in the style the text has in the list, then
// indents every line but the first by the marker's width. The result
// replaces the text in the document as one raw text node: glamour writes
// it after the marker, and as every line already fits the list, its
// wrapping leaves the lines alone and only adds the list's margins, the
// blockquote bars around it and the padding.

// itemHanger replaces the text of list items and definitions in a parsed
// document by the text laid out with a hanging indent. The laid-out text
// is appended to the source: the source the document must then be
// rendered with is returned by finalSource.
type itemHanger struct {
	layout
	source []byte
	extra  []byte
	// renderers holds the renderers of item text, by width and by the
	// kinds of the blocks around the text, which decide its style.
	renderers map[string]renderer.Renderer
}

// finalSource returns the source the rewritten document renders from.
func (h *itemHanger) finalSource() []byte {
	if len(h.extra) == 0 {
		return h.source
	}
	return append(h.source[:len(h.source):len(h.source)], h.extra...)
}

// document lays out the text of every list item and definition in doc.
func (h *itemHanger) document(doc ast.Node) error {
	var blocks []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			if _, ok := h.hangingIndent(n); ok {
				blocks = append(blocks, n)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, extast.KindTable, ast.KindHeading:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, b := range blocks {
		if err := h.hang(b); err != nil {
			return err
		}
	}
	return nil
}

// hang lays out text block b with a hanging indent and replaces it by a
// text block holding the result (after the task box of a task item).
func (h *itemHanger) hang(b ast.Node) error {
	indent, _ := h.hangingIndent(b)
	container := b.Parent()
	replacement := ast.NewTextBlock()
	if box, ok := b.FirstChild().(*extast.TaskCheckBox); ok {
		// glamour draws the box when it is the first child of the item's
		// first block.
		b.RemoveChild(b, box)
		replacement.AppendChild(replacement, box)
	}
	lines, err := h.renderText(b, h.blockWidth(b)-indent)
	if err != nil || len(lines) == 0 {
		if box := replacement.FirstChild(); box != nil {
			replacement.RemoveChild(replacement, box)
			if first := b.FirstChild(); first != nil {
				b.InsertBefore(b, first, box)
			} else {
				b.AppendChild(b, box)
			}
		}
		return err
	}
	pad := "\n" + strings.Repeat(" ", indent)
	var laid strings.Builder
	if prev := b.PreviousSibling(); prev != nil {
		// Only the first block of an item follows its marker. A later one
		// comes after a blank line, as paragraphs do. Text ends without a
		// line break; other blocks end with one, but a code block may leave
		// its indent on the next line, which then stays blank.
		if prev.Kind() == ast.KindParagraph || prev.Kind() == ast.KindTextBlock {
			laid.WriteString("\n")
		}
		laid.WriteString(pad)
	}
	laid.WriteString(strings.Join(lines, pad))
	// glamour unescapes HTML entities and Markdown escapes in text: escape
	// the laid-out text so that it comes out as it is.
	escaped := html.EscapeString(strings.ReplaceAll(laid.String(), `\`, `\\`))
	start := len(h.source) + len(h.extra)
	h.extra = append(h.extra, escaped...)
	replacement.AppendChild(replacement, ast.NewTextSegment(text.NewSegment(start, len(h.source)+len(h.extra))))
	container.ReplaceChild(container, b, replacement)
	return nil
}

// renderText renders the inline content of block b (but a task box) with
// glamour as a paragraph width cells wide, in the style the text has where
// b stands, and returns its lines without glamour's padding. If a line
// comes out wider (which glamour's wrapping should not allow), it returns
// no lines and leaves b as it was, to glamour.
func (h *itemHanger) renderText(b ast.Node, width int) ([]string, error) {
	para := ast.NewParagraph()
	moveChildren(para, b)
	if !para.HasChildren() {
		return nil, nil
	}
	doc := ast.NewDocument()
	doc.AppendChild(doc, para)
	var buf bytes.Buffer
	err := h.renderer(b, width).Render(&buf, h.source, doc)
	doc.RemoveChild(doc, para)
	if err != nil {
		moveChildren(b, para)
		return nil, err
	}
	out := restoreMarks.Replace(strings.TrimSuffix(buf.String(), "\n"))
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		lines[i] = trimPadding(line)
		if ansi.StringWidth(lines[i]) > width {
			moveChildren(b, para)
			return nil, nil
		}
	}
	return lines, nil
}

// moveChildren moves the children of from to the end of to.
func moveChildren(to, from ast.Node) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		from.RemoveChild(from, c)
		to.AppendChild(to, c)
		c = next
	}
}

// renderer returns a renderer of the text of block b as a paragraph width
// cells wide: a glamour renderer whose document has no margins and the
// style that the blocks around b give their text.
func (h *itemHanger) renderer(b ast.Node, width int) renderer.Renderer {
	st := h.styles
	style := st.Document.StylePrimitive
	key := strconv.Itoa(width) + ":"
	var around []ast.Node
	for n := b.Parent(); n != nil; n = n.Parent() {
		around = append(around, n)
	}
	for i := len(around) - 1; i >= 0; i-- {
		switch around[i].Kind() {
		case ast.KindBlockquote:
			style = inheritStyle(style, st.BlockQuote.StylePrimitive)
		case ast.KindList:
			style = inheritStyle(style, st.List.StylePrimitive)
		case extast.KindDefinitionList:
			style = inheritStyle(style, st.DefinitionList.StylePrimitive)
		default:
			continue
		}
		key += around[i].Kind().String() + ","
	}
	if r, ok := h.renderers[key]; ok {
		return r
	}
	st.Document = glamouransi.StyleBlock{StylePrimitive: style}
	st.Paragraph = glamouransi.StyleBlock{}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(
		glamouransi.NewRenderer(glamouransi.Options{WordWrap: width, Styles: st}), 1000)))
	if h.renderers == nil {
		h.renderers = map[string]renderer.Renderer{}
	}
	h.renderers[key] = r
	return r
}

// inheritStyle returns the text attributes (colours, bold, italic and so
// on) that a block styled child gives its text inside a block whose text
// has parent's: child's where it sets them, parent's elsewhere. Prefixes,
// suffixes and formats are not inherited.
func inheritStyle(parent, child glamouransi.StylePrimitive) glamouransi.StylePrimitive {
	pick := func(c, p *bool) *bool {
		if c != nil {
			return c
		}
		return p
	}
	s := glamouransi.StylePrimitive{Color: parent.Color, BackgroundColor: parent.BackgroundColor}
	if child.Color != nil {
		s.Color = child.Color
	}
	if child.BackgroundColor != nil {
		s.BackgroundColor = child.BackgroundColor
	}
	s.Underline = pick(child.Underline, parent.Underline)
	s.Bold = pick(child.Bold, parent.Bold)
	s.Upper = pick(child.Upper, parent.Upper)
	s.Lower = pick(child.Lower, parent.Lower)
	s.Title = pick(child.Title, parent.Title)
	s.Italic = pick(child.Italic, parent.Italic)
	s.CrossedOut = pick(child.CrossedOut, parent.CrossedOut)
	s.Faint = pick(child.Faint, parent.Faint)
	s.Conceal = pick(child.Conceal, parent.Conceal)
	s.Inverse = pick(child.Inverse, parent.Inverse)
	s.Blink = pick(child.Blink, parent.Blink)
	return s
}

// paddingRE matches the padding at the end of a rendered line: spaces,
// each possibly wrapped in escape sequences of its own.
var paddingRE = regexp.MustCompile(`(?:(?:\x1b\[[0-9;:]*m)* (?:\x1b\[[0-9;:]*m)*)+$`)

// trimPadding removes glamour's padding from the end of a rendered line,
// ending the line with a reset if escape sequences went with it.
func trimPadding(line string) string {
	loc := paddingRE.FindStringIndex(line)
	if loc == nil {
		return line
	}
	tail := line[loc[0]:]
	line = line[:loc[0]]
	if strings.Contains(tail, "\x1b[") {
		line += "\x1b[m"
	}
	return line
}
