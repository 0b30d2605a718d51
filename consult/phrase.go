package consult

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// systemPrompt is the fixed instruction: answer from the quotes only.
const systemPrompt = "你是政策咨询助手。下面是从一份政策文件中摘录的条款，编号为[1]到[%d]。" +
	"请只根据这些条款，用简体中文写一段简明的解答，每句话后用[编号]注明所依据的条款。" +
	"不得使用条款以外的任何信息，不得推测或编造金额、条件、日期和部门；条款没有写明的，直接说明“条款未写明”。"

// prompt is the whole of what an LLM is sent: the fixed instruction, the
// hints of the question's intents (fixed strings) and the quotes.
func prompt(quotes []Quote, hints []string) []chatMessage {
	sys := fmt.Sprintf(systemPrompt, len(quotes))
	if len(hints) > 0 {
		sys += "解答时请" + strings.Join(hints, "")
	}
	var b strings.Builder
	for i, q := range quotes {
		fmt.Fprintf(&b, "[%d] %s：%s\n", i+1, orOpening(q.Label), q.Text)
	}
	return []chatMessage{{Role: "system", Content: sys}, {Role: "user", Content: b.String()}}
}

// citation matches [n] with ASCII or full-width brackets and digits.
var citation = regexp.MustCompile(`[\[［【]\s*([0-9０-９]+)\s*[\]］】]`)

// checkCitations accepts a text that cites at least one of n quotes and
// none outside 1..n.
func checkCitations(text string, n int) error {
	ms := citation.FindAllStringSubmatch(text, -1)
	if len(ms) == 0 {
		return errors.New("no citation")
	}
	for _, m := range ms {
		k, err := strconv.Atoi(halfWidthDigits(m[1]))
		if err != nil || k < 1 || k > n {
			return fmt.Errorf("cites [%s], not one of the %d quotes", m[1], n)
		}
	}
	return nil
}

func halfWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// phrase replaces r.Text with the LLM's phrasing when it cites the quotes
// properly; else r keeps the extractive text and Note says why.
func phrase(ctx context.Context, l Phraser, r *Reply, q query) {
	var hints []string
	for _, in := range q.intents {
		hints = append(hints, in.hint)
	}
	text, err := l.Phrase(ctx, r.Quotes, hints)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		r.Note = "智能组织语言超时，以下为政策原文摘录。"
	case err != nil:
		r.Note = "智能组织语言暂不可用，以下为政策原文摘录。"
	case checkCitations(text, len(r.Quotes)) != nil:
		r.Note = "智能组织的回答未正确引用所给条款（" + checkCitations(text, len(r.Quotes)).Error() + "），已改用政策原文摘录。"
	default:
		r.Text, r.Model = text, l.Model()
	}
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
