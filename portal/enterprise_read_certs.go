package portal

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// certRows is how many certification rows the form posted, at most maxCertRows.
func certRows(v url.Values) int {
	n, err := strconv.Atoi(v.Get("cert_rows"))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, maxCertRows)
}

// readCerts reads the certification rows, numbered as the profile lists
// them: the rows with a name first; a row with dates but no name is kept
// as entered after them, with a problem. "certs_none" checked with no rows
// says the enterprise holds none (rules then answer unmet, not unknown).
func (f *formRead) readCerts(v url.Values) {
	type row struct{ name, level, since, until string }
	var unnamed []row
	for i := range certRows(v) {
		p := fmt.Sprintf("certifications[%d]", i)
		r := row{strings.TrimSpace(v.Get(p + ".name")), v.Get(p + ".level"), strings.TrimSpace(v.Get(p + ".since")), strings.TrimSpace(v.Get(p + ".until"))}
		if r.name == "" {
			if r.since != "" || r.until != "" {
				unnamed = append(unnamed, r)
			}
			continue
		}
		p = fmt.Sprintf("certifications[%d]", len(f.e.Certifications))
		c := huiqi.Certification{Name: r.name, Level: r.level}
		c.Since = f.certDate(p+".since", r.since)
		c.Until = f.certDate(p+".until", r.until)
		f.e.Certifications = append(f.e.Certifications, c)
	}
	for i, r := range unnamed {
		p := fmt.Sprintf("certifications[%d]", len(f.e.Certifications)+i)
		f.fail(p+".name", "", "请选择资质名称")
		f.entered[p+".since"], f.entered[p+".until"] = r.since, r.until
	}
	if len(f.e.Certifications) == 0 && v.Get("certs_none") == "yes" {
		f.e.Certifications = []huiqi.Certification{}
	}
}

func (f *formRead) certDate(path, raw string) huiqi.Date {
	if raw == "" {
		return huiqi.Date{}
	}
	d, ok := parseDate(raw)
	if !ok {
		f.fail(path, raw, "日期格式应为 年-月-日，如 2023-11-01")
	}
	return d
}
