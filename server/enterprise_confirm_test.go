package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var declInput = regexp.MustCompile(`name="(d\.[^"]+)" value="yes"`)

// TestEnterpriseConfirm: the declarations of a policy's measures, confirmed
// on its answer page, are saved into the profile and make the measures
// that rested only on them 现在可以申报.
func TestEnterpriseConfirm(t *testing.T) {
	_, srv := serve(t)
	v := newVisitor(t, srv.URL)
	v.post(nanhu())
	_, results := v.get("/enterprise/results")
	ids := regexp.MustCompile(`href="/policies/([0-9a-f]+)#c-`).FindAllStringSubmatch(results, -1)
	for _, m := range ids {
		path := "/policies/" + m[1] + "/enterprise"
		_, page := v.get(path)
		decls := declInput.FindAllStringSubmatch(page, -1)
		if len(decls) == 0 {
			continue
		}
		form := url.Values{"csrf": {csrfInput.FindStringSubmatch(page)[1]}}
		for _, d := range decls {
			form.Set(d[1], "yes")
		}
		req, _ := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, _ := v.do(req)
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, path) {
			t.Fatalf("confirm: %d to %q", res.StatusCode, loc)
		}
		_, after := v.get(path + "?saved=1")
		if !strings.Contains(after, "已保存您的确认") || strings.Count(after, `value="yes" checked>`) < len(decls) {
			t.Errorf("%s: the answers are not shown as saved", path)
		}
		if !strings.Contains(after, `class="badge v-eligible">现在可以申报`) {
			t.Errorf("%s: no measure became 现在可以申报 once every declaration was confirmed", path)
		}
		return
	}
	t.Fatal("no policy of the results has declarations to confirm")
}
