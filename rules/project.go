package rules

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Growth assumptions of an outlook: how the figures of fiscal years the
// profile does not give yet are projected.
const (
	// GrowthLastYear: each figure grows every year at its own growth rate
	// of the last fiscal year (F[Y] / F[Y−1] − 1); no growth when the year
	// before is missing or zero.
	GrowthLastYear = "last_year"
	// GrowthNone: each figure stays at its value of the last fiscal year.
	GrowthNone = "none"
)

// Assumption says how an outlook looks ahead.
type Assumption struct {
	Growth string // GrowthLastYear (default) or GrowthNone
	Years  int    // fiscal years ahead, 1 to 10; default 5
}

func (a Assumption) norm() (Assumption, error) {
	if a.Growth == "" {
		a.Growth = GrowthLastYear
	}
	if a.Years == 0 {
		a.Years = 5
	}
	if a.Growth != GrowthLastYear && a.Growth != GrowthNone {
		return a, huiqi.Errorf(huiqi.EINVALID, "growth %q: want %s or %s", a.Growth, GrowthLastYear, GrowthNone)
	}
	if a.Years < 1 || a.Years > 10 {
		return a, huiqi.Errorf(huiqi.EINVALID, "years ahead %d: want 1 to 10", a.Years)
	}
	return a, nil
}

// projection is a profile with the fiscal years to come filled in.
type projection struct {
	ent   *huiqi.Enterprise
	base  int // the last fiscal year given: projected years follow it
	end   int // the last fiscal year projected
	rates map[string]*big.Rat
	notes []string
}

// project copies e and fills the figures of the fiscal years after the
// last closed one (as of asOf) up to the horizon: each figure known in that
// year grows at its rate (or not at all); a figure unknown then stays
// unknown. Past years the profile lacks are never filled in. used names the
// figures the rule read, for the notes.
func project(e *huiqi.Enterprise, asOf huiqi.Date, a Assumption, used []string) projection {
	p := *e
	p.Financials = slices.Clone(e.Financials)
	base := asOf.Year - 1
	for _, f := range e.Financials {
		base = max(base, f.Year)
	}
	pr := projection{ent: &p, base: base, end: asOf.Year + a.Years - 1, rates: map[string]*big.Rat{}}
	last := e.FinancialsFor(base)
	if last == nil {
		note := fmt.Sprintf("资料中没有 %d 年财务数据，以后年度无法预计", base)
		if reg := e.RegisteredOn; !reg.IsZero() && reg.Year > base {
			note = fmt.Sprintf("企业 %d 年成立，尚无完整的会计年度：填报 %d 年财务数据（可先填预计数）后方可预计以后年度", reg.Year, reg.Year)
		}
		pr.notes = append(pr.notes, note)
		return pr
	}
	prev := e.FinancialsFor(base - 1)
	rates := pr.rates
	var said []string
	for _, name := range sortedKeys(finFields) {
		get := finFields[name].get
		rate, words := new(big.Rat), fmt.Sprintf("不增长（%d 年无数据或为零）", base-1)
		if a.Growth == GrowthLastYear && prev != nil && get(prev) != nil && *get(prev) > 0 && get(last) != nil {
			rate = sub(big.NewRat(*get(last), *get(prev)), big.NewRat(1, 1))
			words = formatNum(rate, uRatio)
		}
		rates[name] = rate
		if get(last) != nil && slices.Contains(used, name) && a.Growth == GrowthLastYear {
			said = append(said, finFields[name].label+" "+words)
		}
	}
	for y := base + 1; y <= pr.end; y++ {
		from := *p.FinancialsFor(y - 1)
		next := huiqi.Financials{Year: y}
		for name, ff := range finFields {
			if v := ff.get(&from); v != nil {
				x := grow(*v, rates[name])
				*setter(&next, name) = &x
			}
		}
		p.Financials = append(p.Financials, next)
	}
	if a.Growth == GrowthNone {
		pr.notes = append(pr.notes, fmt.Sprintf("不增长：%d 年起各项财务数据保持 %d 年水平", base+1, base))
	} else {
		pr.notes = append(pr.notes, fmt.Sprintf("按上年增长率：%d 年起各项财务数据按 %d 年较 %d 年的增长率逐年增长（%s）",
			base+1, base, base-1, strings.Join(said, "，")))
	}
	pr.notes = append(pr.notes,
		"会计年度于 12 月 31 日结束，次年 1 月 1 日起作为上一会计年度参与评价（专项审计或鉴证报告须在申报前完成）",
		"职工人数、科技人员、知识产权、资质和申请人陈述等其他情况保持评价日状态")
	return pr
}

// projected tells whether a fact of an evaluation on the projection reads
// a projected year.
func (pr projection) projected(f huiqi.Fact) bool {
	var y int
	if _, err := fmt.Sscanf(f.Name, "financials[%d]", &y); err != nil {
		return false
	}
	return y > pr.base
}

// setter is the address of a yearly figure by its profile name.
func setter(f *huiqi.Financials, name string) **int64 {
	switch name {
	case "revenue_yuan":
		return &f.RevenueYuan
	case "rd_expense_yuan":
		return &f.RDExpenseYuan
	case "rd_expense_domestic_yuan":
		return &f.RDExpenseDomesticYuan
	case "high_tech_revenue_yuan":
		return &f.HighTechRevenueYuan
	case "total_cost_yuan":
		return &f.TotalCostYuan
	case "net_assets_yuan":
		return &f.NetAssetsYuan
	}
	return &f.TotalAssetsYuan
}

// with is a copy of the projection where each need's figure is what it
// requires (the larger when two needs name one figure), and the years after
// it grow from there at the same rate.
func (pr projection) with(needs []*huiqi.Need) *huiqi.Enterprise {
	p := *pr.ent
	p.Financials = slices.Clone(pr.ent.Financials)
	for _, n := range needs {
		name := n.Field[strings.Index(n.Field, ".")+1:]
		f := p.FinancialsFor(n.Year)
		if f == nil || *setter(f, name) != nil && **setter(f, name) >= n.RequiredYuan {
			continue
		}
		req := n.RequiredYuan
		*setter(f, name) = &req
		v := req
		for y := n.Year + 1; y <= pr.end; y++ {
			g := p.FinancialsFor(y)
			if g == nil {
				break
			}
			x := grow(v, pr.rates[name])
			*setter(g, name) = &x
			v = x
		}
	}
	return &p
}

// maxProjected bounds a projected figure (10^16 yuan, far beyond any
// enterprise), so that a wild rate cannot overflow.
const maxProjected = 1e16

// grow is v × (1 + rate), rounded down (a projection is never overstated),
// at most maxProjected.
func grow(v int64, rate *big.Rat) int64 {
	x := mul(big.NewRat(v, 1), add(big.NewRat(1, 1), rate))
	if x.Cmp(big.NewRat(maxProjected, 1)) > 0 {
		return maxProjected
	}
	return floorRat(x)
}
