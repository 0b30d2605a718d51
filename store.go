package huiqi

import (
	"context"
	"time"
)

// PolicyStore keeps policies and their versions, and the original files byte for
// byte. Implementations: sqlite (embedded default) and postgres (server mode);
// storetest holds the suite both pass.
type PolicyStore interface {
	// SavePolicy stores p, extracted from raw, in one transaction. A policy whose
	// IdentityKey is new is created as version 1; a known identity with a
	// version of the same file hash or the same text is left unchanged (the
	// result names that version); any other change becomes a new version. It
	// sets p.ID and p.Version.
	SavePolicy(ctx context.Context, p *Policy, raw []byte) (SaveResult, error)
	// FindPolicy returns the latest version of the policy with the given ID.
	FindPolicy(ctx context.Context, id string) (*Policy, error)
	// FindPolicyVersion returns one version; ENOTFOUND when either is unknown.
	FindPolicyVersion(ctx context.Context, id string, version int) (*Policy, error)
	// ListVersions returns the versions of a policy, oldest first.
	ListVersions(ctx context.Context, id string) ([]VersionInfo, error)
	// ListPolicies returns summaries of latest versions, newest ingest first, and the total count.
	ListPolicies(ctx context.Context, f PolicyFilter) ([]PolicySummary, int, error)
	// OriginalFile returns the stored bytes of a policy version's source file.
	OriginalFile(ctx context.Context, id string, version int) (Source, []byte, error)
	// DeletePolicy removes a policy with all its versions.
	DeletePolicy(ctx context.Context, id string) error
	Close() error
}

// SaveOutcome says what SavePolicy did.
type SaveOutcome string

// Outcomes of SavePolicy.
const (
	SaveCreated    SaveOutcome = "created"
	SaveNewVersion SaveOutcome = "new_version"
	SaveUnchanged  SaveOutcome = "unchanged"
)

// SaveResult reports the stored identity of a policy.
type SaveResult struct {
	ID      string
	Version int
	Outcome SaveOutcome
}

// VersionInfo describes one stored version.
type VersionInfo struct {
	Version   int       `json:"version"`
	Title     string    `json:"title"`
	SHA256    string    `json:"sha256"`
	FileName  string    `json:"file_name"`
	CreatedAt time.Time `json:"created_at"`
	// CuratedBy is the user who curated this version (CurationStore), ""
	// for a version extracted by the machine; Note is what they wrote.
	CuratedBy string `json:"curated_by,omitempty"`
	Note      string `json:"note,omitempty"`
}

// PolicySummary is a row of a policy list.
type PolicySummary struct {
	ID          string    `json:"id"`
	Version     int       `json:"version"`
	Title       string    `json:"title"`
	DocNumber   string    `json:"doc_number"`
	DocType     string    `json:"doc_type"`
	RegionCode  string    `json:"region_code"`
	Issuers     []string  `json:"issuers"`
	IssuedOn    Date      `json:"issued_on"`
	PublishedOn Date      `json:"published_on"`
	Draft       bool      `json:"draft"`
	Measures    int       `json:"measures"`
	Targets     int       `json:"targets"`
	Tasks       int       `json:"tasks"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// PolicyFilter narrows and pages ListPolicies. Limit 0 means a default of 50.
type PolicyFilter struct {
	RegionCode string
	DocType    string
	Offset     int
	Limit      int
}
