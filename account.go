package huiqi

import (
	"context"
	"time"
)

// Role is what a user may do. Enterprise users sign in with a mobile number
// and an SMS code and act for the enterprises bound to them; staff sign in
// with a password and act within their regions.
type Role string

// Roles.
const (
	RoleEnterprise Role = "enterprise" // 企业用户
	RoleOfficer    Role = "officer"    // 政策专员: curates policies, answers consultations
	RoleReviewer   Role = "reviewer"   // 审核员: reviews applications
	RoleAdmin      Role = "admin"      // 管理员: users, outbox, everything in every region
)

// Label returns the role's Chinese name.
func (r Role) Label() string {
	switch r {
	case RoleEnterprise:
		return "企业用户"
	case RoleOfficer:
		return "政策专员"
	case RoleReviewer:
		return "审核员"
	case RoleAdmin:
		return "管理员"
	}
	return string(r)
}

// Staff reports whether r is a staff role.
func (r Role) Staff() bool { return r == RoleOfficer || r == RoleReviewer || r == RoleAdmin }

// User is an account. IDs are opaque ("u_" and random letters).
type User struct {
	ID string `json:"id"`
	// Phone is the 11-digit mobile number enterprise users sign in with;
	// staff may have one for notifications.
	Phone string `json:"phone,omitempty"`
	// Username is a staff member's login name; "" for enterprise users.
	Username string `json:"username,omitempty"`
	Name     string `json:"name,omitempty"`
	Role     Role   `json:"role"`
	// Regions are the GB/T 2260 codes a staff member acts within (a city
	// covers its districts). An administrator with none acts everywhere.
	Regions []string `json:"regions,omitempty"`
	// PasswordHash is a PHC string (argon2id); never leaves the server.
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
}

// EnterpriseBinding binds a user to an enterprise by its 统一社会信用代码.
// It is a claim until verified: only a verified binding lets the user act
// for the enterprise.
type EnterpriseBinding struct {
	UserID     string    `json:"user_id"`
	CreditCode string    `json:"credit_code"`
	Name       string    `json:"name"`
	BoundAt    time.Time `json:"bound_at"`
	// RegionCode is the GB/T 2260 code of where the enterprise is
	// registered, which decides the officers who may verify the claim.
	RegionCode string     `json:"region_code,omitempty"`
	Verified   bool       `json:"verified,omitempty"`
	VerifiedBy string     `json:"verified_by,omitempty"` // user ID, or "system"
	VerifiedAt *time.Time `json:"verified_at,omitempty"`
}

// Code purposes: what an SMS verification code may be used for.
const (
	CodeSignIn = "sign_in"
	CodeSubmit = "submit" // confirms submitting an application
)

// SMSCode is an issued verification code. Only its hash is stored.
type SMSCode struct {
	Phone     string
	Purpose   string
	Hash      string
	IP        string
	CreatedAt time.Time
	ExpiresAt time.Time
	Tries     int
	Used      bool
}

// CodeLimits bound how often codes are issued. IssueCode enforces them in
// the same transaction as the insert, so a burst cannot pass them.
type CodeLimits struct {
	PhoneInterval time.Duration // at most one code per number per interval (60 s)
	PhoneDay      int           // codes per number per 24 hours (10)
	IPHour        int           // codes per client address per hour
	IPDay         int           // codes per client address per 24 hours
}

