package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/diff"
)

// diffPage is the data of the version comparison page.
type diffPage struct {
	ID string
	R  diff.Result
}

// diff answers GET /policies/{id}/diff?from=N&to=M.
func (h *handler) diff(w http.ResponseWriter, r *http.Request) {
	from, err1 := optionalInt(r, "from")
	to, err2 := optionalInt(r, "to")
	if err := firstErr(err1, err2); err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := api.Diff(r.Context(), h.store, r.PathValue("id"), from, to)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "diff", page{Title: "版本对比 - " + res.Title, Data: diffPage{ID: res.ID, R: res}})
}

func optionalInt(r *http.Request, name string) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, huiqi.Errorf(huiqi.EINVALID, "参数 %s 的值 %q 无效，应为正整数", name, s)
	}
	return n, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
