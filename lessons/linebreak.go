package lessons

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Japanese line breaking.
//
// glamour wraps a paragraph with x/ansi's Wrap, which breaks lines only at
// white space (and after an ASCII hyphen). Japanese has no spaces, so a
// whole run of Japanese jumps to the next line, leaving a half-empty line,
// and a run longer than a line is cut anywhere, even inside a Latin word.
//
// Rather than wrapping glamour's output again (and so redoing its margins,
// list bullets, blockquote bars and styles), Render tells glamour where a
// line may break. In every block of inline text holding Japanese (a
// paragraph, list item, heading or table cell; code blocks are left alone)
// it puts breakMark, a zero-width white space, between two characters
// where Japanese allows a break (canBreakBetween), and it hides from
// glamour the spaces and punctuation of inline code that fits on a line,
// so that the code is never split. glamour then lays the text out as
// usual, and Render removes the marks from its output. In blocks without
// Japanese only the inline code is touched: it breaks at its spaces but
// not at its hyphens or punctuation (see glueLatinCode).

// breakMark is U+2028 LINE SEPARATOR: Unicode white space that is zero
// cells wide, so ansi.Wrap may break a line there and counts nothing for it
// when it does not. Render removes it from the output.
const breakMark = '\u2028'

// codeBreaks holds the characters glamour may break a line at inside
// inline code: spaces and hyphens when it wraps a paragraph, and also
// ",.;+|" when it wraps a list or a blockquote. In inline code that must
// not break, each is replaced by a stand-in of one cell, the private use
// character standInBase+i, which Render puts back after wrapping.
const (
	codeBreaks  = " -,.;+|"
	standInBase = '\uE000'
)

// reservedRunes holds the break mark and the stand-ins: characters lesson
// text must not use.
var reservedRunes = func() string {
	rs := []rune{breakMark}
	for i := range codeBreaks {
		rs = append(rs, standInBase+rune(i))
	}
	return string(rs)
}()

// restoreMarks removes the break marks from rendered text and puts back
// the characters the stand-ins stood for.
var restoreMarks = func() *strings.Replacer {
	pairs := []string{string(breakMark), ""}
	for i, c := range codeBreaks {
		pairs = append(pairs, string(standInBase+rune(i)), string(c))
	}
	return strings.NewReplacer(pairs...)
}()

// noBreakBefore holds the characters a line must not start with (kinsoku):
// closing brackets and quotes, commas and full stops, middle dots, colons,
// small kana, iteration marks, the long vowel mark, dashes and ellipses, and
// their ASCII counterparts.
const noBreakBefore = "、。，．）」』】〕〉》］｝〙〗”’〟" +
	"！？・：；ー―—…‥〜～々ゝゞヽヾ" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" +
	",.:;!?)]}%"

// noBreakAfter holds the characters a line must not end with: opening
// brackets and quotes.
const noBreakAfter = "（「『【〔〈《［｛〘〖“‘([{"

// breakUnit is a grapheme of lesson text, or an inline element that is
// never broken (inline code, an image, raw HTML), seen from the outside.
type breakUnit struct {
	// text holds the grapheme, which spans bytes start to end of its
	// value; it is nil for an element.
	text       *ast.Text
	start, end int
	// node is the element, or text.
	node ast.Node
	// first and last are the first and last runes; an element counts as a
	// Latin letter.
	first, last rune
	// width is the width in cells, as rendered.
	width       int
	wide, space bool
	// invalid marks bytes that are not UTF-8.
	invalid bool
}

// canBreakBetween reports whether a line may break between two adjacent
// units that are not spaces: between two Japanese characters, or a
// Japanese character and Latin text, unless the second may not start a
// line or the first may not end one. Latin words break only at spaces, as
// before.
func canBreakBetween(prev, next breakUnit) bool {
	if !prev.wide && !next.wide {
		return false
	}
	return !strings.ContainsRune(noBreakBefore, next.first) && !strings.ContainsRune(noBreakAfter, prev.last)
}

// lineBreaker adds Japanese line break opportunities to a parsed document.
// Rewritten text is appended to the source: the source that the document
// must then be rendered with is returned by finalSource.
type lineBreaker struct {
	layout
	source []byte
	extra  []byte
	// changed records that some text was rewritten, so the rendered
	// output needs restoreMarks.
	changed bool
}

