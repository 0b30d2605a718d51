package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// seedApps creates applications across regions, users and statuses:
//
//	510105 成都锦江 u_a draft, 510105 u_b submitted, 510104 u_a submitted,
//	510100 成都市 u_b approved, 510000 四川省 u_a draft, 440300 深圳 u_c submitted.
func seedApps(t *testing.T, s AuditedApplications) map[string]string {
	w := watchAudit(t, s)
	ids := map[string]string{}
	for _, sd := range []struct {
		key, user, region string
		status            huiqi.ApplicationStatus
	}{
		{"jinjiang-a", "u_a", "510105", huiqi.AppDraft},
		{"jinjiang-b", "u_b", "510105", huiqi.AppSubmitted},
		{"qingyang-a", "u_a", "510104", huiqi.AppSubmitted},
		{"chengdu-b", "u_b", "510100", huiqi.AppApproved},
		{"sichuan-a", "u_a", "510000", huiqi.AppDraft},
		{"shenzhen-c", "u_c", "440300", huiqi.AppSubmitted},
	} {
		a := NewApplication(sd.user, sd.region)
		if sd.user == "u_c" {
			a.CreditCode = "91440300MA5FXXXX1A"
		}
		createApp(t, s, w, a)
		if sd.status != huiqi.AppDraft {
			a.Status = sd.status
			updateApp(t, s, w, a, &huiqi.ApplicationStep{Status: sd.status, By: sd.user, Role: huiqi.RoleEnterprise}, "application.move")
		}
		ids[sd.key] = a.ID
	}
	return ids
}

// listApps lists with f and returns the keys of seedApps found, sorted,
// and the total.
func listApps(t *testing.T, s huiqi.ApplicationStore, ids map[string]string, f huiqi.ApplicationFilter) ([]string, int) {
	t.Helper()
	list, total, err := s.ListApplications(context.Background(), f)
	if err != nil {
		t.Fatalf("ListApplications(%+v): %v", f, err)
	}
	keyOf := map[string]string{}
	for k, id := range ids {
		keyOf[id] = k
	}
	var keys []string
	for _, a := range list {
		keys = append(keys, keyOf[a.ID])
	}
	slices.Sort(keys)
	return keys, total
}

func testAppFilterRegion(t *testing.T, s AuditedApplications) {
	ids := seedApps(t, s)
	for _, tt := range []struct {
		prefixes []string
		want     []string
	}{
		{[]string{"51"}, []string{"chengdu-b", "jinjiang-a", "jinjiang-b", "qingyang-a", "sichuan-a"}},
		{[]string{"5101"}, []string{"chengdu-b", "jinjiang-a", "jinjiang-b", "qingyang-a"}},
		{[]string{"510105"}, []string{"jinjiang-a", "jinjiang-b"}},
		{[]string{"510105", "44"}, []string{"jinjiang-a", "jinjiang-b", "shenzhen-c"}},
		{[]string{"5102"}, nil},
		{[]string{"", "5102"}, []string{"chengdu-b", "jinjiang-a", "jinjiang-b", "qingyang-a", "shenzhen-c", "sichuan-a"}},
		{nil, []string{"chengdu-b", "jinjiang-a", "jinjiang-b", "qingyang-a", "shenzhen-c", "sichuan-a"}},
	} {
		got, total := listApps(t, s, ids, huiqi.ApplicationFilter{RegionPrefixes: tt.prefixes})
		if !slices.Equal(got, tt.want) || total != len(tt.want) {
			t.Errorf("prefixes %q: %v (total %d), want %v", tt.prefixes, got, total, tt.want)
		}
	}
	_, _, err := s.ListApplications(context.Background(), huiqi.ApplicationFilter{RegionPrefixes: []string{"51%"}})
	wantCode(t, "ListApplications(prefix 51%)", err, huiqi.EINVALID)
}

