package portal

import (
	"context"
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/sms"
)

// claimViews lists the claims list returns for u with who made each: the
// claimant's name and masked mobile number.
func (h *handler) claimViews(ctx context.Context, list func(context.Context, *huiqi.User) ([]huiqi.EnterpriseBinding, error), u *huiqi.User) ([]claimView, error) {
	claims, err := list(ctx, u)
	if err != nil {
		return nil, err
	}
	out := make([]claimView, 0, len(claims))
	for _, c := range claims {
		who := "（账号已删除）"
		if cu, err := h.plat.Users.FindUser(ctx, c.UserID); err == nil {
			who = sms.Mask(cu.Phone)
			if cu.Name != "" {
				who = cu.Name + " " + who
			}
		} else if huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
			return nil, err
		}
		out = append(out, claimView{c.UserID, who, c.CreditCode, c.Name, regionLabel(c.RegionCode), clock(c.BoundAt), codeRegion(c.CreditCode)})
	}
	return out, nil
}

// verifiedOnly keeps the verified bindings: the enterprises a user acts
// for.
func verifiedOnly(bs []huiqi.EnterpriseBinding) []huiqi.EnterpriseBinding {
	var out []huiqi.EnterpriseBinding
	for _, b := range bs {
		if b.Verified {
			out = append(out, b)
		}
	}
	return out
}

// codeRegion names the region of the registration authority of a
// 统一社会信用代码 (GB 32100: its 3rd to 8th characters), "" when unknown.
func codeRegion(code string) string {
	if len(code) != 18 {
		return ""
	}
	if r, ok := region.Lookup(code[2:8]); ok {
		return r.FullName + "（" + r.Code + "）"
	}
	return ""
}

// regionLabel names a region code as the pages show it: 浙江省杭州市西湖区
// (330106), the code alone when unknown, "未填写" when empty.
func regionLabel(code string) string {
	if code == "" {
		return "未填写"
	}
	if r, ok := region.Lookup(code); ok {
		return r.FullName + "（" + code + "）"
	}
	return code
}

// staffBindingsPage is the data of the page of claims waiting for
// verification.
type staffBindingsPage struct {
	Claims []claimView
	Notice string
	CSRF   string
}

// staffBindings answers GET /staff/bindings: the unverified claims of
// enterprises registered within the officer's regions.
func (h *handler) staffBindings(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	claims, err := h.claimViews(r.Context(), h.plat.Accounts.PendingClaims, u)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sp := staffBindingsPage{Claims: claims, CSRF: csrfToken(w, r)}
	if r.URL.Query().Get("verified") != "" {
		sp.Notice = "已核验企业绑定，该用户现在可以以企业名义申报。"
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "staff_bindings", page{Title: "企业绑定核验", Data: sp, User: u, CSRF: sp.CSRF})
}

// staffBindingVerify answers POST /staff/bindings/verify: an officer of
// the enterprise's region or an administrator verifies a claim.
func (h *handler) staffBindingVerify(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	if err := h.plat.Accounts.VerifyBinding(r.Context(), u, r.PostFormValue("user_id"), r.PostFormValue("credit_code")); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/staff/bindings?verified=1", http.StatusSeeOther)
}
