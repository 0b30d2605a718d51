package portal

import (
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestTopAsks(t *testing.T) {
	rev := huiqi.Field{Path: "financials[2025].revenue_yuan", Label: "2025年销售收入"}
	emp := huiqi.Field{Path: "employees", Label: "职工总数"}
	cert := huiqi.Field{Path: "certifications", Label: "已获资质"}
	rs := []huiqi.MatchResult{
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{rev, emp}},
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{rev, rev}}, // counted once
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{cert, {Path: "certifications[0].since"}}},
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{{Path: "declarations.m_1_d1", Label: "符合原文所述条件"}}}, // asked on the policy's page
		{Status: huiqi.MatchLikely, Ask: []huiqi.Field{emp}},                                               // decided: not counted
		{Status: huiqi.MatchNotEligible, Ask: []huiqi.Field{emp}},                                          // decided: not counted
	}
	got := topAsks(rs, 2)
	want := []askCount{
		{askView{"2025年销售收入", "/enterprise#f-financials-2025-revenue_yuan"}, 2},
		{askView{"已获资质（认定）", "/enterprise#f-certifications"}, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("topAsks = %+v\nwant %+v", got, want)
	}
}
