package portal

import (
	"net/http"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// accountPage is the data of the account page.
type accountPage struct {
	User        *huiqi.User
	Enterprise  bool // an enterprise user, who binds enterprises
	Enterprises []bindingView
	// Claims are colleagues' unverified claims to the user's verified
	// enterprises, which the user may confirm.
	Claims []claimView
	// Pending says a binding waits for verification.
	Pending bool
	Tokens  []tokenView
	// NewToken is a token just created, shown this once.
	NewToken string
	// CreditCode, Name and RegionCode are what the bind form was sent with.
	CreditCode, Name, RegionCode string
	Error, Notice                string
	CSRF                         string
}

type bindingView struct {
	CreditCode, Name, BoundAt, Region string
	Verified                          bool
	VerifiedAt                        string
}

// claimView is a claim waiting for verification, as the pages list it.
type claimView struct {
	UserID, Who, CreditCode, Name, Region, BoundAt string
	// CodeRegion is the region of the registration authority the credit
	// code names (its 3rd to 8th characters), for the officer to compare.
	CodeRegion string
}

type tokenView struct {
	ID, Name, CreatedAt, LastUsed, RevokedAt string
}

// accountPage answers GET /account: the user, the bound enterprises, the
// API tokens and signing out everywhere.
func (h *handler) accountPage(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	if err := h.bindProfileCode(r.Context(), u); err != nil {
		h.log.Error("portal: bind the profile's enterprise", "user", u.ID, "err", err)
	}
	ap := accountPage{}
	switch {
	case r.URL.Query().Get("bound") != "":
		ap.Notice = "已绑定企业，待核验：核验后即可以该企业的名义申报。"
	case r.URL.Query().Get("confirmed") != "":
		ap.Notice = "已确认同事的企业绑定。"
	case r.URL.Query().Get("revoked") != "":
		ap.Notice = "已撤销令牌，使用它的调用将被拒绝。"
	}
	h.showAccount(w, r, http.StatusOK, u, ap)
}

// showAccount renders the account page of u with what ap already holds.
func (h *handler) showAccount(w http.ResponseWriter, r *http.Request, status int, u *huiqi.User, ap accountPage) {
	ctx := r.Context()
	ap.User, ap.Enterprise, ap.CSRF = u, u.Role == huiqi.RoleEnterprise, csrfToken(w, r)
	bound, err := h.plat.Users.Enterprises(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, b := range bound {
		ap.Enterprises = append(ap.Enterprises, bindingView{b.CreditCode, b.Name, clock(b.BoundAt), regionLabel(b.RegionCode),
			b.Verified, clockPtr(b.VerifiedAt)})
		ap.Pending = ap.Pending || !b.Verified
	}
	if ap.Claims, err = h.claimViews(ctx, h.plat.Accounts.ColleagueClaims, u); err != nil {
		h.fail(w, r, err)
		return
	}
	tokens, err := h.plat.Users.ListTokens(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for i := len(tokens) - 1; i >= 0; i-- { // newest first
		t := tokens[i]
		ap.Tokens = append(ap.Tokens, tokenView{t.ID, t.Name, clock(t.CreatedAt), clockPtr(t.LastUsedAt), clockPtr(t.RevokedAt)})
	}
	noStore(w)
	h.render(w, r, status, "account", page{Title: "账号", Data: ap, User: u, CSRF: ap.CSRF})
}

// clock is a time as the pages show it: Beijing time to the minute.
func clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(chinaTime).Format("2006-01-02 15:04")
}

func clockPtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return clock(*t)
}
