package propose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// agePattern is a registration age: 注册3年内, 成立不满2年, 成立满一年,
// 注册成立5年以上. The words must stand together: 注册起5年内 and 注册后的3年内
// are a window of the award, not an age.
var agePattern = regexp.MustCompile(`(?:注册成立|成立|注册|设立|创办)(?:时间|年限)?(在|满|不满|未满|不足|不到|不超过|超过)?` +
	`([0-9]+|[一二两三四五六七八九十]+)(?:个)?(周年|年|月)(以内|之内|内|以上|及以上|（含）以上)?`)

// ages reads registration ages: 注册3年内的企业 → registered_on >= as_of - 3年.
func ages(text string) []piece {
	var out []piece
	for _, m := range agePattern.FindAllStringSubmatchIndex(text, -1) {
		pre, after := sub(text, m, 1), sub(text, m, 4)
		op := ageOp(pre, after)
		n, ok := count(sub(text, m, 2))
		if op == "" || !ok || n <= 0 || servedBy(text[:m[0]]) || objectOf(text[:m[0]]) {
			continue
		}
		months, unit := n*12, "年"
		if sub(text, m, 3) == "月" {
			months, unit = n, "个月"
		}
		c := Cond{Kind: CondAge, Field: "registered_on", Op: op, Value: months,
			Label: fmt.Sprintf("成立（注册）%s%d%s", ageLabel[op], n, unit)}
		out = append(out, piece{cond: c, start: m[0], end: m[1]})
	}
	return out
}

func sub(text string, m []int, k int) string {
	if m[2*k] < 0 {
		return ""
	}
	return text[m[2*k]:m[2*k+1]]
}

// ageOp compares registered_on with as_of minus the age: within the age
// (内, 不超过) on or after, under it (不满) after, at least (满, 以上) on or
// before, over it (超过) before.
func ageOp(pre, after string) string {
	switch {
	case pre == "不满" || pre == "未满" || pre == "不足" || pre == "不到":
		return ">"
	case pre == "不超过" || after == "以内" || after == "之内" || after == "内":
		return ">="
	case pre == "超过":
		return "<"
	case pre == "满" || after == "以上" || after == "及以上" || after == "（含）以上":
		return "<="
	}
	return ""
}

var ageLabel = map[string]string{">=": "不超过", ">": "不满", "<=": "满", "<": "超过"}

// count reads 3, 三, 十二 as a number.
func count(s string) (int64, bool) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	return hanCount(s)
}

// hanCount reads 一 to 九十九 written in Han numerals.
func hanCount(s string) (int64, bool) {
	const digits = "零一二三四五六七八九"
	var n, cur int64
	for _, r := range s {
		switch {
		case r == '两':
			cur = 2
		case r == '十':
			n, cur = n+max(cur, 1)*10, 0
		case strings.ContainsRune(digits, r):
			cur = int64(strings.IndexRune(digits, r) / len("一"))
		default:
			return 0, false
		}
	}
	return n + cur, s != ""
}
