package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// anonymous is an audit entry every log refuses (no actor): the write it
// goes with must leave nothing behind, since both share one transaction.
func anonymous(action string) *huiqi.AuditEntry { return &huiqi.AuditEntry{Action: action} }

// testAppAuditRefused: when the audit entry cannot be appended, the
// change is not made either.
func testAppAuditRefused(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	ctx := context.Background()
	wantCode(t, "CreateApplication(entry refused)", s.CreateApplication(ctx, NewApplication("u_ent1", "510105"), anonymous("application.create")), huiqi.EINVALID)
	if _, total, err := s.ListApplications(ctx, huiqi.ApplicationFilter{}); err != nil || total != 0 {
		t.Errorf("an application whose entry was refused was stored (total %d, %v)", total, err)
	}
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	stored := *a
	changed := *a
	changed.Status, changed.Form = huiqi.AppSubmitted, map[string]string{"contact": "改了"}
	step := &huiqi.ApplicationStep{Status: huiqi.AppSubmitted, By: "u_ent1", Role: huiqi.RoleEnterprise}
	wantCode(t, "UpdateApplication(entry refused)", s.UpdateApplication(ctx, &changed, step, anonymous("application.submit")), huiqi.EINVALID)
	att := &huiqi.Attachment{Name: "营业执照.pdf"}
	wantCode(t, "AddAttachment(entry refused)", s.AddAttachment(ctx, a.ID, att, []byte("%PDF"), 0, anonymous("application.attach")), huiqi.EINVALID)
	w.expectNone(t, "writes whose entries were refused")
	sameApp(t, "after refused writes", findApp(t, s, a.ID), &stored)
	f := addFile(t, s, w, a, "营业执照.pdf", []byte("%PDF"))
	wantCode(t, "RemoveAttachment(entry refused)", s.RemoveAttachment(ctx, a.ID, f.ID, anonymous("application.detach")), huiqi.EINVALID)
	w.expectNone(t, "a removal whose entry was refused")
	readFile(t, s, a.ID, f, []byte("%PDF"))
}
