package huiqi

import (
	"context"
	"time"
)

// MatchSummary is one enterprise's batch match: the measures not ruled
// out, with status and amount, and the total under the stacking rules.
type MatchSummary struct {
	// Key names the enterprise in its source (a credit code, a line number).
	Key      string     `json:"key"`
	Eligible int        `json:"eligible"`
	Likely   int        `json:"likely"`
	Unknown  int        `json:"unknown"`
	MinYuan  int64      `json:"min_yuan"`
	MaxYuan  int64      `json:"max_yuan"`
	Hits     []MatchHit `json:"hits,omitempty"`
	// Error is set when the enterprise could not be matched.
	Error string `json:"error,omitempty"`
}

// MatchHit is one measure of a summary.
type MatchHit struct {
	MeasureID string      `json:"measure_id"`
	Status    MatchStatus `json:"status"`
	MinYuan   int64       `json:"min_yuan"`
	MaxYuan   int64       `json:"max_yuan"`
}

// EnterpriseSource yields the enterprises of a batch; Next returns io.EOF
// after the last.
type EnterpriseSource interface {
	Next(ctx context.Context) (key string, e *Enterprise, err error)
}

// MatchSink receives one summary per enterprise, in any order. Put is
// called from one goroutine at a time.
type MatchSink interface {
	Put(ctx context.Context, s MatchSummary) error
}

// EnterpriseMatcher summarises one enterprise's match; match.Matcher is one.
type EnterpriseMatcher interface {
	Summarize(key string, e *Enterprise, asOf Date) MatchSummary
}

// MatchJobs runs batch matching: every enterprise of src matched as of
// asOf, each summary written to sink. Implementations: in process
// (match.Batch) and over NATS JetStream (package natsjobs).
type MatchJobs interface {
	Run(ctx context.Context, src EnterpriseSource, sink MatchSink, asOf Date) (BatchStats, error)
}

// BatchStats report a batch run.
type BatchStats struct {
	Enterprises int           `json:"enterprises"`
	Hits        int           `json:"hits"`
	MinYuan     int64         `json:"min_yuan"`
	MaxYuan     int64         `json:"max_yuan"`
	Elapsed     time.Duration `json:"elapsed_ns"`
}

// Add counts one summary.
func (s *BatchStats) Add(m MatchSummary) {
	s.Enterprises++
	s.Hits += len(m.Hits)
	s.MinYuan += m.MinYuan
	s.MaxYuan += m.MaxYuan
}
