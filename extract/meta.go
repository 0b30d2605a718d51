package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
	"github.com/huiqi-dev/huiqi/region"
)

// headZone is how far into a document its header (chrome, 印发 notice, title,
// signature) is looked for.
const headZone = 3000

var (
	reDocNumber  = regexp.MustCompile(`[\p{Han}]{1,12}\s*[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*第?\s*\d{1,4}\s*号`)
	reBareNumber = regexp.MustCompile(`(?:文件|^)\s*([\p{Han}]{2,6}(?:19|20)\d{2}\d{1,4}号)`)
	reDraft      = regexp.MustCompile(`征求意见稿|草案|送审稿|征求意见`)
)

// readMeta fills the document metadata of p from the text and the hints.
func readMeta(p *huiqi.Policy, d *doc, h huiqi.Hints) {
	text := d.text
	head := min(len(text), headZone)
	fields := chromeFields(text[:head])

	title, tspan := findTitle(text, head)
	if title == "" {
		title = h.Title
	}
	if p.Source.Format == "jsonl" {
		// A corpus record's release time is when the compiler collected it,
		// not a publication date the document states.
		h.PublishedOn = huiqi.Date{}
	}
	p.Title = normTitle(title)
	if tspan.end > 0 {
		d.bodyStart = tspan.end
	}
	p.DocType = typeOfTitle(p.Title)
	if p.DocType == "" && !hasHan(p.Title) {
		p.DocType = englishType(p.Title)
	}
	p.Draft = reDraft.MatchString(p.Title) || reDraft.MatchString(text[:min(len(text), 400)])
	p.DocNumber = findDocNumber(text, head, fields)
	p.Issuers = findIssuers(text, head, title, p.DocNumber, fields, h)
	p.IssuedOn, p.PublishedOn = findDates(text, head, fields, h)
	readValidity(p, d)
	p.Repeals = findRepeals(d)
	if r, ok := region.Resolve(append(append([]string{}, p.Issuers...), p.Title)...); ok {
		p.Region = &huiqi.Region{Code: r.Code, Name: r.FullName}
	} else if reSelfLocal.MatchString(text) {
		if r, ok := region.FromBody(text); ok {
			p.Region = &huiqi.Region{Code: r.Code, Name: r.FullName}
		}
	}
}

// reSelfLocal finds a local document speaking of its own place (我市, 本县);
// only such a document takes its region from the places its body names.
var reSelfLocal = regexp.MustCompile(`(我|本|全)(市|县|区|旗|州)`)

// normTitle trims quotation marks and spaces a title picks up from its context.
func normTitle(t string) string {
	t = strings.TrimSpace(t)
	t = strings.Trim(t, "《》“”\"")
	if hasHan(t) {
		t = strings.Join(strings.Fields(t), "")
	} else {
		t = strings.Join(strings.Fields(t), " ")
	}
	// A title quoted inside a title is written <…> or 〈…〉 for 《…》.
	if strings.Contains(t, "<") && strings.Contains(t, ">") {
		t = strings.NewReplacer("<", "《", ">", "》").Replace(t)
	}
	return strings.NewReplacer("〈", "《", "〉", "》").Replace(t)
}

// findDocNumber returns the 发文字号 of the document: a portal field, or a
// number in the header that is not a citation of another document.
func findDocNumber(text string, head int, fields map[string]string) string {
	for _, k := range []string{"发文字号", "文号"} {
		if v := reDocNumber.FindString(fields[k]); v != "" {
			return strings.ReplaceAll(v, " ", "")
		}
	}
	if m := reBareNumber.FindStringSubmatch(text[:min(len(text), 400)]); m != nil {
		return m[1] // "温政发202057号", printed without brackets in a 红头 header
	}
	for _, m := range reDocNumber.FindAllStringIndex(text[:head], -1) {
		if isCitation(text, m[0], m[1]) {
			continue
		}
		return trimNumberPrefix(strings.ReplaceAll(text[m[0]:m[1]], " ", ""))
	}
	return ""
}

// reNumberStop are words that end the text before a 文号's prefix.
var reNumberStop = regexp.MustCompile(`文件|办公室|办公厅|人民政府|委员会|局|厅|的|` + strings.Join(docTypes, "|"))

func trimNumberPrefix(n string) string {
	i := strings.IndexAny(n, "〔[［【（(")
	if i <= 0 {
		return n
	}
	prefix := n[:i]
	if utf8.RuneCountInString(prefix) <= 6 {
		return n
	}
	// The prefix ran into the words before it ("…办公室文件临政办发",
	// "宁波市鄞州区财政局鄞商局", "…的实施意见兰政发"): cut at the last place,
	// after one of those words, that leaves a prefix of 2 to 6 characters.
	cut := -1
	for _, m := range reNumberStop.FindAllStringIndex(prefix, -1) {
		if r := utf8.RuneCountInString(prefix[m[1]:]); r >= 2 && r <= 6 {
			cut = m[1]
		}
	}
	if cut < 0 {
		return n
	}
	return prefix[cut:] + n[i:]
}

// isCitation reports whether the number at [s, e) cites another document: it
// sits in brackets after a quoted title, or after 根据/按照.
func isCitation(text string, s, e int) bool {
	before := text[max(0, s-12):s]
	if strings.HasSuffix(strings.TrimSpace(before), "》（") || strings.HasSuffix(before, "》(") ||
		strings.HasSuffix(before, "（") || strings.HasSuffix(before, "(") || strings.HasSuffix(before, "》") {
		return true
	}
	after := text[e:min(len(text), e+12)]
	return strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")") || strings.HasPrefix(after, "文件）")
}

