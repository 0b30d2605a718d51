package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func testAppCreateFind(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	sameApp(t, "found after create", findApp(t, s, a.ID), a)
	b := NewApplication("u_ent1", "510105")
	createApp(t, s, w, b)
	if b.ID == a.ID {
		t.Errorf("two applications share ID %s", a.ID)
	}
}

func testAppCreateInvalid(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	ctx := context.Background()
	for name, change := range map[string]func(a *huiqi.Application){
		"no user":        func(a *huiqi.Application) { a.UserID = "" },
		"no policy":      func(a *huiqi.Application) { a.PolicyID = "" },
		"no measure":     func(a *huiqi.Application) { a.MeasureID = "" },
		"unknown status": func(a *huiqi.Application) { a.Status = "pending" },
	} {
		a := NewApplication("u_ent1", "510105")
		change(a)
		wantCode(t, "CreateApplication("+name+")", s.CreateApplication(ctx, a, event("u_ent1", "application.create")), huiqi.EINVALID)
	}
	wantCode(t, "CreateApplication(no audit entry)", s.CreateApplication(ctx, NewApplication("u_ent1", "510105"), nil), huiqi.EINVALID)
	w.expectNone(t, "invalid creates")
	if list, total, err := s.ListApplications(ctx, huiqi.ApplicationFilter{}); err != nil || total != 0 || len(list) != 0 {
		t.Errorf("after invalid creates: %d applications (total %d), %v", len(list), total, err)
	}
}

func testAppNotFound(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	ctx := context.Background()
	_, err := s.FindApplication(ctx, "ap_none")
	wantCode(t, "FindApplication", err, huiqi.ENOTFOUND)
	a := NewApplication("u_ent1", "510105")
	a.ID, a.Revision, a.Status = "ap_none", 1, huiqi.AppDraft
	wantCode(t, "UpdateApplication", s.UpdateApplication(ctx, a, nil, event("u_ent1", "application.edit")), huiqi.ENOTFOUND)
	att := &huiqi.Attachment{Name: "营业执照.pdf", ContentType: "application/pdf"}
	wantCode(t, "AddAttachment", s.AddAttachment(ctx, "ap_none", att, []byte("%PDF"), 0, event("u_ent1", "application.attach")), huiqi.ENOTFOUND)
	w.expectNone(t, "writes to a missing application")
}

// testAppUpdateSteps walks an application through the workflow: each
// update stores the form and status, appends its step in order and counts
// a revision.
func testAppUpdateSteps(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	a.Form["contact"] = "李四"
	updateApp(t, s, w, a, nil, "application.edit")
	at := time.Date(2024, 3, 2, 9, 30, 0, 123456789, time.FixedZone("CST", 8*3600))
	moves := []struct {
		status huiqi.ApplicationStatus
		step   huiqi.ApplicationStep
		action string
	}{
		{huiqi.AppSubmitted, huiqi.ApplicationStep{By: "u_ent1", ByName: "张三", Role: huiqi.RoleEnterprise, At: at}, "application.submit"},
		{huiqi.AppUnderReview, huiqi.ApplicationStep{By: "u_rev1", ByName: "王审核", Role: huiqi.RoleReviewer}, "application.review"},
		{huiqi.AppReturned, huiqi.ApplicationStep{By: "u_rev1", Role: huiqi.RoleReviewer, Comment: "请补充研发费用专项审计报告"}, "application.return"},
		{huiqi.AppResubmitted, huiqi.ApplicationStep{By: "u_ent1", Role: huiqi.RoleEnterprise}, "application.submit"},
		{huiqi.AppUnderReview, huiqi.ApplicationStep{By: "u_rev1", Role: huiqi.RoleReviewer}, "application.review"},
		{huiqi.AppApproved, huiqi.ApplicationStep{By: "u_rev1", Role: huiqi.RoleReviewer, Comment: "同意", AmountYuan: i64(300_000)}, "application.approve"},
	}
	for _, m := range moves {
		a.Status = m.status
		step := m.step
		step.Status = m.status
		if m.status == huiqi.AppApproved {
			a.GrantedYuan = i64(300_000)
		}
		updateApp(t, s, w, a, &step, m.action)
	}
	got := findApp(t, s, a.ID)
	sameApp(t, "found after the workflow", got, a)
	if got.Revision != 2+len(moves) || len(got.Steps) != len(moves) {
		t.Fatalf("revision %d with %d steps, want %d with %d", got.Revision, len(got.Steps), 2+len(moves), len(moves))
	}
	for i, st := range got.Steps {
		if st.Status != moves[i].status || st.At.IsZero() || i > 0 && st.At.Before(got.Steps[i-1].At) {
			t.Errorf("step %d: %s at %v, want %s", i, st.Status, st.At, moves[i].status)
		}
	}
	if want := at.UTC().Truncate(time.Microsecond); !got.Steps[0].At.Equal(want) {
		t.Errorf("step time given %v kept as %v, want %v", at, got.Steps[0].At, want)
	}
	if got.Form["contact"] != "李四" || *got.GrantedYuan != 300_000 || *got.Steps[5].AmountYuan != 300_000 {
		t.Errorf("form %v, granted %v", got.Form, got.GrantedYuan)
	}
	if !got.UpdatedAt.After(got.CreatedAt) {
		t.Errorf("updated at %v, not after created at %v", got.UpdatedAt, got.CreatedAt)
	}
}

