package api_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/sitetest"
)

// apiCase is one request and what its response must show.
type apiCase struct {
	name  string
	path  string // with {id} for the versioned policy, {single} for another
	check func(*testing.T, response)
}

func wantOK(check func(*testing.T, response)) func(*testing.T, response) {
	return func(t *testing.T, r response) {
		t.Helper()
		if r.status != 200 {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		if check != nil {
			check(t, r)
		}
	}
}

// apiCases are shared by TestAPI and the OpenAPI test, which validates each
// body against the documented schema.
func apiCases(f *sitetest.Fixture) []apiCase {
	ctx := context.Background()
	return []apiCase{
		{"list", "/api/v1/policies", wantOK(func(t *testing.T, r response) {
			l := decodeBody[struct {
				Total    int
				Limit    int
				Policies []huiqi.PolicySummary
			}](t, r)
			if l.Total < 80 || len(l.Policies) != 50 || l.Limit != 50 {
				t.Errorf("total %d, %d rows, limit %d; want ≥80, 50, 50", l.Total, len(l.Policies), l.Limit)
			}
		})},
		{"list by region", "/api/v1/policies?region=331024&limit=100", wantOK(func(t *testing.T, r response) {
			l := decodeBody[struct{ Policies []huiqi.PolicySummary }](t, r)
			if len(l.Policies) == 0 {
				t.Fatal("no policies of 仙居县")
			}
			for _, p := range l.Policies {
				if p.RegionCode != "331024" {
					t.Errorf("%s has region %s", p.ID, p.RegionCode)
				}
			}
		})},
		{"list paged", "/api/v1/policies?offset=80&limit=10", wantOK(func(t *testing.T, r response) {
			l := decodeBody[struct {
				Total    int
				Policies []huiqi.PolicySummary
			}](t, r)
			if len(l.Policies) != l.Total-80 {
				t.Errorf("%d rows after offset 80 of %d", len(l.Policies), l.Total)
			}
		})},
		{"list bad limit", "/api/v1/policies?limit=0", wantError(400, "invalid", "limit", "out of range")},
		{"list bad offset", "/api/v1/policies?offset=x", wantError(400, "invalid", "offset", "not a whole number")},
		{"list unknown parameter", "/api/v1/policies?regoin=33", wantError(400, "invalid", "regoin", "unknown parameter")},
		{"list bad region", "/api/v1/policies?region=33", wantError(400, "invalid", "region", `"33" is not a GB/T 2260 region code`)},
		{"list long doc type", "/api/v1/policies?doc_type=" + strings.Repeat("通知", 101), wantError(400, "invalid", "doc_type", "longer than 200 characters")},
		{"policy", "/api/v1/policies/{id}", wantOK(func(t *testing.T, r response) {
			p := decodeBody[huiqi.Policy](t, r)
			if p.ID != f.Versioned || p.Version != 2 || p.Title == "" || len(p.Clauses) == 0 || len(p.Measures) == 0 {
				t.Errorf("policy %s v%d %q with %d clauses, %d measures", p.ID, p.Version, p.Title, len(p.Clauses), len(p.Measures))
			}
		})},
		{"policy version 1", "/api/v1/policies/{id}?version=1", wantOK(func(t *testing.T, r response) {
			if p := decodeBody[huiqi.Policy](t, r); p.Version != 1 {
				t.Errorf("version %d, want 1", p.Version)
			}
		})},
		{"policy unknown", "/api/v1/policies/000000000000", wantError(404, "not_found", "000000000000")},
		{"policy unknown version", "/api/v1/policies/{id}?version=9", wantError(404, "not_found")},
		{"policy bad version", "/api/v1/policies/{id}?version=two", wantError(400, "invalid", "version")},
		{"versions", "/api/v1/policies/{id}/versions", wantOK(func(t *testing.T, r response) {
			v := decodeBody[struct{ Versions []huiqi.VersionInfo }](t, r)
			if len(v.Versions) != 2 || v.Versions[0].Version != 1 || v.Versions[0].SHA256 == v.Versions[1].SHA256 {
				t.Errorf("versions %+v", v.Versions)
			}
		})},
		{"versions unknown", "/api/v1/policies/nope/versions", wantError(404, "not_found")},
		{"versions parameter", "/api/v1/policies/{id}/versions?version=1", wantError(400, "invalid", "version", "this route takes none")},
		{"original", "/api/v1/policies/{id}/original", wantOK(func(t *testing.T, r response) {
			src, raw, err := f.Store.OriginalFile(ctx, f.Versioned, 2)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(r.body, raw) {
				t.Errorf("body of %d bytes differs from the stored %d", len(r.body), len(raw))
			}
			if ct := r.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := r.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, src.FileName) {
				t.Errorf("Content-Disposition %q lacks %q", cd, src.FileName)
			}
		})},
		{"original version 1", "/api/v1/policies/{id}/original?version=1", wantOK(func(t *testing.T, r response) {
			if _, raw, _ := f.Store.OriginalFile(ctx, f.Versioned, 1); !bytes.Equal(r.body, raw) {
				t.Error("version 1 file differs")
			}
		})},
		{"original unknown", "/api/v1/policies/nope/original", wantError(404, "not_found")},
		{"diff", "/api/v1/policies/{id}/diff", wantOK(func(t *testing.T, r response) {
			d := decodeBody[struct {
				From, To int
				Measures []struct{ Op string }
				Hunks    []struct{ Lines []struct{ Op, Text string } }
			}](t, r)
			if d.From != 1 || d.To != 2 || len(d.Hunks) == 0 || len(d.Measures) == 0 {
				t.Errorf("diff %d→%d with %d hunks, %d measure changes", d.From, d.To, len(d.Hunks), len(d.Measures))
			}
		})},
		{"diff explicit", "/api/v1/policies/{id}/diff?from=2&to=1", wantOK(nil)},
		{"diff single version", "/api/v1/policies/{single}/diff", wantError(400, "invalid", "only version 1")},
		{"diff bad from", "/api/v1/policies/{id}/diff?from=0", wantError(400, "invalid", "from")},
		{"search", "/api/v1/search?q=补助", wantOK(func(t *testing.T, r response) {
			s := decodeBody[huiqi.SearchResult](t, r)
			if s.Total == 0 || len(s.Hits) == 0 || len(s.Facets) == 0 {
				t.Errorf("total %d, %d hits, %d facets", s.Total, len(s.Hits), len(s.Facets))
			}
		})},
		{"search in region", "/api/v1/search?region=331000&limit=100", wantOK(func(t *testing.T, r response) {
			s := decodeBody[huiqi.SearchResult](t, r)
			if len(s.Hits) == 0 {
				t.Fatal("no hits in 台州市")
			}
			for _, h := range s.Hits {
				if h.Region == nil || !strings.HasPrefix(h.Region.Code, "3310") {
					t.Errorf("hit %s in region %v", h.ID, h.Region)
				}
			}
		})},
		{"search paged", "/api/v1/search?limit=5&offset=5", wantOK(func(t *testing.T, r response) {
			if s := decodeBody[huiqi.SearchResult](t, r); len(s.Hits) != 5 {
				t.Errorf("%d hits, want 5", len(s.Hits))
			}
		})},
		{"search beneficiary type", "/api/v1/search?beneficiary_type=enterprise&status=all", wantOK(func(t *testing.T, r response) {
			s := decodeBody[huiqi.SearchResult](t, r)
			if s.Total == 0 || !slices.Contains(s.Facets["beneficiary_type"], huiqi.FacetCount{Value: "enterprise", Label: "企业", Count: s.Total}) {
				t.Errorf("total %d, beneficiary types %v: want every hit counted under enterprise (企业)", s.Total, s.Facets["beneficiary_type"])
			}
		})},
		{"search bad beneficiary type", "/api/v1/search?beneficiary_type=企业", wantError(400, "invalid", "beneficiary_type", "enterprise, carrier, talent")},
		{"search bad year", "/api/v1/search?year=20x4", wantError(400, "invalid", "year", "20x4")},
		{"search year out of range", "/api/v1/search?year=1800", wantError(400, "invalid", "year", "out of range")},
		{"search bad region", "/api/v1/search?region=999999", wantError(400, "invalid", "region", "999999")},
		{"search bad region mode", "/api/v1/search?region_mode=near", wantError(400, "invalid", "region_mode", "within, applies")},
		{"search bad kind", "/api/v1/search?kind=cash", wantError(400, "invalid", "kind", "cash")},
		{"search bad status", "/api/v1/search?status=in_force,gone", wantError(400, "invalid", "status", "gone")},
		{"search bad sort", "/api/v1/search?sort=popular", wantError(400, "invalid", "sort", "popular")},
		{"search amounts crossed", "/api/v1/search?min_amount=500&max_amount=100", wantError(400, "invalid", "max_amount", "min_amount")},
		{"search negative amount", "/api/v1/search?min_amount=-1", wantError(400, "invalid", "min_amount")},
		{"search limit too big", "/api/v1/search?limit=1000", wantError(400, "invalid", "limit")},
		{"search offset too deep", "/api/v1/search?offset=20000", wantError(400, "invalid", "offset")},
		{"search repeated q", "/api/v1/search?q=a&q=b", wantError(400, "invalid", "q", "2 times")},
		{"search unknown parameter", "/api/v1/search?query=补助", wantError(400, "invalid", "query", "unknown")},
		{"search long issuer", "/api/v1/search?issuer=" + strings.Repeat("局", 201), wantError(400, "invalid", "issuer", "longer than 200 characters")},
		{"search long beneficiary", "/api/v1/search?beneficiary=" + strings.Repeat("企", 201), wantError(400, "invalid", "beneficiary", "longer than 200")},
		{"regions", "/api/v1/regions", wantOK(func(t *testing.T, r response) {
			l := decodeBody[struct{ Regions []struct{ Code, Name string } }](t, r)
			if len(l.Regions) != 31 {
				t.Errorf("%d provinces, want 31", len(l.Regions))
			}
		})},
		{"regions children", "/api/v1/regions?parent=330100", wantOK(func(t *testing.T, r response) {
			l := decodeBody[struct {
				Path    []struct{ Code string }
				Regions []struct{ Code, Name string }
			}](t, r)
			if len(l.Path) != 2 || !strings.Contains(string(r.body), `"西湖区"`) {
				t.Errorf("path %v, regions %v", l.Path, l.Regions)
			}
		})},
		{"regions unknown", "/api/v1/regions?parent=999999", wantError(404, "not_found", "parent")},
		{"regions malformed", "/api/v1/regions?parent=33", wantError(400, "invalid", "parent", `"33" is not a GB/T 2260 region code (six digits`)},
		{"openapi", "/api/v1/openapi.json", wantOK(func(t *testing.T, r response) {
			if !strings.Contains(string(r.body), `"openapi": "3.1.0"`) {
				t.Error("not an OpenAPI 3.1 document")
			}
		})},
		{"unknown route", "/api/v1/nothing", wantError(404, "not_found", "/api/v1/nothing")},
	}
}

func expand(path string, f *sitetest.Fixture) string {
	return strings.NewReplacer("{id}", f.Versioned, "{single}", f.Single).Replace(path)
}

func TestAPI(t *testing.T) {
	f, srv := server(t)
	for _, c := range apiCases(f) {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, get(t, srv.URL+expand(c.path, f)))
		})
	}
}
