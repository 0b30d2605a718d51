package portal

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

// confirmView is a declaration or a stated fact of a measure the applicant
// may answer on the policy's answer page: a condition read from the text
// that no data can show.
type confirmView struct {
	ID, Label, Measure, Value string
}

// confirms lists the declarations and stated facts of the policy's lines,
// once each.
func confirms(lines []lineView, e *huiqi.Enterprise) []confirmView {
	var out []confirmView
	seen := map[string]bool{}
	for _, l := range lines {
		for _, c := range l.R.Conditions {
			if !c.Declare && !c.Stated || c.ID == "" || seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			cv := confirmView{ID: c.ID, Label: strings.TrimPrefix(c.Label, "符合原文所述条件："), Measure: l.R.Name}
			if strings.Trim(cv.Label, "「」") == cv.Measure {
				cv.Measure = "" // the declaration is the measure's own wording
			}
			if b, ok := e.Declarations[c.ID]; ok {
				cv.Value = yesNo(&b)
			}
			out = append(out, cv)
		}
	}
	return out
}

// enterpriseConfirm answers POST /policies/{id}/enterprise: the applicant's
// answers to the declarations of the policy's measures are saved into the
// profile (是, 否, or no answer), and the answer page is shown again.
func (h *handler) enterpriseConfirm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil || crossOrigin.Check(r) != nil || !csrfOK(r) {
		h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "表单已失效或来自其他网站，未保存。请返回政策页面，刷新后重新提交。"))
		return
	}
	ctx := r.Context()
	p, err := h.store.FindPolicy(ctx, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sp, err := h.savedProfile(r)
	if err != nil || sp == nil {
		if err == nil {
			http.Redirect(w, r, "/enterprise", http.StatusSeeOther)
		} else {
			h.fail(w, r, err)
		}
		return
	}
	m, err := h.ent.matcher.Get(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	pa := &policyAnswer{P: p}
	pa.fill(m.Match(&sp.Profile, h.today(), match.Options{All: true}), &sp.Profile, h.now)
	for _, c := range confirms(pa.Lines, &sp.Profile) { // only this policy's declarations are read
		b, ok := parseYesNo(r.PostFormValue("d." + c.ID))
		switch {
		case !ok:
			continue
		case b == nil:
			delete(sp.Profile.Declarations, c.ID)
		default:
			if sp.Profile.Declarations == nil {
				sp.Profile.Declarations = map[string]bool{}
			}
			sp.Profile.Declarations[c.ID] = *b
		}
	}
	if err := h.ent.profiles.SaveProfile(ctx, sp); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/policies/"+p.ID+"/enterprise?saved=1#eligibility", http.StatusSeeOther)
}
