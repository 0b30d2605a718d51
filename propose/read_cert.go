package propose

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// certWords are the words of titles a profile can hold (package profile's
// names and aliases, and the forms texts write them in), longest first so
// 科技企业孵化器 is taken before 孵化器.
var certWords = func() []string {
	ws := []string{
		"专精特新“小巨人”企业", "专精特新\"小巨人\"企业", "专精特新小巨人", "制造业单项冠军", "单项冠军",
		"政府质量奖", "人民政府质量奖",
	}
	for w := range variants {
		ws = append(ws, w)
	}
	for _, w := range profile.CertificationWords() {
		if readable(w) {
			ws = append(ws, w)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	return ws
}()

// readable: a word that names the title wherever it stands. Short aliases
// (瞪羚, 雏鹰, 小巨人: a local 小巨人 is no 专精特新 one), 规上企业 (a
// 规上 service firm is no 规上工业企业), 质量奖 (企业质量奖 of an industry
// association) and a name with a slash are not.
func readable(w string) bool {
	switch w {
	case "高企", "孵化器", "加速器":
		return true
	case "规上企业", "质量奖":
		return false
	}
	return utf8.RuneCountInString(w) >= 4 && !strings.Contains(w, "/")
}

// variants are the ways texts write a title that package profile does not
// list, with the level the words themselves give ("" when the level words
// before it say): 中国质量奖 is the national 政府质量奖.
var variants = map[string]struct{ name, level string }{
	"中国质量奖":        {"政府质量奖", huiqi.LevelNational},
	"工程（技术）研究中心":   {researchCenter, ""},
	"企业工程（技术）中心":   {researchCenter, ""},
	"工程（技术）中心":     {researchCenter, ""},
	"企业工程技术中心":     {researchCenter, ""},
	"高新技术企业研究开发中心": {researchCenter, ""},
	"高新技术研究开发中心":   {researchCenter, ""},
}

const researchCenter = "企业研发中心/工程技术研究中心"

// afterWords right after a title make it another thing: a candidate
// (单项冠军培育企业), a nomination (质量奖提名奖), an activity
// (重点实验室建设评估).
var afterWords = []string{"培育", "提名", "创建", "建设", "申报", "后备", "团队", "评估", "称号培育"}

// leveled are the titles granted at several levels (孵化器 国家级, 省级…);
// a level word before another title (国家高新技术企业) is part of its name.
var leveled = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range certWords {
		name, _, _ := profile.NormalizeCertification(w)
		if n, level, ok := profile.NormalizeCertification("省级" + name); ok && n == name && level != "" {
			m[name] = true
		}
	}
	return m
}()

// objectWords before a title make it what the applicant serves, not what
// it holds: 每成功培育1户国家高新技术企业.
// 支持建设, 申报, 设立, 建立 make it a task or a project, not a title held.
var objectWords = []string{"培育", "服务", "孵化出", "帮助", "辅导", "建设", "申报", "设立", "建立", "创建", "争创", "共建"}

// sizeCert is the title read as a size class: 规上工业企业 is held, or
// follows from a 工业 industry (B, C, D) and 2000万元 of revenue.
const sizeCert = "规上工业企业"

// newWords say a title must be newly obtained.
var newWords = []string{"新认定", "新获批", "新评定", "新评为", "新获评", "新入选", "新列入", "新晋", "新获得", "新被认定",
	"首次认定", "首次被认定", "首次获得", "首次入选", "首次评为", "首次被评为", "新被评为", "重新认定",
	"当年认定", "当年获批", "当年新", "新建成", "新增的", "新增", "新组建", "新获", "晋升为", "晋升", "升级为"}

type certHit struct {
	name       string // canonical
	start, end int    // the name's bytes
	levels     []string
	from       int // where its level words start
}

// certs reads the titles named in text as one condition: any of them,
// at the level the text gives (the measure's own level when the sentence
// lists one per amount), newly when the text says so.
func (r *reader) certs(text string) []piece {
	hits := findCerts(text)
	if len(hits) == 0 {
		return nil
	}
	newly := false
	first, last := hits[0], hits[len(hits)-1]
	for i := range hits {
		if len(hits[i].levels) == 0 && i > 0 && leveled[hits[i].name] {
			hits[i].levels = hits[i-1].levels
		}
	}
	all := hits
	if r.n > 1 && len(hits) == r.n && sameLevels(hits) {
		hits = hits[r.k : r.k+1] // 中国质量奖、浙江省人民政府质量奖…分别给予: the k-th title, all read
	}
	nstart := first.from
	for _, w := range newWords {
		if i := strings.LastIndex(text[:first.from], w); i >= 0 && first.from-i <= 3*12 {
			newly, nstart = true, min(nstart, i)
		}
	}
	var alts []Cond
	for _, h := range hits {
		alts = append(alts, r.certConds(h, newly)...)
	}
	end := skipParen(text, titleEnd(text, last.end))
	if open(text, first.from, end) || othersBetween(text, all) {
		alts = append(alts, fact(text, r.at))
		nstart, end = 0, len(text) // the fact holds the whole text
	}
	c := alts[0]
	if len(alts) > 1 {
		labels := make([]string, len(alts))
		for i, a := range alts {
			labels[i] = a.Label
		}
		c = Cond{Kind: CondAny, Label: strings.Join(labels, "，或"), Children: alts}
	}
	return []piece{{cond: c, start: nstart, end: end}}
}

// certConds are the alternatives one title gives: one per level when the
// text lists several levels and the sentence does not pair them with its
// amounts.
func (r *reader) certConds(h certHit, newly bool) []Cond {
	if h.name == sizeCert {
		return []Cond{sizeClass()}
	}
	levels := h.levels
	if len(levels) > 1 && len(levels) == r.n {
		levels = levels[r.k : r.k+1]
	}
	if len(levels) == 0 {
		levels = []string{""}
	}
	var out []Cond
	for _, l := range levels {
		c := Cond{Kind: CondCert, Cert: h.name, Level: l, Label: "持有" + certLabel(h.name, l)}
		if newly {
			c.Kind, c.Since, c.Uncertain = CondNewCert, r.since, true
			c.Label = "新认定" + certLabel(h.name, l) + newWindow(r.since)
		}
		out = append(out, c)
	}
	return out
}

func newWindow(since huiqi.Date) string {
	if since.IsZero() {
		return "（认定日期在申请前一年内）"
	}
	return "（认定日期不早于 " + since.String() + "，且在申请前一年内）"
}

func sizeClass() Cond {
	return Cond{Kind: CondAny, Label: "规模以上工业企业", Children: []Cond{
		{Kind: CondCert, Cert: sizeCert, Label: "持有" + sizeCert},
		{Kind: CondAll, Label: "工业企业且上年度主营业务收入2000万元以上", Children: []Cond{
			{Kind: CondIndustry, Prefixes: []string{"B", "C", "D"}, Label: "行业为工业（采矿业、制造业、电力热力燃气及水生产和供应业）"},
			{Kind: CondNumber, Field: "revenue_yuan", Op: ">=", Value: 20000000, Label: "上年度营业收入2000万元以上"},
		}},
	}}
}

var levelLabels = map[string]string{
	huiqi.LevelNational: "国家级", huiqi.LevelProvincial: "省级", huiqi.LevelCity: "市级", huiqi.LevelDistrict: "区（县）级",
}

func certLabel(name, level string) string {
	return levelLabels[level] + name
}

// findCerts finds the titles in text, in order, without overlaps.
func findCerts(text string) []certHit {
	taken := make([]bool, len(text)+1)
	var hits []certHit
	for _, w := range certWords {
		for off := 0; ; {
			i := strings.Index(text[off:], w)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(w)
			off = e
			if taken[s] || taken[e-1] {
				continue
			}
			for j := s; j < e; j++ {
				taken[j] = true
			}
			name, _, _ := profile.NormalizeCertification(w)
			v, isVariant := variants[w]
			if isVariant {
				name = v.name
			}
			if objectOf(text[:s]) || hasAfter(text[e:]) {
				continue
			}
			if v.level != "" {
				hits = append(hits, certHit{name: name, start: s, end: e, levels: []string{v.level}, from: s})
				continue
			}
			levels, from := levelsBefore(text, s)
			if !leveled[name] && localOnly(levels) {
				continue // 金华市级高新技术企业: a local title of the same name
			}
			if !leveled[name] {
				levels = nil // 国家高新技术企业: the words are read, as part of the name
			}
			hits = append(hits, certHit{name: name, start: s, end: e, levels: levels, from: from})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	return hits
}

// localOnly: every level is a city's or a district's.
func localOnly(levels []string) bool {
	for _, l := range levels {
		if l != huiqi.LevelCity && l != huiqi.LevelDistrict {
			return false
		}
	}
	return len(levels) > 0
}

// objectOf reports whether an object word stands shortly before a title.
func objectOf(before string) bool {
	if len(before) > 24 {
		before = before[len(before)-24:]
	}
	for _, w := range objectWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// othersBetween reports whether other items stand between the titles of
// a list (众创空间、众创联盟、创业社区等新型孵化器): then holding one of the
// others may also qualify.
func othersBetween(text string, hits []certHit) bool {
	for i := 1; i < len(hits); i++ {
		start := skipParen(text, titleEnd(text, hits[i-1].end))
		if start >= hits[i].from {
			continue
		}
		gap := text[start:hits[i].from]
		n := 0
		for _, r := range gap {
			if unicode.Is(unicode.Han, r) && !strings.ContainsRune("和及与的", r) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// sameLevels: no title of hits lists several levels (which pair with the
// amounts themselves).
func sameLevels(hits []certHit) bool {
	for _, h := range hits {
		if len(h.levels) > 1 {
			return false
		}
	}
	return true
}

// titleEnd moves past what completes a title: 示范企业, 企业 and a closing
// quotation mark (“中国制造业单项冠军示范企业”).
func titleEnd(text string, end int) int {
	for _, w := range []string{"示范企业", "企业", "”", "\"", "」", "’"} {
		if strings.HasPrefix(text[end:], w) {
			end += len(w)
		}
	}
	return end
}

// hasAfter reports whether an after word follows a title (past 企业 and
// closing quotes).
func hasAfter(after string) bool {
	after = strings.TrimLeft(after, "”\"」")
	after = strings.TrimPrefix(after, "企业")
	for _, w := range afterWords {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// open reports whether the titles read sit in a list with other items
// (国家体育产业示范基地、高新技术企业): then holding one of the others may
// also qualify, and the text is kept as a stated fact beside them.
func open(text string, from, end int) bool {
	before := strings.TrimRight(text[:from], "的")
	for _, sep := range []string{"、", "和", "及", "与"} {
		if strings.HasSuffix(before, sep) {
			return true
		}
		if rest, ok := strings.CutPrefix(text[end:], sep); ok {
			return !findCertsPrefix(rest)
		}
	}
	return false
}

func findCertsPrefix(s string) bool {
	for _, w := range certWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// skipParen moves past a parenthesis right after a title: 孵化器（加速器）.
func skipParen(text string, end int) int {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(text[end:], p[0]) {
			if j := strings.Index(text[end:], p[1]); j > 0 {
				return end + j + len(p[1])
			}
		}
	}
	return end
}
