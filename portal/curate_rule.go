package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
)

// rulePage is the data of /staff/measures/{mid}/rule.
type rulePage struct {
	D *curate.RuleDraft
	// YAML and Cases are shown in the text areas: the draft's, or what
	// was posted.
	YAML, Cases string
	// Report is the last test run; CanPublish that it passed, so 发布 is
	// offered.
	Report     *curate.TestReport
	CanPublish bool
	Err        string
	Published  int
	Clause     string // the clause's anchor on the public page
	// History lists the published versions with who published them.
	History []ruleRow
}

// ruleRow is one published version of a rule.
type ruleRow struct {
	Version int
	At, By  string
}

// ruleHistory says who published each version and when (China time).
func (h *handler) ruleHistory(r *http.Request, d *curate.RuleDraft) []ruleRow {
	names := map[string]string{}
	out := make([]ruleRow, 0, len(d.History))
	for _, x := range d.History {
		if _, ok := names[x.By]; !ok {
			names[x.By] = h.staffName(r.Context(), x.By)
		}
		out = append(out, ruleRow{Version: x.Version, At: x.At.In(chinaTime).Format("2006-01-02 15:04"), By: names[x.By]})
	}
	return out
}

// staffRule answers GET /staff/measures/{mid}/rule: the measure's rule,
// the published one or the proposal's, with its test cases.
func (h *handler) staffRule(w http.ResponseWriter, r *http.Request) {
	u, svc, ok := h.curator(w, r)
	if !ok {
		return
	}
	d, err := svc.Rule(r.Context(), u, r.PathValue("mid"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rp := rulePage{D: d, YAML: d.YAML, Cases: d.CasesYAML, Clause: clauseURL(d.Proposal.Cite), History: h.ruleHistory(r, d)}
	rp.Published, _ = strconv.Atoi(r.URL.Query().Get("published"))
	noStore(w)
	h.render(w, r, http.StatusOK, "curate_rule", page{Title: "规则核对 · " + d.Proposal.Name, Data: rp})
}

// staffRulePost answers POST /staff/measures/{mid}/rule: action=test runs
// the cases and shows each result; action=publish publishes the rule when
// every case passes, else shows why not.
func (h *handler) staffRulePost(w http.ResponseWriter, r *http.Request) {
	u, svc, ok := h.curator(w, r)
	if !ok || !h.postedCurateForm(w, r) {
		return
	}
	ctx, mid := r.Context(), r.PathValue("mid")
	d, err := svc.Rule(ctx, u, mid)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rp := rulePage{D: d, YAML: r.PostFormValue("yaml"), Cases: r.PostFormValue("cases"), Clause: clauseURL(d.Proposal.Cite),
		History: h.ruleHistory(r, d)}
	status := http.StatusOK
	switch r.PostFormValue("action") {
	case "test":
		rp.Report = curate.TestRule(rp.YAML, rp.Cases)
	case "publish":
		var pub *huiqi.CuratedRule
		pub, rp.Report, err = svc.PublishRule(ctx, u, mid, rp.YAML, rp.Cases)
		if err == nil {
			http.Redirect(w, r, "/staff/measures/"+mid+"/rule?published="+strconv.Itoa(pub.Version), http.StatusSeeOther)
			return
		}
		if huiqi.ErrorCode(err) != huiqi.EINVALID {
			h.fail(w, r, err)
			return
		}
		rp.Err, status = huiqi.ErrorMessage(err), http.StatusBadRequest
	default:
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "未知操作：应为“运行测试”或“发布”"))
		return
	}
	rp.CanPublish = rp.Report != nil && rp.Report.Passed() && rp.Report.Set.ID == mid
	noStore(w)
	h.render(w, r, status, "curate_rule", page{Title: "规则核对 · " + d.Proposal.Name, Data: rp})
}
