package portal

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

// Audit actions of 在线咨询. Their detail never holds what was asked or
// answered: personal data stays out of the log.
const (
	actionConsultAsk    = "consult.ask"
	actionConsultReply  = "consult.reply"
	actionConsultAnswer = "consult.answer"
)

// handoff answers POST /policies/{id}/ask (转人工): a thread with the
// question and the instant answer, its citations kept, routed to the
// officers of the policy's region, who are notified.
func (h *handler) handoff(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok || !h.postedForm(w, r) {
		return
	}
	ctx := r.Context()
	p, err := api.FindPolicy(ctx, h.store, r.PathValue("id"), 0)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.PostFormValue("q"))
	rep, err := h.instantAnswer(ctx, p, q)
	if err != nil {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "问题为空或超过 500 个字，未能转人工。"))
		return
	}
	t := &huiqi.Thread{PolicyID: p.ID, PolicyTitle: p.Title, RegionCode: regionOf(p), UserID: u.ID,
		CreditCode: h.soleEnterprise(r, u), Question: q, Status: huiqi.ThreadOpen}
	t.Messages = []huiqi.ThreadMessage{{By: u.ID, ByName: displayName(u), Role: u.Role, Text: q}, rep.Message()}
	notify, err := h.notifyOfficers(r, t.RegionCode, "新的在线咨询：《"+excerpt(40, p.Title)+"》", "/staff/consultations/{id}")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ev := h.consultAudit(u, actionConsultAsk, map[string]any{"policy_id": p.ID, "found": rep.Found,
		"quotes": len(rep.Quotes), "notified": len(notify)})
	if err := h.plat.Threads.CreateThread(ctx, t, notify, ev); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/consultations/"+t.ID, http.StatusSeeOther)
}

// consultAudit is the audit entry of a consultation write by u; the store
// names the thread and its region.
func (h *handler) consultAudit(u *huiqi.User, action string, detail map[string]any) *huiqi.AuditEntry {
	b, _ := json.Marshal(detail)
	return &huiqi.AuditEntry{At: h.now(), Actor: u.ID, Action: action, Detail: string(b)}
}

// regionOf is the policy's region code, "" for none.
func regionOf(p *huiqi.Policy) string {
	if p.Region == nil {
		return ""
	}
	return p.Region.Code
}

// soleEnterprise is the credit code of the one enterprise u acts for, ""
// when it acts for none or several.
func (h *handler) soleEnterprise(r *http.Request, u *huiqi.User) string {
	bs, err := h.plat.Users.Enterprises(r.Context(), u.ID)
	if bs = verifiedOnly(bs); err != nil || len(bs) != 1 {
		return ""
	}
	return bs[0].CreditCode
}

// displayName is how a message names its author: the name, else the
// masked number or the username.
func displayName(u *huiqi.User) string {
	switch {
	case u.Name != "":
		return u.Name
	case len(u.Phone) == 11:
		return u.Phone[:3] + "****" + u.Phone[7:]
	}
	return u.Username
}
