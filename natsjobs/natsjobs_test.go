package natsjobs

import (
	"context"
	"errors"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// connect reaches the NATS server with JetStream at HUIQI_NATS_URL
// (default 127.0.0.1:4222). Without one the test skips, and fails with
// CI=true.
func connect(t testing.TB) *nats.Conn {
	t.Helper()
	url := os.Getenv("HUIQI_NATS_URL")
	if url == "" {
		url = "nats://127.0.0.1:4222"
	}
	nc, err := nats.Connect(url, nats.Timeout(2*time.Second))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("NATS at %s: %v", url, err)
		}
		t.Skipf("no NATS server at %s: %v", url, err)
	}
	t.Cleanup(nc.Close)
	return nc
}

var (
	once    sync.Once
	matcher *match.Matcher
)

func demoMatcher(t testing.TB) *match.Matcher {
	once.Do(func() {
		ps, err := searchtest.Corpus()
		if err != nil {
			t.Fatal(err)
		}
		matcher = match.New(ps, nil)
	})
	return matcher
}

func i64(v int64) *int64 { return &v }

func enterprises(n int) []*huiqi.Enterprise {
	regions := []string{"330482", "331081", "330100", "510105", ""}
	out := make([]*huiqi.Enterprise, n)
	for i := range out {
		e := &huiqi.Enterprise{RegionCode: regions[i%len(regions)],
			Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: i64(int64(i) * 1_000_000)}}}
		if i%3 == 0 {
			e.Certifications = []huiqi.Certification{{Name: "孵化器", Level: huiqi.LevelNational, Since: huiqi.Date{Year: 2025, Month: 9, Day: 1}}}
		}
		out[i] = e
	}
	return out
}

type collected struct {
	mu sync.Mutex
	m  map[string]huiqi.MatchSummary
}

func (c *collected) Put(_ context.Context, s huiqi.MatchSummary) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]huiqi.MatchSummary{}
	}
	c.m[s.Key] = s
	return nil
}

var asOf = huiqi.Date{Year: 2026, Month: 5, Day: 1}

// TestRunMatchesInProcess: the summaries through JetStream are those of
// the in-process runner, one per enterprise.
func TestRunMatchesInProcess(t *testing.T) {
	nc := connect(t)
	m := demoMatcher(t)
	ents := enterprises(120)
	var viaNATS, local collected
	r := &Runner{Conn: nc, Matcher: m, Workers: 3, Memory: true}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := r.Run(ctx, &match.SliceSource{Enterprises: ents}, &viaNATS, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&match.Batch{Matcher: m}).Run(ctx, &match.SliceSource{Enterprises: ents}, &local, asOf); err != nil {
		t.Fatal(err)
	}
	if st.Enterprises != len(ents) || len(viaNATS.m) != len(ents) {
		t.Fatalf("%d summaries (stats %d) for %d enterprises", len(viaNATS.m), st.Enterprises, len(ents))
	}
	for i := range ents {
		k := strconv.Itoa(i)
		a, b := viaNATS.m[k], local.m[k]
		if a.Eligible != b.Eligible || a.Likely != b.Likely || a.Unknown != b.Unknown || a.MaxYuan != b.MaxYuan || len(a.Hits) != len(b.Hits) {
			t.Errorf("enterprise %s: NATS %+v, in process %+v", k, a, b)
		}
	}
	if st.MaxYuan == 0 {
		t.Errorf("no amount in %+v", st)
	}
}

// keyed gives every enterprise the same key: keys need not be unique.
type keyed struct{ match.SliceSource }

func (k *keyed) Next(ctx context.Context) (string, *huiqi.Enterprise, error) {
	_, e, err := k.SliceSource.Next(ctx)
	return "same", e, err
}

func TestRunSameKeys(t *testing.T) {
	nc := connect(t)
	r := &Runner{Conn: nc, Matcher: demoMatcher(t), Workers: 2, Memory: true}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n := 0
	sink := match.SinkFunc(func(context.Context, huiqi.MatchSummary) error { n++; return nil })
	st, err := r.Run(ctx, &keyed{match.SliceSource{Enterprises: enterprises(30)}}, sink, asOf)
	if err != nil || st.Enterprises != 30 || n != 30 {
		t.Errorf("%d summaries (stats %d) for 30 enterprises with one key: %v", n, st.Enterprises, err)
	}
}

func TestRunEmptyAndSinkError(t *testing.T) {
	nc := connect(t)
	r := &Runner{Conn: nc, Matcher: demoMatcher(t), Workers: 1, Memory: true}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := r.Run(ctx, &match.SliceSource{}, &collected{}, asOf)
	if err != nil || st.Enterprises != 0 {
		t.Errorf("empty source: %+v, %v", st, err)
	}
	boom := errors.New("sink full")
	sink := match.SinkFunc(func(context.Context, huiqi.MatchSummary) error { return boom })
	if _, err := r.Run(ctx, &match.SliceSource{Enterprises: enterprises(10)}, sink, asOf); !errors.Is(err, boom) {
		t.Errorf("err = %v, want the sink's error", err)
	}
}

// TestWorkerJoins: a worker started apart with the run's id shares the
// jobs and returns once the run is over.
func TestWorkerJoins(t *testing.T) {
	nc := connect(t)
	m := demoMatcher(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	id := NewID()
	done := make(chan error, 1)
	var c collected
	go func() {
		_, err := (&Runner{ID: id, Conn: nc, Matcher: m, Workers: 1, Memory: true}).Run(ctx, &match.SliceSource{Enterprises: enterprises(400)}, &c, asOf)
		done <- err
	}()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	for ctx.Err() == nil {
		if _, err := js.Consumer(ctx, runNames(id).stream, "workers"); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	werr := make(chan error, 1)
	go func() { werr <- Work(ctx, nc, id, m) }()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(c.m) != 400 {
		t.Errorf("%d summaries for 400 enterprises", len(c.m))
	}
	select {
	case err := <-werr:
		if err != nil {
			t.Errorf("the worker ended with %v, want nil once the run is over", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("the worker did not end with the run")
	}
}
