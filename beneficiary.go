package huiqi

import "strings"

// Beneficiary types: who a measure benefits, for the search facet and
// filter. A measure's beneficiary is free text (新认定的国家级孵化器运营机构);
// BeneficiaryTypeOf sorts it into one of these.
const (
	BeneficiaryEnterprise = "enterprise" // 企业
	BeneficiaryCarrier    = "carrier"    // 孵化器, 众创空间, 园区, 楼宇
	BeneficiaryTalent     = "talent"     // 人才, 团队, 个人
	BeneficiaryResearch   = "research"   // 高校, 科研院所, 研发机构
	BeneficiaryPlatform   = "platform"   // 服务平台, 协会, 中介机构
	BeneficiaryFinance    = "finance"    // 银行, 担保, 投资机构
	BeneficiaryOther      = "other"
)

// BeneficiaryLabels are the Chinese names of the beneficiary types.
var BeneficiaryLabels = map[string]string{
	BeneficiaryEnterprise: "企业", BeneficiaryCarrier: "孵化载体与园区", BeneficiaryTalent: "人才与团队",
	BeneficiaryResearch: "高校院所与研发机构", BeneficiaryPlatform: "服务平台与社会组织",
	BeneficiaryFinance: "金融机构", BeneficiaryOther: "其他",
}

// beneficiaryWords are the nouns that name each type. A Chinese noun phrase
// ends in its head (引进工艺美术大师的企业 is an enterprise), so the word
// that ends last decides; at the same end the longer word wins (研发中心
// over 中心).
var beneficiaryWords = map[string][]string{
	BeneficiaryEnterprise: {"企业", "公司", "网店", "商户", "经营者", "市场主体", "个体工商户", "总部"},
	BeneficiaryCarrier:    {"孵化器", "众创空间", "加速器", "孵化基地", "孵化载体", "园区", "产业园", "楼宇", "基地", "小镇", "街区", "特色街", "农贸市场", "专业市场", "综合体", "海外仓"},
	BeneficiaryTalent:     {"人才", "团队", "专家", "博士", "博士后", "院士", "大师", "人士", "个人", "毕业生", "工程师", "设计师", "学生", "青年", "职工", "员工", "创业者", "带头人"},
	BeneficiaryResearch:   {"高校", "高等院校", "院校", "科研院所", "研究院", "研究所", "新型研发机构", "研发机构", "实验室", "研发中心", "技术中心", "工程技术研究中心", "工程研究中心", "设计中心", "创新中心", "重点实验室"},
	BeneficiaryPlatform:   {"平台", "协会", "商会", "联盟", "服务机构", "中介机构", "服务中心", "社会组织", "行业组织"},
	BeneficiaryFinance:    {"银行", "金融机构", "担保机构", "融资担保", "保险机构", "投资机构", "创投机构", "基金管理", "小额贷款"},
}

// operatorSuffixes name who runs a thing rather than a type: 孵化器运营机构
// is a carrier's operator, counted as the carrier.
var operatorSuffixes = []string{"运营机构", "运营单位", "运营企业", "运营主体", "运营方", "主办方", "建设单位", "管理单位", "业主", "物业管理公司", "创建单位"}

// BeneficiaryTypeOf sorts a measure's beneficiary text into a beneficiary
// type; "" for an empty text, BeneficiaryOther when no word names a type.
func BeneficiaryTypeOf(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	if i := strings.IndexAny(text, "(（"); i > 0 {
		text = text[:i] // 新引进总部企业（内资，实到注册资本10亿元及以上）
	}
	for _, s := range operatorSuffixes {
		if t, ok := strings.CutSuffix(text, s); ok && t != "" && beneficiaryType(t) != BeneficiaryOther {
			return beneficiaryType(t)
		}
	}
	return beneficiaryType(text)
}

func beneficiaryType(text string) string {
	best, bestEnd, bestLen := BeneficiaryOther, -1, 0
	for typ, words := range beneficiaryWords {
		for _, w := range words {
			i := strings.LastIndex(text, w)
			if i < 0 {
				continue
			}
			if end := i + len(w); end > bestEnd || end == bestEnd && len(w) > bestLen {
				best, bestEnd, bestLen = typ, end, len(w)
			}
		}
	}
	return best
}
