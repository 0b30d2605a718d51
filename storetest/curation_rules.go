package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// ruleOf is a curated rule of measure mid of policy pid.
func ruleOf(pid, mid, yaml string) *huiqi.CuratedRule {
	return &huiqi.CuratedRule{MeasureID: mid, PolicyID: pid, YAML: yaml, CasesYAML: "- name: 例\n", By: "u_officer"}
}

func testCuratedRules(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	if rs, err := s.CuratedRules(ctx); err != nil || len(rs) != 0 {
		t.Fatalf("CuratedRules of a new store = %v, %v; want none", rs, err)
	}
	at := time.Date(2026, 3, 1, 8, 0, 0, 123456000, time.UTC)
	a1 := ruleOf(p.ID, "m_b_1", "id: m_b_1\n# 1\n")
	a1.At = at
	for _, r := range []*huiqi.CuratedRule{a1, ruleOf(p.ID, "m_b_1", "id: m_b_1\n# 2\n"), ruleOf(p.ID, "m_a_1", "id: m_a_1\n")} {
		if err := s.SaveRule(ctx, r, curationEvent("rule.publish", "")); err != nil {
			t.Fatalf("SaveRule(%s): %v", r.MeasureID, err)
		}
		if e := lastAudit(t, s); e.Action != "rule.publish" || e.Object != "measure:"+r.MeasureID {
			t.Errorf("audit entry of SaveRule(%s) = %s", r.MeasureID, e)
		}
	}
	rs, err := s.CuratedRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].MeasureID != "m_a_1" || rs[0].Version != 1 || rs[1].MeasureID != "m_b_1" ||
		rs[1].Version != 2 || rs[1].YAML != "id: m_b_1\n# 2\n" || rs[1].PolicyID != p.ID || rs[1].By != "u_officer" {
		t.Errorf("CuratedRules = %+v, want m_a_1 v1 and m_b_1 v2", rs)
	}
	hist, err := s.RuleHistory(ctx, "m_b_1")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Version != 1 || !hist[0].At.Equal(at) || hist[0].CasesYAML != "- name: 例\n" || hist[1].Version != 2 || hist[1].At.IsZero() {
		t.Errorf("RuleHistory(m_b_1) = %+v, want versions 1 (at %s) and 2", hist, at)
	}
	if hist, err := s.RuleHistory(ctx, "m_none"); err != nil || len(hist) != 0 {
		t.Errorf("RuleHistory of a measure without a rule = %v, %v; want none", hist, err)
	}
}

func testCuratedRulesInvalid(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	before := auditCount(t, s)
	for name, r := range map[string]*huiqi.CuratedRule{
		"no measure": ruleOf(p.ID, "", "id: x\n"),
		"no policy":  ruleOf("", "m_x", "id: x\n"),
		"no yaml":    ruleOf(p.ID, "m_x", ""),
		"no author":  {MeasureID: "m_x", PolicyID: p.ID, YAML: "id: x\n"},
	} {
		wantCode(t, name, s.SaveRule(ctx, r, curationEvent("rule.publish", "")), huiqi.EINVALID)
	}
	wantCode(t, "unknown policy", s.SaveRule(ctx, ruleOf("nosuchpolicy", "m_x", "id: x\n"), curationEvent("rule.publish", "")), huiqi.ENOTFOUND)
	wantCode(t, "no actor", s.SaveRule(ctx, ruleOf(p.ID, "m_x", "id: x\n"), &huiqi.AuditEntry{Action: "rule.publish"}), huiqi.EINVALID)
	if rs, _ := s.CuratedRules(ctx); len(rs) != 0 {
		t.Errorf("refused rules were stored: %+v", rs)
	}
	if n := auditCount(t, s); n != before {
		t.Errorf("refused rules appended %d audit entries", n-before)
	}
}

// testCurationDelete: deleting a policy removes its curations and rules.
func testCurationDelete(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	machine, officer, _ := curated(t, s)
	if _, err := s.CuratePolicy(ctx, machine.ID, 1, officer, "", curationEvent("policy.curate", "")); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRule(ctx, ruleOf(machine.ID, "m_x_1", "id: m_x_1\n"), curationEvent("rule.publish", "")); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePolicy(ctx, machine.ID); err != nil {
		t.Fatalf("DeletePolicy of a curated policy: %v", err)
	}
	if rs, err := s.CuratedRules(ctx); err != nil || len(rs) != 0 {
		t.Errorf("CuratedRules after deleting the policy = %+v, %v; want none", rs, err)
	}
	_, err := s.ListVersions(ctx, machine.ID)
	wantCode(t, "versions of a deleted policy", err, huiqi.ENOTFOUND)
}
