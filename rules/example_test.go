package rules_test

import (
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

func Example() {
	set, err := rules.Parse("rd.yaml", []byte(`id: rd_ratio
name: 研发投入强度
kind: qualification
source: {title: 示例}
versions:
  - version: "1"
    effective_from: 2025-01-01
    let:
      ratio: {label: 研发费用占比, expr: last(rd_expense_yuan) / last(revenue_yuan)}
    when:
      all:
        - {id: staff, check: tech_staff >= 10人}
        - {id: rd, check: ratio >= 4%}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rev, rd := int64(20_000_000), int64(620_000)
	ent := &huiqi.Enterprise{Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: &rev, RDExpenseYuan: &rd}}}
	a, _ := set.Assess(ent, huiqi.Date{Year: 2026, Month: 5, Day: 1})
	fmt.Println(a.Verdict)
	for _, c := range a.Conditions.Children {
		fmt.Printf("%s %s [%s] [%s] [%s]\n", c.ID, c.Status, c.Value, c.Threshold, c.Gap)
	}
	// Output:
	// not_eligible
	// staff unknown [] [需 ≥ 10 人] []
	// rd unmet [研发费用占比 3.1%] [需 ≥ 4%] [2025年研发费用需再增加 18 万元]
}
