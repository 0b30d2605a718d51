package synth

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
)

// figures sets 1–5 fiscal years ending at lastFiscalYear (none before the
// year of registration). Revenue per head is log-normal around 600,000 yuan
// in software and research, 800,000 elsewhere, growing about 12% a year; R&D
// is a share of revenue log-normal around 4.5% in manufacturing, software
// and research (1.5% elsewhere), capped at 60%.
func (g *EnterpriseGenerator) figures(e *huiqi.Enterprise, class industry.Industry) {
	first := max(lastFiscalYear-g.rnd.Intn(5), e.RegisteredOn.Year)
	if first > lastFiscalYear {
		return
	}
	perHead, rdMedian := 800_000.0, 0.015
	switch class.Section {
	case "I", "M":
		perHead, rdMedian = 600_000, 0.045
	case "C":
		rdMedian = 0.045
	}
	revenue := float64(*e.Employees) * g.logNormal(perHead, 0.6, 50_000, 10_000_000)
	rdShare := g.logNormal(rdMedian, 0.6, 0.002, 0.6)
	years := make([]huiqi.Financials, lastFiscalYear-first+1)
	for i := len(years) - 1; i >= 0; i-- { // the latest year first, then back
		years[i] = g.year(first+i, revenue, rdShare)
		revenue /= g.logNormal(1.12, 0.15, 0.5, 3)
	}
	e.Financials = years
}

// year makes one fiscal year's figures around a revenue and an R&D share.
func (g *EnterpriseGenerator) year(y int, revenue, rdShare float64) huiqi.Financials {
	rev := int64(revenue)
	rd := int64(revenue * rdShare * g.logNormal(1, 0.1, 0.7, 1.4))
	f := huiqi.Financials{Year: y, RevenueYuan: ptr(rev), RDExpenseYuan: ptr(rd)}
	f.RDExpenseDomesticYuan = ptr(rd)
	if g.chance(0.2) {
		f.RDExpenseDomesticYuan = ptr(int64(float64(rd) * (0.8 + 0.2*g.rnd.Float64())))
	}
	if g.chance(0.6) {
		f.HighTechRevenueYuan = ptr(int64(revenue * (0.4 + 0.55*g.rnd.Float64())))
	}
	f.TotalCostYuan = ptr(max(int64(revenue*(0.75+0.35*g.rnd.Float64())), rd+rd/5))
	assets := revenue * (0.4 + 1.2*g.rnd.Float64())
	f.TotalAssetsYuan = ptr(int64(assets))
	f.NetAssetsYuan = ptr(int64(assets * (-0.15 + 0.9*g.rnd.Float64())))
	return f
}

// rdShareOf returns the latest year's R&D share of revenue, 0 when unknown.
func rdShareOf(e *huiqi.Enterprise) float64 {
	if len(e.Financials) == 0 {
		return 0
	}
	f := e.Financials[len(e.Financials)-1]
	if f.RevenueYuan == nil || f.RDExpenseYuan == nil || *f.RevenueYuan == 0 {
		return 0
	}
	return float64(*f.RDExpenseYuan) / float64(*f.RevenueYuan)
}
