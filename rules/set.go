package rules

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"go.yaml.in/yaml/v3"
)

// Set is a rule set: one qualification or measure with its versions.
type Set struct {
	ID     string
	Name   string
	Kind   string // qualification or measure
	Region string // GB/T 2260 code where it applies; 100000 nationwide
	Source huiqi.Citation
	// Versions are in the order written; their periods do not overlap.
	Versions []*Version
	// File is the name the set was parsed from, for messages.
	File string
}

// Version is a rule set's content in force from From to To (inclusive;
// a zero To is open).
type Version struct {
	Name     string
	From, To huiqi.Date
	Source   huiqi.Citation
	set      *Set
	spec     *versionSpec
}

// Kinds of rule sets.
const (
	KindQualification = "qualification"
	KindMeasure       = "measure"
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Parse reads a rule file; file names it in errors ("gaoxin.yaml:41: …").
func Parse(file string, data []byte) (*Set, error) {
	s, err := parse(file, data)
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s", located(file, err))
	}
	return s, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?(?:unmarshal errors:\s*)?line (\d+): `)

// located turns "line 12: msg" into "file:12: msg".
func located(file string, err error) string {
	msg := strings.TrimSpace(err.Error())
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return file + ":" + m[1] + ": " + msg[len(m[0]):]
	}
	return file + ": " + msg
}

// MaxFileSize bounds a rule file; the largest national set is under 20 KB.
const MaxFileSize = 1 << 20

func parse(file string, data []byte) (*Set, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("rule file of %d bytes: at most %d", len(data), MaxFileSize)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	if root.Kind == 0 {
		return nil, fmt.Errorf("empty rule file")
	}
	if err := checkKeys(&root, reflect.TypeFor[setSpec]()); err != nil {
		return nil, err
	}
	var sp setSpec
	if err := root.Decode(&sp); err != nil {
		return nil, err
	}
	s := &Set{ID: sp.ID, Name: sp.Name, Kind: sp.Kind, Region: sp.Region, Source: citation(sp.Source), File: file}
	if err := s.checkHead(); err != nil {
		return nil, err
	}
	for _, vs := range sp.Versions {
		v := &Version{Name: vs.Version, From: vs.EffectiveFrom.d, To: vs.EffectiveTo.d, set: s, spec: vs}
		v.Source = merge(s.Source, citation(vs.Source))
		if err := v.check(); err != nil {
			return nil, err
		}
		s.Versions = append(s.Versions, v)
	}
	return s, s.checkPeriods()
}

func (s *Set) checkHead() error {
	switch {
	case !idPattern.MatchString(s.ID):
		return fmt.Errorf("id %q: want lower-case letters, digits and _", s.ID)
	case s.Name == "":
		return fmt.Errorf("name is required")
	case s.Kind != KindQualification && s.Kind != KindMeasure:
		return fmt.Errorf("kind %q: want qualification or measure", s.Kind)
	case s.Source.Title == "":
		return fmt.Errorf("source.title is required: every rule cites its source")
	}
	if s.Region == "" {
		s.Region = region.National.Code
	}
	if _, ok := region.Lookup(s.Region); !ok && s.Region != region.National.Code {
		return fmt.Errorf("region %q: not a GB/T 2260 code", s.Region)
	}
	return nil
}

// checkPeriods requires versions and forbids overlapping periods.
func (s *Set) checkPeriods() error {
	if len(s.Versions) == 0 {
		return fmt.Errorf("versions: at least one is required")
	}
	for i, a := range s.Versions {
		for _, b := range s.Versions[i+1:] {
			if a.Name == b.Name {
				return fmt.Errorf("line %d: version %q repeated", b.spec.line, b.Name)
			}
			if overlaps(a, b) {
				return fmt.Errorf("line %d: version %q overlaps version %q", b.spec.line, b.Name, a.Name)
			}
		}
	}
	return nil
}

func overlaps(a, b *Version) bool {
	aEndsBefore := !a.To.IsZero() && dateCmp(a.To, b.From) < 0
	bEndsBefore := !b.To.IsZero() && dateCmp(b.To, a.From) < 0
	return !aEndsBefore && !bEndsBefore
}

// At returns the version in force on d.
func (s *Set) At(d huiqi.Date) (*Version, bool) {
	for _, v := range s.Versions {
		if dateCmp(v.From, d) <= 0 && (v.To.IsZero() || dateCmp(d, v.To) <= 0) {
			return v, true
		}
	}
	return nil, false
}

func citation(s huiqiSource) huiqi.Citation {
	return huiqi.Citation{Title: s.Title, Number: s.Number, Clause: s.Clause, URL: s.URL, Note: s.Note}
}

// merge lays a version's citation over the set's.
func merge(base, over huiqi.Citation) huiqi.Citation {
	for _, p := range []struct {
		dst *string
		src string
	}{
		{&base.Title, over.Title}, {&base.Number, over.Number}, {&base.Clause, over.Clause},
		{&base.URL, over.URL}, {&base.Note, over.Note},
	} {
		if p.src != "" {
			*p.dst = p.src
		}
	}
	return base
}
