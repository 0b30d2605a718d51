package propose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi/cnum"
)

// moneyFields are the words of a yearly money figure the profile holds.
var moneyFields = []struct{ word, field, label string }{
	{"主营业务收入", "revenue_yuan", "营业收入"}, {"营业收入", "revenue_yuan", "营业收入"},
	{"销售收入", "revenue_yuan", "营业收入"}, {"销售额", "revenue_yuan", "营业收入"},
	{"营业额", "revenue_yuan", "营业收入"}, {"研发投入", "rd_expense_yuan", "研发费用"},
	{"研发费用", "rd_expense_yuan", "研发费用"}, {"研发经费", "rd_expense_yuan", "研发费用"},
}

// notThisFigure are words before a figure that make it another one
// (网络销售额, 新增营业收入, 近三年研发投入): left to a declaration.
var notThisFigure = regexp.MustCompile(`(网络|新增|出口|跨境|应税|累计|近[两三二]年|三年|增量|电商|外贸|服务|产品|项目)[^，；。]{0,2}$`)

// opWords give the comparison when they stand between figure and amount.
var opWords = []struct{ word, op string }{
	{"不低于", ">="}, {"不少于", ">="}, {"不超过", "<="}, {"不高于", "<="},
	{"达到", ">="}, {"突破", ">="}, {"超过", ">"}, {"低于", "<"}, {"不足", "<"},
}

// changeWords between a figure and its amount make the amount one of a
// change or a share, not of the figure.
var changeWords = regexp.MustCompile(`增长|增量|增加|增幅|新增|占|比重|比例`)

var opAfter = regexp.MustCompile(`^(?:（含）|\(含\))?(?:及|或)?(以上|以下|以内)`)

// numbers reads yearly money thresholds: 年研发投入300万元以上 → last fiscal
// year's R&D ≥ 300万元. A list of amounts (销售收入首次达到1亿元、5亿元) is
// paired with the measures of the sentence; when they do not pair, the
// lowest threshold is kept, as a necessary condition, marked uncertain.
func (r *reader) numbers(text string) []piece {
	amts := cnum.FindAmounts(text)
	var out []piece
	for _, f := range moneyFields {
		for off := 0; ; {
			i := strings.Index(text[off:], f.word)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(f.word)
			if overlapping(out, s) || notThisFigure.MatchString(text[:s]) {
				continue
			}
			if p, ok := r.threshold(text, s, off, amts, f.field, f.label); ok {
				out = append(out, p)
			}
		}
	}
	return r.oneEach(out)
}

