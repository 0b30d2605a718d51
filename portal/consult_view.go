package portal

import (
	"html/template"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// threadView is a consultation as its pages show it.
type threadView struct {
	T        *huiqi.Thread
	Messages []messageView
	// Action is where the reply form posts; "" shows no form.
	Action string
	// Staff says the page is the staff desk's.
	Staff bool
}

// messageView is one message: its text, the citations of an instant
// answer linked to their clauses, and whether staff wrote it.
type messageView struct {
	M       huiqi.ThreadMessage
	Text    template.HTML
	Cites   []citeView
	Staff   bool
	Instant bool
}

// citeView is one citation of a message.
type citeView struct {
	ID, Label, Text, URL string
}

func newThreadView(t *huiqi.Thread, action string, staff bool) threadView {
	tv := threadView{T: t, Action: action, Staff: staff}
	t.CreatedAt = t.CreatedAt.In(chinaTime)
	for _, m := range t.Messages {
		m.At = m.At.In(chinaTime)
		prefix := "m" + strconv.FormatInt(m.ID, 10) + "-c"
		mv := messageView{M: m, Text: citeLinks(m.Text, prefix, len(m.Citations)), Staff: m.Role.Staff(), Instant: m.By == "huiqi"}
		for i, c := range m.Citations {
			n := strconv.Itoa(i + 1)
			url := "/policies/" + c.PolicyID + "?version=" + strconv.Itoa(c.Version)
			if c.ClausePath != "" {
				url += "#" + anchor(c.ClausePath)
			}
			mv.Cites = append(mv.Cites, citeView{ID: prefix + n, Label: "[" + n + "]", Text: excerpt(120, c.Text), URL: url})
		}
		tv.Messages = append(tv.Messages, mv)
	}
	return tv
}

// threadsInChina shows the times of a listing in China's time.
func threadsInChina(ts []huiqi.Thread) []huiqi.Thread {
	for i := range ts {
		ts[i].CreatedAt, ts[i].UpdatedAt = ts[i].CreatedAt.In(chinaTime), ts[i].UpdatedAt.In(chinaTime)
	}
	return ts
}
