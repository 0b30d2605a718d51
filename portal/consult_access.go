package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// notifyOfficers is a notification for every officer and administrator
// acting within the region: those whose regions contain it.
func (h *handler) notifyOfficers(r *http.Request, region, text, link string) ([]huiqi.Notification, error) {
	var out []huiqi.Notification
	for _, role := range []huiqi.Role{huiqi.RoleOfficer, huiqi.RoleAdmin} {
		us, err := h.plat.Users.ListUsers(r.Context(), role)
		if err != nil {
			return nil, err
		}
		for i := range us {
			if account.Within(&us[i], region) {
				out = append(out, huiqi.Notification{UserID: us[i].ID, Text: text, Link: link})
			}
		}
	}
	return out, nil
}

// answersConsultations reports whether u answers consultations: officers
// and administrators.
func answersConsultations(u *huiqi.User) bool {
	return u != nil && (u.Role == huiqi.RoleOfficer || u.Role == huiqi.RoleAdmin)
}

// staffSees reports whether a staff member answers the thread: an officer
// or administrator acting within its region.
func staffSees(u *huiqi.User, t *huiqi.Thread) bool {
	return answersConsultations(u) && account.Within(u, t.RegionCode)
}

// findThread returns the thread with the ID of the path when u may see it:
// its owner, or staff who answer it. Anyone else is told it does not
// exist, as for an unknown ID.
func (h *handler) findThread(r *http.Request, u *huiqi.User, staff bool) (*huiqi.Thread, error) {
	t, err := h.plat.Threads.FindThread(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if staff && staffSees(u, t) || !staff && (t.UserID == u.ID || staffSees(u, t)) {
		return t, nil
	}
	return nil, huiqi.Errorf(huiqi.ENOTFOUND, "咨询 %s 不存在", t.ID)
}

// markThreadRead marks read u's unread notifications that link to path.
func (h *handler) markThreadRead(r *http.Request, u *huiqi.User, path string) {
	ns, err := h.plat.Threads.Notifications(r.Context(), u.ID, true, 200)
	if err != nil {
		return // the page is still worth showing
	}
	var ids []int64
	for _, n := range ns {
		if n.Link == path {
			ids = append(ids, n.ID)
		}
	}
	if len(ids) > 0 {
		_ = h.plat.Threads.MarkRead(r.Context(), u.ID, ids, h.now())
	}
}
