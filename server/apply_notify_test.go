package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// TestApplyNotifications: a submission shows on 通知 of the reviewer of the
// application's region, with the unread count in the header, and not on
// that of a reviewer of another region; the approval shows on the
// applicant's with the amount granted.
func TestApplyNotifications(t *testing.T) {
	ps := servePlatform(t)
	v, owner := applicant(t, ps, "13800138030")
	path := startApplication(t, v)
	id := strings.TrimPrefix(path, "/applications/")
	a, err := ps.Store.FindApplication(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	r, far := newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	ps.staff("rev", huiqi.RoleReviewer, a.RegionCode)
	ps.staff("farrev", huiqi.RoleReviewer, "650000")
	ps.signInStaff(r, "rev")
	ps.signInStaff(far, "farrev")
	_, page := v.get(path)
	v.postForm(path, url.Values{"csrf": {pageCSRF(t, page)}, "revision": {revisionOf(page)}, "f.contact_name": {"李四"}})
	ps.advance(time.Minute)
	submit(t, ps, v, path, owner.Phone)

	_, notes := r.get("/notifications")
	want := "新的申报待审核：" + a.MeasureName
	if !strings.Contains(notes, want) || !strings.Contains(notes, `href="/staff/applications/`+id+`"`) || !strings.Contains(notes, "（1<span") {
		t.Errorf("the reviewer's 通知 lacks %q, its link or the unread count: %s", want, notes)
	}
	if _, notes := far.get("/notifications"); strings.Contains(notes, "新的申报待审核") {
		t.Error("a reviewer of another region was notified")
	}
	move(t, r, id, url.Values{"action": {"take"}}, 303)
	amount := int64(20000)
	if m := a.ExpectedMaxYuan; m > 0 && m < amount {
		amount = m
	}
	move(t, r, id, url.Values{"action": {"approve"}, "amount": {fmt.Sprint(amount)}}, 303)
	words := fmt.Sprintf("%d 元", amount)
	if amount%10000 == 0 {
		words = fmt.Sprintf("%d 万元", amount/10000)
	}
	_, notes = v.get("/notifications")
	for _, want := range []string{"您的申报「" + a.MeasureName + "」：审核通过（核定金额 " + words + "）",
		"您的申报「" + a.MeasureName + "」：审核中", `href="/applications/` + id + `"`} {
		if !strings.Contains(notes, want) {
			t.Errorf("the applicant's 通知 lacks %s", want)
		}
	}
}
