package propose

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// National is the region code of nationwide measures.
const National = "100000"

// Propose derives a proposal for every measure of p, in document order.
// p must be stored (ID and Version set) for the ids and citations to hold.
func Propose(p *huiqi.Policy) []*Proposal {
	st := stackingOf(p)
	groups := groupBySentence(p.Measures)
	perClause := map[string]int{}
	nums := clauseNumbers(p)
	out := make([]*Proposal, 0, len(p.Measures))
	for i := range p.Measures {
		m := &p.Measures[i]
		perClause[m.ClausePath]++
		g := groups[i]
		pr := proposeOne(p, m, g.k, g.n)
		pr.Clause = "m_" + strings.ToLower(p.ID) + "_" + clauseKey(nums, m.ClausePath)
		pr.ID = fmt.Sprintf("%s_%d", pr.Clause, perClause[m.ClausePath])
		nameDeclarations(pr)
		st.apply(pr, m)
		out = append(out, pr)
	}
	shareFacts(out)
	return out
}

// position is a measure's place among the measures read from the same
// sentence: 分别给予300万元、200万元、100万元 gives three, k = 0, 1, 2.
type position struct{ k, n int }

func groupBySentence(ms []huiqi.Measure) []position {
	count := map[huiqi.Span]int{}
	for _, m := range ms {
		count[m.Span]++
	}
	seen := map[huiqi.Span]int{}
	out := make([]position, len(ms))
	for i, m := range ms {
		out[i] = position{seen[m.Span], count[m.Span]}
		seen[m.Span]++
	}
	return out
}

func proposeOne(p *huiqi.Policy, m *huiqi.Measure, k, n int) *Proposal {
	pr := &Proposal{
		Kind: m.Kind, Applicant: huiqi.BeneficiaryTypeOf(m.Beneficiary),
		Region: National, From: firstDate(p.EffectiveOn, p.IssuedOn, p.PublishedOn), To: p.ExpiresOn,
		Title: p.Title, DocNumber: p.DocNumber,
		Cite: huiqi.Provenance{PolicyID: p.ID, Version: p.Version, ClausePath: m.ClausePath, Span: m.Span, Text: m.Text},
	}
	pr.Name = nameOf(m)
	if p.Region != nil && p.Region.Code != "" {
		pr.Region = p.Region.Code
	}
	if pr.Region != National {
		pr.Conds = append(pr.Conds, Cond{ID: "region", Kind: CondRegion, Region: pr.Region,
			Label: "注册地在" + regionLabel(p) + "内", Span: m.Span, Text: regionLabel(p)})
	} else if p.Region == nil || p.Region.Code == "" {
		pr.Conds = append(pr.Conds, regionFact(p, m))
	}
	r := reader{since: pr.From, k: k, n: n}
	if pr.Region != National {
		r.region, r.regionName = pr.Region, regionLabel(p)
	}
	read, capOnlyTexts := 0, true
	for _, t := range textsOf(p, m) {
		cs := r.read(t.text, t.at)
		pr.Conds = append(pr.Conds, cs...)
		read += len(cs)
		capOnlyTexts = capOnlyTexts && capOnly(t.text)
	}
	if read == 0 && capOnlyTexts { // a cap of the sentence before: its conditions
		if t, ok := capped(p, m); ok {
			cs := r.read(t.text, t.at)
			pr.Conds = append(pr.Conds, cs...)
			read += len(cs)
		}
	}
	if read == 0 { // nothing to read is not "everyone qualifies"
		pr.Conds = append(pr.Conds, fact(m.Text, m.Span.Start))
	}
	pr.Amount = amountOf(m)
	return pr
}

// regionFact is the region of a policy whose region extraction did not
// find: the applicant states whether it is registered where the policy
// applies. One fact per policy, so one answer decides all its measures.
func regionFact(p *huiqi.Policy, m *huiqi.Measure) Cond {
	return Cond{ID: "registered_in_" + strings.ToLower(p.ID), Kind: CondStated,
		Label: "注册地在《" + strings.ReplaceAll(p.Title, `"`, "＂") + "》适用的地区内（文件未写明地区）", Span: m.Span}
}

