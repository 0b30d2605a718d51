package portal

import (
	"html/template"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestHighlight(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		marks []huiqi.Span
		want  template.HTML
	}{
		{"one mark", "对孵化器给予补助", []huiqi.Span{{Start: 3, End: 12}}, "对<mark>孵化器</mark>给予补助"},
		{"two marks", "孵化器补助", []huiqi.Span{{Start: 0, End: 9}, {Start: 9, End: 15}}, "<mark>孵化器</mark><mark>补助</mark>"},
		{"escapes text", "<b>补助</b>", []huiqi.Span{{Start: 3, End: 9}}, "&lt;b&gt;<mark>补助</mark>&lt;/b&gt;"},
		{"overlap skipped", "孵化器补助", []huiqi.Span{{Start: 0, End: 9}, {Start: 3, End: 12}}, "<mark>孵化器</mark>补助"},
		{"inside a character skipped", "孵化器", []huiqi.Span{{Start: 1, End: 4}}, "孵化器"},
		{"out of range skipped", "补助", []huiqi.Span{{Start: 0, End: 99}}, "补助"},
		{"no marks", "补助", nil, "补助"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := highlight(huiqi.Snippet{Text: c.text, Marks: c.marks}); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestAmounts(t *testing.T) {
	i64 := func(v int64) *int64 { return &v }
	f64 := func(v float64) *float64 { return &v }
	cases := []struct {
		name string
		m    huiqi.Measure
		want string
	}{
		{"amount", huiqi.Measure{AmountYuan: i64(500000)}, "50万元"},
		{"cap", huiqi.Measure{AmountYuan: i64(1000000), AmountIsCap: true}, "最高100万元"},
		{"under 1万 in 元", huiqi.Measure{AmountYuan: i64(1500)}, "1500元"},
		{"亿", huiqi.Measure{AmountYuan: i64(1e10)}, "100亿元"},
		{"cap only", huiqi.Measure{CapYuan: i64(200000)}, "最高20万元"},
		{"rate", huiqi.Measure{Rate: f64(0.3), RateBase: "实际投入"}, "30%"},
		{"nothing", huiqi.Measure{}, "—"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := measureAmount(c.m); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestFileSize(t *testing.T) {
	for n, want := range map[int64]string{900: "900 字节", 11413: "11.1 KB", 3 << 20: "3.0 MB"} {
		if got := fileSize(n); got != want {
			t.Errorf("fileSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzHighlight: any marks on any text give valid output without a panic.
func FuzzHighlight(f *testing.F) {
	f.Add("对孵化器给予补助", 3, 12, 0, 1)
	f.Add("<script>", 0, 8, 2, 5)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		highlight(huiqi.Snippet{Text: text, Marks: []huiqi.Span{{Start: s1, End: e1}, {Start: s2, End: e2}}})
	})
}
