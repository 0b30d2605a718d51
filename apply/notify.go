package apply

import (
	"context"
	"fmt"
	"log/slog"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// maxNoteRunes bounds a reviewer's comment quoted in a notification.
const maxNoteRunes = 60

// notify stores ns after the move they tell of was stored. The move stands
// whatever happens here: a notification that cannot be stored is logged,
// not returned, for the application's own page shows the move anyway.
func (s *Service) notify(ctx context.Context, a *huiqi.Application, ns []huiqi.Notification) {
	if s.Threads == nil || len(ns) == 0 {
		return
	}
	if err := s.Threads.Notify(ctx, ns); err != nil {
		s.log().Error("application notifications not stored", "application", a.ID,
			"status", string(a.Status), "recipients", len(ns), "err", err)
	}
}

func (s *Service) log() *slog.Logger {
	if s.Log == nil {
		return slog.Default()
	}
	return s.Log
}

// reviewersOf are notifications for every reviewer and administrator acting
// within a's region that a waits for them.
func (s *Service) reviewersOf(ctx context.Context, a *huiqi.Application) ([]huiqi.Notification, error) {
	text := fmt.Sprintf("新的申报待审核：%s（%s）", a.MeasureName, a.EnterpriseName)
	if a.Status == huiqi.AppResubmitted {
		text = fmt.Sprintf("申报已重新提交，待审核：%s（%s）", a.MeasureName, a.EnterpriseName)
	}
	var out []huiqi.Notification
	for _, role := range []huiqi.Role{huiqi.RoleReviewer, huiqi.RoleAdmin} {
		us, err := s.Users.ListUsers(ctx, role)
		if err != nil {
			return nil, err
		}
		for i := range us {
			if account.Within(&us[i], a.RegionCode) {
				out = append(out, huiqi.Notification{UserID: us[i].ID, Text: text, Link: "/staff/applications/" + a.ID})
			}
		}
	}
	return out, nil
}

// notifySubmitted tells the reviewers of a's region that it was submitted.
func (s *Service) notifySubmitted(ctx context.Context, a *huiqi.Application) {
	ns, err := s.reviewersOf(ctx, a)
	if err != nil {
		s.log().Error("application reviewers not listed for notifications", "application", a.ID, "err", err)
		return
	}
	s.notify(ctx, a, ns)
}

// notifyApplicant tells a's applicant of a reviewer's move.
func (s *Service) notifyApplicant(ctx context.Context, a *huiqi.Application, mv Move) {
	what := a.Status.Label()
	switch {
	case a.Status == huiqi.AppApproved && a.GrantedYuan != nil:
		what += "（核定金额 " + yuanText(*a.GrantedYuan) + "）"
	case mv.Comment != "":
		what += "（" + clip(mv.Comment, maxNoteRunes) + "）"
	}
	s.notify(ctx, a, []huiqi.Notification{{UserID: a.UserID,
		Text: fmt.Sprintf("您的申报「%s」：%s", a.MeasureName, what), Link: "/applications/" + a.ID}})
}

// yuanText writes an amount in 万元 when it is whole ten-thousands.
func yuanText(y int64) string {
	if y%10000 == 0 {
		return fmt.Sprintf("%d 万元", y/10000)
	}
	return fmt.Sprintf("%d 元", y)
}

// clip cuts s to n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
