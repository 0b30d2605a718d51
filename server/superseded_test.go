package server_test

import (
	"os"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/extract"
)

// TestSupersededPolicy stores a notice that repeals a demo policy by title
// and 文号 (testdata/repeal.txt) and checks the portal: the old policy's page
// says 已被《…》废止 and links to the new one, and search hides the old one
// until all statuses are asked for.
func TestSupersededPolicy(t *testing.T) {
	f, srv := serve(t)
	ctx := t.Context()
	raw, err := os.ReadFile("testdata/repeal.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := decode.File("testdata/repeal.txt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := extract.Extract(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Repeals) == 0 {
		t.Fatal("the notice repeals nothing")
	}
	if _, err := f.Store.SavePolicy(ctx, p, raw); err != nil {
		t.Fatal(err)
	}
	if err := f.Index.Index(ctx, p); err != nil {
		t.Fatal(err)
	}
	old := findByNumber(t, f.Store, p.Repeals[0].DocNumber)

	_, _, body := fetch(t, srv.URL+"/policies/"+old)
	page := string(body)
	if !strings.Contains(page, "已被") || !strings.Contains(page, `href="/policies/`+p.ID+`"`) {
		t.Errorf("page of the repealed policy does not say who repealed it")
	}
	_, _, body = fetch(t, srv.URL+"/search?q=仙居县上市")
	if strings.Contains(string(body), "/policies/"+old+`"`) {
		t.Error("default search shows the repealed policy")
	}
	_, _, body = fetch(t, srv.URL+"/search?q=仙居县上市&status=all")
	if !strings.Contains(string(body), "/policies/"+old+`"`) {
		t.Error("search with all statuses hides the repealed policy")
	}
}

func findByNumber(t *testing.T, store huiqi.PolicyStore, number string) string {
	t.Helper()
	list, _, err := store.ListPolicies(t.Context(), listAll)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.DocNumber == number {
			return s.ID
		}
	}
	t.Fatalf("no stored policy numbered %s", number)
	return ""
}
