package storetest

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// AuditedApplications is a huiqi.ApplicationStore with its audit log, which
// the suite reads to check that every write left its entry.
type AuditedApplications interface {
	huiqi.ApplicationStore
	huiqi.AuditLog
}

// RunApplications runs the suite of huiqi.ApplicationStore; open returns a
// new, empty store (its audit log may hold earlier entries), closed by the
// suite when it has a Close method.
func RunApplications(t *testing.T, open func(t *testing.T) AuditedApplications) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s AuditedApplications)
	}{
		{"CreateFind", testAppCreateFind},
		{"CreateInvalid", testAppCreateInvalid},
		{"NotFound", testAppNotFound},
		{"UpdateSteps", testAppUpdateSteps},
		{"UpdateUnknownStatus", testAppUpdateUnknownStatus},
		{"RevisionConflict", testAppRevisionConflict},
		{"ConcurrentUpdaters", testAppConcurrentUpdaters},
		{"FilterRegion", testAppFilterRegion},
		{"FilterFields", testAppFilterFields},
		{"Paging", testAppPaging},
		{"Order", testAppOrder},
		{"Attachments", testAppAttachments},
		{"AttachmentOfOtherApplication", testAppAttachmentOther},
		{"BigAttachment", testAppBigAttachment},
		{"FileLimit", testAppFileLimit},
		{"AuditRefused", testAppAuditRefused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if c, ok := s.(interface{ Close() error }); ok {
					if err := c.Close(); err != nil {
						t.Errorf("close: %v", err)
					}
				}
			})
			tt.fn(t, s)
		})
	}
}

// NewApplication returns a draft application of user for a measure of a
// policy of region, every field set.
func NewApplication(user, region string) *huiqi.Application {
	return &huiqi.Application{
		UserID: user, CreditCode: "91510100MA61R8XK2Q", EnterpriseName: "成都某某科技有限公司",
		PolicyID: "pol_" + region, PolicyVersion: 2, PolicyTitle: "关于支持科技型中小企业发展的若干措施",
		MeasureID: "m3", MeasureName: "研发费用补助", ClausePath: "第三条/（二）", RegionCode: region,
		Form:            map[string]string{"contact": "张三", "phone": "13800000000", "reason": "研发投入 310 万元"},
		ExpectedMinYuan: 100_000, ExpectedMaxYuan: 500_000,
	}
}

// createApp creates a and checks what the store set and the audit entry.
func createApp(t *testing.T, s AuditedApplications, w *auditWatch, a *huiqi.Application) {
	t.Helper()
	if err := s.CreateApplication(context.Background(), a, event(a.UserID, "application.create")); err != nil {
		t.Fatalf("CreateApplication: %v", err)
	}
	if !strings.HasPrefix(a.ID, "ap_") || len(a.ID) < 12 || a.Revision != 1 || a.Status != huiqi.AppDraft ||
		a.CreatedAt.IsZero() || !a.UpdatedAt.Equal(a.CreatedAt) {
		t.Fatalf("CreateApplication set ID %q, revision %d, status %q, times %v %v", a.ID, a.Revision, a.Status, a.CreatedAt, a.UpdatedAt)
	}
	w.expect(t, "application.create", "application:"+a.ID, a.RegionCode)
}

// updateApp updates a with step and checks the new revision and the entry.
func updateApp(t *testing.T, s AuditedApplications, w *auditWatch, a *huiqi.Application, step *huiqi.ApplicationStep, action string) {
	t.Helper()
	rev, actor := a.Revision, a.UserID
	if step != nil {
		actor = step.By
	}
	if err := s.UpdateApplication(context.Background(), a, step, event(actor, action)); err != nil {
		t.Fatalf("UpdateApplication(%s → %s): %v", a.ID, a.Status, err)
	}
	if a.Revision != rev+1 {
		t.Fatalf("UpdateApplication: revision %d, want %d", a.Revision, rev+1)
	}
	w.expect(t, action, "application:"+a.ID, a.RegionCode)
}

func findApp(t *testing.T, s huiqi.ApplicationStore, id string) *huiqi.Application {
	t.Helper()
	a, err := s.FindApplication(context.Background(), id)
	if err != nil {
		t.Fatalf("FindApplication(%s): %v", id, err)
	}
	return a
}

func sameApp(t *testing.T, what string, got, want *huiqi.Application) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, *got, *want)
	}
}
