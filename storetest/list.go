package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// seedList saves nine policies: regions 330100 ×4, 330185 ×3, none ×2; doc
// types 通知 ×5 and 意见 ×4, alternating.
func seedList(t *testing.T, s huiqi.PolicyStore) {
	regions := []string{"330100", "330185", "330100", "", "330185", "330100", "", "330185", "330100"}
	for i, r := range regions {
		typ := "通知"
		if i%2 == 1 {
			typ = "意见"
		}
		p, raw := Simple(i+1, r, typ)
		save(t, s, p, raw, huiqi.SaveCreated)
	}
}

func testList(t *testing.T, s huiqi.PolicyStore) {
	seedList(t, s)
	tests := []struct {
		name   string
		filter huiqi.PolicyFilter
		want   int
	}{
		{"all", huiqi.PolicyFilter{}, 9},
		{"region", huiqi.PolicyFilter{RegionCode: "330100"}, 4},
		{"other region", huiqi.PolicyFilter{RegionCode: "330185"}, 3},
		{"unknown region", huiqi.PolicyFilter{RegionCode: "110000"}, 0},
		{"region is exact, not a prefix", huiqi.PolicyFilter{RegionCode: "3301"}, 0},
		{"doc type", huiqi.PolicyFilter{DocType: "意见"}, 4},
		{"region and doc type", huiqi.PolicyFilter{RegionCode: "330100", DocType: "通知"}, 3},
		{"region and other doc type", huiqi.PolicyFilter{RegionCode: "330185", DocType: "通知"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := s.ListPolicies(context.Background(), tt.filter)
			if err != nil {
				t.Fatalf("ListPolicies: %v", err)
			}
			if total != tt.want || len(got) != tt.want {
				t.Errorf("ListPolicies(%+v) = %d rows, total %d; want %d", tt.filter, len(got), total, tt.want)
			}
			for _, sum := range got {
				if tt.filter.RegionCode != "" && sum.RegionCode != tt.filter.RegionCode ||
					tt.filter.DocType != "" && sum.DocType != tt.filter.DocType {
					t.Errorf("row %+v does not match filter %+v", sum, tt.filter)
				}
			}
		})
	}
	got, _, err := s.ListPolicies(context.Background(), huiqi.PolicyFilter{Limit: -1})
	wantCode(t, "negative limit", err, huiqi.EINVALID)
	if got != nil {
		t.Errorf("negative limit returned rows")
	}
}

func testListPaging(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	seedList(t, s)
	all, total, err := s.ListPolicies(ctx, huiqi.PolicyFilter{})
	if err != nil || total != 9 {
		t.Fatalf("ListPolicies = total %d, %v", total, err)
	}
	var paged []huiqi.PolicySummary
	for off := 0; off < 12; off += 4 {
		page, n, err := s.ListPolicies(ctx, huiqi.PolicyFilter{Offset: off, Limit: 4})
		if err != nil {
			t.Fatalf("page at %d: %v", off, err)
		}
		if n != 9 {
			t.Errorf("page at %d: total %d, want 9", off, n)
		}
		if want := min(4, 9-off); len(page) != want {
			t.Errorf("page at %d: %d rows, want %d", off, len(page), want)
		}
		paged = append(paged, page...)
	}
	if len(paged) != len(all) {
		t.Fatalf("pages hold %d rows, want %d", len(paged), len(all))
	}
	for i := range all {
		if paged[i].ID != all[i].ID {
			t.Errorf("row %d: paged %s, unpaged %s", i, paged[i].ID, all[i].ID)
		}
	}
	page, n, err := s.ListPolicies(ctx, huiqi.PolicyFilter{Offset: 100})
	if err != nil || len(page) != 0 || n != 9 {
		t.Errorf("offset past the end = %d rows, total %d, %v; want 0, 9", len(page), n, err)
	}
}

// testListOrder checks the summary fields and that the policy updated last
// (a new version of the oldest) comes first.
func testListOrder(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	rich, raw := RichPolicy()
	save(t, s, rich, raw, huiqi.SaveCreated)
	time.Sleep(5 * time.Millisecond)
	seedList(t, s)
	time.Sleep(5 * time.Millisecond)
	changed, _ := RichPolicy()
	changed.Text += "补充说明\n"
	changed.DocType = "实施细则"
	save(t, s, changed, []byte(changed.Text), huiqi.SaveNewVersion)

	got, _, err := s.ListPolicies(ctx, huiqi.PolicyFilter{})
	if err != nil {
		t.Fatalf("ListPolicies: %v", err)
	}
	for i := 1; i < len(got); i++ {
		if got[i].UpdatedAt.After(got[i-1].UpdatedAt) {
			t.Errorf("row %d updated %v after row %d %v: not newest first", i, got[i].UpdatedAt, i-1, got[i-1].UpdatedAt)
		}
	}
	first := got[0]
	want := huiqi.PolicySummary{ID: rich.ID, Version: 2, Title: rich.Title, DocNumber: rich.DocNumber,
		DocType: "实施细则", RegionCode: "330185", Issuers: rich.Issuers, IssuedOn: rich.IssuedOn,
		PublishedOn: rich.PublishedOn, Measures: 2, Targets: 1, Tasks: 1, UpdatedAt: first.UpdatedAt}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("first row = %+v\nwant        %+v", first, want)
	}
	if first.UpdatedAt.IsZero() {
		t.Errorf("first row has no updated_at")
	}
	if _, n, _ := s.ListPolicies(ctx, huiqi.PolicyFilter{DocType: "若干政策"}); n != 0 {
		t.Errorf("filter on the old version's doc type matched %d, want 0: only latest versions count", n)
	}
}
