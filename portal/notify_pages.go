package portal

import (
	"context"
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// notificationsPage is the data of 通知.
type notificationsPage struct {
	Notes  []huiqi.Notification
	Unread int
}

// notificationLimit is how many notifications the page lists.
const notificationLimit = 100

// notifications answers GET /notifications: the user's notifications,
// newest first, unread ones marked.
func (h *handler) notifications(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	ns, err := h.plat.Threads.Notifications(r.Context(), u.ID, false, notificationLimit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	np := notificationsPage{Notes: ns}
	for i, n := range ns {
		ns[i].CreatedAt = n.CreatedAt.In(chinaTime)
		if n.ReadAt == nil {
			np.Unread++
		}
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "notifications", page{Title: "通知", Data: np})
}

// notificationsRead answers POST /notifications: marks read the
// notifications named by id fields, or all unread ones with all=1.
func (h *handler) notificationsRead(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok || !h.postedForm(w, r) {
		return
	}
	var ids []int64
	for _, s := range r.PostForm["id"] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 {
			h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "通知编号 %q 无效", s))
			return
		}
		ids = append(ids, n)
	}
	if r.PostFormValue("all") == "1" {
		ns, err := h.plat.Threads.Notifications(r.Context(), u.ID, true, notificationLimit)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, n := range ns {
			ids = append(ids, n.ID)
		}
	}
	if err := h.plat.Threads.MarkRead(r.Context(), u.ID, ids, h.now()); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
}

// unreadCount is how many notifications u has not read (up to
// notificationLimit), 0 when they cannot be read.
func (h *handler) unreadCount(ctx context.Context, u *huiqi.User) int {
	if h.plat == nil || h.plat.Threads == nil || u == nil {
		return 0
	}
	ns, err := h.plat.Threads.Notifications(ctx, u.ID, true, notificationLimit)
	if err != nil {
		return 0
	}
	return len(ns)
}
