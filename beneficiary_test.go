package huiqi_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestBeneficiaryTypeOf(t *testing.T) {
	t.Parallel()
	cases := []struct{ text, want string }{
		{"", ""},
		{"新认定的国家级孵化器运营机构", huiqi.BeneficiaryCarrier},
		{"新认定的国家级、省级孵化器", huiqi.BeneficiaryCarrier},
		{"电子商务产业园区主办方", huiqi.BeneficiaryCarrier},
		{"引进国家级工艺美术大师的企业", huiqi.BeneficiaryEnterprise},
		{"获得国家级工艺美术大师的人士", huiqi.BeneficiaryTalent},
		{"新引进总部企业（内资，实到注册资本10亿元及以上）", huiqi.BeneficiaryEnterprise},
		{"被认定为国家级的工业设计中心", huiqi.BeneficiaryResearch},
		{"新认定的省级重点实验室", huiqi.BeneficiaryResearch},
		{"年度服务企业超过50家且服务合同金额超过50万元的公共服务平台", huiqi.BeneficiaryPlatform},
		{"举办参展企业达50家以上活动的行业协会", huiqi.BeneficiaryPlatform},
		{"为科技型中小企业提供贷款的合作银行", huiqi.BeneficiaryFinance},
		{"入选国家级人才计划的创新创业团队", huiqi.BeneficiaryTalent},
		{"商贸流通业扶持资金（县财政每年安排）", huiqi.BeneficiaryOther},
		{"新建或改建面积2000-5000平方米的农贸市场", huiqi.BeneficiaryCarrier},
	}
	for _, c := range cases {
		if got := huiqi.BeneficiaryTypeOf(c.text); got != c.want {
			t.Errorf("BeneficiaryTypeOf(%q) = %q, want %q", c.text, got, c.want)
		}
		if c.want != "" && huiqi.BeneficiaryLabels[c.want] == "" {
			t.Errorf("no label for %q", c.want)
		}
	}
}
