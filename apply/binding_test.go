package apply

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// testBindingChecked: every action of an applicant checks anew that the
// applicant acts for the enterprise. An application of a user whose
// binding is not verified (as after a binding is withdrawn) can be read
// but not saved, attached to, emptied of a file, nor submitted, until the
// binding is verified.
func testBindingChecked(t *testing.T, f *fixture) {
	u := &huiqi.User{Phone: "13800138009", Role: huiqi.RoleEnterprise, Name: "赵六"}
	if err := f.db.CreateUser(f.ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
		t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: ownCode, Name: "成都某某科技有限公司"}
	if err := f.db.BindEnterprise(f.ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "enterprise.bind", Object: "enterprise:" + ownCode}); err != nil {
		t.Fatal(err)
	}
	a := &huiqi.Application{UserID: u.ID, CreditCode: ownCode, EnterpriseName: b.Name, PolicyID: f.policy.ID,
		PolicyVersion: f.policy.Version, MeasureID: f.measure.ID, MeasureName: f.measure.Name,
		RegionCode: f.policy.Region.Code, Status: huiqi.AppDraft,
		Form: map[string]string{FieldContactName: "赵六", FieldContactPhone: u.Phone}}
	if err := f.db.CreateApplication(f.ctx, a, &huiqi.AuditEntry{Actor: u.ID, Action: "application.create"}); err != nil {
		t.Fatal(err)
	}
	att := &huiqi.Attachment{Name: "营业执照.png", ContentType: "image/png"}
	if err := f.db.AddAttachment(f.ctx, a.ID, att, pngFile(t), 0, &huiqi.AuditEntry{Actor: u.ID, Action: "application.attach"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Get(f.ctx, u, a.ID); err != nil {
		t.Fatalf("the applicant cannot read their application: %v", err)
	}
	_, err := f.svc.Save(f.ctx, u, a.ID, 0, map[string]string{FieldStatement: "补充说明"})
	wantCode(t, "Save", err, huiqi.EFORBIDDEN)
	_, err = f.svc.Attach(f.ctx, u, a.ID, "审计报告.png", pngFile(t))
	wantCode(t, "Attach", err, huiqi.EFORBIDDEN)
	wantCode(t, "Remove", f.svc.Remove(f.ctx, u, a.ID, att.ID), huiqi.EFORBIDDEN)
	wantCode(t, "RequestSubmitCode", f.svc.RequestSubmitCode(f.ctx, u, a.ID, "203.0.113.7"), huiqi.EFORBIDDEN)
	_, err = f.svc.Submit(f.ctx, u, a.ID, 0, "123456")
	wantCode(t, "Submit", err, huiqi.EFORBIDDEN)
	// Another enterprise's user is told the application does not exist.
	_, err = f.svc.Save(f.ctx, f.other, a.ID, 0, map[string]string{FieldStatement: "x"})
	wantCode(t, "Save by another enterprise", err, huiqi.ENOTFOUND)
	if got, _ := f.db.FindApplication(f.ctx, a.ID); got.Revision != 1 || len(got.Attachments) != 1 {
		t.Fatalf("refused actions changed the application: revision %d, %d files", got.Revision, len(got.Attachments))
	}
	if err := f.db.VerifyBinding(f.ctx, u.ID, ownCode, &huiqi.AuditEntry{Actor: f.officer.ID, Action: "binding.verify"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Save(f.ctx, u, a.ID, 0, map[string]string{FieldStatement: "补充说明"}); err != nil {
		t.Errorf("Save once the binding is verified: %v", err)
	}
}
