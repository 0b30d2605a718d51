package consult

import (
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi/zhtext"
)

// query is a question cut into the words that carry its content, the
// terms BM25 looks for, and what it asks about.
type query struct {
	words []string
	// alts are each word's alternatives: itself and its synonyms.
	alts [][]string
	// asking marks the words that say what is asked (an intent's words).
	asking  []bool
	terms   []string // each alternative and its bigrams, once
	intents []intent
	// validity is set when the question asks about the policy's validity.
	validity bool
}

// filler are the words of a question that say how it is asked, not what
// about: they would match every clause or none.
var filler = set("请问", "问", "想", "想问", "一下", "我", "我们", "我司", "本公司", "公司", "咱们",
	"能", "能够", "可以", "可", "会", "吗", "呢", "么", "吧", "啊", "呀", "是", "的", "了", "有", "没有",
	"什么", "多少", "多少钱", "怎么", "怎样", "如何", "哪些", "哪个", "哪里", "哪", "谁", "是否", "有没有",
	"需要", "要", "拿", "领", "获得", "得到", "给", "该", "这个", "这", "那", "那么", "还", "都", "就", "如果",
	"办", "去", "到", "找", "在", "和", "与", "及", "或", "对", "为", "被", "把", "时候", "几", "钱", "一个", "个",
	"部门", "哪个部门", "界定", "定义", "含义", "指", "单位", "找谁", "联系", "电话", "多", "大", "多大", "多长", "多久", "多高", "几年", "几次", "几个", "怎么样", "用来", "还", "再", "已经", "这样")

// synonyms are the words a policy writes for a question's word.
var synonyms = map[string][]string{
	"最多": {"最高", "不超过", "上限"}, "最": {"最高", "不超过"}, "上限": {"最高", "不超过"}, "场地": {"场所", "用房"}, "买": {"购买"},
	"资料": {"材料"}, "材料": {"资料"}, "奖金": {"奖励"}, "补助": {"补贴", "资助"}, "补贴": {"补助", "资助"},
	"贷": {"贷款"}, "有效期": {"有效", "施行"}, "开始": {"施行", "实施"}, "交": {"提交", "提供"},
	"哪里": {"向"}, "重复": {"兼得", "重复享受"},
}

// parseQuery cuts a question into its content words and terms.
func parseQuery(question string) query {
	q := query{intents: intentsOf(question), validity: asksValidity(question)}
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			q.terms = append(q.terms, t)
		}
	}
	for _, w := range contentWords(question) {
		if seen[w.Text] {
			continue
		}
		alts := append([]string{w.Text}, synonyms[w.Text]...)
		q.words = append(q.words, w.Text)
		q.alts = append(q.alts, alts)
		q.asking = append(q.asking, asksIntent(w.Text))
		for _, a := range alts {
			add(a)
			for _, b := range zhtext.Bigrams(a) {
				add(b)
			}
		}
	}
	return q
}

// contentWords are the question's words without filler, adjacent single
// characters joined: the segmenter leaves a word it does not know (冷链)
// in single characters, which alone would match anywhere.
func contentWords(question string) []zhtext.Term {
	var out []zhtext.Term
	for _, w := range zhtext.Words(question) {
		if filler[w.Text] {
			continue
		}
		if n := len(out); n > 0 && out[n-1].End == w.Start && single(w.Text) && single(out[n-1].Text) {
			out[n-1].Text += w.Text
			out[n-1].End = w.End
			continue
		}
		out = append(out, w)
	}
	return out
}

func single(s string) bool { return utf8.RuneCountInString(s) == 1 }

// onlyAsks reports whether every word of the question says what it asks
// (补助, 条件, 申报), none what about.
func (q query) onlyAsks() bool {
	for _, a := range q.asking {
		if !a {
			return false
		}
	}
	return len(q.intents) > 0
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// containsAny reports whether s holds one of the words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
