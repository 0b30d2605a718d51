package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// docTypes are the document types a title can end with, longest first so that
// 实施意见 wins over 意见.
var docTypes = []string{
	"若干政策措施", "考核奖励办法", "政策措施", "扶持办法", "操作办法", "奖励办法", "考核办法", "补充意见", "扶持意见",
	"扶持政策", "支持政策", "奖励政策", "实施意见", "若干意见", "指导意见", "实施细则", "管理办法", "实施办法", "暂行办法", "试行办法",
	"行动方案", "实施方案", "工作方案", "行动计划", "工作计划", "若干措施", "若干政策", "扶持政策",
	"申报指南", "工作要点", "管理规定", "暂行规定", "决定", "通知", "意见", "方案", "办法", "细则",
	"措施", "政策", "规划", "指南", "规定", "条例", "计划", "通告", "公告", "批复", "规则", "要点", "纲要",
}

// docTypeAlt also accepts titles named by their count of articles ("三十九条", "新10条").
var docTypeAlt = strings.Join(docTypes, "|") + `|[0-9一二三四五六七八九十]+条`

// titleSuffix is what may follow the type in a title: (试行), (征求意见稿), (2023—2025年).
const titleSuffix = `(?:[（(][^（()）\n年月日]{1,14}[）)]|[（(](?:19|20)\d{2}\s*[-—–－~～至]\s*(?:19|20)\d{2}年?[）)])*`

var (
	// reQuotedPolicy is a policy title quoted in a 印发 notice.
	reQuotedPolicy = regexp.MustCompile(`《([^《》\n]{4,120}?(?:` + docTypeAlt + `)` + titleSuffix + `)》`)
	// reNoticeQuote finds the quotation that a 印发 notice is about.
	reNoticeQuote = regexp.MustCompile(`(?:关于(?:印发|转发|发布)|现将|现印发|特制定|制定了?|决定出台|出台)《([^《》\n]{4,120})》|《([^《》\n]{4,120})》(?:已经|业经|经[^。]{0,30}(?:同意|通过)|现予|予以印发|印发给|现印发)`)
	// reGuanyu is an inline 关于…<type> title, with an optional issuer before it.
	reGuanyu = regexp.MustCompile(`关于[^。；;！？，,\n《》]{2,100}?(?:` + docTypeAlt + `)` + titleSuffix)
	// reNoticeEnd continues a 关于印发X title up to its 的通知.
	reNoticeEnd = regexp.MustCompile(`^[^。；;\n，,]{0,60}?的通知`)
	// reNoticeTitle is a 关于印发X的通知 title without quotation marks.
	reNoticeTitle = regexp.MustCompile(`关于(?:印发|转发|发布)([^。；;\n《》]{4,100}?)的通知`)
	// reCites precedes a document cited as grounds rather than carried.
	reCites = regexp.MustCompile(`(?:落实|贯彻|根据|按照|依据|依照|结合|对照|参照|执行|遵照|对标|衔接|参考|《[^》]*》|》和|》、)\s*$`)
	// reTypeEnd matches a line that ends with a document type.
	reTypeEnd = regexp.MustCompile(`(?:` + docTypeAlt + `)` + titleSuffix + `$`)
)

// findTitle returns the title and the byte span where it was read in the text
// (end 0 when it came from elsewhere).
func findTitle(text string, head int) (string, span) {
	t, sp := findTitleStart(text, head)
	if sp.end > 0 {
		// A lazy match may stop at a type word inside the title ("…的十条扶持政策").
		if m := reTypeRun.FindStringIndex(text[sp.end:min(len(text), sp.end+40)]); m != nil {
			sp.end += m[1]
			t = text[sp.start:sp.end]
		}
	}
	return t, sp
}

// reTypeRun is more type words right after a title's end.
var reTypeRun = regexp.MustCompile(`^(?:` + strings.Join(docTypes, "|") + `)+` + titleSuffix)

