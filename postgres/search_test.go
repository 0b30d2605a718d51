package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

var allStatuses = []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusExpired, huiqi.StatusDraft, huiqi.StatusSuperseded}

// TestSearchFilters runs the filters, region modes, statuses and sorts over
// the fixtures; every case names the hits in order.
func TestSearchFilters(t *testing.T) {
	ix := openSearch(t)
	indexFixtures(t, ix)
	cases := []struct {
		name string
		q    huiqi.SearchQuery
		want []string
	}{
		{"default: in force and drafts, newest first", huiqi.SearchQuery{}, []string{"ta", "cd1", "qy", "gw"}},
		{"every status", huiqi.SearchQuery{Status: allStatuses}, []string{"ta", "cd1", "qy", "sc", "cd0", "gw"}},
		{"expired only", huiqi.SearchQuery{Status: []huiqi.PolicyStatus{huiqi.StatusExpired}}, []string{"sc"}},
		{"superseded only", huiqi.SearchQuery{Status: []huiqi.PolicyStatus{huiqi.StatusSuperseded}}, []string{"cd0"}},
		{"draft only", huiqi.SearchQuery{Status: []huiqi.PolicyStatus{huiqi.StatusDraft}}, []string{"ta"}},
		{"within a city includes its districts", huiqi.SearchQuery{Region: "510100"}, []string{"cd1", "qy"}},
		{"within a province, every status", huiqi.SearchQuery{Region: "510000", Status: allStatuses}, []string{"cd1", "qy", "sc", "cd0"}},
		{"within a district", huiqi.SearchQuery{Region: "510105"}, []string{"qy"}},
		{"within national is everything with a region", huiqi.SearchQuery{Region: "100000"}, []string{"ta", "cd1", "qy", "gw"}},
		{"short code", huiqi.SearchQuery{Region: "5101"}, []string{"cd1", "qy"}},
		{"applies to a district: the levels above too", huiqi.SearchQuery{Region: "510105", RegionMode: huiqi.RegionApplies,
			Status: allStatuses}, []string{"cd1", "qy", "sc", "cd0", "gw"}},
		{"applies to a city: below and above", huiqi.SearchQuery{Region: "370900", RegionMode: huiqi.RegionApplies}, []string{"ta", "gw"}},
		{"issuer, one of several", huiqi.SearchQuery{Issuer: "成都市财政局"}, []string{"cd1"}},
		{"doc type", huiqi.SearchQuery{DocType: "办法", Status: allStatuses}, []string{"ta", "cd1", "sc", "cd0"}},
		{"year", huiqi.SearchQuery{Year: 2024}, []string{"ta", "cd1"}},
		{"measure kind", huiqi.SearchQuery{MeasureKind: "subsidy", Status: allStatuses}, []string{"cd1", "qy", "cd0"}},
		{"beneficiary word", huiqi.SearchQuery{Beneficiary: "人才", Status: allStatuses}, []string{"cd1", "cd0"}},
		{"beneficiary words, Traditional", huiqi.SearchQuery{Beneficiary: "高層次 人才", Status: allStatuses}, []string{"cd1"}},
		{"beneficiary type", huiqi.SearchQuery{BeneficiaryType: huiqi.BeneficiaryTalent, Status: allStatuses}, []string{"cd1", "cd0"}},
		{"beneficiary type and text: 企业 in a title is not a measure for 企业", huiqi.SearchQuery{Text: "企业",
			BeneficiaryType: huiqi.BeneficiaryEnterprise, Status: allStatuses, Sort: huiqi.SortDate}, []string{"ta", "sc", "gw"}},
		{"beneficiary type of no measure", huiqi.SearchQuery{BeneficiaryType: huiqi.BeneficiaryFinance, Status: allStatuses}, []string{}},
		{"文号 typed with other brackets, its policy first", huiqi.SearchQuery{Text: "成人社发(2019)5号", Status: allStatuses}, []string{"cd0", "cd1"}},
		{"min amount", huiqi.SearchQuery{MinAmount: 100000}, []string{"ta", "qy"}},
		{"amount range", huiqi.SearchQuery{MinAmount: 10000, MaxAmount: 200000}, []string{"ta", "cd1"}},
		{"sort by amount", huiqi.SearchQuery{Sort: huiqi.SortAmount}, []string{"qy", "ta", "cd1", "gw"}},
		{"page", huiqi.SearchQuery{Limit: 2, Offset: 1}, []string{"cd1", "qy"}},
		{"page past the end", huiqi.SearchQuery{Offset: 10}, []string{}},
		{"word", huiqi.SearchQuery{Text: "孵化器补助"}, []string{"qy"}},
		{"Traditional query", huiqi.SearchQuery{Text: "孵化器補助"}, []string{"qy"}},
		{"bigram inside a word", huiqi.SearchQuery{Text: "化器"}, []string{"qy"}},
		{"single character", huiqi.SearchQuery{Text: "券"}, []string{"ta"}},
		{"words are AND-ed", huiqi.SearchQuery{Text: "补贴 安家"}, []string{"cd1"}},
		{"superseded text hidden", huiqi.SearchQuery{Text: "租房补贴"}, []string{}},
		{"superseded text shown", huiqi.SearchQuery{Text: "租房补贴", Status: allStatuses}, []string{"cd0"}},
		{"issuer text", huiqi.SearchQuery{Text: "国务院"}, []string{"gw"}},
		{"text and region", huiqi.SearchQuery{Text: "企业", Region: "510000", Status: allStatuses, Sort: huiqi.SortDate}, []string{"qy", "sc"}},
		{"punctuation only", huiqi.SearchQuery{Text: "，。！"}, []string{}},
		{"no match", huiqi.SearchQuery{Text: "航空航天"}, []string{}},
		{"quotes and operators are text", huiqi.SearchQuery{Text: `'a' & !b | c:*`}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.q.Now = day
			res, err := ix.Search(context.Background(), c.q)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if got := ids(res); !slices.Equal(got, c.want) {
				t.Errorf("hits %v, want %v", got, c.want)
			}
			if c.q.Offset == 0 && c.q.Limit == 0 && res.Total != len(c.want) {
				t.Errorf("total %d, want %d", res.Total, len(c.want))
			}
		})
	}
}

