package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// enterpriseDelete answers POST /enterprise/delete: removes every saved
// version of the browser's profile and forgets its draft token.
func (h *handler) enterpriseDelete(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil || crossOrigin.Check(r) != nil || !csrfOK(r) {
		h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "表单已失效或来自其他网站，未删除。请返回“我的企业”页面，刷新后重新提交。"))
		return
	}
	if key := profileKey(r); key != "" {
		if err := h.ent.profiles.DeleteProfile(r.Context(), key); err != nil && huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
			h.fail(w, r, err)
			return
		}
	}
	setCookie(w, r, draftCookie, "", -1)
	http.Redirect(w, r, "/enterprise?deleted=1", http.StatusSeeOther)
}
