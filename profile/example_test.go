package profile_test

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/profile"
)

func ExampleLoad() {
	data := []byte(`
name: 杭州某软件有限公司
region_code: 330106
industry_code: 6513
employees: 20
tech_staff: 25
financials:
  - year: 2025
    revenue_yuan: 5000000
    rd_expense_yuan: 600000
    rd_expense_domestic_yuan: 650000
`)
	e, err := profile.Load("p.yaml", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Name, e.RegionCode, e.IndustryCode)
	fmt.Println(profile.Validate(e))
	// Output:
	// 杭州某软件有限公司 330106 6513
	// tech_staff: 科技人员数 25 多于职工总数 employees 20
	// financials[0].rd_expense_domestic_yuan: 境内研发费用 650000 元（65.00 万元） 高于研发费用总额 rd_expense_yuan 600000 元（60.00 万元）
}

func ExampleNormalizeCertification() {
	for _, name := range []string{"国家高新技术企业", "小巨人", "省级科技企业孵化器", "守合同重信用企业"} {
		fmt.Println(profile.NormalizeCertification(name))
	}
	// Output:
	// 高新技术企业  true
	// 专精特新“小巨人”企业  true
	// 孵化器 provincial true
	// 守合同重信用企业  false
}

func ExampleCheckCreditCode() {
	fmt.Println(profile.CheckCreditCode("91440300708461136T"))
	fmt.Println(profile.CheckCreditCode("91440300708461136U"))
	// Output:
	// <nil>
	// 统一社会信用代码校验位（第 18 位）应为 T，实际为 U
}
