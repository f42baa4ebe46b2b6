package lessons

import (
	"strconv"
	"strings"

	glamouransi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// minHangWidth is the least width, in cells, the text of a list item
// needs for Render to lay it out with a hanging indent; narrower items are
// left to glamour.
const minHangWidth = 8

// layout knows where glamour puts the text of a block: how wide it may be
// and what marker precedes it, for a render width and style.
type layout struct {
	width  int
	styles glamouransi.StyleConfig
}

// markerWidth returns the cells taken on the first line of block b by the
// list bullet or number, or the heading marker, that glamour puts before
// its text.
func (l layout) markerWidth(b ast.Node) int {
	st := l.styles
	if h, ok := b.(*ast.Heading); ok {
		var level glamouransi.StyleBlock
		switch h.Level {
		case 1:
			level = st.H1
		case 2:
			level = st.H2
		case 3:
			level = st.H3
		case 4:
			level = st.H4
		case 5:
			level = st.H5
		default:
			level = st.H6
		}
		return ansi.StringWidth(st.Heading.Prefix + level.Prefix + level.Suffix)
	}
	item, ok := b.Parent().(*ast.ListItem)
	if !ok || item.FirstChild() != b {
		return 0
	}
	return l.itemMarkerWidth(item)
}

// itemMarkerWidth returns the width of the bullet, number or task box
// glamour writes before the text of a list item.
func (l layout) itemMarkerWidth(item *ast.ListItem) int {
	st := l.styles
	marker := func(prefix string, p glamouransi.StylePrimitive) int {
		return ansi.StringWidth(prefix + p.BlockPrefix + p.Prefix + p.Suffix + p.BlockSuffix)
	}
	if c := item.FirstChild(); c != nil {
		if box, ok := c.FirstChild().(*extast.TaskCheckBox); ok {
			if box.IsChecked {
				return marker(st.Task.Ticked, st.Task.StylePrimitive)
			}
			return marker(st.Task.Unticked, st.Task.StylePrimitive)
		}
	}
	list, ok := item.Parent().(*ast.List)
	if !ok || !list.IsOrdered() {
		return marker("", st.Item)
	}
	// glamour numbers items from 1, shifted by a start other than 1.
	n := 1
	for s := item.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		n++
	}
	if list.Start != 1 {
		n += list.Start - 1
	}
	return marker(strconv.Itoa(n), st.Enumeration)
}

// definitionMarker returns what glamour writes on the first line of a
// definition, before its text: the end of the definition's prefix.
func (l layout) definitionMarker() string {
	p := l.styles.DefinitionDescription
	m := p.BlockPrefix + p.Prefix + p.Suffix + p.BlockSuffix
	return m[strings.LastIndexByte(m, '\n')+1:]
}

// hangingIndent returns how far the continuation lines of text block b (a
// paragraph or the text of a tight list) are indented when b is the text
// of a list item or definition: the width of the item's marker. The
// boolean tells whether Render lays the block out with that indent itself,
// which it does when the text keeps at least minHangWidth cells.
func (l layout) hangingIndent(b ast.Node) (int, bool) {
	if b.Kind() != ast.KindParagraph && b.Kind() != ast.KindTextBlock {
		return 0, false
	}
	var indent int
	switch p := b.Parent().(type) {
	case *ast.ListItem:
		indent = l.itemMarkerWidth(p)
	case *extast.DefinitionDescription:
		indent = ansi.StringWidth(l.definitionMarker())
	default:
		return 0, false
	}
	return indent, l.blockWidth(b)-indent >= minHangWidth
}

// blockWidth returns the cells glamour gives the text of block b: the
// render width less the indentation and margins of the blocks around it,
// as glamour's block stack counts them. A table cell gets an even share
// of its table.
func (l layout) blockWidth(b ast.Node) int {
	st := l.styles
	used := 0
	add := func(sb glamouransi.StyleBlock) {
		if sb.Indent != nil {
			used += int(*sb.Indent)
		}
		if sb.Margin != nil {
			used += 2 * int(*sb.Margin)
		}
	}
	add(st.Document)
	columns := 1
	for n := ast.Node(b); n != nil; n = n.Parent() {
		switch x := n.(type) {
		case *ast.Blockquote:
			add(st.BlockQuote)
		case *ast.List:
			list := st.List.StyleBlock
			if insideList(x) {
				list.Indent = &st.List.LevelIndent
			}
			add(list)
		case *extast.DefinitionList:
			add(st.DefinitionList)
		case *ast.Paragraph:
			// glamour renders a paragraph in a list item as part of the
			// item; Render does the same with one in a definition.
			if p := x.Parent(); p == nil || p.Kind() != ast.KindListItem && p.Kind() != extast.KindDefinitionDescription {
				add(st.Paragraph)
			}
		case *ast.Heading:
			add(st.Heading)
		case *extast.Table:
			columns = max(len(x.Alignments), 1)
		}
	}
	if columns > 1 {
		// Each cell has a margin of one cell on either side.
		return (l.width-used)/columns - 2
	}
	return l.width - used
}

// insideList reports whether list l is nested in another list.
func insideList(l *ast.List) bool {
	for n := l.Parent(); n != nil; n = n.Parent() {
		if n.Kind() == ast.KindList {
			return true
		}
	}
	return false
}
