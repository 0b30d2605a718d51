package storetest

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// AuditedConsult is a huiqi.ConsultStore with its audit log, which the
// suite reads to check that every write left its entry.
type AuditedConsult interface {
	huiqi.ConsultStore
	huiqi.AuditLog
}

// RunConsult runs the suite of huiqi.ConsultStore; open returns a new,
// empty store (its audit log may hold earlier entries), closed by the
// suite when it has a Close method.
func RunConsult(t *testing.T, open func(t *testing.T) AuditedConsult) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s AuditedConsult)
	}{
		{"CreateFind", testThreadCreateFind},
		{"CreateInvalid", testThreadCreateInvalid},
		{"Answer", testThreadAnswer},
		{"AddMessageInvalid", testThreadAddInvalid},
		{"ListFilters", testThreadListFilters},
		{"ListPagingOrder", testThreadListPaging},
		{"Notifications", testNotifications},
		{"MarkRead", testNotificationsMarkRead},
		{"Notify", testNotify},
		{"AuditRefused", testThreadAuditRefused},
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

// NewThread returns a consultation of user about a policy of region: the
// question and the instant answer with its citation.
func NewThread(user, region string) *huiqi.Thread {
	q := "研发费用补助需要提交哪些材料?"
	return &huiqi.Thread{
		PolicyID: "pol_" + region, PolicyTitle: "关于支持科技型中小企业发展的若干措施", RegionCode: region,
		UserID: user, CreditCode: "91510100MA61R8XK2Q", Question: q,
		Messages: []huiqi.ThreadMessage{
			{By: user, ByName: "张三", Role: huiqi.RoleEnterprise, Text: q},
			{By: "huiqi", Text: "根据第三条第(二)项,需提交研发费用专项审计报告。", Citations: []huiqi.Provenance{{
				PolicyID: "pol_" + region, Version: 2, ClausePath: "第三条/（二）",
				Span: huiqi.Span{Start: 120, End: 186}, Text: "企业应提交经会计师事务所出具的研发费用专项审计报告",
			}}},
		},
	}
}

// createThread creates t, notifying notify, and checks what the store set
// and the audit entry.
func createThread(t *testing.T, s AuditedConsult, w *auditWatch, th *huiqi.Thread, notify ...huiqi.Notification) {
	t.Helper()
	if err := s.CreateThread(context.Background(), th, notify, event(th.UserID, "consult.ask")); err != nil {
		t.Fatalf("CreateThread: %v", err)
	}
	if !strings.HasPrefix(th.ID, "th_") || th.Status != huiqi.ThreadOpen || th.CreatedAt.IsZero() || !th.UpdatedAt.Equal(th.CreatedAt) {
		t.Fatalf("CreateThread set ID %q, status %q, times %v %v", th.ID, th.Status, th.CreatedAt, th.UpdatedAt)
	}
	for i, m := range th.Messages {
		if m.ID == 0 || m.At.IsZero() || i > 0 && m.ID <= th.Messages[i-1].ID {
			t.Fatalf("CreateThread set message %d ID %d at %v", i, m.ID, m.At)
		}
	}
	w.expect(t, "consult.ask", "thread:"+th.ID, th.RegionCode)
}

// addMessage appends m to th with status and checks the entry.
func addMessage(t *testing.T, s AuditedConsult, w *auditWatch, th *huiqi.Thread, m *huiqi.ThreadMessage, status huiqi.ThreadStatus, notify ...huiqi.Notification) {
	t.Helper()
	if err := s.AddMessage(context.Background(), th.ID, m, status, notify, event(m.By, "consult.reply")); err != nil {
		t.Fatalf("AddMessage(%s): %v", th.ID, err)
	}
	if m.ID == 0 || m.At.IsZero() {
		t.Fatalf("AddMessage set ID %d at %v", m.ID, m.At)
	}
	w.expect(t, "consult.reply", "thread:"+th.ID, th.RegionCode)
}

func findThread(t *testing.T, s huiqi.ConsultStore, id string) *huiqi.Thread {
	t.Helper()
	th, err := s.FindThread(context.Background(), id)
	if err != nil {
		t.Fatalf("FindThread(%s): %v", id, err)
	}
	return th
}

func sameThread(t *testing.T, what string, got, want *huiqi.Thread) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, *got, *want)
	}
}

// notifications lists a user's notifications and fails on error.
func notifications(t *testing.T, s huiqi.ConsultStore, user string, unread bool, limit int) []huiqi.Notification {
	t.Helper()
	ns, err := s.Notifications(context.Background(), user, unread, limit)
	if err != nil {
		t.Fatalf("Notifications(%s): %v", user, err)
	}
	return ns
}

// micro is a time as every store keeps it.
func storedTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
