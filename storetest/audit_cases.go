package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func testAuditFirst(t *testing.T, l huiqi.AuditLog) {
	es, err := l.AuditEntries(context.Background(), 0, 10)
	if err != nil || len(es) != 0 {
		t.Fatalf("empty log: %v, %v", es, err)
	}
	e := &huiqi.AuditEntry{Actor: "u_admin", Action: "user.create", Object: "user:u_x", Region: "510100",
		Detail: `{"role":"officer","name":"张三"}`}
	before := time.Now().Add(-time.Minute)
	appendAudit(t, l, e)
	if e.Seq != 1 || e.PrevHash != huiqi.AuditGenesis || e.Hash != e.ComputeHash() || e.At.Before(before) {
		t.Fatalf("first entry sealed as %+v", e)
	}
	es = mustVerifyAudit(t, l, 1)
	if !reflect.DeepEqual(es[0], *e) {
		t.Errorf("read back\n%+v\nwant\n%+v", es[0], *e)
	}
}

func testAuditChain(t *testing.T, l huiqi.AuditLog) {
	var prev *huiqi.AuditEntry
	for i := range 12 {
		e := &huiqi.AuditEntry{Actor: "system", Action: "session.sign_in", Object: fmt.Sprintf("user:u_%d", i)}
		appendAudit(t, l, e)
		if prev != nil && (e.Seq != prev.Seq+1 || e.PrevHash != prev.Hash) {
			t.Fatalf("entry %+v does not follow %+v", e, prev)
		}
		if prev != nil && e.At.Before(prev.At) {
			t.Errorf("entry %d at %v, before entry %d at %v", e.Seq, e.At, prev.Seq, prev.At)
		}
		prev = e
	}
	es := mustVerifyAudit(t, l, 12)
	if es[11] != *prev {
		t.Errorf("last entry read back %+v, want %+v", es[11], *prev)
	}
}

func testAuditPaging(t *testing.T, l huiqi.AuditLog) {
	for i := range 7 {
		appendAudit(t, l, &huiqi.AuditEntry{Actor: "system", Action: "test.page", Object: fmt.Sprint(i)})
	}
	for _, tc := range []struct {
		after     int64
		limit     int
		wantFirst int64
		wantN     int
	}{{0, 3, 1, 3}, {3, 3, 4, 3}, {6, 3, 7, 1}, {7, 3, 0, 0}, {0, 100, 1, 7}} {
		es, err := l.AuditEntries(context.Background(), tc.after, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != tc.wantN || (tc.wantN > 0 && es[0].Seq != tc.wantFirst) {
			t.Errorf("AuditEntries(%d, %d) = %d entries from %v, want %d from %d", tc.after, tc.limit, len(es), es, tc.wantN, tc.wantFirst)
		}
	}
}

// testAuditGivenTime: a time the caller gives is kept to the microsecond,
// in UTC, and the hash covers it as stored.
func testAuditGivenTime(t *testing.T, l huiqi.AuditLog) {
	at := time.Date(2026, 3, 8, 9, 30, 15, 123456789, time.FixedZone("CST", 8*3600))
	e := &huiqi.AuditEntry{At: at, Actor: "u_r", Action: "application.review", Object: "application:ap_1"}
	appendAudit(t, l, e)
	want := time.Date(2026, 3, 8, 1, 30, 15, 123456000, time.UTC)
	es := mustVerifyAudit(t, l, 1)
	if !e.At.Equal(want) || es[0].At != want {
		t.Errorf("sealed at %v, read back %v, want %v", e.At, es[0].At, want)
	}
}

func testAuditInvalid(t *testing.T, l huiqi.AuditLog) {
	ctx := context.Background()
	wantCode(t, "AppendAudit(nil)", l.AppendAudit(ctx, nil), huiqi.EINVALID)
	wantCode(t, "AppendAudit without actor", l.AppendAudit(ctx, &huiqi.AuditEntry{Action: "x.y"}), huiqi.EINVALID)
	wantCode(t, "AppendAudit without action", l.AppendAudit(ctx, &huiqi.AuditEntry{Actor: "system"}), huiqi.EINVALID)
	_, err := l.AuditEntries(ctx, 0, 0)
	wantCode(t, "AuditEntries(limit 0)", err, huiqi.EINVALID)
	mustVerifyAudit(t, l, 0)
}

// testAuditConcurrent: appenders at once each get their own place in one
// unbroken chain.
func testAuditConcurrent(t *testing.T, l huiqi.AuditLog) {
	const goroutines, each = 16, 10
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, goroutines*each)
	for g := range goroutines {
		wg.Go(func() {
			<-start
			for i := range each {
				errs <- l.AppendAudit(context.Background(), &huiqi.AuditEntry{Actor: fmt.Sprintf("u_%d", g),
					Action: "test.concurrent", Object: fmt.Sprintf("n:%d", i)})
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent append: %v", err)
		}
	}
	seen := map[string]bool{}
	for _, e := range mustVerifyAudit(t, l, goroutines*each) {
		k := e.Actor + " " + e.Object
		if seen[k] {
			t.Errorf("entry %s appended twice", k)
		}
		seen[k] = true
	}
}
