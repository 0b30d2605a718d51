package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"time"

	"github.com/huiqi-dev/huiqi"
	"go.yaml.in/yaml/v3"
)

// Case is one test case of a rule file: a profile as of a date, and the
// answers expected of some rule sets.
type Case struct {
	File    string
	Line    int
	Name    string
	AsOf    huiqi.Date
	Profile *huiqi.Enterprise
	Expect  map[string]*Expect // by rule set id
}

// Expect is what a case expects of one rule set. Only what is given is
// compared.
type Expect struct {
	Status      huiqi.Verdict           `yaml:"status"`
	Conditions  map[string]huiqi.Status `yaml:"conditions"`
	Ask         []string                `yaml:"ask"`
	Amount      []int64                 `yaml:"amount"`
	EarliestMet dateSpec                `yaml:"earliest_met"`
	Outlook     *OutlookExpect          `yaml:"outlook"`
}

// OutlookExpect is what a case expects of a rule set's outlook (Set.Outlook).
type OutlookExpect struct {
	Growth   string              `yaml:"growth"` // the assumption: last_year (default) or none
	Status   huiqi.OutlookStatus `yaml:"status"`
	Earliest dateSpec            `yaml:"earliest"`
	Possible dateSpec            `yaml:"possible"`
	// MetOn: by condition id, the first date it is met; null: not within
	// the horizon.
	MetOn map[string]dateSpec `yaml:"met_on"`
	// NeedYuan: by condition id, the yuan its need requires.
	NeedYuan map[string]int64 `yaml:"need_yuan"`
	// LostOn: by condition id, the first date a condition met today is no
	// longer met under the assumption.
	LostOn map[string]dateSpec `yaml:"lost_on"`
}

type caseSpec struct {
	Name        string             `yaml:"name"`
	AsOf        dateSpec           `yaml:"as_of"`
	ProfileFile string             `yaml:"profile_file"`
	Profile     map[string]any     `yaml:"profile"`
	Expect      map[string]*Expect `yaml:"expect"`
	line        int
}

func (c *caseSpec) UnmarshalYAML(n *yaml.Node) error {
	type plain caseSpec
	c.line = n.Line
	return n.Decode((*plain)(c))
}

func (c *caseSpec) keepsLine() {}

// ParseCases reads a test case file; profile files are read from fsys
// relative to it.
func ParseCases(fsys fs.FS, file string) ([]*Case, error) {
	cases, err := parseCases(fsys, file)
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s", located(file, err))
	}
	return cases, nil
}

func parseCases(fsys fs.FS, file string) ([]*Case, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("case file of %d bytes: at most %d", len(data), MaxFileSize)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	if err := checkKeys(&root, reflect.TypeFor[[]*caseSpec]()); err != nil {
		return nil, err
	}
	var specs []*caseSpec
	if err := root.Decode(&specs); err != nil {
		return nil, err
	}
	var out []*Case
	for _, s := range specs {
		c, err := s.build(fsys, path.Dir(file))
		if err != nil {
			return nil, fmt.Errorf("line %d: case %q: %v", s.line, s.Name, err)
		}
		c.File = file
		out = append(out, c)
	}
	return out, nil
}

func (s *caseSpec) build(fsys fs.FS, dir string) (*Case, error) {
	switch {
	case s.Name == "":
		return nil, fmt.Errorf("name is required")
	case s.AsOf.d.IsZero():
		return nil, fmt.Errorf("as_of is required")
	case len(s.Expect) == 0:
		return nil, fmt.Errorf("expect is required")
	}
	fieldsMap := map[string]any{}
	if s.ProfileFile != "" {
		data, err := fs.ReadFile(fsys, path.Join(dir, s.ProfileFile))
		if err != nil {
			return nil, err
		}
		if err := yaml.Unmarshal(data, &fieldsMap); err != nil {
			return nil, fmt.Errorf("%s: %v", s.ProfileFile, err)
		}
	}
	for k, v := range s.Profile {
		fieldsMap[k] = v
	}
	e, err := DecodeProfile(fieldsMap)
	if err != nil {
		return nil, err
	}
	return &Case{Line: s.line, Name: s.Name, AsOf: s.AsOf.d, Profile: e, Expect: s.Expect}, nil
}

// DecodeProfile turns a profile read from YAML (or JSON) into an
// Enterprise, strictly: an unknown field is an error.
func DecodeProfile(m map[string]any) (*huiqi.Enterprise, error) {
	b, err := json.Marshal(jsonable(m))
	if err != nil {
		return nil, fmt.Errorf("profile: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var e huiqi.Enterprise
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("profile: %v", err)
	}
	return &e, nil
}

// jsonable writes YAML timestamps back as dates and map keys as text.
func jsonable(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02")
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			out[k] = jsonable(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonable(x)
		}
		return out
	}
	return v
}
