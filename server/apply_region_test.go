package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// TestReviewNamesRegion: the review queue and the review page name the
// application's region in words with its code, not the bare code, and
// the 匹配 column of the conditions keeps its verdict on one line.
func TestReviewNamesRegion(t *testing.T) {
	ps := servePlatform(t)
	v, owner := applicant(t, ps, "13800138061")
	path := startApplication(t, v)
	id := strings.TrimPrefix(path, "/applications/")
	a, err := ps.Store.FindApplication(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	reg, ok := region.Lookup(a.RegionCode)
	if !ok {
		t.Fatalf("the application's region %q is unknown", a.RegionCode)
	}
	named := reg.FullName + "（" + a.RegionCode + "）"
	_, form := v.get(path)
	v.postForm(path, url.Values{"csrf": {pageCSRF(t, form)}, "revision": {revisionOf(form)}, "f.contact_name": {"李四"}})
	submit(t, ps, v, path, owner.Phone)
	r := newVisitor(t, ps.URL)
	ps.staff("rev-region", huiqi.RoleReviewer, a.RegionCode)
	ps.signInStaff(r, "rev-region")
	list := mustGet(t, r, "/staff/applications")
	if !strings.Contains(list, "<td>"+named+"</td>") || strings.Contains(list, "<td>"+a.RegionCode+"</td>") {
		t.Errorf("the queue does not name the region %s", named)
	}
	if !strings.Contains(list, "您负责的地区："+named) {
		t.Error("the queue does not name the reviewer's regions")
	}
	page := mustGet(t, r, "/staff/applications/"+id)
	if !strings.Contains(page, "<dt>地区</dt><dd>"+named+"</dd>") || strings.Contains(page, "<dd>"+a.RegionCode+"</dd>") {
		t.Errorf("the review page does not name the region %s", named)
	}
	if !strings.Contains(page, `<td class="verdict">`) {
		t.Error("the review page's 匹配 column has no verdict cell")
	}
	if css := mustGet(t, r, "/static/platform.css"); !strings.Contains(css, ".plat-table td.verdict{white-space:nowrap}") {
		t.Error("platform.css lets the verdict wrap")
	}
}
