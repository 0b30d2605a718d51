package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// outboxLimit is how many messages the outbox page shows.
const outboxLimit = 100

// outboxPage is the data of the outbox page.
type outboxPage struct {
	Messages []outboxView
}

type outboxView struct {
	Phone, Text, SentAt string
}

// adminOutbox answers GET /admin/outbox: the latest messages the
// development SMS sender kept, newest first, codes included, for the
// administrator of a site without an SMS gateway.
func (h *handler) adminOutbox(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.requireUser(w, r, huiqi.RoleAdmin); !ok {
		return
	}
	msgs, err := h.plat.Users.Outbox(r.Context(), outboxLimit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var op outboxPage
	for _, m := range msgs {
		op.Messages = append(op.Messages, outboxView{m.Phone, m.Text, clock(m.SentAt)})
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "admin_outbox", page{Title: "短信发件箱", Data: op})
}
