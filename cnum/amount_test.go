package cnum

import (
	"fmt"
	"testing"
)

// amt writes an Amount as "text=yuan", "text=min..max" or "text=yuan CUR"
// so that table cases stay one line each.
func amt(a Amount) string {
	s := fmt.Sprintf("%s=%d", a.Text, a.Yuan)
	if a.MinYuan != nil {
		s = fmt.Sprintf("%s=%d..%d", a.Text, *a.MinYuan, a.Yuan)
	}
	if a.Currency != "" {
		s += " " + a.Currency
	}
	return s
}

func TestAmountValue(t *testing.T) {
	t.Parallel()
	as := FindAmounts("每进口1美元资助0.05元，最高1.15万元")
	if len(as) != 3 || as[1].Value != 0.05 || as[1].Yuan != 0 || as[2].Value != 11500 || as[2].Yuan != 11500 {
		t.Errorf("FindAmounts = %+v; want 0.05元 with Value 0.05 and Yuan 0, 1.15万元 as 11500", as)
	}
}

func TestFindAmounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"list of rewards", "一次性给予450万元、300万元、50万元的奖励", []string{"450万元=4500000", "300万元=3000000", "50万元=500000"}},
		{"ceiling", "最高不超过100万元", []string{"100万元=1000000"}},
		{"plain yuan", "每人每月补贴3000元", []string{"3000元=3000"}},
		{"chinese numeral", "给予五十万元奖励", []string{"五十万元=500000"}},
		{"chinese wan", "奖励二万元", []string{"二万元=20000"}},
		{"chinese hundreds wan", "五百万元", []string{"五百万元=5000000"}},
		{"yi", "总规模1.5亿元", []string{"1.5亿元=150000000"}},
		{"wan yi", "达到2.2万亿元", []string{"2.2万亿元=2200000000000"}},
		{"decimal wan rounds exactly", "资助1.15万元", []string{"1.15万元=11500"}},
		{"half wan", "0.5万元", []string{"0.5万元=5000"}},
		{"space before wan", "补助100 万元", []string{"100 万元=1000000"}},
		{"full-width digits", "奖励１００万元", []string{"１００万元=1000000"}},
		{"yu after wan", "节约2万余元", []string{"2万余元=20000"}},
		{"yu before wan", "投资100余万元", []string{"100余万元=1000000"}},
		{"chinese yu wan", "五十余万元", []string{"五十余万元=500000"}},
		{"threshold is an amount", "年销售收入2000万元以下", []string{"2000万元=20000000"}},
		{"per year", "3000万元/年", []string{"3000万元=30000000"}},
		{"above", "1万元以上", []string{"1万元=10000"}},
		{"dollars", "实际外资额达到100万美元", []string{"100万美元=1000000 USD"}},
		{"euros", "50万欧元", []string{"50万欧元=500000 EUR"}},
		{"range zhi", "10万元至20万元", []string{"10万元至20万元=100000..200000"}},
		{"range hyphen shared unit", "10-20万元", []string{"10-20万元=100000..200000"}},
		{"range wave", "10～20万元", []string{"10～20万元=100000..200000"}},
		{"range dash wan each", "10万—20万元", []string{"10万—20万元=100000..200000"}},
		{"range full-width hyphen", "500－1000万元", []string{"500－1000万元=5000000..10000000"}},
		{"range across units", "3000万元～1亿元", []string{"3000万元～1亿元=30000000..100000000"}},
		{"range spaced", "500 万元至 2000 万元", []string{"500 万元至 2000 万元=5000000..20000000"}},
		{"range dao", "10 亿元到 50 亿元", []string{"10 亿元到 50 亿元=1000000000..5000000000"}},
		{"range decimal low", "0.5—1亿元", []string{"0.5—1亿元=50000000..100000000"}},
		{"range chinese", "三至五万元", []string{"三至五万元=30000..50000"}},
		{"range yuan", "50-100元", []string{"50-100元=50..100"}},
		{"descending is not a range", "20-10万元", []string{"10万元=100000"}},
		{"people are not money", "吸纳就业100万人", nil},
		{"vague hundreds of wan", "数百万元", nil},
		{"vague tens of wan", "数十万元", nil},
		{"unit alone", "亿元以上企业", nil},
		{"er yuan structure", "城乡二元结构", nil},
		{"diversified", "多元化投入", nil},
		{"ordinal", "第5万元", nil},
		{"code", "GB/T 2260元", nil},
		{"per mu after shu", "税收基数10万元/亩", []string{"10万元=100000"}},
		{"exchange rate", "1美元奖励0.05元", []string{"1美元=1 USD", "0.05元=0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, a := range FindAmounts(tt.in) {
				got = append(got, amt(a))
				checkSpan(t, tt.in, a.Text, a.Start, a.End)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("FindAmounts(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkSpan asserts that a match's span is in range, on rune boundaries
// and equal to its Text.
func checkSpan(t *testing.T, in, text string, start, end int) {
	t.Helper()
	if start < 0 || end > len(in) || start > end {
		t.Fatalf("span [%d,%d) out of range for %d bytes", start, end, len(in))
	}
	if in[start:end] != text {
		t.Errorf("Text %q != input[%d:%d] %q", text, start, end, in[start:end])
	}
	if !runeBoundary(in, start) || !runeBoundary(in, end) {
		t.Errorf("span [%d,%d) not on rune boundaries of %q", start, end, in)
	}
}

// runeBoundary reports whether byte i starts a rune (or is the end), the
// way range decodes s: a stray byte of invalid UTF-8 is a rune of its own.
func runeBoundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j >= i {
			return j == i
		}
	}
	return false
}

func FuzzFindAmounts(f *testing.F) {
	for _, s := range []string{"10-20万元", "三至五万元", "100多万美元", "１．１５万元", "9999999999999999亿亿元", "一亿亿亿元", "5—", "百分之"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, a := range FindAmounts(s) {
			checkSpan(t, s, a.Text, a.Start, a.End)
			if a.Start < prev {
				t.Errorf("amount %q overlaps the previous one", a.Text)
			}
			if a.MinYuan != nil && *a.MinYuan > a.Yuan {
				t.Errorf("amount %q: min %d > max %d", a.Text, *a.MinYuan, a.Yuan)
			}
			prev = a.End
		}
	})
}
