package cnum

import (
	"fmt"
	"testing"
)

func TestFindDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string // "text=YYYY-MM-DD", month/day 00 when not given
	}{
		{"full", "本办法自2023年7月12日起施行", []string{"2023年7月12日=2023-07-12"}},
		{"year month", "2023年7月印发", []string{"2023年7月=2023-07-00"}},
		{"chinese", "二〇二三年七月十二日", []string{"二〇二三年七月十二日=2023-07-12"}},
		{"chinese with ling", "二零二二年十二月三十一日", []string{"二零二二年十二月三十一日=2022-12-31"}},
		{"chinese with circle", "二○一九年三月", []string{"二○一九年三月=2019-03-00"}},
		{"hyphen", "发布日期：2023-08-03", []string{"2023-08-03=2023-08-03"}},
		{"dots", "2023.7.12", []string{"2023.7.12=2023-07-12"}},
		{"slashes", "2023/7/12", []string{"2023/7/12=2023-07-12"}},
		{"spaced", "2023 年 4 月 18 日", []string{"2023 年 4 月 18 日=2023-04-18"}},
		{"hao", "2023年4月18号", []string{"2023年4月18号=2023-04-18"}},
		{"year alone", "到2025年，", []string{"2025年=2025-00-00"}},
		{"year of plan", "2023年度", []string{"2023年=2023-00-00"}},
		{"year range", "2021-2025年", []string{"2025年=2025-00-00"}},
		{"two years", "2017年至2019年", []string{"2017年=2017-00-00", "2019年=2019-00-00"}},
		{"invalid day", "2023年2月30日", []string{"2023年2月=2023-02-00"}},
		{"leap day", "2024年2月29日", []string{"2024年2月29日=2024-02-29"}},
		{"invalid month", "2023年13月", []string{"2023年=2023-00-00"}},
		{"invalid separated", "2023-02-30", nil},
		{"full-width digits", "２０２３年７月１２日", []string{"２０２３年７月１２日=2023-07-12"}},
		{"duration is not a year", "3年内", nil},
		{"five digits", "12023年", nil},
		{"year out of range", "1000年", nil},
		{"decimal is not a date", "2023.5万元", nil},
		{"version", "v1.2023.7.12", nil},
		{"month day alone", "7月12日", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, d := range FindDates(tt.in) {
				got = append(got, fmt.Sprintf("%s=%04d-%02d-%02d", d.Text, d.Date.Year, d.Date.Month, d.Date.Day))
				checkSpan(t, tt.in, d.Text, d.Start, d.End)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("FindDates(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"2023年7月12日", "二〇二三年七月十二日", "2023-08-03", "2023 年 4 月 18 日", "2023年2月30日", "2023年十", "2023."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, d := range FindDates(s) {
			checkSpan(t, s, d.Text, d.Start, d.End)
			if d.Start < prev {
				t.Errorf("date %q overlaps the previous one", d.Text)
			}
			if d.Date.Day != 0 && !d.Date.Valid() {
				t.Errorf("date %q is not a calendar date: %+v", d.Text, d.Date)
			}
			if d.Date.Year < 1900 || d.Date.Year > 2099 || d.Date.Month < 0 || d.Date.Month > 12 {
				t.Errorf("date %q out of range: %+v", d.Text, d.Date)
			}
			prev = d.End
		}
	})
}
