package match

import (
	"github.com/huiqi-dev/huiqi"
)

// WithinReach answers, for each qualification in quals (assessed for e as
// of asOf, with their outlooks) whose title e does not hold, the measures
// requiring that title as if e held it from the first date it could: today
// when it is eligible, else its outlook's earliest date when time or the
// figures its outlook needs can get it there. Measures that would still
// not be eligible are left out, and so are titles nothing requires.
func (m *Matcher) WithinReach(e *huiqi.Enterprise, asOf huiqi.Date, quals []huiqi.Assessment) []huiqi.Reach {
	var out []huiqi.Reach
	for i := range quals {
		a := &quals[i]
		on, ok := reachableOn(a, asOf)
		if !ok || holds(e, a.Name) {
			continue
		}
		r := huiqi.Reach{RuleID: a.RuleID, Title: a.Name, Verdict: a.Verdict, On: on, Outlook: a.Outlook}
		r.Results = m.requiring(e, withTitle(e, a.Name, on), asOf, on, a.Name)
		if len(r.Results) == 0 {
			continue
		}
		sortResults(r.Results)
		r.Total = total(r.Results)
		out = append(out, r)
	}
	return out
}

// reachableOn is the date a qualification could be held: asOf when
// eligible, the outlook's earliest date when it is reachable (with or
// without needs).
func reachableOn(a *huiqi.Assessment, asOf huiqi.Date) (huiqi.Date, bool) {
	if a.Verdict == huiqi.Eligible {
		return asOf, true
	}
	o := a.Outlook
	if o == nil || o.Earliest.IsZero() {
		return huiqi.Date{}, false
	}
	switch o.Status {
	case huiqi.OutlookEligible, huiqi.OutlookReachable, huiqi.OutlookWithNeeds:
		return o.Earliest, true
	}
	return huiqi.Date{}, false
}

func holds(e *huiqi.Enterprise, title string) bool {
	for _, c := range e.Certifications {
		if c.Name == title {
			return true
		}
	}
	return false
}

// withTitle copies e with the title held, newly, from on.
func withTitle(e *huiqi.Enterprise, title string, on huiqi.Date) *huiqi.Enterprise {
	c := *e
	c.Certifications = append(append([]huiqi.Certification(nil), e.Certifications...),
		huiqi.Certification{Name: title, Level: huiqi.LevelNational, Since: on})
	return &c
}

// requiring answers for with, as of on, the measures in force then,
// applicable in its region and listed under title, keeping those not
// answered not eligible and leaving out those e (without the title) is
// eligible for, or likely, as of asOf already.
func (m *Matcher) requiring(e, with *huiqi.Enterprise, asOf, on huiqi.Date, title string) []huiqi.MatchResult {
	var out []huiqi.MatchResult
	for _, b := range m.bucketsFor(with.RegionCode, false) {
		for _, i := range b.byCert[title] {
			it := &m.items[i]
			if !it.inForce(on) || it.inForce(asOf) && open(it.result(e, asOf, false).Status) {
				continue
			}
			if r := it.result(with, on, true); r.Status != huiqi.MatchNotEligible {
				out = append(out, r)
			}
		}
	}
	return out
}

func open(s huiqi.MatchStatus) bool { return s == huiqi.MatchEligible || s == huiqi.MatchLikely }
