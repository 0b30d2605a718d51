package server_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestConsultFlow: a question handed to staff becomes a thread with the
// instant answer and its citations, routed to the officer of the policy's
// region and not to another region's, who cannot see it; the owner sees
// the answer and is notified; a follow-up opens it again.
func TestConsultFlow(t *testing.T) {
	ps := servePlatform(t)
	ctx := context.Background()
	p := policyFromFile(t, ps.Site.Store, consultFile)
	if p.Region == nil || p.Region.Code != "330482" {
		t.Fatalf("region of %s: %+v, want 平湖市 330482", consultFile, p.Region)
	}
	here := ps.staff("jx-officer", huiqi.RoleOfficer, "330400")  // 嘉兴市
	there := ps.staff("hz-officer", huiqi.RoleOfficer, "330100") // 杭州市
	admin := ps.staff("flow-admin", huiqi.RoleAdmin)
	ent := newVisitor(t, ps.URL)
	ps.signIn(ent, "13900000301")
	id := handoff(t, ent, p.ID, consultQuestion)

	th, err := ps.Store.FindThread(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if th.RegionCode != "330482" || th.Status != huiqi.ThreadOpen || th.Question != consultQuestion || len(th.Messages) != 2 {
		t.Fatalf("thread %+v", th)
	}
	if m := th.Messages[1]; m.By != "huiqi" || len(m.Citations) == 0 || m.Citations[0].ClausePath != consultClause || m.Citations[0].PolicyID != p.ID {
		t.Errorf("the instant answer of the thread: %+v", m)
	}
	link := "/staff/consultations/" + id
	wantNotes(t, ps, here.ID, link, 1)
	wantNotes(t, ps, admin.ID, link, 1)
	wantNotes(t, ps, there.ID, link, 0)

	// The officer of another region sees nothing of it.
	other := newVisitor(t, ps.URL)
	ps.signInStaff(other, "hz-officer")
	for _, path := range []string{link, "/consultations/" + id} {
		if res, _ := other.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s for another region's officer: %d, want 404", path, res.StatusCode)
		}
	}
	if _, queue := other.get("/staff/consultations?status="); strings.Contains(queue, id) {
		t.Error("another region's queue lists the thread")
	}
	if _, desk := other.get("/staff"); !strings.Contains(desk, "<strong>0</strong>待答复的在线咨询") {
		t.Error("another region's desk counts the thread")
	}
	res, _ := other.postForm(link, consultForm("text", "越权答复", "csrf", other.csrfOf("/staff")))
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("another region's answer: %d, want 404", res.StatusCode)
	}
	// Nor does another enterprise user.
	stranger := newVisitor(t, ps.URL)
	ps.signIn(stranger, "13900000302")
	if res, _ := stranger.get("/consultations/" + id); res.StatusCode != http.StatusNotFound {
		t.Errorf("another user's thread: %d, want 404", res.StatusCode)
	}
	if _, mine := stranger.get("/consultations"); strings.Contains(mine, id) {
		t.Error("another user lists the thread")
	}

	// The officer of the region answers.
	off := newVisitor(t, ps.URL)
	ps.signInStaff(off, "jx-officer")
	if _, desk := off.get("/staff"); !strings.Contains(desk, "<strong>1</strong>待答复的在线咨询") || !strings.Contains(desk, `href="/staff/applications"`) {
		t.Error("the desk does not count the open consultation or link the applications")
	}
	if _, queue := off.get("/staff/consultations"); !strings.Contains(queue, link) {
		t.Error("the queue does not list the thread")
	}
	if _, q := off.get("/staff/consultations?status=open&policy=" + p.ID); !strings.Contains(q, link) {
		t.Error("the queue of the policy does not list the thread")
	}
	if _, q := off.get("/staff/consultations?status=answered"); strings.Contains(q, link) {
		t.Error("the answered queue lists an open thread")
	}
	_, page := off.get(link)
	if !strings.Contains(page, consultQuestion) || !hasLink(t, page, "/policies/"+p.ID+"?version="+strconv.Itoa(p.Version)+"#c-"+consultClause) {
		t.Error("the staff's thread lacks the question or the instant answer's citation")
	}
	const answer = "经核实，新认定的国家级科技企业孵化器奖励300万元，请于认定次年申报。"
	if res, _ := off.postForm(link, consultForm("text", answer, "csrf", off.csrfOf(link))); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer: %d", res.StatusCode)
	}
	if th, _ = ps.Store.FindThread(ctx, id); th.Status != huiqi.ThreadAnswered || len(th.Messages) != 3 || th.Messages[2].By != here.ID {
		t.Fatalf("after the answer: %s with %d messages", th.Status, len(th.Messages))
	}

	// The owner is notified and sees the answer.
	if _, home := ent.get("/"); !strings.Contains(home, `<a href="/notifications">通知<span class="unread">（1`) {
		t.Error("the header does not count the unread notification")
	}
	_, notes := ent.get("/notifications")
	if !strings.Contains(notes, `href="/consultations/`+id+`"`) || !strings.Contains(notes, "您的咨询已答复") {
		t.Error("the notifications do not link the answered thread")
	}
	if _, mine := ent.get("/consultations"); !strings.Contains(mine, "已答复") || !strings.Contains(mine, id) {
		t.Error("my consultations do not show the thread answered")
	}
	if _, mine := ent.get("/consultations/" + id); !strings.Contains(mine, answer) || !strings.Contains(mine, "政策专员") {
		t.Error("the owner does not see the officer's answer")
	}
	if _, home := ent.get("/"); strings.Contains(home, `class="unread"`) {
		t.Error("opening the thread does not mark its notification read")
	}

	// A follow-up opens the thread again and notifies the officer.
	if res, _ := ent.postForm("/consultations/"+id, consultForm("text", "认定次年何时申报？", "csrf", ent.csrfOf("/consultations/"+id))); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("follow-up: %d", res.StatusCode)
	}
	if th, _ = ps.Store.FindThread(ctx, id); th.Status != huiqi.ThreadOpen || len(th.Messages) != 4 {
		t.Errorf("after the follow-up: %s with %d messages", th.Status, len(th.Messages))
	}
	wantNotes(t, ps, here.ID, link, 2)
	wantNotes(t, ps, there.ID, link, 0)
	markAllRead(t, ps, off, here.ID)
	checkConsultAudit(t, ps, []string{consultQuestion, answer, "认定次年何时申报"})
}

