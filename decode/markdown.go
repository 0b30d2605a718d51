package decode

import (
	"regexp"
	"strings"
)

// Markdown syntax, stripped to the text it renders. Line structure is kept:
// Chinese authors write one paragraph (or clause) per line, and joining
// soft-wrapped lines would merge clauses like 一、… and 二、….
var (
	mdHeading   = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$`)
	mdSetext    = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdRule      = regexp.MustCompile(`^ {0,3}([-*_])([ \t]*[-*_]){2,}[ \t]*$`)
	mdFence     = regexp.MustCompile("^ {0,3}(```|~~~)")
	mdQuote     = regexp.MustCompile(`^ {0,3}(> ?)+`)
	mdBullet    = regexp.MustCompile(`^[ \t]*[-*+][ \t]+(\[[ xX]\][ \t]+)?`)
	mdLinkDef   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	mdTableSep  = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$`)
	mdImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\](\([^)]*\)|\[[^\]]*\])`)
	mdAutolink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdBreakTag  = regexp.MustCompile(`(?i)<br\s*/?>`)
	mdTag       = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdCode      = regexp.MustCompile("`+([^`]*)`+")
	mdStrong    = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmphasis  = regexp.MustCompile(`(^|[^\w*])[*_](\S(?:[^*_]*?\S)?)[*_]`)
	mdStrike    = regexp.MustCompile(`~~(.+?)~~`)
	mdEscape    = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|>~])`)
	mdFrontOpen = regexp.MustCompile(`^---[ \t]*$`)
)

// decodeMarkdown decodes a Markdown file to text; the first heading (of the
// highest level present before any other heading) becomes Hints.Title.
func decodeMarkdown(name string, data []byte) (content, error) {
	s, enc, err := toUTF8(name, data, "")
	if err != nil {
		return content{}, err
	}
	lines := strings.Split(normalize(s), "\n")
	lines = skipFrontMatter(lines)
	var out []string
	title := ""
	inFence := false
	for i, l := range lines {
		if mdFence.MatchString(l) {
			inFence = !inFence
			continue
		}
		if inFence {
			out = append(out, l)
			continue
		}
		if m := mdHeading.FindStringSubmatch(l); m != nil {
			text := mdInline(m[2])
			if title == "" && len(m[1]) == 1 {
				title = text
			}
			out = append(out, text)
			continue
		}
		if mdSetext.MatchString(l) && i > 0 && strings.TrimSpace(lines[i-1]) != "" {
			if title == "" && strings.HasPrefix(strings.TrimSpace(l), "=") && len(out) > 0 {
				title = out[len(out)-1]
			}
			continue
		}
		if mdRule.MatchString(l) || mdLinkDef.MatchString(l) || mdTableSep.MatchString(l) {
			continue
		}
		out = append(out, mdBlock(l))
	}
	return content{text: joinLines(out), encoding: enc, hints: hintsTitle(title)}, nil
}

// skipFrontMatter drops a YAML front-matter block at the top of the file.
func skipFrontMatter(lines []string) []string {
	if len(lines) == 0 || !mdFrontOpen.MatchString(lines[0]) {
		return lines
	}
	for i := 1; i < len(lines); i++ {
		if mdFrontOpen.MatchString(lines[i]) {
			return lines[i+1:]
		}
	}
	return lines
}

// mdBlock strips block markers (quotes, bullets, table pipes) from a line,
// then its inline syntax. Ordered-list numbers are kept: in a policy they
// are clause labels.
func mdBlock(l string) string {
	l = mdQuote.ReplaceAllString(l, "")
	l = mdBullet.ReplaceAllString(l, "")
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
		cells := strings.Split(t[1:len(t)-1], "|")
		for i, c := range cells {
			cells[i] = strings.TrimSpace(c)
		}
		l = strings.Join(cells, " ")
	}
	return mdInline(l)
}

// mdInline strips inline Markdown: images, links, code, emphasis, tags, escapes.
func mdInline(s string) string {
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdBreakTag.ReplaceAllString(s, "\n")
	s = mdTag.ReplaceAllString(s, "")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$2")
	s = mdStrike.ReplaceAllString(s, "$1")
	s = mdEmphasis.ReplaceAllString(s, "$1$2")
	s = mdEscape.ReplaceAllString(s, "$1")
	return strings.TrimRight(s, " \t")
}
