package huiqi

import (
	"context"
	"time"
)

// ApplicationStatus is where an application (申报) stands.
type ApplicationStatus string

// Application statuses, in workflow order.
const (
	AppDraft       ApplicationStatus = "draft"        // 草稿
	AppSubmitted   ApplicationStatus = "submitted"    // 已提交
	AppUnderReview ApplicationStatus = "under_review" // 审核中
	AppReturned    ApplicationStatus = "returned"     // 退回修改
	AppResubmitted ApplicationStatus = "resubmitted"  // 已重新提交
	AppApproved    ApplicationStatus = "approved"     // 审核通过
	AppRejected    ApplicationStatus = "rejected"     // 未通过
	AppDisbursed   ApplicationStatus = "disbursed"    // 资金已拨付
)

// Label returns the status's Chinese name.
func (s ApplicationStatus) Label() string {
	switch s {
	case AppDraft:
		return "草稿"
	case AppSubmitted:
		return "已提交"
	case AppUnderReview:
		return "审核中"
	case AppReturned:
		return "退回修改"
	case AppResubmitted:
		return "已重新提交"
	case AppApproved:
		return "审核通过"
	case AppRejected:
		return "未通过"
	case AppDisbursed:
		return "资金已拨付"
	}
	return string(s)
}

// appMoves is the workflow: from a status, to the statuses a role may move
// an application to. The enterprise edits drafts and returned applications
// and submits them; reviewers do the rest.
var appMoves = map[ApplicationStatus]map[ApplicationStatus]Role{
	AppDraft:       {AppSubmitted: RoleEnterprise},
	AppSubmitted:   {AppUnderReview: RoleReviewer},
	AppUnderReview: {AppReturned: RoleReviewer, AppApproved: RoleReviewer, AppRejected: RoleReviewer},
	AppReturned:    {AppResubmitted: RoleEnterprise},
	AppResubmitted: {AppUnderReview: RoleReviewer},
	AppApproved:    {AppDisbursed: RoleReviewer},
}

// CanMove reports whether a user of role may move an application from s to
// next. An administrator may do what a reviewer may.
func (s ApplicationStatus) CanMove(next ApplicationStatus, role Role) bool {
	r, ok := appMoves[s][next]
	return ok && (r == role || r == RoleReviewer && role == RoleAdmin)
}

// Moves lists the statuses a user of role may move an application to from s.
func (s ApplicationStatus) Moves(role Role) []ApplicationStatus {
	var out []ApplicationStatus
	for _, next := range []ApplicationStatus{AppSubmitted, AppUnderReview, AppReturned, AppResubmitted, AppApproved, AppRejected, AppDisbursed} {
		if s.CanMove(next, role) {
			out = append(out, next)
		}
	}
	return out
}

// Editable reports whether the enterprise may change the form and files.
func (s ApplicationStatus) Editable() bool { return s == AppDraft || s == AppReturned }

// Application is an enterprise's application for one measure, prefilled
// from its profile and the match result.
type Application struct {
	ID             string `json:"id"`
	UserID         string `json:"user_id"`
	CreditCode     string `json:"credit_code"`
	EnterpriseName string `json:"enterprise_name"`
	// The measure applied for and where it is stated.
	PolicyID      string `json:"policy_id"`
	PolicyVersion int    `json:"policy_version"`
	PolicyTitle   string `json:"policy_title"`
	MeasureID     string `json:"measure_id"`
	MeasureName   string `json:"measure_name"`
	ClausePath    string `json:"clause_path,omitempty"`
	// RegionCode is the policy's region: it routes the application to the
	// reviewers of that region.
	RegionCode string            `json:"region_code"`
	Status     ApplicationStatus `json:"status"`
	// Form holds the answers by field name (contact, phone, what qualifies
	// the enterprise…).
	Form map[string]string `json:"form,omitempty"`
	// Expected amounts from the match; Granted set on approval.
	ExpectedMinYuan int64             `json:"expected_min_yuan,omitempty"`
	ExpectedMaxYuan int64             `json:"expected_max_yuan,omitempty"`
	GrantedYuan     *int64            `json:"granted_yuan,omitempty"`
	Attachments     []Attachment      `json:"attachments,omitempty"`
	Steps           []ApplicationStep `json:"steps,omitempty"`
	CreatedAt       time.Time         `json:"created_at"`
	UpdatedAt       time.Time         `json:"updated_at"`
	// Revision counts the changes; an update names the revision it read
	// (optimistic locking), ECONFLICT when another change came first.
	Revision int `json:"revision"`
}

// ApplicationStep is one move of the workflow: who, when, and why.
type ApplicationStep struct {
	Status     ApplicationStatus `json:"status"`
	By         string            `json:"by"`
	ByName     string            `json:"by_name,omitempty"`
	Role       Role              `json:"role"`
	At         time.Time         `json:"at"`
	Comment    string            `json:"comment,omitempty"`
	AmountYuan *int64            `json:"amount_yuan,omitempty"`
}

// Attachment is a file attached to an application; its bytes are stored
// with it, in the same transaction.
type Attachment struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	AddedAt     time.Time `json:"added_at"`
}

// ApplicationFilter narrows a listing; empty fields do not filter.
type ApplicationFilter struct {
	UserID     string
	CreditCode string
	// RegionPrefixes keeps applications whose region code starts with any
	// of them (RegionPrefix of a staff member's regions).
	RegionPrefixes []string
	PolicyID       string
	Statuses       []ApplicationStatus
	Limit, Offset  int
}

// RegionPrefix returns the prefix every code within the GB/T 2260 region
// code shares: 510000 → 51, 510100 → 5101, 510105 → 510105, and "" for
// the whole country (100000 or "").
func RegionPrefix(code string) string {
	if code == "" || code == "100000" {
		return ""
	}
	for len(code) > 2 && code[len(code)-2:] == "00" {
		code = code[:len(code)-2]
	}
	return code
}

// ApplicationStore keeps applications, their steps and files. Every write
// appends its audit entry in the same transaction. Implementations: sqlite
// and postgres; storetest.RunApplications is the suite.
type ApplicationStore interface {
	// CreateApplication stores a new application (a draft) and sets its
	// ID, times and Revision 1.
	CreateApplication(ctx context.Context, a *Application, ev *AuditEntry) error
	// UpdateApplication stores a's form, status, amounts and names, and
	// appends step when not nil, if a.Revision is the stored revision
	// (ECONFLICT otherwise); it increments a.Revision.
	UpdateApplication(ctx context.Context, a *Application, step *ApplicationStep, ev *AuditEntry) error
	FindApplication(ctx context.Context, id string) (*Application, error)
	// ListApplications lists matching applications, most recently updated
	// first, without attachments' bytes, and the total count.
	ListApplications(ctx context.Context, f ApplicationFilter) ([]Application, int, error)
	// AddAttachment stores a file of an application and sets att.ID and
	// att.AddedAt. maxFiles > 0 is the most files the application may
	// hold, counted in the same transaction so that concurrent additions
	// cannot pass it: EINVALID once it holds that many.
	AddAttachment(ctx context.Context, appID string, att *Attachment, data []byte, maxFiles int, ev *AuditEntry) error
	// AttachmentData returns a file of an application; ENOTFOUND when the
	// file is not the application's.
	AttachmentData(ctx context.Context, appID, attID string) (*Attachment, []byte, error)
	RemoveAttachment(ctx context.Context, appID, attID string, ev *AuditEntry) error
}
