package curate

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/huiqi-dev/huiqi"
)

// Changes are an officer's corrections to one version of a policy. Fields
// maps a field's path to its new value as typed: a policy field ("title",
// "doc_number", "issuers", "region_code", "issued_on", …) or an item's
// ("measures.2.amount_max", "targets.0.value", "tasks.1.lead_units"),
// items numbered from 0 in the base version (Fields lists them all). A
// value equal to the current one changes nothing. DeleteMeasures removes
// wrongly extracted measures, by the same numbers.
type Changes struct {
	Fields         map[string]string
	DeleteMeasures []int
	Note           string
}

// MaxNote bounds the note of a curation, in runes.
const MaxNote = 500

// Edit applies ch to version base of policy id and saves the result as a
// curated version by u: EFORBIDDEN unless u may curate the policy,
// ECONFLICT when base is no longer the latest version, EINVALID naming
// the first field whose value is wrong. The text and every span stay as
// extracted, pointing into the same Policy.Text. It returns the policy as
// stored.
func (s *Service) Edit(ctx context.Context, u *huiqi.User, id string, base int, ch Changes) (*huiqi.Policy, error) {
	p, err := s.allowed(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if p.Version != base {
		return nil, stale(id, base, p.Version)
	}
	if n := len([]rune(ch.Note)); n > MaxNote {
		return nil, huiqi.Errorf(huiqi.EINVALID, "说明（note）最多 %d 字，现有 %d 字", MaxNote, n)
	}
	base0 := *p
	base0.Measures = slices.Clone(p.Measures)
	changed, err := apply(p, ch)
	if err != nil {
		return nil, err
	}
	if err := s.keepRules(ctx, &base0, p, ch.DeleteMeasures); err != nil {
		return nil, err
	}
	region := regionOf(p)
	ev := s.entry(u, "policy.curate", "policy:"+id, region, map[string]any{
		"base": base, "changed": changed, "deleted_measures": ch.DeleteMeasures, "note": ch.Note})
	if _, err := s.Store.CuratePolicy(ctx, id, base, p, ch.Note, ev); err != nil {
		if huiqi.ErrorCode(err) == huiqi.ECONFLICT {
			return nil, stale(id, base, 0)
		}
		return nil, err
	}
	if s.Index != nil {
		if err := s.Index.Index(ctx, p); err != nil {
			return p, fmt.Errorf("curate: policy %s version %d saved, but the search index was not updated: %w", id, p.Version, err)
		}
	}
	return p, nil
}

// stale is the conflict of an edit made on an older version.
func stale(id string, base, latest int) error {
	if latest > 0 {
		return huiqi.Errorf(huiqi.ECONFLICT, "政策 %s 已有更新的第 %d 版，您修改的是第 %d 版：请重新打开核对页面，在最新版本上修改", id, latest, base)
	}
	return huiqi.Errorf(huiqi.ECONFLICT, "政策 %s 在您修改期间已被他人保存为新版本（您修改的是第 %d 版）：请重新打开核对页面，在最新版本上修改", id, base)
}

// apply sets every field of ch on p, removes the deleted measures and
// checks the result; it returns the paths whose value changed, sorted.
func apply(p *huiqi.Policy, ch Changes) ([]string, error) {
	keys := make([]string, 0, len(ch.Fields))
	for k := range ch.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var changed []string
	for _, k := range keys {
		f, err := lookup(p, k)
		if err != nil {
			return nil, err
		}
		if normalise(f.get()) == normalise(ch.Fields[k]) {
			continue
		}
		if err := f.set(normalise(ch.Fields[k])); err != nil {
			return nil, huiqi.Errorf(huiqi.EINVALID, "%s：%v", k, err)
		}
		changed = append(changed, k)
	}
	drop := map[int]bool{}
	for _, i := range ch.DeleteMeasures {
		if i < 0 || i >= len(p.Measures) {
			return nil, huiqi.Errorf(huiqi.EINVALID, "measures.%d：没有这项措施可删除", i)
		}
		drop[i] = true
	}
	if err := check(p, drop); err != nil {
		return nil, err
	}
	deleteMeasures(p, drop)
	return changed, nil
}

// deleteMeasures removes the measures numbered (from 0) in drop.
func deleteMeasures(p *huiqi.Policy, drop map[int]bool) {
	kept := p.Measures[:0:0]
	for i, m := range p.Measures {
		if !drop[i] {
			kept = append(kept, m)
		}
	}
	p.Measures = slices.Clip(kept)
}
