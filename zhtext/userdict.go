package zhtext

// policyTerms are words of enterprise-support policies that the general
// dictionary splits (专精特新 came out as 专/精/特新, 区科学技术局 as
// 区/科学技术/局). Kept whole, a search for the term ranks documents naming it
// above those that merely contain its characters; the bigrams still find the
// parts.
var policyTerms = []string{
	"专精特新", "小巨人", "单项冠军", "隐形冠军", "瞪羚企业", "独角兽企业", "雏鹰企业",
	"高新技术企业", "科技型中小企业", "规上企业", "规下企业", "规模以上工业企业",
	"孵化器", "众创空间", "加速器", "孵化载体", "科技企业孵化器", "星创天地",
	"研发费用", "研发投入", "加计扣除", "研发机构", "企业研究院", "重点实验室",
	"工程技术研究中心", "企业技术中心", "新型研发机构", "博士后工作站", "院士工作站",
	"区科学技术局", "科学技术局", "科技局", "经信局", "经济和信息化局", "财政局",
	"人力资源和社会保障局", "商务局", "市场监督管理局", "发展和改革委员会", "发改委",
	"创新券", "科技保险", "担保贷款", "创业担保贷款", "楼宇经济", "总部经济",
	"首台套", "首版次", "首批次", "技术改造", "智能化改造", "数字化改造",
	"贷款贴息", "融资担保", "风险补偿", "股权投资", "产业基金", "上市挂牌",
	"首次认定", "重新认定", "奖励", "补助", "补贴", "资助", "一次性奖励",
	"知识产权", "发明专利", "商标", "标准制定", "品牌建设",
	"人才引进", "领军人才", "高层次人才", "创新团队", "租房补贴", "安家补贴",
	"征求意见稿", "实施细则", "管理办法", "若干意见", "若干政策", "实施意见",
}

// userFreq is the frequency given to policy terms: high enough that the
// segmenter prefers the whole term to any split of it.
const userFreq = 50000
