package server_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestEntryPointsOnEveryPolicyPage checks that every version of every policy
// asks the four questions: 资金 and 是否适合 answered by 我的企业, 在线咨询 by
// the question form on the page, and 我要申报 — on a site where nobody can
// sign in — linked to a page that says plainly it is not available.
func TestEntryPointsOnEveryPolicyPage(t *testing.T) {
	f, srv := serve(t)
	list, _, err := f.Store.ListPolicies(t.Context(), listAll)
	if err != nil {
		t.Fatal(err)
	}
	answered := map[string]string{"funding": "funding", "eligibility": "eligibility"}
	entries := map[string]string{"funding": "我的企业可以获得多少资金？", "eligibility": "是否适合申报？", "apply": "我要申报", "consult": "在线咨询"}
	pages := 0
	for _, s := range list {
		for v := 1; v <= s.Version; v++ {
			pages++
			_, _, body := fetch(t, fmt.Sprintf("%s/policies/%s?version=%d", srv.URL, s.ID, v))
			page := string(body)
			for slug, label := range entries {
				link := fmt.Sprintf(`href="/coming/%s?policy=%s">%s<span class="soon">即将上线</span>`, slug, s.ID, label)
				if section, ok := answered[slug]; ok {
					link = fmt.Sprintf(`href="/policies/%s/enterprise#%s">%s</a>`, s.ID, section, label)
				}
				if slug == "consult" {
					link = fmt.Sprintf(`href="/policies/%s#ask">%s</a>`, s.ID, label)
				}
				if !strings.Contains(page, link) {
					t.Errorf("%s v%d lacks the entry point %s", s.ID, v, label)
				}
			}
			if !strings.Contains(page, "“我要申报”尚未上线") || !strings.Contains(page, `id="ask"`) {
				t.Errorf("%s v%d does not say which services are not available yet", s.ID, v)
			}
		}
	}
	if pages < len(list) || pages < 80 {
		t.Errorf("checked %d pages of %d policies", pages, len(list))
	}
	for slug, label := range entries {
		_, _, body := fetch(t, srv.URL+"/coming/"+slug+"?policy="+f.Versioned)
		for _, w := range []string{"<h1>" + label + "</h1>", "此功能尚未上线", "不提供任何测算、判断或申报结果", `href="/policies/` + f.Versioned + `"`} {
			if !strings.Contains(string(body), w) {
				t.Errorf("/coming/%s lacks %q", slug, w)
			}
		}
	}
}

// TestEntryPointsSignedIn: where users can sign in, 我要申报 leads to the
// policy's 我的企业 answer, whose measures carry the buttons, and the page
// no longer says it is unavailable.
func TestEntryPointsSignedIn(t *testing.T) {
	ps := servePlatform(t)
	list, _, err := ps.Site.Store.ListPolicies(t.Context(), listAll)
	if err != nil || len(list) == 0 {
		t.Fatal(err, len(list))
	}
	id := list[0].ID
	_, _, body := fetch(t, ps.URL+"/policies/"+id)
	page := string(body)
	for _, want := range []string{fmt.Sprintf(`href="/policies/%s/enterprise#funding">我要申报</a>`, id), fmt.Sprintf(`href="/policies/%s#ask">在线咨询</a>`, id)} {
		if !strings.Contains(page, want) {
			t.Errorf("policy page lacks %s", want)
		}
	}
	if strings.Contains(page, "尚未上线") {
		t.Error("the policy page says a service is not available")
	}
}
