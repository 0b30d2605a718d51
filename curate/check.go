package curate

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// check refuses a corrected policy that cannot stand, naming the field;
// the measures to be dropped are not checked.
func check(p *huiqi.Policy, dropped map[int]bool) error {
	if strings.TrimSpace(p.Title) == "" {
		return huiqi.Errorf(huiqi.EINVALID, "title：标题不能为空")
	}
	if !p.EffectiveOn.IsZero() && !p.ExpiresOn.IsZero() && p.ExpiresOn.String() < p.EffectiveOn.String() {
		return huiqi.Errorf(huiqi.EINVALID, "expires_on：失效日期 %s 早于生效日期 %s", p.ExpiresOn, p.EffectiveOn)
	}
	for i, m := range p.Measures {
		if dropped[i] {
			continue
		}
		if m.AmountMinYuan != nil && m.AmountYuan != nil && *m.AmountMinYuan > *m.AmountYuan {
			return huiqi.Errorf(huiqi.EINVALID, "measures.%d.amount_min：最低金额 %d 元高于最高金额 %d 元", i, *m.AmountMinYuan, *m.AmountYuan)
		}
		if m.AmountMinYuan != nil && m.AmountYuan == nil {
			return huiqi.Errorf(huiqi.EINVALID, "measures.%d.amount_max：填写了最低金额，也须填写最高金额", i)
		}
	}
	return nil
}
