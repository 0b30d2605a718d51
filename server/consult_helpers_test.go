package server_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// consultPolicy is the demo policy of 平湖市 (330482) the consultation
// tests ask about, and a question of consult/testdata/questions.json that
// its clause 一/(二) answers.
const (
	consultFile     = "zj18.txt"
	consultQuestion = "认定为国家级孵化器能拿多少钱？"
	consultClause   = "一/(二)"
	// consultNone is a question of the test set the policy does not answer.
	consultNone = "出口退税怎么办理？"
)

// policyFromFile finds the stored policy read from a demo file.
func policyFromFile(t *testing.T, store huiqi.PolicyStore, name string) *huiqi.Policy {
	t.Helper()
	list, _, err := store.ListPolicies(context.Background(), listAll)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		p, err := store.FindPolicy(context.Background(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Source.FileName == name {
			return p
		}
	}
	t.Fatalf("no policy read from %s", name)
	return nil
}

// askURL is the instant answer page of a question.
func askURL(policyID, q string) string {
	return "/policies/" + policyID + "/ask?q=" + url.QueryEscape(q)
}

var threadLocation = regexp.MustCompile(`^/consultations/(th_[A-Za-z0-9_-]+)$`)

// handoff posts 转人工 of the question from the answer page, with the
// page's CSRF token, and returns the new thread's ID.
func handoff(t *testing.T, v *visitor, policyID, q string) string {
	t.Helper()
	token := v.csrfOf(askURL(policyID, q))
	res, body := v.postForm("/policies/"+policyID+"/ask", url.Values{"q": {q}, "csrf": {token}})
	m := threadLocation.FindStringSubmatch(res.Header.Get("Location"))
	if res.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("转人工: %d to %q: %s", res.StatusCode, res.Header.Get("Location"), errorText(body))
	}
	return m[1]
}

// hrefs lists the unescaped targets of the links of a page.
func hrefs(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		u, err := url.PathUnescape(strings.ReplaceAll(m[1], "&amp;", "&"))
		if err != nil {
			t.Fatalf("link %q: %v", m[1], err)
		}
		out = append(out, u)
	}
	return out
}

func hasLink(t *testing.T, body, want string) bool {
	for _, h := range hrefs(t, body) {
		if h == want {
			return true
		}
	}
	return false
}

// consultForm is a form of name, value pairs.
func consultForm(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

func consultLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// consultServer serves h for the test and returns its URL.
func consultServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
