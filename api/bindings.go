package api

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// bindingList is the answer of GET /api/v1/bindings/pending.
type bindingList struct {
	Bindings []huiqi.EnterpriseBinding `json:"bindings"`
}

// verifyRequest is the body of POST /api/v1/bindings/verify.
type verifyRequest struct {
	UserID     string `json:"user_id"`
	CreditCode string `json:"credit_code"`
}

// verifierCaller returns the caller when it is an officer or an
// administrator, who verify enterprise bindings as on /staff/bindings;
// EFORBIDDEN for anyone else.
func (h *handler) verifierCaller(r *http.Request) (*huiqi.User, error) {
	u, err := h.caller(r)
	if err != nil {
		return nil, err
	}
	if u.Role != huiqi.RoleOfficer && u.Role != huiqi.RoleAdmin {
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "只有政策专员和管理员可以核验企业绑定")
	}
	return u, nil
}

// pendingBindings answers GET /api/v1/bindings/pending: the unverified
// claims of enterprises registered within the caller's regions (an
// administrator without regions: all), oldest first.
func (h *handler) pendingBindings(w http.ResponseWriter, r *http.Request) {
	u, err := h.verifierCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	claims, err := h.accounts.PendingClaims(r.Context(), u)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if claims == nil {
		claims = []huiqi.EnterpriseBinding{}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, bindingList{claims})
}

// verifyBinding answers POST /api/v1/bindings/verify: verifies a user's
// claim to an enterprise by the rules of account.Service.VerifyBinding and
// answers the binding, verified. Verifying again changes nothing.
func (h *handler) verifyBinding(w http.ResponseWriter, r *http.Request) {
	u, err := h.verifierCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var req verifyRequest
	if err := readBody(w, r, &req, `{"user_id": "u_…", "credit_code": "91330100716105852F"}`); err != nil {
		h.writeError(w, r, err)
		return
	}
	req.UserID, req.CreditCode = strings.TrimSpace(req.UserID), strings.ToUpper(strings.TrimSpace(req.CreditCode))
	if err := checkVerifyRequest(req); err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.accounts.VerifyBinding(r.Context(), u, req.UserID, req.CreditCode); err != nil {
		h.writeError(w, r, err)
		return
	}
	b, err := h.binding(r, req.UserID, req.CreditCode)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, b)
}

// checkVerifyRequest names a missing or malformed field.
func checkVerifyRequest(req verifyRequest) error {
	switch {
	case req.UserID == "":
		return huiqi.Errorf(huiqi.EINVALID, "field user_id: required")
	case len(req.UserID) > 64:
		return huiqi.Errorf(huiqi.EINVALID, "field user_id: longer than 64 bytes")
	case req.CreditCode == "":
		return huiqi.Errorf(huiqi.EINVALID, "field credit_code: required")
	case len(req.CreditCode) != 18:
		return huiqi.Errorf(huiqi.EINVALID, "field credit_code: %q is not an 18-character 统一社会信用代码", req.CreditCode)
	}
	return nil
}

// binding returns the user's binding to the enterprise.
func (h *handler) binding(r *http.Request, userID, creditCode string) (*huiqi.EnterpriseBinding, error) {
	bs, err := h.accounts.Enterprises(r.Context(), userID)
	if err != nil {
		return nil, err
	}
	for i := range bs {
		if bs[i].CreditCode == creditCode {
			return &bs[i], nil
		}
	}
	return nil, huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 没有绑定统一社会信用代码为 %q 的企业", userID, creditCode)
}
