package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// notifyMany creates a thread of u_ent1 that notifies each user n times
// and returns the thread.
func notifyMany(t *testing.T, s AuditedConsult, n int, users ...string) *huiqi.Thread {
	t.Helper()
	w := watchAudit(t, s)
	th := NewThread("u_ent1", "510105")
	var ns []huiqi.Notification
	for i := range n {
		for _, u := range users {
			ns = append(ns, huiqi.Notification{UserID: u, Text: fmt.Sprintf("通知 %d", i), Link: "/consult/{id}"})
		}
	}
	createThread(t, s, w, th, ns...)
	return th
}

func testNotifications(t *testing.T, s AuditedConsult) {
	th := notifyMany(t, s, 3, "u_off1", "u_off2")
	w := watchAudit(t, s)
	later := &huiqi.ThreadMessage{By: "u_ent1", Role: huiqi.RoleEnterprise, Text: "补充一下情况。"}
	addMessage(t, s, w, th, later, huiqi.ThreadOpen, huiqi.Notification{UserID: "u_off1", Text: "咨询有新消息", Link: "/staff/consult/" + th.ID})
	ns := notifications(t, s, "u_off1", false, 0)
	if len(ns) != 4 || ns[0].Text != "咨询有新消息" || !ns[0].CreatedAt.Equal(later.At) {
		t.Fatalf("u_off1 has %+v, want 4 with the newest first", ns)
	}
	for i, n := range ns {
		if n.UserID != "u_off1" || n.ReadAt != nil || i > 0 && (n.CreatedAt.After(ns[i-1].CreatedAt) || n.ID == ns[i-1].ID) {
			t.Errorf("notification %d: %+v", i, n)
		}
	}
	if ns[1].Link != "/consult/"+th.ID {
		t.Errorf("link %q, want the thread's ID in place of {id}", ns[1].Link)
	}
	if got := notifications(t, s, "u_off1", true, 2); len(got) != 2 || got[0].ID != ns[0].ID || got[1].ID != ns[1].ID {
		t.Errorf("limit 2: %+v, want the newest two", got)
	}
	if got := notifications(t, s, "u_nobody", false, 0); len(got) != 0 {
		t.Errorf("a user never notified has %+v", got)
	}
	_, err := s.Notifications(context.Background(), "u_off1", false, -1)
	wantCode(t, "Notifications(limit -1)", err, huiqi.EINVALID)
}

// testNotificationsMarkRead: a user marks only their own notifications,
// whatever IDs they send.
func testNotificationsMarkRead(t *testing.T, s AuditedConsult) {
	ctx := context.Background()
	notifyMany(t, s, 3, "u_off1", "u_off2")
	mine, theirs := notifications(t, s, "u_off1", true, 0), notifications(t, s, "u_off2", true, 0)
	at := time.Date(2026, 1, 2, 3, 4, 5, 678_901_234, time.UTC)
	ids := []int64{mine[0].ID, mine[2].ID, theirs[0].ID, theirs[1].ID, 1 << 40}
	if err := s.MarkRead(ctx, "u_off1", ids, at); err != nil {
		t.Fatalf("MarkRead: %v", err)
	}
	if unread := notifications(t, s, "u_off1", true, 0); len(unread) != 1 || unread[0].ID != mine[1].ID {
		t.Errorf("u_off1 unread after marking two: %+v, want %d", unread, mine[1].ID)
	}
	if unread := notifications(t, s, "u_off2", true, 0); len(unread) != 3 {
		t.Errorf("u_off2 has %d unread, want 3: another user marked theirs", len(unread))
	}
	all := notifications(t, s, "u_off1", false, 0)
	if len(all) != 3 || all[0].ReadAt == nil || !all[0].ReadAt.Equal(storedTime(at)) || all[1].ReadAt != nil {
		t.Fatalf("u_off1 after marking: %+v", all)
	}
	// Marking again keeps the first time read.
	if err := s.MarkRead(ctx, "u_off1", []int64{mine[0].ID}, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if again := notifications(t, s, "u_off1", false, 1); !again[0].ReadAt.Equal(storedTime(at)) {
		t.Errorf("marked again: read at %v, want the first time %v", again[0].ReadAt, storedTime(at))
	}
	if err := s.MarkRead(ctx, "u_off1", nil, at); err != nil {
		t.Errorf("MarkRead(no IDs): %v", err)
	}
}

// testNotify: notifications stored on their own, all or none, with their
// links as given.
func testNotify(t *testing.T, s AuditedConsult) {
	ctx := context.Background()
	ns := []huiqi.Notification{
		{UserID: "u_rev1", Text: "新的申报待审核：研发费用补助（成都某某科技有限公司）", Link: "/staff/applications/ap_1"},
		{UserID: "u_ent1", Text: "您的申报「研发费用补助」：审核通过（核定 50 万元）", Link: "/applications/{id}"},
	}
	if err := s.Notify(ctx, ns); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	if ns[0].ID == 0 || ns[1].ID == ns[0].ID || ns[0].CreatedAt.IsZero() {
		t.Fatalf("Notify set %+v", ns)
	}
	for _, want := range ns {
		got := notifications(t, s, want.UserID, true, 0)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s has %+v, want %+v", want.UserID, got, want)
		}
	}
	bad := []huiqi.Notification{{UserID: "u_rev2", Text: "第一条", Link: "/x"}, {UserID: "u_rev2", Text: "  "}}
	wantCode(t, "Notify(empty text)", s.Notify(ctx, bad), huiqi.EINVALID)
	if got := notifications(t, s, "u_rev2", false, 0); len(got) != 0 {
		t.Errorf("a refused batch left %+v", got)
	}
	if err := s.Notify(ctx, nil); err != nil {
		t.Errorf("Notify(none): %v", err)
	}
}
