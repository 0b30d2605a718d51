package fulltext_test

import (
	"context"
	"os"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/fulltext"
)

func BenchmarkZZ(b *testing.B) {
	ix, err := fulltext.Open(os.Getenv("ZZ_INDEX"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	ix.SetCaching(false)
	all := []huiqi.PolicyStatus{"in_force", "expired", "draft", "superseded"}
	qs := map[string]huiqi.SearchQuery{
		"common":     {Text: "补助"},
		"all":        {Text: "补助", Status: all},
		"empty":      {},
		"emptyall":   {Status: all},
		"twowords":   {Text: "孵化器 补助"},
		"rare":       {Text: "5A级旅游景区"},
		"docno":      {Text: "会政办发〔2016〕26号", Status: all},
		"sortamount": {Text: "补助", Sort: huiqi.SortAmount},
		"kind":       {MeasureKind: "subsidy"},
		"tradition":  {Text: "孵化器資金補助"},
	}
	for name, q := range qs {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				q.Limit = 20 + i%2
				if _, err := ix.Search(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
