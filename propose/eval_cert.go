package propose

import (
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// held reports the certifications named by c and valid on as_of; known is
// false when the profile lists none at all (unknown, not "none held").
func (ctx *evalCtx) held(c *Cond) (certs []huiqi.Certification, known bool) {
	if ctx.e.Certifications == nil {
		ctx.miss("certifications", "已获资质（认定）")
		return nil, false
	}
	for _, h := range ctx.e.Certifications {
		if h.Name != c.Cert || c.Level != "" && h.Level != c.Level {
			continue
		}
		if !h.Since.IsZero() && before(ctx.asOf, h.Since) || !h.Until.IsZero() && before(h.Until, ctx.asOf) {
			continue
		}
		certs = append(certs, h)
	}
	return certs, true
}

func (ctx *evalCtx) certified(c *Cond) huiqi.Status {
	certs, ok := ctx.held(c)
	if !ok {
		return huiqi.Unknown
	}
	return boolStatus(len(certs) > 0)
}

// newlyCertified: the latest such certification held was granted on or
// after the policy's window start and no earlier than a year before as_of.
func (ctx *evalCtx) newlyCertified(c *Cond) huiqi.Status {
	certs, ok := ctx.held(c)
	if !ok {
		return huiqi.Unknown
	}
	var latest huiqi.Date
	for _, h := range certs {
		if h.Since.IsZero() {
			if ctx.quiet {
				return huiqi.Unknown
			}
			return ctx.miss(fmt.Sprintf("certifications[%s].since", h.Name), h.Name+"认定日期")
		}
		if before(latest, h.Since) {
			latest = h.Since
		}
	}
	if latest.IsZero() {
		return huiqi.Unmet
	}
	if !c.Since.IsZero() && before(latest, c.Since) {
		return huiqi.Unmet
	}
	return boolStatus(!before(latest, yearBefore(ctx.asOf)))
}

// yearBefore is d − 1年 as the rule language reckons it: 2024-02-29 → 2023-02-28.
func yearBefore(d huiqi.Date) huiqi.Date {
	out := huiqi.Date{Year: d.Year - 1, Month: d.Month, Day: d.Day}
	if d.Month == 2 && d.Day == 29 {
		out.Day = 28
	}
	return out
}

func fieldPath(y int, field string) string { return fmt.Sprintf("financials[%d].%s", y, field) }

func fieldLabel(y int, field string) string {
	return fmt.Sprintf("%d年%s", y, map[string]string{"revenue_yuan": "营业收入", "rd_expense_yuan": "研发费用"}[field])
}

func dedupe(fs []huiqi.Field) []huiqi.Field {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		if !seen[f.Path] {
			seen[f.Path] = true
			out = append(out, f)
		}
	}
	return out
}
