package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

// measureBuilder fills the fields every measure of one sentence shares.
type measureBuilder struct {
	d      *doc
	s      span
	segs   []span
	clause *huiqi.Clause
}

func (b measureBuilder) base() huiqi.Measure {
	m := huiqi.Measure{
		Text: b.d.str(b.s),
		Span: huiqi.Span{Start: b.s.start, End: b.s.end},
	}
	if b.clause != nil {
		m.Clause = clauseRef(b.clause)
		m.ClausePath = b.clause.Path
	}
	m.Beneficiary, m.Condition = b.beneficiary()
	if t := reTopUp.FindStringSubmatch(m.Text); t != nil {
		m.TopUpOf = t[1]
	}
	return m
}

// amountMeasure is a measure whose amount is written in the sentence.
func (b measureBuilder) amountMeasure(m money) huiqi.Measure {
	out := b.base()
	b.setAmount(&out, m)
	seg := b.segs[m.seg]
	before := b.d.text[seg.start:m.a.Start]
	after := b.d.text[m.a.End:seg.end]
	if m.seg > 0 && reGiveStart.MatchString(before) {
		// "每新增1000万元，奖励4000元": the base is in the segment before.
		before = strings.TrimRight(b.d.str(b.segs[m.seg-1]), "，,") + before
	}
	switch su := reSlashUnit.FindStringSubmatch(after); {
	case su != nil && su[1] != "年":
		out.PerUnit = su[1]
	default:
		out.PerUnit = perUnitOf(before)
	}
	return out
}

// reGiveStart is a segment that starts with the giving verb.
var reGiveStart = regexp.MustCompile(`^\s*(?:分别|再|另|可|并|均)?\s*(?:给予|奖励|补助|补贴|资助|一次性)`)

// rePerWord is the last 每 of a phrase and what follows it.
var rePerWord = regexp.MustCompile(`每([^每，,。；;]{0,30})$`)

// perUnitTrim are words between 每X and the amount that are not the unit.
var rePerUnitTrim = regexp.MustCompile(`(?:[（(]含[）)])|(?:补助标准|奖励标准|补贴标准|标准|一次性|给予|奖励|补助|补贴|资助|的|为|按)`)

// perUnitOf returns what an amount is paid per ("每件" → 件, "每标箱" → 标箱,
// "增量部分每1000万元" → 1000万元), or "" for 每年 (a period, not a unit).
func perUnitOf(before string) string {
	// The last 每 that is not a period (每年, 每月) names the unit.
	for i := len(before); i > 0; {
		j := strings.LastIndex(before[:i], "每")
		if j < 0 {
			return ""
		}
		i = j
		rest := before[j+len("每"):]
		if strings.HasPrefix(rest, "年") || strings.HasPrefix(rest, "月") {
			continue
		}
		return perUnitAt(before[j:])
	}
	return ""
}

// perUnitAt reads the unit of a phrase that starts with 每: a base amount
// ("每新增1000万元"), a counter after an optional verb and number ("每新增1家",
// "每发行一期", "每个品种"), or a unit word right after 每 ("每标箱", "每组").
func perUnitAt(phrase string) string {
	if k := strings.Index(phrase[len("每"):], "每"); k >= 0 {
		phrase = phrase[:len("每")+k]
	}
	if m := rePerBaseStart.FindStringSubmatch(phrase); m != nil {
		return strings.ReplaceAll(m[1], " ", "")
	}
	if m := rePerUnit.FindStringSubmatchIndex(phrase); m != nil && m[0] == 0 {
		return phrase[m[2]:m[3]]
	}
	m := rePerWord.FindStringSubmatch(phrase)
	if m == nil {
		return ""
	}
	u := strings.TrimSpace(rePerUnitTrim.ReplaceAllString(m[1], ""))
	u = strings.TrimLeft(u, "0123456789一个")
	if u == "" || strings.HasPrefix(u, "年") || strings.HasPrefix(u, "月") || utf8.RuneCountInString(u) > 5 {
		return ""
	}
	return u
}

