package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// seedThreads asks in several regions and answers some:
//
//	510105 u_a open, 510105 u_b answered, 510104 u_a answered,
//	510000 u_b open, 440300 u_c open.
func seedThreads(t *testing.T, s AuditedConsult) map[string]string {
	w := watchAudit(t, s)
	ids := map[string]string{}
	for _, sd := range []struct {
		key, user, region string
		answered          bool
	}{
		{"jinjiang-a", "u_a", "510105", false},
		{"jinjiang-b", "u_b", "510105", true},
		{"qingyang-a", "u_a", "510104", true},
		{"sichuan-b", "u_b", "510000", false},
		{"shenzhen-c", "u_c", "440300", false},
	} {
		th := NewThread(sd.user, sd.region)
		createThread(t, s, w, th)
		if sd.answered {
			addMessage(t, s, w, th, &huiqi.ThreadMessage{By: "u_off1", Role: huiqi.RoleOfficer, Text: "已答复。"}, huiqi.ThreadAnswered)
		}
		ids[sd.key] = th.ID
	}
	return ids
}

func listThreads(t *testing.T, s huiqi.ConsultStore, ids map[string]string, f huiqi.ThreadFilter) ([]string, int) {
	t.Helper()
	list, total, err := s.ListThreads(context.Background(), f)
	if err != nil {
		t.Fatalf("ListThreads(%+v): %v", f, err)
	}
	keyOf := map[string]string{}
	for k, id := range ids {
		keyOf[id] = k
	}
	var keys []string
	for _, th := range list {
		if th.Messages != nil {
			t.Errorf("listed thread %s carries %d messages", th.ID, len(th.Messages))
		}
		keys = append(keys, keyOf[th.ID])
	}
	slices.Sort(keys)
	return keys, total
}

func testThreadListFilters(t *testing.T, s AuditedConsult) {
	ids := seedThreads(t, s)
	all := []string{"jinjiang-a", "jinjiang-b", "qingyang-a", "shenzhen-c", "sichuan-b"}
	for _, tt := range []struct {
		name string
		f    huiqi.ThreadFilter
		want []string
	}{
		{"province 51", huiqi.ThreadFilter{RegionPrefixes: []string{"51"}}, []string{"jinjiang-a", "jinjiang-b", "qingyang-a", "sichuan-b"}},
		{"city 5101", huiqi.ThreadFilter{RegionPrefixes: []string{"5101"}}, []string{"jinjiang-a", "jinjiang-b", "qingyang-a"}},
		{"district 510105", huiqi.ThreadFilter{RegionPrefixes: []string{"510105"}}, []string{"jinjiang-a", "jinjiang-b"}},
		{"two regions", huiqi.ThreadFilter{RegionPrefixes: []string{"510104", "44"}}, []string{"qingyang-a", "shenzhen-c"}},
		{"the whole country", huiqi.ThreadFilter{RegionPrefixes: []string{"5102", ""}}, all},
		{"no filter", huiqi.ThreadFilter{}, all},
		{"open", huiqi.ThreadFilter{Status: huiqi.ThreadOpen}, []string{"jinjiang-a", "shenzhen-c", "sichuan-b"}},
		{"open in 5101", huiqi.ThreadFilter{Status: huiqi.ThreadOpen, RegionPrefixes: []string{"5101"}}, []string{"jinjiang-a"}},
		{"answered", huiqi.ThreadFilter{Status: huiqi.ThreadAnswered}, []string{"jinjiang-b", "qingyang-a"}},
		{"user", huiqi.ThreadFilter{UserID: "u_b"}, []string{"jinjiang-b", "sichuan-b"}},
		{"policy", huiqi.ThreadFilter{PolicyID: "pol_510105"}, []string{"jinjiang-a", "jinjiang-b"}},
		{"nobody", huiqi.ThreadFilter{UserID: "u_none"}, nil},
	} {
		got, total := listThreads(t, s, ids, tt.f)
		if !slices.Equal(got, tt.want) || total != len(tt.want) {
			t.Errorf("%s: %v (total %d), want %v", tt.name, got, total, tt.want)
		}
	}
	ctx := context.Background()
	_, _, err := s.ListThreads(ctx, huiqi.ThreadFilter{Status: "closed"})
	wantCode(t, "ListThreads(status closed)", err, huiqi.EINVALID)
	_, _, err = s.ListThreads(ctx, huiqi.ThreadFilter{RegionPrefixes: []string{"51_"}})
	wantCode(t, "ListThreads(prefix 51_)", err, huiqi.EINVALID)
	_, _, err = s.ListThreads(ctx, huiqi.ThreadFilter{Offset: -1})
	wantCode(t, "ListThreads(offset -1)", err, huiqi.EINVALID)
}

// testThreadListPaging: pages of the newest updated first, a thread
// answered last at the top, the total on every page.
func testThreadListPaging(t *testing.T, s AuditedConsult) {
	ids := seedThreads(t, s)
	w := watchAudit(t, s)
	oldest := findThread(t, s, ids["jinjiang-a"])
	addMessage(t, s, w, oldest, &huiqi.ThreadMessage{By: "u_off1", Role: huiqi.RoleOfficer, Text: "请见附件。"}, huiqi.ThreadAnswered)
	ctx := context.Background()
	var listed []huiqi.Thread
	for offset := 0; offset < 6; offset += 2 {
		page, total, err := s.ListThreads(ctx, huiqi.ThreadFilter{Limit: 2, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		if want := min(2, 5-offset); len(page) != want || total != 5 {
			t.Fatalf("offset %d: %d threads (total %d), want %d (total 5)", offset, len(page), total, want)
		}
		listed = append(listed, page...)
	}
	if listed[0].ID != oldest.ID || listed[0].Status != huiqi.ThreadAnswered {
		t.Errorf("list starts with %s (%s), want the one just answered %s", listed[0].ID, listed[0].Status, oldest.ID)
	}
	seen := map[string]bool{}
	for i, th := range listed {
		if seen[th.ID] {
			t.Errorf("%s listed twice", th.ID)
		}
		seen[th.ID] = true
		if i > 0 && th.UpdatedAt.After(listed[i-1].UpdatedAt) {
			t.Errorf("%s (updated %v) after %s (updated %v)", th.ID, th.UpdatedAt, listed[i-1].ID, listed[i-1].UpdatedAt)
		}
		found := findThread(t, s, th.ID)
		found.Messages = nil
		sameThread(t, "listed", &th, found)
	}
}
