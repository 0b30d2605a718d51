package propose

import "regexp"

// localPlace is the issuer's own area as a text names it: 我市, 本县, 区内.
const localPlace = `(?:我市|本市|全市|市内|我县|本县|县内|我区|本区|区内|本地|辖区内|本辖区)`

// regionPatterns are where an enterprise must be registered (or pay its
// taxes): 注册地在我市, 注册地和纳税主体在本市, 在我区注册, 本市注册企业.
// 迁入本区 and 迁至我市 (moving here) are another condition and not read.
var regionPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?:工商)?(?:注册地|注册登记|注册|工商登记)(?:地)?(?:(?:和|及|、|与)(?:纳税(?:主体|关系|地)?|税务登记|税收(?:户管)?))?` +
		`(?:均|须|必须|应|仍)?(?:在|为|于)` + localPlace + `(?:范围)?(?:内)?`),
	regexp.MustCompile(`(?:在|于)?` + localPlace + `(?:范围)?(?:内)?(?:依法)?(?:注册登记|登记注册|注册|工商登记)(?:(?:并|且|、|和)?(?:依法)?纳税)?`),
	regexp.MustCompile(`(?:纳税关系|税收户管|税收关系|税务登记)(?:均|须|必须|应)?(?:在|于)` + localPlace + `(?:内)?`),
}

// taxWords make a region reading an interpretation: an enterprise taxed
// where it is registered is the usual case, not a rule.
var taxWords = regexp.MustCompile(`纳税|税收|税务`)

// regions reads the requirement to be registered in the policy's own
// region, as an in_region condition with the words' span. A national
// policy or one whose region is unknown has no region to read it as: its
// words stay a stated fact.
func (r *reader) regions(text string, mask []bool) []piece {
	if r.region == "" || r.region == National {
		return nil
	}
	var out []piece
	for _, re := range regionPatterns {
		for _, m := range re.FindAllStringIndex(text, -1) {
			if masked(mask, m[0], m[1]) || overlappingAny(out, m[0], m[1]) {
				continue
			}
			words := text[m[0]:m[1]]
			c := Cond{Kind: CondRegion, Region: r.region, Label: "注册地在" + r.regionName + "内（原文：" + words + "）",
				Uncertain: taxWords.MatchString(words)}
			out = append(out, piece{cond: c, start: m[0], end: m[1]})
		}
	}
	return out
}