// finalSource returns the source the rewritten document renders from.
func (lb *lineBreaker) finalSource() []byte {
	if len(lb.extra) == 0 {
		return lb.source
	}
	return append(lb.source[:len(lb.source):len(lb.source)], lb.extra...)
}

// appendSegment appends s to the source and returns its segment.
func (lb *lineBreaker) appendSegment(s []byte) text.Segment {
	start := len(lb.source) + len(lb.extra)
	lb.extra = append(lb.extra, s...)
	lb.changed = true
	return text.NewSegment(start, start+len(s))
}

// document adds line break opportunities to every block of inline text in
// doc that holds Japanese. Code blocks are left alone.
func (lb *lineBreaker) document(doc ast.Node) {
	var blocks []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, extast.KindTableCell, extast.KindDefinitionTerm:
			blocks = append(blocks, n)
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, b := range blocks {
		lb.block(b)
	}
}

// block adds line break opportunities to a block of inline text, if it
// holds Japanese.
func (lb *lineBreaker) block(b ast.Node) {
	units := lb.units(b)
	// Text that is not UTF-8 is left to glamour: a mark after a broken
	// sequence would be read as part of it.
	if slices.ContainsFunc(units, func(u breakUnit) bool { return u.invalid }) {
		return
	}
	if !slices.ContainsFunc(units, func(u breakUnit) bool { return u.wide }) {
		lb.glueLatinCode(units)
		return
	}
	// breakBefore[i] tells whether a line may break before unit i.
	breakBefore := make([]bool, len(units))
	marks := map[*ast.Text][]int{}
	var before []ast.Node
	prev := -1
	for i, u := range units {
		switch {
		case u.space || prev < 0:
			breakBefore[i] = true
		case canBreakBetween(units[prev], u):
			breakBefore[i] = true
			switch p := units[prev]; {
			case u.text != nil:
				marks[u.text] = append(marks[u.text], u.start)
			case p.text != nil:
				marks[p.text] = append(marks[p.text], p.end)
			default:
				before = append(before, u.node)
			}
		}
		prev = i
		if u.space {
			prev = -1
		}
	}
	lb.glueCodeIn(b, units, breakBefore)
	for t, offsets := range marks {
		t.Segment = lb.appendSegment(insertMarks(t.Segment.Value(lb.source), offsets))
	}
	mark := []byte(string(breakMark))
	for _, n := range before {
		n.Parent().InsertBefore(n.Parent(), n, ast.NewTextSegment(lb.appendSegment(mark)))
	}
}

// glueLatinCode keeps glamour from breaking the inline code of a block
// without Japanese at a hyphen or punctuation ('2012-01-01', a.b), which
// would leave half a literal on each line: such code breaks only at its
// spaces, as the words around it do.
func (lb *lineBreaker) glueLatinCode(units []breakUnit) {
	for _, u := range units {
		if cs, ok := u.node.(*ast.CodeSpan); ok {
			lb.glueCode(cs, true)
		}
	}
}

// glueCodeIn makes the inline code of block b unbreakable where it fits
// on a line with the text it may not be parted from (a bracket, a full
// stop): a piece of text between two break opportunities no wider than
// the block, or for the first piece, than what the heading marker leaves
// of the first line; the text of a list item has the width its hanging
// indent leaves on every line. Code in a wider piece still breaks at its
// spaces rather than being cut inside a word.
func (lb *lineBreaker) glueCodeIn(b ast.Node, units []breakUnit, breakBefore []bool) {
	avail := lb.blockWidth(b)
	limit := avail - lb.markerWidth(b)
	if indent, ok := lb.hangingIndent(b); ok {
		// Render lays the text out with a hanging indent.
		avail -= indent
		limit = avail
	}
	for start := 0; start < len(units); {
		end := start + 1
		for end < len(units) && !breakBefore[end] {
			end++
		}
		piece := units[start:end]
		width := 0
		for _, u := range piece {
			width += u.width
		}
		for _, u := range piece {
			if cs, ok := u.node.(*ast.CodeSpan); ok {
				lb.glueCode(cs, width > limit)
			}
		}
		if !units[start].space {
			limit = avail
		}
		start = end
	}
}

