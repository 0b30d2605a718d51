package portal

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// enterprisePage is the data of the 我的企业 form.
type enterprisePage struct {
	CSRF      string
	Groups    []groupView
	Years     []yearView
	Certs     []certView
	CertNames []string
	Levels    []option
	CertsNone bool
	Decls     []fieldView
	Stated    []fieldView
	Problems  []problemView
	Saved     *huiqi.SavedProfile
	SavedAt   string // when, in Beijing time
	JustSaved bool
	Deleted   bool
	// Expired: the post's CSRF token was not the browser's; nothing saved.
	Expired bool
}

type groupView struct {
	Legend, Hint string
	Fields       []fieldView
}

type yearView struct {
	Year      int
	ID, Error string
	Fields    []fieldView
	// Before: the year is before the enterprise's registration.
	Before bool
}

type option struct{ Value, Label string }

type problemView struct{ Anchor, Msg string }

// levels are the certification levels a row may choose.
var levels = []option{{"", "不分级别"}, {huiqi.LevelNational, "国家级"}, {huiqi.LevelProvincial, "省级"},
	{huiqi.LevelCity, "市级"}, {huiqi.LevelDistrict, "区县级"}}

// blankCertRows is how many empty certification rows the form offers.
const blankCertRows = 3

// fiscalYears are the three fiscal years the form asks, newest first.
func fiscalYears(asOf huiqi.Date) []int { return []int{asOf.Year - 1, asOf.Year - 2, asOf.Year - 3} }

// enterpriseForm answers GET /enterprise: the form, filled from the
// browser's saved profile, with its problems beside their fields.
func (h *handler) enterpriseForm(w http.ResponseWriter, r *http.Request) {
	sp, err := h.savedProfile(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	pg := h.ent.form.page(sp, fiscalYears(h.today()))
	pg.CSRF = csrfToken(w, r)
	pg.JustSaved = r.URL.Query().Get("saved") != "" && sp != nil
	pg.Deleted = r.URL.Query().Get("deleted") != "" && sp == nil
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "enterprise", page{Title: "我的企业", Data: pg})
}

// savedProfile is the browser's saved profile, nil when it has none.
func (h *handler) savedProfile(r *http.Request) (*huiqi.SavedProfile, error) {
	key := profileKey(r)
	if key == "" {
		return nil, nil
	}
	sp, err := h.ent.profiles.FindProfile(r.Context(), key)
	if huiqi.ErrorCode(err) == huiqi.ENOTFOUND {
		return nil, nil
	}
	return sp, err
}

// page builds the form from a saved profile (nil: an empty form).
func (fs formSpec) page(sp *huiqi.SavedProfile, years []int) enterprisePage {
	fv := newFormValues(sp)
	pg := enterprisePage{Saved: sp, CertNames: fs.Certs, Levels: levels}
	byPath := map[string]question{}
	for _, q := range fs.Fields {
		byPath[q.Path] = q
	}
	for _, g := range fieldGroups {
		gv := groupView{Legend: g.legend, Hint: g.hint}
		for _, p := range g.paths {
			if q, ok := byPath[p]; ok {
				gv.Fields = append(gv.Fields, fv.view(q, p))
			}
		}
		if len(gv.Fields) > 0 {
			pg.Groups = append(pg.Groups, gv)
		}
	}
	for _, y := range years {
		pg.Years = append(pg.Years, fv.yearView(fs.Money, y))
	}
	pg.Certs = fv.certViews()
	pg.CertsNone = fv.e.Certifications != nil && len(fv.e.Certifications) == 0
	for _, q := range fs.Decls {
		pg.Decls = append(pg.Decls, fv.view(q, q.Path))
	}
	for _, q := range fs.Stated {
		pg.Stated = append(pg.Stated, fv.view(q, q.Path))
	}
	if sp != nil {
		pg.Problems = problemViews(sp.Problems, fs.labels())
		pg.SavedAt = sp.SavedAt.In(chinaTime).Format("2006-01-02 15:04")
	}
	return pg
}

func (fv *formValues) yearView(qs []question, y int) yearView {
	yv := yearView{Year: y, ID: fieldID(fmt.Sprintf("financials[%d]", y))}
	yv.Error = fv.errors[fmt.Sprintf("financials[%d]", y)] + fv.errors[fmt.Sprintf("financials[%d].year", y)]
	fin := fv.e.FinancialsFor(y)
	for _, q := range qs {
		p := finPath(y, q.Path)
		v := fv.view(q, p)
		if _, typed := fv.entered[p]; !typed && fin != nil {
			if n := *moneyField(fin, q.Path); n != nil {
				v.Value = moneyText(n)
				if *n >= 10000 {
					v.Resolved = wan(*n)
				}
			}
		}
		yv.Fields = append(yv.Fields, v)
	}
	yv.Before = !fv.e.RegisteredOn.IsZero() && y < fv.e.RegisteredOn.Year
	return yv
}

// problemViews link each problem to its field, or to the fieldset that
// holds it (financials[2025].year → the year's fieldset).
func problemViews(ps []huiqi.ProfileProblem, labels func(string) string) []problemView {
	var out []problemView
	for _, p := range ps {
		path := p.Path
		if y, ok := strings.CutSuffix(path, ".year"); ok {
			path = y
		}
		msg := p.Msg
		if l := labels(p.Path); l != "" {
			msg = l + "：" + msg
		}
		out = append(out, problemView{Anchor: fieldID(path), Msg: msg})
	}
	return out
}
