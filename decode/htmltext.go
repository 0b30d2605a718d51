package decode

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// blockTags are the elements that start and end a line when rendered.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"section": true, "article": true, "main": true, "blockquote": true, "pre": true,
	"ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "center": true,
	"hr": true, "header": true, "footer": true, "nav": true, "aside": true,
	"form": true, "fieldset": true, "figure": true, "figcaption": true,
	"address": true, "caption": true, "tbody": true, "thead": true, "tfoot": true,
	"body": true, "html": true, "title": true,
}

// renderer turns a node tree into lines of text.
type renderer struct {
	lines []string
	cur   strings.Builder
}

// render returns the text lines of n: block elements break lines, table
// cells of a row are joined by a space, whitespace is collapsed.
func render(n *html.Node) []string {
	if n == nil {
		return nil
	}
	r := &renderer{}
	r.walk(n, false)
	r.flush()
	return r.lines
}

func (r *renderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	}
	tag := n.Data
	if n.Type == html.ElementNode {
		if tag == "td" || tag == "th" {
			r.cellBreak()
		}
		if blockTags[tag] {
			r.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre || tag == "pre")
	}
	if n.Type == html.ElementNode && blockTags[tag] {
		r.flush()
	}
}

// cellBreak separates table cells on one line.
func (r *renderer) cellBreak() {
	if r.cur.Len() > 0 && !strings.HasSuffix(r.cur.String(), " ") {
		r.cur.WriteByte(' ')
	}
}

// text appends a text node, collapsing whitespace as a browser does, except
// that a source line break between two Chinese characters disappears (as the
// CSS segment-break rules for CJK say) instead of becoming a space.
func (r *renderer) text(s string, pre bool) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if pre {
		parts := strings.Split(s, "\n")
		for i, p := range parts {
			if i > 0 {
				r.flush()
			}
			r.cur.WriteString(p)
		}
		return
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if !isHTMLSpace(c) {
			r.cur.WriteRune(c)
			continue
		}
		j, newline := i, false
		for j < len(rs) && isHTMLSpace(rs[j]) {
			newline = newline || rs[j] == '\n'
			j++
		}
		cjkBoth := i > 0 && j < len(rs) && isCJK(rs[i-1]) && isCJK(rs[j])
		if !(newline && cjkBoth) && r.cur.Len() > 0 && !strings.HasSuffix(r.cur.String(), " ") {
			r.cur.WriteByte(' ')
		}
		i = j - 1
	}
}

// flush ends the current line.
func (r *renderer) flush() {
	l := strings.TrimFunc(r.cur.String(), unicode.IsSpace)
	r.cur.Reset()
	if l != "" {
		r.lines = append(r.lines, l)
	}
}

func isHTMLSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// isCJK reports whether c is a Han character or CJK punctuation.
func isCJK(c rune) bool {
	return unicode.Is(unicode.Han, c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
}
