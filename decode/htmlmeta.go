package decode

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/huiqi-dev/huiqi"
)

// metaLabels are the labels of a portal's visible metadata, in the
// 发布日期：2023-08-03 来源：市科技局 lines and 信息公开 tables. Labels read
// for no hint are listed too, so a value ends where the next label starts.
var metaLabels = []string{
	"发布日期", "发布时间", "发文日期", "成文日期", "印发日期", "生成日期", "公开日期", "日期", "时间",
	"信息来源", "文章来源", "来源", "发布机构", "发文机关", "发文单位", "发布单位", "制发机关",
	"发文字号", "文号", "索引号", "标题", "名称", "主题分类", "主题词", "体裁分类", "公文种类",
	"有效性", "废止日期", "类型", "文种", "分类", "浏览次数", "点击数", "访问量", "阅读次数", "作者", "责任编辑", "字号",
}

// metaLabelRE matches any label followed by a colon, allowing the spaces
// portals pad labels with (来　　源：).
// Information tables often put a label in a <th> without a colon
// (发布机构 | 市科技局); on a line that starts with a label, a space after a
// label ends it too.
var (
	colon           = `[ \x{3000}]*[:：]`
	colonOrSpace    = `(?:[ \x{3000}]*[:：]|[ \x{3000}]+|$)`
	metaLabelRE     = buildLabelRE("", metaLabels, colon)
	metaLineStartRE = buildLabelRE(`^[ \x{3000}【\[]*`, metaLabels, colon)
	tableLabelRE    = buildLabelRE(`(?:^|[ \x{3000}])`, metaLabels, colonOrSpace)
	tableLineRE     = buildLabelRE(`^`, metaLabels, colonOrSpace)
)

func buildLabelRE(prefix string, labels []string, end string) *regexp.Regexp {
	alts := make([]string, len(labels))
	for i, l := range labels {
		alts[i] = strings.Join(strings.Split(l, ""), `[ \x{3000}]*`)
	}
	return regexp.MustCompile(prefix + `(` + strings.Join(alts, "|") + `)` + end)
}

// maxMetaLine is the longest line searched for labels, in bytes: metadata
// lines and information-table rows are short, and the label regexp is slow
// on the long lines of body text.
const maxMetaLine = 600

// isMetaLine reports whether a line starts with a metadata label.
func isMetaLine(l string) bool {
	return len(l) <= maxMetaLine && strings.ContainsAny(l, ":：") && metaLineStartRE.MatchString(l)
}

// metaFields reads label: value pairs from the page's lines. A value runs to
// the next label; a label alone on its line takes the next line as value.
func metaFields(lines []string) map[string]string {
	fields := map[string]string{}
	for i, l := range lines {
		re := metaLabelRE
		switch {
		case len(l) > maxMetaLine:
			continue
		case tableLineRE.MatchString(l):
			re = tableLabelRE
		case !strings.ContainsAny(l, ":："):
			continue
		}
		locs := re.FindAllStringSubmatchIndex(l, -1)
		for j, loc := range locs {
			end := len(l)
			if j+1 < len(locs) {
				end = locs[j+1][0]
			}
			label := squashSpace(l[loc[2]:loc[3]])
			value := strings.Trim(l[loc[1]:end], " \u3000|｜】]")
			if value == "" && j+1 == len(locs) && i+1 < len(lines) && !isMetaLine(lines[i+1]) {
				value = strings.TrimSpace(lines[i+1])
			}
			if _, seen := fields[label]; !seen && value != "" {
				fields[label] = value
			}
		}
	}
	return fields
}

func squashSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// htmlHints reads a page's metadata: <meta> tags of the government portal
// CMSs (ArticleTitle, PubDate, ContentSource), the visible labelled fields,
// <title>, and the canonical URL.
func htmlHints(root *html.Node) huiqi.Hints {
	meta := metaTags(root)
	fields := metaFields(render(root))
	var h huiqi.Hints
	h.Title = first(meta["articletitle"], fields["标题"], fields["名称"], meta["og:title"], pageTitle(root))
	h.Issuer = first(meta["contentsource"], fields["发布机构"], fields["发文机关"], fields["制发机关"],
		fields["发文单位"], fields["发布单位"], issuerSource(fields["信息来源"]), issuerSource(fields["来源"]),
		issuerSource(fields["文章来源"]))
	h.PublishedOn = firstDate(meta["pubdate"], meta["publishdate"], meta["firstpublishedtime"],
		meta["article:published_time"], fields["发布日期"], fields["发布时间"], fields["公开日期"],
		fields["日期"], fields["时间"])
	h.IssuedOn = firstDate(fields["成文日期"], fields["印发日期"], fields["发文日期"])
	h.DocNumber = first(fields["发文字号"], fields["文号"])
	h.URL = first(canonicalURL(root), meta["og:url"], meta["url"])
	return h
}

// metaTags maps lower-cased <meta name|property> to content.
func metaTags(root *html.Node) map[string]string {
	m := map[string]string{}
	for _, n := range findAll(root, "meta") {
		key := strings.ToLower(first(attr(n, "name"), attr(n, "property")))
		if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" && m[key] == "" {
			m[key] = v
		}
	}
	return m
}

// titleSep splits a <title> into the document title and the site name.
var titleSep = regexp.MustCompile(`\s*(?:_|\||｜| - | — |－)\s*`)

// pageTitle returns the part of <title> with the most Han characters:
// portals write "文件标题_青羊区人民政府" or "网站名 - 文件标题".
func pageTitle(root *html.Node) string {
	t := findAll(root, "title")
	if len(t) == 0 {
		return ""
	}
	best, bestW := "", -1
	for _, part := range titleSep.Split(strings.Join(render(t[0]), " "), -1) {
		if w := hanCount(part); w > bestW {
			best, bestW = strings.TrimSpace(part), w
		}
	}
	return best
}

// canonicalURL returns the href of <link rel="canonical">.
func canonicalURL(root *html.Node) string {
	for _, n := range findAll(root, "link") {
		if strings.EqualFold(attr(n, "rel"), "canonical") {
			return attr(n, "href")
		}
	}
	return ""
}

// issuerSource returns a 来源 value when it names an organisation, not the
// portal's own placeholders (本站, 本网, 其他, 原创).
func issuerSource(s string) string {
	switch strings.TrimSpace(s) {
	case "本站", "本网", "其他", "其它", "原创", "网站", "综合", "转载", "未知":
		return ""
	}
	return s
}

// firstDate returns the first value holding a real date.
func firstDate(values ...string) huiqi.Date {
	for _, v := range values {
		if d, ok := findDate(v); ok {
			return d
		}
	}
	return huiqi.Date{}
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
