package match

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/synth"
)

// synthPolicies copies the demo corpus until its measures number at least
// n, each copy issued by a region drawn as policies are: 60% counties,
// 25% cities, 12% provinces, 3% nationwide; amounts scaled by 0.5–2.
func synthPolicies(tb testing.TB, n int, seed uint64) []*huiqi.Policy {
	tb.Helper()
	corpus, err := searchtest.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	levels := map[int][]region.Region{}
	for _, r := range region.All() {
		levels[r.Level] = append(levels[r.Level], r)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	var out []*huiqi.Policy
	count := 0
	for i := 0; count < n; i++ {
		src := corpus[i%len(corpus)]
		p := *src
		p.ID = fmt.Sprintf("s%011x", i)
		p.DocNumber = p.DocNumber + "-" + strconv.Itoa(i)
		p.Repeals = nil
		p.Region = synthRegion(rng, levels)
		p.Measures = scaled(src.Measures, 0.5+1.5*rng.Float64())
		out = append(out, &p)
		count += len(p.Measures)
	}
	return out
}

func synthRegion(rng *rand.Rand, levels map[int][]region.Region) *huiqi.Region {
	var r region.Region
	switch x := rng.Float64(); {
	case x < 0.03:
		r = region.National
	case x < 0.15:
		r = levels[1][rng.IntN(len(levels[1]))]
	case x < 0.40:
		r = levels[2][rng.IntN(len(levels[2]))]
	default:
		r = levels[3][rng.IntN(len(levels[3]))]
	}
	return &huiqi.Region{Code: r.Code, Name: r.FullName}
}

func scaled(ms []huiqi.Measure, f float64) []huiqi.Measure {
	out := make([]huiqi.Measure, len(ms))
	copy(out, ms)
	for i := range out {
		for _, p := range []**int64{&out[i].AmountYuan, &out[i].AmountMinYuan, &out[i].CapYuan} {
			if *p != nil {
				v := int64(float64(**p)*f) / 1000 * 1000
				*p = &v
			}
		}
	}
	return out
}

// synthSource streams synthetic enterprises (package synth), keyed by
// their credit code.
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

func TestSynthPolicies(t *testing.T) {
	t.Parallel()
	ps := synthPolicies(t, 10_000, 1)
	m := New(ps, nil)
	st := m.Stats()
	if st.Measures+st.Skipped < 10_000 || st.Regions < 100 {
		t.Fatalf("stats %+v", st)
	}
	g := synth.NewEnterprises(3)
	seen := 0
	for range 50 {
		e := g.Next()
		rep := m.Match(&e, asOf, Options{})
		seen += rep.InForce
		if rep.InForce > st.Measures/2 {
			t.Errorf("an enterprise in %s sees %d of %d measures: the region index does not cut", e.RegionCode, rep.InForce, st.Measures)
		}
	}
	if seen == 0 {
		t.Error("no synthetic enterprise sees any measure")
	}
}
