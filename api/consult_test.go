package api_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/consult"
	"github.com/huiqi-dev/huiqi/internal/sitetest"
)

// answerBody is the JSON of the answer route.
type answerBody struct {
	PolicyID string `json:"policy_id"`
	Version  int    `json:"version"`
	Question string `json:"question"`
	consult.Reply
}

// policyOfFile finds the stored policy read from a demo file.
func policyOfFile(t *testing.T, f *sitetest.Fixture, name string) *huiqi.Policy {
	t.Helper()
	list, _, err := f.Store.ListPolicies(context.Background(), huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		p, err := f.Store.FindPolicy(context.Background(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Source.FileName == name {
			return p
		}
	}
	t.Fatalf("no policy from %s", name)
	return nil
}

func answerURL(base, id, q string) string {
	return base + "/api/v1/policies/" + id + "/answer?q=" + url.QueryEscape(q)
}

// TestAnswer: a demo question is answered by the clause that answers it,
// quoted with its exact span, in the documented shape; a question the
// policy does not answer says so, with no quote.
func TestAnswer(t *testing.T) {
	f, _ := server(t)
	srv := httptest.NewServer(api.NewHandler(f.Store, f.Index, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	doc := openAPIDoc(t)
	schema := responseSchema(t, doc, "/api/v1/policies/{id}/answer", 200)
	p := policyOfFile(t, f, "zj18.txt")

	r := get(t, answerURL(srv.URL, p.ID, "认定为国家级孵化器能拿多少钱？"))
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var raw any
	_ = json.Unmarshal(r.body, &raw)
	if err := conforms(doc, schema, raw, "$"); err != nil {
		t.Error(err)
	}
	a := decodeBody[answerBody](t, r)
	if !a.Found || len(a.Quotes) == 0 || a.PolicyID != p.ID || a.Version != p.Version || a.Question != "认定为国家级孵化器能拿多少钱？" {
		t.Fatalf("answer %+v", a)
	}
	q := a.Quotes[0]
	if q.Source.ClausePath != "一/(二)" || q.Text != p.Text[q.Source.Span.Start:q.Source.Span.End] || !strings.Contains(q.Text, "孵化器") {
		t.Errorf("first quote %s %q, want 一/(二) quoted exactly", q.Source.ClausePath, q.Text)
	}
	if len(a.Facts) == 0 || a.Model != "" {
		t.Errorf("facts %+v, model %q: want the clause's amounts and no model", a.Facts, a.Model)
	}

	r = get(t, answerURL(srv.URL, p.ID, "出口退税怎么办理？"))
	a = decodeBody[answerBody](t, r)
	if r.status != 200 || a.Found || len(a.Quotes) != 0 || !strings.Contains(a.Text, "没有找到") {
		t.Errorf("unanswerable question: %d %+v", r.status, a)
	}
	_ = json.Unmarshal(r.body, &raw)
	if err := conforms(doc, schema, raw, "$"); err != nil {
		t.Error(err)
	}
}

// TestAnswerErrors: the route names what is wrong with a request.
func TestAnswerErrors(t *testing.T) {
	f, _ := server(t)
	srv := httptest.NewServer(api.NewHandler(f.Store, f.Index, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	base := srv.URL + "/api/v1/policies/" + f.Single + "/answer"
	for _, c := range []struct {
		name, url string
		check     func(*testing.T, response)
	}{
		{"no question", base, wantError(400, "invalid", "parameter q", "missing")},
		{"empty question", base + "?q=+", wantError(400, "invalid", "parameter q")},
		{"long question", base + "?q=" + strings.Repeat("补", 501), wantError(400, "invalid", "parameter q", "longer than 500")},
		{"bad limit", base + "?q=x&limit=4", wantError(400, "invalid", "limit")},
		{"unknown parameter", base + "?q=x&question=y", wantError(400, "invalid", "question", "unknown parameter")},
		{"unknown policy", srv.URL + "/api/v1/policies/000000000000/answer?q=x", wantError(404, "not_found")},
		{"post", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.check == nil {
				res, err := srv.Client().Post(base+"?q=x", "text/plain", nil)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != 405 || !strings.Contains(res.Header.Get("Allow"), "GET") {
					t.Errorf("POST: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
				}
				return
			}
			c.check(t, get(t, c.url))
		})
	}
}

// TestAnswerLimit: past the limit a client gets a JSON 429 saying when to
// ask again, and bad requests count too.
func TestAnswerLimit(t *testing.T) {
	f, _ := server(t)
	srv := httptest.NewServer(api.NewHandler(f.Store, f.Index, slog.New(slog.DiscardHandler), api.WithAnswerLimit(3, time.Hour)))
	defer srv.Close()
	u := answerURL(srv.URL, f.Single, "有什么补贴？")
	for i := range 3 {
		if r := get(t, u); r.status != 200 {
			t.Fatalf("request %d: %d %s", i+1, r.status, r.body)
		}
	}
	r := get(t, u)
	wantError(429, huiqi.ELIMITED, "at most 3", "try again in")(t, r)
	if s := r.header.Get("Retry-After"); s == "" || s == "0" {
		t.Errorf("Retry-After %q", s)
	}
	if r := get(t, srv.URL+"/api/v1/policies/"+f.Single); r.status != 200 {
		t.Errorf("other routes are limited too: %d", r.status)
	}
	if err := conforms(openAPIDoc(t), responseSchema(t, openAPIDoc(t), "/api/v1/policies/{id}/answer", 429), decodeBody[any](t, r), "$"); err != nil {
		t.Error(err)
	}
}
