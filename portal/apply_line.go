package portal

import (
	"net/url"

	"github.com/huiqi-dev/huiqi"
)

// ApplyURL is where the 我要申报 button of a measure line leads: the page
// that starts an application for it (signing in first), "" for a measure
// the enterprise does not qualify for or qualifies for only once grown
// (a line of 培育后可申报).
func (l lineView) ApplyURL() string {
	if l.Grow || l.R.MeasureID == "" || l.R.Cited.PolicyID == "" || l.R.Status == huiqi.MatchNotEligible {
		return ""
	}
	return "/applications/new?" + url.Values{"policy": {l.R.Cited.PolicyID}, "measure": {l.R.MeasureID}}.Encode()
}
