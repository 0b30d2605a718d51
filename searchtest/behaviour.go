package searchtest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// probeNumber is the 文号 of the policy the behaviour tests change:
// 临海市 关于加快科技型小微企业孵化与培育的实施意见.
const probeNumber = "临政办发〔2017〕132号"

var day = time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)

func byNumber(t *testing.T, corpus []*huiqi.Policy, number string) *huiqi.Policy {
	t.Helper()
	i := slices.IndexFunc(corpus, func(p *huiqi.Policy) bool { return p.DocNumber == number })
	if i < 0 {
		t.Fatalf("corpus has no policy %s", number)
	}
	c := *corpus[i] // shallow: tests replace fields, never edit shared slices
	return &c
}

func search(t *testing.T, ix huiqi.SearchIndex, q huiqi.SearchQuery) *huiqi.SearchResult {
	t.Helper()
	if q.Now.IsZero() {
		q.Now = day
	}
	if q.Limit == 0 {
		q.Limit = 100
	}
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return res
}

func hitOf(res *huiqi.SearchResult, id string) *huiqi.SearchHit {
	for i := range res.Hits {
		if res.Hits[i].ID == id {
			return &res.Hits[i]
		}
	}
	return nil
}

func count(t *testing.T, ix huiqi.SearchIndex) int {
	t.Helper()
	n, err := ix.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// testKeptInStep: a policy indexed is found by the next search, without
// reopening anything, and counted.
func testKeptInStep(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	before := count(t, ix)
	p := byNumber(t, corpus, probeNumber)
	p.ID, p.DocNumber = "test-kept-in-step", "临政办发〔2019〕7号"
	p.Title = "关于设立量子芯片孵化通道的通知"
	p.Text += "\n对入驻量子芯片孵化通道的企业给予房租减免。"
	if err := ix.Index(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	res := search(t, ix, huiqi.SearchQuery{Text: "量子芯片孵化通道"})
	if len(res.Hits) == 0 || res.Hits[0].ID != p.ID {
		t.Errorf("new policy not first at once: %v", ids(res))
	}
	if got := count(t, ix); got != before+1 {
		t.Errorf("Count = %d after indexing one more, want %d", got, before+1)
	}
}

// testDelete: a deleted policy is gone from the next search; deleting an
// unknown ID is no error.
func testDelete(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	p := byNumber(t, corpus, probeNumber)
	if hitOf(search(t, ix, huiqi.SearchQuery{Text: probeNumber}), p.ID) == nil {
		t.Fatalf("%s not found before the delete", probeNumber)
	}
	before := count(t, ix)
	ctx := context.Background()
	if err := ix.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if h := hitOf(search(t, ix, huiqi.SearchQuery{Text: probeNumber}), p.ID); h != nil {
		t.Errorf("deleted policy still found: %+v", h)
	}
	if got := count(t, ix); got != before-1 {
		t.Errorf("Count = %d after a delete, want %d", got, before-1)
	}
	if err := ix.Delete(ctx, "no-such-policy"); err != nil {
		t.Errorf("deleting an unknown ID: %v", err)
	}
}

// testNewVersion: indexing a new version replaces the old text and fields.
func testNewVersion(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	p := byNumber(t, corpus, probeNumber)
	old := "科技型小微企业孵化与培育"
	if hitOf(search(t, ix, huiqi.SearchQuery{Text: old, Region: "331082"}), p.ID) == nil {
		t.Fatalf("old text not found before the new version")
	}
	p.Version = 2
	p.Title = "关于加快星际航运企业培育的实施意见"
	p.Text = p.Title + "\n一、对新落户的星际航运企业给予一次性奖励。"
	p.Clauses, p.Measures, p.Repeals = nil, nil, nil
	if err := ix.Index(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if h := hitOf(search(t, ix, huiqi.SearchQuery{Text: old, Region: "331082"}), p.ID); h != nil {
		t.Errorf("old text still finds the policy: %+v", h)
	}
	res := search(t, ix, huiqi.SearchQuery{Text: "星际航运"})
	h := hitOf(res, p.ID)
	if h == nil || h.Version != 2 || h.Title != p.Title || res.Total != 1 {
		t.Fatalf("new version not found as version 2: %+v (total %d)", h, res.Total)
	}
	if h.MaxAmount != 0 {
		t.Errorf("new version without measures keeps max amount %d", h.MaxAmount)
	}
	if n := search(t, ix, huiqi.SearchQuery{Text: probeNumber}).Total; n != 1 {
		t.Errorf("文号 finds %d policies after a new version, want 1", n)
	}
}

// testSuperseded: a policy whose 文号 another indexed policy repeals is
// superseded: hidden by default, shown when asked for, and back in force
// when the repealing policy is deleted.
func testSuperseded(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	old := byNumber(t, corpus, probeNumber)
	p := byNumber(t, corpus, probeNumber)
	p.ID, p.DocNumber, p.Title = "test-repealer", "临政办发〔2019〕1号", old.Title+"（修订）"
	p.Repeals = []huiqi.Repeal{{DocNumber: "临政办发[2017]132号", Text: "临政办发[2017]132号同时废止"}}
	q := huiqi.SearchQuery{Text: "科技型小微企业孵化与培育"}
	if h := hitOf(search(t, ix, q), old.ID); h == nil || h.Status != huiqi.StatusInForce {
		t.Fatalf("before the repeal: %+v", h)
	}
	ctx := context.Background()
	if err := ix.Index(ctx, p); err != nil {
		t.Fatal(err)
	}
	res := search(t, ix, q)
	if hitOf(res, old.ID) != nil || hitOf(res, p.ID) == nil {
		t.Errorf("default search: want the repealer and not the repealed, got %v", ids(res))
	}
	if !slices.ContainsFunc(res.Facets["status"], func(f huiqi.FacetCount) bool {
		return f.Value == string(huiqi.StatusSuperseded) && f.Count == 1
	}) {
		t.Errorf("status facet %v lacks superseded: 1", res.Facets["status"])
	}
	q.Status = []huiqi.PolicyStatus{huiqi.StatusSuperseded}
	res = search(t, ix, q)
	if h := hitOf(res, old.ID); h == nil || h.Status != huiqi.StatusSuperseded || res.Total != 1 {
		t.Errorf("status=superseded: want only the repealed policy, got %v", ids(res))
	}
	if err := ix.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	q.Status = nil
	if h := hitOf(search(t, ix, q), old.ID); h == nil || h.Status != huiqi.StatusInForce {
		t.Errorf("repealer deleted: the old policy is not back in force: %+v", h)
	}
}

func ids(res *huiqi.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID[:min(8, len(h.ID))]+" "+h.Title)
	}
	return out
}

// testTraditional: a query typed in Traditional characters finds exactly
// what its Simplified form finds.
func testTraditional(t *testing.T, ix huiqi.SearchIndex, _ []*huiqi.Policy) {
	for _, pair := range [][2]string{
		{"孵化器補助", "孵化器补助"},
		{"專精特新", "专精特新"},
		{"高新技術企業 認定 獎勵", "高新技术企业 认定 奖励"},
		{"創業擔保貸款", "创业担保贷款"},
	} {
		trad, simp := search(t, ix, huiqi.SearchQuery{Text: pair[0]}), search(t, ix, huiqi.SearchQuery{Text: pair[1]})
		if simp.Total == 0 {
			t.Errorf("%s finds nothing", pair[1])
		}
		if !slices.Equal(ids(trad), ids(simp)) {
			t.Errorf("%s finds %v, %s finds %v", pair[0], ids(trad), pair[1], ids(simp))
		}
	}
}

// testPaging: pages do not overlap and add up; bad pages are EINVALID.
func testPaging(t *testing.T, ix huiqi.SearchIndex, _ []*huiqi.Policy) {
	q := huiqi.SearchQuery{Text: "奖励", Limit: 5}
	first := search(t, ix, q)
	q.Offset = 5
	second := search(t, ix, q)
	if len(first.Hits) != 5 || len(second.Hits) != 5 || first.Total != second.Total || first.Total < 20 {
		t.Fatalf("pages of 5: %d and %d hits of %d/%d", len(first.Hits), len(second.Hits), first.Total, second.Total)
	}
	for _, h := range second.Hits {
		if hitOf(first, h.ID) != nil {
			t.Errorf("%s on both pages", h.ID)
		}
	}
	res, err := ix.Search(context.Background(), huiqi.SearchQuery{Text: "奖励", Now: day})
	if err != nil || len(res.Hits) != 20 {
		t.Errorf("limit 0 gives %d hits (%v), want 20", len(res.Hits), err)
	}
	for _, bad := range []huiqi.SearchQuery{{Limit: 101}, {Limit: -1}, {Offset: -1}} {
		if _, err := ix.Search(context.Background(), bad); huiqi.ErrorCode(err) != huiqi.EINVALID {
			t.Errorf("%+v: got %v, want EINVALID", bad, err)
		}
	}
}

// testSnippets: snippets sit in clauses of the policy, marks inside the
// snippet text on the query's words.
func testSnippets(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	res := search(t, ix, huiqi.SearchQuery{Text: "孵化器补助"})
	if len(res.Hits) == 0 {
		t.Fatal("孵化器补助 finds nothing")
	}
	marked := 0
	for _, h := range res.Hits {
		i := slices.IndexFunc(corpus, func(p *huiqi.Policy) bool { return p.ID == h.ID })
		for _, s := range h.Snippets {
			if s.ClausePath != "" && !slices.ContainsFunc(corpus[i].Clauses, func(c huiqi.Clause) bool { return c.Path == s.ClausePath }) {
				t.Errorf("%s: snippet at unknown clause %q", h.Title, s.ClausePath)
			}
			for _, m := range s.Marks {
				if m.Start < 0 || m.End > len(s.Text) || m.Start >= m.End {
					t.Fatalf("%s: mark %v outside %q", h.Title, m, s.Text)
				}
				if w := s.Text[m.Start:m.End]; !strings.Contains("孵化器补助", w) && !strings.Contains(w, "孵化") && !strings.Contains(w, "补助") {
					t.Errorf("%s: marks %q", h.Title, w)
				}
				marked++
			}
		}
	}
	if marked == 0 {
		t.Error("no snippet marks anything")
	}
}

// testNational: a national policy applies in every region but lies within
// none below the nation.
func testNational(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	p := byNumber(t, corpus, probeNumber)
	p.ID, p.DocNumber, p.Title = "test-national", "国科发〔2019〕9号", "科技企业孵化器管理办法"
	p.Region = &huiqi.Region{Code: "100000", Name: "全国"}
	if err := ix.Index(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	applies := search(t, ix, huiqi.SearchQuery{Region: "331082", RegionMode: huiqi.RegionApplies})
	within := search(t, ix, huiqi.SearchQuery{Region: "331000"})
	all := search(t, ix, huiqi.SearchQuery{Region: "100000"})
	if hitOf(applies, p.ID) == nil {
		t.Error("a national policy does not apply in 331082")
	}
	if hitOf(within, p.ID) != nil {
		t.Error("a national policy lies within 331000")
	}
	if hitOf(all, p.ID) == nil || all.Total <= within.Total {
		t.Errorf("within the nation: %d policies, within 331000: %d", all.Total, within.Total)
	}
}
