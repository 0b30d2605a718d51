package region

import "strings"

// Resolve returns the region of the government that issued a document,
// from the given texts: issuer names first, then the title.
//
// The first text that names a region decides: "中共成都市青羊区委" is
// 510105, "嘉兴市科学技术局" 330400, "山东省科学技术厅" 370000. Within a text
// a later, deeper name refines an earlier one (成都市…青羊区). A text that
// starts with a central body (国务院办公厅, 科技部, 国家发展改革委) gives
// National, unless it names a region before any 关于 (国家税务总局浙江省税务局).
//
// Names shared by several regions (鼓楼区) are settled by a city or province
// named anywhere in the texts; without one the name is ignored rather than
// guessed. Short names without their suffix (成都, 浙江) count only before a
// government-body word (成都高新区), so 中山大学 names no region. Texts must
// be Simplified Chinese. ok is false when no text names a region.
func Resolve(texts ...string) (Region, bool) {
	data()
	all := make([][]mention, len(texts))
	for i, t := range texts {
		all[i] = index.mentions(t)
	}
	ctx := contextCodes(all)
	for i, t := range texts {
		if nationalPrefix(t) && !mentionBefore(all[i], subjectStart(t)) {
			return National, true
		}
		if r, ok := resolveMentions(all[i], ctx, subjectStart(t)); ok {
			return r, true
		}
	}
	return Region{}, false
}

// contextCodes collects the codes named unambiguously in any text.
func contextCodes(all [][]mention) []string {
	var ctx []string
	for _, ms := range all {
		for _, m := range ms {
			if len(m.codes) == 1 {
				ctx = append(ctx, m.codes[0])
			}
		}
	}
	return ctx
}

// resolveMentions picks the first settled mention and refines it with later
// mentions inside it (成都市…青羊区). A name before 关于 is the issuer's, so
// names in the subject after it ("浙江省人民政府关于印发杭州市…") do not refine it.
func resolveMentions(ms []mention, ctx []string, subject int) (Region, bool) {
	cur, issuer := "", false
	for _, m := range ms {
		code, ok := settle(m, ctx)
		switch {
		case !ok || (issuer && m.start >= subject):
		case cur == "":
			cur, issuer = code, m.start < subject
		case code != cur && Contains(cur, code):
			cur = code
		}
	}
	if cur == "" {
		return Region{}, false
	}
	return Lookup(cur)
}

// settle returns the one region a mention means, using the context to
// choose among regions that share a name.
func settle(m mention, ctx []string) (string, bool) {
	if len(m.codes) == 1 {
		return m.codes[0], true
	}
	found := ""
	for _, c := range m.codes {
		for _, x := range ctx {
			if x != c && Contains(x, c) {
				if found != "" && found != c {
					return "", false
				}
				found = c
			}
		}
	}
	return found, found != ""
}

// mentionBefore reports whether a mention starts before byte i.
func mentionBefore(ms []mention, i int) bool {
	return len(ms) > 0 && ms[0].start < i
}

// subjectStart returns where a title's subject begins (at 关于), so that
// regions named there ("国务院关于支持新疆…") are not taken for the issuer.
func subjectStart(text string) int {
	if i := strings.Index(text, "关于"); i >= 0 {
		return i
	}
	return len(text)
}

// centralBodies are the names that open a central-government issuer or title.
var centralBodies = strings.Fields(`中共中央 中华人民共和国 国务院 中央 全国人民代表大会 全国人大 全国政协 国家 最高人民法院
	最高人民检察院 中国人民银行 人民银行 中国气象局 中国民用航空局 中国民航局 中国地震局 国铁集团
	全国总工会 全国妇联 全国工商联 海关总署 审计署 中国科学院 中国工程院 中国科协 中华全国 共青团中央
	中国证券监督管理委员会 中国证监会 中国银行保险监督管理委员会 中国银保监会 外交部 国防部 教育部 科学技术部
	科技部 工业和信息化部 工信部 公安部 民政部 司法部 财政部 人力资源社会保障部 人力资源和社会保障部 人社部
	自然资源部 生态环境部 住房和城乡建设部 住房城乡建设部 交通运输部 水利部 农业农村部 农业部 商务部
	文化和旅游部 退役军人事务部 应急管理部 国土资源部 环境保护部 监察部 文化部 卫生部`)

// nationalPrefix reports whether text starts (after spaces) with a
// central body.
func nationalPrefix(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\u3000")
	for _, b := range centralBodies {
		if strings.HasPrefix(t, b) {
			return true
		}
	}
	return false
}
