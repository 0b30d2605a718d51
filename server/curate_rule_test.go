package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

// TestCurationRule: the rule page starts from the proposal; 运行测试 shows
// each case, 发布 is offered only when all pass and refused without a
// case; once published, matching answers the measure by the rule
// (unknown by the proposal, eligible by the rule) and the public page
// marks it 已人工核对.
func TestCurationRule(t *testing.T) {
	t.Parallel()
	ps, p := serveCuration(t)
	ctx := context.Background()
	m, err := match.Load(ctx, ps.Store, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &huiqi.Enterprise{RegionCode: "330482", Employees: new(int)}
	*e.Employees = 300
	var mid string
	for _, r := range m.Match(e, huiqi.Date{Year: 2026, Month: 5, Day: 1}, match.Options{}).Results {
		if r.Status == huiqi.MatchUnknown && strings.HasPrefix(r.MeasureID, "m_"+p.ID+"_") {
			mid = r.MeasureID
			break
		}
	}
	if mid == "" {
		t.Fatal("no measure of the policy is unknown by its proposal")
	}
	path := "/staff/measures/" + mid + "/rule"
	jx := ps.staffVisitor(t, "jxofficer", huiqi.RoleOfficer, "330400")
	res, body := jx.get(path)
	statusOf(t, "the rule page", res, body, http.StatusOK)
	if !strings.Contains(body, "id: "+mid) || !strings.Contains(body, "运行测试") || strings.Contains(body, `value="publish"`) {
		t.Errorf("the rule page does not start from the proposal with 运行测试 only")
	}
	csrf := jx.csrfOf(path)
	rule, failing := sizeRuleYAML(mid, "eligible")
	_, passing := sizeRuleYAML(mid, "not_eligible")
	post := func(action, cases string) (*http.Response, string) {
		return jx.postForm(path, url.Values{"csrf": {csrf}, "action": {action}, "yaml": {rule}, "cases": {cases}})
	}
	res, body = post("test", failing)
	statusOf(t, "a failing test run", res, body, http.StatusOK)
	if !strings.Contains(body, "1 个未通过") || !strings.Contains(body, "want eligible") || strings.Contains(body, `value="publish"`) {
		t.Errorf("a failing run: no count, no message, or 发布 offered")
	}
	res, body = post("test", passing)
	statusOf(t, "a passing test run", res, body, http.StatusOK)
	if !strings.Contains(body, "0 个未通过") || !strings.Contains(body, `value="publish"`) {
		t.Errorf("a passing run does not offer 发布")
	}
	res, body = post("publish", "")
	statusOf(t, "publishing without a case", res, body, http.StatusBadRequest)
	if !strings.Contains(body, "至少需要一个测试用例") {
		t.Errorf("publishing without a case: %s", errorText(body))
	}
	res, body = jx.postForm(path, url.Values{"csrf": {"forged"}, "action": {"publish"}, "yaml": {rule}, "cases": {passing}})
	statusOf(t, "publishing with a forged token", res, body, http.StatusForbidden)
	if rs, _ := ps.Store.CuratedRules(ctx); len(rs) != 0 {
		t.Fatalf("refused publications were saved: %+v", rs)
	}
	res, body = post("publish", passing)
	statusOf(t, "publishing", res, body, http.StatusSeeOther)
	if st, curated := matchStatus(t, ps.URL, mid); st != huiqi.MatchEligible || !curated {
		t.Errorf("match after publishing: %s (curated %v), want eligible by the curated rule", st, curated)
	}
	_, body = jx.get(path)
	if !strings.Contains(body, "已发布第 1 版") || !strings.Contains(body, "发布记录") || !strings.Contains(body, "测试jxofficer") {
		t.Errorf("the rule page does not show the published rule")
	}
	_, body = newVisitor(t, ps.URL).get("/policies/" + p.ID)
	if !strings.Contains(body, "已人工核对") {
		t.Error("the public page does not mark the measure with a published rule")
	}
	es, _ := ps.Store.AuditEntries(ctx, 0, 100)
	if last := es[len(es)-1]; last.Action != "rule.publish" || last.Object != "measure:"+mid {
		t.Errorf("last audit entry %s, want rule.publish of measure:%s", last, mid)
	}
}
