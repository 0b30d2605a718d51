package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// formRequest is the body of POST /api/v1/applications/{id}/form.
type formRequest struct {
	Revision int               `json:"revision"`
	Form     map[string]string `json:"form"`
}

// pathValue reads a path parameter of at most 64 characters.
func pathValue(r *http.Request, name string) (string, error) {
	v := r.PathValue(name)
	if len(v) > 64 {
		return "", huiqi.Errorf(huiqi.EINVALID, "parameter %s: longer than 64 characters", name)
	}
	return v, nil
}

// saveApplicationForm answers POST /api/v1/applications/{id}/form: the
// applicant's answers saved on a draft or returned application as of the
// revision read (409 when another change came first).
func (h *handler) saveApplicationForm(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	id, err := pathValue(r, "id")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var req formRequest
	if err := readBody(w, r, &req, `{"revision": 3, "form": {"contact_name": "…"}}`); err != nil {
		h.writeError(w, r, err)
		return
	}
	switch {
	case req.Revision < 1:
		err = huiqi.Errorf(huiqi.EINVALID, "field revision: required, the revision the form was read at (1 or more)")
	case len(req.Form) == 0:
		err = huiqi.Errorf(huiqi.EINVALID, "field form: required, the answers to save")
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	a, err := h.apps.Save(r.Context(), u, id, req.Revision, req.Form)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, a)
}

// attachApplicationFile answers POST /api/v1/applications/{id}/files: one
// file as the part "file" of a multipart/form-data body, bound to one
// file's limit before anything is read and checked by upload.Check.
func (h *handler) attachApplicationFile(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	id, err := pathValue(r, "id")
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	// Those who may not see the application are told so before the body
	// is read.
	if _, err := h.apps.Get(r.Context(), u, id); err != nil {
		h.writeError(w, r, err)
		return
	}
	name, data, err := h.readFile(w, r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	att, err := h.apps.Attach(r.Context(), u, id, name, data)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", Prefix+"applications/"+id+"/files/"+att.ID)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, att)
}

// readFile reads the one part "file" of a multipart/form-data body of at
// most upload's bound for one file.
func (h *handler) readFile(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return "", nil, huiqi.Errorf(huiqi.EUNSUPPORTED, "content type %q: want multipart/form-data with one part named file", r.Header.Get("Content-Type"))
	}
	limit := h.apps.Limits.MaxBody(1)
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, huiqi.Errorf(huiqi.EINVALID, "body: %v", err)
	}
	var name string
	var data []byte
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			return "", nil, bodyError(err, limit)
		}
		if p.FormName() != "file" || p.FileName() == "" || data != nil {
			return "", nil, huiqi.Errorf(huiqi.EINVALID, "body: part %q: want exactly one part, named file, with a file name", p.FormName())
		}
		name = p.FileName()
		if data, err = io.ReadAll(p); err != nil {
			return "", nil, bodyError(err, limit)
		}
	}
	if data == nil {
		return "", nil, huiqi.Errorf(huiqi.EINVALID, "body: no part named file")
	}
	return name, data, nil
}

// bodyError is the error of a body that could not be read.
func bodyError(err error, limit int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return huiqi.Errorf(huiqi.EINVALID, "body: larger than %d bytes (one file per request)", limit)
	}
	return huiqi.Errorf(huiqi.EINVALID, "body: %v", err)
}

// applicationFile answers GET /api/v1/applications/{id}/files/{fid}: the
// file, for its applicant and the reviewers within the application's
// region, always as a download, never to be sniffed or shown inline.
func (h *handler) applicationFile(w http.ResponseWriter, r *http.Request) {
	u, id, fid, err := h.fileCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	att, data, err := h.apps.File(r.Context(), u, id, fid)
	if err != nil {
		h.writeError(w, r, err)
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

// removeApplicationFile answers DELETE /api/v1/applications/{id}/files/{fid}
// with the application as it now stands.
func (h *handler) removeApplicationFile(w http.ResponseWriter, r *http.Request) {
	u, id, fid, err := h.fileCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.apps.Remove(r.Context(), u, id, fid); err != nil {
		h.writeError(w, r, err)
		return
	}
	a, err := h.apps.Get(r.Context(), u, id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, a)
}

// fileCaller returns the caller and the application's and file's IDs.
func (h *handler) fileCaller(r *http.Request) (u *huiqi.User, id, fid string, err error) {
	if u, err = h.applicationCaller(r); err != nil {
		return nil, "", "", err
	}
	if id, err = pathValue(r, "id"); err != nil {
		return nil, "", "", err
	}
	if fid, err = pathValue(r, "fid"); err != nil {
		return nil, "", "", err
	}
	return u, id, fid, nil
}
