package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"testing"
)

// TestCompression: pages and JSON are gzipped for clients that ask, and
// original files never are, so a download is the stored bytes.
func TestCompression(t *testing.T) {
	f, srv := serve(t)
	_, raw, err := f.Store.OriginalFile(t.Context(), f.Versioned, 2)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path string
		gzipped    bool
	}{
		{"policy page", "/policies/{id}", true},
		{"search page", "/search?q=补助", true},
		{"stylesheet", "/static/site.css", true},
		{"API JSON", "/api/v1/policies/{id}", true},
		{"API error", "/api/v1/nothing", true},
		{"original file", "/policies/{id}/original?version=2", false},
		{"original file via the API", "/api/v1/policies/{id}/original?version=2", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.URL+expand(c.path, f), nil)
			if err != nil {
				t.Fatal(err)
			}
			// Asking explicitly turns off the transport's transparent decompression.
			req.Header.Set("Accept-Encoding", "gzip")
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			gz := res.Header.Get("Content-Encoding") == "gzip"
			if gz != c.gzipped {
				t.Fatalf("gzipped %v, want %v", gz, c.gzipped)
			}
			if gz {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil || len(body) == 0 {
					t.Fatalf("gzip body: %v", err)
				}
			} else if !bytes.Equal(body, raw) {
				t.Errorf("original: %d bytes, want the stored %d", len(body), len(raw))
			}
		})
	}
}
