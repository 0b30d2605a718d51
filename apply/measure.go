package apply

import (
	"context"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
)

// measure is a measure applied for: its proposal (ID, name, amount,
// conditions, citation) and the policy stating it.
type measure struct {
	policy *huiqi.Policy
	prop   *propose.Proposal
}

// findMeasure finds the measure measureID of the policy's given version (0:
// the latest); ENOTFOUND names whichever is unknown.
func (s *Service) findMeasure(ctx context.Context, policyID string, version int, measureID string) (*measure, error) {
	var p *huiqi.Policy
	var err error
	if version > 0 {
		p, err = s.Policies.FindPolicyVersion(ctx, policyID, version)
	} else {
		p, err = s.Policies.FindPolicy(ctx, policyID)
	}
	if huiqi.ErrorCode(err) == huiqi.ENOTFOUND {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "政策 %s 不存在", policyID)
	} else if err != nil {
		return nil, err
	}
	for _, pr := range propose.Propose(p) {
		if pr.ID == measureID {
			return &measure{policy: p, prop: pr}, nil
		}
	}
	return nil, huiqi.Errorf(huiqi.ENOTFOUND, "政策 %s 中没有措施 %s", policyID, measureID)
}

// maxYuan is the most the measure grants (its amount, the top of its range,
// or the cap of a rate or of units), and false when the text states none.
func (m *measure) maxYuan() (int64, bool) {
	a := m.prop.Amount
	switch {
	case a.Kind == propose.AmountRate && a.Cap > 0:
		return a.Cap, true
	case (a.Kind == propose.AmountFixed || a.Kind == propose.AmountRange) && a.Max > 0:
		return a.Max, true
	}
	return 0, false
}

// region is the code the policy applies in, which routes the application to
// its reviewers; "" for a policy without one (the whole country).
func (m *measure) region() string {
	if m.policy.Region != nil {
		return m.policy.Region.Code
	}
	return ""
}

// MeasureInfo describes a measure one may apply for.
type MeasureInfo struct {
	PolicyID, PolicyTitle, DocNumber string
	MeasureID, MeasureName           string
	ClausePath, CitedText            string
	// MaxYuan is the most the measure grants, 0 when the text states none.
	MaxYuan int64
}

// Measure describes the measure measureID of the latest version of policy
// policyID; ENOTFOUND names whichever is unknown.
func (s *Service) Measure(ctx context.Context, policyID, measureID string) (*MeasureInfo, error) {
	m, err := s.findMeasure(ctx, policyID, 0, measureID)
	if err != nil {
		return nil, err
	}
	hi, _ := m.maxYuan()
	return &MeasureInfo{PolicyID: m.policy.ID, PolicyTitle: m.policy.Title, DocNumber: m.policy.DocNumber,
		MeasureID: m.prop.ID, MeasureName: m.prop.Name, ClausePath: m.prop.Cite.ClausePath,
		CitedText: m.prop.Cite.Text, MaxYuan: hi}, nil
}