// findIssuers collects the issuing bodies: portal field, 红头 header, the body
// named before 关于 in the title, and the signature above the date.
func findIssuers(text string, head int, title, number string, fields map[string]string, h huiqi.Hints) []string {
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			n = strings.TrimSpace(n)
			if n != "" && !contains(out, n) {
				out = append(out, n)
			}
		}
	}
	for _, k := range []string{"发文机关", "发布机构", "发文单位"} {
		add(splitIssuers(fields[k])...)
	}
	if m := reHeaderFile.FindStringSubmatch(text[:min(len(text), 400)]); m != nil {
		add(splitIssuers(trimLeadingCode(m[1]))...)
	}
	if i := strings.Index(title, "关于"); i > 0 {
		add(splitIssuers(title[:i])...)
	}
	add(signatureIssuers(text, head)...)
	add(publishedBy(text, head)...)
	add(namedBefore(text, head, title, number)...)
	if ls := lines(text[:head], 1); len(ls) == 1 {
		// A body's name alone on the first line is the issuer's header.
		if first := strings.TrimSpace(text[ls[0].start:ls[0].end]); utf8.RuneCountInString(first) <= 40 && trailingOrg(first) == first {
			add(splitIssuers(first)...)
		}
	}
	if m := reAdopted.FindStringSubmatch(text[:head]); m != nil {
		if org := adoptingBody(m[2]); org != "" {
			add(org)
		}
	}
	if len(out) == 0 && h.Issuer != "" {
		if hasHan(h.Issuer) {
			add(splitIssuers(h.Issuer)...)
		} else {
			add(englishIssuers(h.Issuer)...)
		}
	}
	return out
}

var (
	reNoticeVerb = regexp.MustCompile(`关于(?:印发|转发|发布)`)
	rePrinted    = regexp.MustCompile(`(?m)印发\s*$`)
)

// namedBefore reads bodies written right before the document's own markers on
// the same line: its 文号, a 关于印发 notice title, the title itself (a
// signature block run into it), and a closing "…办公室印发" line.
func namedBefore(text string, head int, title, number string) []string {
	var out []string
	take := func(end int) {
		before := strings.TrimSpace(afterLastAny(text[max(0, end-240):end], "\n。；;，,：:）)★"))
		org := trailingOrg(before)
		if org == "" || strings.HasSuffix(strings.TrimSuffix(before, org), "《") {
			return // nothing, or the issuer of a document cited in 《》
		}
		out = append(out, splitIssuers(org)...)
	}
	if number != "" {
		if i := strings.Index(text[:head], number); i >= 0 {
			take(i)
		}
	}
	if m := reNoticeVerb.FindStringIndex(text[:head]); m != nil {
		take(m[0])
	}
	if title != "" {
		for i, from := 0, 0; i < 3; i++ {
			j := strings.Index(text[from:head], title)
			if j < 0 {
				break
			}
			take(from + j)
			from += j + len(title)
		}
	}
	tail := max(0, len(text)-600)
	for _, m := range rePrinted.FindAllStringIndex(text[tail:], -1) {
		take(tail + m[0])
	}
	return out
}

// rePublicNote follows the signing body of a 印发 notice: "(此件公开发布)".
var rePublicNote = regexp.MustCompile(`[（(]此件(?:公开发布|主动公开|依申请公开|不公开)[）)]`)

// publishedBy reads the body that signs a notice without a date, right before
// "(此件公开发布)".
func publishedBy(text string, head int) []string {
	var out []string
	for _, m := range rePublicNote.FindAllStringIndex(text, -1) {
		if m[0] > head && m[0] < len(text)-2500 {
			continue
		}
		before := strings.TrimSpace(afterLastAny(strings.TrimRight(text[max(0, m[0]-200):m[0]], " \t\u3000\n"), "\n。；;，,：:）)"))
		if org := trailingOrg(before); org != "" {
			out = append(out, splitIssuers(org)...)
		}
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// trimLeadingCode drops a registration code (JLHD01—2017—0030) before a header.
func trimLeadingCode(s string) string {
	for i, r := range s {
		if r >= 0x4e00 {
			return s[i:]
		}
	}
	return s
}

// adoptingBody turns "中国共产党成都市青羊区第八届委员会" into the body's name.
func adoptingBody(s string) string {
	re := regexp.MustCompile(`^(.+?)第[^第]{1,6}届(委员会|人民代表大会常务委员会|人民代表大会)$`)
	if m := re.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1] + m[2]
	}
	return ""
}

// signatureIssuers reads the bodies that sign the document: the organisation
// names written immediately before a full date, on the same line or the line
// above, in the header or at the end.
func signatureIssuers(text string, head int) []string {
	var out []string
	tail := max(head, len(text)-2500)
	for _, dm := range cnum.FindDates(text) {
		if dm.Date.Day == 0 || (dm.Start > head && dm.Start < tail) {
			continue
		}
		before := strings.TrimRight(text[max(0, dm.Start-200):dm.Start], " \t\u3000")
		if strings.HasSuffix(before, "\n") {
			before = strings.TrimRight(before, "\n \t\u3000")
		}
		before = afterLastAny(before, "\n。；;，,：:）)")
		before = strings.TrimSpace(before)
		if org := orgLine(before); org != "" {
			if names := splitIssuers(org); len(names) > 0 {
				out = append(out, names...)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// afterLastAny returns the part of s after the last rune that is in chars.
func afterLastAny(s, chars string) string {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if strings.ContainsRune(chars, r) {
			return s[i:]
		}
		i -= n
	}
	return s
}
