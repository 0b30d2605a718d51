package apply

import (
	"context"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

// Start opens u's draft application for the enterprise creditCode and the
// measure measureID of policy policyID, prefilled from the profile saved
// under "user:<u.ID>" and the match of that profile: contact, the values
// the measure's conditions were judged on, the status, reasons and
// expected amounts, and the cited clause. u must act for the enterprise
// (EFORBIDDEN). u's application of the enterprise for the measure that is
// still open (not rejected) is returned instead of a new one.
func (s *Service) Start(ctx context.Context, u *huiqi.User, creditCode, policyID, measureID string) (*huiqi.Application, error) {
	if err := signedIn(u); err != nil {
		return nil, err
	}
	creditCode = strings.ToUpper(strings.TrimSpace(creditCode))
	name, err := s.actsFor(ctx, u, creditCode)
	if err != nil {
		return nil, err
	}
	m, err := s.findMeasure(ctx, policyID, 0, measureID)
	if err != nil {
		return nil, err
	}
	if a, err := s.open(ctx, u, creditCode, m); a != nil || err != nil {
		return a, err
	}
	e, err := s.profile(ctx, u)
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = e.Name
	}
	a := &huiqi.Application{UserID: u.ID, CreditCode: creditCode, EnterpriseName: name,
		PolicyID: m.policy.ID, PolicyVersion: m.policy.Version, PolicyTitle: m.policy.Title,
		MeasureID: m.prop.ID, MeasureName: m.prop.Name, ClausePath: m.prop.Cite.ClausePath,
		RegionCode: m.region(), Status: huiqi.AppDraft, Form: map[string]string{}}
	a.Form[FieldContactName], a.Form[FieldContactPhone] = u.Name, u.Phone
	if err := s.prefill(ctx, a, m, e); err != nil {
		return nil, err
	}
	ev := s.entry(u, "application.create", "", map[string]any{"policy_id": a.PolicyID,
		"policy_version": a.PolicyVersion, "measure_id": a.MeasureID, "credit_code": a.CreditCode})
	if err := s.Apps.CreateApplication(ctx, a, ev); err != nil {
		return nil, err
	}
	return a, nil
}

// actsFor refuses a user not bound to the enterprise and returns the
// enterprise's name as bound.
func (s *Service) actsFor(ctx context.Context, u *huiqi.User, creditCode string) (string, error) {
	ok, err := s.Accounts.ActsFor(ctx, u, creditCode)
	if err != nil {
		return "", err
	}
	if !ok || u.Role != huiqi.RoleEnterprise {
		return "", huiqi.Errorf(huiqi.EFORBIDDEN, "您的账号未绑定统一社会信用代码为 %q 的企业，不能以它的名义申报", creditCode)
	}
	bs, err := s.Users.Enterprises(ctx, u.ID)
	if err != nil {
		return "", err
	}
	for _, b := range bs {
		if strings.EqualFold(b.CreditCode, creditCode) {
			return b.Name, nil
		}
	}
	return "", nil
}

// open returns u's application for the enterprise and the measure that is
// not rejected, or nil.
func (s *Service) open(ctx context.Context, u *huiqi.User, creditCode string, m *measure) (*huiqi.Application, error) {
	f := huiqi.ApplicationFilter{UserID: u.ID, CreditCode: creditCode, PolicyID: m.policy.ID, Limit: 1000}
	list, _, err := s.Apps.ListApplications(ctx, f)
	if err != nil {
		return nil, err
	}
	for _, a := range list {
		if a.MeasureID == m.prop.ID && a.Status != huiqi.AppRejected {
			return s.Apps.FindApplication(ctx, a.ID)
		}
	}
	return nil, nil
}

// profile returns u's saved enterprise profile, empty when there is none.
func (s *Service) profile(ctx context.Context, u *huiqi.User) (*huiqi.Enterprise, error) {
	if s.Profiles == nil {
		return &huiqi.Enterprise{}, nil
	}
	p, err := s.Profiles.FindProfile(ctx, "user:"+u.ID)
	switch {
	case huiqi.ErrorCode(err) == huiqi.ENOTFOUND:
		return &huiqi.Enterprise{}, nil
	case err != nil:
		return nil, err
	}
	return &p.Profile, nil
}

// prefill fills the form and the expected amounts from the match of e for
// the measure, or from the measure alone when the match does not list it.
func (s *Service) prefill(ctx context.Context, a *huiqi.Application, m *measure, e *huiqi.Enterprise) error {
	a.ExpectedMinYuan, a.ExpectedMaxYuan = m.prop.Amount.Min, m.prop.Amount.Max
	if hi, ok := m.maxYuan(); ok && a.ExpectedMaxYuan == 0 {
		a.ExpectedMaxYuan = hi
	}
	a.Form[FieldCitedText] = m.prop.Cite.Text
	r, err := s.matchOne(ctx, e, m.prop.ID)
	if err != nil {
		return err
	}
	if r == nil {
		a.Form[FieldMatchStatus] = string(huiqi.MatchUnknown)
		a.Form[FieldMatchReasons] = "企业信息中没有可以判断本措施的内容，请在“我的企业”填写企业信息（所在地区等）。"
		return nil
	}
	if r.Curated && r.Name != "" {
		a.MeasureName = r.Name
	}
	if r.Amount != nil && len(r.Amount.Missing) == 0 {
		a.ExpectedMinYuan, a.ExpectedMaxYuan = r.Amount.Min, r.Amount.Max
	}
	a.Form[FieldMatchStatus] = string(r.Status)
	a.Form[FieldMatchReasons] = strings.Join(r.Reasons, "\n")
	for i, c := range r.Conditions {
		k := "cond." + strconv.Itoa(i+1) + "."
		a.Form[k+"label"], a.Form[k+"status"] = c.Label, string(c.Status)
		a.Form[k+"value"], a.Form[k+"threshold"] = c.Value, c.Threshold
	}
	return nil
}

// matchOne matches e against every measure and returns the one with id,
// nil when the match does not list it.
func (s *Service) matchOne(ctx context.Context, e *huiqi.Enterprise, id string) (*huiqi.MatchResult, error) {
	if s.Matcher == nil {
		return nil, nil
	}
	mm, err := s.Matcher.Get(ctx)
	if err != nil {
		return nil, err
	}
	t := s.now()
	rep := mm.Match(e, huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, match.Options{All: true})
	for i := range rep.Results {
		if rep.Results[i].MeasureID == id {
			return &rep.Results[i], nil
		}
	}
	return nil, nil
}
