package match

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestBatch(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	ents := []*huiqi.Enterprise{pinghu(), {}, {RegionCode: "510105", Certifications: []huiqi.Certification{}}}
	for range 50 {
		ents = append(ents, pinghu())
	}
	var mu sync.Mutex
	got := map[string]huiqi.MatchSummary{}
	sink := SinkFunc(func(_ context.Context, s huiqi.MatchSummary) error {
		mu.Lock()
		defer mu.Unlock()
		got[s.Key] = s
		return nil
	})
	b := &Batch{Matcher: m, Workers: 3}
	st, err := b.Run(context.Background(), &SliceSource{Enterprises: ents}, sink, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if st.Enterprises != len(ents) || len(got) != len(ents) {
		t.Fatalf("%d summaries for %d enterprises", len(got), len(ents))
	}
	for i, e := range ents {
		want := m.Summarize("", e, asOf)
		g := got[strconv.Itoa(i)]
		if g.Eligible != want.Eligible || g.Likely != want.Likely || g.MaxYuan != want.MaxYuan {
			t.Errorf("enterprise %d: %+v, want %+v", i, g, want)
		}
	}
	if got["2"].MaxYuan >= got["0"].MaxYuan {
		t.Errorf("平湖 max %d; 青羊区, with nationwide measures only, %d", got["0"].MaxYuan, got["2"].MaxYuan)
	}
}

func TestBatchSinkError(t *testing.T) {
	t.Parallel()
	boom := errors.New("disk full")
	sink := SinkFunc(func(context.Context, huiqi.MatchSummary) error { return boom })
	ents := make([]*huiqi.Enterprise, 100)
	for i := range ents {
		ents[i] = &huiqi.Enterprise{}
	}
	_, err := (&Batch{Matcher: demoCorpus(t)}).Run(context.Background(), &SliceSource{Enterprises: ents}, sink, asOf)
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the sink's error", err)
	}
}
