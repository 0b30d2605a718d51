package propose

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// readCase is a text of a measure, the measure's place among those of its
// sentence, and what is read: each condition briefly and the words it was
// read from (its span in the text).
type readCase struct {
	name string
	text string
	k, n int
	want []readCond
}

type readCond struct {
	brief, words string
}

// TestReadTitlesKindsAgesRegions: sentences of the demo corpus
// (demo/corpus/zhejiang) and of ../shared/corpus/zhejiang.
func TestReadTitlesKindsAgesRegions(t *testing.T) {
	t.Parallel()
	const fact = "stated"
	tests := []readCase{
		{"质量奖三级，配对第二个", "对获得中国质量奖、浙江省人民政府质量奖、台州市政府质量奖的企业", 1, 3,
			[]readCond{{"certified:政府质量奖@provincial", "中国质量奖、浙江省人民政府质量奖、台州市政府质量奖"}}},
		{"中国质量奖是国家级", "对获得中国质量奖、浙江省人民政府质量奖、台州市政府质量奖的企业", 0, 3,
			[]readCond{{"certified:政府质量奖@national", "中国质量奖、浙江省人民政府质量奖、台州市政府质量奖"}}},
		{"首次获得市政府质量奖", "对首次获得永康市政府质量奖的企业", 0, 1,
			[]readCond{{"certified_new:政府质量奖@city", "首次获得永康市政府质量奖"}}},
		{"引号中的称号与级别", "对获评省级“隐形冠军”称号的企业", 0, 1,
			[]readCond{{"certified:隐形冠军企业@provincial", "省级“隐形冠军”"}}},
		{"技术创新示范企业，两级配对", "对当年新认定为国家、省级技术创新示范企业的", 1, 2,
			[]readCond{{"certified_new:技术创新示范企业@provincial", "当年新认定为国家、省级技术创新示范企业"}}},
		{"新建成的院士专家工作站，三级之三", "对新建成的国家级、省级、市级院士专家工作站，分别给予建站单位", 2, 3,
			[]readCond{{"certified_new:院士专家工作站@city", "新建成的国家级、省级、市级院士专家工作站"},
				{fact, "对新建成的国家级、省级、市级院士专家工作站，分别给予建站单位"}}},
		{"新增的孵化器", "对新增的国家级、省级科技企业孵化器，经认定", 0, 2,
			[]readCond{{"certified_new:孵化器@national", "新增的国家级、省级科技企业孵化器"}}},
		{"国家制造业创新中心", "对经认定的国家制造业创新中心", 0, 1,
			[]readCond{{"certified:制造业创新中心@national", "国家制造业创新中心"}}},
		{"工程（技术）中心，四级之一", "评为国家级、省级、市级、区级企业工程（技术）中心", 0, 4,
			[]readCond{{"certified:企业研发中心/工程技术研究中心@national", "国家级、省级、市级、区级企业工程（技术）中心"}}},
		{"批发企业的销售额，两档配对", "批发企业当年销售额达到5亿元、10亿元", 1, 2,
			[]readCond{{"revenue_yuan>=10亿元", "销售额达到5亿元、10亿元"}, {"industry:51", "批发企业"}}},
		{"列举中间的其他载体", "众创空间、众创联盟、创业社区等新型孵化器", 0, 1,
			[]readCond{{"any(certified:众创空间,certified:孵化器,stated)", "众创空间、众创联盟、创业社区等新型孵化器"}}},
		{"首次：整句待说明，不再另列称号", "对首次纳入科技部全国科技型中小企业信息库的科技型中小企业", 0, 1,
			[]readCond{{fact, "对首次纳入科技部全国科技型中小企业信息库的科技型中小企业"}}},
		{"零售类企业的销售额", "对新增限额以上的零售类企业，当年度销售额在1000万元（含）以上的", 0, 1,
			[]readCond{{"revenue_yuan>=1000万元", "销售额在1000万元（含）以上"}, {"industry:52", "零售类企业"},
				{fact, "对新增限额以上的零售类企业，当年度销售额在1000万元（含）以上的"}}},
		{"国家高企与市级高企：只读国家的，其余待说明", "新认定的国家高新技术企业、金华市级高新技术企业", 1, 2,
			[]readCond{{"any(certified_new:高新技术企业,stated)", "新认定的国家高新技术企业、金华市级高新技术企业"}}},
		{"工业企业的研发投入", "对工业企业年研发投入300万元以上", 0, 1,
			[]readCond{{"rd_expense_yuan>=300万元", "研发投入300万元以上"}, {"industry:B|C|D", "工业企业"}}},
		{"建筑业企业", "对年度产值首次达到5亿元的建筑业企业", 0, 1,
			[]readCond{{"industry:E", "建筑业企业"}, {fact, "对年度产值首次达到5亿元的建筑业企业"}}},
		{"软件和信息技术服务业", "对软件和信息技术服务业企业年营业收入首次超过1亿元的", 0, 1,
			[]readCond{{"revenue_yuan>1亿元", "营业收入首次超过1亿元"}, {"industry:65", "软件和信息技术服务业企业"},
				{fact, "对软件和信息技术服务业企业年营业收入首次超过1亿元的"}}},
		{"成立年限：以内", "注册3年内的企业", 0, 1,
			[]readCond{{"registered_on>=as_of-3年", "注册3年内"}}},
		{"成立年限：不满", "成立不满2年的科技型中小企业", 0, 1,
			[]readCond{{"certified:科技型中小企业", "科技型中小企业"}, {"registered_on>as_of-2年", "成立不满2年"}}},
		{"成立年限：满", "注册成立满一年以上的企业", 0, 1,
			[]readCond{{"registered_on<=as_of-1年", "注册成立满一年以上"}}},
		{"注册地在本地", "对注册在我市的文化企业", 0, 1,
			[]readCond{{"in_region", "注册在我市"}, {fact, "对注册在我市的文化企业"}}},
		{"注册地与纳税地：不确定", "注册地和纳税主体在本市的企业", 0, 1,
			[]readCond{{"in_region?", "注册地和纳税主体在本市"}}},
		{"在本地注册并纳税", "在我区注册并纳税的企业", 0, 1,
			[]readCond{{"in_region?", "在我区注册并纳税"}}},
	}
	runReadCases(t, tests)
}

