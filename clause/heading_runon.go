package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section headings run into their text when a document lost its line breaks:
// "一、总体要求以习近平新时代…", "二、工作目标2026年,全社会…". Such headings are
// short phrases ending in one of a few words; runOnHeading takes the shortest
// such phrase at the start of the text. Only 一、 sections use it: a (一) item
// is as often a sentence ("（二）根据通知要求，由企业…").

// maxRunOnHeading is the longest run-on heading, in runes.
const maxRunOnHeading = 12

// headingEnds are the words section headings of policy documents end with.
// Words as common inside sentences (办法 in 本办法, 方式, 责任, 政策) are left out.
var headingEnds = []string{
	"要求", "目标", "原则", "任务", "措施", "保障", "思想", "思路", "意义", "范围", "条件",
	"程序", "标准", "附则", "总则", "职责", "机制", "内容", "对象", "时间", "方向", "重点",
	"路径", "领导", "流程", "材料", "期限", "分工", "安排", "步骤", "定位", "背景", "形势",
	"现状", "实施", "举措", "说明", "用途",
}

// runOnHeading returns the shortest prefix of text, at most maxRunOnHeading
// runes, that ends with a heading word and runs on into more text without
// punctuation, or "".
func runOnHeading(text string) string {
	n := 0
	for i := range text {
		if n > maxRunOnHeading {
			break
		}
		n++
		for _, w := range headingEnds {
			if strings.HasPrefix(text[i:], w) && n > 1 {
				end := i + len(w)
				next, _ := utf8.DecodeRuneInString(text[end:])
				// After 和/及/与 the heading goes on ("补贴标准及相关要求").
				if end < len(text) && !unicode.IsPunct(next) && !strings.ContainsRune("和及与", next) &&
					utf8.RuneCountInString(text[:end]) <= maxRunOnHeading {
					return text[:end]
				}
			}
		}
	}
	return ""
}
