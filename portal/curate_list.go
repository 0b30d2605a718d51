package portal

import (
	"cmp"
	"context"
	"net/http"
	"slices"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// curateListLimit is how many policies a region lists.
const curateListLimit = 50

// curateList is the data of /staff/policies.
type curateList struct {
	Query string
	Rows  []curateRow
	// Total counts the policies found in the member's regions; more than
	// Rows when a region has more than curateListLimit.
	Total int
	// Nowhere: the member acts within no region.
	Nowhere bool
}

// curateRow is one policy of the list.
type curateRow struct {
	huiqi.SearchHit
	// Curated: its latest version was curated (已人工核对).
	Curated bool
	Label   string // the latest version's 机器抽取 / 人工核对 label
}

// staffPolicies answers GET /staff/policies?q=: the policies within the
// officer's regions, newest first, each marked 已人工核对 when its latest
// version was curated.
func (h *handler) staffPolicies(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	ctx := r.Context()
	cl := curateList{Query: r.URL.Query().Get("q")}
	hits, total, err := h.policiesWithin(ctx, u, cl.Query)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cl.Total, cl.Nowhere = max(total, 0), total < 0
	for _, hit := range hits {
		row := curateRow{SearchHit: hit}
		if vs, err := h.store.ListVersions(ctx, hit.ID); err == nil && len(vs) > 0 {
			last := vs[len(vs)-1]
			row.Curated = last.CuratedBy != ""
			row.Label = h.versionLabels(ctx, vs[len(vs)-1:])[last.Version]
		}
		cl.Rows = append(cl.Rows, row)
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "curate_list", page{Title: "政策核对 · 工作台", Data: cl})
}

// policiesWithin searches the policies of every status issued within u's
// regions (all of them for a member acting everywhere), newest first; a
// total of -1 when u acts within no region.
func (h *handler) policiesWithin(ctx context.Context, u *huiqi.User, text string) ([]huiqi.SearchHit, int, error) {
	_, everywhere := account.RegionPrefixes(u)
	regions := u.Regions
	if everywhere {
		regions = []string{""}
	}
	if len(regions) == 0 {
		return nil, -1, nil
	}
	seen := map[string]bool{}
	var out []huiqi.SearchHit
	total := 0
	for _, code := range regions {
		res, err := h.index.Search(ctx, huiqi.SearchQuery{Text: text, Region: code, Sort: huiqi.SortDate, Limit: curateListLimit, Now: h.now(),
			Status: []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft, huiqi.StatusExpired, huiqi.StatusSuperseded}})
		if err != nil {
			return nil, 0, err
		}
		total += res.Total
		for _, hit := range res.Hits {
			if !seen[hit.ID] {
				seen[hit.ID] = true
				out = append(out, hit)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b huiqi.SearchHit) int { return cmp.Compare(dateKey(b), dateKey(a)) })
	return out, total, nil
}

// dateKey orders hits by the date they were issued (else published).
func dateKey(h huiqi.SearchHit) string {
	if !h.IssuedOn.IsZero() {
		return h.IssuedOn.String()
	}
	return h.PublishedOn.String()
}
