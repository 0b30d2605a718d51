package storekit_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestCheckApplication(t *testing.T) {
	ok := huiqi.Application{UserID: "u_1", PolicyID: "p1", MeasureID: "m1", Status: huiqi.AppSubmitted}
	with := func(f func(a *huiqi.Application)) error { a := ok; f(&a); return storekit.CheckApplication(&a) }
	runChecks(t, []checkCase{
		{"complete", storekit.CheckApplication(&ok), "", ""},
		{"nil", storekit.CheckApplication(nil), huiqi.EINVALID, "申报为空"},
		{"no applicant", with(func(a *huiqi.Application) { a.UserID = "" }), huiqi.EINVALID, "申报缺少申报用户"},
		{"no policy", with(func(a *huiqi.Application) { a.PolicyID = "" }), huiqi.EINVALID, `申报缺少政策或措施 (policy "", measure "m1")`},
		{"no measure", with(func(a *huiqi.Application) { a.MeasureID = "" }), huiqi.EINVALID, `申报缺少政策或措施 (policy "p1", measure "")`},
		{"unknown status", with(func(a *huiqi.Application) { a.Status = "paid" }), huiqi.EINVALID, `申报状态 "paid" 无效`},
		{"every status", firstErr(storekit.CheckAppStatus(huiqi.AppDraft), storekit.CheckAppStatus(huiqi.AppSubmitted),
			storekit.CheckAppStatus(huiqi.AppUnderReview), storekit.CheckAppStatus(huiqi.AppReturned),
			storekit.CheckAppStatus(huiqi.AppResubmitted), storekit.CheckAppStatus(huiqi.AppApproved),
			storekit.CheckAppStatus(huiqi.AppRejected), storekit.CheckAppStatus(huiqi.AppDisbursed)), "", ""},
	})
}

func TestCheckNewApplication(t *testing.T) {
	a := &huiqi.Application{UserID: "u_1", PolicyID: "p1", MeasureID: "m1"}
	if err := storekit.CheckNewApplication(a, &huiqi.AuditEntry{}); err != nil || a.Status != huiqi.AppDraft {
		t.Fatalf("CheckNewApplication = %v, status %q; want nil, draft", err, a.Status)
	}
	runChecks(t, []checkCase{
		{"nil", storekit.CheckNewApplication(nil, nil), huiqi.EINVALID, "申报为空"},
		{"no audit", storekit.CheckNewApplication(a, nil), huiqi.EINVALID, "create application: an audit entry is required"},
	})
}

func TestCheckUpdate(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	a := &huiqi.Application{UserID: "u_1", PolicyID: "p1", MeasureID: "m1", Status: huiqi.AppApproved}
	ev := &huiqi.AuditEntry{}
	at := time.Date(2026, 11, 20, 18, 0, 0, 1500, time.FixedZone("CST", 8*3600))
	tests := []struct {
		name string
		step *huiqi.ApplicationStep
		want huiqi.ApplicationStep
	}{
		{"no step", nil, huiqi.ApplicationStep{}},
		{"the application's status, now", &huiqi.ApplicationStep{By: "u_2"}, huiqi.ApplicationStep{Status: huiqi.AppApproved, By: "u_2", At: now}},
		{"its own status and time", &huiqi.ApplicationStep{Status: huiqi.AppReturned, At: at},
			huiqi.ApplicationStep{Status: huiqi.AppReturned, At: time.Date(2026, 11, 20, 10, 0, 0, 1000, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := storekit.CheckUpdate(a, tt.step, ev, now)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckUpdate = %+v, %v, want %+v", got, err, tt.want)
			}
		})
	}
	runChecks(t, []checkCase{
		{"bad application", second(storekit.CheckUpdate(&huiqi.Application{}, nil, ev, now)), huiqi.EINVALID, "申报缺少申报用户"},
		{"no audit", second(storekit.CheckUpdate(a, nil, nil, now)), huiqi.EINVALID, "update application: an audit entry is required"},
		{"bad step status", second(storekit.CheckUpdate(a, &huiqi.ApplicationStep{Status: "x"}, ev, now)), huiqi.EINVALID, `申报状态 "x" 无效`},
	})
}

func second[T any](_ T, err error) error { return err }

func TestForm(t *testing.T) {
	for _, tt := range []struct {
		name   string
		in     map[string]string
		stored string
		out    map[string]string
	}{
		{"none", nil, "{}", nil},
		{"empty", map[string]string{}, "{}", nil},
		{"two", map[string]string{"b": "2", "a": "甲"}, `{"a":"甲","b":"2"}`, map[string]string{"a": "甲", "b": "2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := storekit.EncodeForm(tt.in)
			if s != tt.stored {
				t.Fatalf("EncodeForm = %s, want %s", s, tt.stored)
			}
			got, err := storekit.DecodeForm([]byte(s))
			if err != nil || !reflect.DeepEqual(got, tt.out) {
				t.Errorf("DecodeForm(%s) = %#v, %v, want %#v", s, got, err, tt.out)
			}
		})
	}
	if _, err := storekit.DecodeForm([]byte("[]")); err == nil {
		t.Errorf("DecodeForm of an array did not fail")
	}
}
