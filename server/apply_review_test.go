package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// TestReviewQueue: the reviewer's queue pages by 20, filters by status and
// refuses a region outside the reviewer's; the review page approves with
// an amount and disburses, and the applicant sees the amount.
func TestReviewQueue(t *testing.T) {
	ps := servePlatform(t)
	v, owner := applicant(t, ps, "13800138020")
	path := startApplication(t, v)
	id := strings.TrimPrefix(path, "/applications/")
	ctx := context.Background()
	a, err := ps.Store.FindApplication(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 24 { // other submitted applications of the region
		b := &huiqi.Application{UserID: owner.ID, CreditCode: applyCredit, PolicyID: a.PolicyID, PolicyVersion: a.PolicyVersion,
			MeasureID: fmt.Sprintf("%s_x%d", a.MeasureID, i), MeasureName: fmt.Sprintf("措施%d", i), RegionCode: a.RegionCode, Status: huiqi.AppSubmitted}
		if err := ps.Store.CreateApplication(ctx, b, &huiqi.AuditEntry{Actor: "test", Action: "application.create"}); err != nil {
			t.Fatal(err)
		}
	}
	_, page := v.get(path)
	v.postForm(path, url.Values{"csrf": {pageCSRF(t, page)}, "revision": {revisionOf(page)}, "f.contact_name": {"李四"}})
	ps.advance(time.Minute) // submitted after the others: first in the queue
	submit(t, ps, v, path, owner.Phone)

	r := newVisitor(t, ps.URL)
	ps.staff("rev", huiqi.RoleReviewer, a.RegionCode)
	ps.signInStaff(r, "rev")
	_, first := r.get("/staff/applications")
	if n := strings.Count(first, `href="/staff/applications/ap_`); n != 20 || !strings.Contains(first, "共 25 份申报") || !strings.Contains(first, `rel="next"`) {
		t.Fatalf("first page: %d rows, next %v", n, strings.Contains(first, `rel="next"`))
	}
	_, second := r.get("/staff/applications?page=2")
	if n := strings.Count(second, `href="/staff/applications/ap_`); n != 5 || strings.Contains(second, `rel="next"`) {
		t.Errorf("second page: %d rows", n)
	}
	_, mine := r.get("/staff/applications?status=submitted&policy=" + a.PolicyID + "&region=" + a.RegionCode)
	if !strings.Contains(mine, "/staff/applications/"+id) {
		t.Error("the filtered queue lacks the application")
	}
	if res, _ := r.get("/staff/applications?region=650000"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a region outside the reviewer's: %d", res.StatusCode)
	}
	move(t, r, id, url.Values{"action": {"take"}}, http.StatusSeeOther)
	_, review := r.get("/staff/applications/" + id)
	for _, want := range []string{"核定金额", `value="approve"`, `value="return"`, `value="reject"`, "李四"} {
		if !strings.Contains(review, want) {
			t.Errorf("the review page lacks %s", want)
		}
	}
	move(t, r, id, url.Values{"action": {"approve"}, "amount": {"一万"}}, http.StatusBadRequest)
	amount, words := int64(10000), "核定 1万元"
	if m := a.ExpectedMaxYuan; m > 0 && m < amount { // within the measure's maximum
		amount, words = m, fmt.Sprintf("核定 %d元", m)
	}
	move(t, r, id, url.Values{"action": {"approve"}, "amount": {fmt.Sprint(amount)}, "comment": {"同意"}}, http.StatusSeeOther)
	move(t, r, id, url.Values{"action": {"disburse"}}, http.StatusSeeOther)
	_, page = v.get(path)
	for _, want := range []string{words, "资金已拨付", "审核中 → 审核通过 → 资金已拨付"} {
		if !strings.Contains(page, want) {
			t.Errorf("the applicant's page lacks %s", want)
		}
	}
	if got, _ := ps.Store.FindApplication(ctx, id); got.GrantedYuan == nil || *got.GrantedYuan != amount {
		t.Errorf("granted %v", got.GrantedYuan)
	}
}
