package storekit_test

import (
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestRequireAudit(t *testing.T) {
	runChecks(t, []checkCase{
		{"given", storekit.RequireAudit(&huiqi.AuditEntry{}, "create thread"), "", ""},
		{"missing", storekit.RequireAudit(nil, "create thread"), huiqi.EINVALID, "create thread: an audit entry is required"},
		{"curator named", storekit.CheckCurator(&huiqi.AuditEntry{Actor: "u_1"}, "p1"), "", ""},
		{"no curation entry", storekit.CheckCurator(nil, "p1"), huiqi.EINVALID,
			"curating policy p1: an audit entry naming the officer is required"},
		{"curator not named", storekit.CheckCurator(&huiqi.AuditEntry{}, "p1"), huiqi.EINVALID,
			"curating policy p1: an audit entry naming the officer is required"},
	})
}

func TestWithObject(t *testing.T) {
	if storekit.WithObject(nil, "user:u_1") != nil {
		t.Errorf("WithObject(nil) is not nil")
	}
	if ev := storekit.WithObject(&huiqi.AuditEntry{}, "user:u_1"); ev.Object != "user:u_1" {
		t.Errorf("empty object = %q, want user:u_1", ev.Object)
	}
	if ev := storekit.WithObject(&huiqi.AuditEntry{Object: "token:t_1"}, "user:u_1"); ev.Object != "token:t_1" {
		t.Errorf("given object = %q, want it kept", ev.Object)
	}
}

func TestChangeAudit(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	ev := storekit.ChangeAudit(&huiqi.AuditEntry{Region: "old"}, "thread:th_1", "330400", at)
	if ev.Object != "thread:th_1" || ev.Region != "330400" || !ev.At.Equal(at) {
		t.Errorf("empty entry completed as %+v", ev)
	}
	given := at.Add(-time.Hour)
	ev = storekit.ChangeAudit(&huiqi.AuditEntry{Object: "application:ap_1", At: given}, "thread:th_1", "", at)
	if ev.Object != "application:ap_1" || ev.Region != "" || !ev.At.Equal(given) {
		t.Errorf("given object and time changed: %+v", ev)
	}
}