// wantNotes checks how many notifications of user link to link.
func wantNotes(t *testing.T, ps *platformSite, userID, link string, want int) {
	t.Helper()
	ns, err := ps.Store.Notifications(context.Background(), userID, false, 100)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, x := range ns {
		if x.Link == link {
			n++
		}
	}
	if n != want {
		t.Errorf("user %s has %d notifications linking %s, want %d", userID, n, link, want)
	}
}

// checkConsultAudit: the ask, the answer and the follow-up are each in the
// audit log, by their user, without the words of the consultation.
func checkConsultAudit(t *testing.T, ps *platformSite, private []string) {
	t.Helper()
	es, err := ps.Store.AuditEntries(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, e := range es {
		if !strings.HasPrefix(e.Action, "consult.") {
			continue
		}
		seen[e.Action]++
		if !strings.HasPrefix(e.Actor, "u_") || !strings.HasPrefix(e.Object, "thread:th_") || e.Region != "330482" {
			t.Errorf("audit entry %+v", e)
		}
		for _, w := range private {
			if strings.Contains(e.Detail, w) {
				t.Errorf("audit entry %s holds the consultation's words: %s", e.Action, e.Detail)
			}
		}
	}
	if seen["consult.ask"] != 1 || seen["consult.answer"] != 1 || seen["consult.reply"] != 1 {
		t.Errorf("audit actions %v, want one ask, answer and reply", seen)
	}
}

// markAllRead: the notifications page lists the user's unread ones and
// marks them all read.
func markAllRead(t *testing.T, ps *platformSite, v *visitor, userID string) {
	t.Helper()
	ctx := context.Background()
	unread, err := ps.Store.Notifications(ctx, userID, true, 100)
	if err != nil || len(unread) == 0 {
		t.Fatalf("unread notifications: %d, %v", len(unread), err)
	}
	_, page := v.get("/notifications")
	if !strings.Contains(page, "全部标为已读（"+strconv.Itoa(len(unread))+" 条未读）") || !strings.Contains(page, `class="unread"`) {
		t.Errorf("the notifications page does not count %d unread", len(unread))
	}
	res, _ := v.postForm("/notifications", consultForm("id", strconv.FormatInt(unread[0].ID, 10), "csrf", v.csrfOf("/notifications")))
	if left, _ := ps.Store.Notifications(ctx, userID, true, 100); res.StatusCode != http.StatusSeeOther || len(left) != len(unread)-1 {
		t.Errorf("marking one read: %d, %d left of %d", res.StatusCode, len(left), len(unread))
	}
	res, _ = v.postForm("/notifications", consultForm("all", "1", "csrf", v.csrfOf("/notifications")))
	if left, _ := ps.Store.Notifications(ctx, userID, true, 100); res.StatusCode != http.StatusSeeOther || len(left) != 0 {
		t.Errorf("marking all read: %d, %d left", res.StatusCode, len(left))
	}
}
