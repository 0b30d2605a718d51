package server_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkPolicyPage renders the page of the policy with two versions.
func BenchmarkPolicyPage(b *testing.B) {
	benchPage(b, "/policies/{id}")
}

// BenchmarkSearchPage renders a search with text, facets and snippets.
func BenchmarkSearchPage(b *testing.B) {
	benchPage(b, "/search?q=孵化器+补助")
}

func benchPage(b *testing.B, path string) {
	f, srv := serve(b)
	h := srv.Config.Handler
	req := httptest.NewRequest(http.MethodGet, expand(path, f), nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkHomePage renders the home page: latest policies, facets, largest measures.
func BenchmarkHomePage(b *testing.B) {
	benchPage(b, "/")
}
