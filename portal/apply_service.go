package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/apply"
	"github.com/huiqi-dev/huiqi/upload"
)

// applyLimits bound attached files: upload's defaults (20 MB a file).
var applyLimits = upload.Limits{}

// applications returns the service of 我要申报 over the platform's stores
// and the portal's policy store, profiles and matcher. It holds no state,
// so each request may make its own.
func (h *handler) applications() *apply.Service {
	s := &apply.Service{Apps: h.plat.Apps, Accounts: h.plat.Accounts, Users: h.plat.Users,
		Policies: h.store, Now: h.now, Limits: applyLimits, Threads: h.plat.Threads, Log: h.log}
	if h.ent != nil {
		s.Profiles, s.Matcher = h.ent.profiles, h.ent.matcher
	}
	return s
}

// applyPath is the page of an application for u: the reviewer's page for
// staff, the applicant's for the enterprise.
func applyPath(u *huiqi.User, id string) string {
	if u != nil && u.Role.Staff() {
		return "/staff/applications/" + id
	}
	return "/applications/" + id
}

// stepView is one step of the timeline.
type stepView struct {
	huiqi.ApplicationStep
	Label, RoleLabel, Amount string
}

// timeline is the steps of a, oldest first, in words.
func timeline(a *huiqi.Application) []stepView {
	out := make([]stepView, 0, len(a.Steps))
	for _, st := range a.Steps {
		st.At = st.At.In(chinaTime)
		v := stepView{ApplicationStep: st, Label: st.Status.Label(), RoleLabel: st.Role.Label()}
		if st.AmountYuan != nil {
			v.Amount = wan(*st.AmountYuan)
		}
		out = append(out, v)
	}
	return out
}

// condRow is one matched condition as the form prefilled it.
type condRow struct {
	Key, Label, Status, StatusLabel, Value, Threshold string
}

// condRows reads the prefilled conditions of a's form, in order.
func condRows(a *huiqi.Application) []condRow {
	var out []condRow
	for i := 1; ; i++ {
		k := "cond." + strconv.Itoa(i) + "."
		label, ok := a.Form[k+"label"]
		if !ok {
			return out
		}
		st := a.Form[k+"status"]
		out = append(out, condRow{Key: k + "value", Label: label, Status: st,
			StatusLabel: condLabels[huiqi.Status(st)], Value: a.Form[k+"value"], Threshold: a.Form[k+"threshold"]})
	}
}

// pageNumber reads the page parameter (1 when absent or bad).
func pageNumber(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 || n > 10000 {
		return 1
	}
	return n
}
