package decode

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// invisibleTags never carry document text.
var invisibleTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true,
	"object": true, "embed": true, "svg": true, "canvas": true, "map": true,
	"button": true, "select": true, "input": true, "textarea": true,
}

// chromeTags hold page furniture, never the document.
var chromeTags = map[string]bool{"nav": true, "aside": true, "footer": true}

// chromeClass matches class and id names portals give to furniture inside or
// around the article: share bars (bdshare, fenxiang), print/close buttons,
// breadcrumbs (position, location, crumb), related links (xgwz), 在线咨询
// boxes (zxzx, kefu, consult), menus, footers. "head", "top", "title" and
// "info" are left alone: article headers use them.
var chromeClass = regexp.MustCompile(`(?i)(^|[-_\s])(share|bdshare|bshare|fenxiang|fx|print|dayin|close|guanbi|toolbar|tools|qrcode|ewm|erweima|breadcrumbs?|crumbs?|position|location|dqwz|related|xgwz|xglj|comment|footer|foot|bottom|nav|navbar|menu|sidebar|advert|ads?|banner|login|search|kefu|consult|online|zxzx|zxts|hdjl|copyright|friendlink|yqlj)($|[-_\s\d])`)

// removeInvisible deletes the elements that never render text.
func removeInvisible(root *html.Node) {
	removeWhere(root, func(n *html.Node) bool {
		return invisibleTags[n.Data] || hidden(n)
	})
}

// hidden reports whether an element is hidden by an inline style or attribute.
func hidden(n *html.Node) bool {
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") ||
		n.Data != "input" && hasAttr(n, "hidden")
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// removeWhere deletes every element under root for which drop is true.
func removeWhere(root *html.Node, drop func(*html.Node) bool) {
	var next *html.Node
	for c := root.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type == html.ElementNode && drop(c) {
			root.RemoveChild(c)
			continue
		}
		removeWhere(c, drop)
	}
}

// mainContent removes page furniture and returns the article: the smallest
// element that holds most of the page's non-link Chinese text, found by
// descending from <body> into the child holding at least 80% of it, and the
// article heading when the descent left it behind (a title is often a
// sibling of the body text, with an info bar or promotion box between).
func mainContent(root *html.Node) []*html.Node {
	body := root
	if b := findAll(root, "body"); len(b) > 0 {
		body = b[0]
	}
	// A furniture-looking name on an element that holds most of the text is
	// a wrapper (class="main nav-open"), not furniture.
	weight := weights(body)
	all := weight[body]
	removeWhere(body, func(n *html.Node) bool {
		chrome := chromeTags[n.Data] ||
			chromeClass.MatchString(attr(n, "class")) || chromeClass.MatchString(attr(n, "id"))
		return chrome && weight[n]*2 < all
	})
	weight = weights(body)
	cur, heading := body, (*html.Node)(nil)
	for {
		total := weight[cur]
		best, bestW := (*html.Node)(nil), 0
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if w := weight[c]; w > bestW {
				best, bestW = c, w
			}
		}
		if best == nil || bestW*5 < total*4 {
			break
		}
		if h := headingBefore(cur, best); h != nil {
			heading = h
		}
		cur = best
	}
	if heading != nil && !contains(cur, heading) {
		return []*html.Node{heading, cur}
	}
	return []*html.Node{cur}
}

// weights computes textWeight for every node under root in one pass, so
// that a deeply nested page costs linear, not quadratic, time.
func weights(root *html.Node) map[*html.Node]int {
	m := map[*html.Node]int{}
	var walk func(*html.Node) int
	walk = func(n *html.Node) int {
		w := 0
		switch {
		case n.Type == html.TextNode:
			w = hanCount(n.Data)
		case n.Type == html.ElementNode && n.Data == "a":
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w += walk(c)
			}
		}
		m[n] = w
		return w
	}
	walk(root)
	return m
}

// textWeight counts the Han characters under n that are not link text: the
// article is dense prose, the furniture is menus of links.
func textWeight(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		w := 0
		for _, r := range n.Data {
			if unicode.Is(unicode.Han, r) {
				w++
			}
		}
		return w
	case n.Type == html.ElementNode && n.Data == "a":
		return 0
	}
	w := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w += textWeight(c)
	}
	return w
}

// headingBefore returns the last article heading (h1–h3 with at least six
// Han characters outside links) among parent's children before child.
func headingBefore(parent, child *html.Node) *html.Node {
	var found *html.Node
	for c := parent.FirstChild; c != nil && c != child; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, tag := range []string{"h1", "h2", "h3"} {
			for _, h := range findAll(c, tag) {
				if textWeight(h) >= 6 {
					found = h
				}
			}
		}
	}
	return found
}

// contains reports whether n is inside root.
func contains(root, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// chromeLine matches whole lines of portal furniture that survive inside the
// article box: share and print bars, font-size switches, 在线咨询, previous/
// next links, view counters, editor credits.
var chromeLine = regexp.MustCompile(`^[【\[]?(在线咨询|我要咨询|分享到?[:：]?.*|打印(本页|此页)?|关闭(本页|窗口)?|收藏|返回(顶部|首页)?|扫一扫.*|字[体号][:：]?\s*[【\[]?\s*大\s*中\s*小.*|上一篇.*|下一篇.*|相关(链接|文章|阅读|新闻).*|责任编辑[:：].*|(浏览|点击|阅读|访问)(次数|量|数)[:：].*|附件下载[:：]?|(微信|微博|QQ空间)|A\s*[+＋-]|【?\s*(打印|关闭)\s*】?(\s*【?\s*(打印|关闭|收藏)\s*】?)*)[】\]]?$`)

// dropChromeLines removes furniture lines and the metadata lines (发布日期：…
// 来源：…) that htmlHints has already read.
func dropChromeLines(lines []string) []string {
	out := lines[:0:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if chromeLine.MatchString(t) || isMetaLine(t) {
			continue
		}
		out = append(out, l)
	}
	return out
}
