package decode

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/huiqi-dev/huiqi"
)

// metaCharset finds a charset declaration in the head of an HTML file:
// <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// decodeHTML decodes a portal page to the document it carries. Metadata is
// read from the whole page first, because the cleaning that follows removes
// the 发布日期/来源 lines and information tables it lives in.
func decodeHTML(name string, data []byte) (content, error) {
	declared := ""
	if m := metaCharset.FindSubmatch(data[:min(len(data), 16<<10)]); m != nil {
		declared = string(m[1])
	}
	s, enc, err := toUTF8(name, data, declared)
	if err != nil {
		return content{}, err
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return content{}, huiqi.Errorf(huiqi.EINVALID, "%s: %v", name, err)
	}
	removeInvisible(root)
	hints := htmlHints(root)
	var lines []string
	for _, n := range mainContent(root) {
		lines = append(lines, render(n)...)
	}
	lines = dropChromeLines(lines)
	text := joinLines(lines)
	return content{text: text, encoding: enc, hints: hints}, nil
}

// findAll returns the element nodes under n (n included) with the given tag.
func findAll(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
