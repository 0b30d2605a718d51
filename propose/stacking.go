package propose

import (
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// stacking is how a policy's stacking rules apply to its measures.
type stacking struct {
	pid string
	// exclusive: clause path → group, for 就高不重复 / 不重复享受 / 补足差额
	// rules written in the clause of their measures or naming articles.
	exclusive map[string]string
	// sameItem: the document says 就高不重复 for the same matter in general
	// (in its 附则): the measures of one clause are one matter.
	sameItem bool
	perPath  map[string]int
	caps     map[string]int64 // clause path → yearly cap of its measures
}

var articleRef = regexp.MustCompile(`第[一二三四五六七八九十百零〇0-9]+条`)

func stackingOf(p *huiqi.Policy) *stacking {
	st := &stacking{pid: p.ID, exclusive: map[string]string{}, perPath: map[string]int{}, caps: map[string]int64{}}
	for _, m := range p.Measures {
		st.perPath[m.ClausePath]++
	}
	for _, r := range p.Stacking {
		switch r.Kind {
		case "total_cap":
			if r.CapYuan != nil && (st.caps[r.ClausePath] == 0 || *r.CapYuan < st.caps[r.ClausePath]) {
				st.caps[r.ClausePath] = *r.CapYuan
			}
		case "highest_only", "no_duplicate", "top_up_difference":
			st.exclusiveRule(r)
		}
	}
	return st
}

func (st *stacking) exclusiveRule(r huiqi.StackingRule) {
	if refs := articleRef.FindAllString(r.Text, -1); len(refs) >= 2 {
		g := st.pid + " " + strings.Join(refs, "、")
		for _, a := range refs {
			st.exclusive[a] = g
		}
		return
	}
	if st.perPath[r.ClausePath] > 0 {
		st.exclusive[r.ClausePath] = st.pid + " " + r.ClausePath
		return
	}
	st.sameItem = true
}

// apply sets a proposal's stacking: its clause's exclusive group and
// yearly cap.
func (st *stacking) apply(pr *Proposal, m *huiqi.Measure) {
	if c, ok := st.caps[m.ClausePath]; ok {
		pr.Amount.CapGroup, pr.Amount.CapYuan = st.pid+" "+m.ClausePath, c
	}
	top, _, _ := strings.Cut(m.ClausePath, "/")
	switch {
	case st.exclusive[m.ClausePath] != "":
		pr.Amount.Exclusive = st.exclusive[m.ClausePath]
	case st.exclusive[top] != "":
		pr.Amount.Exclusive = st.exclusive[top]
	case st.sameItem && st.perPath[m.ClausePath] > 1:
		pr.Amount.Exclusive = st.pid + " " + m.ClausePath
	}
}
