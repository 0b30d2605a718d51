package server_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// maxPageBytes is the weight budget of a page: its HTML, CSS and JavaScript.
const maxPageBytes = 200 << 10

var listAll = huiqi.PolicyFilter{Limit: 1000}

var assetRef = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

// pageWeight is the bytes of a page and the assets it loads.
func pageWeight(t *testing.T, base, path string) int {
	t.Helper()
	status, _, body := fetch(t, base+path)
	if status != 200 {
		t.Fatalf("%s: status %d", path, status)
	}
	n := len(body)
	for _, m := range assetRef.FindAllStringSubmatch(string(body), -1) {
		_, _, asset := fetch(t, base+m[1])
		n += len(asset)
	}
	return n
}

// TestPageWeight keeps every page under 200 KB, including the policy page of
// the longest document (every version of every demo policy is weighed) and the largest search page, and checks that nothing
// is loaded from another origin.
func TestPageWeight(t *testing.T) {
	f, srv := serve(t)
	list, _, err := f.Store.ListPolicies(t.Context(), listAll)
	if err != nil {
		t.Fatal(err)
	}
	heaviest, most := "", 0
	for _, s := range list {
		for v := 1; v <= s.Version; v++ {
			path := "/policies/" + s.ID + "?version=" + strconv.Itoa(v)
			if w := pageWeight(t, srv.URL, path); w > most {
				heaviest, most = path, w
			}
		}
	}
	t.Logf("heaviest policy page %s: %d bytes", heaviest, most)
	if most > maxPageBytes {
		t.Errorf("policy page %s weighs %d bytes, over %d", heaviest, most, maxPageBytes)
	}
	for _, path := range []string{"/", "/search?q=补助&limit=100", "/search?status=all&limit=100", "/policies/" + f.Versioned + "/diff", "/coming/funding"} {
		w := pageWeight(t, srv.URL, path)
		t.Logf("%s: %d bytes", path, w)
		if w > maxPageBytes {
			t.Errorf("%s weighs %d bytes, over %d", path, w, maxPageBytes)
		}
		_, _, body := fetch(t, srv.URL+path)
		if strings.Contains(string(body), "://") && regexp.MustCompile(`(?:href|src)="https?://`).Match(body) {
			t.Errorf("%s loads or links something from another origin", path)
		}
	}
}

func TestRequestsAreLogged(t *testing.T) {
	_, srv := serve(t)
	fetch(t, srv.URL+"/coming/apply?from=log-test")
	log := siteLog.String()
	if !strings.Contains(log, "path=/coming/apply") || !strings.Contains(log, "status=200") {
		t.Errorf("request not logged:\n%s", log)
	}
}