// testAppUpdateUnknownStatus: the store does not judge the workflow, but a
// status it does not know is invalid and changes nothing.
func testAppUpdateUnknownStatus(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	ctx := context.Background()
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	stored := *a
	a.Status = "archived"
	wantCode(t, "UpdateApplication(status archived)", s.UpdateApplication(ctx, a, nil, event("u_rev1", "application.edit")), huiqi.EINVALID)
	a.Status = huiqi.AppSubmitted
	step := &huiqi.ApplicationStep{Status: "lost", By: "u_ent1", Role: huiqi.RoleEnterprise}
	wantCode(t, "UpdateApplication(step lost)", s.UpdateApplication(ctx, a, step, event("u_ent1", "application.submit")), huiqi.EINVALID)
	w.expectNone(t, "invalid updates")
	sameApp(t, "after invalid updates", findApp(t, s, a.ID), &stored)
	// Any known status is stored, even one the workflow would not allow.
	a.Revision = 1
	a.Status = huiqi.AppDisbursed
	updateApp(t, s, w, a, nil, "application.edit")
}

func testAppRevisionConflict(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	stale := *a
	stale.Form = map[string]string{"contact": "旧的"}
	a.Form = map[string]string{"contact": "新的"}
	updateApp(t, s, w, a, nil, "application.edit")
	err := s.UpdateApplication(context.Background(), &stale, nil, event("u_ent1", "application.edit"))
	wantCode(t, "UpdateApplication(stale revision)", err, huiqi.ECONFLICT)
	if huiqi.ErrorMessage(err) != "申报已被他人修改,请刷新后重试" {
		t.Errorf("conflict message %q", huiqi.ErrorMessage(err))
	}
	if stale.Revision != 1 {
		t.Errorf("a failed update changed the revision to %d", stale.Revision)
	}
	w.expectNone(t, "a stale update")
	if got := findApp(t, s, a.ID); got.Form["contact"] != "新的" || got.Revision != 2 {
		t.Errorf("after a stale update: form %v, revision %d", got.Form, got.Revision)
	}
}

// testAppConcurrentUpdaters: of updaters that read the same revision,
// exactly one wins each round.
func testAppConcurrentUpdaters(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	const rounds, updaters = 5, 4
	for r := range rounds {
		errs := make([]error, updaters)
		var wg sync.WaitGroup
		for i := range updaters {
			c := *a
			c.Form = map[string]string{"round": string(rune('A' + r)), "by": string(rune('a' + i))}
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = s.UpdateApplication(context.Background(), &c, nil, event("u_ent1", "application.edit"))
			}()
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			if err == nil {
				wins++
			} else {
				wantCode(t, "a losing updater", err, huiqi.ECONFLICT)
			}
		}
		if wins != 1 {
			t.Fatalf("round %d: %d of %d updaters of revision %d won, want 1 (%v)", r, wins, updaters, a.Revision, errs)
		}
		w.expect(t, "application.edit", "application:"+a.ID, a.RegionCode)
		a = findApp(t, s, a.ID)
		if a.Revision != r+2 {
			t.Fatalf("round %d: revision %d, want %d", r, a.Revision, r+2)
		}
	}
}
