package portal

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// reviewPerPage is the length of a page of the reviewer's queue.
const reviewPerPage = 20

// reviewListPage is the data of the reviewer's queue.
type reviewListPage struct {
	Apps     []huiqi.Application
	Total    int
	Region   string
	Policy   string
	Status   string
	Statuses []huiqi.ApplicationStatus
	// Regions are the reviewer's own regions ("" for everywhere).
	Regions    []string
	Page       int
	Prev, Next string
}

var queueStatuses = []huiqi.ApplicationStatus{huiqi.AppSubmitted, huiqi.AppResubmitted, huiqi.AppUnderReview,
	huiqi.AppReturned, huiqi.AppApproved, huiqi.AppRejected, huiqi.AppDisbursed}

// reviewList answers GET /staff/applications: the applications within
// the reviewer's regions, filtered by region (within theirs), policy and
// status, 20 a page.
func (h *handler) reviewList(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleReviewer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	q := r.URL.Query()
	d := reviewListPage{Region: strings.TrimSpace(q.Get("region")), Policy: strings.TrimSpace(q.Get("policy")),
		Status: q.Get("status"), Statuses: queueStatuses, Page: pageNumber(r)}
	f := huiqi.ApplicationFilter{PolicyID: d.Policy, Limit: reviewPerPage, Offset: (d.Page - 1) * reviewPerPage}
	if d.Status != "" {
		f.Statuses = []huiqi.ApplicationStatus{huiqi.ApplicationStatus(d.Status)}
	}
	apps, total, err := h.applications().Queue(r.Context(), u, f, d.Region)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	inChinaTime(apps)
	d.Apps, d.Total = apps, total
	if _, everywhere := account.RegionPrefixes(u); !everywhere {
		d.Regions = u.Regions // as assigned (330400), shown by name
	}
	d.Prev, d.Next = pageLinks(q, d.Page, total)
	noStore(w)
	h.render(w, r, http.StatusOK, "review_list", page{Title: "申报审核", Data: d})
}

// pageLinks are the queue's previous and next pages, "" when there are none.
func pageLinks(q url.Values, n, total int) (prev, next string) {
	at := func(p int) string {
		c := url.Values{}
		for k, v := range q {
			c[k] = v
		}
		c.Set("page", strconv.Itoa(p))
		return "/staff/applications?" + c.Encode()
	}
	if n > 1 {
		prev = at(n - 1)
	}
	if n*reviewPerPage < total {
		next = at(n + 1)
	}
	return prev, next
}
