package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/consult"
	"github.com/huiqi-dev/huiqi/region"
)

// TestReviewNamesRegion: the review queue and the review page name the
// application's region in words with its code, not the bare code, and
// the 匹配 column of the conditions keeps its verdict on one line; the
// application and review pages name the cited clause as a reader cites
// it (二（十）), not by its path.
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
	// An application citing a clause within a clause (二/(十)) names it 二（十）.
	p, err := ps.Site.Store.FindPolicyVersion(context.Background(), a.PolicyID, a.PolicyVersion)
	if err != nil {
		t.Fatal(err)
	}
	nested := *a
	nested.ID, nested.MeasureID, nested.Status = "", a.MeasureID+"_nested", huiqi.AppSubmitted
	for _, c := range p.Clauses {
		if strings.Contains(c.Path, "/") && nested.ClausePath == a.ClausePath {
			nested.ClausePath = c.Path
		}
	}
	if err := ps.Store.CreateApplication(context.Background(), &nested, &huiqi.AuditEntry{Actor: "test", Action: "application.create"}); err != nil {
		t.Fatal(err)
	}
	label := consult.ClauseLabel(p, nested.ClausePath)
	for who, page := range map[string]string{"review": mustGet(t, r, "/staff/applications/"+nested.ID), "application": mustGet(t, v, "/applications/"+nested.ID)} {
		if label == "" || label == nested.ClausePath || !strings.Contains(html.UnescapeString(page), ">"+label+"</a></dd>") {
			t.Errorf("the %s page does not name the clause %s as %q", who, nested.ClausePath, label)
		}
	}
	if !strings.Contains(page, `<td class="verdict">`) {
		t.Error("the review page's 匹配 column has no verdict cell")
	}
	if css := mustGet(t, r, "/static/platform.css"); !strings.Contains(css, ".plat-table td.verdict{white-space:nowrap}") {
		t.Error("platform.css lets the verdict wrap")
	}
}
