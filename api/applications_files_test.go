package api_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/sms"
)

// raw sends a request as who and returns the response and its body.
func (a *appsAPI) raw(who, method, path, contentType string, body []byte) (*http.Response, []byte) {
	a.t.Helper()
	req, _ := http.NewRequest(method, a.url+path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+a.tokens[who])
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	return res, b
}

// multipartFiles is a multipart/form-data body with one part per file
// name, each holding data.
func multipartFiles(t *testing.T, data []byte, names ...string) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, n := range names {
		fw, err := mw.CreateFormFile("file", n)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

func pngImage(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 5, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestApplicationFormFilesAPI: the applicant saves the form as of a
// revision (409 on a stale one), attaches, downloads and removes files;
// another enterprise and another region's reviewer get 404 for all of it,
// the region's reviewer downloads once the application is submitted.
func TestApplicationFormFilesAPI(t *testing.T) {
	a := newAppsAPI(t)
	const one = "/api/v1/applications/{id}"
	start := map[string]any{"credit_code": "91330100716105852F", "policy_id": a.policy.ID, "measure_id": a.measure.ID}
	id := a.call("owner", "POST", "/api/v1/applications", "/api/v1/applications", start, http.StatusCreated)["id"].(string)
	path := "/api/v1/applications/" + id

	saved := a.call("owner", "POST", path+"/form", one+"/form", map[string]any{"revision": 1, "form": map[string]string{"contact_name": "张三", "statement": "符合条件"}}, http.StatusOK)
	if saved["revision"] != float64(2) || saved["form"].(map[string]any)["statement"] != "符合条件" {
		t.Fatalf("saved %v", saved)
	}
	a.call("owner", "POST", path+"/form", one+"/form", map[string]any{"revision": 1, "form": map[string]string{"statement": "晚了"}}, http.StatusConflict)
	a.call("owner", "POST", path+"/form", one+"/form", map[string]any{"form": map[string]string{"statement": "x"}}, http.StatusBadRequest)
	a.call("owner", "POST", path+"/form", one+"/form", map[string]any{"revision": 2, "form": map[string]string{"match.status": "eligible"}}, http.StatusBadRequest)
	a.call("other", "POST", path+"/form", one+"/form", map[string]any{"revision": 2, "form": map[string]string{"statement": "x"}}, http.StatusNotFound)
	a.call("far", "POST", path+"/form", one+"/form", map[string]any{"revision": 2, "form": map[string]string{"statement": "x"}}, http.StatusNotFound)
	if res, _ := a.raw("owner", "POST", path+"/form", "text/plain", []byte("statement=x")); res.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("a form as text: %d", res.StatusCode)
	}

	img := pngImage(t)
	ct, body := multipartFiles(t, img, "营业执照.png")
	res, b := a.raw("owner", "POST", path+"/files", ct, body)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("attach: %d %s", res.StatusCode, b)
	}
	fid := strings.TrimPrefix(res.Header.Get("Location"), path+"/files/")
	if !strings.HasPrefix(fid, "f_") || !strings.Contains(string(b), `"content_type":"image/png"`) {
		t.Fatalf("attached at %q: %s", res.Header.Get("Location"), b)
	}
	for _, who := range []string{"other", "far", "reviewer"} {
		if res, b := a.raw(who, "POST", path+"/files", ct, body); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s attaches: %d %s", who, res.StatusCode, b)
		}
	}
	refused := map[string]func() (string, []byte){
		"two files":    func() (string, []byte) { return multipartFiles(t, img, "a.png", "b.png") },
		"not an image": func() (string, []byte) { return multipartFiles(t, []byte("MZ\x90\x00 not a png"), "照片.png") },
		"too big":      func() (string, []byte) { return multipartFiles(t, bytes.Repeat([]byte("x"), 2<<20), "大.pdf") },
	}
	for name, mk := range refused {
		ct, body := mk()
		if res, b := a.raw("owner", "POST", path+"/files", ct, body); res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"invalid"`) {
			t.Errorf("%s: %d %s", name, res.StatusCode, b)
		}
	}
	if res, _ := a.raw("owner", "POST", path+"/files", "application/json", []byte(`{}`)); res.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("a file as JSON: %d", res.StatusCode)
	}

	file := path + "/files/" + fid
	res, got := a.raw("owner", "GET", file, "", nil)
	if res.StatusCode != http.StatusOK || !bytes.Equal(got, img) {
		t.Fatalf("download: %d, %d bytes of %d", res.StatusCode, len(got), len(img))
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || res.Header.Get("X-Content-Type-Options") != "nosniff" ||
		res.Header.Get("Content-Type") != "image/png" {
		t.Errorf("download headers: %v", res.Header)
	}
	for _, who := range []string{"other", "far", "reviewer"} { // a draft is the applicant's own
		if res, b := a.raw(who, "GET", file, "", nil); res.StatusCode != http.StatusNotFound || bytes.Contains(b, img[:8]) {
			t.Errorf("%s downloads: %d", who, res.StatusCode)
		}
		if res, _ := a.raw(who, "DELETE", file, "", nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s removes: %d", who, res.StatusCode)
		}
	}
	if res, _ := a.raw("owner", "GET", path+"/files/f_none", "", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown file: %d", res.StatusCode)
	}

	// A second file, removed; the first is submitted with the application.
	ct, body = multipartFiles(t, img, "多余.png")
	res, _ = a.raw("owner", "POST", path+"/files", ct, body)
	extra := strings.TrimPrefix(res.Header.Get("Location"), path+"/files/")
	after := a.call("owner", "DELETE", path+"/files/"+extra, one+"/files/{fid}", nil, http.StatusOK)
	if atts := after["attachments"].([]any); len(atts) != 1 || atts[0].(map[string]any)["id"] != fid {
		t.Fatalf("after removal: %v", atts)
	}
	a.call("owner", "DELETE", path+"/files/"+extra, one+"/files/{fid}", nil, http.StatusNotFound)

	a.call("owner", "POST", path+"/submit", one+"/submit", map[string]any{}, http.StatusAccepted)
	msgs, err := a.db.Outbox(context.Background(), 1)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("outbox %v %v", msgs, err)
	}
	a.call("owner", "POST", path+"/submit", one+"/submit", map[string]any{"code": sms.Code(msgs[0].Text)}, http.StatusOK)
	if res, got := a.raw("reviewer", "GET", file, "", nil); res.StatusCode != http.StatusOK || !bytes.Equal(got, img) {
		t.Errorf("the region's reviewer downloads a submitted file: %d", res.StatusCode)
	}
	if res, _ := a.raw("far", "GET", file, "", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("another region's reviewer downloads a submitted file: %d", res.StatusCode)
	}
	a.call("owner", "DELETE", file, one+"/files/{fid}", nil, http.StatusForbidden)
	a.call("owner", "POST", path+"/form", one+"/form", map[string]any{"revision": 3, "form": map[string]string{"statement": "x"}}, http.StatusForbidden)
	a.call("reviewer", "DELETE", file, one+"/files/{fid}", nil, http.StatusForbidden)
}
