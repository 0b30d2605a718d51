package api_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
	"github.com/huiqi-dev/huiqi/rules/window"
)

// hangzhou is a complete profile: eligible for three qualifications, not
// yet decided for 专精特新.
func hangzhou(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../profile/testdata/hangzhou-software.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAssess(t *testing.T) {
	doc := openAPIDoc(t)
	_, srv := server(t)
	cases := []struct {
		name, contentType, body string
		status                  int
		words                   []string
	}{
		{"a complete profile", "application/json", `{"profile": ` + hangzhou(t) + `, "as_of": "2026-05-01"}`, 200, nil},
		{"an empty profile, no growth", "application/json", `{"profile": {}, "as_of": "2026-05-01", "growth": "none"}`, 200, nil},
		{"a profile field of the wrong type", "application/json", `{"profile": {"employees": "many"}}`, 400, []string{"profile", "employees"}},
		{"a bad growth", "application/json", `{"profile": {}, "growth": "fast"}`, 400, []string{"growth", "fast", "last_year"}},
		{"an unknown body field", "application/json", `{"profile": {}, "all": true}`, 400, []string{"all"}},
		{"no profile", "application/json", `{"as_of": "2026-05-01"}`, 400, []string{"profile"}},
		{"not JSON", "text/plain", `profile`, 415, []string{"text/plain"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, srv.URL+"/api/v1/assess", c.contentType, c.body)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			var body any
			if err := json.Unmarshal(r.body, &body); err != nil {
				t.Fatal(err)
			}
			if err := conforms(doc, postSchema(doc, "/api/v1/assess", r.status), body, "$"); err != nil {
				t.Errorf("%v", err)
			}
			for _, w := range c.words {
				if !strings.Contains(string(r.body), w) {
					t.Errorf("body %s does not name %q", r.body, w)
				}
			}
		})
	}
}

func TestAssessAnswers(t *testing.T) {
	_, srv := server(t)
	r := post(t, srv.URL+"/api/v1/assess", "application/json", `{"profile": `+hangzhou(t)+`, "as_of": "2026-05-01"}`)
	var as []huiqi.Assessment
	if err := json.Unmarshal(r.body, &as); err != nil {
		t.Fatal(err)
	}
	if len(as) != 4 {
		t.Fatalf("%d assessments, want 4: %s", len(as), r.body)
	}
	pending := 0
	for _, a := range as {
		switch a.Verdict {
		case huiqi.Eligible, huiqi.NotEligible, huiqi.Undecided:
		default:
			t.Errorf("%s: verdict %q", a.RuleID, a.Verdict)
		}
		if a.Verdict == huiqi.Eligible {
			continue
		}
		pending++
		if o := a.Outlook; o == nil || o.Growth != rules.GrowthLastYear || len(o.Assumptions) == 0 || o.Horizon.IsZero() {
			t.Errorf("%s (%s): outlook %+v, want one under last_year", a.RuleID, a.Verdict, a.Outlook)
		} else if o.Window == nil {
			t.Errorf("%s: no next application window", a.RuleID)
		}
	}
	if pending == 0 {
		t.Errorf("every qualification eligible: nothing to look ahead for")
	}
	var got, want any
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(cliAssess(t, as[0].AsOf), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the API's assessments differ from those huiqi assess computes")
	}
}

// cliAssess is what huiqi assess --json computes for the 杭州 profile.
func cliAssess(t *testing.T, asOf huiqi.Date) []byte {
	t.Helper()
	data, err := os.ReadFile("../profile/testdata/hangzhou-software.json")
	if err != nil {
		t.Fatal(err)
	}
	ent, _, err := profile.Check("hangzhou-software.json", data, asOf)
	if err != nil {
		t.Fatal(err)
	}
	wins, err := window.Default()
	if err != nil {
		t.Fatal(err)
	}
	as, err := national.Assess(ent, asOf, rules.Assumption{Growth: rules.GrowthLastYear, Years: 5}, wins)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(as)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
