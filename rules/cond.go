package rules

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// evalCond evaluates one condition and its children into an explained
// result.
func (ev *evaluator) evalCond(cs *condSpec) huiqi.ConditionResult {
	r := huiqi.ConditionResult{ID: cs.ID, Label: cs.Label, Kind: cs.kind, Clause: cs.Clause, Note: cs.Note}
	switch cs.kind {
	case "all", "any", "not":
		var ss []huiqi.Status
		for _, ch := range cs.children {
			cr := ev.evalCond(ch)
			r.Children = append(r.Children, cr)
			ss = append(ss, cr.Status)
		}
		switch cs.kind {
		case "all":
			r.Status = huiqi.All(ss...)
		case "any":
			r.Status = huiqi.Any(ss...)
		default:
			r.Status = huiqi.Not(ss[0])
		}
	case "declare":
		ev.declare(cs, &r)
	case "in_region":
		ev.inRegion(&r)
	case "check":
		ev.check(cs, &r)
	}
	if r.Label == "" && cs.check != nil {
		r.Label = cs.check.text
	}
	return r
}

// declare: confirmed → met; denied → unmet; not answered → met, and listed
// for the applicant to confirm.
func (ev *evaluator) declare(cs *condSpec, r *huiqi.ConditionResult) {
	answer, answered := ev.ent.Declarations[cs.ID]
	r.Declaration = &huiqi.Declaration{ID: cs.ID, Label: cs.Label, Confirmed: answered && answer}
	switch {
	case !answered:
		r.Status, r.Value = huiqi.Met, "待申请人确认"
	case answer:
		r.Status, r.Value = huiqi.Met, "申请人已确认"
	default:
		r.Status, r.Value = huiqi.Unmet, "申请人表示不符合"
	}
}

// inRegion checks the enterprise is located within the set's region.
func (ev *evaluator) inRegion(r *huiqi.ConditionResult) {
	outer := ev.region
	if r.Label == "" {
		r.Label = "注册地在" + regionName(outer) + "内"
	}
	r.Threshold = "位于" + regionName(outer)
	ev.reset()
	v, ok := evalWithin(ev, []node{&textLit{outer}})
	r.Facts, r.Missing = ev.facts, ev.missing
	switch {
	case !ok:
		r.Status = huiqi.Unknown
	case v.b:
		r.Status, r.Value = huiqi.Met, regionName(ev.ent.RegionCode)
	default:
		r.Status, r.Value = huiqi.Unmet, regionName(ev.ent.RegionCode)
		r.Gap = "注册地不在" + regionName(outer) + "内"
	}
	if outer == region.National.Code {
		r.Value = "全国适用"
	}
}

// check evaluates a comparison (with value, threshold and gap) or a yes/no
// fact.
func (ev *evaluator) check(cs *condSpec, r *huiqi.ConditionResult) {
	ev.reset()
	if b, ok := cs.check.n.(*binary); ok && isCompare(b.op) {
		ev.compare(b, r)
	} else {
		v, ok := ev.eval(cs.check.n)
		r.Status = huiqi.Unknown
		if ok {
			r.Value = describe(ev, cs.check.n) + "：" + format(v)
			r.Status = boolStatus(v.b)
		}
		if r.Status == huiqi.Unmet {
			r.Threshold = "需为“是”"
		}
	}
	r.Facts = ev.facts
	if r.Status == huiqi.Unknown { // a decided check needs nothing more (bounded)
		r.Missing = ev.missing
	}
	if len(ev.notes) > 0 {
		r.Note = strings.TrimSpace(r.Note + " " + strings.Join(ev.notes, "；"))
	}
}

func boolStatus(b bool) huiqi.Status {
	if b {
		return huiqi.Met
	}
	return huiqi.Unmet
}

var (
	opWords   = map[string]string{">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "!=": "≠"}
	dateWords = map[string]string{">=": "不早于 ", "<=": "不晚于 ", ">": "晚于 ", "<": "早于 "}
)

func (ev *evaluator) compare(b *binary, r *huiqi.ConditionResult) {
	l, lok := ev.eval(b.l)
	rv, rok := ev.eval(b.r)
	if lok {
		r.Value = describe(ev, b.l) + " " + format(l)
	}
	words := " " + opWords[b.op] + " "
	if d, ok := dateWords[b.op]; ok && (lok && l.kind == kDate || rok && rv.kind == kDate) {
		words = d
	}
	r.Threshold = "需" + words + b.r.src()
	if rok {
		r.Threshold = "需" + words + format(rv)
	}
	r.Status = huiqi.Unknown
	if !lok || !rok {
		return
	}
	met, decided := compare(b.op, l, rv)
	if !decided {
		ev.note("取决于评分区间（专家打分）")
		return
	}
	r.Status = boolStatus(met)
	if !met {
		ev.gap(b, l, rv, r)
	}
}
