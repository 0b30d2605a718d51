package api_test

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// openIndex opens the search index the API tests run against.
// TODO(fulltext): switch to fulltext.Open when it lands.
func openIndex(string) (huiqi.SearchIndex, error) {
	return &substringIndex{docs: map[string]*huiqi.Policy{}}, nil
}

// substringIndex is a stand-in index: substring match on title and text.
type substringIndex struct {
	mu   sync.Mutex
	docs map[string]*huiqi.Policy
}

func (x *substringIndex) Index(_ context.Context, p *huiqi.Policy) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.docs[p.ID] = p
	return nil
}

func (x *substringIndex) Delete(_ context.Context, id string) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	delete(x.docs, id)
	return nil
}

func (x *substringIndex) Count(context.Context) (int, error) { return len(x.docs), nil }
func (x *substringIndex) Close() error                       { return nil }

func (x *substringIndex) Search(_ context.Context, q huiqi.SearchQuery) (*huiqi.SearchResult, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	res := &huiqi.SearchResult{Facets: map[string][]huiqi.FacetCount{}}
	types := map[string]int{}
	for _, p := range x.docs {
		if q.Region != "" && (p.Region == nil || !region.Contains(q.Region, p.Region.Code)) {
			continue
		}
		i := strings.Index(p.Text, q.Text)
		if q.Text != "" && i < 0 && !strings.Contains(p.Title, q.Text) {
			continue
		}
		types[p.DocType]++
		res.Total++
		hit := huiqi.SearchHit{ID: p.ID, Version: p.Version, Title: p.Title, Region: p.Region, Issuers: p.Issuers,
			DocType: p.DocType, IssuedOn: p.IssuedOn, Status: huiqi.StatusOf(p, q.Now)}
		for _, m := range p.Measures {
			if m.AmountYuan != nil && *m.AmountYuan > hit.MaxAmount {
				hit.MaxAmount = *m.AmountYuan
			}
		}
		if q.Text != "" && i >= 0 {
			for _, c := range p.Clauses {
				if c.HeadSpan.Start <= i && i < c.HeadSpan.End {
					s := p.Text[c.HeadSpan.Start:c.HeadSpan.End]
					j := i - c.HeadSpan.Start
					hit.Snippets = append(hit.Snippets, huiqi.Snippet{ClausePath: c.Path, Text: s,
						Marks: []huiqi.Span{{Start: j, End: j + len(q.Text)}}})
				}
			}
		}
		res.Hits = append(res.Hits, hit)
	}
	slices.SortFunc(res.Hits, func(a, b huiqi.SearchHit) int { return strings.Compare(a.ID, b.ID) })
	res.Hits = res.Hits[min(q.Offset, len(res.Hits)):]
	res.Hits = res.Hits[:min(q.Limit, len(res.Hits))]
	for v, n := range types {
		res.Facets["doc_type"] = append(res.Facets["doc_type"], huiqi.FacetCount{Value: v, Count: n})
	}
	return res, nil
}
