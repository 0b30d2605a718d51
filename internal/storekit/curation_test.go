package storekit_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestCheckRule(t *testing.T) {
	ok := huiqi.CuratedRule{MeasureID: "m1", PolicyID: "p1", YAML: "all: []", By: "u_1"}
	with := func(f func(r *huiqi.CuratedRule)) error { r := ok; f(&r); return storekit.CheckRule(&r) }
	runChecks(t, []checkCase{
		{"complete", storekit.CheckRule(&ok), "", ""},
		{"nil", storekit.CheckRule(nil), huiqi.EINVALID, "curated rule is required"},
		{"no measure", with(func(r *huiqi.CuratedRule) { r.MeasureID = "" }), huiqi.EINVALID, "curated rule: measure_id is required"},
		{"no policy", with(func(r *huiqi.CuratedRule) { r.PolicyID = "" }), huiqi.EINVALID, "curated rule m1: policy_id is required"},
		{"no yaml", with(func(r *huiqi.CuratedRule) { r.YAML = "" }), huiqi.EINVALID, "curated rule m1: yaml is required"},
		{"no author", with(func(r *huiqi.CuratedRule) { r.By = "" }), huiqi.EINVALID, "curated rule m1: by is required"},
		{"cases are optional", with(func(r *huiqi.CuratedRule) { r.CasesYAML = "" }), "", ""},
	})
}
