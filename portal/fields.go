package portal

import "github.com/huiqi-dev/huiqi/diff"

// fieldLabels name the fields package diff reports, for the diff page.
var fieldLabels = map[string]string{
	"title": "标题", "doc_number": "文号", "doc_type": "类型", "issuers": "来源", "region": "地区",
	"draft": "征求意见稿", "issued_on": "发布日期", "published_on": "公开日期", "effective_on": "施行日期",
	"expires_on": "失效日期", "clause": "条款", "kind": "扶持方式", "beneficiary": "扶持对象",
	"amount": "金额", "cap": "上限", "rate": "比例", "per_unit": "计量单位", "periodicity": "频次",
	"condition": "条件", "text": "原文", "indicator": "指标", "value": "目标值", "year": "年份",
	"baseline": "基数", "lead_units": "牵头单位", "units": "责任单位",
}

// fieldChange is a changed field with its label and values for people.
type fieldChange struct{ Label, Old, New string }

// fieldChanges labels changed fields in Chinese; measure kinds by their names.
func fieldChanges(fs []diff.FieldChange) []fieldChange {
	var out []fieldChange
	for _, f := range fs {
		c := fieldChange{Label: f.Field, Old: f.Old, New: f.New}
		if l, ok := fieldLabels[f.Field]; ok {
			c.Label = l
		}
		if f.Field == "kind" {
			c.Old, c.New = orSame(kindLabels[f.Old], f.Old), orSame(kindLabels[f.New], f.New)
		}
		out = append(out, c)
	}
	return out
}

func orSame(label, value string) string {
	if label == "" {
		return value
	}
	return label
}
