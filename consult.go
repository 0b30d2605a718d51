package huiqi

import (
	"context"
	"time"
)

// ThreadStatus says whether a consultation waits for staff.
type ThreadStatus string

// Thread statuses.
const (
	ThreadOpen     ThreadStatus = "open"     // 待答复
	ThreadAnswered ThreadStatus = "answered" // 已答复
)

// Label returns the status's Chinese name.
func (s ThreadStatus) Label() string {
	if s == ThreadAnswered {
		return "已答复"
	}
	return "待答复"
}

// Thread is a consultation (在线咨询) about one policy, routed to the
// officers of the policy's region.
type Thread struct {
	ID          string          `json:"id"`
	PolicyID    string          `json:"policy_id"`
	PolicyTitle string          `json:"policy_title"`
	RegionCode  string          `json:"region_code"`
	UserID      string          `json:"user_id"`
	CreditCode  string          `json:"credit_code,omitempty"`
	Question    string          `json:"question"`
	Status      ThreadStatus    `json:"status"`
	Messages    []ThreadMessage `json:"messages,omitempty"`
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
}

// ThreadMessage is one message of a thread: the question, the instant
// answer drawn from the policy (with its citations), or a person's reply.
type ThreadMessage struct {
	ID        int64        `json:"id"`
	By        string       `json:"by"` // user ID, or "huiqi" for the instant answer
	ByName    string       `json:"by_name,omitempty"`
	Role      Role         `json:"role,omitempty"`
	Text      string       `json:"text"`
	Citations []Provenance `json:"citations,omitempty"`
	At        time.Time    `json:"at"`
}

// Notification tells a user that something waits for them.
type Notification struct {
	ID        int64      `json:"id"`
	UserID    string     `json:"user_id"`
	Text      string     `json:"text"`
	Link      string     `json:"link"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at,omitempty"`
}

// ThreadFilter narrows a listing of threads; empty fields do not filter.
type ThreadFilter struct {
	UserID         string
	RegionPrefixes []string
	PolicyID       string
	Status         ThreadStatus
	Limit, Offset  int
}

// ConsultStore keeps consultation threads and notifications; writes append
// their audit entry in the same transaction. Implementations: sqlite and
// postgres; storetest.RunConsult is the suite.
type ConsultStore interface {
	// CreateThread stores t with its first messages and notifies the
	// users named, setting IDs and times.
	CreateThread(ctx context.Context, t *Thread, notify []Notification, ev *AuditEntry) error
	// AddMessage appends m to a thread, sets its status and notifies.
	AddMessage(ctx context.Context, threadID string, m *ThreadMessage, status ThreadStatus, notify []Notification, ev *AuditEntry) error
	FindThread(ctx context.Context, id string) (*Thread, error)
	// ListThreads lists threads without messages, most recently updated
	// first, and the total count.
	ListThreads(ctx context.Context, f ThreadFilter) ([]Thread, int, error)
	// Notifications lists a user's notifications, newest first.
	Notifications(ctx context.Context, userID string, unreadOnly bool, limit int) ([]Notification, error)
	MarkRead(ctx context.Context, userID string, ids []int64, at time.Time) error
	// Notify stores notifications of other things than threads (an
	// application's moves) in one transaction, setting their IDs and times.
	Notify(ctx context.Context, ns []Notification) error
}
