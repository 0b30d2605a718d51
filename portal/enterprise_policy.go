package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/region"
)

// policyAnswer is the 我的企业 answer for one policy: its measures that
// apply to the saved profile, with amounts and statuses.
type policyAnswer struct {
	P      *huiqi.Policy
	TitleQ string // the title in 《》
	Lines  []lineView
	TotalW string
	// Why says why no measure of the policy applies, when none does.
	Why string
	// Confirms are the declarations the applicant may answer here.
	Confirms []confirmView
	CSRF     string
	Saved    bool
}

// enterprisePolicy answers GET /policies/{id}/enterprise: the questions of
// the policy page (我的企业可以获得多少资金？是否适合申报？) for the
// browser's saved profile, or a link to the form without one.
func (h *handler) enterprisePolicy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := h.store.FindPolicy(ctx, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sp, err := h.savedProfile(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	rp := resultsPage{Saved: sp, AsOf: h.today(), Policy: &policyAnswer{P: p, TitleQ: quoteTitle(p.Title)}}
	if sp != nil && len(sp.Problems) == 0 {
		m, err := h.ent.matcher.Get(ctx)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		rp.Policy.fill(m.Match(&sp.Profile, rp.AsOf, match.Options{All: true}), &sp.Profile, h.now)
		rp.Policy.Confirms = confirms(rp.Policy.Lines, &sp.Profile)
		rp.Policy.CSRF = csrfToken(w, r)
		rp.Policy.Saved = r.URL.Query().Get("saved") != ""
	}
	h.render(w, r, http.StatusOK, "enterprise_results", page{Title: "我的企业 - " + p.Title, Data: rp})
}

// fill keeps the results citing the policy; their part of the total is
// the policy's own (stacking groups never reach across policies).
func (pa *policyAnswer) fill(rep huiqi.MatchReport, e *huiqi.Enterprise, now nowFunc) {
	mine := map[string]bool{}
	for _, r := range rep.Results {
		if r.Cited.PolicyID == pa.P.ID {
			mine[r.MeasureID] = true
		}
	}
	var lo, hi int64
	parts := map[string]string{}
	for _, l := range rep.Total.Lines {
		if mine[l.MeasureID] {
			lo, hi = lo+l.MinYuan, hi+l.MaxYuan
			if l.Reason != "" {
				parts[l.MeasureID] = l.Reason
			}
		}
	}
	for _, r := range rep.Results {
		if mine[r.MeasureID] {
			l := lineOf(r, parts)
			l.Full, l.AnswerURL = len(pa.Lines) < maxLines, "" // a long policy: the first lines in full
			pa.Lines = append(pa.Lines, l)
		}
	}
	if hi > 0 {
		pa.TotalW = rangeWords(lo, hi)
	}
	if len(pa.Lines) == 0 {
		pa.Why = whyNone(pa.P, e, now)
	}
}

// whyNone says why no measure of p applies to e.
func whyNone(p *huiqi.Policy, e *huiqi.Enterprise, now nowFunc) string {
	if s := huiqi.StatusOf(p, now()); s != huiqi.StatusInForce {
		return "本政策目前为“" + statusLabel(s) + "”，不在测算范围内。"
	}
	if p.Region != nil && e.RegionCode != "" && !region.Contains(p.Region.Code, e.RegionCode) {
		where := e.RegionCode
		if r, ok := region.Lookup(e.RegionCode); ok {
			where = r.FullName
		}
		return "本政策适用于" + p.Region.Name + "，贵企业注册地（" + where + "）不在其范围内。"
	}
	return "本政策中没有识别到面向企业、可以测算的扶持措施。"
}
