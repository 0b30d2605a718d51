package synth

import "github.com/huiqi-dev/huiqi"

// unknowns sets the remaining fields and then leaves some out, as real
// profiles do: a field a rule needs is missing often enough that matching
// must answer "unknown". Incidents are rare; declarations made by 40%.
func (g *EnterpriseGenerator) unknowns(e *huiqi.Enterprise) {
	e.IncidentsLastYear = ptr(0)
	if g.chance(0.03) {
		e.IncidentsLastYear = ptr(1)
	}
	if g.chance(0.3) {
		e.InnovationScore = ptr(40 + g.rnd.Intn(56))
	}
	if g.chance(0.4) {
		e.Declarations = map[string]bool{"not_on_abnormal_list": !g.chance(0.03), "no_serious_dishonesty": true}
	}
	drop := func(p float64) bool { return g.chance(p) }
	if drop(0.05) {
		e.CreditCode = ""
	}
	if drop(0.05) {
		e.RegisteredOn = huiqi.Date{}
	}
	if drop(0.2) {
		e.TechStaff = nil
	}
	if drop(0.08) {
		e.Employees, e.TechStaff = nil, nil
	}
	if drop(0.3) {
		e.IP = nil
	}
	if drop(0.4) {
		e.CoreIPOwned = nil
	}
	if drop(0.4) {
		e.InKeyTechField = nil
	}
	if drop(0.5) {
		e.IncidentsLastYear = nil
	}
	if drop(0.1) {
		e.Financials = nil
	}
	for i := range e.Financials {
		g.dropFigures(&e.Financials[i])
	}
}

// dropFigures leaves out each figure of a year with probability 0.15,
// except revenue and R&D (0.05).
func (g *EnterpriseGenerator) dropFigures(f *huiqi.Financials) {
	for _, p := range []**int64{&f.RDExpenseDomesticYuan, &f.HighTechRevenueYuan, &f.TotalCostYuan, &f.NetAssetsYuan, &f.TotalAssetsYuan} {
		if g.chance(0.15) {
			*p = nil
		}
	}
	for _, p := range []**int64{&f.RevenueYuan, &f.RDExpenseYuan} {
		if g.chance(0.05) {
			*p = nil
		}
	}
}
