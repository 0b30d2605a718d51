package apply

import (
	"fmt"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// inStatus stores an application of the owner for the fixture's measure
// already in status (the store takes any status), to test each move from
// it.
func (f *fixture) inStatus(s huiqi.ApplicationStatus) *huiqi.Application {
	f.t.Helper()
	a := &huiqi.Application{UserID: f.owner.ID, CreditCode: ownCode, PolicyID: f.policy.ID,
		PolicyVersion: f.policy.Version, MeasureID: f.measure.ID, RegionCode: f.policy.Region.Code, Status: s,
		Form: map[string]string{FieldContactName: "张三", FieldContactPhone: f.owner.Phone}}
	if err := f.db.CreateApplication(f.ctx, a, &huiqi.AuditEntry{Actor: "test", Action: "application.create"}); err != nil {
		f.t.Fatal(err)
	}
	return a
}

var allStatuses = []huiqi.ApplicationStatus{huiqi.AppDraft, huiqi.AppSubmitted, huiqi.AppUnderReview, huiqi.AppReturned,
	huiqi.AppResubmitted, huiqi.AppApproved, huiqi.AppRejected, huiqi.AppDisbursed}

// testMoves tries every reviewer's move from every status by every kind
// of user: allowed moves succeed, the others leave the application as it
// was — EFORBIDDEN for the applicant and for a reviewer whose move the
// workflow does not allow, ENOTFOUND for those who may not see it (a
// reviewer does not see drafts).
func testMoves(t *testing.T, f *fixture) {
	users := []struct {
		name string
		u    *huiqi.User
		see  bool
	}{{"owner", f.owner, true}, {"reviewer", f.reviewer, true}, {"admin", f.admin, true},
		{"officer", f.officer, false}, {"far reviewer", f.far, false}, {"other enterprise", f.other, false}}
	for _, s := range allStatuses {
		for _, who := range users {
			for _, act := range Actions {
				name := fmt.Sprintf("%s/%s/%s", s, who.name, act)
				a := f.inStatus(s)
				mv := Move{Action: act, Comment: "意见", Amount: 1000}
				got, err := f.svc.Review(f.ctx, who.u, a.ID, mv)
				see := who.see && (who.u.Role == huiqi.RoleEnterprise || s != huiqi.AppDraft) // drafts are the applicant's own
				allowed := who.u.Role != huiqi.RoleEnterprise && see && s.CanMove(act.Status(), who.u.Role)
				switch {
				case allowed && (err != nil || got.Status != act.Status()):
					t.Errorf("%s: %v, want %s", name, err, act.Status())
				case !allowed && !see && huiqi.ErrorCode(err) != huiqi.ENOTFOUND:
					t.Errorf("%s: error %v, want not found", name, err)
				case !allowed && see && huiqi.ErrorCode(err) != huiqi.EFORBIDDEN:
					t.Errorf("%s: error %v, want forbidden", name, err)
				case !allowed:
					if now, _ := f.db.FindApplication(f.ctx, a.ID); now.Status != s || now.Revision != 1 {
						t.Errorf("%s: refused, yet the application is %s revision %d", name, now.Status, now.Revision)
					}
				}
			}
		}
	}
}

// testApplicantMoves: the applicant edits and submits drafts and returned
// applications only; reviewers never submit or edit.
func testApplicantMoves(t *testing.T, f *fixture) {
	for _, s := range allStatuses {
		a := f.inStatus(s)
		editable := s == huiqi.AppDraft || s == huiqi.AppReturned
		_, err := f.svc.Save(f.ctx, f.owner, a.ID, 0, map[string]string{FieldStatement: "说明"})
		_, aerr := f.svc.Attach(f.ctx, f.owner, a.ID, "a.png", pngFile(t))
		cerr := f.svc.RequestSubmitCode(f.ctx, f.owner, a.ID, "203.0.113.7")
		if editable && (err != nil || aerr != nil || cerr != nil) {
			t.Errorf("%s: save %v, attach %v, code %v", s, err, aerr, cerr)
		}
		if !editable {
			wantCode(t, string(s)+": save", err, huiqi.EFORBIDDEN)
			wantCode(t, string(s)+": attach", aerr, huiqi.EFORBIDDEN)
			wantCode(t, string(s)+": request a code", cerr, huiqi.EFORBIDDEN)
			_, err = f.svc.Submit(f.ctx, f.owner, a.ID, 0, "123456")
			wantCode(t, string(s)+": submit", err, huiqi.EFORBIDDEN)
		}
		f.advance(time.Minute)
		want := huiqi.EFORBIDDEN
		if s == huiqi.AppDraft {
			want = huiqi.ENOTFOUND
		}
		for _, u := range []*huiqi.User{f.reviewer, f.admin} {
			_, err := f.svc.Save(f.ctx, u, a.ID, 0, map[string]string{FieldStatement: "x"})
			wantCode(t, string(s)+": a reviewer saves", err, want)
			_, err = f.svc.Submit(f.ctx, u, a.ID, 0, "123456")
			wantCode(t, string(s)+": a reviewer submits", err, want)
		}
	}
}

// testMoveChecks: returns and rejections need a comment, approvals a
// positive amount within the measure's maximum; a stale revision is a
// conflict.
func testMoveChecks(t *testing.T, f *fixture) {
	a := f.inStatus(huiqi.AppUnderReview)
	for _, c := range []struct {
		name string
		mv   Move
		code string
	}{
		{"return without a comment", Move{Action: Return, Comment: "  "}, huiqi.EINVALID},
		{"reject without a comment", Move{Action: Reject}, huiqi.EINVALID},
		{"approve without an amount", Move{Action: Approve}, huiqi.EINVALID},
		{"approve a negative amount", Move{Action: Approve, Amount: -5}, huiqi.EINVALID},
		{"approve above the maximum", Move{Action: Approve, Amount: f.maxYuan + 1}, huiqi.EINVALID},
		{"unknown action", Move{Action: "pay"}, huiqi.EINVALID},
		{"stale revision", Move{Action: Reject, Comment: "不符合", Revision: 7}, huiqi.ECONFLICT},
	} {
		_, err := f.svc.Review(f.ctx, f.reviewer, a.ID, c.mv)
		wantCode(t, c.name, err, c.code)
	}
	got := f.move(f.reviewer, a.ID, Move{Action: Approve, Amount: 1, Revision: 1})
	if got.GrantedYuan == nil || *got.GrantedYuan != 1 || got.Steps[0].Comment != "" {
		t.Fatalf("approved %+v", got)
	}
	_, err := f.svc.Save(f.ctx, f.owner, f.inStatus(huiqi.AppDraft).ID, 5, map[string]string{FieldStatement: "x"})
	wantCode(t, "save on a stale revision", err, huiqi.ECONFLICT)
	_, err = f.svc.Save(f.ctx, f.owner, f.inStatus(huiqi.AppDraft).ID, 0, map[string]string{"match.status": "eligible"})
	wantCode(t, "save a prefilled field", err, huiqi.EINVALID)
}

// testConcurrentReviewers: two reviewers taking the same application on
// the same revision: one wins, the other gets a conflict.
func testConcurrentReviewers(t *testing.T, f *fixture) {
	a := f.inStatus(huiqi.AppSubmitted)
	errs := make(chan error, 2)
	for _, u := range []*huiqi.User{f.reviewer, f.admin} {
		go func() {
			_, err := f.svc.Review(f.ctx, u, a.ID, Move{Action: Take, Revision: 1})
			errs <- err
		}()
	}
	var ok, conflict int
	for range 2 {
		switch err := <-errs; {
		case err == nil:
			ok++
		case huiqi.ErrorCode(err) == huiqi.ECONFLICT:
			conflict++
		default:
			t.Fatal(err)
		}
	}
	if ok != 1 || conflict != 1 {
		t.Fatalf("%d took it, %d conflicts; want 1 and 1", ok, conflict)
	}
}
