package portal

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/consult"
)

// askPage is the data of a policy's 在线咨询 page: the form, and the
// instant answer once a question is asked.
type askPage struct {
	P        *huiqi.Policy
	Question string
	Answer   *answerView
	// Problem says why the question was not answered (empty, too long).
	Problem string
	// Handoff offers 转人工: the platform is on; SignedIn says whether
	// the form can be posted or the reader must sign in first.
	Handoff, SignedIn bool
	SignInURL         string
}

// ask answers GET /policies/{id}/ask?q=…: the form and, with a question,
// the instant answer drawn from the policy's own clauses. Anyone may ask;
// asking changes nothing.
func (h *handler) ask(w http.ResponseWriter, r *http.Request) {
	p, err := api.FindPolicy(r.Context(), h.store, r.PathValue("id"), 0)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ap := askPage{P: p, Question: strings.TrimSpace(r.URL.Query().Get("q")), Handoff: h.plat != nil,
		SignedIn: viewerOf(r).User != nil, SignInURL: signInURL(r.URL.RequestURI())}
	if ap.Question != "" {
		rep, err := h.instantAnswer(r.Context(), p, ap.Question)
		switch {
		case huiqi.ErrorCode(err) == huiqi.EINVALID:
			ap.Problem = "问题不能超过 " + strconv.Itoa(consult.MaxQuestionRunes) + " 个字，请精简后再问。"
		case err != nil:
			h.fail(w, r, err)
			return
		default:
			ap.Answer = newAnswerView(p, rep)
		}
	}
	h.render(w, r, http.StatusOK, "ask", page{Title: "在线咨询 · " + p.Title, Data: ap})
}

// instantAnswer answers a question from p, phrased by the platform's
// Phraser when one is configured.
func (h *handler) instantAnswer(ctx context.Context, p *huiqi.Policy, q string) (*consult.Reply, error) {
	var opt consult.Options
	if h.plat != nil && h.plat.Phraser != nil {
		opt.LLM = h.plat.Phraser
	}
	return consult.Prepare(p).Answer(ctx, q, opt)
}
