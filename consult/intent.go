package consult

import (
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// intent is what a question asks about, and the words that show a clause
// answers it.
type intent struct {
	name string
	// asks are the words of a question that ask this.
	asks []string
	// shows are the words of a clause that answer it.
	shows []string
	// hint is the fixed instruction given to an LLM for this intent.
	hint string
}

// Intents, in the order their hints are given.
var intents = []intent{
	{name: "money",
		asks:  []string{"多少钱", "多少", "补助", "补贴", "奖励", "资金", "资助", "金额", "额度", "奖补", "扶持", "钱", "最高", "给予"},
		shows: []string{"万元", "元", "补助", "补贴", "奖励", "资助", "%"},
		hint:  "说明金额或比例，以及适用的情形。"},
	{name: "conditions",
		asks:  []string{"条件", "资格", "要求", "哪些企业", "什么企业", "哪类", "符合", "门槛", "对象", "适用", "标准", "能不能", "可不可以", "是否可以"},
		shows: []string{"条件", "符合", "须", "应当", "应", "要求", "资格", "对象", "以上", "以下", "认定", "具备", "满足", "不得"},
		hint:  "说明需要满足的条件和适用对象。"},
	{name: "time",
		asks:  []string{"什么时候", "截止", "期限", "有效期", "时间", "何时", "哪年", "多久", "到期", "施行", "执行期", "生效", "几年", "日期"},
		shows: []string{"施行", "实施", "执行", "有效期", "截止", "期限", "之日起", "时间"},
		hint:  "说明日期、期限或有效期。"},
	{name: "process",
		asks:  []string{"申报", "申请", "材料", "流程", "程序", "手续", "提交", "办理", "步骤", "兑现", "怎么拿"},
		shows: []string{"申报", "申请", "材料", "程序", "流程", "提交", "审核", "受理", "拨付", "兑现", "审批", "公示", "报送"},
		hint:  "说明申报的程序和所需材料。"},
	{name: "definition",
		asks:  []string{"是什么", "指什么", "界定", "定义", "是指", "什么是", "什么叫", "含义", "包括哪些"},
		shows: []string{"是指", "所称", "指的是", "包括", "界定"},
		hint:  "说明条款中的定义。"},
	{name: "department",
		asks: []string{"部门", "联系", "电话", "找谁", "负责", "解释", "受理", "哪个单位", "咨询", "主管"},
		// shows is read by departmentShown.
		hint: "说明负责的部门或单位。"},
}

// intentsOf are the intents a question asks.
func intentsOf(question string) []intent {
	q := zhtext.Normalize(question)
	var out []intent
	for _, in := range intents {
		if containsAny(q, in.asks) {
			out = append(out, in)
		}
	}
	return out
}

// asksIntent reports whether word is one of the intents' question words.
func asksIntent(word string) bool {
	for _, in := range intents {
		for _, a := range in.asks {
			if a == word {
				return true
			}
		}
	}
	return false
}

// shown is how strongly a text answers the intent, from 0 to 1: the share
// of its answer words the text holds, saturating at three.
func (in intent) shown(text string, measures int) float64 {
	n := 0
	for _, w := range in.shows {
		if strings.Contains(text, w) {
			n++
		}
	}
	switch {
	case in.name == "money" && measures > 0:
		n += 2
	case in.name == "time" && (hasFullDate(text) || duration.MatchString(text)):
		n++
	case in.name == "department":
		n = departmentShown(text)
	}
	if n > 3 {
		n = 3
	}
	return float64(n) / 3
}

// Departments: a clause answers "which department" fully when it says
// who is charged (由…负责, 负责解释, 管理机构); a body named beside a duty
// (经区财政局复核) answers weakly.
var (
	body    = regexp.MustCompile(`局|办公室|委员会|管委会|领导小组|人民政府|部门|人力社保|[市区县省]\p{Han}{0,4}办[^法]`)
	duty    = regexp.MustCompile(`负责|受理|承担|牵头|审核|复核|联系|组织实施`)
	charged = regexp.MustCompile(`负责解释|解释权|由[^，。；]{0,30}(?:局|办|委员会|部门|政府|中心|小组|银行)[^，。；]{0,6}(?:负责|承担|受理|牵头)|管理机构`)
)

func departmentShown(text string) int {
	switch {
	case charged.MatchString(text):
		return 3
	case body.MatchString(text) && duty.MatchString(text):
		return 1
	}
	return 0
}

// duration matches a period written in a clause: 3年, 三年内, 10个工作日.
var duration = regexp.MustCompile(`[0-9一二三两四五六七八九十]+\s*(?:个)?(?:年|个月|月内|工作日|日内|天)`)

// hasFullDate reports whether text names a day or a month.
func hasFullDate(text string) bool {
	for _, d := range cnum.FindDates(text) {
		if d.Date.Month > 0 {
			return true
		}
	}
	return false
}

// measuresUnder counts the measures of the clause at path and below.
func measuresUnder(p *huiqi.Policy, path string) int {
	n := 0
	for _, m := range p.Measures {
		if m.ClausePath == path || path != "" && strings.HasPrefix(m.ClausePath, path+"/") {
			n++
		}
	}
	return n
}
