package portal

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

//go:embed templates
var templateFS embed.FS

// pages holds one template set per page, each the layout plus that page, so
// pages may define the same block names.
type pages struct {
	byName map[string]*template.Template
}

func parsePages() (*pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("portal: parse %s: %w", n, err)
		}
		p.byName[n[len("templates/"):len(n)-len(".html")]] = t
	}
	return p, nil
}

// page is what every template gets: the page's own data and the layout's.
type page struct {
	Title string
	// Query fills the search box of the header.
	Query string
	Data  any
	// User is who is signed in (nil: nobody); Platform says whether
	// signing in is offered at all; CSRF is the token the header's
	// sign-out form repeats. render fills them.
	User     *huiqi.User
	Platform bool
	CSRF     string
	// Unread counts the signed-in user's unread notifications.
	Unread int
}

// render writes a page with the status; a template error becomes a 500
// before anything is sent, since the page is rendered into a buffer first.
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, name string, pg page) {
	t, ok := h.pages.byName[name]
	if !ok {
		h.log.Error("portal: no template", "name", name)
		http.Error(w, "内部错误", http.StatusInternalServerError)
		return
	}
	pg.Platform = h.plat != nil
	if pg.User == nil {
		pg.User = viewerOf(r).User
	}
	if pg.User != nil && pg.CSRF == "" {
		pg.CSRF = csrfToken(w, r)
	}
	if pg.User != nil {
		pg.Unread = h.unreadCount(r.Context(), pg.User)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, pg); err != nil {
		h.log.Error("portal: render", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "内部错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage is the data of the error template.
type errorPage struct {
	Status           int
	Heading, Message string
	// Detail is the error as the code states it (it names the parameter
	// and the problem), when it adds to Message.
	Detail string
}

// fail renders an error page, its status from the API's one table; internal
// errors are logged and shown without their details.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := api.StatusCode(err)
	if status == http.StatusInternalServerError {
		h.log.Error("portal request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	msg, detail := statusMessages[status], huiqi.ErrorMessage(err)
	switch {
	case status == http.StatusInternalServerError:
		msg, detail = "服务器内部错误，请稍后再试。", ""
	case msg == "":
		msg, detail = detail, ""
	case detail == pageNotFound:
		detail = ""
	}
	h.renderError(w, r, status, msg, detail)
}

// pageNotFound is the message of a path no page answers.
const pageNotFound = "页面不存在"

// statusMessages say in Chinese what an error status means to the reader;
// the error's own message, which names the parameter, follows as a detail.
var statusMessages = map[int]string{
	http.StatusBadRequest: "请求中的参数有误，请检查链接或筛选条件后重试。",
	http.StatusNotFound:   pageNotFound + "：您要找的页面或政策不存在，可能是链接有误，或政策已被删除。",
}

// renderError renders the error page with a status, a message and a detail.
func (h *handler) renderError(w http.ResponseWriter, r *http.Request, status int, msg, detail string) {
	title := statusTitle(status)
	h.render(w, r, status, "error", page{Title: title, Data: errorPage{status, title, msg, detail}})
}

// statusTitles are the error pages' headings; any other status is 出错了.
var statusTitles = map[int]string{
	http.StatusBadRequest:       "请求有误",
	http.StatusNotFound:         "未找到",
	http.StatusMethodNotAllowed: "不支持的请求方式",
}

// statusTitle is the Chinese heading of an error page.
func statusTitle(status int) string {
	if t, ok := statusTitles[status]; ok {
		return t
	}
	return "出错了"
}
