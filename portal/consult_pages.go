package portal

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// maxReplyRunes bounds a follow-up or an answer.
const maxReplyRunes = 2000

// consultationsPage is the data of 我的咨询.
type consultationsPage struct {
	Threads []huiqi.Thread
	Total   int
}

// consultations answers GET /consultations: the user's threads, most
// recently updated first, each 待答复 or 已答复.
func (h *handler) consultations(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	ts, total, err := h.plat.Threads.ListThreads(r.Context(), huiqi.ThreadFilter{UserID: u.ID, Limit: 100})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "consultations", page{Title: "我的咨询", Data: consultationsPage{threadsInChina(ts), total}})
}

// consultation answers GET /consultations/{id}: the thread for its owner
// (with the follow-up form) and for the staff who answer it; anyone else
// gets a 404.
func (h *handler) consultation(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	t, err := h.findThread(r, u, false)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.markThreadRead(r, u, "/consultations/"+t.ID)
	action := ""
	if t.UserID == u.ID {
		action = "/consultations/" + t.ID
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "consultation", page{Title: "咨询 · " + t.PolicyTitle, Data: h.threadView(r.Context(), t, action, false)})
}

// consultationReply answers POST /consultations/{id}: the owner asks a
// follow-up; the thread waits for staff again and they are notified.
func (h *handler) consultationReply(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok || !h.postedForm(w, r) {
		return
	}
	t, err := h.findThread(r, u, false)
	if err == nil && t.UserID != u.ID {
		err = huiqi.Errorf(huiqi.ENOTFOUND, "咨询 %s 不存在", t.ID)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	text, err := replyText(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	notify, err := h.notifyOfficers(r, t.RegionCode, "在线咨询有追问：《"+excerpt(40, t.PolicyTitle)+"》", "/staff/consultations/"+t.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	m := &huiqi.ThreadMessage{By: u.ID, ByName: displayName(u), Role: u.Role, Text: text}
	ev := h.consultAudit(u, actionConsultReply, map[string]any{"policy_id": t.PolicyID, "notified": len(notify)})
	if err := h.plat.Threads.AddMessage(r.Context(), t.ID, m, huiqi.ThreadOpen, notify, ev); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/consultations/"+t.ID, http.StatusSeeOther)
}

// replyText is the posted text of a reply: not empty, not too long.
func replyText(r *http.Request) (string, error) {
	text := strings.TrimSpace(r.PostFormValue("text"))
	switch n := utf8.RuneCountInString(text); {
	case n == 0:
		return "", huiqi.Errorf(huiqi.EINVALID, "回复内容为空，请填写后再提交。")
	case n > maxReplyRunes:
		return "", huiqi.Errorf(huiqi.EINVALID, "回复有 %d 个字，超过 %d 个字，请精简后再提交。", n, maxReplyRunes)
	}
	return text, nil
}
