package api

import (
	"context"
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/diff"
)

// diffJSON is the body of GET /api/v1/policies/{id}/diff.
type diffJSON struct {
	ID         string       `json:"id"`
	OldVersion int          `json:"from"`
	NewVersion int          `json:"to"`
	Title      string       `json:"title"`
	Fields     []fieldJSON  `json:"fields"`
	Measures   []changeJSON `json:"measures"`
	Targets    []changeJSON `json:"targets"`
	Tasks      []changeJSON `json:"tasks"`
	Hunks      []hunkJSON   `json:"hunks"`
}

type fieldJSON struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

type changeJSON struct {
	Op     string      `json:"op"`
	Old    any         `json:"old"`
	New    any         `json:"new"`
	Fields []fieldJSON `json:"fields"`
}

type hunkJSON struct {
	OldStart int        `json:"old_start"`
	OldLines int        `json:"old_lines"`
	NewStart int        `json:"new_start"`
	NewLines int        `json:"new_lines"`
	Clause   string     `json:"clause"`
	Lines    []lineJSON `json:"lines"`
}

type lineJSON struct {
	Op   string `json:"op"` // " ", "-", "+"
	Text string `json:"text"`
}

// diff answers GET /api/v1/policies/{id}/diff?from=N&to=M; by default the
// latest version against the one before.
func (h *handler) diff(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	p.only("from", "to")
	from, to := p.intIn("from", 0, 1, 1<<30), p.intIn("to", 0, 1, 1<<30)
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	res, err := Diff(r.Context(), h.store, r.PathValue("id"), from, to)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, toDiffJSON(res))
}

// Diff compares two versions of a policy: to defaults to the latest, from
// to the one before to.
func Diff(ctx context.Context, s huiqi.PolicyStore, id string, from, to int) (diff.Result, error) {
	newer, err := FindPolicy(ctx, s, id, to)
	if err != nil {
		return diff.Result{}, err
	}
	if from == 0 {
		from = newer.Version - 1
	}
	if from < 1 {
		return diff.Result{}, huiqi.Errorf(huiqi.EINVALID, "policy %s has only version %d: nothing to compare", newer.ID, newer.Version)
	}
	older, err := s.FindPolicyVersion(ctx, newer.ID, from)
	if err != nil {
		return diff.Result{}, err
	}
	return diff.Policies(older, newer), nil
}

func toDiffJSON(r diff.Result) diffJSON {
	out := diffJSON{ID: r.ID, OldVersion: r.OldVersion, NewVersion: r.NewVersion, Title: r.Title,
		Fields: toFields(r.Fields), Measures: changes(r.Measures), Targets: changes(r.Targets),
		Tasks: changes(r.Tasks), Hunks: []hunkJSON{}}
	for _, hk := range r.Hunks {
		j := hunkJSON{OldStart: hk.OldStart, OldLines: hk.OldLines, NewStart: hk.NewStart,
			NewLines: hk.NewLines, Clause: hk.Clause, Lines: []lineJSON{}}
		for _, l := range hk.Lines {
			j.Lines = append(j.Lines, lineJSON{Op: string(l.Op), Text: l.Text})
		}
		out.Hunks = append(out.Hunks, j)
	}
	return out
}

func toFields(fs []diff.FieldChange) []fieldJSON {
	out := []fieldJSON{}
	for _, f := range fs {
		out = append(out, fieldJSON{Field: f.Field, Old: f.Old, New: f.New})
	}
	return out
}

// changes converts measure, target or task changes; a nil side stays null.
func changes[T any](cs []diff.Change[T]) []changeJSON {
	out := []changeJSON{}
	for _, c := range cs {
		j := changeJSON{Op: string(c.Op), Fields: toFields(c.Fields)}
		if c.Old != nil {
			j.Old = c.Old
		}
		if c.New != nil {
			j.New = c.New
		}
		out = append(out, j)
	}
	return out
}
