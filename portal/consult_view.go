package portal

import (
	"context"
	"html/template"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/consult"
)

// threadView is a consultation as its pages show it.
type threadView struct {
	T        *huiqi.Thread
	Messages []messageView
	// Enterprise is the name of the bound enterprise the thread is asked
	// for ("" when the asker has no binding for its credit code); Region
	// is the policy's region in words.
	Enterprise, Region string
	// Action is where the reply form posts; "" shows no form.
	Action string
	// Staff says the page is the staff desk's.
	Staff bool
}

// messageView is one message: a person's text as written, or the instant
// answer's text with the clauses it cites named and linked.
type messageView struct {
	M       huiqi.ThreadMessage
	Text    template.HTML
	Cites   []citeView
	Staff   bool
	Instant bool
}

// citeView is one citation of an instant answer: [n] and the clause it
// names (第三条（二）), linked to the clause on the policy page.
type citeView struct {
	ID, Label, Clause, URL string
}

// threadView loads what a thread's page names besides the thread: the
// policy versions the instant answer quotes and the enterprise's name.
func (h *handler) threadView(ctx context.Context, t *huiqi.Thread, action string, staff bool) threadView {
	quoted := map[int]*quotedVersion{}
	for _, m := range t.Messages {
		for _, c := range m.Citations {
			if _, ok := quoted[c.Version]; ok {
				continue
			}
			quoted[c.Version] = nil
			if p, err := h.store.FindPolicyVersion(ctx, t.PolicyID, c.Version); err == nil {
				_, anchors := documentBlocks(p)
				quoted[c.Version] = &quotedVersion{p, anchors}
			}
		}
	}
	tv := newThreadView(t, quoted, action, staff)
	if t.CreditCode != "" && h.plat != nil {
		if bs, err := h.plat.Users.Enterprises(ctx, t.UserID); err == nil {
			for _, b := range bs {
				if b.CreditCode == t.CreditCode {
					tv.Enterprise = b.Name
				}
			}
		}
	}
	return tv
}

// quotedVersion is a policy version an instant answer quotes, with the
// anchors of its page.
type quotedVersion struct {
	p       *huiqi.Policy
	anchors map[string]bool
}

// newThreadView shows t; quoted, by version, names and links the cited
// clauses (a version missing from it links its page alone).
func newThreadView(t *huiqi.Thread, quoted map[int]*quotedVersion, action string, staff bool) threadView {
	tv := threadView{T: t, Action: action, Staff: staff, Region: regionLabel(t.RegionCode)}
	t.CreatedAt = t.CreatedAt.In(chinaTime)
	for _, m := range t.Messages {
		m.At = m.At.In(chinaTime)
		mv := messageView{M: m, Staff: m.Role.Staff(), Instant: m.By == "huiqi"}
		if !mv.Instant {
			mv.Text = template.HTML(template.HTMLEscapeString(m.Text))
			tv.Messages = append(tv.Messages, mv)
			continue
		}
		prefix := "m" + strconv.FormatInt(m.ID, 10) + "-c"
		mv.Text = answerHTML(m.Text, m.Citations, prefix)
		for i, c := range m.Citations {
			n := strconv.Itoa(i + 1)
			mv.Cites = append(mv.Cites, citeOf(t.PolicyID, c, quoted[c.Version], prefix+n, "["+n+"]"))
		}
		tv.Messages = append(tv.Messages, mv)
	}
	return tv
}

// citeOf names the cited clause as a reader cites it and links it on the
// page of the version it was quoted from.
func citeOf(policyID string, c huiqi.Provenance, q *quotedVersion, id, label string) citeView {
	cv := citeView{ID: id, Label: label, Clause: "政策开头部分", URL: "/policies/" + policyID + "?version=" + strconv.Itoa(c.Version)}
	if c.ClausePath == "" {
		return cv
	}
	cv.Clause = "条款 " + c.ClausePath
	if q == nil {
		return cv
	}
	if l := consult.ClauseLabel(q.p, c.ClausePath); l != "" {
		cv.Clause = l
	}
	if a := anchorIf(c.ClausePath, q.anchors); a != "" {
		cv.URL += "#" + a
	}
	return cv
}

// answerHTML shows an instant answer's text: each quote of a cited clause
// set apart, the other lines paragraphs, the "· " lines (the money items)
// a list, citations [n] linked.
func answerHTML(text string, cites []huiqi.Provenance, prefix string) template.HTML {
	var b strings.Builder
	for _, c := range cites {
		quote := "“" + c.Text + "”"
		i := strings.Index(text, quote)
		if c.Text == "" || i < 0 {
			continue
		}
		b.WriteString(linesHTML(text[:i], prefix, len(cites)))
		b.WriteString("<blockquote>" + template.HTMLEscapeString(c.Text) + "</blockquote>")
		text = text[i+len(quote):]
	}
	b.WriteString(linesHTML(text, prefix, len(cites)))
	return template.HTML(b.String())
}

// linesHTML shows lines of an answer: paragraphs, and "· " lines a list.
func linesHTML(text, prefix string, count int) string {
	var b strings.Builder
	inList := false
	for _, line := range strings.Split(text, "\n") {
		item, isItem := strings.CutPrefix(line, "· ")
		switch {
		case isItem && !inList:
			b.WriteString(`<ul class="items">`)
		case !isItem && inList:
			b.WriteString("</ul>")
		}
		inList = isItem
		if isItem {
			b.WriteString("<li>" + string(citeLinks(item, prefix, count)) + "</li>")
		} else if strings.TrimSpace(line) != "" {
			b.WriteString("<p>" + string(citeLinks(line, prefix, count)) + "</p>")
		}
	}
	if inList {
		b.WriteString("</ul>")
	}
	return b.String()
}

// threadsInChina shows the times of a listing in China's time.
func threadsInChina(ts []huiqi.Thread) []huiqi.Thread {
	for i := range ts {
		ts[i].CreatedAt, ts[i].UpdatedAt = ts[i].CreatedAt.In(chinaTime), ts[i].UpdatedAt.In(chinaTime)
	}
	return ts
}

// clauseName names the clause at path of a policy version as a reader
// cites it (二（十）), the path itself when the version is not found.
func (h *handler) clauseName(ctx context.Context, policyID string, version int, path string) string {
	if p, err := h.store.FindPolicyVersion(ctx, policyID, version); err == nil {
		if l := consult.ClauseLabel(p, path); l != "" {
			return l
		}
	}
	return path
}
