package portal

import "fmt"

// certView is one certification row of the form.
type certView struct {
	Index                       int
	Prefix                      string // certifications[i]
	ID                          string
	Name, Level, Since, Until   string
	NameErr, SinceErr, UntilErr string
	LevelErr                    string
}

// certViews are the saved certifications, then blank rows to add more.
func (fv *formValues) certViews() []certView {
	var out []certView
	for i, c := range fv.e.Certifications {
		cv := fv.certView(i)
		cv.Name, cv.Level = c.Name, c.Level
		if !c.Since.IsZero() {
			cv.Since = c.Since.String()
		}
		if !c.Until.IsZero() {
			cv.Until = c.Until.String()
		}
		out = append(out, fv.typed(cv))
	}
	// rows that were posted with problems but not read (no name) come back
	for i := len(out); fv.hasRow(i); i++ {
		out = append(out, fv.typed(fv.certView(i)))
	}
	for range blankCertRows {
		if len(out) >= maxCertRows {
			break
		}
		out = append(out, fv.certView(len(out)))
	}
	return out
}

func (fv *formValues) certView(i int) certView {
	p := fmt.Sprintf("certifications[%d]", i)
	return certView{Index: i, Prefix: p, ID: fieldID(p), NameErr: fv.errors[p+".name"],
		SinceErr: fv.errors[p+".since"], UntilErr: fv.errors[p+".until"], LevelErr: fv.errors[p+".level"]}
}

// typed puts back the dates of a row that could not be read.
func (fv *formValues) typed(cv certView) certView {
	if s, ok := fv.entered[cv.Prefix+".since"]; ok {
		cv.Since = s
	}
	if s, ok := fv.entered[cv.Prefix+".until"]; ok {
		cv.Until = s
	}
	return cv
}

// hasRow: row i was posted with something the profile could not keep.
func (fv *formValues) hasRow(i int) bool {
	p := fmt.Sprintf("certifications[%d]", i)
	return fv.errors[p+".name"] != "" || fv.entered[p+".since"] != "" || fv.entered[p+".until"] != ""
}
