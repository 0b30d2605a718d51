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

func postSchema(doc map[string]any, path string, status int) map[string]any {
	op := doc["paths"].(map[string]any)[path].(map[string]any)["post"].(map[string]any)
	resp := op["responses"].(map[string]any)[itoa(status)].(map[string]any)
	return resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
