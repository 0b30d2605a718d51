package portal

import (
	"context"
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// deskPage is the data of 工作台: what waits for the staff member within
// their regions.
type deskPage struct {
	OpenThreads, WaitingApps int
	// Consults says the member answers consultations (officers and
	// administrators); Apps that the application count was read.
	Consults, Apps bool
	// Admin links the administrator's pages.
	Admin bool
}

// staffDesk answers GET /staff: the open consultations and the
// applications waiting for review within the member's regions.
func (h *handler) staffDesk(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleReviewer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	ctx := r.Context()
	dp := deskPage{Consults: answersConsultations(u), Apps: h.plat.Apps != nil, Admin: u.Role == huiqi.RoleAdmin}
	var err error
	if dp.OpenThreads, err = h.countThreads(ctx, u, huiqi.ThreadFilter{Status: huiqi.ThreadOpen}); err != nil {
		h.fail(w, r, err)
		return
	}
	if dp.Apps {
		if dp.WaitingApps, err = h.countWaitingApps(ctx, u); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "staff", page{Title: "工作台", Data: dp})
}

// countThreads counts the threads of f within u's regions.
func (h *handler) countThreads(ctx context.Context, u *huiqi.User, f huiqi.ThreadFilter) (int, error) {
	prefixes, everywhere := account.RegionPrefixes(u)
	if !everywhere && len(prefixes) == 0 {
		return 0, nil // no filter would list everything
	}
	f.RegionPrefixes, f.Limit = prefixes, 1
	_, n, err := h.plat.Threads.ListThreads(ctx, f)
	return n, err
}

// countWaitingApps counts the applications submitted or resubmitted within
// u's regions: those waiting for review.
func (h *handler) countWaitingApps(ctx context.Context, u *huiqi.User) (int, error) {
	prefixes, everywhere := account.RegionPrefixes(u)
	if !everywhere && len(prefixes) == 0 {
		return 0, nil
	}
	_, n, err := h.plat.Apps.ListApplications(ctx, huiqi.ApplicationFilter{RegionPrefixes: prefixes,
		Statuses: []huiqi.ApplicationStatus{huiqi.AppSubmitted, huiqi.AppResubmitted}, Limit: 1})
	return n, err
}
