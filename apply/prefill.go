package apply

import (
	"context"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

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
