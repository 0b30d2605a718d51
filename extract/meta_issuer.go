package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// orgSuffix ends the name of an issuing body.
var reOrgSuffix = regexp.MustCompile(`(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|工作委员会|管理委员会|领导小组|区委|市委|县委|省委|党委|局|厅|委|部|办|院|署|中心|总局|银行|分行|支行|协会|联合会|管委会)$`)

// orgStart are the words an issuing body's name can begin with besides a region name.
var orgStarts = []string{"中共", "中国共产党", "共青团", "国务院", "国家", "中国人民银行", "财政部", "科技部", "科学技术部", "工业和信息化部", "教育部", "人力资源"}

// trailingOrg returns the longest tail of s that reads as an organisation name:
// it ends with an organisation suffix and starts with a region name or a known
// body word.
func trailingOrg(s string) string {
	s = hanTail(strings.TrimSpace(s))
	if !reOrgSuffix.MatchString(s) {
		return ""
	}
	for i := range s {
		if i > 0 && !utf8.RuneStart(s[i]) {
			continue
		}
		tail := s[i:]
		if utf8.RuneCountInString(tail) < 3 {
			break
		}
		if startsOrg(tail) && plausibleOrgs(tail) {
			return tail
		}
	}
	return ""
}

// orgLine returns the body named by a whole signature line: a name that
// trailingOrg reads, or a short all-Chinese line ending like a body's name
// ("文化和旅游部" under which the date is written).
func orgLine(line string) string {
	line = strings.TrimSpace(line)
	if org := trailingOrg(line); org != "" {
		return org
	}
	if n := utf8.RuneCountInString(line); n >= 3 && n <= 20 && hanTail(line) == line && reOrgSuffix.MatchString(line) && !reNotOrg.MatchString(line) {
		return line
	}
	return ""
}

// reNotOrg are words no body's name contains: a form or list title glued to
// the signature ("…奖励申请表玉环市经济和信息化局").
var reNotOrg = regexp.MustCompile(`申请表|登记表|一览表|汇总表|目录|名单|清单|附件|通知|办法|意见|规定|细则|方案`)

// plausibleOrgs reports whether s reads as one or more bodies' names.
func plausibleOrgs(s string) bool {
	if reNotOrg.MatchString(s) {
		return false
	}
	for _, name := range splitIssuers(s) {
		if utf8.RuneCountInString(name) > 22 {
			return false
		}
	}
	return true
}

// hanTail returns the run of Chinese characters (and brackets) that ends s:
// an organisation's name has no digits ("…2018年2月28日中共永康市委办公室" → 中共永康市委办公室).
func hanTail(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(r >= 0x4e00 && r <= 0x9fff) && !strings.ContainsRune("（）()", r) {
			break
		}
		i -= n
	}
	return s[i:]
}

// startsOrg reports whether s begins like the name of a public body.
func startsOrg(s string) bool {
	for _, w := range orgStarts {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return regionPrefixLen(s) > 0
}

// splitIssuers cuts a run of joint issuers written together
// ("嘉兴市科学技术局嘉兴市财政局") into names, at separators and wherever a new
// body's name starts right after an organisation suffix.
func splitIssuers(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return isSpace(r) || r == '、' || r == '，' || r == ',' || r == '；' || r == ';'
	}) {
		start := 0
		for i := range part {
			if i == 0 || !utf8.RuneStart(part[i]) {
				continue
			}
			if reOrgSuffix.MatchString(part[start:i]) && startsOrg(part[i:]) && utf8.RuneCountInString(part[start:i]) >= 3 {
				out = append(out, part[start:i])
				start = i
			}
		}
		if rest := part[start:]; reOrgSuffix.MatchString(rest) && utf8.RuneCountInString(rest) >= 2 {
			out = append(out, rest)
		}
	}
	return mergeBranches(out)
}

// reBranch ends the name of a national body's local branch.
var reBranch = regexp.MustCompile(`(?:中心支行|支行|分行|分局|办事处|分公司|监管局|税务局)$`)

// mergeBranches joins a local branch to the national body named before it:
// "中国人民银行" + "湖州市中心支行" is one body.
func mergeBranches(names []string) []string {
	var out []string
	for _, n := range names {
		if k := len(out) - 1; k >= 0 && reBranch.MatchString(n) && !reBranch.MatchString(out[k]) && (strings.HasPrefix(out[k], "中国") || strings.HasPrefix(out[k], "国家")) && regionPrefixLen(out[k]) == 0 {
			out[k] += n
			continue
		}
		out = append(out, n)
	}
	return out
}

var (
	// reHeaderFile is the 红头 header "XX人民政府办公室文件".
	reHeaderFile = regexp.MustCompile(`([^\s。，,；;：:、（）()0-9A-Za-z—\-]{4,80}?)文件`)
	// reAdopted is "(2023年7月12日中国共产党…委员会第五次全体会议通过)".
	reAdopted = regexp.MustCompile(`[（(]\s*([0-9〇零一二三四五六七八九十]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日)\s*([^（）()]{2,60}?)(?:第[^（）()]{1,12}?次)?(?:全体)?会议[^（）()]{0,10}(?:通过|审议通过|讨论通过)\s*[）)]`)
)

// chromeField reads the "key:value" lines of a portal page's info block.
var reChromeField = regexp.MustCompile(`(?m)^[\s•·●\-*]*(发布日期|发布时间|发文日期|成文日期|印发日期|发布机构|发文机关|发文单位|来源|类型|主题分类|发文字号|文号|索引号|有效性|时效)\s*[:：]\s*([^\n]{0,80})`)

// chromeFields returns the portal info fields found in the head of the text.
func chromeFields(head string) map[string]string {
	out := map[string]string{}
	for _, m := range reChromeField.FindAllStringSubmatch(head, -1) {
		k, v := m[1], strings.TrimSpace(m[2])
		if _, seen := out[k]; !seen && v != "" {
			out[k] = v
		}
	}
	return out
}

var chromeWords = []string{"政策查询", "在线咨询", "我的企业", "是否适合申报", "我要申报", "A+", "A-", "打印", "关闭", "分享", "扫一扫", "首页", "当前位置"}

// isChrome reports whether a line is portal chrome rather than document text.
func isChrome(line string) bool {
	for _, w := range chromeWords {
		if strings.Contains(line, w) {
			return true
		}
	}
	return reChromeField.MatchString(line)
}
