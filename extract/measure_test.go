package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// m is an expected measure in compact form: amount in yuan, cap, kind, and
// optional rate / per-unit / cap_yuan / min.
type wantMeasure struct {
	yuan    int64
	cap     bool
	kind    huiqi.MeasureKind
	rate    float64
	perUnit bool
	capYuan int64
	min     int64
}

func (w wantMeasure) String() string {
	return fmt.Sprintf("{%d cap=%v %s rate=%g per=%v capYuan=%d min=%d}", w.yuan, w.cap, w.kind, w.rate, w.perUnit, w.capYuan, w.min)
}

func got(m huiqi.Measure) wantMeasure {
	w := wantMeasure{cap: m.AmountIsCap, kind: m.Kind, perUnit: m.PerUnit != ""}
	if m.AmountYuan != nil {
		w.yuan = *m.AmountYuan
	}
	if m.Rate != nil {
		w.rate = *m.Rate
	}
	if m.CapYuan != nil {
		w.capYuan = *m.CapYuan
	}
	if m.AmountMinYuan != nil {
		w.min = *m.AmountMinYuan
	}
	return w
}

func TestMeasures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []wantMeasure
	}{
		{"list of one-time amounts", "对新认定的国家级、省级孵化器，分别一次性给予100万元、50万元的资助。",
			[]wantMeasure{{yuan: 1000000, kind: huiqi.KindGrant}, {yuan: 500000, kind: huiqi.KindGrant}}},
		{"rate with two caps", "按照园区（楼宇）实际新增投资额最高30%给予一次性补助，园区最高不超过200万元，楼宇最高不超过100万元。",
			[]wantMeasure{{yuan: 2000000, cap: true, kind: huiqi.KindSubsidy, rate: 0.3}, {yuan: 1000000, cap: true, kind: huiqi.KindSubsidy, rate: 0.3}}},
		{"thresholds then rewards", "对于年网络销售额首次突破1000万元、3000万元、1亿元的，分别给予10万元、20万元、50万元奖励。",
			[]wantMeasure{{yuan: 100000, kind: huiqi.KindReward}, {yuan: 200000, kind: huiqi.KindReward}, {yuan: 500000, kind: huiqi.KindReward}}},
		{"range", "经评审确定的“雏鹰计划”项目，给予10万元至20万元的补助。",
			[]wantMeasure{{yuan: 200000, min: 100000, kind: huiqi.KindSubsidy}}},
		{"per increment with yearly cap", "年度销售额增量2000万元（含）以上的，增量部分每1000万元（含）给予2万元奖励，每家企业每年最高不超过50万元。",
			[]wantMeasure{{yuan: 20000, kind: huiqi.KindReward, perUnit: true, capYuan: 500000}}},
		{"target is not a measure", "研发投入在2022年2.41亿元的基础上，2025年达到5亿元以上。", nil},
		{"fund", "设立3亿元规模的航空产业专项子基金。", []wantMeasure{{yuan: 300000000, kind: huiqi.KindFund}}},
		{"budget line is a fund", "县财政每年安排300万元的财政资金用于扶持商贸流通业发展。", []wantMeasure{{yuan: 3000000, kind: huiqi.KindFund}}},
		{"per piece with cap", "对新授权的发明专利，每件补助3万元，单个企业年度最高10万元。",
			[]wantMeasure{{yuan: 30000, kind: huiqi.KindSubsidy, perUnit: true, capYuan: 100000}}},
		{"rate capped per enterprise", "按销售收入的0.2%给予补助，单个企业年最高补助金额不超过100万元。",
			[]wantMeasure{{yuan: 1000000, cap: true, kind: huiqi.KindSubsidy, rate: 0.002}}},
		{"rates paired with caps", "对新入选的A类、B类、C类创新人才项目，分别按引进人才年薪的80%、70%、60%给予企业引才薪酬补助，属于长期项目的每年最高补助不超过100万元、60万元、40万元。",
			[]wantMeasure{{yuan: 1000000, cap: true, kind: huiqi.KindSubsidy, rate: 0.8}, {yuan: 600000, cap: true, kind: huiqi.KindSubsidy, rate: 0.7}, {yuan: 400000, cap: true, kind: huiqi.KindSubsidy, rate: 0.6}}},
		{"threshold condition then award", "对年销售收入2000万元以下的科技型企业，给予5万元奖励。", []wantMeasure{{yuan: 50000, kind: huiqi.KindReward}}},
		{"penalty", "违规使用的，追回已拨付资金并处以10万元罚款。", nil},
		{"cap before support", "对企业购买科技保险的，按保费的50%给予补贴，每家企业每年最高补贴5万元。",
			[]wantMeasure{{yuan: 50000, cap: true, kind: huiqi.KindSubsidy, rate: 0.5}}},
		{"headline cap", "对首次上市企业，最高给予1000万元奖励。", []wantMeasure{{yuan: 10000000, cap: true, kind: huiqi.KindReward}}},
		{"investment threshold", "企业建设独立电子商务应用平台，投资额不少于50万元的，给予项目实际投资额最高35%的一次性补助，单个项目最高不超过200万元。",
			[]wantMeasure{{yuan: 2000000, cap: true, kind: huiqi.KindSubsidy, rate: 0.35}}},
		{"interest subsidy", "对科技型企业贷款给予贴息，最高不超过20万元。", []wantMeasure{{yuan: 200000, cap: true, kind: huiqi.KindInterest}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(tt.text)
			var gotS []string
			for _, m := range findMeasures(d) {
				if m.AmountYuan != nil {
					gotS = append(gotS, got(m).String())
				}
			}
			var wantS []string
			for _, w := range tt.want {
				wantS = append(wantS, w.String())
			}
			if strings.Join(gotS, " ") != strings.Join(wantS, " ") {
				t.Errorf("%s\n got %v\nwant %v", tt.text, gotS, wantS)
			}
		})
	}
}