// Session is a signed-in browser. The cookie holds a random token; the
// store keeps only its hash.
type Session struct {
	IDHash    string    `json:"-"`
	UserID    string    `json:"user_id"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	IP        string    `json:"ip,omitempty"`
	UserAgent string    `json:"user_agent,omitempty"`
}

// APIToken lets an integrator call the API as a user. The token is shown
// once; the store keeps its hash.
type APIToken struct {
	ID         string     `json:"id"`
	UserID     string     `json:"user_id"`
	Name       string     `json:"name"`
	Hash       string     `json:"-"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// OutboxMessage is an SMS as the development sender keeps it, for the
// administrator's outbox page.
type OutboxMessage struct {
	ID     int64     `json:"id"`
	Phone  string    `json:"phone"`
	Text   string    `json:"text"`
	SentAt time.Time `json:"sent_at"`
}

// AccountStore keeps users, enterprise bindings, verification codes,
// sessions, API tokens and the development outbox. Implementations: sqlite
// and postgres; storetest.RunAccounts is the suite.
type AccountStore interface {
	// CreateUser stores u and sets u.ID and u.CreatedAt; ECONFLICT when its
	// phone or username is taken, EINVALID for a bad role.
	CreateUser(ctx context.Context, u *User, ev *AuditEntry) error
	// UpdateUser replaces name, phone, role, regions, password hash and
	// disabled of the user u.ID.
	UpdateUser(ctx context.Context, u *User, ev *AuditEntry) error
	FindUser(ctx context.Context, id string) (*User, error)
	FindUserByPhone(ctx context.Context, phone string) (*User, error)
	FindUserByUsername(ctx context.Context, username string) (*User, error)
	// ListUsers lists users with the role ("" for all), oldest first.
	ListUsers(ctx context.Context, role Role) ([]User, error)

	// BindEnterprise binds a user to an enterprise (again: nothing changes).
	BindEnterprise(ctx context.Context, b *EnterpriseBinding, ev *AuditEntry) error
	// Enterprises lists the enterprises bound to a user.
	Enterprises(ctx context.Context, userID string) ([]EnterpriseBinding, error)
	// VerifyBinding verifies the user's claim to the enterprise, by
	// ev.Actor at now, appending ev; ENOTFOUND when there is no such claim.
	// Verifying again changes nothing and appends nothing.
	VerifyBinding(ctx context.Context, userID, creditCode string, ev *AuditEntry) error
	// PendingBindings lists unverified claims of enterprises registered in
	// regions with one of the prefixes (every region when none), oldest
	// first, at most limit.
	PendingBindings(ctx context.Context, regionPrefixes []string, limit int) ([]EnterpriseBinding, error)

	// IssueCode stores c unless a limit is reached at c.CreatedAt, in one
	// transaction: ELIMITED with a message naming the limit and when to try
	// again. A new code for the same phone and purpose replaces older ones.
	IssueCode(ctx context.Context, c *SMSCode, lim CodeLimits) error
	// CheckCode checks hash against the latest unused, unexpired code for
	// phone and purpose at now, counting the try: ok when it matches (the
	// code is then used up); ELIMITED once maxTries tries were made;
	// ENOTFOUND when there is no live code.
	CheckCode(ctx context.Context, phone, purpose, hash string, maxTries int, now time.Time) (ok bool, err error)

	CreateSession(ctx context.Context, s *Session) error
	// FindSession returns the live session with the hash at now; ENOTFOUND
	// for an unknown or expired one.
	FindSession(ctx context.Context, idHash string, now time.Time) (*Session, error)
	DeleteSession(ctx context.Context, idHash string) error
	// DeleteUserSessions signs a user out everywhere and says how many
	// sessions ended.
	DeleteUserSessions(ctx context.Context, userID string) (int, error)
	// PurgeExpired deletes, at now, the codes that expired more than a day
	// ago (the last day's stay: the per-day limits count them) and the
	// expired sessions, and says how many of each went.
	PurgeExpired(ctx context.Context, now time.Time) (codes, sessions int, err error)

	CreateToken(ctx context.Context, t *APIToken, ev *AuditEntry) error
	// FindToken returns the unrevoked token with the hash and records its use.
	FindToken(ctx context.Context, hash string, now time.Time) (*APIToken, error)
	ListTokens(ctx context.Context, userID string) ([]APIToken, error)
	RevokeToken(ctx context.Context, userID, id string, ev *AuditEntry) error

	// AddOutbox keeps a message of the development SMS sender.
	AddOutbox(ctx context.Context, m *OutboxMessage) error
	// Outbox lists the latest messages, newest first.
	Outbox(ctx context.Context, limit int) ([]OutboxMessage, error)
}
