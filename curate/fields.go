package curate

import (
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// field is one editable value: its current value as shown in the form,
// and how a typed value is read into the policy.
type field struct {
	get func() string
	set func(string) error
}

// normalise trims what a form adds around a value.
func normalise(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }

// lookup finds the field at path in p: EINVALID for a path no field has.
func lookup(p *huiqi.Policy, path string) (field, error) {
	if f, ok := policyFields(p)[path]; ok {
		return f, nil
	}
	section, rest, _ := strings.Cut(path, ".")
	num, name, _ := strings.Cut(rest, ".")
	i, err := strconv.Atoi(num)
	var fs map[string]field
	switch {
	case err != nil || i < 0:
	case section == "measures" && i < len(p.Measures):
		fs = measureFields(&p.Measures[i])
	case section == "targets" && i < len(p.Targets):
		fs = targetFields(&p.Targets[i])
	case section == "tasks" && i < len(p.Tasks):
		fs = taskFields(&p.Tasks[i])
	}
	if f, ok := fs[name]; ok {
		return f, nil
	}
	return field{}, huiqi.Errorf(huiqi.EINVALID, "%s：没有这个字段", path)
}

// text is a field of free text.
func text(s *string) field {
	return field{get: func() string { return *s }, set: func(v string) error { *s = v; return nil }}
}

// date is a field of a date, YYYY-MM-DD or empty.
func date(d *huiqi.Date) field {
	return field{get: d.String, set: func(v string) error {
		x, err := huiqi.ParseDate(v)
		if err != nil {
			return errorf("日期 %q 无效，应为 YYYY-MM-DD", v)
		}
		if !x.Valid() {
			return errorf("日期 %q 不存在", v)
		}
		*d = x
		return nil
	}}
}

// list is a field of names separated by 、, commas or new lines.
func list(l *[]string) field {
	return field{get: func() string { return strings.Join(*l, "、") }, set: func(v string) error {
		*l = splitNames(v)
		return nil
	}}
}

func splitNames(v string) []string {
	out := []string{}
	for _, s := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("、,，;；\n", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// policyFields are the metadata of p.
func policyFields(p *huiqi.Policy) map[string]field {
	return map[string]field{
		"title": text(&p.Title), "doc_number": text(&p.DocNumber), "doc_type": text(&p.DocType),
		"issuers": list(&p.Issuers), "issued_on": date(&p.IssuedOn), "published_on": date(&p.PublishedOn),
		"effective_on": date(&p.EffectiveOn), "expires_on": date(&p.ExpiresOn),
		"validity_text": text(&p.ValidityText), "region_code": regionField(p),
	}
}

// regionField is the policy's GB/T 2260 code; empty for none.
func regionField(p *huiqi.Policy) field {
	return field{get: func() string { return regionOf(p) }, set: func(v string) error {
		if v == "" {
			p.Region = nil
			return nil
		}
		r, ok := region.Lookup(v)
		if !ok {
			return errorf("行政区划代码 %q 不存在（应为 GB/T 2260 的六位代码）", v)
		}
		p.Region = &huiqi.Region{Code: r.Code, Name: r.Name}
		return nil
	}}
}

// Values returns the current value of every field an officer may edit in
// p, by path, as Changes.Fields takes them: the form shows these, and a
// value posted back unchanged changes nothing.
func Values(p *huiqi.Policy) map[string]string {
	out := map[string]string{}
	add := func(prefix string, fs map[string]field) {
		for name, f := range fs {
			out[prefix+name] = f.get()
		}
	}
	add("", policyFields(p))
	for i := range p.Measures {
		add("measures."+strconv.Itoa(i)+".", measureFields(&p.Measures[i]))
	}
	for i := range p.Targets {
		add("targets."+strconv.Itoa(i)+".", targetFields(&p.Targets[i]))
	}
	for i := range p.Tasks {
		add("tasks."+strconv.Itoa(i)+".", taskFields(&p.Tasks[i]))
	}
	return out
}
