package cnum

import "strings"

// unitKind says what a unit measures.
type unitKind int

const (
	kindCount unitKind = iota
	kindMoney
	kindPercent
)

// unitDef is a unit word as written after a number.
type unitDef struct {
	text     string   // as written
	unit     string   // as reported in Quantity.Unit
	currency string   // ISO code for money other than 元
	kind     unitKind //
	notStart string   // runes that, right after the unit, make it part of another word
}

// units lists the unit words, longest first where one is a prefix of another
// (个百分点 before 个, 人次 before 人). Money and percent come first.
var units = []unitDef{
	{text: "元", unit: "元", kind: kindMoney, notStart: "化素旦"},
	{text: "美元", unit: "美元", currency: "USD", kind: kindMoney},
	{text: "欧元", unit: "欧元", currency: "EUR", kind: kindMoney},
	{text: "港元", unit: "港元", currency: "HKD", kind: kindMoney},
	{text: "港币", unit: "港元", currency: "HKD", kind: kindMoney},
	{text: "日元", unit: "日元", currency: "JPY", kind: kindMoney},
	{text: "英镑", unit: "英镑", currency: "GBP", kind: kindMoney},
	{text: "%", unit: "%", kind: kindPercent},
	{text: "％", unit: "%", kind: kindPercent},
	{text: "‰", unit: "‰", kind: kindPercent},
	{text: "个百分点", unit: "个百分点", kind: kindPercent},
	{text: "百分点", unit: "个百分点", kind: kindPercent},
	{text: "个工作日", unit: "个工作日"},
	{text: "工作日", unit: "工作日"},
	{text: "个月", unit: "个月"},
	{text: "个", unit: "个"},
	{text: "家", unit: "家", notStart: "庭长乡"},
	{text: "项", unit: "项", notStart: "目"},
	{text: "人次", unit: "人次"},
	{text: "人", unit: "人", notStart: "民才"},
	{text: "名", unit: "名"},
	{text: "件", unit: "件"},
	{text: "场", unit: "场"},
	{text: "套", unit: "套"},
	{text: "台", unit: "台"},
	{text: "亩", unit: "亩"},
	{text: "平方米", unit: "平方米"},
	{text: "㎡", unit: "平方米"},
	{text: "平方公里", unit: "平方公里"},
	{text: "平方千米", unit: "平方千米"},
	{text: "立方米", unit: "立方米"},
	{text: "公顷", unit: "公顷"},
	{text: "吨", unit: "吨"},
	{text: "千克", unit: "千克"},
	{text: "公斤", unit: "公斤"},
	{text: "公里", unit: "公里"},
	{text: "千米", unit: "千米"},
	{text: "千瓦时", unit: "千瓦时"},
	{text: "千瓦", unit: "千瓦"},
	{text: "兆瓦", unit: "兆瓦"},
	{text: "米", unit: "米"},
	{text: "次", unit: "次", notStart: "性"},
	{text: "户", unit: "户"},
	{text: "座", unit: "座"},
	{text: "所", unit: "所", notStart: "得有属在"},
	{text: "条", unit: "条", notStart: "龙件例"},
	{text: "款", unit: "款"},
	{text: "批次", unit: "批次"},
	{text: "批", unit: "批", notStart: "准复"},
	{text: "类", unit: "类"},
	{text: "种", unit: "种"},
	{text: "篇", unit: "篇"},
	{text: "部门", unit: "部门"},
	{text: "部", unit: "部", notStart: "分件"},
	{text: "支", unit: "支", notStart: "持付出"},
	{text: "株", unit: "株"},
	{text: "头", unit: "头"},
	{text: "辆", unit: "辆"},
	{text: "艘", unit: "艘"},
	{text: "架", unit: "架", notStart: "构"},
	{text: "间", unit: "间"},
	{text: "张", unit: "张"},
	{text: "份", unit: "份", notStart: "额"},
	{text: "期", unit: "期", notStart: "间限满"},
	{text: "届", unit: "届"},
	{text: "轮", unit: "轮"},
	{text: "位", unit: "位", notStart: "于置"},
	{text: "例", unit: "例"},
	{text: "倍", unit: "倍"},
	{text: "周年", unit: "周年"},
	{text: "周岁", unit: "周岁"},
	{text: "年", unit: "年"},
	{text: "天", unit: "天"},
	{text: "日", unit: "日"},
	{text: "小时", unit: "小时"},
	{text: "分钟", unit: "分钟"},
	{text: "周", unit: "周"},
	{text: "岁", unit: "岁"},
	{text: "块", unit: "块"},
	{text: "只", unit: "只", notStart: "要有能是"},
}

// percentUnit is the unit of 百分之二十.
var percentUnit = unitDef{text: "%", unit: "%", kind: kindPercent}

// matchUnit returns the longest unit word at byte i.
func matchUnit(s string, i int) (unitDef, int, bool) {
	best, bestLen := unitDef{}, 0
	rest := s[i:]
	for _, u := range units {
		if len(u.text) > bestLen && strings.HasPrefix(rest, u.text) {
			if r, _ := runeAt(s, i+len(u.text)); u.notStart != "" && strings.ContainsRune(u.notStart, r) {
				continue
			}
			best, bestLen = u, len(u.text)
		}
	}
	return best, i + bestLen, bestLen > 0
}
