package propose

import (
	"fmt"
	"strings"
)

// shareFacts gives a stated fact whose words several measures of one
// policy state (two measures read from one sentence, a heading over
// several clauses) one id for the policy, m_<policy id>_s<hash>: the same
// words are one question, asked and answered once for all of them. A fact
// only one measure states keeps that measure's id, <measure id>_s<hash>.
func shareFacts(prs []*Proposal) {
	if len(prs) < 2 {
		return
	}
	stating := map[string]int{} // fact id suffix → measures stating it
	for _, pr := range prs {
		for _, suffix := range factSuffixes(pr) {
			stating[suffix]++
		}
	}
	for _, pr := range prs {
		walkConds(pr.Conds, func(c *Cond) {
			suffix, ok := strings.CutPrefix(c.ID, pr.ID)
			if c.Kind == CondStated && ok && strings.HasPrefix(suffix, "_s") && stating[suffix] > 1 {
				c.ID = fmt.Sprintf("m_%s%s", strings.ToLower(pr.Cite.PolicyID), suffix)
			}
		})
	}
}

// factSuffixes are the distinct _s<hash> ends of a proposal's own facts.
func factSuffixes(pr *Proposal) []string {
	seen := map[string]bool{}
	var out []string
	walkConds(pr.Conds, func(c *Cond) {
		suffix, ok := strings.CutPrefix(c.ID, pr.ID)
		if c.Kind == CondStated && ok && strings.HasPrefix(suffix, "_s") && !seen[suffix] {
			seen[suffix] = true
			out = append(out, suffix)
		}
	})
	return out
}

// walkConds calls f on every condition of cs, depth first.
func walkConds(cs []Cond, f func(*Cond)) {
	for i := range cs {
		f(&cs[i])
		walkConds(cs[i].Children, f)
	}
}
