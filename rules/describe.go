package rules

import "fmt"

// describe names an expression for people: a field's or let's label,
// 2025年销售收入, 近3年研发费用合计, or the expression as written.
func describe(ev *evaluator, n node) string {
	switch n := n.(type) {
	case *name:
		if f, ok := fields[n.id]; ok {
			return f.label
		} else if l, ok := ev.v.Let[n.id]; ok {
			return l.Label
		} else if n.id == "as_of" {
			return "评价日"
		}
	case *call:
		return describeCall(ev, n)
	}
	return n.src()
}

func describeCall(ev *evaluator, n *call) string {
	switch n.fn {
	case "last":
		return fmt.Sprintf("%d年%s", ev.lastFY(), finFields[finArg(n.args)].label)
	case "prior":
		return fmt.Sprintf("%d年%s", ev.lastFY()-intArg(n.args[1]), finFields[finArg(n.args)].label)
	case "sum":
		years, _ := ev.fiscalYears(intArg(n.args[1]))
		if len(years) == 1 {
			return fmt.Sprintf("%d年%s", years[0], finFields[finArg(n.args)].label)
		}
		return fmt.Sprintf("近%d个会计年度%s合计", len(years), finFields[finArg(n.args)].label)
	case "growth":
		return finFields[finArg(n.args)].label + "增长率"
	case "band":
		if t := ev.v.Tables[n.args[0].(*name).id]; t.Label != "" {
			return t.Label
		}
	case "certified":
		return "持有" + certLabel(n.args)
	case "certified_since":
		return certLabel(n.args) + "认定日期"
	}
	return n.src()
}
