package api

import (
	"net"
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi/apply"
)

// submitRequest is the body of POST /api/v1/applications/{id}/submit.
type submitRequest struct {
	// Code is the SMS code; empty asks for one to be sent.
	Code     string `json:"code"`
	Revision int    `json:"revision"`
	// Form, when given, is saved first (the applicant's fields only).
	Form map[string]string `json:"form"`
}

// codeSent is the answer when a submit code was sent.
type codeSent struct {
	CodeSent bool   `json:"code_sent"`
	Message  string `json:"message"`
}

// submitApplication answers POST /api/v1/applications/{id}/submit: without
// a code it sends the SMS code of purpose submit to the caller's phone
// (202); with it, it saves the form given, if any, and submits (or
// resubmits) the application.
func (h *handler) submitApplication(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var req submitRequest
	if err := readBody(w, r, &req, `{"code": "123456", "revision": 3, "form": {"contact_name": "…"}}`); err != nil {
		h.writeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	if strings.TrimSpace(req.Code) == "" {
		if err := h.apps.RequestSubmitCode(r.Context(), u, id, remoteHost(r)); err != nil {
			h.writeError(w, r, err)
			return
		}
		writeJSON(w, http.StatusAccepted, codeSent{true, "验证码已发送到账号的手机号，5 分钟内有效"})
		return
	}
	if len(req.Form) > 0 {
		a, err := h.apps.Save(r.Context(), u, id, req.Revision, req.Form)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		req.Revision = a.Revision
	}
	a, err := h.apps.Submit(r.Context(), u, id, req.Revision, req.Code)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, a)
}

// moveRequest is the body of POST /api/v1/applications/{id}/moves.
type moveRequest struct {
	Action     string `json:"action"`
	Comment    string `json:"comment"`
	AmountYuan int64  `json:"amount_yuan"`
	Revision   int    `json:"revision"`
}

// moveApplication answers POST /api/v1/applications/{id}/moves: a
// reviewer's move (take, return, approve, reject, disburse).
func (h *handler) moveApplication(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var req moveRequest
	if err := readBody(w, r, &req, `{"action": "approve", "amount_yuan": 300000, "comment": "…", "revision": 4}`); err != nil {
		h.writeError(w, r, err)
		return
	}
	mv := apply.Move{Action: apply.Action(req.Action), Comment: req.Comment, Amount: req.AmountYuan, Revision: req.Revision}
	a, err := h.apps.Review(r.Context(), u, r.PathValue("id"), mv)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, a)
}

// remoteHost is the address the request came from, without its port;
// forwarding headers are not read.
func remoteHost(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}
