package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// regionJSON is one division in GET /api/v1/regions.
type regionJSON struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	FullName string `json:"full_name"`
	Level    int    `json:"level"`
	Parent   string `json:"parent,omitempty"`
	// HasChildren says whether ?parent=code lists anything.
	HasChildren bool `json:"has_children"`
}

// regionList is the body of GET /api/v1/regions.
type regionList struct {
	Parent  *regionJSON  `json:"parent"`
	Path    []regionJSON `json:"path"`
	Regions []regionJSON `json:"regions"`
}

// regions answers GET /api/v1/regions: the provinces, or the children of
// ?parent=CODE with the path from the province down to it.
func (h *handler) regions(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	p.only("parent")
	code := p.str("parent")
	if code != "" && !sixDigits(code) {
		p.fail("parent", "%q is not a GB/T 2260 region code (six digits, e.g. 330100)", code)
	}
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	if code == "" {
		code = region.National.Code
	}
	parent, ok := region.Lookup(code)
	if !ok {
		h.writeError(w, r, huiqi.Errorf(huiqi.ENOTFOUND, "parameter parent: %q is not a GB/T 2260 region code", code))
		return
	}
	out := regionList{Parent: toRegionJSON(parent), Path: []regionJSON{}, Regions: []regionJSON{}}
	for _, a := range region.Ancestors(code) {
		out.Path = append(out.Path, *toRegionJSON(a))
	}
	for _, c := range region.Children(code) {
		out.Regions = append(out.Regions, *toRegionJSON(c))
	}
	writeJSON(w, http.StatusOK, out)
}

func toRegionJSON(r region.Region) *regionJSON {
	return &regionJSON{Code: r.Code, Name: r.Name, FullName: r.FullName, Level: r.Level,
		Parent: r.Parent, HasChildren: r.Level < 3}
}

func sixDigits(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
