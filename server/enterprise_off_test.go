package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/server"
)

// policiesOnly hides that the store also keeps profiles.
type policiesOnly struct{ huiqi.PolicyStore }

// TestEnterpriseOff: over a store that keeps no profiles the 我的企业 pages
// do not exist and the policy pages' questions still lead to /coming.
func TestEnterpriseOff(t *testing.T) {
	f, _ := serve(t)
	h, err := server.New(policiesOnly{f.Store}, f.Index, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	if status, _, _ := fetch(t, srv.URL+"/enterprise"); status != http.StatusNotFound {
		t.Errorf("/enterprise: %d, want 404", status)
	}
	_, _, body := fetch(t, srv.URL+"/policies/"+f.Single)
	if !strings.Contains(string(body), `href="/coming/funding?policy=`+f.Single+`"`) || strings.Contains(string(body), "/enterprise#") {
		t.Error("without profiles the funding question does not lead to /coming")
	}
}
