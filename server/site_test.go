package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi/internal/sitetest"
	"github.com/huiqi-dev/huiqi/server"
)

var (
	siteOnce sync.Once
	site     *sitetest.Fixture
	siteSrv  *httptest.Server
	siteLog  sitetest.Buffer
	siteDir  string
)

// serve returns the whole site over the demo corpus, shared by the tests.
func serve(t testing.TB) (*sitetest.Fixture, *httptest.Server) {
	t.Helper()
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "huiqi-site-test-")
		if err != nil {
			t.Fatal(err)
		}
		siteDir = dir
		site = sitetest.New(t, dir, openIndex)
		h, err := server.New(site.Store, site.Index, slog.New(slog.NewTextHandler(&siteLog, nil)))
		if err != nil {
			t.Fatal(err)
		}
		siteSrv = httptest.NewServer(h)
	})
	if siteSrv == nil {
		t.Fatal("site fixture failed")
	}
	return site, siteSrv
}

func TestMain(m *testing.M) {
	code := m.Run()
	if siteSrv != nil {
		siteSrv.Close()
		site.Index.Close()
		site.Store.Close()
	}
	if siteDir != "" {
		os.RemoveAll(siteDir)
	}
	os.Exit(code)
}

// fetch gets a URL and returns the status, headers and body.
func fetch(t *testing.T, url string) (int, http.Header, []byte) {
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
	return res.StatusCode, res.Header, b
}

func expand(path string, f *sitetest.Fixture) string {
	return strings.NewReplacer("{id}", f.Versioned, "{single}", f.Single).Replace(path)
}
