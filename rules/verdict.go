package rules

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// Verdict is the verdict alone, without explanations: the fast path for
// matching many enterprises or many rules, which then explains the few it
// shows with Assess. It always agrees with Assess.
func (s *Set) Verdict(e *huiqi.Enterprise, asOf huiqi.Date) (huiqi.Verdict, error) {
	v, ok := s.At(asOf)
	if !ok {
		return "", huiqi.Errorf(huiqi.ENOTFOUND, "rule set %s has no version in force on %s", s.ID, asOf)
	}
	ev := &evaluator{ent: e, asOf: asOf, v: v.spec, region: s.Region, quiet: true}
	st := huiqi.Met
	if s.Region != region.National.Code && !hasRegion(v.spec.When) {
		st = ev.regionStatus()
	}
	if st != huiqi.Unmet {
		st = huiqi.All(st, ev.statusOf(v.spec.When))
	}
	return huiqi.VerdictOf(st), nil
}

// statusOf evaluates a condition's status only, stopping a group at the
// first child that decides it.
func (ev *evaluator) statusOf(cs *condSpec) huiqi.Status {
	switch cs.kind {
	case "all", "any":
		decider, out := huiqi.Unmet, huiqi.Met
		if cs.kind == "any" {
			decider, out = huiqi.Met, huiqi.Unmet
		}
		for _, c := range cs.children {
			switch s := ev.statusOf(c); s {
			case decider:
				return decider
			case huiqi.Unknown:
				out = huiqi.Unknown
			}
		}
		return out
	case "not":
		return huiqi.Not(ev.statusOf(cs.children[0]))
	case "declare":
		if answer, ok := ev.ent.Declarations[cs.ID]; ok && !answer {
			return huiqi.Unmet
		}
		return huiqi.Met
	case "in_region":
		return ev.regionStatus()
	}
	v, ok := ev.eval(cs.check.n)
	if !ok {
		return huiqi.Unknown
	}
	return boolStatus(v.b)
}

func (ev *evaluator) regionStatus() huiqi.Status {
	v, ok := evalWithin(ev, []node{&textLit{ev.region}})
	if !ok {
		return huiqi.Unknown
	}
	return boolStatus(v.b)
}
