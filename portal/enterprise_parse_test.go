package portal

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestParseYuan(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"52000000", 52000000, true},
		{"52,000,000元", 52000000, true},
		{"５２００万", 52000000, true},
		{"3.5万元", 35000, true},
		{"1.2亿", 120000000, true},
		{" 86 000 ", 86000, true},
		{"0", 0, true},
		{"-5", -5, true}, // read; package profile reports the sign
		{"3.14", 0, false},
		{"1.00001万", 0, false},
		{"1/2", 0, false},
		{"1e6", 0, false},
		{"abc", 0, false},
		{"", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, c := range cases {
		got, ok := parseYuan(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseYuan(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := huiqi.Date{Year: 2019, Month: 3, Day: 8}
	for _, in := range []string{"2019-03-08", "2019/3/8", "2019.3.8", "2019年3月8日", "２０１９－０３－０８"} {
		if got, ok := parseDate(in); !ok || got != want {
			t.Errorf("parseDate(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"2019-02-30", "2019-3", "昨天", "0000-00-00", ""} {
		if got, ok := parseDate(in); ok {
			t.Errorf("parseDate(%q) = %v, want refused", in, got)
		}
	}
}

func TestParseRegionIndustry(t *testing.T) {
	for in, want := range map[string]string{"510105": "510105", "成都市青羊区": "510105", "四川省成都市青羊区": "510105", "北京市": "110000"} {
		if r, ok := parseRegion(in); !ok || r.Code != want {
			t.Errorf("parseRegion(%q) = %v, %v; want %s", in, r.Code, ok, want)
		}
	}
	for _, in := range []string{"999999", "火星", ""} {
		if r, ok := parseRegion(in); ok {
			t.Errorf("parseRegion(%q) = %v, want refused", in, r)
		}
	}
	for in, want := range map[string]string{"I6513": "6513", "6513": "6513", "c": "C", "应用软件开发": "6513"} {
		if i, ok := parseIndustry(in); !ok || i.Code != want {
			t.Errorf("parseIndustry(%q) = %v, %v; want %s", in, i.Code, ok, want)
		}
	}
	if i, ok := parseIndustry("软件"); ok {
		t.Errorf("parseIndustry(软件) = %v, want refused (not a class name)", i)
	}
}

func TestFieldID(t *testing.T) {
	for path, want := range map[string]string{
		"employees":                     "f-employees",
		"ip.class1":                     "f-ip-class1",
		"financials[2025].revenue_yuan": "f-financials-2025-revenue_yuan",
		"financials[2025]":              "f-financials-2025",
		"certifications[1].since":       "f-certifications-1-since",
		"declarations.no_abnormal":      "f-declarations-no_abnormal",
	} {
		if got := fieldID(path); got != want {
			t.Errorf("fieldID(%q) = %q, want %q", path, got, want)
		}
	}
}
