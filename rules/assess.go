package rules

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// Assess evaluates the version in force on asOf for e. It fails only when
// no version is in force then.
func (s *Set) Assess(e *huiqi.Enterprise, asOf huiqi.Date) (huiqi.Assessment, error) {
	v, ok := s.At(asOf)
	if !ok {
		return huiqi.Assessment{}, huiqi.Errorf(huiqi.ENOTFOUND, "rule set %s has no version in force on %s", s.ID, asOf)
	}
	return v.Assess(e, asOf), nil
}

// Assess evaluates this version for e as of asOf.
func (v *Version) Assess(e *huiqi.Enterprise, asOf huiqi.Date) huiqi.Assessment {
	ev := &evaluator{ent: e, asOf: asOf, v: v.spec, region: v.set.Region}
	root := ev.evalCond(v.spec.When)
	if v.set.Region != region.National.Code && !hasRegion(v.spec.When) {
		reg := huiqi.ConditionResult{Kind: "in_region"}
		ev.inRegion(&reg)
		root = huiqi.ConditionResult{Kind: "all", Label: v.set.Name, Status: huiqi.All(reg.Status, root.Status),
			Children: []huiqi.ConditionResult{reg, root}}
	}
	if root.Label == "" {
		root.Label = v.set.Name
	}
	a := huiqi.Assessment{
		RuleID: v.set.ID, Name: v.set.Name, Version: v.Name, AsOf: asOf,
		Verdict: huiqi.VerdictOf(root.Status), Source: v.Source, Conditions: root,
	}
	a.Declarations = pendingDeclarations(&root, nil)
	if a.Verdict == huiqi.Undecided {
		a.Ask = ask(&root)
	}
	a.EarliestMet = earliestMet(&root)
	if v.spec.Amount != nil && a.Verdict != huiqi.NotEligible {
		a.Amount = ev.amount(v.spec.Amount)
	}
	return a
}

func hasRegion(cs *condSpec) bool {
	if cs.kind == "in_region" {
		return true
	}
	for _, c := range cs.children {
		if hasRegion(c) {
			return true
		}
	}
	return false
}

// pendingDeclarations lists the declarations not yet confirmed.
func pendingDeclarations(r *huiqi.ConditionResult, out []huiqi.Declaration) []huiqi.Declaration {
	if d := r.Declaration; d != nil && !d.Confirmed && r.Status == huiqi.Met {
		out = append(out, *d)
	}
	for i := range r.Children {
		out = pendingDeclarations(&r.Children[i], out)
	}
	return out
}

// earliestMet is the earliest date from which no condition is unmet, other
// things unchanged: the latest MetOn the unmet conditions need. An unmet
// `any` needs its earliest route only; a met or unknown `any` needs
// nothing, its unmet routes are alternatives, not obstacles. Zero when the
// rule is met now or an unmet condition has no date (it does not become met
// by waiting).
func earliestMet(root *huiqi.ConditionResult) huiqi.Date {
	if root.Status == huiqi.Met {
		return huiqi.Date{}
	}
	d, ok := needsDate(root)
	if !ok {
		return huiqi.Date{}
	}
	return d
}

// needsDate is the date from which r no longer blocks (zero: it does not
// block now); ok is false when waiting never meets it.
func needsDate(r *huiqi.ConditionResult) (huiqi.Date, bool) {
	if r.Status != huiqi.Unmet {
		return huiqi.Date{}, true
	}
	switch r.Kind {
	case "all":
		var latest huiqi.Date
		for i := range r.Children {
			d, ok := needsDate(&r.Children[i])
			if !ok {
				return huiqi.Date{}, false
			}
			if dateCmp(d, latest) > 0 {
				latest = d
			}
		}
		return latest, true
	case "any":
		var first huiqi.Date
		found := false
		for i := range r.Children {
			if d, ok := needsDate(&r.Children[i]); ok && (!found || dateCmp(d, first) < 0) {
				first, found = d, true
			}
		}
		return first, found
	}
	return r.MetOn, !r.MetOn.IsZero()
}

func walkLeaves(r *huiqi.ConditionResult, f func(*huiqi.ConditionResult)) {
	if len(r.Children) == 0 {
		f(r)
	}
	for i := range r.Children {
		walkLeaves(&r.Children[i], f)
	}
}
