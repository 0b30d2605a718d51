package national

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/window"
)

// Qualifications returns the embedded qualification rule sets (高新技术企业,
// …), leaving out the other kinds.
func Qualifications() ([]*rules.Set, error) {
	sets, err := Sets()
	return OnlyQualifications(sets), err
}

// OnlyQualifications keeps the qualification rule sets of sets.
func OnlyQualifications(sets []*rules.Set) []*rules.Set {
	var quals []*rules.Set
	for _, s := range sets {
		if s.Kind == rules.KindQualification {
			quals = append(quals, s)
		}
	}
	return quals
}

// Assess evaluates ent as of asOf against the embedded qualification sets,
// each with its outlook under look and the next window of wins on or after
// the earliest date.
func Assess(ent *huiqi.Enterprise, asOf huiqi.Date, look rules.Assumption, wins *window.Table) ([]huiqi.Assessment, error) {
	sets, err := Qualifications()
	if err != nil {
		return nil, err
	}
	out, _, err := AssessSets(sets, ent, asOf, look, wins)
	return out, err
}

// AssessSets is Assess over the given sets; skipped are the sets with no
// version in force on asOf, which are not assessed.
func AssessSets(sets []*rules.Set, ent *huiqi.Enterprise, asOf huiqi.Date, look rules.Assumption, wins *window.Table) (out []huiqi.Assessment, skipped []*rules.Set, err error) {
	for _, s := range sets {
		a, err := s.Assess(ent, asOf)
		if err != nil {
			skipped = append(skipped, s)
			continue
		}
		if err := addOutlook(s, ent, &a, look, wins); err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	return out, skipped, nil
}

// addOutlook looks ahead for a and names the next window on or after the
// earliest date.
func addOutlook(s *rules.Set, ent *huiqi.Enterprise, a *huiqi.Assessment, look rules.Assumption, wins *window.Table) error {
	o, err := s.Outlook(ent, a.AsOf, look)
	if err != nil {
		return err
	}
	if !o.Earliest.IsZero() {
		if w, ok := wins.Next(s.ID, ent.RegionCode, o.Earliest); ok {
			o.Window = w
		}
	}
	a.Outlook = o
	return nil
}
