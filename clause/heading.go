package clause

import (
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// maxHeading is the longest text (in runes) taken as a heading; longer first
// sentences are body text, not headings.
const maxHeading = 40

// setHeadings fills each clause's Heading: the short text after its label up to
// the first sentence end, line end or first child.
func (p *parser) setHeadings() {
	for i := range p.out {
		p.out[i].Heading = heading(p.text, &p.out[i])
	}
}

// heading returns c's heading, or "" when the text after the label is not one.
// Chapters, sections and articles get a heading only when it stands alone on the
// line ("第一章 总则") or is a short phrase the article goes on to explain
// ("第五条 推动敏捷治理。尊重…"): their first sentence is usually a provision.
func heading(text string, c *huiqi.Clause) string {
	from := c.Span.Start + len(c.Label)
	to := c.HeadSpan.End
	if from >= to {
		return ""
	}
	body := text[from:to]
	end, byPunct := len(body), false
	for i, r := range body {
		if r == '\n' {
			end = i
			break
		}
		if containsRune(sentenceEnders, r) {
			end, byPunct = i, true
			break
		}
	}
	if byPunct && titled(c.Kind) && !titleSentence(body, end) {
		return ""
	}
	h := strings.TrimFunc(body[:end], isIndent)
	if n := utf8.RuneCountInString(h); n > maxHeading && c.Kind == huiqi.ClauseHan {
		return runOnHeading(h)
	} else if n == 0 || n > maxHeading {
		return ""
	}
	return h
}

// titled reports whether kind is a 第X章/节/条 label.
func titled(kind huiqi.ClauseKind) bool {
	return kind == huiqi.ClauseChapter || kind == huiqi.ClauseSection || kind == huiqi.ClauseArticle
}

// maxTitleSentence is the longest first sentence (in runes) of an article taken
// as its title.
const maxTitleSentence = 12

// titleSentence reports whether body's first sentence, ending at byte end, is a
// short title followed by more text on the same line.
func titleSentence(body string, end int) bool {
	if utf8.RuneCountInString(body[:end]) > maxTitleSentence || !strings.HasPrefix(body[end:], "。") {
		return false
	}
	rest := body[end+len("。"):]
	return rest != "" && rest[0] != '\n'
}