// TestReadNotTheApplicant: words that look like a title, a kind or an age
// but say something else — a task, a candidate, a nomination, a project,
// an enterprise served or invested in, the window of an award, a move.
func TestReadNotTheApplicant(t *testing.T) {
	t.Parallel()
	only := func(text string) []readCond { return []readCond{{"stated", text}} }
	tests := []readCase{
		{"支持建设…中心：任务", "支持建设省级重点实验室", 0, 1, only("支持建设省级重点实验室")},
		{"申报：项目", "申报国家重点实验室被国家科技部批准立项", 0, 1, only("申报国家重点实验室被国家科技部批准立项")},
		{"建设评估", "通过国家重点实验室建设评估", 0, 1, only("通过国家重点实验室建设评估")},
		{"培育企业不是单项冠军", "首次认定为市单项冠军培育企业", 0, 1, only("首次认定为市单项冠军培育企业")},
		{"隐形冠军培育", "被列入省级“隐形冠军”培育的企业", 0, 1, only("被列入省级“隐形冠军”培育的企业")},
		{"提名奖不是质量奖", "获得中国质量奖提名奖的企业", 0, 1, only("获得中国质量奖提名奖的企业")},
		{"共建：合作", "企业与高校院所在我市共建研发中心", 0, 1, only("企业与高校院所在我市共建研发中心")},
		{"面向工业企业的平台", "面向工业企业的检验检测公共服务平台", 0, 1, only("面向工业企业的检验检测公共服务平台")},
		{"为工业企业担保", "融资性担保机构为工业企业提供担保", 0, 1, only("融资性担保机构为工业企业提供担保")},
		{"帮助成立5年内的企业", "专业融资中介机构帮助成立5年内的高层次人才创业企业融资", 0, 1,
			only("专业融资中介机构帮助成立5年内的高层次人才创业企业融资")},
		{"注册起5年内：奖励期", "总部注册起5年内每个完整会计年度", 0, 1, only("总部注册起5年内每个完整会计年度")},
		{"迁入：另一条件", "注册地和纳税地均迁入本市的上市公司", 0, 1, only("注册地和纳税地均迁入本市的上市公司")},
		{"市级高新技术企业是另一称号", "新通过市级高新技术企业认定的企业", 0, 1, only("新通过市级高新技术企业认定的企业")},
		{"规上企业不是规上工业企业", "2000万元-5000万元规上企业", 0, 1, only("2000万元-5000万元规上企业")},
	}
	runReadCases(t, tests)
}

// TestReadRegionOfNationalPolicy: a national policy has no region of its
// own; 注册地在本市 stays a fact to state.
func TestReadRegionOfNationalPolicy(t *testing.T) {
	t.Parallel()
	r := reader{k: 0, n: 1}
	got := r.read("注册地在本市的企业", 0)
	if len(got) != 1 || got[0].Kind != CondStated {
		t.Errorf("national: %+v, want one stated fact", got)
	}
}

func runReadCases(t *testing.T, tests []readCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reader{since: huiqi.Date{Year: 2021, Month: 1, Day: 23}, k: tt.k, n: tt.n,
				region: "330482", regionName: "浙江省嘉兴市平湖市"}
			const at = 100
			got := r.read(tt.text, at)
			if len(got) != len(tt.want) {
				t.Fatalf("read(%q) = %d conditions %v, want %v", tt.text, len(got), briefs(got), tt.want)
			}
			for i, c := range got {
				b := brief(c)
				if c.Kind == CondRegion && c.Uncertain {
					b += "?"
				}
				if b != tt.want[i].brief || c.Text != tt.want[i].words {
					t.Errorf("condition %d = %s from %q, want %s from %q", i, b, c.Text, tt.want[i].brief, tt.want[i].words)
				}
				if c.Text != tt.text[c.Span.Start-at:c.Span.End-at] {
					t.Errorf("%s: span %v does not hold %q", b, c.Span, c.Text)
				}
			}
		})
	}
}

func briefs(cs []Cond) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = brief(c)
	}
	return out
}
