package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestEnterpriseFlow: a profile with a mistake is kept as a draft with the
// mistake beside its field; corrected, it shows the results, each linked
// to its clause, and the policy pages answer for it.
func TestEnterpriseFlow(t *testing.T) {
	_, srv := serve(t)
	v := newVisitor(t, srv.URL)
	if _, body := v.get("/enterprise/results"); !strings.Contains(body, "还没有填写企业信息") {
		t.Error("results without a profile do not link to the form")
	}
	bad := nanhu()
	bad.Set("tech_staff", "三十x")
	res, _ := v.post(bad)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/enterprise?saved=1#problems" {
		t.Fatalf("post with a mistake: %d to %q", res.StatusCode, loc)
	}
	_, form := v.get("/enterprise?saved=1")
	for _, want := range []string{`id="f-tech_staff-error"`, "请填写整数（单位：人）", `value="三十x"`, `aria-invalid="true"`,
		"已识别：浙江省嘉兴市南湖区（330402）", "草稿第 1 版", `href="#f-tech_staff"`, `value="52,000,000"`, "即 5200万元"} {
		if !strings.Contains(form, want) {
			t.Errorf("form after a mistake lacks %s", want)
		}
	}
	if _, body := v.get("/enterprise/results"); !strings.Contains(body, "处需要修改") {
		t.Error("results of a profile with problems do not send back to the form")
	}

	res, _ = v.post(nanhu())
	if loc := res.Header.Get("Location"); loc != "/enterprise/results" {
		t.Fatalf("corrected post goes to %q", loc)
	}
	_, page := v.get("/enterprise/results")
	for _, want := range []string{"预计可获得资金", "现在可以申报", "培育后可申报", "暂不符合", "高新技术企业", "科技型中小企业",
		"创新型中小企业", "专精特新中小企业", "下一步请填写", "逐条核对"} {
		if !strings.Contains(page, want) {
			t.Errorf("results lack %s", want)
		}
	}
	cited := regexp.MustCompile(`<p class="from"><a href="/policies/([0-9a-f]+)#c-[^"]+">`).FindStringSubmatch(page)
	if cited == nil {
		t.Fatal("no result links to its clause")
	}
	if n := len(page); n > maxPageBytes {
		t.Errorf("results weigh %d bytes", n)
	}

	_, answer := v.get("/policies/" + cited[1] + "/enterprise")
	for _, want := range []string{`id="funding"`, "我的企业可以获得多少资金？", `id="eligibility"`, "是否适合申报？", `class="mline"`} {
		if !strings.Contains(answer, want) {
			t.Errorf("the policy's answer lacks %s", want)
		}
	}
	_, anon := newVisitor(t, srv.URL).get("/policies/" + cited[1] + "/enterprise")
	if !strings.Contains(anon, `href="/enterprise"`) || strings.Contains(anon, `class="mline"`) {
		t.Error("without a profile the policy's answer does not link to the form")
	}
}

// TestEnterpriseWeight keeps the 我的企业 pages of a saved profile, with
// their CSS and JavaScript, under the 200 KB of every page, and checks that
// they load nothing from another origin.
func TestEnterpriseWeight(t *testing.T) {
	_, srv := serve(t)
	v := newVisitor(t, srv.URL)
	v.post(nanhu())
	_, results := v.get("/enterprise/results")
	policy := regexp.MustCompile(`href="(/policies/[0-9a-f]+)#c-`).FindStringSubmatch(results)
	if policy == nil {
		t.Fatal("no cited policy in the results")
	}
	for _, path := range []string{"/enterprise", "/enterprise/results", policy[1] + "/enterprise"} {
		_, body := v.get(path)
		n := len(body)
		for _, m := range assetRef.FindAllStringSubmatch(body, -1) {
			_, asset := v.get(m[1])
			n += len(asset)
		}
		t.Logf("%s: %d bytes", path, n)
		if n > maxPageBytes {
			t.Errorf("%s weighs %d bytes, over %d", path, n, maxPageBytes)
		}
		if regexp.MustCompile(`(?:href|src|action)="https?://`).MatchString(body) {
			t.Errorf("%s loads or links something from another origin", path)
		}
	}
}

// TestEnterpriseGrow: an enterprise registered on the first day of last
// year that meets the conditions of 高新技术企业 it can show, without the
// title, is told under 培育后可申报 what the title would open and from
// when, linked to the qualification's assessment and to each clause.
func TestEnterpriseGrow(t *testing.T) {
	_, srv := serve(t)
	v := newVisitor(t, srv.URL)
	y := strconv.Itoa(time.Now().Year() - 1)
	f := func(k string) string { return "financials[" + y + "]." + k }
	young := url.Values{
		"name": {"嘉兴某某新材料有限公司"}, "region_code": {"嘉兴市平湖市"}, "industry_code": {"C2651"},
		"registered_on": {y + "-01-01"}, "employees": {"100"}, "tech_staff": {"30"},
		"core_ip_owned": {"yes"}, "in_key_tech_field": {"yes"}, "incidents_last_year": {"0"}, "innovation_score": {"80"},
		f("revenue_yuan"): {"30000000"}, f("rd_expense_yuan"): {"3000000"}, f("rd_expense_domestic_yuan"): {"3000000"},
		f("high_tech_revenue_yuan"): {"25000000"}, f("net_assets_yuan"): {"10000000"}, f("total_cost_yuan"): {"20000000"},
		f("total_assets_yuan"): {"40000000"}, "ip.class1": {"3"}, "cert_rows": {"0"}, "certs_none": {"yes"}, "action": {"results"},
	}
	if res, _ := v.post(young); res.Header.Get("Location") != "/enterprise/results" {
		_, form := v.get("/enterprise?saved=1")
		t.Fatalf("post: %d to %q: %s", res.StatusCode, res.Header.Get("Location"), regexp.MustCompile(`(?s)id="problems".{0,999}`).FindString(form))
	}
	_, page := v.get("/enterprise/results")
	for _, want := range []string{`id="grow-title"`, "取得高新技术企业后", "符合高新技术企业认定条件", `href="#q-gaoxin"`} {
		if !strings.Contains(page, want) {
			t.Errorf("results lack %s", want)
		}
	}
	i := strings.Index(page, `id="grow-title"`)
	j := strings.Index(page, `id="quals-title"`)
	if i < 0 || j < i {
		t.Fatal("no 培育后可申报 band before the qualifications")
	}
	if !regexp.MustCompile(`<p class="from"><a href="/policies/[0-9a-f]+#c-`).MatchString(page[i:j]) {
		t.Error("no measure within reach links to its clause")
	}
}
