package cnum

import (
	"fmt"
	"testing"
)

// qty writes a Quantity as "text=value unit" or "text=min..max unit".
func qty(q Quantity) string {
	if q.Min != nil {
		return fmt.Sprintf("%s=%v..%v %s", q.Text, *q.Min, q.Value, q.Unit)
	}
	return fmt.Sprintf("%s=%v %s", q.Text, q.Value, q.Unit)
}

func TestFindQuantities(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"people in wan", "带动就业1.2万人", []string{"1.2万人=12000 人"}},
		{"money in yi", "投资5亿元", []string{"5亿元=5e+08 元"}},
		{"percent", "增长2.6%", []string{"2.6%=2.6 %"}},
		{"full-width percent", "增长２．６％", []string{"２．６％=2.6 %"}},
		{"percent above", "20%以上", []string{"20%=20 %"}},
		{"percent words", "不低于百分之十五", []string{"百分之十五=15 %"}},
		{"percent words with decimals", "达到百分之二点五以上", []string{"百分之二点五=2.5 %"}},
		{"percent words range", "达到百分之三至百分之五", []string{"百分之三至百分之五=3..5 %"}},
		{"percent words range implied", "争取达到百分之二至三。", []string{"百分之二至三=2..3 %"}},
		{"percent words list", "分别不低于百分之六和百分之四", []string{"百分之六=6 %", "百分之四=4 %"}},
		{"percentage points", "提高2个百分点", []string{"2个百分点=2 个百分点"}},
		{"sets", "建设保障性租赁住房2640套", []string{"2640套=2640 套"}},
		{"enterprises", "新增高新技术企业100家", []string{"100家=100 家"}},
		{"chinese count", "培育三个平台", []string{"三个=3 个"}},
		{"months", "三个月内", []string{"三个月=3 个月"}},
		{"working days", "15个工作日内", []string{"15个工作日=15 个工作日"}},
		{"square metres in wan", "5万平方米", []string{"5万平方米=50000 平方米"}},
		{"square metre sign", "面积1000㎡以上", []string{"1000㎡=1000 平方米"}},
		{"kilowatt keeps its prefix", "100千瓦", []string{"100千瓦=100 千瓦"}},
		{"duration in years", "签订3年以上劳动合同", []string{"3年=3 年"}},
		{"chinese duration", "三年内", []string{"三年=3 年"}},
		{"year is not a duration", "到2025年", nil},
		{"year range", "2021-2025年", nil},
		{"count range", "2-3个", []string{"2-3个=2..3 个"}},
		{"chinese count range", "两到三个核心参数", []string{"两到三个=2..3 个"}},
		{"article ordinal", "第5条", nil},
		{"chinese article ordinal", "第二十条", nil},
		{"figure reference", "如图3所示", nil},
		{"plan name", "十四五规划", nil},
		{"vague count", "数百家企业", nil},
		{"no unit", "共计1200", nil},
		{"unit alone", "亿元", nil},
		{"one-off is not a count", "给予一次性奖励", nil},
		{"a batch is not a count", "培育一批企业", nil},
		{"new round", "新一轮", nil},
		{"secondary development", "二次开发", nil},
		{"people not renminbi", "100人民币", nil},
		{"money per year", "3000万元/年", []string{"3000万元=3e+07 元"}},
		{"date parts are not quantities", "2023年7月12日起", nil},
		{"month day without year", "每年7月12日前", nil},
		{"days", "自受理之日起30日内", []string{"30日=30 日"}},
		{"dollars", "100万美元", []string{"100万美元=1e+06 美元"}},
		{"percent range", "10%-20%", []string{"10%-20%=10..20 %"}},
		{"percent range shared sign", "10-20%", []string{"10-20%=10..20 %"}},
		{"duration range", "5—10年", []string{"5—10年=5..10 年"}},
		{"months are not counted", "1-2月", nil},
		{"vague tens", "二三十万元", nil},
		{"mixed list", "奖励10万元，新增就业50人，增长15%", []string{"10万元=100000 元", "50人=50 人", "15%=15 %"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, q := range FindQuantities(tt.in) {
				got = append(got, qty(q))
				checkSpan(t, tt.in, q.Text, q.Start, q.End)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("FindQuantities(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzFindQuantities(f *testing.F) {
	for _, s := range []string{"1.2万人", "2-3个", "百分之十五", "2025年", "两到三个", "百分之", "1—", "第"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, q := range FindQuantities(s) {
			checkSpan(t, s, q.Text, q.Start, q.End)
			if q.Start < prev {
				t.Errorf("quantity %q overlaps the previous one", q.Text)
			}
			if q.Unit == "" {
				t.Errorf("quantity %q has no unit", q.Text)
			}
			prev = q.End
		}
	})
}
