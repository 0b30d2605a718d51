package portal

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// postedForm reads a posted form of the platform's pages and checks that
// it came from this site's own page: the browser's Sec-Fetch-Site and
// Origin, and the CSRF token of its cookie. A form that fails is answered
// with a 403 page and false.
func (h *handler) postedForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "表单无法读取（不超过 %d KB）", maxFormBody>>10))
		return false
	}
	if crossOrigin.Check(r) != nil || !csrfOK(r) {
		h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "表单已失效或来自其他网站，未处理。请返回上一页，刷新后重新提交。"))
		return false
	}
	return true
}

// localPath returns next when it is a path of this site, else "": never
// another origin (//host, /\host, a scheme), never control characters.
func localPath(next string) string {
	if next == "" || len(next) > 2048 || next[0] != '/' || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return ""
	}
	for i := 0; i < len(next); i++ {
		if next[i] < 0x20 || next[i] == 0x7f || next[i] == '\\' {
			return ""
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	return next
}

// noStore marks a page that must not be cached: it shows an account.
func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
}