func findTitleStart(text string, head int) (string, span) {
	zone := text[:head]
	// A 印发 notice names the policy it carries in 《》: that is the title.
	if m := reNoticeQuote.FindStringSubmatchIndex(zone); m != nil {
		s, e := m[2], m[3]
		if s < 0 {
			s, e = m[4], m[5]
		}
		if t := zone[s:e]; reTypeEnd.MatchString(t) && !strings.HasSuffix(t, "通知") {
			return t, span{s, e}
		}
	}
	// A title line of its own near the top.
	for i, ln := range lines(zone, 25) {
		t := strings.TrimSpace(zone[ln.start:ln.end])
		if n := utf8.RuneCountInString(t); n < 6 || n > 90 || !reTypeEnd.MatchString(t) || isChrome(t) || strings.ContainsAny(t, "。，,；") {
			continue
		}
		// A title names its subject: it has 关于, or starts with a body or a
		// place, or opens the document; a wrapped fragment of prose does not.
		if strings.Contains(t, "关于") || startsOrg(t) || i < 3 {
			return t, ln
		}
	}
	// A title opening a line, with the body run on after it ("…实施细则（试行）为做好…").
	for _, ln := range lines(zone, 25) {
		t := zone[ln.start:ln.end]
		if m := reLeadTitle.FindStringSubmatch(t); m != nil && startsOrg(m[1]) && !isChrome(t) {
			return m[1], span{ln.start, ln.start + len(m[1])}
		}
	}
	// An inline 关于… title, with the issuer written before it; one inside
	// 《》 is a citation.
	if m := firstUnquoted(reGuanyu, zone); m != nil {
		s := issuerPrefixStart(zone, m[0])
		if n := reNoticeEnd.FindStringIndex(zone[m[1]:]); n != nil && strings.Contains(zone[m[0]:m[1]], "印发") {
			m[1] += n[1] // "关于印发…规划的通知": the lazy match stopped at 规划
		}
		t := zone[s:m[1]]
		if sub := reNoticeTitle.FindStringSubmatch(t); sub != nil {
			// 关于印发X的通知 without 《》: the policy is X; prefer its own heading if it follows.
			if own := ownHeading(zone[m[1]:], sub[1]); own != "" {
				return own, span{}
			}
		}
		return t, span{s, m[1]}
	}
	for _, m := range reQuotedPolicy.FindAllStringSubmatchIndex(zone, -1) {
		// A policy cited as grounds (为落实《…》) is not this document.
		if !reCites.MatchString(zone[max(0, m[0]-24):m[0]]) {
			return zone[m[2]:m[3]], span{m[2], m[3]}
		}
	}
	return "", span{}
}

// reLeadTitle is a title at the start of a line that runs on into the body.
var reLeadTitle = regexp.MustCompile(`^([^。，,；;：:《》]{6,60}?(?:` + docTypeAlt + `)` + titleSuffix + `)(?:为|根据|按照|依据|经研究)`)

// firstUnquoted returns the first match of re in s that is not inside 《》.
func firstUnquoted(re *regexp.Regexp, s string) []int {
	for _, m := range re.FindAllStringIndex(s, 8) {
		start := issuerPrefixStart(s, m[0])
		if open := strings.LastIndex(s[:start], "《"); open >= 0 && !strings.Contains(s[open:start], "》") && strings.Contains(s[m[1]:min(len(s), m[1]+40)], "》") {
			continue
		}
		return m
	}
	return nil
}

// ownHeading looks in the text after a 关于印发X的通知 title for the policy's own
// 关于… heading that ends with X's type.
func ownHeading(after, x string) string {
	typ := reTypeEnd.FindString(x)
	if typ == "" {
		return ""
	}
	for _, m := range reGuanyu.FindAllString(after, 3) {
		if strings.HasSuffix(m, typ) && !strings.Contains(m, "印发") {
			return m
		}
	}
	return ""
}

// issuerPrefixStart extends a 关于 title start back over an issuing body
// written right before it (中共成都市青羊区委关于…), stopping at punctuation,
// a line break, a 文号 or a page-number marker.
func issuerPrefixStart(zone string, at int) int {
	s := at
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(zone[:s])
		if isSpace(r) || strings.ContainsRune("。，,；;：:、）)」】〕]》”0123456789号", r) || at-s >= 60 {
			break
		}
		s -= n
	}
	prefix := zone[s:at]
	// Keep only the tail that is an organisation name.
	if org := trailingOrg(prefix); org != "" {
		return at - len(org)
	}
	return at
}

// lines returns up to max non-blank line spans of text.
func lines(text string, max int) []span {
	var out []span
	start := 0
	for i := 0; i <= len(text) && len(out) < max; i++ {
		if i == len(text) || text[i] == '\n' {
			out = appendTrimmed(out, text, start, i)
			start = i + 1
		}
	}
	return out
}

// typeOfTitle returns the document type a title states, ignoring a wrapping
// 印发…通知 when the title quotes the policy.
func typeOfTitle(title string) string {
	t := title
	for {
		u := strings.TrimSpace(t)
		if i := strings.LastIndexAny(u, "（("); i > 0 && (strings.HasSuffix(u, "）") || strings.HasSuffix(u, ")")) {
			t = u[:i]
			continue
		}
		break
	}
	for _, typ := range docTypes {
		if strings.HasSuffix(t, typ) {
			return typ
		}
	}
	return ""
}
