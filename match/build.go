package match

import (
	"context"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
	"github.com/huiqi-dev/huiqi/rules"
)

// New builds a matcher over the measures of policies (stored: ID and
// Version set). A curated measure rule whose id is a proposal's ID or
// Clause (propose.Proposal) replaces the proposal; other rule sets are
// ignored.
func New(policies []*huiqi.Policy, curated []*rules.Set) *Matcher {
	m := &Matcher{buckets: map[string]*bucket{}, policies: len(policies)}
	sets := map[string]*rules.Set{}
	for _, s := range curated {
		if s.Kind == rules.KindMeasure {
			sets[s.ID] = s
		}
	}
	repealed := repealedKeys(policies)
	used := map[string]bool{}
	for _, p := range policies {
		if p.Draft {
			continue
		}
		sup := repealed[key(p.DocNumber)] || p.DocNumber == "" && repealed[key(p.Title)]
		for _, pr := range propose.Propose(p) {
			if pr.Applicant == huiqi.BeneficiaryTalent || pr.Applicant == huiqi.BeneficiaryFinance {
				m.skipped++
				continue
			}
			it := item{prop: pr, from: pr.From, to: pr.To, superseded: sup, why: whyOf(pr)}
			region := pr.Region
			if s := firstSet(sets, pr.ID, pr.Clause); s != nil {
				if used[s.ID] {
					continue // one item for a curated rule of a whole clause
				}
				used[s.ID] = true
				it = item{prop: pr, set: s, superseded: sup}
				region = s.Region
			} else {
				it.certs = requiredCerts(pr.Conds)
				it.withTemplate()
			}
			m.add(region, it)
		}
	}
	return m
}

func whyOf(pr *propose.Proposal) []string {
	out := make([]string, len(pr.Conds))
	for i, c := range pr.Conds {
		out[i] = likelyReason(c.Label, c.Kind == propose.CondDeclare)
	}
	return out
}

func firstSet(sets map[string]*rules.Set, ids ...string) *rules.Set {
	for _, id := range ids {
		if s := sets[id]; s != nil {
			return s
		}
	}
	return nil
}

// Load builds a matcher over the latest version of every policy in store.
func Load(ctx context.Context, store huiqi.PolicyStore, curated []*rules.Set) (*Matcher, error) {
	var ps []*huiqi.Policy
	for off := 0; ; {
		page, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Offset: off, Limit: 500})
		if err != nil {
			return nil, err
		}
		for _, s := range page {
			p, err := store.FindPolicy(ctx, s.ID)
			if err != nil {
				return nil, err
			}
			ps = append(ps, p)
		}
		off += len(page)
		if len(page) == 0 || off >= total {
			break
		}
	}
	return New(ps, curated), nil
}

// repealedKeys are the 文号 and titles of the documents the policies repeal.
func repealedKeys(ps []*huiqi.Policy) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		for _, r := range p.Repeals {
			if r.DocNumber != "" {
				out[key(r.DocNumber)] = true
			} else if r.Title != "" {
				out[key(r.Title)] = true
			}
		}
	}
	delete(out, "")
	return out
}

// key folds a 文号 or title: no spaces, brackets or quotes.
func key(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(" \t\u3000()（）[]〔〕【】《》“”\"", r) {
			return -1
		}
		return r
	}, s)
}
