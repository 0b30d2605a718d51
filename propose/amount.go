package propose

import (
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// rateBases are the rate bases the profile holds, as last year's figure.
var rateBases = []struct{ word, field string }{
	{"研发费用", "rd_expense_yuan"}, {"研发投入", "rd_expense_yuan"}, {"研发经费", "rd_expense_yuan"},
	{"主营业务收入", "revenue_yuan"}, {"营业收入", "revenue_yuan"}, {"销售收入", "revenue_yuan"},
}

// amountOf reads the award of a measure: fixed, a range, 最高 X (0 to X),
// per unit (at least one unit, up to the cap), or a rate of a base — of
// last year's figure when the profile holds the base, else 0 to the cap.
func amountOf(m *huiqi.Measure) Amount {
	a := Amount{Kind: AmountUnknown, Basis: "原文未写明可计算的金额",
		NotFunding: m.Kind == huiqi.KindLoan || m.Kind == huiqi.KindFund || m.Kind == huiqi.KindTax}
	switch {
	case m.Rate != nil:
		rateAmount(m, &a)
	case m.AmountYuan == nil:
	case m.PerUnit != "":
		per, hi := *m.AmountYuan, *m.AmountYuan
		if m.CapYuan != nil && *m.CapYuan > per {
			hi = *m.CapYuan
		}
		lo := per
		if m.AmountIsCap {
			lo = 0
		}
		a.Kind, a.Min, a.Max = AmountRange, lo, hi
		a.Basis = "每" + m.PerUnit + yuanWords(per) + "，按至少1" + m.PerUnit + "计，最高 " + yuanWords(hi)
	case m.AmountMinYuan != nil:
		a.Kind, a.Min, a.Max, a.Basis = AmountRange, *m.AmountMinYuan, *m.AmountYuan, "区间"
	case m.AmountIsCap:
		a.Kind, a.Min, a.Max, a.Basis = AmountRange, 0, *m.AmountYuan, "最高 "+yuanWords(*m.AmountYuan)
	default:
		a.Kind, a.Min, a.Max, a.Basis = AmountFixed, *m.AmountYuan, *m.AmountYuan, "定额"
	}
	return a
}

func rateAmount(m *huiqi.Measure, a *Amount) {
	a.Rate = strconv.FormatFloat(*m.Rate, 'f', -1, 64)
	capY := int64(0)
	if m.AmountYuan != nil {
		capY = *m.AmountYuan
	} else if m.CapYuan != nil {
		capY = *m.CapYuan
	}
	pct := strconv.FormatFloat(*m.Rate*100, 'f', -1, 64) + "%"
	for _, b := range rateBases {
		if strings.Contains(m.RateBase, b.word) && !strings.Contains(m.RateBase, "新增") {
			a.Kind, a.Base, a.Cap = AmountRate, b.field, capY
			a.Basis = "上年度" + b.word + "的 " + pct
			return
		}
	}
	if capY > 0 {
		a.Kind, a.Min, a.Max = AmountRange, 0, capY
		a.Basis = "按" + strings.TrimPrefix(m.RateBase, "按") + "的 " + pct + "，最高 " + yuanWords(capY) + "（计算基数不在企业信息中）"
	}
}
