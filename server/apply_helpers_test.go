package server_test

import (
	"bytes"
	"context"
	"html"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// applyCredit is the enterprise the applicant's profile names.
const applyCredit = "91330100716105852F"

// applicant signs a new visitor in with phone after filling 我的企业 (the
// draft becomes the user's profile and binds its credit code), and returns
// the visitor and the account.
func applicant(t *testing.T, ps *platformSite, phone string) (*visitor, *huiqi.User) {
	t.Helper()
	v := newVisitor(t, ps.URL)
	fields := nanhu()
	fields.Set("credit_code", applyCredit)
	if res, _ := v.post(fields); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the profile: %d", res.StatusCode)
	}
	ps.signIn(v, phone)
	ps.advance(61 * time.Second) // past the interval between codes to one number
	u, err := ps.Store.FindUserByPhone(context.Background(), phone)
	if err != nil {
		t.Fatal(err)
	}
	verifyBinding(t, ps, u, applyCredit)
	return v, u
}

var applyLink = regexp.MustCompile(`href="(/applications/new\?[^"]+)"`)

// startApplication follows the first 我要申报 button of the results page
// and starts the application; it returns the application's path.
func startApplication(t *testing.T, v *visitor) string {
	t.Helper()
	_, results := v.get("/enterprise/results")
	m := applyLink.FindStringSubmatch(results)
	if m == nil {
		t.Fatalf("the results have no 我要申报 button: %s", results)
	}
	res, page := v.get(html.UnescapeString(m[1]))
	if res.StatusCode != http.StatusOK || !strings.Contains(page, applyCredit) {
		t.Fatalf("the start page: %d, credit code listed %v", res.StatusCode, strings.Contains(page, applyCredit))
	}
	q, _ := url.ParseQuery(strings.SplitN(html.UnescapeString(m[1]), "?", 2)[1])
	res, body := v.postForm("/applications", url.Values{"csrf": {pageCSRF(t, page)}, "credit_code": {applyCredit},
		"policy": {q.Get("policy")}, "measure": {q.Get("measure")}})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/applications/ap_") {
		t.Fatalf("start: %d to %q %s", res.StatusCode, loc, errorText(body))
	}
	return loc
}

// pageCSRF is the CSRF token of a page's forms.
func pageCSRF(t *testing.T, page string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page has no CSRF token")
	}
	return m[1]
}

// revisionOf is the revision a page's form was made on.
func revisionOf(page string) string {
	if m := regexp.MustCompile(`name="revision" value="([0-9]+)"`).FindStringSubmatch(page); m != nil {
		return m[1]
	}
	return ""
}

// upload posts one file as multipart/form-data to path.
func (v *visitor) upload(path, csrf, name string, data []byte) (*http.Response, string) {
	v.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if csrf != "" {
		_ = mw.WriteField("csrf", csrf)
	}
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, v.base+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return v.do(req)
}

// pngBytes is a small valid PNG image.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
