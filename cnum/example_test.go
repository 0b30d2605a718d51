package cnum_test

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/cnum"
)

func ExampleFindAmounts() {
	for _, a := range cnum.FindAmounts("分别给予10-20万元、1.15万元的奖励") {
		if a.MinYuan != nil {
			fmt.Println(a.Text, *a.MinYuan, a.Yuan)
			continue
		}
		fmt.Println(a.Text, a.Yuan)
	}
	// Output:
	// 10-20万元 100000 200000
	// 1.15万元 11500
}

func ExampleFindQuantities() {
	for _, q := range cnum.FindQuantities("到2025年，带动就业1.2万人，研发投入强度达到2.6%") {
		fmt.Println(q.Text, q.Value, q.Unit)
	}
	// Output:
	// 1.2万人 12000 人
	// 2.6% 2.6 %
}

func ExampleFindDates() {
	for _, d := range cnum.FindDates("二〇二三年七月十二日印发，2025年底前完成") {
		fmt.Println(d.Text, d.Date.Year, d.Date.Month, d.Date.Day)
	}
	// Output:
	// 二〇二三年七月十二日 2023 7 12
	// 2025年 2025 0 0
}

func ExampleParseNumber() {
	for _, s := range []string{"一千二百", "二〇二三", "1.5亿", "十四五"} {
		v, ok := cnum.ParseNumber(s)
		fmt.Println(s, v, ok)
	}
	// Output:
	// 一千二百 1200 true
	// 二〇二三 2023 true
	// 1.5亿 1.5e+08 true
	// 十四五 0 false
}
