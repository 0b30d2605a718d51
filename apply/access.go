package apply

import (
	"context"
	"slices"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// reviews reports whether u reviews applications (reviewers and
// administrators).
func reviews(u *huiqi.User) bool {
	return u != nil && !u.Disabled && (u.Role == huiqi.RoleReviewer || u.Role == huiqi.RoleAdmin)
}

// mayRead reports whether u may see a: its applicant, or a reviewer acting
// within its region once it has been submitted (a draft is the
// applicant's own until then).
func mayRead(u *huiqi.User, a *huiqi.Application) bool {
	if u == nil || u.Disabled {
		return false
	}
	if u.Role == huiqi.RoleEnterprise {
		return a.UserID == u.ID
	}
	return reviews(u) && account.Within(u, a.RegionCode) && a.Status != huiqi.AppDraft
}

// reviewed are the statuses reviewers list: all but drafts.
var reviewed = []huiqi.ApplicationStatus{huiqi.AppSubmitted, huiqi.AppUnderReview, huiqi.AppReturned,
	huiqi.AppResubmitted, huiqi.AppApproved, huiqi.AppRejected, huiqi.AppDisbursed}

// Get returns the application id as u may see it; ENOTFOUND both when there
// is none and when u may not see it.
func (s *Service) Get(ctx context.Context, u *huiqi.User, id string) (*huiqi.Application, error) {
	if err := signedIn(u); err != nil {
		return nil, err
	}
	a, err := s.Apps.FindApplication(ctx, id)
	if huiqi.ErrorCode(err) == huiqi.ENOTFOUND {
		return nil, notFound(id)
	} else if err != nil {
		return nil, err
	}
	if !mayRead(u, a) {
		return nil, notFound(id)
	}
	return a, nil
}

// own returns the application id for its applicant to change: ENOTFOUND
// for those who may not see it, EFORBIDDEN for a reviewer who may, for an
// applicant who no longer acts for the enterprise (a verified binding),
// and once it is no longer editable. revision, when not 0, is the
// revision the change was made on: ECONFLICT when another change came
// first.
func (s *Service) own(ctx context.Context, u *huiqi.User, id string, revision int) (*huiqi.Application, error) {
	a, err := s.Get(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if a.UserID != u.ID {
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "只有申报企业可以修改申报 %s", id)
	}
	if err := s.checkActsFor(ctx, u, a.CreditCode); err != nil {
		return nil, err
	}
	switch {
	case checkRevision(a, revision) != nil:
		return nil, checkRevision(a, revision)
	case !a.Status.Editable():
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "申报%s，不能再修改", a.Status.Label())
	}
	return a, nil
}

// checkRevision refuses a change made on another revision than a's.
func checkRevision(a *huiqi.Application, revision int) error {
	if revision != 0 && revision != a.Revision {
		return huiqi.Errorf(huiqi.ECONFLICT, "申报已被他人修改（第 %d 版，您看到的是第 %d 版），请刷新后重试", a.Revision, revision)
	}
	return nil
}

// Mine lists u's own applications, most recently updated first, narrowed
// by f (its UserID is u's).
func (s *Service) Mine(ctx context.Context, u *huiqi.User, f huiqi.ApplicationFilter) ([]huiqi.Application, int, error) {
	if err := signedIn(u); err != nil {
		return nil, 0, err
	}
	f.UserID = u.ID
	return s.Apps.ListApplications(ctx, f)
}

// Queue lists the submitted applications a reviewer may see, narrowed by
// f (its UserID and CreditCode are kept; its RegionPrefixes are replaced
// by u's regions, or region when it lies within them: EFORBIDDEN when it
// does not). Drafts are never listed.
func (s *Service) Queue(ctx context.Context, u *huiqi.User, f huiqi.ApplicationFilter, region string) ([]huiqi.Application, int, error) {
	if err := signedIn(u); err != nil {
		return nil, 0, err
	}
	if !reviews(u) {
		return nil, 0, huiqi.Errorf(huiqi.EFORBIDDEN, "只有审核员可以查看申报审核列表")
	}
	prefixes, everywhere := account.RegionPrefixes(u)
	f.RegionPrefixes = prefixes
	if everywhere {
		f.RegionPrefixes = nil
	}
	if region != "" {
		p := huiqi.RegionPrefix(region)
		if !account.Within(u, region) && !withinPrefixes(p, prefixes, everywhere) {
			return nil, 0, huiqi.Errorf(huiqi.EFORBIDDEN, "地区 %s 不在您负责的范围内", region)
		}
		f.RegionPrefixes = []string{p}
	}
	if len(f.Statuses) == 0 {
		f.Statuses = reviewed
	}
	if !everywhere && len(f.RegionPrefixes) == 0 || slices.Contains(f.Statuses, huiqi.AppDraft) {
		return nil, 0, nil
	}
	return s.Apps.ListApplications(ctx, f)
}

// withinPrefixes reports whether every code with prefix p lies within one
// of prefixes (a reviewer of 5101 filtering by 510105).
func withinPrefixes(p string, prefixes []string, everywhere bool) bool {
	if everywhere {
		return true
	}
	for _, q := range prefixes {
		if len(p) >= len(q) && p[:len(q)] == q {
			return true
		}
	}
	return false
}
