package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

// findDates returns the signing date and the portal publication date, each only
// where the text (or the container's hints) states it.
func findDates(text string, head int, fields map[string]string, h huiqi.Hints) (issued, published huiqi.Date) {
	for _, k := range []string{"发布日期", "发布时间"} {
		if ds := cnum.FindDates(fields[k]); len(ds) > 0 && ds[0].Date.Day > 0 {
			published = ds[0].Date
			break
		}
	}
	if published.IsZero() {
		published = h.PublishedOn
	}
	for _, k := range []string{"成文日期", "发文日期", "印发日期"} {
		if ds := cnum.FindDates(fields[k]); len(ds) > 0 && ds[0].Date.Day > 0 {
			return ds[0].Date, published
		}
	}
	if m := reAdopted.FindStringSubmatch(text[:head]); m != nil {
		if ds := cnum.FindDates(m[1]); len(ds) > 0 && ds[0].Date.Day > 0 {
			return ds[0].Date, published
		}
	}
	if d := signatureDate(text, head); !d.IsZero() {
		return d, published
	}
	return h.IssuedOn, published
}

var reSignedLine = regexp.MustCompile(`^[（(]?\s*$|^\s*[（(]?此件`)

// signatureDate finds the date a document was signed: a full date that follows
// an organisation name (same line or the line above), or stands alone on its
// line, in the header or at the end, or a closing "…日印发" line.
func signatureDate(text string, head int) huiqi.Date {
	tail := max(head, len(text)-2500)
	var found, printed huiqi.Date
	for _, dm := range cnum.FindDates(text) {
		if dm.Date.Day == 0 || (dm.Start > head && dm.Start < tail) {
			continue
		}
		before := text[max(0, dm.Start-200):dm.Start]
		lineBefore := afterLastAny(before, "\n")
		after := text[dm.End:min(len(text), dm.End+40)]
		lineAfter, _, _ := strings.Cut(after, "\n")
		signed := trailingOrg(strings.TrimSpace(afterLastAny(before, "\n。；;，,：:）)"))) != ""
		alone := strings.TrimSpace(lineBefore) == "" && (strings.TrimSpace(lineAfter) == "" || reSignedLine.MatchString(lineAfter) || strings.HasPrefix(strings.TrimSpace(lineAfter), "印发"))
		if alone && !signed {
			// A date alone on a line counts when the line above names the signer.
			prev := strings.TrimSpace(afterLastAny(strings.TrimRight(before, " \t\u3000\n"), "\n"))
			signed = orgLine(prev) != "" && utf8.RuneCountInString(prev) <= 40
		}
		if !signed {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(lineAfter), "印发") {
			// The date an office printed it ("…办公室2018年3月1日印发") stands in
			// only when no signature date is found.
			if printed.IsZero() {
				printed = dm.Date
			}
			continue
		}
		if dm.Start <= head {
			return dm.Date
		}
		found = dm.Date
	}
	if found.IsZero() {
		return printed
	}
	return found
}

var (
	reEffRelative = regexp.MustCompile(`自(?:印发|发布|公布|颁布)之日起(?:施行|实施|执行|生效)`)
	reEffFrom     = regexp.MustCompile(`自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起(?:施行|实施|执行|生效)`)
	reValidYears  = regexp.MustCompile(`(?:有效期|试行期?|执行期|实施期)(?:限)?(?:为|是|暂定|定为|暂定为)?\s*([0-9一二三四五六七八九十两]{1,3})\s*年`)
	reValidUntil  = regexp.MustCompile(`(?:有效期|执行期|实施期|期限)[^。；\n]{0,30}?至\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)`)
)

// readValidity reads when the policy takes effect and expires, where stated.
func readValidity(p *huiqi.Policy, d *doc) {
	text := d.text
	for _, s := range d.sentences {
		t := d.str(s)
		if !strings.Contains(t, "施行") && !strings.Contains(t, "实施") && !strings.Contains(t, "执行") && !strings.Contains(t, "有效期") && !strings.Contains(t, "生效") && !strings.Contains(t, "试行") {
			continue
		}
		if m := reEffFrom.FindStringSubmatch(t); m != nil && p.EffectiveOn.IsZero() {
			if ds := cnum.FindDates(m[1]); len(ds) > 0 {
				p.EffectiveOn = ds[0].Date
				p.ValidityText = t
			}
		} else if reEffRelative.MatchString(t) && p.EffectiveRule == "" {
			p.EffectiveRule = reEffRelative.FindString(t)
			p.ValidityText = t
			if p.EffectiveOn.IsZero() {
				p.EffectiveOn = p.IssuedOn
			}
		}
		if m := reValidUntil.FindStringSubmatch(t); m != nil {
			if ds := cnum.FindDates(m[1]); len(ds) > 0 {
				p.ExpiresOn = ds[0].Date
				p.ValidityText = t
			}
		} else if m := reValidYears.FindStringSubmatch(t); m != nil && !p.EffectiveOn.IsZero() {
			if n, ok := cnum.ParseNumber(m[1]); ok && n > 0 && n < 30 {
				p.ExpiresOn = addYears(p.EffectiveOn, int(n))
				p.ValidityText = t
			}
		}
	}
	_ = text
}

// addYears returns the last day of an n-year validity starting on d.
func addYears(d huiqi.Date, n int) huiqi.Date {
	t := dateTime(d).AddDate(n, 0, -1)
	return huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}
