package api

import (
	"context"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// contentTypes maps the stored formats to media types.
var contentTypes = map[string]string{
	"txt":   "text/plain",
	"md":    "text/markdown",
	"html":  "text/html",
	"pdf":   "application/pdf",
	"docx":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"jsonl": "application/jsonl",
}

// original answers GET /api/v1/policies/{id}/original: the file as received.
func (h *handler) original(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	p.only("version")
	version := p.intIn("version", 0, 1, 1<<30)
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	src, raw, err := OriginalFile(r.Context(), h.store, r.PathValue("id"), version)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	WriteOriginal(w, src, raw)
}

// OriginalFile returns the stored file of a version, the latest when version is 0.
func OriginalFile(ctx context.Context, s huiqi.PolicyStore, id string, version int) (huiqi.Source, []byte, error) {
	if version == 0 {
		vs, err := s.ListVersions(ctx, id)
		if err != nil {
			return huiqi.Source{}, nil, err
		} else if len(vs) == 0 {
			return huiqi.Source{}, nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
		}
		version = vs[len(vs)-1].Version
	}
	return s.OriginalFile(ctx, id, version)
}

// WriteOriginal sends a stored file as an attachment under its original name.
// The headers keep a browser from running stored HTML in our origin.
func WriteOriginal(w http.ResponseWriter, src huiqi.Source, raw []byte) {
	ct, ok := contentTypes[strings.ToLower(src.Format)]
	if !ok {
		ct = "application/octet-stream"
	}
	if strings.HasPrefix(ct, "text/") && src.Encoding != "" {
		ct = mime.FormatMediaType(ct, map[string]string{"charset": src.Encoding})
	}
	name := src.FileName
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		name = "original." + src.Format
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(raw)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "sandbox")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(raw)
}
