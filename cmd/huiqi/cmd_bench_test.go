package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(n ...int) []time.Duration {
		var out []time.Duration
		for _, x := range n {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p99 of a hundred is the 99th", ms(seq(100)...), 99, 99 * time.Millisecond},
		{"p100 is the max", ms(1, 2, 3), 100, 3 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := percentile(tc.sorted, tc.p); got != tc.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", tc.sorted, tc.p, got, tc.want)
			}
		})
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

func TestVary(t *testing.T) {
	tests := []struct {
		name     string
		uncached bool
		round    int
		path     string
		want     string
	}{
		{"cached keeps the path", false, 5, "/api/v1/search?q=%E8%A1%A5", "/api/v1/search?q=%E8%A1%A5"},
		{"no limit grows from 20", true, 3, "/api/v1/search?q=x", "/api/v1/search?limit=23&q=x"},
		{"a limit grows", true, 2, "/api/v1/search?limit=50", "/api/v1/search?limit=52"},
		{"limit 100 moves the offset", true, 4, "/api/v1/search?limit=100&offset=9900", "/api/v1/search?limit=100&offset=9896"},
		{"offset stops at 0", true, 4, "/api/v1/search?limit=100&offset=2", "/api/v1/search?limit=100&offset=0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := &httpBench{uncached: tc.uncached, round: tc.round}
			if got := b.vary(tc.path); got != tc.want {
				t.Errorf("vary(%q) = %q, want %q", tc.path, got, tc.want)
			}
		})
	}
}

func TestReadMix(t *testing.T) {
	name := filepath.Join(t.TempDir(), "mix.txt")
	text := "# comment\n\ncommon 补助\t/api/v1/search?q=补助\n/api/v1/search?q=孵化器+补助&region=510000\n"
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	mix, err := readMix(name)
	if err != nil {
		t.Fatal(err)
	}
	want := []benchRequest{
		{"common 补助", "/api/v1/search?q=%E8%A1%A5%E5%8A%A9"},
		{"/api/v1/search?q=孵化器+补助&region=510000", "/api/v1/search?q=%E5%AD%B5%E5%8C%96%E5%99%A8+%E8%A1%A5%E5%8A%A9&region=510000"},
	}
	if len(mix) != len(want) {
		t.Fatalf("readMix = %v, want %v", mix, want)
	}
	for i := range want {
		if mix[i] != want[i] {
			t.Errorf("request %d = %+v, want %+v", i, mix[i], want[i])
		}
	}
	empty := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(empty, []byte("# nothing\n"), 0o644)
	if _, err := readMix(empty); err == nil {
		t.Error("readMix of a file without requests: no error")
	}
}

// TestBenchHTTP runs the command against a test server: every request of
// every round is sent, distinct when uncached, and a failing status fails.
func TestBenchHTTP(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.RequestURI()]++
		mu.Unlock()
		if r.URL.Query().Get("q") == "bad" {
			http.Error(w, "no", http.StatusBadRequest)
			return
		}
		w.Write([]byte(`{"total":0}`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.txt"), filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("a\t/s?q=a\nb\t/s?q=b\n"), 0o644)
	os.WriteFile(bad, []byte("/s?q=bad\n"), 0o644)

	var out, errOut bytes.Buffer
	code := Main(context.Background(), []string{"bench", "http", "--uncached", "--base", srv.URL,
		"--queries", good, "--warmup", "1", "--reps", "4", "--pid", strconv.Itoa(os.Getpid())}, nil, &out, &errOut)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	if len(seen) != 10 {
		t.Errorf("uncached: %d distinct requests, want 10 (2 requests × 5 rounds): %v", len(seen), seen)
	}
	for _, want := range []string{"all: 8 requests, p50", "memory of", "server CPU:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	code = Main(context.Background(), []string{"bench", "http", "--base", srv.URL, "--queries", bad}, nil, &out, &errOut)
	if code != exitFail || !strings.Contains(errOut.String(), "status 400") {
		t.Errorf("a 400: exit %d, stderr %q; want exit %d naming the status", code, errOut.String(), exitFail)
	}
}
