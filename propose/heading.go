package propose

import "strings"

// headingVerbs begin the headings of policy clauses (鼓励企业参与标准制订,
// 加强人才住房保障): what the government does, not who may apply.
var headingVerbs = []string{
	"鼓励", "支持", "加强", "加大", "加快", "推进", "推动", "促进", "大力", "积极", "发挥", "实施", "构建",
	"提升", "提高", "优化", "着力", "深入", "探索", "努力", "培育", "完善", "强化", "引导", "扶持", "聚焦",
	"做大", "做强", "发展", "打造", "健全", "落实", "深化", "建立", "拓展", "强化", "营造", "集聚",
}

// headingEnds end the headings that name the kind of aid (优秀人才补助,
// 补贴标准和期限, 旅游节庆补助).
var headingEnds = []string{"补助", "补贴", "奖励", "资助", "期限", "政策", "保护", "体系", "机制", "力度"}

// isHeading reports whether s, given as a measure's beneficiary, is the
// heading of its clause rather than words of its sentence: it does not
// stand in the sentence, and it begins with what the government does or
// ends with the kind of aid. Its conditions are then read from the
// sentence itself.
func isHeading(s, sentence string) bool {
	if strings.Contains(sentence, s) {
		return false
	}
	for _, v := range headingVerbs {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	for _, e := range headingEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}
