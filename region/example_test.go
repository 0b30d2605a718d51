package region_test

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/region"
)

func ExampleResolve() {
	for _, texts := range [][]string{
		{"中共成都市青羊区委"},
		{"鼓楼区人民政府", "关于印发南京市鼓楼区科技创新政策的通知"},
		{"国务院办公厅"},
		{"鼓楼区人民政府"},
	} {
		r, ok := region.Resolve(texts...)
		fmt.Println(r.Code, r.FullName, ok)
	}
	// Output:
	// 510105 四川省成都市青羊区 true
	// 320106 江苏省南京市鼓楼区 true
	// 100000 全国 true
	//   false
}

func ExampleAncestors() {
	for _, r := range region.Ancestors("510105") {
		fmt.Println(r.Code, r.Name, r.Level)
	}
	// Output:
	// 510000 四川省 1
	// 510100 成都市 2
	// 510105 青羊区 3
}
