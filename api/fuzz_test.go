package api_test

import (
	"net/url"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

// FuzzParseSearchQuery: any query string parses to a query or an EINVALID
// error naming a parameter, never a panic or another error.
func FuzzParseSearchQuery(f *testing.F) {
	for _, s := range []string{"q=孵化器补助&region=370900", "year=20x4", "status=all", "min_amount=5&max_amount=1",
		"limit=0&offset=-1", "region_mode=applies&region=510105", "status=in_force,gone&sort=amount", "q=%ff%fe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := api.ParseSearchQuery(v)
		if err != nil {
			if huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Fatalf("%q: error %v is not invalid", raw, err)
			}
			return
		}
		if q.Limit < 1 || q.Limit > 100 || q.Offset < 0 {
			t.Fatalf("%q: page %d+%d out of bounds", raw, q.Offset, q.Limit)
		}
	})
}
