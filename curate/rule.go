package curate

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
)

// RuleDraft is what the rule page shows of a measure: its published rule,
// or the proposal's YAML and a first test case to start from.
type RuleDraft struct {
	MeasureID string
	Policy    *huiqi.Policy
	Proposal  *propose.Proposal
	YAML      string
	CasesYAML string
	// Published is the rule in force, nil when the proposal still answers;
	// History every published version, oldest first.
	Published *huiqi.CuratedRule
	History   []huiqi.CuratedRule
}

// Rule returns the rule of measure measureID for u to curate: the
// published one, else the proposal's YAML. ENOTFOUND when the latest
// version of its policy has no such measure; EFORBIDDEN unless u may
// curate the policy.
func (s *Service) Rule(ctx context.Context, u *huiqi.User, measureID string) (*RuleDraft, error) {
	p, pr, err := s.measure(ctx, u, measureID)
	if err != nil {
		return nil, err
	}
	hist, err := s.Store.RuleHistory(ctx, measureID)
	if err != nil {
		return nil, err
	}
	d := &RuleDraft{MeasureID: measureID, Policy: p, Proposal: pr, History: hist,
		YAML: string(pr.YAML()), CasesYAML: starterCase(pr, s.now())}
	if n := len(hist); n > 0 {
		d.Published = &hist[n-1]
		d.YAML, d.CasesYAML = hist[n-1].YAML, hist[n-1].CasesYAML
	}
	return d, nil
}

// measure finds the proposal measureID among the measures of its
// policy's latest version, which u must be allowed to curate.
func (s *Service) measure(ctx context.Context, u *huiqi.User, measureID string) (*huiqi.Policy, *propose.Proposal, error) {
	id, ok := PolicyOf(measureID)
	if !ok {
		return nil, nil, huiqi.Errorf(huiqi.ENOTFOUND, "措施 %q 不存在", measureID)
	}
	p, err := s.allowed(ctx, u, id)
	if err != nil {
		return nil, nil, err
	}
	for _, pr := range propose.Propose(p) {
		if pr.ID == measureID {
			return p, pr, nil
		}
	}
	return nil, nil, huiqi.Errorf(huiqi.ENOTFOUND, "措施 %q 不在政策 %s 的最新版本中", measureID, id)
}

// PolicyOf reads the policy ID out of a measure ID
// (m_<policy id>_<clause key>_<k>, propose.Proposal).
func PolicyOf(measureID string) (string, bool) {
	rest, ok := strings.CutPrefix(measureID, "m_")
	if !ok {
		return "", false
	}
	id, _, ok := strings.Cut(rest, "_")
	return id, ok && id != ""
}

// starterCase is a first test case for a measure: an enterprise of its
// region, today, expected eligible. The officer completes it.
func starterCase(pr *propose.Proposal, now time.Time) string {
	region := pr.Region
	if region == propose.National {
		region = "110101"
	}
	return fmt.Sprintf(`- name: 符合条件的企业
  as_of: %s
  profile:
    region_code: %q
  expect:
    %s:
      status: eligible
`, now.Format("2006-01-02"), region, pr.ID)
}

// MeasureIDs are the IDs of p's measures, in order (as propose names them).
func MeasureIDs(p *huiqi.Policy) []string {
	prs := propose.Propose(p)
	out := make([]string, len(prs))
	for i, pr := range prs {
		out[i] = pr.ID
	}
	return out
}
