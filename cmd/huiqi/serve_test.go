package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/internal/sitetest"
)

var servingURL = regexp.MustCompile(`serving the portal at (http://\S+/) `)

// TestServeDemo runs the README's command, serve --demo, on a free port:
// it prints the URL, serves the portal and the API over the demo corpus with
// search, logs requests, and exits 0 when its context is cancelled.
func TestServeDemo(t *testing.T) {
	t.Parallel()
	serveDemo(t, "--data", filepath.Join(t.TempDir(), "data"))
}

// TestServeDemoPostgres does the same in server mode: PostgreSQL holds the
// policies and answers the searches.
func TestServeDemoPostgres(t *testing.T) {
	t.Parallel()
	serveDemo(t, "--db", pgtest.NewDatabase(t))
}

func serveDemo(t *testing.T, store ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr sitetest.Buffer
	done := make(chan int, 1)
	args := append([]string{"serve", "--demo", "--addr", "127.0.0.1:0"}, store...)
	go func() {
		done <- Main(ctx, args, strings.NewReader(""), &stdout, &stderr)
	}()
	base := waitForURL(t, &stdout, &stderr, done)
	for path, want := range map[string]string{
		"":                           "惠企政策查询",
		"search?q=孵化器":               "<mark>",
		"api/v1/policies?limit=1":    `"total":84`,
		"api/v1/search?q=补助&limit=1": `"hits":[{`,
	} {
		body := get(t, base+path)
		if !strings.Contains(body, want) {
			t.Errorf("/%s lacks %q", path, want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("serve exited %d after the signal:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
	if !strings.Contains(stderr.String(), "path=/api/v1/policies") {
		t.Errorf("requests not logged:\n%s", stderr.String())
	}
}

func waitForURL(t *testing.T, stdout, stderr *sitetest.Buffer, done chan int) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if m := servingURL.FindStringSubmatch(stdout.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d before serving:\n%s\n%s", code, stdout.String(), stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("serve printed no URL:\n%s", stdout.String())
	return ""
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d: %s", url, res.StatusCode, b)
	}
	return string(b)
}

func TestServeUsage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no data yet", []string{"serve", "--data", filepath.Join(t.TempDir(), "none")}, "no policies stored here yet"},
		{"stray argument", []string{"serve", "extra"}, `unexpected argument "extra"`},
		{"both stores", []string{"serve", "--data", "x", "--db", "postgres://h/db"}, "not both"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut strings.Builder
			code := Main(context.Background(), c.args, strings.NewReader(""), &out, &errOut)
			if code == exitOK || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want failure mentioning %q", code, errOut.String(), c.want)
			}
		})
	}
}
