package portal

import "github.com/huiqi-dev/huiqi"

// The profile fields the form reads and writes, by their path.

// textField is the name or credit code of e, by path.
func textField(e *huiqi.Enterprise, path string) *string {
	if path == "credit_code" {
		return &e.CreditCode
	}
	return &e.Name
}

// intField is where a whole-number field of e is kept, by path; it
// makes e.IP when an IP count is asked.
func intField(e *huiqi.Enterprise, path string) **int {
	switch path {
	case "employees":
		return &e.Employees
	case "tech_staff":
		return &e.TechStaff
	case "incidents_last_year":
		return &e.IncidentsLastYear
	case "innovation_score":
		return &e.InnovationScore
	}
	if e.IP == nil {
		e.IP = &huiqi.IPCounts{}
	}
	if path == "ip.class1" {
		return &e.IP.Class1
	}
	return &e.IP.Class2
}

// boolField is where a yes/no field of e is kept, by path.
func boolField(e *huiqi.Enterprise, path string) **bool {
	if path == "core_ip_owned" {
		return &e.CoreIPOwned
	}
	return &e.InKeyTechField
}

// moneyField is where a fiscal year's figure is kept, by its key.
func moneyField(fin *huiqi.Financials, key string) **int64 {
	switch key {
	case "revenue_yuan":
		return &fin.RevenueYuan
	case "rd_expense_yuan":
		return &fin.RDExpenseYuan
	case "rd_expense_domestic_yuan":
		return &fin.RDExpenseDomesticYuan
	case "high_tech_revenue_yuan":
		return &fin.HighTechRevenueYuan
	case "total_cost_yuan":
		return &fin.TotalCostYuan
	case "net_assets_yuan":
		return &fin.NetAssetsYuan
	}
	return &fin.TotalAssetsYuan
}

// intValue reads a whole-number field of e; nil when not given.
func intValue(e *huiqi.Enterprise, path string) *int {
	switch path {
	case "employees":
		return e.Employees
	case "tech_staff":
		return e.TechStaff
	case "incidents_last_year":
		return e.IncidentsLastYear
	case "innovation_score":
		return e.InnovationScore
	}
	if e.IP == nil {
		return nil
	}
	if path == "ip.class1" {
		return e.IP.Class1
	}
	return e.IP.Class2
}