func testAppFilterFields(t *testing.T, s AuditedApplications) {
	ids := seedApps(t, s)
	sub := []huiqi.ApplicationStatus{huiqi.AppSubmitted, huiqi.AppResubmitted}
	for _, tt := range []struct {
		name string
		f    huiqi.ApplicationFilter
		want []string
	}{
		{"submitted", huiqi.ApplicationFilter{Statuses: sub}, []string{"jinjiang-b", "qingyang-a", "shenzhen-c"}},
		{"submitted in 5101", huiqi.ApplicationFilter{Statuses: sub, RegionPrefixes: []string{"5101"}}, []string{"jinjiang-b", "qingyang-a"}},
		{"drafts and approved", huiqi.ApplicationFilter{Statuses: []huiqi.ApplicationStatus{huiqi.AppDraft, huiqi.AppApproved}},
			[]string{"chengdu-b", "jinjiang-a", "sichuan-a"}},
		{"user", huiqi.ApplicationFilter{UserID: "u_a"}, []string{"jinjiang-a", "qingyang-a", "sichuan-a"}},
		{"user and status", huiqi.ApplicationFilter{UserID: "u_a", Statuses: []huiqi.ApplicationStatus{huiqi.AppDraft}}, []string{"jinjiang-a", "sichuan-a"}},
		{"credit code", huiqi.ApplicationFilter{CreditCode: "91440300MA5FXXXX1A"}, []string{"shenzhen-c"}},
		{"policy", huiqi.ApplicationFilter{PolicyID: "pol_510105"}, []string{"jinjiang-a", "jinjiang-b"}},
		{"nobody", huiqi.ApplicationFilter{UserID: "u_none"}, nil},
	} {
		got, total := listApps(t, s, ids, tt.f)
		if !slices.Equal(got, tt.want) || total != len(tt.want) {
			t.Errorf("%s: %v (total %d), want %v", tt.name, got, total, tt.want)
		}
	}
	ctx := context.Background()
	_, _, err := s.ListApplications(ctx, huiqi.ApplicationFilter{Statuses: []huiqi.ApplicationStatus{"pending"}})
	wantCode(t, "ListApplications(status pending)", err, huiqi.EINVALID)
	_, _, err = s.ListApplications(ctx, huiqi.ApplicationFilter{Limit: -1})
	wantCode(t, "ListApplications(limit -1)", err, huiqi.EINVALID)
}

func testAppPaging(t *testing.T, s AuditedApplications) {
	ids := seedApps(t, s)
	ctx := context.Background()
	seen := map[string]bool{}
	for offset := 0; offset < 8; offset += 4 {
		page, total, err := s.ListApplications(ctx, huiqi.ApplicationFilter{RegionPrefixes: []string{"51"}, Limit: 4, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		if want := min(4, 5-offset); len(page) != want || total != 5 {
			t.Fatalf("offset %d: %d applications (total %d), want %d (total 5)", offset, len(page), total, want)
		}
		for _, a := range page {
			if seen[a.ID] {
				t.Errorf("offset %d: %s on two pages", offset, a.ID)
			}
			seen[a.ID] = true
		}
	}
	if len(seen) != len(ids)-1 {
		t.Errorf("pages held %d applications, want %d", len(seen), len(ids)-1)
	}
	page, total, err := s.ListApplications(ctx, huiqi.ApplicationFilter{Offset: 10})
	if err != nil || len(page) != 0 || total != 6 {
		t.Errorf("past the end: %d applications, total %d, %v; want none of 6", len(page), total, err)
	}
}

// testAppOrder: newest updated first; a list carries the files' metadata
// and the steps but never the bytes.
func testAppOrder(t *testing.T, s AuditedApplications) {
	ids := seedApps(t, s)
	ctx := context.Background()
	w := watchAudit(t, s)
	old := findApp(t, s, ids["jinjiang-a"])
	old.Form["note"] = "更新"
	updateApp(t, s, w, old, nil, "application.edit")
	addFile(t, s, w, old, "说明.txt", []byte("研发费用说明"))
	list, _, err := s.ListApplications(ctx, huiqi.ApplicationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 6 || list[0].ID != old.ID {
		t.Fatalf("list starts with %s, want the one just updated %s", list[0].ID, old.ID)
	}
	for i := 1; i < len(list); i++ {
		if list[i].UpdatedAt.After(list[i-1].UpdatedAt) {
			t.Errorf("%s (updated %v) after %s (updated %v)", list[i].ID, list[i].UpdatedAt, list[i-1].ID, list[i-1].UpdatedAt)
		}
	}
	for i := range list {
		sameApp(t, "listed", &list[i], findApp(t, s, list[i].ID))
	}
	if len(list[0].Attachments) != 1 || len(list[0].Steps) != 0 {
		t.Errorf("listed %d attachments and %d steps, want 1 and none", len(list[0].Attachments), len(list[0].Steps))
	}
}