// units cuts the inline text of block b into break units. Emphasis and
// link text are seen through; inline code, images, autolinks and raw HTML
// are single units. A soft or hard line break is a space.
func (lb *lineBreaker) units(b ast.Node) []breakUnit {
	var units []breakUnit
	_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == b {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Text:
			units = appendGraphemes(units, x, x.Segment.Value(lb.source))
			if x.SoftLineBreak() || x.HardLineBreak() {
				units = append(units, breakUnit{space: true, width: 1})
			}
		case *ast.CodeSpan:
			units = append(units, lb.codeUnit(x))
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			units = append(units, breakUnit{node: n, first: 'x', last: 'x', width: ansi.StringWidth(string(x.URL(lb.source)))})
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML:
			units = append(units, breakUnit{node: n, first: 'x', last: 'x', width: 1})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return units
}

// appendGraphemes appends the graphemes of v, the value of t, to units.
func appendGraphemes(units []breakUnit, t *ast.Text, v []byte) []breakUnit {
	for i := 0; i < len(v); {
		n, w := 1, 1
		if v[i] >= utf8.RuneSelf || (v[i] == '\r' && i+1 < len(v) && v[i+1] == '\n') {
			var cluster []byte
			cluster, w = ansi.FirstGraphemeCluster(v[i:], ansi.GraphemeWidth)
			n = max(len(cluster), 1)
		}
		first, _ := utf8.DecodeRune(v[i : i+n])
		last, _ := utf8.DecodeLastRune(v[i : i+n])
		units = append(units, breakUnit{
			text: t, start: i, end: i + n, node: t,
			first: first, last: last, width: w,
			wide:    w == 2 && first >= 0x1100,
			space:   unicode.IsSpace(first) && first != '\u00a0',
			invalid: first == utf8.RuneError && !utf8.Valid(v[i:i+n]),
		})
		i += n
	}
	return units
}

// insertMarks returns v with breakMark inserted at each offset.
func insertMarks(v []byte, offsets []int) []byte {
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	out := make([]byte, 0, len(v)+len(offsets)*utf8.RuneLen(breakMark))
	last := 0
	for _, o := range offsets {
		out = append(out, v[last:o]...)
		out = utf8.AppendRune(out, breakMark)
		last = o
	}
	return append(out, v[last:]...)
}

// codeUnit returns the break unit of inline code, as wide as glamour
// renders it, with its padding.
func (lb *lineBreaker) codeUnit(cs *ast.CodeSpan) breakUnit {
	code := lb.styles.Code.StylePrimitive
	u := breakUnit{node: cs, first: 'x', last: 'x'}
	u.width = ansi.StringWidth(code.BlockPrefix + code.Prefix + code.Suffix + code.BlockSuffix)
	for c := cs.FirstChild(); c != nil; c = c.NextSibling() {
		var v []byte
		switch x := c.(type) {
		case *ast.Text:
			v = x.Segment.Value(lb.source)
		case *ast.String:
			v = x.Value
		}
		u.width += ansi.StringWidth(string(v))
		u.invalid = u.invalid || !utf8.Valid(v)
	}
	return u
}

// glueCode replaces the characters of inline code that glamour may break
// a line at by their stand-ins, except spaces if keepSpaces is set.
func (lb *lineBreaker) glueCode(cs *ast.CodeSpan, keepSpaces bool) {
	for c := cs.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Text:
			if v, ok := glued(x.Segment.Value(lb.source), keepSpaces); ok {
				x.Segment = lb.appendSegment(v)
			}
		case *ast.String:
			if v, ok := glued(x.Value, keepSpaces); ok {
				x.Value = v
				lb.changed = true
			}
		}
	}
}

// glued returns code with the characters in codeBreaks (but spaces, if
// keepSpaces is set) replaced by their stand-ins, and whether there were
// any.
func glued(code []byte, keepSpaces bool) ([]byte, bool) {
	var out []byte
	for i, c := range code {
		k := strings.IndexByte(codeBreaks, c)
		if k < 0 || (c == ' ' && keepSpaces) {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(code)+16), code[:i]...)
		}
		out = utf8.AppendRune(out, standInBase+rune(k))
	}
	return out, out != nil
}
