package apply

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// Action is a reviewer's move.
type Action string

// Reviewers' moves and the status each leads to.
const (
	Take     Action = "take"     // → under_review
	Return   Action = "return"   // → returned, with a comment
	Approve  Action = "approve"  // → approved, with the amount granted
	Reject   Action = "reject"   // → rejected, with a comment
	Disburse Action = "disburse" // → disbursed
)

// Actions lists the moves in the order the pages offer them.
var Actions = []Action{Take, Return, Approve, Reject, Disburse}

var actionStatus = map[Action]huiqi.ApplicationStatus{Take: huiqi.AppUnderReview, Return: huiqi.AppReturned,
	Approve: huiqi.AppApproved, Reject: huiqi.AppRejected, Disburse: huiqi.AppDisbursed}

var actionAudit = map[Action]string{Take: "application.review", Return: "application.return",
	Approve: "application.approve", Reject: "application.reject", Disburse: "application.disburse"}

// Status is the status the move leads to ("" for an unknown action).
func (a Action) Status() huiqi.ApplicationStatus { return actionStatus[a] }

// Label returns the move's Chinese name.
func (a Action) Label() string {
	return map[Action]string{Take: "受理审核", Return: "退回修改", Approve: "审核通过", Reject: "不予通过", Disburse: "确认拨付"}[a]
}

// Move is a reviewer's decision on an application.
type Move struct {
	Action   Action
	Comment  string
	Amount   int64 // yuan granted, for Approve
	Revision int   // the revision decided on; 0 for the current
}

// ActionsFor lists the moves u may make on a now.
func ActionsFor(u *huiqi.User, a *huiqi.Application) []Action {
	var out []Action
	if !reviews(u) || !account.Within(u, a.RegionCode) {
		return nil
	}
	for _, act := range Actions {
		if a.Status.CanMove(act.Status(), u.Role) {
			out = append(out, act)
		}
	}
	return out
}

// Review moves the application id for a reviewer (or administrator)
// acting within its region: ENOTFOUND for those who may not see it,
// EFORBIDDEN for a move the workflow does not allow them, EINVALID for a
// return or rejection without a comment or an approval without a positive
// amount within the measure's maximum. The applicant is then notified.
func (s *Service) Review(ctx context.Context, u *huiqi.User, id string, mv Move) (*huiqi.Application, error) {
	a, err := s.Get(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := checkRevision(a, mv.Revision); err != nil {
		return nil, err
	}
	next := mv.Action.Status()
	switch {
	case next == "":
		return nil, huiqi.Errorf(huiqi.EINVALID, "审核操作 %q 无效，应为 take、return、approve、reject 或 disburse", mv.Action)
	case !reviews(u) || !a.Status.CanMove(next, u.Role):
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "%s的申报不能由%s%s", a.Status.Label(), u.Role.Label(), mv.Action.Label())
	}
	amount, err := s.checkMove(ctx, a, &mv)
	if err != nil {
		return nil, err
	}
	from := a.Status
	a.Status = next
	if amount != nil {
		a.GrantedYuan = amount
	}
	detail := map[string]any{"from": from, "to": next, "revision": a.Revision + 1}
	if amount != nil {
		detail["amount_yuan"] = *amount
	}
	ev := s.entry(u, actionAudit[mv.Action], a.ID, detail)
	if err := s.Apps.UpdateApplication(ctx, a, s.step(u, next, mv.Comment, amount), ev); err != nil {
		return nil, err
	}
	s.notifyApplicant(ctx, a, mv)
	return a, nil
}

// checkMove checks a move's comment and amount and returns the amount to
// record (nil but for an approval).
func (s *Service) checkMove(ctx context.Context, a *huiqi.Application, mv *Move) (*int64, error) {
	mv.Comment = strings.TrimSpace(mv.Comment)
	switch {
	case utf8.RuneCountInString(mv.Comment) > maxFieldRunes:
		return nil, huiqi.Errorf(huiqi.EINVALID, "审核意见超过 %d 字", maxFieldRunes)
	case (mv.Action == Return || mv.Action == Reject) && mv.Comment == "":
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s需要填写审核意见（comment）", mv.Action.Label())
	case mv.Action != Approve:
		return nil, nil
	case mv.Amount <= 0:
		return nil, huiqi.Errorf(huiqi.EINVALID, "审核通过需要填写核定金额（amount），应为正数，收到 %d", mv.Amount)
	}
	m, err := s.findMeasure(ctx, a.PolicyID, a.PolicyVersion, a.MeasureID)
	if err != nil {
		return nil, err
	}
	if hi, ok := m.maxYuan(); ok && mv.Amount > hi {
		return nil, huiqi.Errorf(huiqi.EINVALID, "核定金额 %d 元超过该措施的最高额度 %d 元", mv.Amount, hi)
	}
	amount := mv.Amount
	return &amount, nil
}
