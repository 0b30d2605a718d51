package fulltext

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// loadPage is how many documents loadSupersede reads per search.
const loadPage = 5000

// loadState rebuilds the repeal relations and the lifecycle from the stored
// key, repeals and life fields, paging through every document in ID order.
func (ix *Index) loadState() error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), loadPage, 0, false)
		req.Fields = []string{fKey, fRepeals, fLife, fRow}
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
			life, _ := h.Fields[fLife].(string)
			r, err := decodeLife(life)
			if err != nil {
				return fmt.Errorf("policy %s: %w", h.ID, err)
			}
			ix.life.set(h.ID, r)
			stored, _ := h.Fields[fRow].(string)
			if err := ix.table.load(h.ID, stored); err != nil {
				return fmt.Errorf("policy %s: %w", h.ID, err)
			}
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
