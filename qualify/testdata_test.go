package qualify

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// caseFile is one file of qualification test cases in testdata: the cases of
// one qualification under one version of its rules (docs/qualifications.md).
type caseFile struct {
	Qualification string     `json:"qualification"`
	Title         string     `json:"title"`
	Version       string     `json:"version"`
	Source        string     `json:"source"`
	Cases         []testCase `json:"cases"`
}

// testCase is a profile, the date of the assessment and the expected answer.
type testCase struct {
	Name    string          `json:"name"`
	AsOf    string          `json:"as_of"`
	Profile json.RawMessage `json:"profile"`
	Expect  struct {
		Status     string            `json:"status"`
		Conditions map[string]string `json:"conditions"`
		Score      *float64          `json:"score"`
	} `json:"expect"`
	Why string `json:"why"`
}

var (
	statuses   = map[string]bool{"eligible": true, "not_eligible": true, "unknown": true}
	conditions = map[string]bool{"met": true, "unmet": true, "unknown": true}
)

// decodeStrict decodes b into v, refusing unknown fields and trailing data.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return huiqi.Errorf(huiqi.EINVALID, "trailing data after the JSON value")
	}
	return nil
}

func TestCaseFiles(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 4 {
		t.Fatalf("found %d case files in testdata, want at least 4 (one per qualification)", len(paths))
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) { checkCaseFile(t, path) })
	}
}

func checkCaseFile(t *testing.T, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f caseFile
	if err := decodeStrict(b, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if f.Qualification == "" || f.Title == "" || f.Version == "" || f.Source == "" {
		t.Errorf("qualification, title, version and source must all be given")
	}
	if len(f.Cases) < 8 {
		t.Errorf("%d cases, want at least 8", len(f.Cases))
	}
	names := map[string]bool{}
	var ids map[string]string
	for i, c := range f.Cases {
		if names[c.Name] || c.Name == "" {
			t.Errorf("case %d: name %q empty or repeated", i, c.Name)
		}
		names[c.Name] = true
		checkCase(t, c)
		if ids == nil {
			ids = c.Expect.Conditions
		} else if !sameKeys(ids, c.Expect.Conditions) {
			t.Errorf("%s: condition ids differ from the file's first case", c.Name)
		}
	}
}

func checkCase(t *testing.T, c testCase) {
	t.Helper()
	asOf, err := huiqi.ParseDate(c.AsOf)
	if err != nil || asOf.IsZero() {
		t.Errorf("%s: as_of %q is not a date (YYYY-MM-DD)", c.Name, c.AsOf)
	}
	var e huiqi.Enterprise
	if err := decodeStrict(c.Profile, &e); err != nil {
		t.Errorf("%s: profile: %v", c.Name, err)
	}
	checkDates(t, c.Name, e)
	if err := profile.ValidateAsOf(&e, asOf); err != nil {
		t.Errorf("%s: profile does not validate: %v", c.Name, err)
	}
	if !statuses[c.Expect.Status] {
		t.Errorf("%s: status %q not one of eligible, not_eligible, unknown", c.Name, c.Expect.Status)
	}
	if len(c.Expect.Conditions) == 0 {
		t.Errorf("%s: no expected conditions", c.Name)
	}
	for id, v := range c.Expect.Conditions {
		if !conditions[v] {
			t.Errorf("%s: condition %s = %q not one of met, unmet, unknown", c.Name, id, v)
		}
	}
	if s := c.Expect.Score; s != nil && (*s < 0 || *s > 100) {
		t.Errorf("%s: score %v outside 0–100", c.Name, *s)
	}
	if c.Why == "" {
		t.Errorf("%s: no explanation (why)", c.Name)
	}
}

// checkDates reports calendar dates in the profile that do not exist.
func checkDates(t *testing.T, name string, e huiqi.Enterprise) {
	t.Helper()
	dates := []huiqi.Date{e.RegisteredOn}
	for _, c := range e.Certifications {
		dates = append(dates, c.Since, c.Until)
	}
	for _, d := range dates {
		if !d.Valid() {
			t.Errorf("%s: invalid date %v in profile", name, d)
		}
	}
}

func sameKeys(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}
