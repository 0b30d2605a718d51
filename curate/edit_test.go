package curate_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
	"github.com/huiqi-dev/huiqi/diff"
)

// TestEditForbidden: only officers and administrators acting within the
// policy's region curate it; nothing is saved otherwise.
func TestEditForbidden(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ch := curate.Changes{Fields: map[string]string{"title": "改过的标题"}}
	for _, tc := range []struct {
		name string
		u    *huiqi.User
		code string
	}{
		{"nobody", nil, huiqi.EUNAUTHORIZED},
		{"enterprise user", business, huiqi.EFORBIDDEN},
		{"reviewer of the region", reviewer, huiqi.EFORBIDDEN},
		{"officer of another region", hangzhou, huiqi.EFORBIDDEN},
		{"disabled officer", &huiqi.User{ID: "u_x", Role: huiqi.RoleOfficer, Regions: []string{"330400"}, Disabled: true}, huiqi.EFORBIDDEN},
	} {
		_, err := f.svc.Edit(ctx, tc.u, f.p.ID, 1, ch)
		wantCode(t, tc.name, err, tc.code)
		_, err = f.svc.Rule(ctx, tc.u, curate.MeasureIDs(f.p)[0])
		wantCode(t, tc.name+" (rule)", err, tc.code)
	}
	if vs, _ := f.db.ListVersions(ctx, f.p.ID); len(vs) != 1 {
		t.Errorf("%d versions after refused edits, want 1", len(vs))
	}
}

// TestEditSaves: the officer's corrections become version 2, marked
// curated with the note and audited; version 1 stays the machine's; spans
// still point into the same text; the index finds the corrected title;
// diff shows what changed.
func TestEditSaves(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	if len(f.p.Measures) < 2 {
		t.Fatalf("the demo policy has %d measures, want at least 2", len(f.p.Measures))
	}
	ch := curate.Changes{Note: "金额与原文核对", DeleteMeasures: []int{1}, Fields: map[string]string{
		"title":                  f.p.Title + "（核对稿）",
		"measures.0.amount_max":  "55万元",
		"measures.0.beneficiary": "新认定的国家级科技企业孵化器",
		"measures.0.periodicity": "one_time",
		"measures.0.condition":   " 须在平湖市注册 ",
		"doc_type":               f.p.DocType, // unchanged: not listed as changed
	}}
	got, err := f.svc.Edit(ctx, officer, f.p.ID, 1, ch)
	if err != nil {
		t.Fatalf("Edit: %v", err)
	}
	if got.Version != 2 || len(got.Measures) != len(f.p.Measures)-1 || *got.Measures[0].AmountYuan != 550000 ||
		got.Measures[0].Condition != "须在平湖市注册" || got.Measures[0].Periodicity != "one_time" {
		t.Fatalf("curated v%d: %d measures, first %+v", got.Version, len(got.Measures), got.Measures[0])
	}
	if got.Text != f.p.Text || got.Measures[0].Span != f.p.Measures[0].Span || got.Measures[1].Span != f.p.Measures[2].Span {
		t.Error("text or spans moved")
	}
	first, err := f.db.FindPolicyVersion(ctx, f.p.ID, 1)
	if err != nil || !reflect.DeepEqual(first, f.p) {
		t.Errorf("the machine's version changed: %v", err)
	}
	vs, _ := f.db.ListVersions(ctx, f.p.ID)
	if len(vs) != 2 || vs[0].CuratedBy != "" || vs[1].CuratedBy != officer.ID || vs[1].Note != ch.Note {
		t.Errorf("versions %+v", vs)
	}
	es, _ := f.db.AuditEntries(ctx, 0, 10)
	if len(es) != 1 || es[0].Action != "policy.curate" || es[0].Actor != officer.ID || es[0].Region != "330482" ||
		!strings.Contains(es[0].Detail, `"measures.0.amount_max"`) || strings.Contains(es[0].Detail, "doc_type") ||
		!strings.Contains(es[0].Detail, `"deleted_measures":[1]`) {
		t.Errorf("audit %+v", es)
	}
	res, err := f.ix.Search(ctx, huiqi.SearchQuery{Text: "核对稿"})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != f.p.ID {
		t.Errorf("index after curation: %+v, %v; want the corrected title found", res.Hits, err)
	}
	d := diff.Policies(first, got)
	if len(d.Fields) != 1 || d.Fields[0].Field != "title" || len(d.Measures) != 2 {
		t.Errorf("diff machine → officer: fields %+v, %d measure changes; want the title and 2 measures", d.Fields, len(d.Measures))
	}
	if _, err := f.svc.Edit(ctx, admin, f.p.ID, 2, curate.Changes{Note: "复核"}); err != nil {
		t.Errorf("an administrator confirming without changes: %v", err)
	}
}

