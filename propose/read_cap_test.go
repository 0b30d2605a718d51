package propose

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/searchtest"
)

// TestCapOnly: wording that states only the amount's upper bound (corpus
// sentences of the demo corpus) is recognised; a bound on something else
// (a rate, a class size, a booth) or a condition with a cap is not.
func TestCapOnly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want bool
	}{
		{"原则上在申报周期内每个企业最高申领额度一般不超过", true},
		{"原则上在申报周期内每个企业最高申领额度一般不超过20万元", true},
		{"每个企业最高不超过50万元", true},
		{"最高补助不超过300万元", true},
		{"最高补助额度不超过50万元", true},
		{"单个项目最高补助", true},
		{"单家企业年度最高奖励3000万元", true},
		{"每家企业累计奖励总额不超过30万元", true},
		{"最高不超过", true},
		{"单家企业补助不超过", true},
		{"按实际投资额20%补助，最高不超过", false},
		{"每个展位补助金额最高不超过", false},
		{"予以贴息的贷款利率为实际贷款利率（但最高不得超过贷款基准利率加3个百分点）", false},
		{"经人力社保部门备案、审核、认定的培训（一般每班次不超过40人）", false},
		{"其中被认定为省级见习基地补助总额不超过", false},
		{"以上列入“龙腾”工程和高成长企业培育计划的，最高补助不超过100万元", false},
		{"年销售收入2000万元以下", false},
		{"单个企业", false},
	}
	for _, tt := range tests {
		if got := capOnly(tt.text); got != tt.want {
			t.Errorf("capOnly(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestReadCap: a text that states only a cap gives no condition; a cap
// beside a condition leaves the condition alone, no fact of the cap.
func TestReadCap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"申领额度的上限", "原则上在申报周期内每个企业最高申领额度一般不超过", nil},
		{"每个企业的上限", "每个企业最高不超过", nil},
		{"最高补助", "最高补助", nil},
		{"单家企业年度上限", "单家企业年度最高奖励", nil},
		{"称号之后的上限", "首次认定的高新技术企业，单个企业最高奖励", []string{"certified_new:高新技术企业"}},
		{"条件之后的上限仍读条件", "以上列入“龙腾”工程和高成长企业培育计划的，最高补助不超过100万元", []string{"stated"}},
	}
	for _, tt := range tests {
		r := reader{k: 0, n: 1}
		var got []string
		for _, c := range r.read(tt.text, 0) {
			got = append(got, brief(c))
			if c.Kind == CondStated && capOnly(c.Text) {
				t.Errorf("%s: a stated fact of the cap %q", tt.name, c.Text)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: read(%q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestCapMeasures: in the demo corpus no measure asks the applicant about
// a cap (before: 12 of 2,843 measures, 0.42%, had a cap phrase as their
// only stated fact); a measure that is a cap of the sentence before it
// (单个项目最高奖励50万元。) takes that sentence's conditions.
func TestCapMeasures(t *testing.T) {
	t.Parallel()
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range corpus {
		for i, pr := range Propose(p) {
			var stated []string
			walkStated(pr.Conds, &stated)
			for _, s := range stated {
				if capOnly(s) {
					t.Errorf("%s: the cap %q is a stated fact", pr.ID, s)
				}
			}
			if m := p.Measures[i]; m.Text == "单个项目最高奖励50万元。" && strings.Contains(p.Text, "对列入基地（示范区）的项目") {
				found = true
				if len(stated) != 1 || !strings.HasPrefix(stated[0], "对列入基地（示范区）的项目，投入30万元以上的") {
					t.Errorf("%s: the cap's conditions are %q, want those of the sentence it caps", pr.ID, stated)
				}
			}
		}
	}
	if !found {
		t.Error("the corpus has no measure 单个项目最高奖励50万元。 after 对列入基地（示范区）的项目")
	}
}

func walkStated(cs []Cond, out *[]string) {
	for _, c := range cs {
		if c.Kind == CondStated && c.Text != "" {
			*out = append(*out, c.Text)
		}
		walkStated(c.Children, out)
	}
}
