package profile

import (
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// financials checks each fiscal year's figures and that years are unique.
func (v *validator) financials() {
	seen := map[int]int{}
	for i, f := range v.e.Financials {
		p := index("financials", i)
		v.year(p+".year", f.Year)
		if j, dup := seen[f.Year]; dup && f.Year != 0 {
			v.ps.add(p+".year", "年度 %d 重复（与 financials[%d] 相同），每个年度只能有一条", f.Year, j)
		}
		seen[f.Year] = i
		v.money(p+".revenue_yuan", f.RevenueYuan)
		v.money(p+".rd_expense_yuan", f.RDExpenseYuan)
		v.money(p+".rd_expense_domestic_yuan", f.RDExpenseDomesticYuan)
		v.money(p+".high_tech_revenue_yuan", f.HighTechRevenueYuan)
		v.money(p+".total_cost_yuan", f.TotalCostYuan)
		v.money(p+".total_assets_yuan", f.TotalAssetsYuan)
		// Net assets may be negative: liabilities above assets.
		v.atMost(p+".rd_expense_domestic_yuan", "境内研发费用", f.RDExpenseDomesticYuan, "研发费用总额 rd_expense_yuan", f.RDExpenseYuan)
		v.atMost(p+".high_tech_revenue_yuan", "高新技术产品（服务）收入", f.HighTechRevenueYuan, "营业收入 revenue_yuan", f.RevenueYuan)
		v.atMost(p+".net_assets_yuan", "净资产", f.NetAssetsYuan, "总资产 total_assets_yuan", f.TotalAssetsYuan)
	}
}

// year checks a fiscal year: given, plausible, not after the as-of year nor
// before the year of registration.
func (v *validator) year(path string, y int) {
	reg := v.e.RegisteredOn
	switch {
	case y == 0:
		v.ps.add(path, "缺少年度")
	case y < earliestYear || y > 2200:
		v.ps.add(path, "年度 %d 不合理", y)
	case !v.asOf.IsZero() && y > v.asOf.Year:
		v.ps.add(path, "年度 %d 晚于核查日期 %s", y, v.asOf)
	case !reg.IsZero() && y < reg.Year:
		v.ps.add(path, "年度 %d 早于成立日期 %s", y, reg)
	}
}

func (v *validator) money(path string, n *int64) {
	if n != nil && *n < 0 {
		v.ps.add(path, "金额不能为负数（%d 元）", *n)
	}
}

// atMost records a problem when part is above whole (both given).
func (v *validator) atMost(path, partName string, part *int64, wholeName string, whole *int64) {
	if part != nil && whole != nil && *part > *whole {
		v.ps.add(path, "%s %s 高于%s %s", partName, yuan(*part), wholeName, yuan(*whole))
	}
}

// yuan formats an amount in yuan, with 万元 for readers.
func yuan(n int64) string {
	if n >= 10_000 || n <= -10_000 {
		return fmt.Sprintf("%d 元（%.2f 万元）", n, float64(n)/10_000)
	}
	return fmt.Sprintf("%d 元", n)
}

// certifications checks names, levels and validity dates.
func (v *validator) certifications() {
	for i, c := range v.e.Certifications {
		p := index("certifications", i)
		if fold(c.Name) == "" {
			v.ps.add(p+".name", "资质名称为空")
		}
		switch c.Level {
		case "", huiqi.LevelNational, huiqi.LevelProvincial, huiqi.LevelCity, huiqi.LevelDistrict:
		default:
			v.ps.add(p+".level", "级别 %q 无效，应为 national（国家级）、provincial（省级）、city（市级）或 district（区县级）", c.Level)
		}
		v.date(p+".since", "取得日期", c.Since)
		if !c.Until.IsZero() && !c.Until.Valid() {
			v.ps.add(p+".until", "有效期至 %04d-%02d-%02d 不是真实的日期", c.Until.Year, c.Until.Month, c.Until.Day)
		} else if !c.Since.IsZero() && !c.Until.IsZero() && before(c.Until, c.Since) {
			v.ps.add(p+".until", "有效期至 %s 早于取得日期 %s", c.Until, c.Since)
		}
	}
}
