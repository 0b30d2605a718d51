package match

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/synth"
)

var (
	benchOnce sync.Once
	bench100k *Matcher
)

// BenchmarkMatchOne matches one synthetic enterprise at a time, with
// explanations, against 100,000 synthetic measures; it reports the p50
// and p99 latency of a match (goal: 20 ms and 100 ms).
func BenchmarkMatchOne(b *testing.B) {
	benchOnce.Do(func() {
		start := time.Now()
		bench100k = New(synthPolicies(b, 100_000, 1), nil)
		b.Logf("matcher over %+v built in %s", bench100k.Stats(), time.Since(start))
	})
	m := bench100k
	g := synth.NewEnterprises(7)
	ents := make([]huiqi.Enterprise, 1000)
	for i := range ents {
		ents[i] = g.Next()
	}
	times := make([]time.Duration, 0, b.N)
	results := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		rep := m.Match(&ents[i%len(ents)], asOf, Options{})
		times = append(times, time.Since(t0))
		results += len(rep.Results)
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[len(times)*99/100]), "p99-ms")
	b.ReportMetric(float64(results)/float64(len(times)), "results/op")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkBatch matches HUIQI_BENCH_ENTERPRISES synthetic enterprises
// (default 100,000; the goal is 1,000,000 in 10 minutes) against 10,000
// synthetic measures with the in-process runner, and reports the time,
// the rate and the peak resident memory of the process.
func BenchmarkBatch(b *testing.B) {
	n := 100_000
	if s := os.Getenv("HUIQI_BENCH_ENTERPRISES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	m := New(synthPolicies(b, 10_000, 2), nil)
	b.Logf("matcher over %+v", m.Stats())
	for b.Loop() {
		var hits int
		sink := SinkFunc(func(_ context.Context, s huiqi.MatchSummary) error { hits += len(s.Hits); return nil })
		start := time.Now()
		st, err := (&Batch{Matcher: m}).Run(context.Background(), &synthSource{g: synth.NewEnterprises(11), left: n}, sink, asOf)
		if err != nil || st.Enterprises != n {
			b.Fatalf("%d of %d enterprises: %v", st.Enterprises, n, err)
		}
		el := time.Since(start)
		b.ReportMetric(el.Seconds(), "s/run")
		b.ReportMetric(float64(n)/el.Seconds(), "enterprises/s")
		b.ReportMetric(float64(hits)/float64(n), "hits/enterprise")
	}
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
	b.Logf("GOMAXPROCS %d", runtime.GOMAXPROCS(0))
}

// peakRSSMB is the process's peak resident set (VmHWM), in MB; 0 where
// /proc is not there.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}
