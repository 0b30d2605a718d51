package apply

import (
	"context"

	"github.com/huiqi-dev/huiqi"
)

// RequestSubmitCode sends u an SMS code of purpose submit to the phone of
// the account, which Submit then asks for. ip is the client's address.
func (s *Service) RequestSubmitCode(ctx context.Context, u *huiqi.User, id, ip string) error {
	if _, err := s.own(ctx, u, id, 0); err != nil {
		return err
	}
	if u.Phone == "" {
		return huiqi.Errorf(huiqi.EINVALID, "账号没有手机号，无法发送提交验证码")
	}
	return s.Accounts.RequestCode(ctx, u.Phone, huiqi.CodeSubmit, ip)
}

// Submit submits u's application id as of revision: a draft becomes
// submitted, a returned one resubmitted. code is the SMS code of purpose
// submit sent to u's phone (RequestSubmitCode); a wrong, expired or
// sign-in code is refused (EUNAUTHORIZED, EINVALID or ELIMITED). The
// reviewers of its region are then notified.
func (s *Service) Submit(ctx context.Context, u *huiqi.User, id string, revision int, code string) (*huiqi.Application, error) {
	a, err := s.own(ctx, u, id, revision)
	if err != nil {
		return nil, err
	}
	next := huiqi.AppSubmitted
	if a.Status == huiqi.AppReturned {
		next = huiqi.AppResubmitted
	}
	if !a.Status.CanMove(next, u.Role) {
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "申报%s，不能提交", a.Status.Label())
	}
	if err := complete(a); err != nil {
		return nil, err
	}
	if u.Phone == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "账号没有手机号，无法验证提交")
	}
	if err := s.Accounts.VerifyCode(ctx, u.Phone, huiqi.CodeSubmit, code); err != nil {
		return nil, err
	}
	from := a.Status
	a.Status = next
	ev := s.entry(u, "application.submit", a.ID, map[string]any{"from": from, "to": next,
		"files": len(a.Attachments), "revision": a.Revision + 1})
	if err := s.Apps.UpdateApplication(ctx, a, s.step(u, next, "", nil), ev); err != nil {
		return nil, err
	}
	s.notifySubmitted(ctx, a)
	return a, nil
}
