package portal

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/apply"
	"github.com/huiqi-dev/huiqi/upload"
)

// applyView is an application as its pages show it, to the applicant and
// to reviewers.
type applyView struct {
	A          *huiqi.Application
	MatchLabel string
	Reasons    []string
	Conds      []condRow
	ClauseURL  string
	// Clause names the cited clause as a reader cites it (二（十）).
	Clause      string
	CitedText   string
	Expected    string // the expected amount in words
	Granted     string
	Steps       []stepView
	Editable    bool // the applicant may change the form and files
	CanAttach   bool
	MaxFiles    int
	MaxFileSize string
	// Fields are the applicant's answers by name.
	Fields map[string]string
	// Actions are the reviewer's moves; MaxYuan the measure's maximum.
	Actions []actionView
	CSRF    string
	// Notice says what the last action did; Err why it was refused.
	Notice, Err string
}

// actionView is one move a reviewer may make.
type actionView struct {
	Action      apply.Action
	Label       string
	NeedComment bool
	NeedAmount  bool
}

// newApplyView prepares a for u's page.
func newApplyView(w http.ResponseWriter, r *http.Request, u *huiqi.User, a *huiqi.Application) *applyView {
	v := &applyView{A: a, MatchLabel: matchLabels[huiqi.MatchStatus(a.Form[apply.FieldMatchStatus])],
		Conds: condRows(a), CitedText: a.Form[apply.FieldCitedText], Steps: timeline(a),
		ClauseURL: clauseURL(huiqi.Provenance{PolicyID: a.PolicyID, ClausePath: a.ClausePath}),
		Editable:  a.UserID == u.ID && a.Status.Editable(), MaxFiles: apply.MaxFiles,
		MaxFileSize: fileSize(applyMaxSize()), Fields: a.Form, CSRF: csrfToken(w, r)}
	v.CanAttach = v.Editable && len(a.Attachments) < apply.MaxFiles
	for i := range a.Attachments {
		a.Attachments[i].AddedAt = a.Attachments[i].AddedAt.In(chinaTime)
	}
	a.UpdatedAt = a.UpdatedAt.In(chinaTime)
	if s := strings.TrimSpace(a.Form[apply.FieldMatchReasons]); s != "" {
		v.Reasons = strings.Split(s, "\n")
	}
	switch lo, hi := a.ExpectedMinYuan, a.ExpectedMaxYuan; {
	case hi <= 0:
	case lo == hi:
		v.Expected = wan(hi)
	case lo <= 0:
		v.Expected = "最高 " + wan(hi)
	default:
		v.Expected = wan(lo) + "～" + wan(hi)
	}
	if a.GrantedYuan != nil {
		v.Granted = wan(*a.GrantedYuan)
	}
	for _, act := range apply.ActionsFor(u, a) {
		v.Actions = append(v.Actions, actionView{Action: act, Label: act.Label(),
			NeedComment: act == apply.Return || act == apply.Reject, NeedAmount: act == apply.Approve})
	}
	return v
}

// applyMaxSize is the largest file accepted.
func applyMaxSize() int64 {
	if applyLimits.MaxSize > 0 {
		return applyLimits.MaxSize
	}
	return upload.DefaultMaxSize
}

// notices say what a redirect after a post did.
var notices = map[string]string{
	"saved": "草稿已保存。", "attached": "附件已上传。", "removed": "附件已删除。",
	"sent": "验证码已发送到您账号绑定的手机，5 分钟内有效。", "submitted": "申报已提交，请等待审核。",
	"moved": "审核操作已完成。",
}

// userError reports whether err is the user's to correct on the page
// (shown beside the form) rather than a page of its own.
func userError(err error) bool {
	switch huiqi.ErrorCode(err) {
	case huiqi.EINVALID, huiqi.EUNSUPPORTED, huiqi.EUNAUTHORIZED, huiqi.ELIMITED, huiqi.ECONFLICT:
		return true
	}
	return false
}

// inChinaTime sets the applications' update times to Beijing time, as
// the lists show them.
func inChinaTime(apps []huiqi.Application) {
	for i := range apps {
		apps[i].UpdatedAt = apps[i].UpdatedAt.In(chinaTime)
	}
}
