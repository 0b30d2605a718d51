// Package apply is 我要申报: an enterprise's application for one measure,
// prefilled from its profile and the match, edited and submitted with an
// SMS code, then moved through review by the reviewers of its region. Every
// rule of who may see and move an application lives here, not in the
// pages or the API; every change is one store write with its audit entry.
package apply

import (
	"encoding/json"
	"log/slog"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/upload"
)

// MaxFiles is the most files one application may carry.
const MaxFiles = 10

// Service runs applications. Its fields are its parts; the zero Now is
// time.Now and zero Limits are upload's defaults (20 MB a file). Threads,
// when set, stores the notifications of submissions (to the region's
// reviewers) and of reviewers' moves (to the applicant); Log, when set,
// logs those that cannot be stored (slog.Default otherwise).
type Service struct {
	Apps     huiqi.ApplicationStore
	Accounts *account.Service
	Users    huiqi.AccountStore
	Policies huiqi.PolicyStore
	Profiles huiqi.ProfileStore
	Matcher  *match.Cache
	Now      func() time.Time
	Limits   upload.Limits
	Threads  huiqi.ConsultStore
	Log      *slog.Logger
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// entry is the audit entry of an action by u on the application id ("" when
// the store names it), with detail as JSON. Details carry IDs, statuses and
// amounts, never personal data.
func (s *Service) entry(u *huiqi.User, action, id string, detail map[string]any) *huiqi.AuditEntry {
	ev := &huiqi.AuditEntry{At: s.now(), Actor: u.ID, Action: action}
	if id != "" {
		ev.Object = "application:" + id
	}
	if len(detail) > 0 {
		b, _ := json.Marshal(detail) // maps of strings, numbers and IDs always encode
		ev.Detail = string(b)
	}
	return ev
}

// step is the workflow step of u moving an application to status.
func (s *Service) step(u *huiqi.User, status huiqi.ApplicationStatus, comment string, amount *int64) *huiqi.ApplicationStep {
	name := u.Name
	if name == "" {
		name = u.Username
	}
	return &huiqi.ApplicationStep{Status: status, By: u.ID, ByName: name, Role: u.Role,
		At: s.now(), Comment: comment, AmountYuan: amount}
}

// notFound is what anyone who may not see an application is told, so that
// IDs cannot be probed.
func notFound(id string) error { return huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 不存在", id) }

// signedIn refuses nobody and disabled accounts.
func signedIn(u *huiqi.User) error {
	if u == nil {
		return huiqi.Errorf(huiqi.EUNAUTHORIZED, "请先登录")
	}
	if u.Disabled {
		return huiqi.Errorf(huiqi.EFORBIDDEN, "账号已停用")
	}
	return nil
}
