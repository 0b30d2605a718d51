package extract

import (
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

var (
	// reSupport marks a phrase that gives money to someone.
	reSupport = regexp.MustCompile(`给予|给与|予以|奖励|奖补|补助|补贴|资助|扶持|贴息|支持|兑现|发放|享受|津贴|经费|资金|基金|补偿|返还|创新券|一次性|最高|不超过|安排|配套|奖金|购房|租房|安家费|生活费`)
	// reThresholdWord precedes an amount that is a condition, not support.
	reThresholdWord = regexp.MustCompile(`突破|达到|达|超过|不少于|不低于|低于|高于|不足|增量|增加|销售额|销售收入|营业额|营业收入|主营业务收入|交易额|成交额|投资额|总投资|实际投资|产值|收入|营收|注册资本|实缴|研发投入|研发费用|研发经费|融资额|融资|贷款额|合同额|纳税|税收|出口额|进出口额|营业|在|累计|实际|总额|金额|净利润|利润|资产|除以|不得`)
	// rePerBaseBefore is "每1000万元" right before an amount: the amount is the base of a per-unit rate.
	rePerBaseBefore = regexp.MustCompile(`每\s*(?:新增|增加|减少|增加或减少|增减|核销|处置|引进|实现)?\s*$`)
	// reGive is a verb that hands the money over; it ends a threshold's reach.
	reGive = regexp.MustCompile(`给予|给与|予以|奖励|补助|补贴|资助|安排|设立|发放|兑现|奖补|享受`)
	// reGiveRight is a giving verb right before an amount.
	reGiveRight = regexp.MustCompile(`(?:给予|给与|予以|奖励|补助|补贴|资助)[^，,。；;]{0,4}$`)
	// reCapBefore makes the amount after it a maximum.
	reCapBefore = regexp.MustCompile(`(?:最高|最多|至多|上限|封顶|不超过|不得超过|不高于|累计不超过|总额不超过|以内)[^，,。；;]{0,12}$`)
	// reCapAfter makes the amount before it a maximum.
	reCapAfter = regexp.MustCompile(`^\s*(?:以内|为限|封顶|上限)`)
	// reAboveBelow after an amount makes it a threshold.
	reAboveBelow = regexp.MustCompile(`^\s*(?:[（(]\s*含\s*[）)])?\s*(?:及以上|以上|及以下|以下|左右|之间)`)
	// reListTail is a run of amounts that ends in 的: "1亿元、2亿元和3亿元的".
	reListTail = regexp.MustCompile(`^(?:\s*[（(]含[）)])?(?:\s*[、和及与或至到\-—－～~]\s*[0-9.．一二三四五六七八九十百千万亿]+\s*(?:万元|亿元|元)?(?:\s*[（(]含[）)])?)+\s*(?:以上|以下)?的`)
	// rePerEntity opens a cap on what one beneficiary can get.
	rePerEntity = regexp.MustCompile(`^(?:对)?(?:(?:资助|补助|奖励|补贴|扶持)(?:金额|资金|总额)|所有|全部|单个|单一|单家|单项|每个|每家|每户|每项|每人|每名|同一|单位|企业|个人|项目|每年|年度|累计|合计|总额|总计|其中|且)`)
	rePerUnit   = regexp.MustCompile(`每(?:[\p{Han}]{0,4}?[0-9０-９一二两三四五六七八九十]+\s*|新?增加?|引进|招收|新引进|认定|获得|通过)?\s*(件|个|项|家|人|名|台|套|次|场|批|户|所|位|座|条|款|只|株|部|门|篇|本|期|届|亩|平方米|吨|千瓦|辆|床|张|组|品种)`)
	reSlashUnit = regexp.MustCompile(`^\s*/\s*(件|个|项|家|人|名|台|套|次|场|批|户|年|位|亩|平方米|吨|千瓦|辆)`)
	reOneTime   = regexp.MustCompile(`一次性`)
	reAnnual    = regexp.MustCompile(`每年|年度|连续[0-9一二三四五]+年|按年|逐年|每一年`)
	rePenalty   = regexp.MustCompile(`追回|罚款|罚金|处以|退回|收回|违约金|赔偿`)
	// reInstalment marks a sentence that pays one total in parts ("分三年共给予60万元，第一年给予30万元").
	reInstalment = regexp.MustCompile(`分[0-9一二两三四五]+(?:年|次|期|批)|共给予|分期`)
	// reInstalmentPart precedes an amount that is one part of such a total.
	reInstalmentPart = regexp.MustCompile(`(?:第[0-9一二三四五]+(?:年|次|期|批)|首期|先|其余|剩余)[^，,。；;]{0,8}$`)
	// reDecrease precedes an amount taken off, not given.
	reDecrease = regexp.MustCompile(`(?:递减|减少|扣减|扣除|核减|减半|下调)\s*$`)
	reFundSet  = regexp.MustCompile(`设立|组建|成立|发起|规模|母基金|子基金|引导基金|产业基金|投资基金|创投基金|天使基金`)
	reTopUp    = regexp.MustCompile(`在(第[0-9一二三四五六七八九十]+[条款项]|[^，。；]{1,30}?)(?:的)?基础上[^，。；]{0,10}?(?:再|另|增加|追加|提高|上浮|额外)`)
)

// kindWords classify a measure by the first matching word near its amount.
var kindWords = []struct {
	re   *regexp.Regexp
	kind huiqi.MeasureKind
}{
	{regexp.MustCompile(`贴息`), huiqi.KindInterest},
	{regexp.MustCompile(`创新券|科技券|服务券|消费券|券`), huiqi.KindVoucher},
	{regexp.MustCompile(`基金`), huiqi.KindFund},
	{regexp.MustCompile(`贷款|授信|担保|信用贷|风险池|周转`), huiqi.KindLoan},
	{regexp.MustCompile(`减免|免征|退税|所得税|增值税|税收`), huiqi.KindTax},
	{regexp.MustCompile(`奖励|奖补|奖金|奖`), huiqi.KindReward},
	{regexp.MustCompile(`补助|补贴|津贴|补偿|购房|租房|安家`), huiqi.KindSubsidy},
	{regexp.MustCompile(`资助|扶持|经费|资金|支持|启动`), huiqi.KindGrant},
	{regexp.MustCompile(`免费|免租|场地|用房|办公用房`), huiqi.KindInKind},
}

// kindOf reads the kind from the first kind word after the amount, else the
// last one before it: the words nearest the amount decide.
func kindOf(after, before string) huiqi.MeasureKind {
	return kindOf3(after, "", before)
}

// kindOf3 reads the kind from the first kind word after the amount, else the
// first one in its own segment before it (the verb: 奖励工作经费 is a reward),
// else the last one earlier in the sentence.
func kindOf3(after, segBefore, before string) huiqi.MeasureKind {
	if k := firstKind(after); k != "" {
		return k
	}
	if k := firstKind(segBefore); k != "" {
		return k
	}
	return lastKind(before)
}

func firstKind(s string) huiqi.MeasureKind {
	best, at := huiqi.MeasureKind(""), len(s)+1
	for _, kw := range kindWords {
		if loc := kw.re.FindStringIndex(s); loc != nil && loc[0] < at {
			best, at = kw.kind, loc[0]
		}
	}
	return best
}

func lastKind(s string) huiqi.MeasureKind {
	best, at := huiqi.MeasureKind(""), -1
	for _, kw := range kindWords {
		for _, loc := range kw.re.FindAllStringIndex(s, -1) {
			if loc[1] > at {
				best, at = kw.kind, loc[1]
			}
		}
	}
	if best == "" {
		return huiqi.KindSubsidy
	}
	return best
}

// lastIndex returns the start of the last match of re in s, or -1.
func lastIndex(re *regexp.Regexp, s string) int {
	all := re.FindAllStringIndex(s, -1)
	if len(all) == 0 {
		return -1
	}
	return all[len(all)-1][0]
}

// trimCond cleans a condition segment: "对新认定的国家级孵化器的" → "新认定的国家级孵化器".
func trimCond(s string) string {
	s = strings.TrimSpace(strings.TrimRight(s, "，,：:；;。"))
	s = strings.TrimPrefix(s, "对于")
	s = strings.TrimPrefix(s, "对")
	s = strings.TrimSuffix(s, "的")
	return strings.TrimSpace(s)
}
