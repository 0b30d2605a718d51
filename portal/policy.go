package portal

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

// policyPage is the data of a policy's page.
type policyPage struct {
	P      *huiqi.Policy
	Latest bool
	Status huiqi.PolicyStatus
	// SupersededBy is the stored policy that repeals this one, when found.
	SupersededBy *huiqi.SearchHit
	Blocks       []block
	Clauses      map[string]bool // paths that have an anchor on the page
	Measures     []measureGroup
	Versions     []huiqi.VersionInfo
	Entries      []entryPoint
	// Answers: 我的企业 answers the funding and eligibility questions.
	Answers bool
	FileURL string
	// Curation labels the versions 机器抽取 / 人工核对 and marks the
	// measures officers checked.
	Curation curationMarks
}

// entryPoint is one of the questions every policy page asks; Soon marks
// one whose answer arrives with a later feature.
type entryPoint struct {
	Label, URL string
	Soon       bool
}

// policy answers GET /policies/{id}, ?version=N for an older version.
func (h *handler) policy(w http.ResponseWriter, r *http.Request) {
	version := 0
	if s := r.URL.Query().Get("version"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "版本号 %q 无效", s))
			return
		}
		version = n
	}
	ctx := r.Context()
	p, err := api.FindPolicy(ctx, h.store, r.PathValue("id"), version)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	versions, err := h.store.ListVersions(ctx, p.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	blocks, anchors := documentBlocks(p)
	pp := policyPage{P: p, Status: h.statusOf(ctx, p), Blocks: blocks, Clauses: anchors, Versions: versions,
		Measures: groupMeasures(p.Measures, anchors),
		Latest:   len(versions) == 0 || versions[len(versions)-1].Version == p.Version,
		Entries:  h.entryPoints(p.ID), Answers: h.ent != nil, FileURL: "/policies/" + p.ID + "/original?version=" + strconv.Itoa(p.Version)}
	pp.Curation = h.curationMarksOf(ctx, p, versions)
	if pp.Status == huiqi.StatusSuperseded {
		pp.SupersededBy = h.supersededBy(ctx, p)
	}
	h.render(w, r, http.StatusOK, "policy", page{Title: p.Title, Data: pp})
}

// statusOf judges the policy's status; the index knows when another stored
// policy has superseded it. The lookup filters without text (region, type,
// status), which costs a fraction of a text query.
func (h *handler) statusOf(ctx context.Context, p *huiqi.Policy) huiqi.PolicyStatus {
	s := huiqi.StatusOf(p, h.now())
	if s != huiqi.StatusInForce {
		return s
	}
	q := huiqi.SearchQuery{DocType: p.DocType, Status: []huiqi.PolicyStatus{huiqi.StatusSuperseded}, Limit: 100, Now: h.now()}
	if p.Region != nil {
		q.Region = p.Region.Code
	}
	res, err := h.index.Search(ctx, q)
	if err != nil {
		return s // the page is still worth showing; the index logs its own failure
	}
	for _, hit := range res.Hits {
		if hit.ID == p.ID && hit.Status == huiqi.StatusSuperseded {
			return huiqi.StatusSuperseded
		}
	}
	return s
}

// features are the entry points and their pages.
var features = []struct{ slug, label string }{
	{"funding", "我的企业可以获得多少资金？"},
	{"eligibility", "是否适合申报？"},
	{"apply", "我要申报"},
	{"consult", "在线咨询"},
}

// entryPoints link the questions of a policy page: 资金 and 是否适合 to the
// policy's 我的企业 answer when profiles are kept, 我要申报 there too when
// users can sign in (its measures carry the buttons), 在线咨询 to the
// question form on the page; what is not served links to /coming.
func (h *handler) entryPoints(id string) []entryPoint {
	var out []entryPoint
	for _, f := range features {
		ans, ok := answered[f.slug]
		switch {
		case f.slug == "consult":
			out = append(out, entryPoint{Label: f.label, URL: "/policies/" + id + "#ask"})
		case f.slug == "apply" && h.ent != nil && h.plat != nil:
			out = append(out, entryPoint{Label: f.label, URL: "/policies/" + id + "/enterprise#funding"})
		case ok && h.ent != nil:
			out = append(out, entryPoint{Label: f.label, URL: "/policies/" + id + "/enterprise#" + ans})
		default:
			out = append(out, entryPoint{Label: f.label, URL: "/coming/" + f.slug + "?policy=" + id, Soon: true})
		}
	}
	return out
}

// answered are the entry points 我的企业 answers, with their section.
var answered = map[string]string{"funding": "funding", "eligibility": "eligibility"}

// supersededBy looks among the policies that mention this one's 文号 or title
// for one that repeals it.
func (h *handler) supersededBy(ctx context.Context, p *huiqi.Policy) *huiqi.SearchHit {
	key := p.DocNumber
	if key == "" {
		key = p.Title
	}
	res, err := h.index.Search(ctx, huiqi.SearchQuery{Text: key, Status: []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft, huiqi.StatusExpired}, Limit: 5, Now: h.now()})
	if err != nil {
		return nil
	}
	for i, hit := range res.Hits {
		if hit.ID == p.ID {
			continue
		}
		q, err := h.store.FindPolicy(ctx, hit.ID)
		if err != nil {
			continue
		}
		for _, rp := range q.Repeals {
			if p.DocNumber != "" && rp.DocNumber == p.DocNumber || rp.Title != "" && strings.Contains(p.Title, rp.Title) {
				return &res.Hits[i]
			}
		}
	}
	return nil
}

// measureGroup is the measures of one clause, in document order, so the
// clause is linked once however many measures it has.
type measureGroup struct {
	Clause, Anchor string // Anchor is "" when the clause has none on the page
	Measures       []huiqi.Measure
}

func groupMeasures(ms []huiqi.Measure, anchors map[string]bool) []measureGroup {
	var out []measureGroup
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Clause == m.Clause && out[n-1].Anchor == anchorIf(m.ClausePath, anchors) {
			out[n-1].Measures = append(out[n-1].Measures, m)
			continue
		}
		out = append(out, measureGroup{Clause: m.Clause, Anchor: anchorIf(m.ClausePath, anchors), Measures: []huiqi.Measure{m}})
	}
	return out
}

func anchorIf(path string, anchors map[string]bool) string {
	if path == "" || !anchors[path] {
		return ""
	}
	return anchor(path)
}
