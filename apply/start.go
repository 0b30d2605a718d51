package apply

import (
	"context"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Start opens u's draft application for the enterprise creditCode and the
// measure measureID of policy policyID, prefilled from the profile saved
// under "user:<u.ID>" and the match of that profile: contact, the values
// the measure's conditions were judged on, the status, reasons and
// expected amounts, and the cited clause. u must act for the enterprise
// (EFORBIDDEN). u's application of the enterprise for the measure that is
// still open (not rejected) is returned instead of a new one; created says
// which.
func (s *Service) Start(ctx context.Context, u *huiqi.User, creditCode, policyID, measureID string) (a *huiqi.Application, created bool, err error) {
	if err := signedIn(u); err != nil {
		return nil, false, err
	}
	creditCode = strings.ToUpper(strings.TrimSpace(creditCode))
	name, err := s.actsFor(ctx, u, creditCode)
	if err != nil {
		return nil, false, err
	}
	m, err := s.findMeasure(ctx, policyID, 0, measureID)
	if err != nil {
		return nil, false, err
	}
	if a, err := s.open(ctx, u, creditCode, m); a != nil || err != nil {
		return a, false, err
	}
	e, err := s.profile(ctx, u)
	if err != nil {
		return nil, false, err
	}
	if name == "" {
		name = e.Name
	}
	a = &huiqi.Application{UserID: u.ID, CreditCode: creditCode, EnterpriseName: name,
		PolicyID: m.policy.ID, PolicyVersion: m.policy.Version, PolicyTitle: m.policy.Title,
		MeasureID: m.prop.ID, MeasureName: m.prop.Name, ClausePath: m.prop.Cite.ClausePath,
		RegionCode: m.region(), Status: huiqi.AppDraft, Form: map[string]string{}}
	a.Form[FieldContactName], a.Form[FieldContactPhone] = u.Name, u.Phone
	if err := s.prefill(ctx, a, m, e); err != nil {
		return nil, false, err
	}
	ev := s.entry(u, "application.create", "", map[string]any{"policy_id": a.PolicyID,
		"policy_version": a.PolicyVersion, "measure_id": a.MeasureID, "credit_code": a.CreditCode})
	if err := s.Apps.CreateApplication(ctx, a, ev); err != nil {
		return nil, false, err
	}
	return a, true, nil
}

// actsFor refuses a user not bound to the enterprise and returns the
// enterprise's name as bound.
func (s *Service) actsFor(ctx context.Context, u *huiqi.User, creditCode string) (string, error) {
	if err := s.checkActsFor(ctx, u, creditCode); err != nil {
		return "", err
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

// checkActsFor refuses (EFORBIDDEN) a user who does not act for the
// enterprise creditCode: an enterprise user with a verified binding to it.
// Every action of an applicant checks it anew, for a binding may be gone
// since the application was started.
func (s *Service) checkActsFor(ctx context.Context, u *huiqi.User, creditCode string) error {
	ok, err := s.Accounts.ActsFor(ctx, u, creditCode)
	if err != nil {
		return err
	}
	if !ok || u.Role != huiqi.RoleEnterprise {
		return huiqi.Errorf(huiqi.EFORBIDDEN, "您的账号未绑定统一社会信用代码为 %q 的企业，或绑定尚待核验（请联系所在地区的政策专员，或由本企业已核验的同事确认），不能以它的名义申报", creditCode)
	}
	return nil
}
