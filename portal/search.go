package portal

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/region"
)

// searchPage is the data of the results page.
type searchPage struct {
	Q        huiqi.SearchQuery
	Result   *huiqi.SearchResult
	Facets   []facetView
	Region   regionFilter
	Statuses []statusOption
	Sorts    []sortOption
	Hidden   []hiddenField
	Pages    []pageLink
	Prev     string
	Next     string
	Amounts  []facetValue
	ShowAll  string // one click to show expired and superseded too
	Clear    string
	From, To int
}

type facetView struct {
	Name, Title string
	Values      []facetValue
}

type facetValue struct {
	Label, URL string
	Count      int
	Selected   bool
}

type statusOption struct {
	Value, Label string
	Checked      bool
}

type sortOption struct {
	Value, Label string
	Selected     bool
}

type hiddenField struct{ Name, Value string }

type pageLink struct {
	N       int
	URL     string
	Current bool
}

// search answers GET /search.
func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := api.ParseSearchQuery(v)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q.Now = h.now()
	res, err := h.index.Search(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := link{v}
	sp := searchPage{Q: q, Result: res, Facets: facetViews(res.Facets, l, v), Region: regionFilterOf(q, l, res.Facets["region"]),
		Statuses: statusOptions(q), Sorts: sortOptions(q), Hidden: hiddenFields(v, "status", "sort", "offset", "beneficiary"),
		Amounts: amountLinks(q, l),
		ShowAll: l.with("status", "all"), Clear: "/search?q=" + urlQuery(q.Text)}
	sp.Pages, sp.Prev, sp.Next = pagesOf(res.Total, q.Offset, q.Limit, l)
	sp.From, sp.To = min(q.Offset+1, res.Total), min(q.Offset+len(res.Hits), res.Total)
	title := "政策搜索"
	if q.Text != "" {
		title = q.Text + " - 政策搜索"
	}
	h.render(w, r, http.StatusOK, "search", page{Title: title, Query: q.Text, Data: sp})
}

func facetViews(facets map[string][]huiqi.FacetCount, l link, v map[string][]string) []facetView {
	var out []facetView
	for _, name := range facetOrder {
		counts, ok := facets[name]
		if !ok || name == "status" || name == "region" || len(counts) == 0 {
			continue // status and region have their own controls
		}
		param := facetParam(name)
		fv := facetView{Name: param, Title: facetTitle(name)}
		for _, c := range counts[:min(len(counts), 12)] {
			if c.Value == "" {
				continue // documents without the field: not a choice
			}
			sel := slices.Contains(v[param], c.Value)
			u := l.with(param, c.Value)
			if sel {
				u = l.with(param, "")
			}
			fv.Values = append(fv.Values, facetValue{Label: facetLabel(name, c.Value, c.Label), URL: u, Count: c.Count, Selected: sel})
		}
		out = append(out, fv)
	}
	return out
}

func statusOptions(q huiqi.SearchQuery) []statusOption {
	checked := q.Status
	if len(checked) == 0 {
		checked = []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft}
	}
	var out []statusOption
	for _, s := range []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft, huiqi.StatusExpired, huiqi.StatusSuperseded} {
		out = append(out, statusOption{string(s), statusLabels[s], slices.Contains(checked, s)})
	}
	return out
}

func sortOptions(q huiqi.SearchQuery) []sortOption {
	cur := q.Sort
	if cur == "" {
		cur = huiqi.SortDate
		if q.Text != "" {
			cur = huiqi.SortRelevance
		}
	}
	labels := []struct {
		s huiqi.SearchSort
		l string
	}{{huiqi.SortRelevance, "相关度"}, {huiqi.SortDate, "发布日期"}, {huiqi.SortAmount, "扶持金额"}}
	var out []sortOption
	for _, x := range labels {
		out = append(out, sortOption{string(x.s), x.l, x.s == cur})
	}
	return out
}

// hiddenFields carries the current parameters through the filter form,
// except the ones the form itself sets.
func hiddenFields(v map[string][]string, except ...string) []hiddenField {
	var out []hiddenField
	for _, k := range api.SearchParams {
		if slices.Contains(except, k) {
			continue
		}
		for _, x := range v[k] {
			out = append(out, hiddenField{k, x})
		}
	}
	return out
}

func pagesOf(total, offset, limit int, l link) (pages []pageLink, prev, next string) {
	if total <= limit {
		return nil, "", ""
	}
	cur := offset / limit
	last := min((total-1)/limit, 10000/limit)
	for n := max(0, cur-4); n <= min(last, cur+4); n++ {
		pages = append(pages, pageLink{n + 1, l.page(n * limit), n == cur})
	}
	if cur > 0 {
		prev = l.page((cur - 1) * limit)
	}
	if cur < last {
		next = l.page((cur + 1) * limit)
	}
	return pages, prev, next
}

// regionFilter is the region hierarchy of the sidebar: the path down to the
// chosen region, and its children to narrow further.
type regionFilter struct {
	Path     []regionLink
	Children []regionLink
	Selected string
	Applies  bool
	// ModeURL toggles whether higher levels' policies are included.
	ModeURL string
	All     string
}

type regionLink struct {
	Name, URL string
	Count     int
}

func regionFilterOf(q huiqi.SearchQuery, l link, counts []huiqi.FacetCount) regionFilter {
	f := regionFilter{Selected: q.Region, Applies: q.RegionMode == huiqi.RegionApplies, All: l.with("region", "")}
	parent := region.National.Code
	if q.Region != "" {
		parent = q.Region
		for _, a := range region.Ancestors(q.Region) {
			f.Path = append(f.Path, regionLink{Name: a.Name, URL: l.with("region", a.Code)})
		}
		mode := string(huiqi.RegionApplies)
		if f.Applies {
			mode = ""
		}
		v := link{l.v}
		f.ModeURL = v.with("region_mode", mode)
	}
	for _, c := range region.Children(parent) {
		n := countWithin(c.Code, counts)
		if counts != nil && n == 0 {
			continue // with counts known, a region without matches is noise
		}
		f.Children = append(f.Children, regionLink{Name: c.Name, URL: l.with("region", c.Code), Count: n})
	}
	return f
}

// countWithin sums the region facet's counts of regions within code.
func countWithin(code string, counts []huiqi.FacetCount) int {
	n := 0
	for _, c := range counts {
		if region.Contains(code, c.Value) {
			n += c.Count
		}
	}
	return n
}

// amountSteps are the least amounts a visitor can ask for, in yuan.
var amountSteps = []int64{100000, 500000, 1000000, 5000000, 10000000}

// amountLinks filter by the largest measure's amount: 不限, then N万元以上.
func amountLinks(q huiqi.SearchQuery, l link) []facetValue {
	out := []facetValue{{Label: "不限", URL: l.with("min_amount", ""), Selected: q.MinAmount == 0}}
	for _, a := range amountSteps {
		out = append(out, facetValue{Label: wan(a) + "以上", URL: l.with("min_amount", strconv.FormatInt(a, 10)), Selected: q.MinAmount == a})
	}
	return out
}
