package fulltext

import (
	"github.com/blevesearch/bleve/v2"
)

// loadPage is how many documents loadSupersede reads per search.
const loadPage = 5000

// loadSupersede rebuilds the repeal relations from the stored key and
// repeals fields, paging through every document in ID order.
func (ix *Index) loadSupersede() error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), loadPage, 0, false)
		req.Fields = []string{fKey, fRepeals}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := ix.bi.Search(req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			ix.sup.set(h.ID, fieldStrings(h.Fields[fKey]), fieldStrings(h.Fields[fRepeals]))
		}
		if len(res.Hits) < loadPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// fieldStrings reads a stored field, which bleve returns as a string for one
// value and a slice for several.
func fieldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
