package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// statusOf is the one table from domain error codes to HTTP status codes.
var statusOf = map[string]int{
	huiqi.EINVALID:      http.StatusBadRequest,
	huiqi.ENOTFOUND:     http.StatusNotFound,
	huiqi.ECONFLICT:     http.StatusConflict,
	huiqi.EUNAUTHORIZED: http.StatusUnauthorized,
	huiqi.EFORBIDDEN:    http.StatusForbidden,
	huiqi.EUNSUPPORTED:  http.StatusUnsupportedMediaType,
	huiqi.ELIMITED:      http.StatusTooManyRequests,
	huiqi.EINTERNAL:     http.StatusInternalServerError,
}

// StatusCode returns the HTTP status for an error by its domain code; any
// error without a code is internal.
func StatusCode(err error) int {
	if s, ok := statusOf[huiqi.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with the error's status and code. Internal errors are
// logged in full and answered with a generic message: internals never leak.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := huiqi.ErrorCode(err)
	if _, ok := statusOf[code]; !ok {
		code = huiqi.EINTERNAL
	}
	if code == huiqi.EINTERNAL && !errors.Is(r.Context().Err(), err) {
		h.log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if code == huiqi.EUNAUTHORIZED {
		challenge(w, r)
	}
	writeErrorStatus(w, statusOf[code], code, huiqi.ErrorMessage(err))
}

// writeErrorStatus writes the error body with a status of its own.
func writeErrorStatus(w http.ResponseWriter, status int, code, message string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, message
	writeJSON(w, status, b)
}

// writeJSON writes v as indented-free JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
