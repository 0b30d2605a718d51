package portal

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/region"
)

// Audit actions of the account pages.
const (
	actionEnterpriseBind = account.ActionBindingClaim
	actionTokenRevoke    = "token.revoke"
)

// accountBind answers POST /account/enterprises: the enterprise user
// claims an enterprise by its 统一社会信用代码, name and registered region.
// The claim acts for the enterprise once verified.
func (h *handler) accountBind(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok {
		return
	}
	ap := accountPage{CreditCode: strings.ToUpper(strings.TrimSpace(r.PostFormValue("credit_code"))),
		Name: strings.TrimSpace(r.PostFormValue("name")), RegionCode: strings.TrimSpace(r.PostFormValue("region_code"))}
	if ap.RegionCode == "" {
		ap.RegionCode = h.profileRegion(r.Context(), u)
	}
	if err := profile.CheckCreditCode(ap.CreditCode); err != nil {
		ap.Error = err.Error()
	} else if n := utf8.RuneCountInString(ap.Name); n == 0 || n > 100 {
		ap.Error = "企业名称应为 1 到 100 个字符"
	} else if !claimRegion(ap.RegionCode) {
		ap.Error = "请填写企业注册地的 6 位行政区划代码（如 330106），以便所在地区的政策专员核验"
	}
	if ap.Error != "" {
		h.showAccount(w, r, http.StatusBadRequest, u, ap)
		return
	}
	if err := h.bindIn(r.Context(), u, ap.CreditCode, ap.Name, ap.RegionCode, "form"); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?bound=1", http.StatusSeeOther)
}

// claimRegion reports whether code is a known region below the country.
func claimRegion(code string) bool {
	reg, ok := region.Lookup(code)
	return ok && len(code) == 6 && reg.Level > 0
}

// bind claims the enterprise for u in the region of u's saved profile,
// with the audit entry saying how.
func (h *handler) bind(ctx context.Context, u *huiqi.User, code, name, via string) error {
	return h.bindIn(ctx, u, code, name, h.profileRegion(ctx, u), via)
}

// bindIn claims the enterprise registered in regionCode for u.
func (h *handler) bindIn(ctx context.Context, u *huiqi.User, code, name, regionCode, via string) error {
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: name, RegionCode: regionCode}
	ev := &huiqi.AuditEntry{At: h.now().UTC(), Actor: u.ID, Action: actionEnterpriseBind, Object: "user:" + u.ID,
		Region: regionCode, Detail: auditDetail(map[string]string{"credit_code": code, "via": via})}
	return h.plat.Users.BindEnterprise(ctx, b, ev)
}

// profileRegion is the region code of u's saved profile, "" for none.
func (h *handler) profileRegion(ctx context.Context, u *huiqi.User) string {
	if h.ent == nil {
		return ""
	}
	sp, err := h.ent.profiles.FindProfile(ctx, userProfileKey(u))
	if err != nil || !claimRegion(sp.Profile.RegionCode) {
		return ""
	}
	return sp.Profile.RegionCode
}

// accountConfirm answers POST /account/enterprises/verify: a user with a
// verified binding confirms a colleague's claim to the same enterprise.
func (h *handler) accountConfirm(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok {
		return
	}
	if err := h.plat.Accounts.VerifyBinding(r.Context(), u, r.PostFormValue("user_id"), r.PostFormValue("credit_code")); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?confirmed=1", http.StatusSeeOther)
}

// auditDetail renders an audit entry's detail as JSON.
func auditDetail(kv map[string]string) string {
	b, _ := json.Marshal(kv)
	return string(b)
}
