package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi/consult"
)

// answerResponse is the instant answer of GET /api/v1/policies/{id}/answer:
// the policy version answered from, the question, and the reply.
type answerResponse struct {
	PolicyID string `json:"policy_id"`
	Version  int    `json:"version"`
	Question string `json:"question"`
	*consult.Reply
}

// answer answers GET /api/v1/policies/{id}/answer?q=…: the instant answer
// of 在线咨询 drawn from the policy's own clauses, quoted with their spans;
// found is false when no clause answers. It never calls a language model:
// the route is public, and its answers are the quotes themselves. Each
// client address may ask a limited number of questions a minute.
func (h *handler) answer(w http.ResponseWriter, r *http.Request) {
	l := h.answers
	if wait, ok := l.allow(clientAddr(r)); !ok {
		w.Header().Set("Retry-After", wait)
		h.writeError(w, r, errTooManyQuestions(l, wait))
		return
	}
	p := &params{v: r.URL.Query()}
	p.only("q", "limit", "version")
	q := p.text("q", consult.MaxQuestionRunes)
	limit := p.intIn("limit", 3, 1, 3)
	version := p.intIn("version", 0, 1, 1<<30)
	if q == "" && p.err == nil {
		p.fail("q", "missing: ask a question of at most %d characters", consult.MaxQuestionRunes)
	}
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	pol, err := FindPolicy(r.Context(), h.store, r.PathValue("id"), version)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	rep, err := consult.Prepare(pol).Answer(r.Context(), q, consult.Options{Limit: limit})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, answerResponse{PolicyID: pol.ID, Version: pol.Version, Question: q, Reply: rep})
}
