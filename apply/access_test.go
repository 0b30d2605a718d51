package apply

import (
	"fmt"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// testForeignEnterprise: another enterprise's user can neither read,
// edit, attach to, download from, remove from nor submit an application,
// and is told it does not exist; nor start one for an enterprise it is
// not bound to.
func testForeignEnterprise(t *testing.T, f *fixture) {
	a := f.start()
	att, err := f.svc.Attach(f.ctx, f.owner, a.ID, "执照.png", pngFile(t))
	if err != nil {
		t.Fatal(err)
	}
	u := f.other
	_, err = f.svc.Get(f.ctx, u, a.ID)
	wantCode(t, "read", err, huiqi.ENOTFOUND)
	_, err = f.svc.Save(f.ctx, u, a.ID, 0, map[string]string{FieldStatement: "x"})
	wantCode(t, "save", err, huiqi.ENOTFOUND)
	_, err = f.svc.Attach(f.ctx, u, a.ID, "x.png", pngFile(t))
	wantCode(t, "attach", err, huiqi.ENOTFOUND)
	_, _, err = f.svc.File(f.ctx, u, a.ID, att.ID)
	wantCode(t, "download", err, huiqi.ENOTFOUND)
	wantCode(t, "remove", f.svc.Remove(f.ctx, u, a.ID, att.ID), huiqi.ENOTFOUND)
	wantCode(t, "request a code", f.svc.RequestSubmitCode(f.ctx, u, a.ID, "203.0.113.7"), huiqi.ENOTFOUND)
	_, err = f.svc.Submit(f.ctx, u, a.ID, 0, "123456")
	wantCode(t, "submit", err, huiqi.ENOTFOUND)
	_, err = f.svc.Get(f.ctx, u, "ap_nosuchapplication")
	wantCode(t, "read an unknown one", err, huiqi.ENOTFOUND)
	if list, n, err := f.svc.Mine(f.ctx, u, huiqi.ApplicationFilter{Limit: 10}); err != nil || n != 0 || len(list) != 0 {
		t.Fatalf("other's list: %v %d %v", list, n, err)
	}
	_, _, err = f.svc.Start(f.ctx, u, ownCode, f.policy.ID, f.measure.ID)
	wantCode(t, "start for an enterprise not bound", err, huiqi.EFORBIDDEN)
	_, _, err = f.svc.Start(f.ctx, f.reviewer, ownCode, f.policy.ID, f.measure.ID)
	wantCode(t, "a reviewer starts", err, huiqi.EFORBIDDEN)
	_, _, err = f.svc.Start(f.ctx, f.owner, ownCode, f.policy.ID, "m_nosuchmeasure_1")
	wantCode(t, "start an unknown measure", err, huiqi.ENOTFOUND)
	_, _, err = f.svc.Start(f.ctx, nil, ownCode, f.policy.ID, f.measure.ID)
	wantCode(t, "nobody starts", err, huiqi.EUNAUTHORIZED)
	// The owner still can.
	if _, data, err := f.svc.File(f.ctx, f.owner, a.ID, att.ID); err != nil || len(data) != int(att.Size) {
		t.Fatalf("owner's download: %v, %d bytes", err, len(data))
	}
	_, _, err = f.svc.File(f.ctx, f.reviewer, a.ID, att.ID)
	wantCode(t, "a reviewer downloads from a draft", err, huiqi.ENOTFOUND)
	f.submit(a.ID)
	if _, _, err := f.svc.File(f.ctx, f.reviewer, a.ID, att.ID); err != nil {
		t.Fatalf("reviewer's download once submitted: %v", err)
	}
}

// testOtherRegion: a reviewer of another region, or an officer, neither
// sees an application nor moves it, and their queue leaves it out.
func testOtherRegion(t *testing.T, f *fixture) {
	a := f.start()
	a = f.submit(a.ID)
	for _, u := range []*huiqi.User{f.far, f.officer} {
		_, err := f.svc.Get(f.ctx, u, a.ID)
		wantCode(t, u.Username+" reads", err, huiqi.ENOTFOUND)
		_, err = f.svc.Review(f.ctx, u, a.ID, Move{Action: Take})
		wantCode(t, u.Username+" takes", err, huiqi.ENOTFOUND)
		_, _, err = f.svc.File(f.ctx, u, a.ID, "f_x")
		wantCode(t, u.Username+" downloads", err, huiqi.ENOTFOUND)
	}
	list, n, err := f.svc.Queue(f.ctx, f.far, huiqi.ApplicationFilter{Limit: 10}, "")
	if err != nil || n != 0 || len(list) != 0 {
		t.Fatalf("far reviewer's queue: %v %d %v", list, n, err)
	}
	_, _, err = f.svc.Queue(f.ctx, f.far, huiqi.ApplicationFilter{Limit: 10}, a.RegionCode)
	wantCode(t, "far reviewer filters by the region", err, huiqi.EFORBIDDEN)
	_, _, err = f.svc.Queue(f.ctx, f.officer, huiqi.ApplicationFilter{Limit: 10}, "")
	wantCode(t, "officer's queue", err, huiqi.EFORBIDDEN)
	_, _, err = f.svc.Queue(f.ctx, f.owner, huiqi.ApplicationFilter{Limit: 10}, "")
	wantCode(t, "enterprise's queue", err, huiqi.EFORBIDDEN)
	for _, u := range []*huiqi.User{f.reviewer, f.admin} {
		list, n, err := f.svc.Queue(f.ctx, u, huiqi.ApplicationFilter{Limit: 10, Statuses: []huiqi.ApplicationStatus{huiqi.AppSubmitted}}, a.RegionCode)
		if err != nil || n != 1 || len(list) != 1 || list[0].ID != a.ID {
			t.Fatalf("%s's queue: %v %d %v", u.Username, list, n, err)
		}
	}
}

// testSubmitCode: a wrong code, an expired one and a sign-in code do not
// submit; the right one does.
func testSubmitCode(t *testing.T, f *fixture) {
	a := f.start()
	code := f.submitCode(f.owner, a.ID)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	_, err := f.svc.Submit(f.ctx, f.owner, a.ID, 0, wrong)
	wantCode(t, "wrong code", err, huiqi.EUNAUTHORIZED)
	f.advance(6 * time.Minute)
	_, err = f.svc.Submit(f.ctx, f.owner, a.ID, 0, code)
	wantCode(t, "expired code", err, huiqi.EUNAUTHORIZED)
	if err := f.svc.Accounts.RequestCode(f.ctx, f.owner.Phone, huiqi.CodeSignIn, "203.0.113.7"); err != nil {
		t.Fatal(err)
	}
	msgs, err := f.db.Outbox(f.ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	signIn := sentCode.FindStringSubmatch(msgs[0].Text)[1]
	_, err = f.svc.Submit(f.ctx, f.owner, a.ID, 0, signIn)
	wantCode(t, "sign-in code", err, huiqi.EUNAUTHORIZED)
	_, err = f.svc.Submit(f.ctx, f.owner, a.ID, 0, "12ab")
	wantCode(t, "malformed code", err, huiqi.EINVALID)
	if now, _ := f.svc.Get(f.ctx, f.owner, a.ID); now.Status != huiqi.AppDraft || len(now.Steps) != 0 {
		t.Fatalf("refused codes moved the application: %s %v", now.Status, now.Steps)
	}
	f.advance(time.Minute)
	if a = f.submit(a.ID); a.Status != huiqi.AppSubmitted {
		t.Fatalf("right code: %s", a.Status)
	}
}

// testFiles: at most MaxFiles files; a file whose content is not its type
// is refused; removed files are gone.
func testFiles(t *testing.T, f *fixture) {
	a := f.start()
	_, err := f.svc.Attach(f.ctx, f.owner, a.ID, "报表.pdf", pngFile(t))
	wantCode(t, "a PNG named .pdf", err, huiqi.EINVALID)
	_, err = f.svc.Attach(f.ctx, f.owner, a.ID, "run.exe", []byte("MZ\x90\x00"))
	wantCode(t, "an executable", err, huiqi.EUNSUPPORTED)
	var first *huiqi.Attachment
	for i := range MaxFiles {
		att, err := f.svc.Attach(f.ctx, f.owner, a.ID, fmt.Sprintf("../../图%d.png", i), pngFile(t))
		if err != nil {
			t.Fatalf("file %d: %v", i, err)
		}
		if first == nil {
			first = att
		}
	}
	if first.Name != "图0.png" {
		t.Errorf("name %q not sanitised", first.Name)
	}
	_, err = f.svc.Attach(f.ctx, f.owner, a.ID, "多余.png", pngFile(t))
	wantCode(t, "file 11", err, huiqi.EINVALID)
	if err := f.svc.Remove(f.ctx, f.owner, a.ID, first.ID); err != nil {
		t.Fatal(err)
	}
	_, _, err = f.svc.File(f.ctx, f.owner, a.ID, first.ID)
	wantCode(t, "a removed file", err, huiqi.ENOTFOUND)
	if _, err := f.svc.Attach(f.ctx, f.owner, a.ID, "补.png", pngFile(t)); err != nil {
		t.Fatalf("after a removal: %v", err)
	}
}
