package lessons

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sync"
	"unicode/utf8"

	glamouransi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	mdparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockQuoteBar is a one-cell blockquote bar: glamour budgets one cell for
// its default two-cell "│ ", which makes some quoted lines lose the bar
// (glamour#172).
var blockQuoteBar = "│"

// renderKey identifies a cached render.
type renderKey struct {
	sum   [sha256.Size]byte
	width int
	dark  bool
}

// maxCachedRenders bounds the render cache; it is emptied when full.
const maxCachedRenders = 1024

var renderCache = struct {
	sync.Mutex
	m map[renderKey]string
}{m: map[renderKey]string{}}

// Render renders lesson Markdown for a terminal of the given width with
// glamour, in its dark or light style. Soft line breaks between two wide
// (CJK) characters are dropped, so a Japanese paragraph wrapped in the
// source does not gain spaces, and text holding Japanese is broken into
// lines the Japanese way (see lineBreaker). The text of a list item or
// definition is reflowed like a paragraph, with its wrapped lines indented
// to the text rather than to the bullet (see itemHanger). Renders are
// cached by text, width and style.
func Render(markdown string, width int, dark bool) (string, error) {
	if width < 1 {
		return "", fmt.Errorf("lessons: render width %d", width)
	}
	key := renderKey{sum: sha256.Sum256([]byte(markdown)), width: width, dark: dark}
	renderCache.Lock()
	out, ok := renderCache.m[key]
	renderCache.Unlock()
	if ok {
		return out, nil
	}
	out, err := render(markdown, width, dark, true)
	if err != nil {
		return "", err
	}
	renderCache.Lock()
	if len(renderCache.m) >= maxCachedRenders {
		clear(renderCache.m)
	}
	renderCache.m[key] = out
	renderCache.Unlock()
	return out, nil
}

// newMarkdown returns the goldmark pipeline Render uses, with renderer as
// its node renderer (nil for parsing only). The renderer replaces
// goldmark's HTML renderer as a whole, as glamour does: given as an option,
// it would be joined by the HTML renderers of the extensions, and tables
// would come out as HTML.
func newMarkdown(r renderer.NodeRenderer) goldmark.Markdown {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(mdparser.WithAutoHeadingID(),
			mdparser.WithASTTransformers(util.Prioritized(cjkSoftBreaks{}, 1000))),
	)
	if r != nil {
		md.SetRenderer(renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(r, 1000))))
	}
	return md
}

// render renders markdown without the cache; japanese turns the Japanese
// line breaking on (tests turn it off to compare).
func render(markdown string, width int, dark, japanese bool) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("lessons: glamour failed: %v", r)
		}
	}()
	st := styles.LightStyleConfig
	if dark {
		st = styles.DarkStyleConfig
	}
	st.BlockQuote.IndentToken = &blockQuoteBar
	md := newMarkdown(glamouransi.NewRenderer(glamouransi.Options{WordWrap: width, Styles: st}))
	source := []byte(wrapCodeBlocks(markdown, width))
	doc := md.Parser().Parse(text.NewReader(source))
	lay := layout{width: width, styles: st}
	lb := lineBreaker{layout: lay, source: source}
	if japanese {
		lb.document(doc)
	}
	items := itemHanger{layout: lay, source: lb.finalSource()}
	if err := items.document(doc); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, items.finalSource(), doc); err != nil {
		return "", err
	}
	if lb.changed {
		return restoreMarks.Replace(buf.String()), nil
	}
	return buf.String(), nil
}

// cjkSoftBreaks drops the soft line break between two wide characters: in
// Japanese a line break inside a paragraph is not a space.
type cjkSoftBreaks struct{}

// Transform implements mdparser.ASTTransformer.
func (cjkSoftBreaks) Transform(doc *ast.Document, reader text.Reader, pc mdparser.Context) {
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.SoftLineBreak() {
			return ast.WalkContinue, nil
		}
		before, _ := utf8.DecodeLastRune(t.Segment.Value(source))
		next := nextLeaf(t)
		if next == nil {
			return ast.WalkContinue, nil
		}
		after, _ := utf8.DecodeRune(leafText(next, source))
		if isWide(before) && isWide(after) {
			t.SetSoftLineBreak(false)
		}
		return ast.WalkContinue, nil
	})
}

// nextLeaf returns the inline leaf after n within its block.
func nextLeaf(n ast.Node) ast.Node {
	for cur := n; cur != nil && cur.Type() == ast.TypeInline; cur = cur.Parent() {
		if s := cur.NextSibling(); s != nil {
			for s.FirstChild() != nil {
				s = s.FirstChild()
			}
			return s
		}
	}
	return nil
}

// leafText returns the text of an inline leaf.
func leafText(n ast.Node, source []byte) []byte {
	switch x := n.(type) {
	case *ast.Text:
		return x.Segment.Value(source)
	case *ast.String:
		return x.Value
	}
	return nil
}

// isWide reports whether r takes two terminal cells.
func isWide(r rune) bool {
	return r >= 0x1100 && r != utf8.RuneError && ansi.StringWidth(string(r)) == 2
}