// TestSearchInvalid checks that bad parameters are EINVALID.
func TestSearchInvalid(t *testing.T) {
	ix := openSearch(t)
	cases := []struct {
		name string
		q    huiqi.SearchQuery
	}{
		{"negative limit", huiqi.SearchQuery{Limit: -1}},
		{"limit over 100", huiqi.SearchQuery{Limit: 101}},
		{"negative offset", huiqi.SearchQuery{Offset: -5}},
		{"unknown sort", huiqi.SearchQuery{Sort: "size"}},
		{"unknown status", huiqi.SearchQuery{Status: []huiqi.PolicyStatus{"repealed"}}},
		{"unknown region", huiqi.SearchQuery{Region: "999999"}},
		{"malformed region", huiqi.SearchQuery{Region: "成都"}},
		{"unknown region mode", huiqi.SearchQuery{Region: "510100", RegionMode: "near"}},
		{"negative amount", huiqi.SearchQuery{MinAmount: -1}},
		{"min above max", huiqi.SearchQuery{MinAmount: 10, MaxAmount: 5}},
		{"negative year", huiqi.SearchQuery{Year: -2020}},
		{"year out of range", huiqi.SearchQuery{Year: 20240}},
		{"unknown measure kind", huiqi.SearchQuery{MeasureKind: "gift"}},
		{"unknown beneficiary type", huiqi.SearchQuery{BeneficiaryType: "company"}},
		{"beneficiary type given as its label", huiqi.SearchQuery{BeneficiaryType: "企业"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), c.q)
			if huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Errorf("error %v (code %q), want EINVALID", err, huiqi.ErrorCode(err))
			}
		})
	}
	if err := ix.Index(context.Background(), &huiqi.Policy{Title: "无ID"}); huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Errorf("Index without ID: %v, want EINVALID", err)
	}
}
