package server_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestApplyFiles: a body larger than one file's limit is cut off before
// it is read and nothing is stored; a file is removed with its form, and
// its download is gone.
func TestApplyFiles(t *testing.T) {
	ps := servePlatform(t)
	v, _ := applicant(t, ps, "13800138030")
	path := startApplication(t, v)
	id := strings.TrimPrefix(path, "/applications/")
	_, page := v.get(path)
	csrf := pageCSRF(t, page)
	if !strings.Contains(page, `enctype="multipart/form-data"`) || !strings.Contains(page, "20.0 MB") {
		t.Error("the upload form does not say its limit")
	}
	huge := append(pngBytes(t), bytes.Repeat([]byte{0}, 21<<20)...)
	if res, body := v.upload(path+"/files", csrf, "大.png", huge); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "不超过") {
		t.Errorf("a 21 MB file: %d %s", res.StatusCode, errorText(body))
	}
	if res, body := v.upload(path+"/files", csrf, "执照.png", pngBytes(t)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", res.StatusCode, errorText(body))
	}
	a, err := ps.Store.FindApplication(context.Background(), id)
	if err != nil || len(a.Attachments) != 1 {
		t.Fatalf("attachments %+v, %v", a.Attachments, err)
	}
	file := path + "/files/" + a.Attachments[0].ID
	_, page = v.get(path)
	if !strings.Contains(page, `action="`+file+`/delete"`) {
		t.Fatal("the page has no form removing the file")
	}
	if res, _ := v.postForm(file+"/delete", url.Values{"csrf": {"forged"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("remove with a forged token: %d", res.StatusCode)
	}
	if res, _ := v.postForm(file+"/delete", url.Values{"csrf": {csrf}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("remove: %d", res.StatusCode)
	}
	if res, _ := v.get(file); res.StatusCode != http.StatusNotFound {
		t.Errorf("download of a removed file: %d", res.StatusCode)
	}
}
