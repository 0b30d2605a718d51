package clause

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// siteChrome matches the header lines document-sharing sites put above a
// document ("《…docx》由会员分享,可在线阅读,更多相关《…(13页珍藏版)》请在课桌文档上搜索。").
var siteChrome = regexp.MustCompile(`由会员分享|页珍藏版|可在线阅读|更多相关《|请在.{1,20}上搜索`)

// siteChromeShort matches weaker signs of site chrome, trusted only on short lines.
var siteChromeShort = regexp.MustCompile(`下载文档|文档分享|文档下载`)

// pageFooter matches a line that is only a printed page number: "— 2 —", "- 3 -",
// "第 4 页", "第4页 共13页".
var pageFooter = regexp.MustCompile(`^\s*(?:[—－\-]\s*\d{1,3}\s*[—－\-]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$`)

// inlineFooter matches a PDF page number caught inside a sentence ("技术验— 2 —证").
var inlineFooter = regexp.MustCompile(`— \d{1,3} —`)

// removeInlineFooters deletes page numbers cut into sentences.
func removeInlineFooters(text string) string {
	return inlineFooter.ReplaceAllString(text, "")
}

// dropChromeLines removes site chrome and page footer lines.
func dropChromeLines(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if !isChromeLine(l) {
			out = append(out, l)
		}
	}
	return out
}

// hasChromeRune reports whether l holds a rune of a site chrome phrase (分享,
// 珍藏版, 在线阅读, 搜索, 下载) that is rare in policy text; looking for them first
// keeps regular expressions off ordinary lines.
func hasChromeRune(l string) bool {
	for _, r := range l {
		switch r {
		case '享', '藏', '阅', '搜', '载':
			return true
		}
	}
	return false
}

func isChromeLine(l string) bool {
	if len(l) <= 40 && pageFooter.MatchString(l) {
		return true
	}
	if len(l) > 200*utf8.UTFMax || !hasChromeRune(l) {
		return false
	}
	n := utf8.RuneCountInString(l)
	return (n <= 200 && siteChrome.MatchString(l)) || (n <= 60 && siteChromeShort.MatchString(l))
}

// trailingChrome matches the lines web pages append after a document: source
// links, reposting notes, print/close buttons, share widgets.
var trailingChrome = regexp.MustCompile(`^(?:信息来源[:：]|原创文章[,，]?作者|.*如若转载[,，]请注明出处|访谈解读[:：]|相关解读[:：]|【打印】|【关闭】|【字体|扫一扫|分享到[:：]?|打印本页|关闭窗口|我要申报$|获取验证码$|申报\d*$)`)

// dropTrailingChrome removes chrome lines at the end of the document only, where
// they cannot be part of the text.
func dropTrailingChrome(lines []string) []string {
	n := len(lines)
	for n > 0 {
		l := strings.TrimLeftFunc(lines[n-1], unicode.IsSpace)
		if l != "" && !trailingChrome.MatchString(l) {
			break
		}
		n--
	}
	return lines[:n]
}
