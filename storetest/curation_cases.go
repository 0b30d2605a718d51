package storetest

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// curated saves the rich policy and returns it as stored (version 1) and
// a corrected copy: another title, the first measure's amount and
// beneficiary, the second measure removed.
func curated(t *testing.T, s AuditedCuration) (machine, officer *huiqi.Policy, raw []byte) {
	t.Helper()
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	machine, err := s.FindPolicy(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	officer = clonePolicy(t, machine)
	officer.Title = "关于促进科技创新的若干政策（核对）"
	officer.Measures[0].AmountYuan = i64(300000)
	officer.Measures[0].Beneficiary = "新认定的国家高新技术企业"
	officer.Measures = officer.Measures[:1]
	return machine, officer, raw
}

func testCuratePolicy(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	machine, officer, raw := curated(t, s)
	res, err := s.CuratePolicy(ctx, machine.ID, 1, officer, "金额按原文更正", curationEvent("policy.curate", "policy:"+machine.ID))
	if err != nil {
		t.Fatalf("CuratePolicy: %v", err)
	}
	if res.ID != machine.ID || res.Version != 2 || res.Outcome != huiqi.SaveNewVersion || officer.Version != 2 || officer.ID != machine.ID {
		t.Fatalf("CuratePolicy = %+v (p %s v%d), want %s version 2", res, officer.ID, officer.Version, machine.ID)
	}
	latest, err := s.FindPolicy(ctx, machine.ID)
	if err != nil {
		t.Fatal(err)
	}
	if latest.Version != 2 || latest.Title != officer.Title || len(latest.Measures) != 1 || *latest.Measures[0].AmountYuan != 300000 {
		t.Errorf("latest after curation: v%d %q, %d measures", latest.Version, latest.Title, len(latest.Measures))
	}
	if latest.Source != machine.Source {
		t.Errorf("curated source = %+v, want the machine's %+v", latest.Source, machine.Source)
	}
	first, err := s.FindPolicyVersion(ctx, machine.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, machine) {
		t.Errorf("the machine's version changed after curation")
	}
	_, got, err := s.OriginalFile(ctx, machine.ID, 2)
	if err != nil || !bytes.Equal(got, raw) {
		t.Errorf("OriginalFile(v2) = %d bytes, %v; want the %d bytes of the machine's file", len(got), err, len(raw))
	}
	vs, err := s.ListVersions(ctx, machine.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].CuratedBy != "" || vs[0].Note != "" || vs[1].CuratedBy != "u_officer" || vs[1].Note != "金额按原文更正" || vs[1].Title != officer.Title {
		t.Errorf("ListVersions = %+v, want the machine's v1 and v2 curated by u_officer with the note", vs)
	}
	if e := lastAudit(t, s); e.Action != "policy.curate" || e.Object != "policy:"+machine.ID || e.Actor != "u_officer" {
		t.Errorf("last audit entry = %s, want policy.curate of policy:%s by u_officer", e, machine.ID)
	}
}

func testCurateConflict(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	machine, officer, _ := curated(t, s)
	if _, err := s.CuratePolicy(ctx, machine.ID, 1, officer, "", curationEvent("policy.curate", "")); err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, s)
	again := clonePolicy(t, machine)
	again.Title = "另一位专员的更正"
	_, err := s.CuratePolicy(ctx, machine.ID, 1, again, "", curationEvent("policy.curate", ""))
	wantCode(t, "curating from a stale base", err, huiqi.ECONFLICT)
	_, err = s.CuratePolicy(ctx, machine.ID, 3, again, "", curationEvent("policy.curate", ""))
	wantCode(t, "curating from a version to come", err, huiqi.ECONFLICT)
	_, err = s.CuratePolicy(ctx, "nosuchpolicy", 1, again, "", curationEvent("policy.curate", ""))
	wantCode(t, "curating an unknown policy", err, huiqi.ENOTFOUND)
	if vs, _ := s.ListVersions(ctx, machine.ID); len(vs) != 2 {
		t.Errorf("%d versions after refused curations, want 2", len(vs))
	}
	if n := auditCount(t, s); n != before {
		t.Errorf("refused curations appended %d audit entries", n-before)
	}
	res, err := s.CuratePolicy(ctx, machine.ID, 2, again, "", curationEvent("policy.curate", ""))
	if err != nil || res.Version != 3 {
		t.Errorf("curating from the latest version = %+v, %v; want version 3", res, err)
	}
}

func testCurateInvalid(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	machine, officer, _ := curated(t, s)
	_, err := s.CuratePolicy(ctx, machine.ID, 1, officer, "", nil)
	wantCode(t, "curation without an audit entry", err, huiqi.EINVALID)
	_, err = s.CuratePolicy(ctx, machine.ID, 1, officer, "", &huiqi.AuditEntry{Action: "policy.curate"})
	wantCode(t, "curation without an actor", err, huiqi.EINVALID)
	bad := clonePolicy(t, officer)
	bad.IssuedOn = huiqi.Date{Year: 2024, Month: 2, Day: 30}
	_, err = s.CuratePolicy(ctx, machine.ID, 1, bad, "", curationEvent("policy.curate", ""))
	wantCode(t, "curation with an impossible date", err, huiqi.EINVALID)
	if vs, _ := s.ListVersions(ctx, machine.ID); len(vs) != 1 {
		t.Errorf("%d versions after invalid curations, want 1", len(vs))
	}
}

// testIngestAfterCuration: ingesting the same file again finds the
// curated version (it holds the same text) and changes nothing.
func testIngestAfterCuration(t *testing.T, s AuditedCuration) {
	ctx := context.Background()
	machine, officer, _ := curated(t, s)
	if _, err := s.CuratePolicy(ctx, machine.ID, 1, officer, "", curationEvent("policy.curate", "")); err != nil {
		t.Fatal(err)
	}
	p, raw := RichPolicy()
	res := save(t, s, p, raw, huiqi.SaveUnchanged)
	if res.Version != 2 {
		t.Errorf("ingest after curation names version %d, want the curated 2", res.Version)
	}
	latest, err := s.FindPolicy(ctx, machine.ID)
	if err != nil || latest.Title != officer.Title {
		t.Errorf("latest after ingest = %v, %v; want the curated title", latest, err)
	}
}
