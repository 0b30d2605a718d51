package portal

import (
	"context"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
	"github.com/huiqi-dev/huiqi/propose"
)

// curation returns the service of 政策核对 over the portal's store and
// index; nil when the store keeps no curations.
func (h *handler) curation() *curate.Service {
	st, ok := h.store.(curate.Store)
	if !ok {
		return nil
	}
	return &curate.Service{Store: st, Index: h.index, Now: h.now}
}

// curationMarks say what of a policy page officers checked: the version
// history's 机器抽取 / 人工核对 labels with the officers' names, and the
// measures marked 已人工核对 — all of a curated version's, and those whose
// rule was published.
type curationMarks struct {
	// Curated: the version shown was curated.
	Curated bool
	// Labels say who made each version: 机器抽取, or 人工核对（姓名，时间，说明）.
	Labels map[int]string
	// Rules holds the amount spans of the measures with a published rule.
	Rules map[huiqi.Span]bool
}

// curationMarksOf reads the marks of p's page; what cannot be read is
// left unmarked rather than failing the public page.
func (h *handler) curationMarksOf(ctx context.Context, p *huiqi.Policy, versions []huiqi.VersionInfo) curationMarks {
	cm := curationMarks{Labels: h.versionLabels(ctx, versions), Rules: map[huiqi.Span]bool{}}
	for _, v := range versions {
		cm.Curated = cm.Curated || v.Version == p.Version && v.CuratedBy != ""
	}
	st, ok := h.store.(huiqi.CurationStore)
	if !ok {
		return cm
	}
	rules, err := st.CuratedRules(ctx)
	if err != nil {
		h.log.Warn("portal: curated rules", "err", err)
		return cm
	}
	published := map[string]bool{}
	for _, r := range rules {
		if r.PolicyID == p.ID {
			published[r.MeasureID] = true
		}
	}
	if len(published) > 0 {
		for i, pr := range propose.Propose(p) {
			if published[pr.ID] && i < len(p.Measures) {
				cm.Rules[p.Measures[i].AmountSpan] = true
			}
		}
	}
	return cm
}

// versionLabels say who made each version: 机器抽取, or 人工核对（姓名，
// 时间，说明）.
func (h *handler) versionLabels(ctx context.Context, versions []huiqi.VersionInfo) map[int]string {
	out := map[int]string{}
	names := map[string]string{}
	for _, v := range versions {
		if v.CuratedBy == "" {
			out[v.Version] = "机器抽取"
			continue
		}
		if _, done := names[v.CuratedBy]; !done {
			names[v.CuratedBy] = h.staffName(ctx, v.CuratedBy)
		}
		label := "人工核对（" + names[v.CuratedBy] + "，" + v.CreatedAt.In(chinaTime).Format("2006-01-02 15:04")
		if v.Note != "" {
			label += "，" + excerpt(60, v.Note)
		}
		out[v.Version] = label + "）"
	}
	return out
}

// staffName is the display name of the user id, "专员" when unknown.
func (h *handler) staffName(ctx context.Context, id string) string {
	if h.plat == nil || h.plat.Users == nil {
		return "专员"
	}
	u, err := h.plat.Users.FindUser(ctx, id)
	if err != nil {
		return "专员"
	}
	return displayName(u)
}
