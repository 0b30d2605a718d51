package huiqi

import (
	"context"
	"time"
)

// CurationStore keeps what officers correct: curated versions of policies
// beside the machine's, and curated rules for measures replacing the
// proposed conditions. Implementations: sqlite and postgres;
// storetest.RunCuration is the suite.
type CurationStore interface {
	// CuratePolicy stores p as a new version of policy id marked curated by
	// ev.Actor with the note, only when base is the latest version
	// (ECONFLICT otherwise; ENOTFOUND for an unknown policy). The version
	// keeps the original file of base; every earlier version stays
	// readable. ev is appended in the same transaction. It sets p.ID and
	// p.Version.
	CuratePolicy(ctx context.Context, id string, base int, p *Policy, note string, ev *AuditEntry) (SaveResult, error)
	// SaveRule stores r as the next version of its measure's curated rule,
	// setting r.Version (and r.At when zero); ev in the same transaction.
	SaveRule(ctx context.Context, r *CuratedRule, ev *AuditEntry) error
	// CuratedRules returns the latest version of each measure's rule,
	// ordered by measure ID.
	CuratedRules(ctx context.Context) ([]CuratedRule, error)
	// RuleHistory returns every version of a measure's rule, oldest first;
	// empty when none was published.
	RuleHistory(ctx context.Context, measureID string) ([]CuratedRule, error)
}

// CuratedRule is a measure's rule as an officer published it: the rule
// file (docs/rules.md) and its test cases, both YAML.
type CuratedRule struct {
	// MeasureID is the proposal's ID (m_<policy>_<clause>_<k>), which the
	// rule's id repeats so that it replaces the proposal in matching.
	MeasureID string    `json:"measure_id"`
	PolicyID  string    `json:"policy_id"`
	YAML      string    `json:"yaml"`
	CasesYAML string    `json:"cases_yaml"`
	By        string    `json:"by"` // user ID
	At        time.Time `json:"at"`
	Version   int       `json:"version"`
}
