package portal

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// homePage is the data of the home page.
type homePage struct {
	Total   int
	Facets  []facetView
	Regions []regionLink
	Latest  []huiqi.SearchHit
	Largest []largeMeasure
}

// largeMeasure is one of the largest measures of policies in force.
type largeMeasure struct {
	PolicyID, PolicyTitle string
	M                     huiqi.Measure
	Yuan                  int64
}

// home answers GET /.
func (h *handler) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	latest, err := h.index.Search(ctx, huiqi.SearchQuery{Sort: huiqi.SortDate, Limit: 8, Now: h.now()})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	largest, err := h.largest.get(h.now(), func() ([]largeMeasure, error) { return h.largestMeasures(ctx, 6) })
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := link{map[string][]string{}}
	hp := homePage{Total: latest.Total, Latest: latest.Hits, Largest: largest, Facets: facetViews(latest.Facets, l, nil)}
	hp.Regions = regionFilterOf(huiqi.SearchQuery{}, l, latest.Facets["region"]).Children
	h.render(w, r, http.StatusOK, "home", page{Title: "惠企政策查询", Data: hp})
}

// largestMeasures finds the policies in force with the largest measures and
// takes the largest measure of each.
func (h *handler) largestMeasures(ctx context.Context, n int) ([]largeMeasure, error) {
	res, err := h.index.Search(ctx, huiqi.SearchQuery{Sort: huiqi.SortAmount, Status: []huiqi.PolicyStatus{huiqi.StatusInForce}, Limit: n, Now: h.now()})
	if err != nil {
		return nil, err
	}
	var out []largeMeasure
	for _, hit := range res.Hits {
		if hit.MaxAmount <= 0 {
			continue
		}
		p, err := h.store.FindPolicy(ctx, hit.ID)
		if err != nil {
			return nil, err
		}
		if m, yuan, ok := largestMeasure(p); ok {
			out = append(out, largeMeasure{PolicyID: p.ID, PolicyTitle: p.Title, M: m, Yuan: yuan})
		}
	}
	return out, nil
}

func largestMeasure(p *huiqi.Policy) (huiqi.Measure, int64, bool) {
	var best huiqi.Measure
	var most int64
	for _, m := range p.Measures {
		if m.AmountYuan != nil && *m.AmountYuan > most {
			best, most = m, *m.AmountYuan
		}
	}
	return best, most, most > 0
}

// largestTTL is how long the home page reuses its largest measures: finding
// them reads whole policies, and a highlight may lag an ingest by this much.
const largestTTL = 30 * time.Second

// measureCache keeps the largest measures for largestTTL.
type measureCache struct {
	mu   sync.Mutex
	at   time.Time
	list []largeMeasure
}

func (c *measureCache) get(now time.Time, load func() ([]largeMeasure, error)) ([]largeMeasure, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && now.Sub(c.at) < largestTTL && now.After(c.at) {
		return c.list, nil
	}
	list, err := load()
	if err != nil {
		return nil, err
	}
	c.list, c.at = list, now
	return list, nil
}
