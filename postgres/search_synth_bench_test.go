package postgres_test

import (
	"bytes"
	"context"
	"database/sql"
	"math"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/extract"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/synth"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// synthSize is the number of synthetic documents of the benchmarks at
// scale: HUIQI_BENCH_SYNTH, default 2,000 (about a minute to build and index
// on two cores; the figures of docs/benchmarks.md use 10,000 and more).
func synthSize(tb testing.TB) int {
	n := 2000
	if v := os.Getenv("HUIQI_BENCH_SYNTH"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			tb.Fatalf("HUIQI_BENCH_SYNTH=%q: want a positive number", v)
		}
	}
	return n
}

var (
	synthOnce     sync.Once
	synthPolicies []*huiqi.Policy
	synthErr      error
)

// synthCorpus extracts n synthetic documents (huiqi synth --seed 7) once
// per test binary, on every CPU; each policy gets its identity's ID.
func synthCorpus(tb testing.TB, n int) []*huiqi.Policy {
	tb.Helper()
	synthOnce.Do(func() {
		g, err := synth.New(demo.Corpus(), 7)
		if err != nil {
			synthErr = err
			return
		}
		var buf bytes.Buffer
		if _, _, err := g.WriteJSONLUntil(&buf, math.MaxInt64, n, func(int, int64) error { return nil }); err != nil {
			synthErr = err
			return
		}
		docs, err := decode.Bytes("synth.jsonl", buf.Bytes())
		if err != nil {
			synthErr = err
			return
		}
		synthPolicies = make([]*huiqi.Policy, len(docs))
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range next {
					if p, err := extract.Extract(docs[i]); err == nil {
						p.ID, p.Version = huiqi.PolicyID(huiqi.IdentityKey(p)), 1
						synthPolicies[i] = p
					}
				}
			})
		}
		for i := range docs {
			next <- i
		}
		close(next)
		wg.Wait()
	})
	if synthErr != nil {
		tb.Fatalf("synthetic corpus: %v", synthErr)
	}
	var out []*huiqi.Policy
	for _, p := range synthPolicies {
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// indexSynth indexes the synthetic corpus in batches of 64, as ingest does,
// and returns the index and the policies indexed per second. The tables
// are then vacuumed and analysed, as autovacuum would have done on a
// server: the queries run against the steady state.
func indexSynth(b *testing.B) (*postgres.SearchIndex, float64) {
	ps := synthCorpus(b, synthSize(b))
	dsn := newDatabase(b)
	db := mustOpen(b, dsn)
	b.Cleanup(func() { db.Close() })
	ix := db.SearchIndex()
	zhtext.Load()
	start := time.Now()
	for i := 0; i < len(ps); i += 64 {
		if err := ix.IndexBatch(context.Background(), ps[i:min(i+64, len(ps))]); err != nil {
			b.Fatal(err)
		}
	}
	rate := float64(len(ps)) / time.Since(start).Seconds()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`VACUUM ANALYZE`); err != nil {
		b.Fatalf("vacuum: %v", err)
	}
	return ix, rate
}

// synthQueries are the requests of the HTTP mix that cost the most, as
// scripts/bench-search-queries.txt has them.
var synthQueries = []struct {
	name string
	q    huiqi.SearchQuery
}{
	{"common_补助", huiqi.SearchQuery{Text: "补助"}},
	{"all_补助", huiqi.SearchQuery{Text: "补助", Status: allStatuses}},
	{"facets_empty", huiqi.SearchQuery{}},
	{"facets_all", huiqi.SearchQuery{Status: allStatuses}},
	{"region_补助", huiqi.SearchQuery{Text: "补助", Region: "510000", Status: allStatuses}},
	{"year_补助", huiqi.SearchQuery{Text: "补助", Year: 2018, Status: allStatuses}},
	{"sort_amount_补助", huiqi.SearchQuery{Text: "补助", Sort: huiqi.SortAmount}},
	{"page_deep", huiqi.SearchQuery{Offset: 9900, Limit: 100}},
	{"page_deep_企业", huiqi.SearchQuery{Text: "企业", Offset: 5000, Limit: 50}},
}

// BenchmarkSearchSynth indexes a synthetic corpus (see synthSize), logs
// the policies indexed per second, then times each costly request of the
// HTTP mix: ns/op is one Search, facets and snippets included.
func BenchmarkSearchSynth(b *testing.B) {
	ix, rate := indexSynth(b)
	n, err := ix.Count(context.Background())
	if err != nil || n == 0 {
		b.Fatalf("indexed %d policies: %v", n, err)
	}
	b.Logf("indexed %d policies, %.1f per second", n, rate)
	for _, c := range synthQueries {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(context.Background(), c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
