package natsjobs

import (
	"context"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/synth"
)

// synthSource streams synthetic enterprises, keyed by credit code.
type synthSource struct {
	g    *synth.EnterpriseGenerator
	left int
}

func (s *synthSource) Next(context.Context) (string, *huiqi.Enterprise, error) {
	if s.left == 0 {
		return "", nil, io.EOF
	}
	s.left--
	e := s.g.Next()
	return e.CreditCode, &e, nil
}

// BenchmarkRun runs HUIQI_BENCH_ENTERPRISES (default 20,000) synthetic
// enterprises through JetStream against the demo corpus's measures, with
// two workers in this process, and reports the rate; compare with
// match.Batch on the same matcher to see what the queue costs.
func BenchmarkRun(b *testing.B) {
	nc := connect(b)
	n := 20_000
	if s := os.Getenv("HUIQI_BENCH_ENTERPRISES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	m := demoMatcher(b)
	for _, c := range []struct {
		name string
		jobs huiqi.MatchJobs
	}{
		{"nats-memory", &Runner{Conn: nc, Matcher: m, Workers: 2, Memory: true}},
		{"nats-file", &Runner{Conn: nc, Matcher: m, Workers: 2}},
		{"in-process", &match.Batch{Matcher: m}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				start := time.Now()
				st, err := c.jobs.Run(context.Background(), &synthSource{g: synth.NewEnterprises(11), left: n}, &collected{}, asOf)
				if err != nil || st.Enterprises != n {
					b.Fatalf("%d of %d: %v", st.Enterprises, n, err)
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "enterprises/s")
			}
		})
	}
}
