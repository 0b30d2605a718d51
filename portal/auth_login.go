package portal

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// loginCode answers POST /login/code: sends a sign-in code to the number
// and shows the form for it, the number kept. The limits (one code a
// minute per number, a few per day, per client address) answer 429 with
// when to try again.
func (h *handler) loginCode(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	lp := loginPage{Step: stepPhone, Phone: strings.TrimSpace(r.PostFormValue("phone")), Next: localPath(r.PostFormValue("next"))}
	phone, err := account.NormalizePhone(lp.Phone)
	if err != nil {
		h.loginFailed(w, r, lp, err)
		return
	}
	lp.Phone = phone
	if err := h.plat.Accounts.RequestCode(r.Context(), phone, huiqi.CodeSignIn, clientIP(r)); err != nil {
		if huiqi.ErrorCode(err) == huiqi.ELIMITED {
			lp.Step = stepCode // a code sent a moment ago may still be typed
		}
		h.loginFailed(w, r, lp, err)
		return
	}
	lp.Step = stepCode
	h.showLogin(w, r, http.StatusOK, lp)
}

// loginWithCode answers POST /login: signs an enterprise user in with the
// code, under a new session, and goes on to next.
func (h *handler) loginWithCode(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	lp := loginPage{Step: stepCode, Phone: strings.TrimSpace(r.PostFormValue("phone")), Next: localPath(r.PostFormValue("next"))}
	if p, err := account.NormalizePhone(lp.Phone); err == nil {
		lp.Phone = p
	} else {
		lp.Step = stepPhone
		h.loginFailed(w, r, lp, err)
		return
	}
	in, err := h.plat.Accounts.SignInWithCode(r.Context(), lp.Phone, r.PostFormValue("code"), clientIP(r), r.UserAgent())
	if err != nil {
		h.loginFailed(w, r, lp, err)
		return
	}
	h.startSession(w, r, in)
	if err := h.adoptDraft(r, in.User); err != nil {
		h.log.Error("portal: keep the draft profile at sign-in", "user", in.User.ID, "err", err)
	}
	h.afterSignIn(w, r, lp.Next, "/account")
}

// staffLogin answers POST /login/staff: signs a staff member in with
// username and password.
func (h *handler) staffLogin(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	lp := loginPage{Step: stepStaff, Username: strings.TrimSpace(r.PostFormValue("username")), Next: localPath(r.PostFormValue("next"))}
	in, err := h.plat.Accounts.SignInWithPassword(r.Context(), lp.Username, r.PostFormValue("password"), clientIP(r), r.UserAgent())
	if err != nil {
		h.loginFailed(w, r, lp, err)
		return
	}
	h.startSession(w, r, in)
	h.afterSignIn(w, r, lp.Next, "/staff")
}

// startSession gives the browser the new session's cookie, ending the
// session it held before: every sign-in is under a token made for it.
func (h *handler) startSession(w http.ResponseWriter, r *http.Request, in *account.SignedIn) {
	if old := viewerOf(r).Token; old != "" && old != in.Token {
		if err := h.plat.Accounts.SignOut(r.Context(), old); err != nil {
			h.log.Error("portal: end the previous session", "err", err)
		}
	}
	maxAge := int(in.Session.ExpiresAt.Sub(in.Session.CreatedAt).Seconds())
	setCookie(w, r, sessionCookie, in.Token, maxAge)
}

// afterSignIn goes on to next, a path of this site, or to the default.
func (h *handler) afterSignIn(w http.ResponseWriter, r *http.Request, next, def string) {
	if next = localPath(next); next == "" || strings.HasPrefix(next, "/login") {
		next = def
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}
