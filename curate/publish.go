package curate

import (
	"context"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// PublishRule tests the rule of measure measureID and, when it parses,
// names that measure and passes every one of its cases (at least one),
// saves it as the measure's curated rule by u: from then on matching
// answers the measure by it. EINVALID says what is wrong; the report
// says how each case went.
func (s *Service) PublishRule(ctx context.Context, u *huiqi.User, measureID, yaml, cases string) (*huiqi.CuratedRule, *TestReport, error) {
	p, _, err := s.measure(ctx, u, measureID)
	if err != nil {
		return nil, nil, err
	}
	rep := TestRule(yaml, cases)
	if err := publishable(measureID, rep); err != nil {
		return nil, rep, err
	}
	r := &huiqi.CuratedRule{MeasureID: measureID, PolicyID: p.ID, YAML: yaml, CasesYAML: cases, By: u.ID, At: s.now()}
	ev := s.entry(u, "rule.publish", "measure:"+measureID, regionOf(p), map[string]any{
		"policy": p.ID, "policy_version": p.Version, "cases": len(rep.Cases)})
	if err := s.Store.SaveRule(ctx, r, ev); err != nil {
		return nil, rep, err
	}
	return r, rep, nil
}

// publishable refuses a rule that may not be published, saying why.
func publishable(measureID string, rep *TestReport) error {
	switch {
	case rep.RuleError != "":
		return huiqi.Errorf(huiqi.EINVALID, "规则无法解析：%s", rep.RuleError)
	case rep.Set.ID != measureID:
		return huiqi.Errorf(huiqi.EINVALID, "规则的 id 是 %q，应为本措施的 %q", rep.Set.ID, measureID)
	case rep.Set.Kind != rules.KindMeasure:
		return huiqi.Errorf(huiqi.EINVALID, "规则的 kind 是 %q，应为 measure", rep.Set.Kind)
	case rep.CasesError != "":
		return huiqi.Errorf(huiqi.EINVALID, "测试用例无法解析：%s", rep.CasesError)
	case len(rep.Cases) == 0:
		return huiqi.Errorf(huiqi.EINVALID, "至少需要一个测试用例")
	case rep.Failed() > 0:
		return huiqi.Errorf(huiqi.EINVALID, "有 %d 个测试用例未通过，通过全部用例后才能发布", rep.Failed())
	}
	return nil
}
