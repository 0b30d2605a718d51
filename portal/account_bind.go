package portal

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// Audit actions of the account pages.
const (
	actionEnterpriseBind = "enterprise.bind"
	actionTokenRevoke    = "token.revoke"
)

// accountBind answers POST /account/enterprises: binds the enterprise user
// to an enterprise by its 统一社会信用代码 and name.
func (h *handler) accountBind(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok {
		return
	}
	ap := accountPage{CreditCode: strings.ToUpper(strings.TrimSpace(r.PostFormValue("credit_code"))),
		Name: strings.TrimSpace(r.PostFormValue("name"))}
	if err := profile.CheckCreditCode(ap.CreditCode); err != nil {
		ap.Error = err.Error()
	} else if n := utf8.RuneCountInString(ap.Name); n == 0 || n > 100 {
		ap.Error = "企业名称应为 1 到 100 个字符"
	}
	if ap.Error != "" {
		h.showAccount(w, r, http.StatusBadRequest, u, ap)
		return
	}
	if err := h.bind(r.Context(), u, ap.CreditCode, ap.Name, "form"); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?bound=1", http.StatusSeeOther)
}

// bind binds u to the enterprise with the audit entry saying how.
func (h *handler) bind(ctx context.Context, u *huiqi.User, code, name, via string) error {
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: name}
	ev := &huiqi.AuditEntry{At: h.now().UTC(), Actor: u.ID, Action: actionEnterpriseBind, Object: "user:" + u.ID,
		Detail: auditDetail(map[string]string{"credit_code": code, "via": via})}
	return h.plat.Users.BindEnterprise(ctx, b, ev)
}

// auditDetail renders an audit entry's detail as JSON.
func auditDetail(kv map[string]string) string {
	b, _ := json.Marshal(kv)
	return string(b)
}
