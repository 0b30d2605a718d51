package consult

import (
	"strings"

	"github.com/huiqi-dev/huiqi/zhtext"
)

// query is a question cut into the words that carry its content, the
// terms BM25 looks for, and what it asks about.
type query struct {
	words   []string
	terms   []string // each word and its bigrams, once
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
	"办", "去", "到", "找", "在", "和", "与", "及", "或", "对", "为", "被", "把", "时候", "几", "钱", "一个", "个")

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
	for _, w := range zhtext.Words(question) {
		if filler[w.Text] || seen[w.Text] {
			continue
		}
		q.words = append(q.words, w.Text)
		add(w.Text)
		for _, b := range zhtext.Bigrams(w.Text) {
			add(b)
		}
	}
	return q
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
