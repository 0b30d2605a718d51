package portal

import (
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
)

// formField is one input of the curation form, named by its path
// (curate.Changes.Fields).
type formField struct {
	Name, Label, Value string
	// Type is text, date, number, textarea or select (with Options).
	Type    string
	Options []option
}

// curateItem is a measure, target or task of the form with its clause.
type curateItem struct {
	Index          int
	Clause, Anchor string
	Text           string
	Fields         []formField
	// Measures only: the proposal's ID (its rule page), whether it is to
	// be deleted, and its amount as the public page shows it.
	MeasureID, Amount string
	Deleted           bool
}

type fieldSpec struct{ name, label, typ string }

var (
	metaSpecs = []fieldSpec{{"title", "标题", "text"}, {"doc_number", "文号", "text"}, {"doc_type", "文种", "text"},
		{"issuers", "发文机关（以、分隔）", "text"}, {"region_code", "地区代码（GB/T 2260）", "text"},
		{"issued_on", "成文日期", "date"}, {"published_on", "发布日期", "date"}, {"effective_on", "生效日期", "date"},
		{"expires_on", "失效日期", "date"}, {"validity_text", "有效期原文", "textarea"}}
	measureSpecs = []fieldSpec{{"beneficiary", "支持对象", "text"}, {"kind", "类型", "select"},
		{"amount_min", "最低金额", "text"}, {"amount_max", "金额或最高金额", "text"},
		{"cap", "另设上限", "text"}, {"per_unit", "按单位计（件、人…）", "text"},
		{"periodicity", "频次", "select"}, {"condition", "条件", "textarea"}}
	targetSpecs = []fieldSpec{{"indicator", "指标", "text"}, {"comparator", "比较", "select"}, {"value", "数值（基本单位）", "number"},
		{"unit", "单位", "text"}, {"year", "年份", "number"}}
	taskSpecs = []fieldSpec{{"title", "任务", "text"}, {"lead_units", "牵头单位（以、分隔）", "text"}, {"units", "责任单位（以、分隔）", "text"}}
)

// selectOptions are the choices of the select fields by name.
var selectOptions = map[string][]option{
	"periodicity": {{"", "原文未写明"}, {"one_time", "一次性"}, {"annual", "每年"}},
	"comparator":  {{"", "—"}, {"≥", "不低于 ≥"}, {">", "超过 >"}, {"≈", "约 ≈"}, {"=", "等于 ="}},
	"kind":        kindOptions(),
}

func kindOptions() []option {
	out := make([]option, len(curate.Kinds))
	for i, k := range curate.Kinds {
		out[i] = option{string(k), kindLabel(k)}
	}
	return out
}

// fieldsOf lays out specs under prefix with their values.
func fieldsOf(prefix string, specs []fieldSpec, values map[string]string) []formField {
	out := make([]formField, len(specs))
	for i, s := range specs {
		out[i] = formField{Name: prefix + s.name, Label: s.label, Value: values[prefix+s.name], Type: s.typ, Options: selectOptions[s.name]}
	}
	return out
}

// curateItems lays out the measures, targets and tasks of p with values;
// deleted marks the measures to delete.
func curateItems(p *huiqi.Policy, anchors map[string]bool, values map[string]string, deleted map[int]bool) (ms, ts, ks []curateItem) {
	ids := curate.MeasureIDs(p)
	for i, m := range p.Measures {
		prefix := "measures." + strconv.Itoa(i) + "."
		ms = append(ms, curateItem{Index: i, Clause: m.ClausePath, Anchor: anchorIf(m.ClausePath, anchors), Text: m.Text,
			Fields: fieldsOf(prefix, measureSpecs, values), MeasureID: ids[i], Amount: measureAmount(m), Deleted: deleted[i]})
	}
	for i, t := range p.Targets {
		prefix := "targets." + strconv.Itoa(i) + "."
		ts = append(ts, curateItem{Index: i, Clause: t.ClausePath, Anchor: anchorIf(t.ClausePath, anchors), Text: t.Text,
			Fields: fieldsOf(prefix, targetSpecs, values)})
	}
	for i, t := range p.Tasks {
		prefix := "tasks." + strconv.Itoa(i) + "."
		ks = append(ks, curateItem{Index: i, Clause: t.ClausePath, Anchor: anchorIf(t.ClausePath, anchors), Text: t.Text,
			Fields: fieldsOf(prefix, taskSpecs, values)})
	}
	return ms, ts, ks
}
