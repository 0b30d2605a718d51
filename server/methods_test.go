package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestPortalMethods checks that the portal's pages answer other methods than
// GET and HEAD with a 405, an Allow header and a Chinese page, and unknown
// paths with a Chinese 404 page, whatever the method.
func TestPortalMethods(t *testing.T) {
	f, srv := serve(t)
	pages := []string{"/", "/search", "/policies/{id}", "/policies/{id}/diff", "/policies/{id}/original", "/coming/apply", "/static/site.css"}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		for _, path := range pages {
			t.Run(method+" "+path, func(t *testing.T) {
				status, hdr, body := do(t, method, srv.URL+expand(path, f))
				if status != http.StatusMethodNotAllowed {
					t.Fatalf("status %d, want 405", status)
				}
				if hdr.Get("Allow") != "GET, HEAD" {
					t.Errorf("Allow %q, want GET, HEAD", hdr.Get("Allow"))
				}
				wantChinesePage(t, hdr, body, "<title>不支持的请求方式 · ", "<h1>不支持的请求方式</h1>", "不接受 "+method+" 请求", `href="/static/site.css"`)
			})
		}
		t.Run(method+" unknown", func(t *testing.T) {
			status, hdr, body := do(t, method, srv.URL+"/nothing/here")
			if status != http.StatusNotFound {
				t.Fatalf("status %d, want 404", status)
			}
			wantChinesePage(t, hdr, body, "<title>未找到 · ", "<h1>未找到</h1>", "页面不存在", `href="/static/site.css"`)
		})
	}
	t.Run("DELETE a form", func(t *testing.T) {
		status, hdr, body := do(t, http.MethodDelete, srv.URL+"/enterprise")
		if status != http.StatusMethodNotAllowed || hdr.Get("Allow") != "GET, HEAD, POST" {
			t.Fatalf("status %d, Allow %q; want 405 and GET, HEAD, POST", status, hdr.Get("Allow"))
		}
		wantChinesePage(t, hdr, body, "此页面只接受 GET、HEAD、POST 请求，不接受 DELETE 请求。")
	})
	for _, path := range pages {
		if status, _, _ := do(t, http.MethodHead, srv.URL+expand(path, f)); status != http.StatusOK {
			t.Errorf("HEAD %s: status %d, want 200", path, status)
		}
	}
}

func wantChinesePage(t *testing.T, hdr http.Header, body []byte, want ...string) {
	t.Helper()
	if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q, want HTML", ct)
	}
	for _, w := range append([]string{`<html lang="zh-CN">`}, want...) {
		if !strings.Contains(string(body), w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

// do sends a request without a body and returns the status, headers and body.
func do(t *testing.T, method, url string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, b
}
