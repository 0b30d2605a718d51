package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
)

// curatePage is the data of /staff/policies/{id}/curate: the source text
// with its clause anchors beside the editable extraction.
type curatePage struct {
	P        *huiqi.Policy
	Blocks   []block
	Meta     []formField
	Measures []curateItem
	Targets  []curateItem
	Tasks    []curateItem
	// Base is the version edited (a hidden field); Note the note typed.
	Base int
	Note string
	// Err is why the last post was refused; Conflict that another version
	// came first; Saved the version just saved.
	Err      string
	Conflict bool
	Saved    int
	Labels   map[int]string
	Versions []huiqi.VersionInfo
}

// staffCurate answers GET /staff/policies/{id}/curate (?saved=N after a
// save) for the officers within the policy's region.
func (h *handler) staffCurate(w http.ResponseWriter, r *http.Request) {
	u, svc, ok := h.curator(w, r)
	if !ok {
		return
	}
	p, err := svc.Policy(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cp := h.curateView(r, p, curate.Values(p), nil, "")
	cp.Saved, _ = strconv.Atoi(r.URL.Query().Get("saved"))
	noStore(w)
	h.render(w, r, http.StatusOK, "curate_policy", page{Title: "政策核对 · " + p.Title, Data: cp})
}

// staffCurateSave answers POST /staff/policies/{id}/curate: the corrected
// extraction saved as a curated version of the base version; a refused
// value or a newer version shows the form again as typed, saying why.
func (h *handler) staffCurateSave(w http.ResponseWriter, r *http.Request) {
	u, svc, ok := h.curator(w, r)
	if !ok || !h.postedCurateForm(w, r) {
		return
	}
	ctx, id := r.Context(), r.PathValue("id")
	base, err := strconv.Atoi(r.PostFormValue("base"))
	if err != nil || base < 1 {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "表单缺少所核对的版本号，请重新打开核对页面"))
		return
	}
	ch := changesOf(r)
	saved, err := svc.Edit(ctx, u, id, base, ch)
	code := huiqi.ErrorCode(err)
	if err != nil && code != huiqi.EINVALID && code != huiqi.ECONFLICT {
		h.fail(w, r, err)
		return
	}
	if err == nil {
		http.Redirect(w, r, "/staff/policies/"+id+"/curate?saved="+strconv.Itoa(saved.Version), http.StatusSeeOther)
		return
	}
	p, ferr := h.store.FindPolicyVersion(ctx, id, base) // the numbering the form was made with
	if ferr != nil {
		h.fail(w, r, err)
		return
	}
	values := curate.Values(p)
	for k, v := range ch.Fields {
		values[k] = v
	}
	deleted := map[int]bool{}
	for _, i := range ch.DeleteMeasures {
		deleted[i] = true
	}
	cp := h.curateView(r, p, values, deleted, huiqi.ErrorMessage(err))
	cp.Note, cp.Conflict = ch.Note, code == huiqi.ECONFLICT
	noStore(w)
	h.render(w, r, refusalStatus(code), "curate_policy", page{Title: "政策核对 · " + p.Title, Data: cp})
}

func refusalStatus(code string) int {
	if code == huiqi.ECONFLICT {
		return http.StatusConflict
	}
	return http.StatusBadRequest
}

// curator returns the signed-in officer or administrator and the
// curation service; a 404 when the store keeps no curations.
func (h *handler) curator(w http.ResponseWriter, r *http.Request) (*huiqi.User, *curate.Service, bool) {
	u, ok := h.requireUser(w, r, huiqi.RoleOfficer, huiqi.RoleAdmin)
	if !ok {
		return nil, nil, false
	}
	svc := h.curation()
	if svc == nil {
		h.fail(w, r, huiqi.Errorf(huiqi.ENOTFOUND, pageNotFound))
		return nil, nil, false
	}
	return u, svc, true
}

// curateView lays out p with the values shown and the measures marked
// for deletion.
func (h *handler) curateView(r *http.Request, p *huiqi.Policy, values map[string]string, deleted map[int]bool, msg string) curatePage {
	blocks, anchors := documentBlocks(p)
	cp := curatePage{P: p, Blocks: blocks, Meta: fieldsOf("", metaSpecs, values), Base: p.Version, Err: msg}
	cp.Measures, cp.Targets, cp.Tasks = curateItems(p, anchors, values, deleted)
	if vs, err := h.store.ListVersions(r.Context(), p.ID); err == nil {
		cp.Versions, cp.Labels = vs, h.versionLabels(r.Context(), vs)
	}
	return cp
}
