package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// RunProfiles runs the suite of huiqi.ProfileStore; open returns a new,
// empty store, closed by the suite.
func RunProfiles(t *testing.T, open func(t *testing.T) huiqi.ProfileStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s huiqi.ProfileStore)
	}{
		{"SaveFind", testProfileSaveFind},
		{"Unchanged", testProfileUnchanged},
		{"Versions", testProfileVersions},
		{"NoCertifications", testProfileNoCertifications},
		{"KeysApart", testProfileKeysApart},
		{"NotFound", testProfileNotFound},
		{"InvalidKey", testProfileInvalidKey},
		{"Delete", testProfileDelete},
		{"Concurrent", testProfileConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if c, ok := s.(interface{ Close() error }); ok {
					if err := c.Close(); err != nil {
						t.Errorf("close: %v", err)
					}
				}
			})
			tt.fn(t, s)
		})
	}
}

// RichProfile returns a profile with every field set.
func RichProfile(key string) *huiqi.SavedProfile {
	n := func(v int) *int { return &v }
	y := func(v int64) *int64 { return &v }
	yes := true
	return &huiqi.SavedProfile{Key: key, Profile: huiqi.Enterprise{
		Name: "成都某某科技有限公司", CreditCode: "91510100MA61R8XK2Q", RegionCode: "510105", IndustryCode: "6513",
		RegisteredOn: huiqi.Date{Year: 2019, Month: 3, Day: 8}, Employees: n(120), TechStaff: n(30),
		Financials: []huiqi.Financials{
			{Year: 2025, RevenueYuan: y(52_000_000), RDExpenseYuan: y(3_100_000), RDExpenseDomesticYuan: y(3_000_000)},
			{Year: 2024, RevenueYuan: y(41_000_000), TotalAssetsYuan: y(30_000_000)},
		},
		IP:          &huiqi.IPCounts{Class1: n(3), Class2: n(12)},
		CoreIPOwned: &yes, InKeyTechField: &yes, IncidentsLastYear: n(0),
		Certifications: []huiqi.Certification{{Name: "高新技术企业", Level: huiqi.LevelNational,
			Since: huiqi.Date{Year: 2023, Month: 11, Day: 1}, Until: huiqi.Date{Year: 2026, Month: 10, Day: 31}}},
		InnovationScore: n(60),
		Declarations:    map[string]bool{"no_abnormal": true, "not_prohibited": false},
	}}
}

func saveProfile(t *testing.T, s huiqi.ProfileStore, p *huiqi.SavedProfile, want int) {
	t.Helper()
	if err := s.SaveProfile(context.Background(), p); err != nil {
		t.Fatalf("SaveProfile(%s): %v", p.Key, err)
	}
	if p.Version != want || p.SavedAt.IsZero() {
		t.Fatalf("SaveProfile(%s): version %d at %v, want version %d and a time", p.Key, p.Version, p.SavedAt, want)
	}
}

func findProfile(t *testing.T, s huiqi.ProfileStore, key string) *huiqi.SavedProfile {
	t.Helper()
	p, err := s.FindProfile(context.Background(), key)
	if err != nil {
		t.Fatalf("FindProfile(%s): %v", key, err)
	}
	return p
}
