package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// queuePage is the data of the staff's consultation queue.
type queuePage struct {
	Threads []huiqi.Thread
	Total   int
	// Status and PolicyID are the filters ("" for all); Offset and Next
	// page through.
	Status, PolicyID string
	Offset, Next     int
}

// queueLimit is how many threads a page of the queue lists.
const queueLimit = 50

// staffConsultations answers GET /staff/consultations?status=&policy=&offset=:
// the threads within the officer's regions, open ones by default.
func (h *handler) staffConsultations(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	q := r.URL.Query()
	qp := queuePage{Status: q.Get("status"), PolicyID: q.Get("policy")}
	if _, set := q["status"]; !set {
		qp.Status = string(huiqi.ThreadOpen)
	}
	if qp.Status != "" && qp.Status != string(huiqi.ThreadOpen) && qp.Status != string(huiqi.ThreadAnswered) {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "状态 %q 无效：应为 open 或 answered", qp.Status))
		return
	}
	if s := q.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 1<<20 {
			h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "offset %q 无效", s))
			return
		}
		qp.Offset = n
	}
	prefixes, everywhere := account.RegionPrefixes(u)
	if everywhere || len(prefixes) > 0 {
		var err error
		qp.Threads, qp.Total, err = h.plat.Threads.ListThreads(r.Context(), huiqi.ThreadFilter{RegionPrefixes: prefixes,
			PolicyID: qp.PolicyID, Status: huiqi.ThreadStatus(qp.Status), Limit: queueLimit, Offset: qp.Offset})
		if err != nil {
			h.fail(w, r, err)
			return
		}
	}
	qp.Threads = threadsInChina(qp.Threads)
	if qp.Offset+len(qp.Threads) < qp.Total {
		qp.Next = qp.Offset + queueLimit
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "staff_consultations", page{Title: "在线咨询 · 工作台", Data: qp})
}

// staffConsultation answers GET /staff/consultations/{id}: the thread with
// the answer form, for the officers within its region.
func (h *handler) staffConsultation(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	t, err := h.findThread(r, u, true)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.markThreadRead(r, u, "/staff/consultations/"+t.ID)
	noStore(w)
	h.render(w, r, http.StatusOK, "consultation", page{Title: "答复咨询 · " + t.PolicyTitle,
		Data: h.threadView(r.Context(), t, "/staff/consultations/"+t.ID, true)})
}

// staffAnswer answers POST /staff/consultations/{id}: the officer's answer;
// the thread is answered and the asker notified.
func (h *handler) staffAnswer(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok || !h.postedForm(w, r) {
		return
	}
	t, err := h.findThread(r, u, true)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	text, err := replyText(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	notify := []huiqi.Notification{{UserID: t.UserID, Text: "您的咨询已答复：《" + excerpt(40, t.PolicyTitle) + "》", Link: "/consultations/" + t.ID}}
	m := &huiqi.ThreadMessage{By: u.ID, ByName: displayName(u), Role: u.Role, Text: text}
	ev := h.consultAudit(u, actionConsultAnswer, map[string]any{"policy_id": t.PolicyID})
	if err := h.plat.Threads.AddMessage(r.Context(), t.ID, m, huiqi.ThreadAnswered, notify, ev); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/staff/consultations/"+t.ID, http.StatusSeeOther)
}
