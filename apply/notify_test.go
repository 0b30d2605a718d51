package apply

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// unread returns u's unread notifications, newest first.
func (f *fixture) unread(u *huiqi.User) []huiqi.Notification {
	f.t.Helper()
	ns, err := f.db.Notifications(f.ctx, u.ID, true, 0)
	if err != nil {
		f.t.Fatal(err)
	}
	return ns
}

// testNotifications: a submission notifies the reviewers and
// administrators of the application's region and nobody else; each
// reviewer's move notifies the applicant, the approval with its amount.
func testNotifications(t *testing.T, f *fixture) {
	a := f.submit(f.start().ID)
	want := "新的申报待审核：" + a.MeasureName + "（成都某某科技有限公司）"
	for _, u := range []*huiqi.User{f.reviewer, f.admin} {
		if ns := f.unread(u); len(ns) != 1 || ns[0].Text != want || ns[0].Link != "/staff/applications/"+a.ID {
			t.Errorf("%s has %+v, want %q", u.Username, ns, want)
		}
	}
	for _, u := range []*huiqi.User{f.far, f.officer, f.other, f.owner} {
		if ns := f.unread(u); len(ns) != 0 {
			t.Errorf("%s was notified: %+v", u.Username+u.Phone, ns)
		}
	}
	f.move(f.reviewer, a.ID, Move{Action: Take})
	f.move(f.reviewer, a.ID, Move{Action: Return, Comment: "请补充审计报告"})
	a = f.submit(a.ID)
	if ns := f.unread(f.reviewer); len(ns) != 2 || !strings.HasPrefix(ns[0].Text, "申报已重新提交，待审核：") {
		t.Errorf("reviewer after the resubmission has %+v", ns)
	}
	f.move(f.reviewer, a.ID, Move{Action: Take})
	f.move(f.reviewer, a.ID, Move{Action: Approve, Amount: 300000})
	f.move(f.reviewer, a.ID, Move{Action: Disburse})
	prefix := "您的申报「" + a.MeasureName + "」："
	wantTexts := []string{"资金已拨付", "审核通过（核定金额 30 万元）", "审核中", "退回修改（请补充审计报告）", "审核中"}
	ns := f.unread(f.owner)
	if len(ns) != len(wantTexts) {
		t.Fatalf("owner has %d notifications, want %d: %+v", len(ns), len(wantTexts), ns)
	}
	for i, n := range ns {
		if n.Text != prefix+wantTexts[i] || n.Link != "/applications/"+a.ID {
			t.Errorf("owner's notification %d: %q %s, want %q", i, n.Text, n.Link, prefix+wantTexts[i])
		}
	}
}

// failingNotes refuses every notification.
type failingNotes struct{ huiqi.ConsultStore }

func (failingNotes) Notify(context.Context, []huiqi.Notification) error {
	return errors.New("disk full")
}

// testNotifyFailure: notifications that cannot be stored are logged and
// the move stands.
func testNotifyFailure(t *testing.T, f *fixture) {
	var log bytes.Buffer
	f.svc.Threads, f.svc.Log = failingNotes{f.db}, slog.New(slog.NewTextHandler(&log, nil))
	a := f.submit(f.start().ID)
	if a, err := f.svc.Get(f.ctx, f.reviewer, a.ID); err != nil || a.Status != huiqi.AppSubmitted {
		t.Fatalf("submission lost: %v %+v", err, a)
	}
	if !strings.Contains(log.String(), "application notifications not stored") || !strings.Contains(log.String(), a.ID) ||
		!strings.Contains(log.String(), "disk full") {
		t.Errorf("log %q does not tell of the lost notifications", log.String())
	}
}
