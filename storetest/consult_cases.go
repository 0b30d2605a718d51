package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func testThreadCreateFind(t *testing.T, s AuditedConsult) {
	w := watchAudit(t, s)
	th := NewThread("u_ent1", "510105")
	asked := time.Date(2024, 5, 6, 10, 0, 0, 999_999_999, time.FixedZone("CST", 8*3600))
	th.Messages[0].At = asked
	createThread(t, s, w, th, huiqi.Notification{UserID: "u_off1", Text: "新的咨询:研发费用补助", Link: "/staff/consult/{id}"})
	if got := th.Messages[0].At; !got.Equal(storedTime(asked)) {
		t.Errorf("message time given %v kept as %v, want %v", asked, got, storedTime(asked))
	}
	sameThread(t, "found after create", findThread(t, s, th.ID), th)
	ns := notifications(t, s, "u_off1", true, 0)
	if len(ns) != 1 || ns[0].Link != "/staff/consult/"+th.ID || ns[0].ID == 0 || ns[0].ReadAt != nil || !ns[0].CreatedAt.Equal(th.CreatedAt) {
		t.Errorf("officer's notifications %+v, want one linking to %s", ns, th.ID)
	}
}

func testThreadCreateInvalid(t *testing.T, s AuditedConsult) {
	w := watchAudit(t, s)
	ctx := context.Background()
	for name, change := range map[string]func(th *huiqi.Thread){
		"no user":          func(th *huiqi.Thread) { th.UserID = "" },
		"no policy":        func(th *huiqi.Thread) { th.PolicyID = "" },
		"no question":      func(th *huiqi.Thread) { th.Question = " " },
		"unknown status":   func(th *huiqi.Thread) { th.Status = "closed" },
		"empty message":    func(th *huiqi.Thread) { th.Messages[1].Text = "" },
		"anonymous answer": func(th *huiqi.Thread) { th.Messages[1].By = "" },
	} {
		th := NewThread("u_ent1", "510105")
		change(th)
		wantCode(t, "CreateThread("+name+")", s.CreateThread(ctx, th, nil, event("u_ent1", "consult.ask")), huiqi.EINVALID)
	}
	th := NewThread("u_ent1", "510105")
	wantCode(t, "CreateThread(notification to nobody)",
		s.CreateThread(ctx, th, []huiqi.Notification{{Text: "新的咨询"}}, event("u_ent1", "consult.ask")), huiqi.EINVALID)
	wantCode(t, "CreateThread(no audit entry)", s.CreateThread(ctx, NewThread("u_ent1", "510105"), nil, nil), huiqi.EINVALID)
	w.expectNone(t, "invalid threads")
	if list, total, err := s.ListThreads(ctx, huiqi.ThreadFilter{}); err != nil || total != 0 || len(list) != 0 {
		t.Errorf("after invalid creates: %d threads (total %d), %v", len(list), total, err)
	}
}

// testThreadAnswer: an officer answers, the asker follows up; messages
// stay in order and the status follows the last one.
func testThreadAnswer(t *testing.T, s AuditedConsult) {
	w := watchAudit(t, s)
	th := NewThread("u_ent1", "510105")
	createThread(t, s, w, th)
	answer := &huiqi.ThreadMessage{By: "u_off1", ByName: "李专员", Role: huiqi.RoleOfficer, Text: "还需提供近三年的财务报表。"}
	addMessage(t, s, w, th, answer, huiqi.ThreadAnswered,
		huiqi.Notification{UserID: "u_ent1", Text: "您的咨询已答复", Link: "/consult/" + th.ID})
	got := findThread(t, s, th.ID)
	if got.Status != huiqi.ThreadAnswered || len(got.Messages) != 3 || !reflect.DeepEqual(got.Messages[2], *answer) {
		t.Fatalf("after the answer: status %s, messages %+v", got.Status, got.Messages)
	}
	if !got.UpdatedAt.After(th.UpdatedAt) || !got.UpdatedAt.Equal(answer.At) {
		t.Errorf("updated at %v, want the answer's time %v, after %v", got.UpdatedAt, answer.At, th.UpdatedAt)
	}
	follow := &huiqi.ThreadMessage{By: "u_ent1", Role: huiqi.RoleEnterprise, Text: "审计报告可以是去年的吗?"}
	addMessage(t, s, w, th, follow, huiqi.ThreadOpen)
	got = findThread(t, s, th.ID)
	if got.Status != huiqi.ThreadOpen || len(got.Messages) != 4 || got.Messages[3].ID <= answer.ID {
		t.Errorf("after a follow-up: status %s, %d messages", got.Status, len(got.Messages))
	}
	if ns := notifications(t, s, "u_ent1", true, 0); len(ns) != 1 || ns[0].Link != "/consult/"+th.ID {
		t.Errorf("asker's notifications %+v", ns)
	}
}

