package propose

import (
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// brief is a condition as the tests compare it: kind, then what it reads.
func brief(c Cond) string {
	switch c.Kind {
	case CondCert, CondNewCert:
		s := string(c.Kind) + ":" + c.Cert
		if c.Level != "" {
			s += "@" + c.Level
		}
		return s
	case CondNumber:
		if c.Field == "employees" {
			return c.Field + c.Op + strconv.FormatInt(c.Value, 10)
		}
		return c.Field + c.Op + yuanWords(c.Value)
	case CondIndustry:
		return "industry:" + strings.Join(c.Prefixes, "|")
	case CondAge:
		return "registered_on" + c.Op + "as_of-" + monthsWords(c.Value)
	case CondAny, CondAll:
		parts := make([]string, len(c.Children))
		for i, ch := range c.Children {
			parts[i] = brief(ch)
		}
		return string(c.Kind) + "(" + strings.Join(parts, ",") + ")"
	}
	return string(c.Kind)
}

// Texts are beneficiary and condition texts of measures in the demo corpus
// (demo/corpus/zhejiang) and in ../shared/corpus.
func TestRead(t *testing.T) {
	t.Parallel()
	since := huiqi.Date{Year: 2021, Month: 1, Day: 23}
	tests := []struct {
		name string
		text string
		k, n int
		want []string
	}{
		{"国家级孵化器新认定，三级之首", "新认定的国家、省、嘉兴市级科技企业孵化器（加速器）", 0, 3,
			[]string{"any(certified_new:孵化器@national,certified_new:加速器@national)"}},
		{"三级之三：市级", "新认定的国家、省、嘉兴市级科技企业孵化器（加速器）", 2, 3,
			[]string{"any(certified_new:孵化器@city,certified_new:加速器@city)"}},
		{"研发投入门槛", "年研发投入300万元以上", 0, 1, []string{"rd_expense_yuan>=300万元"}},
		{"销售收入上限", "年销售收入2000万元以下", 0, 1, []string{"revenue_yuan<=2000万元"}},
		{"规上工业企业", "规上工业企业", 0, 1,
			[]string{"any(certified:规上工业企业,all(industry:B|C|D,revenue_yuan>=2000万元))"}},
		{"规模以上工业企业，按规模以上读", "规模以上工业企业", 0, 1,
			[]string{"any(certified:规上工业企业,all(industry:B|C|D,revenue_yuan>=2000万元))"}},
		{"高新技术企业与其余文字", "市外新引进的国家重点扶持的高新技术企业", 0, 1,
			[]string{"certified:高新技术企业", "stated"}},
		{"首次认定的高企", "首次认定的高新技术企业", 0, 1, []string{"certified_new:高新技术企业"}},
		{"专精特新", "专精特新中小企业", 0, 1, []string{"certified:专精特新中小企业"}},
		{"科技型中小企业", "科技型中小企业", 0, 1, []string{"certified:科技型中小企业"}},
		{"销售收入分档，与金额配对", "年销售收入首次达到1亿元、5亿元、10亿元", 1, 3,
			[]string{"revenue_yuan>=5亿元", "stated"}},
		{"分档不能配对：取最低档，不确定", "年销售额在500万元（含）以上、1000万元（含）以上、5000万元（含）以上", 0, 1,
			[]string{"revenue_yuan>=500万元"}},
		{"职工人数", "职工人数100人以上", 0, 1, []string{"employees>=100"}},
		{"一句数档，各自配对", "首次年销售收入达到100亿元且税收达到5亿元的“航母之星”工业企业、年销售收入达到50亿元且税收达到2.5亿元的“航母”工业企业", 1, 2,
			[]string{"revenue_yuan>=50亿元", "industry:B|C|D", "stated"}},
		{"增量不是营业额", "年度营业额同比增长12%且增量100万元（含）以上", 0, 1, []string{"stated"}},
		{"或：不拆读", "规模以上或年营业额2000万元以上（包括省级农业龙头企业）的后备企业完成股份制改造", 0, 1, []string{"stated"}},
		{"网络销售额不是营业收入", "年网络销售额首次突破1000万元", 0, 1, []string{"stated"}},
		{"读不出的条件成为待说明的事实", "建成省级公共海外仓", 0, 1, []string{"stated"}},
		{"国家高新技术企业：高企不分级", "国家高新技术企业", 0, 1, []string{"certified:高新技术企业"}},
		{"重新认定的国家高企", "重新认定的国家高企", 0, 1, []string{"certified_new:高新技术企业"}},
		{"科技孵化器的级别", "新认定国家、省、金华市级科技孵化器", 2, 3, []string{"certified_new:孵化器@city"}},
		{"培育的高企不是申请人的资质", "对孵化基地每成功培育1户国家高新技术企业", 0, 1, []string{"stated"}},
		{"专利产品的销售收入不是营业收入", "当年专利产品销售收入达到2000万元（含）以上", 0, 1, []string{"stated"}},
		{"列举中的其他称号", "国家体育产业示范基地、高新技术企业", 0, 1, []string{"any(certified:高新技术企业,stated)"}},
		{"合规声明与称号", "未被列入经营异常名录的高新技术企业", 0, 1, []string{"declare", "certified:高新技术企业"}},
		{"合规声明之外的要求是待说明的事实", "依法纳税且从事铁路集装箱海铁联运业务的承运企业", 0, 1, []string{"declare", "stated"}},
		{"合规声明以或相连，仍是合规声明", "企业未被列入经营异常名录或严重失信主体名单", 0, 1, []string{"declare"}},
		{"或相连的要求不拆读", "未被列入经营异常名录，获得省级质量奖或市长质量奖", 0, 1, []string{"stated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reader{since: since, k: tt.k, n: tt.n}
			got := r.read(tt.text, 100)
			var bs []string
			for _, c := range got {
				bs = append(bs, brief(c))
				if c.Span.Start < 100 || c.Span.End > 100+len(tt.text) || c.Text != tt.text[c.Span.Start-100:c.Span.End-100] {
					t.Errorf("%s: span %v does not hold %q", brief(c), c.Span, c.Text)
				}
			}
			if strings.Join(bs, " ") != strings.Join(tt.want, " ") {
				t.Errorf("read(%q) = %v, want %v", tt.text, bs, tt.want)
			}
		})
	}
}

func TestReadUncertainty(t *testing.T) {
	t.Parallel()
	r := reader{k: 0, n: 1}
	got := r.read("年销售额在500万元（含）以上、1000万元（含）以上", 0)
	if len(got) != 1 || !got[0].Uncertain {
		t.Errorf("an unpaired list of thresholds must be uncertain: %+v", got)
	}
	got = r.read("新认定的国家级孵化器", 0)
	if len(got) != 1 || !got[0].Uncertain || got[0].Kind != CondNewCert {
		t.Errorf("新认定 reads a window, an interpretation: %+v", got)
	}
	if got := r.read("年研发投入300万元以上", 0); got[0].Uncertain {
		t.Errorf("an explicit threshold is certain: %+v", got)
	}
}