// rePerBaseStart is a base amount right after 每.
var rePerBaseStart = regexp.MustCompile(`^每\s*(?:新增|增加|核销|处置|进口|引进|实现|完成)?\s*([0-9０-９.．一二三四五六七八九十百千万]+\s*(?:万元|亿元|元|万美元|美元|吨|标箱|平方米))`)

// rePerBase is "增量部分每1000万元给予": the amount grows with each 1000万元.
var rePerBase = regexp.MustCompile(`每\s*(?:新增|增加|核销|处置|进口|引进|实现|完成)?\s*([0-9０-９.．一二三四五六七八九十百千万]+\s*(?:万元|亿元|元|万美元|美元|吨|标箱|平方米))(?:\s*[（(]含[）)])?[^，,。；;]{0,8}$`)

// rateMeasure is a measure paid as a share of a base; its amount, if any, is
// the cap that follows.
func (b measureBuilder) rateMeasure(q cnum.Quantity) huiqi.Measure {
	out := b.base()
	r := q.Value / 100
	out.Rate = &r
	seg := b.segs[segIndex(b.segs, q.Start)]
	out.RateBase = rateBase(b.d.text[seg.start:q.Start])
	after := b.d.text[q.End:b.s.end]
	out.Kind = kindOf(after, b.d.text[b.s.start:q.Start])
	out.Periodicity = b.periodicity(q.Start)
	out.PerUnit = perUnitOf(b.d.text[b.s.start:q.Start])
	return out
}

var reRateBase = regexp.MustCompile(`(?:按|按照|给予)(?:其)?([^，,。；;按]{1,30}?)(?:的)?(?:最高)?$`)

// rateBase returns what a rate is a share of: "按实际支付费用的20%" → 实际支付费用.
func rateBase(before string) string {
	before = strings.TrimRight(before, "的 最高不超过")
	if m := reRateBase.FindStringSubmatch(before); m != nil {
		return strings.TrimSuffix(strings.TrimSpace(m[1]), "的")
	}
	return ""
}

// setAmount gives measure out the amount m with its cap, range, kind and period.
func (b measureBuilder) setAmount(out *huiqi.Measure, m money) {
	y := m.a.Yuan
	out.AmountYuan = &y
	out.AmountIsCap = m.cap
	if m.a.MinYuan != nil {
		v := *m.a.MinYuan
		out.AmountMinYuan = &v
		out.AmountIsCap = false
	}
	out.AmountSpan = huiqi.Span{Start: m.a.Start, End: m.a.End}
	seg := b.segs[m.seg]
	after := b.d.text[m.a.End:b.s.end]
	before := b.d.text[b.s.start:m.a.Start]
	if out.Rate == nil || out.Kind == "" {
		segBefore := b.d.text[seg.start:m.a.Start]
		if v := lastIndex(reGive, segBefore); v >= 0 {
			segBefore = segBefore[v:] // the noun after the verb: "给予奖励50万元"
		}
		out.Kind = kindOf3(cutAtNextAmount(after), segBefore, before)
	}
	if out.Kind != huiqi.KindFund && reFundSet.MatchString(before) && strings.Contains(cutAtNextAmount(after), "基金") {
		out.Kind = huiqi.KindFund
	}
	if isBudgetLine(before, after) {
		out.Kind = huiqi.KindFund
	}
	if p := b.periodicity(m.a.Start); p != "" {
		out.Periodicity = p
	}
}

// reBudget is a public budget line: "县财政每年安排300万元", "设立…专项资金".
var reBudget = regexp.MustCompile(`(?:财政|政府|每年|年度)[^，,。；;]{0,10}(?:安排|统筹|设立|筹集|预算)[^，,。；;]{0,14}$`)

// isBudgetLine reports whether an amount is money the government sets aside
// (a fund) rather than money paid to a beneficiary.
func isBudgetLine(before, after string) bool {
	if !reBudget.MatchString(before) {
		return false
	}
	return !strings.HasPrefix(strings.TrimSpace(after), "奖励") && !strings.Contains(before, "给予")
}

