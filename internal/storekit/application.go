package storekit

import (
	"encoding/json"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// appStatuses are the statuses an application may be stored with.
var appStatuses = map[huiqi.ApplicationStatus]bool{
	huiqi.AppDraft: true, huiqi.AppSubmitted: true, huiqi.AppUnderReview: true, huiqi.AppReturned: true,
	huiqi.AppResubmitted: true, huiqi.AppApproved: true, huiqi.AppRejected: true, huiqi.AppDisbursed: true,
}

// CheckAppStatus refuses a status an application may not be stored with.
func CheckAppStatus(s huiqi.ApplicationStatus) error {
	if !appStatuses[s] {
		return huiqi.Errorf(huiqi.EINVALID, "申报状态 %q 无效", s)
	}
	return nil
}

// CheckApplication refuses an application that names no applicant,
// policy or measure, or has an unknown status.
func CheckApplication(a *huiqi.Application) error {
	switch {
	case a == nil:
		return huiqi.Errorf(huiqi.EINVALID, "申报为空")
	case a.UserID == "":
		return huiqi.Errorf(huiqi.EINVALID, "申报缺少申报用户")
	case a.PolicyID == "" || a.MeasureID == "":
		return huiqi.Errorf(huiqi.EINVALID, "申报缺少政策或措施 (policy %q, measure %q)", a.PolicyID, a.MeasureID)
	}
	return CheckAppStatus(a.Status)
}

// CheckAttachment refuses an attachment without a file name.
func CheckAttachment(att *huiqi.Attachment) error {
	if att == nil || att.Name == "" {
		return huiqi.Errorf(huiqi.EINVALID, "附件缺少文件名")
	}
	return nil
}

// EncodeForm is a form as stored: a JSON object, {} for none.
func EncodeForm(form map[string]string) string {
	if form == nil {
		form = map[string]string{}
	}
	b, _ := json.Marshal(form) // a map of strings always encodes
	return string(b)
}

// DecodeForm reads a stored form; an empty one is nil.
func DecodeForm(b []byte) (map[string]string, error) {
	var form map[string]string
	if err := json.Unmarshal(b, &form); err != nil || len(form) == 0 {
		return nil, err
	}
	return form, nil
}

// CheckNewApplication checks a new application, a draft unless a.Status
// says otherwise, and that its write has an audit entry.
func CheckNewApplication(a *huiqi.Application, ev *huiqi.AuditEntry) error {
	if a != nil && a.Status == "" {
		a.Status = huiqi.AppDraft
	}
	if err := CheckApplication(a); err != nil {
		return err
	}
	return RequireAudit(ev, "create application")
}

// CheckUpdate checks an update of a with step (nil: none) and its audit
// entry, and returns the step as stored: a's status when it names none,
// its time to the microsecond, now when zero.
func CheckUpdate(a *huiqi.Application, step *huiqi.ApplicationStep, ev *huiqi.AuditEntry, now time.Time) (huiqi.ApplicationStep, error) {
	if err := CheckApplication(a); err != nil {
		return huiqi.ApplicationStep{}, err
	}
	if err := RequireAudit(ev, "update application"); err != nil {
		return huiqi.ApplicationStep{}, err
	}
	if step == nil {
		return huiqi.ApplicationStep{}, nil
	}
	st := *step
	if st.Status == "" {
		st.Status = a.Status
	}
	if err := CheckAppStatus(st.Status); err != nil {
		return huiqi.ApplicationStep{}, err
	}
	st.At = Micro(st.At)
	if st.At.IsZero() {
		st.At = now
	}
	return st, nil
}
