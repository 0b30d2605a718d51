package industry_test

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/industry"
)

func Example() {
	in, _ := industry.Lookup("3921")
	fmt.Println(in.Code, in.Name, in.LevelName())
	for _, a := range industry.Ancestors("3921") {
		fmt.Println(a.LevelName(), a.Code, a.Name)
	}
	fmt.Println(industry.Contains("C", "3921"), industry.Contains("I", "3921"))
	// Output:
	// 3921 通信系统设备制造 小类
	// 门类 C 制造业
	// 大类 39 计算机、通信和其他电子设备制造业
	// 中类 392 通信设备制造
	// 小类 3921 通信系统设备制造
	// true false
}