// oneEach keeps one threshold per figure and direction when a sentence
// names several (年销售收入达到100亿元…、年销售收入达到50亿元…, 分别奖励…):
// the k-th when they pair with the sentence's measures, else the least
// demanding, a necessary condition, marked uncertain.
func (r *reader) oneEach(ps []piece) []piece {
	groups := map[string][]int{}
	var order []string
	for i, p := range ps {
		k := p.cond.Field + direction(p.cond.Op)
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	var out []piece
	for _, k := range order {
		is := groups[k]
		if len(is) == 1 {
			out = append(out, ps[is[0]])
			continue
		}
		if len(is) == r.n {
			out = append(out, ps[is[r.k]])
			continue
		}
		best := ps[is[0]]
		for _, i := range is[1:] {
			if looser(ps[i].cond, best.cond) {
				best = ps[i]
			}
		}
		best.cond.Uncertain = true
		out = append(out, best)
	}
	return out
}

func direction(op string) string {
	if op == ">=" || op == ">" {
		return ">"
	}
	return "<"
}

// looser: a is met whenever b is (a lower floor, a higher ceiling).
func looser(a, b Cond) bool {
	if direction(a.Op) == ">" {
		return a.Value < b.Value
	}
	return a.Value > b.Value
}

func overlapping(ps []piece, at int) bool {
	for _, p := range ps {
		if at >= p.start && at < p.end {
			return true
		}
	}
	return false
}

// threshold reads the amounts after the figure word ending at kwEnd.
func (r *reader) threshold(text string, s, kwEnd int, amts []cnum.Amount, field, label string) (piece, bool) {
	list := amountList(text, kwEnd, amts)
	if len(list) == 0 || list[0].Currency != "" {
		return piece{}, false
	}
	mid := text[kwEnd:list[0].Start]
	if changeWords.MatchString(mid) {
		return piece{}, false // 营业额同比增长12%且增量100万元: the amount is of the change
	}
	op := ""
	for _, w := range opWords {
		if strings.Contains(mid, w.word) {
			op = w.op
			break
		}
	}
	last := list[len(list)-1]
	end := last.End
	if m := opAfter.FindStringSubmatch(text[end:]); m != nil {
		end += len(m[0])
		if op == "" || op == ">=" || op == ">" {
			op = map[string]string{"以上": ">=", "以下": "<=", "以内": "<="}[m[1]]
		}
	}
	if op == "" || rateBase(text[end:]) {
		return piece{}, false // no comparison, or the base of a rate
	}
	a, uncertain := list[0], false
	if len(list) > 1 {
		if len(list) == r.n {
			a = list[r.k]
		} else {
			uncertain = true // the lowest of the list, a necessary condition
		}
	}
	v := a.Yuan
	if a.MinYuan != nil && len(list) == 1 {
		v = *a.MinYuan
	}
	c := Cond{Kind: CondNumber, Field: field, Op: op, Value: v, Uncertain: uncertain,
		Label: fmt.Sprintf("上年度%s%s %s", label, opLabel[op], yuanWords(v))}
	return piece{cond: c, start: s, end: end}, true
}

// amountList is the amounts right after kwEnd: within 12 characters, with
// nothing but 、和及 between amounts.
func amountList(text string, kwEnd int, amts []cnum.Amount) []cnum.Amount {
	var out []cnum.Amount
	pos := kwEnd
	for _, a := range amts {
		if a.Start < pos {
			continue
		}
		gap := text[pos:a.Start]
		if len(out) == 0 && (len([]rune(gap)) > 12 || strings.ContainsAny(gap, "，；。,;")) {
			break
		}
		if len(out) > 0 && !isListSep(gap) {
			break
		}
		out = append(out, a)
		pos = a.End
	}
	return out
}

func isListSep(s string) bool {
	s = strings.TrimSpace(strings.NewReplacer("（含）", "", "(含)", "", "以上", "").Replace(s))
	return s == "、" || s == "和" || s == "及" || s == ","
}

var opLabel = map[string]string{">=": "≥", ">": ">", "<=": "≤", "<": "<"}

// yuanWords writes an amount in 万元 or 亿元 when it divides evenly.
func yuanWords(v int64) string {
	switch {
	case v != 0 && v%100000000 == 0:
		return strconv.FormatInt(v/100000000, 10) + "亿元"
	case v != 0 && v%10000 == 0:
		return strconv.FormatInt(v/10000, 10) + "万元"
	}
	return strconv.FormatInt(v, 10) + "元"
}

var staffPattern = regexp.MustCompile(`(职工|员工|从业人员|就业人员|用工)(?:人数|总数|规模)?([^，；。、\d]{0,6}?)(\d+)\s*(?:名|人)((?:（含）|\(含\))?(?:及)?(以上|以下))?`)

// employees reads head-count thresholds: 职工人数100人以上.
func employees(text string) []piece {
	var out []piece
	for _, m := range staffPattern.FindAllStringSubmatchIndex(text, -1) {
		mid := text[m[4]:m[5]]
		op := ""
		for _, w := range opWords {
			if strings.Contains(mid, w.word) {
				op = w.op
			}
		}
		if m[10] >= 0 {
			op = map[string]string{"以上": ">=", "以下": "<="}[text[m[10]:m[11]]]
		}
		n, err := strconv.ParseInt(text[m[6]:m[7]], 10, 64)
		if op == "" || err != nil {
			continue
		}
		c := Cond{Kind: CondNumber, Field: "employees", Op: op, Value: n,
			Label: fmt.Sprintf("职工人数%s %d人", opLabel[op], n)}
		out = append(out, piece{cond: c, start: m[0], end: m[1]})
	}
	return out
}

// rateBase reports whether the words after a threshold make it the base
// of a rate (1000万元以上的部分, 以上的5%) rather than a condition
// (销售额在1000万元以上的，奖励10万元).
func rateBase(after string) bool {
	rest, ok := strings.CutPrefix(after, "的")
	if !ok {
		return false
	}
	if strings.HasPrefix(rest, "部分") || strings.HasPrefix(rest, "百分之") {
		return true
	}
	return len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9'
}
