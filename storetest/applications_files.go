package storetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// addFile attaches data to a and checks what the store set and the entry.
func addFile(t *testing.T, s AuditedApplications, w *auditWatch, a *huiqi.Application, name string, data []byte) *huiqi.Attachment {
	t.Helper()
	att := &huiqi.Attachment{Name: name, ContentType: "application/octet-stream"}
	if err := s.AddAttachment(context.Background(), a.ID, att, data, 0, event(a.UserID, "application.attach")); err != nil {
		t.Fatalf("AddAttachment(%s, %s): %v", a.ID, name, err)
	}
	sum := sha256.Sum256(data)
	if !strings.HasPrefix(att.ID, "f_") || att.AddedAt.IsZero() || att.Size != int64(len(data)) || att.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("AddAttachment set %+v", *att)
	}
	w.expect(t, "application.attach", "application:"+a.ID, a.RegionCode)
	return att
}

// readFile reads a file back and checks it byte for byte.
func readFile(t *testing.T, s huiqi.ApplicationStore, appID string, want *huiqi.Attachment, data []byte) {
	t.Helper()
	got, b, err := s.AttachmentData(context.Background(), appID, want.ID)
	if err != nil {
		t.Fatalf("AttachmentData(%s, %s): %v", appID, want.ID, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AttachmentData metadata\n got %+v\nwant %+v", *got, *want)
	}
	if !bytes.Equal(b, data) {
		t.Errorf("AttachmentData(%s): %d bytes differ from the %d stored", want.ID, len(b), len(data))
	}
}

func testAppAttachments(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	ctx := context.Background()
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	license := addFile(t, s, w, a, "营业执照.pdf", []byte("%PDF-1.7 营业执照"))
	report := addFile(t, s, w, a, "审计报告.pdf", []byte("%PDF-1.7 审计报告"))
	empty := addFile(t, s, w, a, "空白.txt", nil)
	readFile(t, s, a.ID, license, []byte("%PDF-1.7 营业执照"))
	readFile(t, s, a.ID, empty, nil)
	got := findApp(t, s, a.ID)
	if len(got.Attachments) != 3 || !reflect.DeepEqual(got.Attachments[:2], []huiqi.Attachment{*license, *report}) {
		t.Fatalf("application lists files %+v, want the three added in order", got.Attachments)
	}
	if got.Revision != 1 {
		t.Errorf("files changed the revision to %d: they are not edits of the form", got.Revision)
	}
	if err := s.RemoveAttachment(ctx, a.ID, license.ID, event("u_ent1", "application.detach")); err != nil {
		t.Fatal(err)
	}
	w.expect(t, "application.detach", "application:"+a.ID, a.RegionCode)
	_, _, err := s.AttachmentData(ctx, a.ID, license.ID)
	wantCode(t, "AttachmentData(removed)", err, huiqi.ENOTFOUND)
	wantCode(t, "RemoveAttachment(removed)", s.RemoveAttachment(ctx, a.ID, license.ID, event("u_ent1", "application.detach")), huiqi.ENOTFOUND)
	wantCode(t, "RemoveAttachment(nil entry)", s.RemoveAttachment(ctx, a.ID, report.ID, nil), huiqi.EINVALID)
	w.expectNone(t, "failed removals")
	if got := findApp(t, s, a.ID); len(got.Attachments) != 2 || got.Attachments[0].ID != report.ID {
		t.Errorf("after removal the application lists %+v", got.Attachments)
	}
	readFile(t, s, a.ID, report, []byte("%PDF-1.7 审计报告"))
}

// testAppAttachmentOther: a file is found only through its own
// application, so a caller that checked access to one application cannot
// read or remove another's files by their IDs.
func testAppAttachmentOther(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	ctx := context.Background()
	mine, theirs := NewApplication("u_ent1", "510105"), NewApplication("u_ent2", "510105")
	createApp(t, s, w, mine)
	createApp(t, s, w, theirs)
	secret := addFile(t, s, w, theirs, "财务报表.xlsx", []byte("their figures"))
	_, b, err := s.AttachmentData(ctx, mine.ID, secret.ID)
	wantCode(t, "AttachmentData(another application's file)", err, huiqi.ENOTFOUND)
	if b != nil {
		t.Errorf("another application's file leaked %d bytes", len(b))
	}
	err = s.RemoveAttachment(ctx, mine.ID, secret.ID, event("u_ent1", "application.detach"))
	wantCode(t, "RemoveAttachment(another application's file)", err, huiqi.ENOTFOUND)
	_, _, err = s.AttachmentData(ctx, "ap_none", secret.ID)
	wantCode(t, "AttachmentData(no such application)", err, huiqi.ENOTFOUND)
	w.expectNone(t, "reaching another application's file")
	readFile(t, s, theirs.ID, secret, []byte("their figures"))
}

func testAppBigAttachment(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	data := make([]byte, 5<<20)
	rand.Read(data)
	att := addFile(t, s, w, a, "设备清单扫描件.pdf", data)
	readFile(t, s, a.ID, att, data)
}

// testAppFileLimit: twelve concurrent additions onto an application holding
// eight files with a limit of ten leave exactly ten, the others refused.
func testAppFileLimit(t *testing.T, s AuditedApplications) {
	w := watchAudit(t, s)
	a := NewApplication("u_ent1", "510105")
	createApp(t, s, w, a)
	for i := range 8 {
		addFile(t, s, w, a, fmt.Sprintf("材料%d.pdf", i), []byte("%PDF"))
	}
	errs := make([]error, 12)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			att := &huiqi.Attachment{Name: fmt.Sprintf("并发%d.pdf", i)}
			errs[i] = s.AddAttachment(context.Background(), a.ID, att, []byte("%PDF"), 10, event("u_ent1", "application.attach"))
		}()
	}
	wg.Wait()
	added := 0
	for i, err := range errs {
		switch huiqi.ErrorCode(err) {
		case "":
			added++
		case huiqi.EINVALID:
		default:
			t.Errorf("addition %d: %v", i, err)
		}
	}
	if n := len(w.verified(t)) - w.seen; n != 2 {
		t.Errorf("the concurrent additions left %d audit entries, want 2", n)
	}
	if got := findApp(t, s, a.ID); len(got.Attachments) != 10 || added != 2 {
		t.Errorf("%d additions succeeded and the application holds %d files, want 2 and 10", added, len(got.Attachments))
	}
	att := &huiqi.Attachment{Name: "再来一个.pdf"}
	wantCode(t, "AddAttachment(eleventh)", s.AddAttachment(context.Background(), a.ID, att, []byte("%PDF"), 10, event("u_ent1", "application.attach")), huiqi.EINVALID)
}
