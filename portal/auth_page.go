package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/sms"
)

// loginPage is the data of the sign-in page, whose Step is one of its
// forms: the mobile number, the code sent to it, or a staff member's name
// and password.
type loginPage struct {
	Step     string // "phone", "code" or "staff"
	Phone    string
	Masked   string // the number with its middle hidden
	Minutes  int    // how long a code lives
	Username string
	Next     string
	Error    string
	Notice   string
	CSRF     string
	// SignedIn is who the browser is signed in as already, if anyone.
	SignedIn *huiqi.User
}

// Steps of the sign-in page.
const (
	stepPhone = "phone"
	stepCode  = "code"
	stepStaff = "staff"
)

// showLogin renders the sign-in page at a step with a status.
func (h *handler) showLogin(w http.ResponseWriter, r *http.Request, status int, lp loginPage) {
	lp.CSRF = csrfToken(w, r)
	lp.SignedIn = viewerOf(r).User
	if lp.Phone != "" {
		lp.Masked = sms.Mask(lp.Phone)
	}
	lp.Minutes = max(1, int(h.plat.Accounts.Config().CodeTTL.Minutes()))
	title := "登录"
	if lp.Step == stepStaff {
		title = "工作人员登录"
	}
	noStore(w)
	h.render(w, r, status, "login", page{Title: title, Data: lp, CSRF: lp.CSRF})
}

// loginFailed shows the sign-in page again with the error's message and a
// status by its code: a wrong or spent code is the form's fault (400),
// limits are 429.
func (h *handler) loginFailed(w http.ResponseWriter, r *http.Request, lp loginPage, err error) {
	status := api.StatusCode(err)
	switch status {
	case http.StatusInternalServerError:
		h.fail(w, r, err)
		return
	case http.StatusUnauthorized:
		status = http.StatusBadRequest // no WWW-Authenticate scheme for a form
	}
	lp.Error = huiqi.ErrorMessage(err)
	h.showLogin(w, r, status, lp)
}

// loginPage answers GET /login: the mobile number form.
func (h *handler) loginPage(w http.ResponseWriter, r *http.Request) {
	lp := loginPage{Step: stepPhone, Next: localPath(r.URL.Query().Get("next"))}
	if r.URL.Query().Get("signed_out") == "everywhere" {
		lp.Notice = "已在所有设备上退出登录。"
	}
	h.showLogin(w, r, http.StatusOK, lp)
}

// staffLoginPage answers GET /login/staff: the username and password form.
func (h *handler) staffLoginPage(w http.ResponseWriter, r *http.Request) {
	h.showLogin(w, r, http.StatusOK, loginPage{Step: stepStaff, Next: localPath(r.URL.Query().Get("next"))})
}