// TestEditConflict: an edit made on a version no longer the latest is
// refused with a message saying so.
func TestEditConflict(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.svc.Edit(ctx, officer, f.p.ID, 1, curate.Changes{Fields: map[string]string{"doc_type": "意见"}}); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.Edit(ctx, admin, f.p.ID, 1, curate.Changes{Fields: map[string]string{"doc_type": "通知"}})
	wantCode(t, "stale base", err, huiqi.ECONFLICT)
	if msg := huiqi.ErrorMessage(err); !strings.Contains(msg, "第 2 版") || !strings.Contains(msg, "第 1 版") {
		t.Errorf("conflict message %q names neither version", msg)
	}
	if p, _ := f.db.FindPolicy(ctx, f.p.ID); p.DocType != "意见" || p.Version != 2 {
		t.Errorf("latest after the refused edit: v%d %q", p.Version, p.DocType)
	}
}

// TestEditInvalid: a wrong value is refused naming its field; nothing is
// saved.
func TestEditInvalid(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range []struct {
		fields map[string]string
		del    []int
		field  string
	}{
		{map[string]string{"measures.0.amount_max": "很多"}, nil, "measures.0.amount_max"},
		{map[string]string{"measures.0.amount_min": "-5"}, nil, "measures.0.amount_min"},
		{map[string]string{"measures.0.amount_min": "90万", "measures.0.amount_max": "10万"}, nil, "measures.0.amount_min"},
		{map[string]string{"measures.0.kind": "gift"}, nil, "measures.0.kind"},
		{map[string]string{"measures.0.periodicity": "weekly"}, nil, "measures.0.periodicity"},
		{map[string]string{"issued_on": "2024-02-30"}, nil, "issued_on"},
		{map[string]string{"published_on": "2024年1月"}, nil, "published_on"},
		{map[string]string{"effective_on": "2025-01-01", "expires_on": "2024-12-31"}, nil, "expires_on"},
		{map[string]string{"region_code": "999999"}, nil, "region_code"},
		{map[string]string{"title": "  "}, nil, "title"},
		{map[string]string{"summary": "x"}, nil, "summary"},
		{map[string]string{"measures.999.beneficiary": "x"}, nil, "measures.999.beneficiary"},
		{map[string]string{"targets.x.value": "1"}, nil, "targets.x.value"},
		{nil, []int{999}, "measures.999"},
	} {
		_, err := f.svc.Edit(ctx, officer, f.p.ID, 1, curate.Changes{Fields: tc.fields, DeleteMeasures: tc.del})
		wantCode(t, tc.field, err, huiqi.EINVALID)
		if msg := huiqi.ErrorMessage(err); !strings.HasPrefix(msg, tc.field+"：") {
			t.Errorf("%v: message %q does not name %s", tc.fields, msg, tc.field)
		}
	}
	_, err := f.svc.Edit(ctx, officer, f.p.ID, 1, curate.Changes{Note: strings.Repeat("长", curate.MaxNote+1)})
	wantCode(t, "long note", err, huiqi.EINVALID)
	if vs, _ := f.db.ListVersions(ctx, f.p.ID); len(vs) != 1 {
		t.Errorf("%d versions after invalid edits, want 1", len(vs))
	}
}
