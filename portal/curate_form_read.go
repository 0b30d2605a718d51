package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
)

// maxCurateForm bounds a curation form: a long policy's every measure,
// target and task with their conditions.
const maxCurateForm = 1 << 20

// postedCurateForm reads a curation form as postedForm reads others (the
// same origin and CSRF checks), with room for a long policy.
func (h *handler) postedCurateForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxCurateForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "表单无法读取（不超过 %d KB）", maxCurateForm>>10))
		return false
	}
	if crossOrigin.Check(r) != nil || !csrfOK(r) {
		h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "表单已失效或来自其他网站，未处理。请返回上一页，刷新后重新提交。"))
		return false
	}
	return true
}

// formKeys are the inputs of the curation form that are not fields.
var formKeys = map[string]bool{csrfField: true, "base": true, "note": true, "delete": true}

// changesOf reads the corrections of a curation form: every field by its
// path, the measures ticked for deletion and the note.
func changesOf(r *http.Request) curate.Changes {
	ch := curate.Changes{Fields: map[string]string{}, Note: r.PostFormValue("note")}
	for k, vs := range r.PostForm {
		if !formKeys[k] && len(vs) > 0 {
			ch.Fields[k] = vs[0]
		}
	}
	for _, s := range r.PostForm["delete"] {
		if i, err := strconv.Atoi(s); err == nil {
			ch.DeleteMeasures = append(ch.DeleteMeasures, i)
		}
	}
	return ch
}