func regionLabel(p *huiqi.Policy) string {
	if p.Region.Name != "" {
		return p.Region.Name
	}
	return p.Region.Code
}

// located is a text to read and its byte offset in Policy.Text.
type located struct {
	text string
	at   int
}

// textsOf are the texts a measure's conditions are read from: its
// beneficiary and condition when extraction found them (a heading taken
// for the beneficiary is not one), else the sentence up to the amount.
func textsOf(p *huiqi.Policy, m *huiqi.Measure) []located {
	var out []located
	for _, s := range []string{m.Beneficiary, m.Condition} {
		if s = strings.TrimSpace(s); s == "" || len(out) == 1 && strings.Contains(out[0].text, s) || isHeading(s, m.Text) {
			continue
		}
		if len(out) == 1 && strings.Contains(s, out[0].text) {
			out = out[:0] // the condition holds the beneficiary: read it once
		}
		at := m.Span.Start
		if i := strings.Index(m.Text, s); i >= 0 {
			at += i
		}
		out = append(out, located{s, at})
	}
	if len(out) > 0 {
		return out
	}
	end := m.AmountSpan.Start
	if end <= m.Span.Start || end > m.Span.End || end > len(p.Text) {
		return []located{{m.Text, m.Span.Start}}
	}
	return []located{{p.Text[m.Span.Start:end], m.Span.Start}}
}

func nameOf(m *huiqi.Measure) string {
	s := strings.TrimSpace(m.Beneficiary)
	if s == "" {
		s = strings.TrimSpace(m.Text)
	}
	s = strings.TrimPrefix(s, "对")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

func firstDate(ds ...huiqi.Date) huiqi.Date {
	for _, d := range ds {
		if !d.IsZero() {
			return d
		}
	}
	return huiqi.Date{}
}

// nameDeclarations gives every declaration an id unique among all
// proposals, and every stated fact one stable per measure and phrase: the
// key of the applicant's answer in Enterprise.Declarations.
func nameDeclarations(pr *Proposal) {
	n := 0
	var walk func(cs []Cond)
	walk = func(cs []Cond) {
		for i := range cs {
			switch {
			case cs[i].ID != "":
			case cs[i].Kind == CondDeclare:
				n++
				cs[i].ID = fmt.Sprintf("%s_d%d", pr.ID, n)
			case cs[i].Kind == CondStated:
				h := fnv.New32a()
				h.Write([]byte(cs[i].Text))
				cs[i].ID = fmt.Sprintf("%s_s%08x", pr.ID, h.Sum32())
			}
			walk(cs[i].Children)
		}
	}
	walk(pr.Conds)
}

// clauseNumbers maps each clause path to its number.
func clauseNumbers(p *huiqi.Policy) map[string]int {
	nums := make(map[string]int, len(p.Clauses))
	for _, c := range p.Clauses {
		nums[c.Path] = c.Number
	}
	return nums
}

// clauseKey writes a clause path as digits for an id: 五~2/(二十五) → 5r2_25.
func clauseKey(nums map[string]int, path string) string {
	if path == "" {
		return "0"
	}
	segs := strings.Split(path, "/")
	out := make([]string, len(segs))
	for i, s := range segs {
		prefix := strings.Join(segs[:i+1], "/")
		base, rep, _ := strings.Cut(s, "~")
		key := "x"
		if n := nums[prefix]; n > 0 {
			key = strconv.Itoa(n)
		} else if v, err := strconv.Atoi(strings.Trim(base, "().、")); err == nil {
			key = strconv.Itoa(v)
		}
		if rep != "" {
			key += "r" + rep
		}
		out[i] = key
	}
	return strings.Join(out, "_")
}
