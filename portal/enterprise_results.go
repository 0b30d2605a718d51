package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

// maxLines and maxBriefLines are how many measures the results list in
// each band, largest amounts first, and how many not-eligible ones: the
// rest are counted, so the page stays light however large the corpus.
const (
	maxLines      = 25
	maxBriefLines = 20
)

// resultsPage is the data of the 我的企业 results.
type resultsPage struct {
	Saved  *huiqi.SavedProfile
	AsOf   huiqi.Date
	Total  huiqi.MatchTotal
	TotalW string
	Now    []lineView
	Reach  []lineView
	// NowMore and ReachMore count the lines of each band not listed.
	NowMore, ReachMore int
	Not                []lineView
	NotMore            int
	NotCount           int
	InForce            int
	Quals              []qualView
	// Grow lists what each national qualification within reach would
	// open (培育后可申报).
	Grow []reachView
	// Asks are the fields that would decide the most undecided measures.
	Asks []askCount
	// Policy is set on a policy's answer page.
	Policy *policyAnswer
}

// enterpriseResults answers GET /enterprise/results: the saved profile
// matched against every measure in force and assessed for the national
// qualifications.
func (h *handler) enterpriseResults(w http.ResponseWriter, r *http.Request) {
	sp, err := h.savedProfile(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	rp := resultsPage{Saved: sp, AsOf: h.today()}
	if sp != nil && len(sp.Problems) == 0 {
		m, err := h.ent.matcher.Get(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		rp.fill(m.Match(&sp.Profile, rp.AsOf, match.Options{All: true}))
		var as []huiqi.Assessment
		rp.Quals, as = assessQualifications(h.ent.quals, &sp.Profile, rp.AsOf)
		rp.Grow = reachViews(m.WithinReach(&sp.Profile, rp.AsOf, as))
	}
	h.render(w, r, http.StatusOK, "enterprise_results", page{Title: "我的企业 - 申报结果", Data: rp})
}

// fill sorts the report's results into the three bands.
func (rp *resultsPage) fill(rep huiqi.MatchReport) {
	rp.Total, rp.InForce = rep.Total, rep.InForce
	rp.TotalW = rangeWords(rep.Total.MinYuan, rep.Total.MaxYuan)
	parts := map[string]string{}
	for _, l := range rep.Total.Lines {
		if l.Reason != "" {
			parts[l.MeasureID] = l.Reason
		}
	}
	for _, r := range rep.Results {
		switch r.Status {
		case huiqi.MatchEligible:
			rp.Now, rp.NowMore = appendLine(rp.Now, rp.NowMore, r, parts)
		case huiqi.MatchLikely, huiqi.MatchUnknown:
			rp.Reach, rp.ReachMore = appendLine(rp.Reach, rp.ReachMore, r, parts)
		default:
			if len(rp.Not) < maxBriefLines {
				rp.Not = append(rp.Not, lineOf(r, parts))
			}
		}
	}
	rp.Asks = topAsks(rep.Results, 5)
	rp.NotCount = rep.Counts[huiqi.MatchNotEligible]
	rp.NotMore = rp.NotCount - len(rp.Not)
}

// appendLine lists r unless the band is full, then counts it.
func appendLine(ls []lineView, more int, r huiqi.MatchResult, parts map[string]string) ([]lineView, int) {
	if len(ls) >= maxLines {
		return ls, more + 1
	}
	return append(ls, lineOf(r, parts)), more
}
