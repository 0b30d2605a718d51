package profile

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Check loads, normalises and validates one profile file, as of asOf (zero:
// no date is compared with a day). It returns the normalised profile and the
// warnings of Normalize; the error is Problems naming name and the line of
// each field. A profile with problems is still returned when it could be read.
func Check(name string, data []byte, asOf huiqi.Date) (*huiqi.Enterprise, Problems, error) {
	e, lines, err := load(name, data)
	if err != nil {
		return nil, nil, err
	}
	warn := withLines(Normalize(e), name, lines)
	if err := ValidateAsOf(e, asOf); err != nil {
		return e, warn, withLines(err.(Problems), name, lines)
	}
	return e, warn, nil
}

// withLines sets the file of each problem and the line of its field, or of
// the closest enclosing field the file wrote.
func withLines(ps Problems, name string, lines map[string]int) Problems {
	for i := range ps {
		ps[i].File = name
		for p := ps[i].Path; p != "" && ps[i].Line == 0; p = parent(p) {
			ps[i].Line = lines[p]
		}
	}
	return ps
}

// parent drops the last step of a path: a.b[1].c → a.b[1] → a.b → a → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}
