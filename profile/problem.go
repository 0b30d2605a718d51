package profile

import (
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Problem is one thing wrong with a profile.
type Problem struct {
	File string // the file's name, "" when the profile came from elsewhere
	Line int    // the line in the file, 0 when not known
	Path string // the field, as financials[1].revenue_yuan; "" for the whole profile
	Msg  string
}

// String formats p as FILE:LINE: PATH: MSG, leaving out what is unknown.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in one or more profiles. It is an error
// whose code (huiqi.ErrorCode) is huiqi.EINVALID.
type Problems []Problem

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// As lets errors.As find a *huiqi.Error of code EINVALID holding the list.
func (ps Problems) As(target any) bool {
	if e, ok := target.(**huiqi.Error); ok {
		*e = &huiqi.Error{Code: huiqi.EINVALID, Message: ps.Error()}
		return true
	}
	return false
}

// WithFile returns the problems with File set where it is empty.
func (ps Problems) WithFile(name string) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		if p.File == "" {
			p.File = name
		}
		out[i] = p
	}
	return out
}

// err returns ps as an error, nil when there are none.
func (ps Problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// add records a problem at path.
func (ps *Problems) add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}
