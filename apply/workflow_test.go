package apply

import (
	"bytes"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// pngFile is a small valid PNG image.
func pngFile(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testWorkflow runs one application from its draft to the money paid,
// through a return and a resubmission, and checks the prefill, the steps
// and the audit log.
func testWorkflow(t *testing.T, f *fixture) {
	a := f.start()
	switch {
	case a.Status != huiqi.AppDraft || a.Revision != 1:
		t.Fatalf("started %s revision %d", a.Status, a.Revision)
	case a.RegionCode != f.policy.Region.Code || a.PolicyVersion != f.policy.Version || a.MeasureID != f.measure.ID:
		t.Fatalf("started %+v, want region %s of policy %s v%d", a, f.policy.Region.Code, f.policy.ID, f.policy.Version)
	case a.Form[FieldContactPhone] != f.owner.Phone || a.Form[FieldContactName] != "张三":
		t.Fatalf("contact not prefilled: %v", a.Form)
	case a.Form[FieldCitedText] != f.measure.Cite.Text || a.ClausePath != f.measure.Cite.ClausePath:
		t.Fatalf("cited clause %q %q, want %q", a.ClausePath, a.Form[FieldCitedText], f.measure.Cite.ClausePath)
	case a.EnterpriseName != "成都某某科技有限公司" || a.CreditCode != ownCode:
		t.Fatalf("enterprise %q %q", a.EnterpriseName, a.CreditCode)
	case a.ExpectedMaxYuan != f.maxYuan:
		t.Fatalf("expected max %d, want %d", a.ExpectedMaxYuan, f.maxYuan)
	case a.Form[FieldMatchStatus] == "":
		t.Fatalf("no match status in the form: %v", a.Form)
	}
	if a.Form["cond.1.label"] == "" || a.Form[FieldMatchReasons] == "" || strings.HasPrefix(a.Form[FieldMatchReasons], "企业信息中没有") {
		t.Fatalf("the match's conditions and reasons not prefilled: %v", a.Form)
	}
	if again, created, err := f.svc.Start(f.ctx, f.owner, ownCode, f.policy.ID, f.measure.ID); err != nil || created || again.ID != a.ID {
		t.Fatalf("starting again: %v, created %v, %s beside %s", err, created, again.ID, a.ID)
	}
	a, err := f.svc.Save(f.ctx, f.owner, a.ID, a.Revision, map[string]string{FieldStatement: "我公司符合条件。", FieldAddress: "成都市高新区"})
	if err != nil || a.Revision != 2 || a.Form[FieldStatement] != "我公司符合条件。" {
		t.Fatalf("save: %v %+v", err, a)
	}
	att, err := f.svc.Attach(f.ctx, f.owner, a.ID, "营业执照.png", pngFile(t))
	if err != nil || att.ContentType != "image/png" || att.Name != "营业执照.png" {
		t.Fatalf("attach: %v %+v", err, att)
	}
	a = f.submit(a.ID)
	if a.Status != huiqi.AppSubmitted {
		t.Fatalf("submitted: %s", a.Status)
	}
	f.move(f.reviewer, a.ID, Move{Action: Take})
	f.move(f.reviewer, a.ID, Move{Action: Return, Comment: "请补充上年度财务报表"})
	if _, err := f.svc.Save(f.ctx, f.owner, a.ID, 0, map[string]string{FieldStatement: "已补充。"}); err != nil {
		t.Fatalf("save a returned application: %v", err)
	}
	a = f.submit(a.ID)
	if a.Status != huiqi.AppResubmitted {
		t.Fatalf("resubmitted: %s", a.Status)
	}
	f.move(f.admin, a.ID, Move{Action: Take})
	f.move(f.reviewer, a.ID, Move{Action: Approve, Amount: f.maxYuan, Comment: "同意"})
	f.move(f.reviewer, a.ID, Move{Action: Disburse})
	got, err := f.svc.Get(f.ctx, f.owner, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSteps(t, got, f)
	checkAudit(t, f, got)
}

func checkSteps(t *testing.T, a *huiqi.Application, f *fixture) {
	t.Helper()
	var statuses []huiqi.ApplicationStatus
	for _, st := range a.Steps {
		statuses = append(statuses, st.Status)
	}
	want := []huiqi.ApplicationStatus{huiqi.AppSubmitted, huiqi.AppUnderReview, huiqi.AppReturned, huiqi.AppResubmitted,
		huiqi.AppUnderReview, huiqi.AppApproved, huiqi.AppDisbursed}
	if !slices.Equal(statuses, want) || a.Status != huiqi.AppDisbursed {
		t.Fatalf("steps %v (now %s), want %v", statuses, a.Status, want)
	}
	ret, ok, paid := a.Steps[2], a.Steps[5], a.Steps[6]
	switch {
	case ret.By != f.reviewer.ID || ret.Role != huiqi.RoleReviewer || ret.Comment != "请补充上年度财务报表" || ret.ByName != "王力":
		t.Errorf("return step %+v", ret)
	case a.Steps[4].By != f.admin.ID || a.Steps[4].Role != huiqi.RoleAdmin:
		t.Errorf("admin's step %+v", a.Steps[4])
	case ok.AmountYuan == nil || *ok.AmountYuan != f.maxYuan || a.GrantedYuan == nil || *a.GrantedYuan != f.maxYuan:
		t.Errorf("approval %+v, granted %v, want %d", ok, a.GrantedYuan, f.maxYuan)
	case a.Steps[0].By != f.owner.ID || a.Steps[0].Role != huiqi.RoleEnterprise:
		t.Errorf("submission %+v", a.Steps[0])
	case !paid.At.Equal(f.clock()):
		t.Errorf("disbursed at %v, want %v", paid.At, f.clock())
	}
}

func checkAudit(t *testing.T, f *fixture, a *huiqi.Application) {
	t.Helper()
	var actions []string
	for _, e := range f.audit() {
		actions = append(actions, e.Action)
		if e.Object != "application:"+a.ID || e.Region != a.RegionCode {
			t.Errorf("%s: object %s region %s", e.Action, e.Object, e.Region)
		}
		for _, personal := range []string{f.owner.Phone, "张三", "王力", "成都市高新区", "营业执照"} {
			if strings.Contains(e.Detail, personal) {
				t.Errorf("%s detail %s carries %q", e.Action, e.Detail, personal)
			}
		}
	}
	want := []string{"application.create", "application.save", "application.attach", "application.submit",
		"application.review", "application.return", "application.save", "application.submit",
		"application.review", "application.approve", "application.disburse"}
	if !slices.Equal(actions, want) {
		t.Fatalf("audit actions\n%v\nwant\n%v", actions, want)
	}
}
