package hanzi_test

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/hanzi"
)

func ExampleToSimplified() {
	fmt.Println(hanzi.ToSimplified("乾隆年間，氣候乾燥；關於科技計畫的通知"))
	fmt.Println(hanzi.ToSimplified("对首次认定的高新技术企业给予奖励"))
	// Output:
	// 乾隆年间，气候干燥；关于科技计划的通知
	// 对首次认定的高新技术企业给予奖励
}
