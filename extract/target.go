package extract

import (
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

var (
	// reGoalSection is the heading of a section of goals.
	reGoalSection = regexp.MustCompile(`目标|预期成效|发展成效`)
	// reTargetVerb precedes a goal's number.
	reTargetVerb = regexp.MustCompile(`达到|达|突破|超过|力争|争取|培育|新增|建成|建设|打造|引进|引育|开发|实现|保持在|提升至|提高到|提高至|增长|增至|增加|不少于|不低于|累计|培养|组建|形成|集聚|聚集|认定|遴选|实施|支持|推动|创建|筹建|组织|选聘|开通|带动|帮助|孵化|转化|落地|招引|攻关|获得|完成|创成`)
	// reTargetAfter follows a goal's number.
	reTargetAfter = regexp.MustCompile(`^\s*(?:[（(]\s*含\s*[）)])?\s*(?:以上|左右|及以上|之内)`)
	// reStatistic marks a number that describes the past or the present.
	reStatistic = regexp.MustCompile(`已|现有|目前|共有|去年|上年|同比|截至|截止|累计达|完成了`)
	// reRequirement marks a rule the reader must meet, not a goal
	// ("入园企业须…达到", "不得超过7%").
	reRequirement = regexp.MustCompile(`须|必须|应当|应达到|不得|方可|才能|可选择|要求|按不低于|按不高于`)
	// reBaseline is "在2022年111家的基础上".
	reBaseline = regexp.MustCompile(`^[^，,]{0,12}的?基础上`)
	reYear     = regexp.MustCompile(`(?:到|至|在|于|力争|争取)?\s*((?:19|20)\d{2})\s*年(?:前|底|末)?`)
	reCondSeg  = regexp.MustCompile(`的$`)
	// reComparator maps the words around a goal's number to its comparator.
	reGreater = regexp.MustCompile(`突破|超过|高于`)
	reAtLeast = regexp.MustCompile(`不少于|不低于|以上`)
	reAbout   = regexp.MustCompile(`左右|约`)
)

// targetUnits are the units a goal is counted in. Others ("一支队伍", "两张清单",
// "十条政策", "3份") are words that happen to follow a number.
var targetUnits = map[string]bool{
	"家": true, "个": true, "项": true, "人": true, "名": true, "件": true, "场": true, "套": true,
	"%": true, "元": true, "台": true, "座": true, "所": true, "亩": true, "平方米": true, "户": true,
	"人次": true, "批": true, "篇": true, "部": true, "公里": true, "吨": true, "辆": true, "个百分点": true,
	"万平方米": true, "千瓦": true, "万千瓦": true, "种": true, "款": true,
}

// reNearVerb is a goal verb close enough to its number to govern it.
var reNearVerb = regexp.MustCompile(`(?:达到|达|突破|超过|力争|争取|培育|新增|建成|建设|打造|引进|引育|开发|实现|保持在|保持|提升至|提高到|提高至|提高|增长|增至|增加|不少于|不低于|累计|培养|组建|形成|集聚|聚集|认定|遴选|实施|支持|创建|筹建|组织|选聘|开通|带动|帮助|孵化|落地|招引|攻关|获得|完成|创成|引导|举办|开展|推广|吸引|入选|突破)[^，,；;。]{0,16}$`)

// reGoalWords mark a sentence that states goals.
var reGoalWords = regexp.MustCompile(`力争|争取|到(?:19|20)\d{2}年|目标|预计|每年|年均|以上|左右|不少于|不低于|突破|超过`)

// findTargets returns the quantified goals of the document.
func findTargets(d *doc, p *huiqi.Policy) []huiqi.Target {
	moneyAt := map[int]bool{}
	for _, m := range p.Measures {
		if m.AmountYuan != nil {
			moneyAt[m.AmountSpan.Start] = true
		}
	}
	docYear := p.IssuedOn.Year
	var out []huiqi.Target
	for _, s := range d.sentences {
		if s.end <= d.bodyStart {
			continue
		}
		out = append(out, sentenceTargets(d, s, moneyAt, docYear)...)
	}
	return out
}

// sentenceTargets reads the goals of one sentence.
func sentenceTargets(d *doc, s span, moneyAt map[int]bool, docYear int) []huiqi.Target {
	t := d.str(s)
	qs := cnum.FindQuantities(t)
	if len(qs) == 0 {
		return nil
	}
	c := d.clauseAt(s.start)
	inGoals := c != nil && d.inGoalSection(c)
	if !inGoals && (hasMoney(moneyAt, s) || reGiveOrTax.MatchString(t) && reBeneficiary.MatchString(t)) {
		return nil // a support sentence ("对…的企业，给予…"): its numbers are conditions
	}
	segs := segments(d.text, s)
	secYear := d.sectionYear(c)
	var out []huiqi.Target
	var baseline *float64
	baseYear := 0
	for i, q := range qs {
		q.Start += s.start
		q.End += s.start
		if !targetUnits[q.Unit] || q.Min != nil {
			continue // not a count of something, or a vague range ("2-3个")
		}
		seg := segs[segIndex(segs, q.Start)]
		before := d.text[seg.start:q.Start]
		after := d.text[q.End:seg.end]
		segText := strings.TrimSpace(d.str(seg))
		if reBaseline.MatchString(after) {
			v := q.Value
			baseline, baseYear = &v, yearIn(before)
			continue
		}
		if !inGoals && (reCondSeg.MatchString(strings.TrimRight(segText, "，,")) || reGiveOrTax.MatchString(segText) || strings.HasSuffix(strings.TrimSpace(before), "在")) {
			continue // "年销售收入2000万元以下的", "总投资在10亿元以上": conditions; "给予": support
		}
		if rePerBaseBefore.MatchString(before) || reCapBefore.MatchString(before) || reCapAfter.MatchString(after) || qualifier(d, qs, i, s, q) || slogan(d.text, q.Start, q.End) {
			continue
		}
		if !hasDigit(q.Text) && q.Value < 10 && !reTargetAfter.MatchString(after) {
			continue // "三种发展模式", "五个方面": a few kinds of things, not a goal
		}
		near := reNearVerb.MatchString(before)
		if !near && !(reTargetAfter.MatchString(after) && (inGoals || reGoalWords.MatchString(t[:q.Start-s.start]))) && !(inGoals && q.Unit == "%") {
			continue
		}
		if reRequirement.MatchString(t) && !inGoals || perUnitAfter(after) {
			continue // a requirement, or a rate per unit ("245万元/亩")
		}
		if reStatistic.MatchString(before) || isPast(before, docYear) {
			continue
		}
		tg := huiqi.Target{
			Indicator:  indicator(before),
			Value:      q.Value,
			Unit:       unitName(q.Unit),
			Comparator: comparator(before, after),
			Text:       t,
			Span:       huiqi.Span{Start: s.start, End: s.end},
		}
		if c != nil {
			tg.Clause, tg.ClausePath = clauseRef(c), c.Path
		}
		if y := yearIn(d.text[s.start:q.Start]); y != 0 {
			tg.Year = y
		} else {
			tg.Year = secYear
		}
		if baseline != nil {
			tg.Baseline, tg.BaselineYear = baseline, baseYear
			baseline = nil
		}
		out = append(out, tg)
	}
	return out
}

// reBeneficiary is the "对…" phrase that names who a support sentence is for.
var reBeneficiary = regexp.MustCompile(`(?:^|[，,：:；;])\s*(?:[0-9一二三四五六七八九十]+[、.．]\s*)?对`)

// reGiveOrTax marks a segment that grants support; its numbers are conditions.
var reGiveOrTax = regexp.MustCompile(reGive.String() + `|免征|减免|减按|减半|返还`)

// slogan reports whether a number is part of a quoted slogan ("五个倍增",
// "最后一公里") or a list of aspects ("五个方面").
func slogan(text string, s, e int) bool {
	before := text[max(0, s-3):s]
	after := text[e:min(len(text), e+12)]
	if strings.HasSuffix(before, "“") || strings.HasSuffix(before, "\"") {
		return true
	}
	if i := strings.IndexAny(after, "”\"，,。；"); i >= 0 && (strings.HasPrefix(after[i:], "”") || strings.HasPrefix(after[i:], "\"")) && i <= 9 {
		return true
	}
	return strings.HasPrefix(after, "方面")
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789０１２３４５６７８９")
}

// perUnitAfter reports whether a number is a rate per some unit ("2000元/平方米").
func perUnitAfter(after string) bool {
	after = strings.TrimSpace(after)
	return strings.HasPrefix(after, "/") || strings.HasPrefix(after, "∕") || strings.HasPrefix(after, "／")
}

// hasMoney reports whether a support amount lies in the sentence.
func hasMoney(moneyAt map[int]bool, s span) bool {
	for at := range moneyAt {
		if at >= s.start && at < s.end {
			return true
		}
	}
	return false
}

// qualifier reports whether quantity i only qualifies a later count in the same
// phrase ("销售收入达到1亿元以上企业8家": 1亿元 qualifies 8家).
func qualifier(d *doc, qs []cnum.Quantity, i int, s span, q cnum.Quantity) bool {
	if i+1 >= len(qs) || (q.Unit != "元" && q.Unit != "%") {
		return false
	}
	next := qs[i+1]
	between := d.text[q.End : s.start+next.Start]
	if strings.ContainsAny(between, "，,、；;和及") {
		return false
	}
	return reTargetAfter.MatchString(between) && next.Unit != "元" && next.Unit != "%"
}

// isPast reports whether the words before a number put it in a year before the document's.
func isPast(before string, docYear int) bool {
	y := yearIn(before)
	return docYear != 0 && y != 0 && y < docYear && !strings.Contains(before, "到")
}

// yearIn returns the last year written in s, or 0.
func yearIn(s string) int {
	ms := reYear.FindAllStringSubmatch(s, -1)
	if len(ms) == 0 {
		return 0
	}
	y := 0
	for _, r := range ms[len(ms)-1][1] {
		y = y*10 + int(r-'0')
	}
	return y
}

var reIndicatorTrim = regexp.MustCompile(`^(?:力争|争取|到|至|在)?\s*(?:(?:19|20)\d{2}\s*年(?:前|底|末)?)?\s*[，,]?\s*(?:力争|争取)?`)

// indicator names what a goal counts: the phrase before its number without the verb.
func indicator(before string) string {
	s := strings.TrimSpace(reIndicatorTrim.ReplaceAllString(strings.TrimSpace(before), ""))
	for _, v := range []string{"达到", "突破", "超过", "不少于", "不低于", "提升至", "提高到", "提高至", "增至", "保持在", "达"} {
		if strings.HasSuffix(s, v) {
			s = strings.TrimSuffix(s, v)
			break
		}
	}
	return strings.TrimSpace(s)
}

func comparator(before, after string) string {
	switch {
	case reAbout.MatchString(after) || strings.HasSuffix(before, "约"):
		return "≈"
	case reGreater.MatchString(before):
		return ">"
	case reAtLeast.MatchString(before) || reAtLeast.MatchString(after):
		return "≥"
	}
	return "="
}

// unitName folds counter words the export treats as one.
func unitName(u string) string {
	if u == "名" {
		return "人"
	}
	return u
}

// inGoalSection reports whether c lies in a section whose heading states goals.
func (d *doc) inGoalSection(c *huiqi.Clause) bool {
	if v, ok := d.goalCache[c.Path]; ok {
		return v
	}
	v := d.inGoalSectionUncached(c)
	d.goalCache[c.Path] = v
	return v
}

func (d *doc) inGoalSectionUncached(c *huiqi.Clause) bool {
	for i := range d.clauses {
		a := &d.clauses[i]
		if ancestorOf(a, c) && reGoalSection.MatchString(a.Heading) {
			return true
		}
	}
	return false
}

// sectionYear is the target year a goal section states for all its items
// ("到2027年,…"): the first year in the head text of c or its ancestors.
func (d *doc) sectionYear(c *huiqi.Clause) int {
	if c == nil {
		return 0
	}
	if y, ok := d.yearCache[c.Path]; ok {
		return y
	}
	y := d.sectionYearUncached(c)
	d.yearCache[c.Path] = y
	return y
}

var reSectionYear = regexp.MustCompile(`(?:到|至|力争|争取)\s*((?:19|20)\d{2})\s*年`)

func (d *doc) sectionYearUncached(c *huiqi.Clause) int {
	for i := len(d.clauses) - 1; i >= 0; i-- {
		a := &d.clauses[i]
		if !ancestorOf(a, c) {
			continue
		}
		head := d.text[a.HeadSpan.Start:min(a.HeadSpan.End, a.HeadSpan.Start+300)]
		if m := reSectionYear.FindStringSubmatch(head); m != nil {
			return yearIn(m[0])
		}
	}
	return 0
}