// cutAtNextAmount keeps the words between an amount and the next one, where
// its noun (奖励, 补助) is written.
func cutAtNextAmount(after string) string {
	if i := strings.IndexAny(after, "。；;"); i >= 0 {
		after = after[:i]
	}
	return after[:min(len(after), 60)]
}

// periodicity reads 一次性 or 每年 in the sentence up to the amount.
func (b measureBuilder) periodicity(at int) string {
	before := b.d.text[b.s.start:at]
	switch {
	case reOneTime.MatchString(b.d.str(b.s)) && !reAnnual.MatchString(before):
		return "one_time"
	case reAnnual.MatchString(before):
		return "annual"
	}
	return ""
}

// beneficiary reads who gets the money ("对新认定的国家级孵化器," → 新认定的国家级孵化器)
// and the conditions written as 的-phrases in the sentence.
func (b measureBuilder) beneficiary() (who, cond string) {
	var conds []string
	for _, sg := range b.segs {
		t := strings.TrimSpace(b.d.str(sg))
		t = strings.TrimRight(t, "，,：:")
		if strings.HasPrefix(t, "对") && who == "" {
			who = trimCond(t)
			if i := strings.Index(who, "给予"); i > 0 {
				who = strings.TrimSuffix(strings.TrimSpace(who[:i]), "的")
			}
		}
		if strings.HasSuffix(t, "的") && !reGive.MatchString(t) {
			conds = append(conds, trimCond(t))
		}
	}
	if who == "" && b.clause != nil && b.clause.Heading != "" {
		who = b.clause.Heading
	}
	return who, strings.Join(conds, "；")
}

// findRates returns the rates of support in a sentence: shares of a base paid
// as support ("按实际支付费用的20%给予补助"), not limits or statistics.
func findRates(d *doc, s span, segs []span) []cnum.Quantity {
	var out []cnum.Quantity
	qs := append(cnum.FindQuantities(d.str(s)), perMille(d.str(s))...)
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
	for _, q := range qs {
		if q.Unit != "%" && q.Unit != "‰" {
			continue
		}
		q.Start += s.start
		q.End += s.start
		if q.Unit == "‰" {
			q.Value /= 10
		}
		seg := segs[segIndex(segs, q.Start)]
		before := d.text[seg.start:q.Start]
		after := d.text[q.End:seg.end]
		segText := d.str(seg)
		if !reGive.MatchString(segText) && !(strings.Contains(before, "按") && reSupport.MatchString(d.text[q.End:s.end])) {
			continue
		}
		if reRateNot.MatchString(strings.NewReplacer("不超过", "", "最高", "").Replace(before)) || strings.Contains(before, "不超过其") || strings.Contains(before, "不得超过") || reAboveBelow.MatchString(after) || strings.Contains(after, "税率") {
			continue
		}
		out = append(out, q)
	}
	return out
}

// reRateNot marks a percentage that is a condition or a limit, not a rate paid.
var reRateNot = regexp.MustCompile(`增长|增幅|达到|超过|不低于|占比|比重|比例达|利率|税率|占`)

// rePerMille is a rate written 千分之五 or 万分之零点二, which cnum leaves out.
var rePerMille = regexp.MustCompile(`(千|万)分之([0-9.一二三四五六七八九十零点]+)`)

// perMille returns 千分之/万分之 rates as percentages.
func perMille(t string) []cnum.Quantity {
	var out []cnum.Quantity
	for _, m := range rePerMille.FindAllStringSubmatchIndex(t, -1) {
		v, ok := cnum.ParseNumber(t[m[4]:m[5]])
		if !ok {
			continue
		}
		div := 10.0 // 千分之 → %
		if t[m[2]:m[3]] == "万" {
			div = 100
		}
		out = append(out, cnum.Quantity{Value: v / div, Unit: "%", Text: t[m[0]:m[1]], Start: m[0], End: m[1]})
	}
	return out
}
