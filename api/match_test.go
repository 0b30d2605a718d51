package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func post(t *testing.T, url, contentType, body string) response {
	t.Helper()
	res, err := http.Post(url, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, b}
}

const pinghu = `{"region_code": "330482", "industry_code": "C3911",
  "financials": [{"year": 2025, "revenue_yuan": 80000000}],
  "certifications": [{"name": "孵化器", "level": "national", "since": "2025-09-01"}]}`

// young is a 平湖 enterprise registered ten months before 2026-05-01 that
// meets every other condition of 高新技术企业.
const young = `{"region_code": "330482", "registered_on": "2025-07-01", "employees": 100, "tech_staff": 30,
  "core_ip_owned": true, "in_key_tech_field": true, "incidents_last_year": 0, "innovation_score": 80,
  "financials": [{"year": 2025, "revenue_yuan": 30000000, "rd_expense_yuan": 3000000, "rd_expense_domestic_yuan": 3000000,
    "high_tech_revenue_yuan": 25000000, "net_assets_yuan": 10000000, "total_cost_yuan": 20000000, "total_assets_yuan": 40000000}],
  "certifications": []}`

func TestMatch(t *testing.T) {
	doc := openAPIDoc(t)
	_, srv := server(t)
	cases := []struct {
		name, contentType, body string
		status                  int
		words                   []string
	}{
		{"a 平湖 enterprise", "application/json", `{"profile": ` + pinghu + `, "as_of": "2026-05-01"}`, 200, nil},
		{"every measure", "application/json", `{"profile": {}, "as_of": "2026-05-01", "all": true}`, 200, nil},
		{"a profile field of the wrong type", "application/json", `{"profile": {"employees": "many"}}`, 400, []string{"employees"}},
		{"an unknown region", "application/json", `{"profile": {"region_code": "999999"}}`, 400, []string{"region_code"}},
		{"an unknown body field", "application/json", `{"profile": {}, "asof": "2026-05-01"}`, 400, []string{"asof"}},
		{"no profile", "application/json", `{"as_of": "2026-05-01"}`, 400, []string{"profile"}},
		{"a bad date", "application/json", `{"profile": {}, "as_of": "2026-13-01"}`, 400, []string{"2026-13-01"}},
		{"young, within reach of 高新技术企业", "application/json", `{"profile": ` + young + `, "as_of": "2026-05-01", "growth": "none"}`, 200, []string{"within_reach", "高新技术企业"}},
		{"an unknown growth assumption", "application/json", `{"profile": {}, "growth": "fast"}`, 400, []string{"growth", "fast"}},
		{"not JSON", "text/plain", `profile`, 415, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, srv.URL+"/api/v1/match", c.contentType, c.body)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			schema := postSchema(doc, "/api/v1/match", r.status)
			var body any
			if err := json.Unmarshal(r.body, &body); err != nil {
				t.Fatal(err)
			}
			if err := conforms(doc, schema, body, "$"); err != nil {
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

func TestMatchAnswers(t *testing.T) {
	_, srv := server(t)
	r := post(t, srv.URL+"/api/v1/match", "application/json", `{"profile": `+pinghu+`, "as_of": "2026-05-01"}`)
	var rep huiqi.MatchReport
	if err := json.Unmarshal(r.body, &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, res := range rep.Results {
		if res.DocNumber == "平政发〔2020〕126号" && res.Cited.ClausePath == "一/(二)" && res.Amount != nil && res.Amount.Max == 3_000_000 {
			found = res.Status == huiqi.MatchLikely && res.Cited.Span.End > res.Cited.Span.Start
		}
	}
	if !found || rep.Total.MaxYuan == 0 {
		t.Errorf("the 平湖 national incubator award is not answered likely with its clause; total %+v", rep.Total)
	}
}

// TestMatchWithinReach: an enterprise one step from 高新技术企业 is told the
// measures the title opens, answered as of the day it could hold it, with
// the qualification's outlook and next window.
func TestMatchWithinReach(t *testing.T) {
	_, srv := server(t)
	r := post(t, srv.URL+"/api/v1/match", "application/json", `{"profile": `+young+`, "as_of": "2026-05-01"}`)
	var rep huiqi.MatchReport
	if err := json.Unmarshal(r.body, &rep); err != nil {
		t.Fatal(err)
	}
	var g *huiqi.Reach
	for i := range rep.Reach {
		if rep.Reach[i].Title == "高新技术企业" {
			g = &rep.Reach[i]
		}
	}
	if g == nil {
		t.Fatalf("高新技术企业 not within reach: %s", r.body)
	}
	if g.Verdict != huiqi.NotEligible || g.Outlook == nil || g.Outlook.Window == nil || g.On != g.Outlook.Earliest || g.On.String() <= rep.AsOf.String() {
		t.Errorf("reach %s on %s, outlook %+v", g.Verdict, g.On, g.Outlook)
	}
	if len(g.Results) == 0 || g.Total.MaxYuan <= 0 {
		t.Fatalf("no measure opens: %+v", g)
	}
	for _, res := range g.Results {
		if res.Status == huiqi.MatchNotEligible || res.Cited.ClausePath == "" {
			t.Errorf("%s: %s, clause %q", res.Name, res.Status, res.Cited.ClausePath)
		}
	}
}

func postSchema(doc map[string]any, path string, status int) map[string]any {
	op := doc["paths"].(map[string]any)[path].(map[string]any)["post"].(map[string]any)
	resp := op["responses"].(map[string]any)[itoa(status)].(map[string]any)
	return resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
