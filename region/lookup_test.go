package region

import (
	"fmt"
	"testing"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, code string
		want       Region
		ok         bool
	}{
		{"county", "510105", Region{"510105", "青羊区", "四川省成都市青羊区", 3, "510100"}, true},
		{"city four digits", "5101", Region{"510100", "成都市", "四川省成都市", 2, "510000"}, true},
		{"province two digits", "51", Region{"510000", "四川省", "四川省", 1, ""}, true},
		{"municipality district skips placeholder", "110108", Region{"110108", "海淀区", "北京市海淀区", 3, "110000"}, true},
		{"placeholder itself", "110100", Region{"110100", "市辖区", "北京市", 2, "110000"}, true},
		{"county under province", "419001", Region{"419001", "济源市", "河南省济源市", 3, "410000"}, true},
		{"national", "100000", National, true},
		{"unknown", "999999", Region{}, false},
		{"three digits", "510", Region{}, false},
		{"letters", "51ab05", Region{}, false},
		{"empty", "", Region{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Lookup(tt.code)
			if ok != tt.ok || got != tt.want {
				t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAncestors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, code string
		want       string
	}{
		{"county", "510105", "[四川省 成都市 青羊区]"},
		{"city", "330400", "[浙江省 嘉兴市]"},
		{"province", "330000", "[浙江省]"},
		{"municipality district", "110108", "[北京市 海淀区]"},
		{"national", "100000", "[全国]"},
		{"unknown", "000000", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var names []string
			for _, r := range Ancestors(tt.code) {
				names = append(names, r.Name)
			}
			if got := fmt.Sprint(names); got != tt.want {
				t.Errorf("Ancestors(%q) = %s; want %s", tt.code, got, tt.want)
			}
		})
	}
}

func TestContains(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		outer, inner string
		want         bool
	}{
		{"city contains county", "510100", "510105", true},
		{"province contains county", "510000", "510105", true},
		{"short province code", "51", "510105", true},
		{"itself", "510105", "510105", true},
		{"national contains all", "100000", "510105", true},
		{"national contains itself", "100000", "100000", true},
		{"county does not contain city", "510105", "510100", false},
		{"other city", "510300", "510105", false},
		{"other province", "330000", "510105", false},
		{"nothing contains national", "510000", "100000", false},
		{"unknown inner", "510000", "519999", false},
		{"unknown outer", "999999", "510105", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Contains(tt.outer, tt.inner); got != tt.want {
				t.Errorf("Contains(%q, %q) = %v; want %v", tt.outer, tt.inner, got, tt.want)
			}
		})
	}
}

func TestChildrenAndAll(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, code string
		count      int
		first      string
	}{
		{"provinces of the nation", "100000", 31, "北京市"},
		{"districts of Beijing through its placeholder", "110000", 16, "东城区"},
		{"placeholder's own children", "110100", 16, "东城区"},
		{"cities of Zhejiang", "330000", 11, "杭州市"},
		{"counties of Jiaxing", "330400", 7, "南湖区"},
		{"county has none", "510105", 0, ""},
		{"unknown", "999999", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Children(tt.code)
			if len(got) != tt.count || (len(got) > 0 && got[0].Name != tt.first) {
				t.Errorf("Children(%q) = %d regions %v; want %d starting with %s", tt.code, len(got), got, tt.count, tt.first)
			}
		})
	}
	all := All()
	seen := map[string]bool{}
	for _, r := range all {
		if seen[r.Code] || isPlaceholder(r.Name) || r.Level < 1 || r.Level > 3 {
			t.Errorf("All: bad or repeated region %+v", r)
		}
		seen[r.Code] = true
		if r.Level > 1 && !Contains(r.Parent, r.Code) {
			t.Errorf("All: %+v not inside its parent", r)
		}
	}
	if len(all) < 3000 {
		t.Errorf("All() = %d regions; want the full table (> 3000)", len(all))
	}
}
