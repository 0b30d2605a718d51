package propose

import (
	"regexp"
	"strings"
)

// neg are the words that deny: 未, 无, 没有, 不存在…
const neg = `(?:未|无|没有|不存在|未曾)(?:被|发生|出现|发生过|有)?`

// compliance are the generic compliance statements no platform can know
// from data, which stay declarations the applicant confirms (unconfirmed,
// they count as met): not on the 经营异常名录 or a 失信 list, no major
// safety, quality or environmental incident, taxes paid, products not of a
// prohibited or obsolete class, in line with industrial policy, good
// credit, no violations of law. A requirement on who the beneficiary is
// (a 海铁联运 carrier, a 质量奖 winner) is not one of them: it becomes a
// stated fact, unknown until the applicant answers.
var compliance = []*regexp.Regexp{
	// 未被列入经营异常名录, 未列入严重违法失信企业名单, 非失信被执行人
	regexp.MustCompile(`(?:未|没有|不)(?:被)?(?:列入|纳入|进入)[^，；。]{0,10}?(?:经营异常名录|异常经营名录|失信[^，；。]{0,6}?名单|失信被执行人|黑名单)` +
		`(?:(?:或|和|及|、|或者)[^，；。]{0,12}?(?:名录|名单))*`),
	regexp.MustCompile(`(?:非|不是)失信被执行人`),
	regexp.MustCompile(neg + `(?:严重)?(?:违法)?失信(?:行为|记录)`),
	// 无重大安全、质量、环境污染事故
	regexp.MustCompile(`(?:近[一二两三五1235]年(?:内|来)?)?` + neg + `(?:重大|较大|重特大|严重)?` +
		`(?:(?:生产)?安全(?:生产)?|质量|环境(?:污染)?|环保|生态环境)` +
		`(?:(?:、|和|及|或|，)(?:重大|较大|严重)?(?:(?:生产)?安全(?:生产)?|质量|环境(?:污染)?|环保|生态环境))*` +
		`(?:等)?(?:责任)?(?:事故|事件|违法(?:违规)?(?:行为)?)`),
	// 依法纳税, 无偷漏税
	regexp.MustCompile(`(?:依法|诚信|按时|按规定)纳税`),
	regexp.MustCompile(neg + `(?:偷税|漏税|逃税|欠税|偷漏税|偷逃税|骗税)(?:(?:、|和|或|及)(?:偷税|漏税|逃税|欠税|骗税))*(?:等)?(?:违法)?(?:行为|记录)?`),
	// 产品不属于国家禁止、限制或淘汰类
	regexp.MustCompile(`(?:(?:所)?(?:提供|生产|经营)的)?(?:产品|服务|项目|工艺|设备)[^，；。]{0,8}?(?:不属于|不属|非)[^，；。]{0,10}?(?:禁止|限制|淘汰)` +
		`(?:(?:、|和|或|及)?(?:禁止|限制|淘汰))*(?:类|目录|范围)`),
	// 符合国家产业政策
	regexp.MustCompile(`符合(?:国家|省|市|县|区|当地)?(?:(?:和|及|、)(?:省|市|县|区|地方))*(?:的)?(?:相关)?产业(?:政策|导向)(?:要求|导向)?`),
	// 信用良好
	regexp.MustCompile(`(?:企业)?(?:信用|信誉)(?:记录|状况)?良好`),
	// 近三年无违法违规行为; 守法经营
	regexp.MustCompile(`(?:近[一二两三五1235]年(?:内|来)?)?` + neg + `(?:重大|严重)?违法违规(?:行为|记录)?`),
	regexp.MustCompile(`(?:守法|依法|合法)经营|遵纪守法`),
	// 财务制度健全
	regexp.MustCompile(`(?:财务(?:会计)?制度|会计核算)健全`),
}

// complianceChars are characters one of which every compliance statement
// holds (异常, 失信, 黑名单, 事故, 事件, 违法, 纳税, 淘汰, 禁止, 限制, 产业政策,
// 产业导向, 良好, 经营, 遵纪, 健全); a test holds every statement to it.
const complianceChars = "异失黑故件违税淘禁限策导良营纪健"

// compliant reads the generic compliance statements of text: each a
// declaration of its words.
func (r *reader) compliant(text string) []piece {
	var out []piece
	if !strings.ContainsAny(text, complianceChars) {
		return nil // most texts: no regular expression need run
	}
	for _, re := range compliance {
		for _, m := range re.FindAllStringIndex(text, -1) {
			if overlapping(out, m[0]) || overlapping(out, m[1]-1) {
				continue
			}
			c := declaration(text[m[0]:m[1]], r.at+m[0])
			out = append(out, piece{cond: c, start: m[0], end: m[1]})
		}
	}
	return out
}