func testThreadAddInvalid(t *testing.T, s AuditedConsult) {
	w := watchAudit(t, s)
	ctx := context.Background()
	th := NewThread("u_ent1", "510105")
	createThread(t, s, w, th)
	msg := func() *huiqi.ThreadMessage {
		return &huiqi.ThreadMessage{By: "u_off1", Role: huiqi.RoleOfficer, Text: "请见第三条。"}
	}
	ev := event("u_off1", "consult.reply")
	wantCode(t, "AddMessage(no thread)", s.AddMessage(ctx, "th_none", msg(), huiqi.ThreadAnswered, nil, ev), huiqi.ENOTFOUND)
	wantCode(t, "AddMessage(status closed)", s.AddMessage(ctx, th.ID, msg(), "closed", nil, ev), huiqi.EINVALID)
	wantCode(t, "AddMessage(nil)", s.AddMessage(ctx, th.ID, nil, huiqi.ThreadAnswered, nil, ev), huiqi.EINVALID)
	empty := msg()
	empty.Text = "\n"
	wantCode(t, "AddMessage(empty text)", s.AddMessage(ctx, th.ID, empty, huiqi.ThreadAnswered, nil, ev), huiqi.EINVALID)
	wantCode(t, "AddMessage(no audit entry)", s.AddMessage(ctx, th.ID, msg(), huiqi.ThreadAnswered, nil, nil), huiqi.EINVALID)
	w.expectNone(t, "invalid messages")
	if got := findThread(t, s, th.ID); got.Status != huiqi.ThreadOpen || len(got.Messages) != 2 {
		t.Errorf("after invalid messages: status %s, %d messages", got.Status, len(got.Messages))
	}
	_, err := s.FindThread(ctx, "th_none")
	wantCode(t, "FindThread(th_none)", err, huiqi.ENOTFOUND)
}

// testThreadAuditRefused: when the audit entry cannot be appended, neither
// the thread, its message nor the notifications are stored.
func testThreadAuditRefused(t *testing.T, s AuditedConsult) {
	w := watchAudit(t, s)
	ctx := context.Background()
	notify := []huiqi.Notification{{UserID: "u_off1", Text: "新的咨询"}}
	wantCode(t, "CreateThread(entry refused)", s.CreateThread(ctx, NewThread("u_ent1", "510105"), notify, anonymous("consult.ask")), huiqi.EINVALID)
	if _, total, err := s.ListThreads(ctx, huiqi.ThreadFilter{}); err != nil || total != 0 {
		t.Errorf("a thread whose entry was refused was stored (total %d, %v)", total, err)
	}
	th := NewThread("u_ent1", "510105")
	createThread(t, s, w, th)
	m := &huiqi.ThreadMessage{By: "u_off1", Role: huiqi.RoleOfficer, Text: "请见第三条。"}
	wantCode(t, "AddMessage(entry refused)", s.AddMessage(ctx, th.ID, m, huiqi.ThreadAnswered, notify, anonymous("consult.reply")), huiqi.EINVALID)
	w.expectNone(t, "writes whose entries were refused")
	sameThread(t, "after a refused message", findThread(t, s, th.ID), th)
	if ns := notifications(t, s, "u_off1", false, 0); len(ns) != 0 {
		t.Errorf("refused writes left notifications %+v", ns)
	}
}
