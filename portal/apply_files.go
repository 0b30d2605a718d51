package portal

import (
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// applyAttach answers POST /applications/{id}/files: one file, sent as
// multipart/form-data with the CSRF token, the body bound to one file's
// limit before anything is read.
func (h *handler) applyAttach(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, applyLimits.MaxBody(1))
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "附件无法读取：单个文件不超过 %s", fileSize(applyMaxSize())))
		return
	}
	defer r.MultipartForm.RemoveAll()
	if crossOrigin.Check(r) != nil || !csrfOK(r) {
		h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "表单已失效或来自其他网站，未处理。请返回上一页，刷新后重新提交。"))
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		h.afterPost(w, r, u, "", huiqi.Errorf(huiqi.EINVALID, "请选择要上传的文件"))
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, applyMaxSize()+1))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	_, err = h.applications().Attach(r.Context(), u, r.PathValue("id"), hdr.Filename, data)
	h.afterPost(w, r, u, "attached", err)
}

// applyRemove answers POST /applications/{id}/files/{fid}/delete.
func (h *handler) applyRemove(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok || !h.postedForm(w, r) {
		return
	}
	err := h.applications().Remove(r.Context(), u, r.PathValue("id"), r.PathValue("fid"))
	h.afterPost(w, r, u, "removed", err)
}

// applyFile answers GET /applications/{id}/files/{fid}: the file, for its
// applicant and the reviewers within the application's region, always as
// a download under its sanitised name, never shown inline.
func (h *handler) applyFile(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	att, data, err := h.applications().File(r.Context(), u, r.PathValue("id"), r.PathValue("fid"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", att.ContentType)
	hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": att.Name}))
	hd.Set("Content-Length", strconv.Itoa(len(data)))
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	hd.Set("Cache-Control", "private, no-store")
	_, _ = w.Write(data)
}
