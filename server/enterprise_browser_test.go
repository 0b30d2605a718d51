package server_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// amountWords is how the results write an estimate: 0元 – 1.0132亿元.
var amountWords = regexp.MustCompile(`^[0-9.]+(万|亿)?元( – [0-9.]+(万|亿)?元)?$`)

// TestBrowserEnterprise fills 我的企业 in headless Chromium: a mistake is
// saved as a draft and shown beside its field; corrected, the results cite
// a clause, and following the citation lands on the clause. The form and
// results are then checked at a phone's width, without sideways scrolling.
func TestBrowserEnterprise(t *testing.T) {
	ctx := newBrowser(t)
	_, srv := serve(t)
	shots := screenshotDir(t)
	t.Logf("screenshots in %s", shots)

	must(t, ctx, "form", chromedp.Navigate(srv.URL+"/enterprise"))
	type entry struct{ id, value string }
	for _, e := range []entry{
		{"f-name", "嘉兴某某科技有限公司"}, {"f-region_code", "嘉兴市南湖区"}, {"f-industry_code", "I6513"},
		{"f-employees", "120"}, {"f-tech_staff", "三十"},
		{"f-financials-2025-revenue_yuan", "5200万"}, {"f-financials-2025-rd_expense_yuan", "3100000"},
		{"f-financials-2024-revenue_yuan", "41000000"}, {"f-financials-2024-rd_expense_yuan", "2500000"},
		{"f-financials-2023-revenue_yuan", "30000000"}, {"f-financials-2023-rd_expense_yuan", "2000000"},
		{"f-ip-class1", "3"},
	} {
		must(t, ctx, "type "+e.id, chromedp.SendKeys(chromedp.ID(e.id), e.value))
	}
	must(t, ctx, "registered on", chromedp.SetValue(chromedp.ID("f-registered_on"), "2019-03-08"))
	must(t, ctx, "certification", chromedp.SetValue(chromedp.ID("f-certifications-0-name"), "高新技术企业"))
	must(t, ctx, "level", chromedp.SetValue(chromedp.ID("f-certifications-0-level"), "national"))
	must(t, ctx, "since", chromedp.SetValue(chromedp.ID("f-certifications-0-since"), "2023-11-01"))
	must(t, ctx, "core IP", chromedp.Click(chromedp.CSS(`input[name="core_ip_owned"][value="yes"]`)))
	clickAndLoad(t, ctx, `button[value="draft"]`)

	// The mistake is beside its field, the draft is saved, nothing is lost.
	errText := must(t, ctx, "field error", chromedp.Text(chromedp.ID("f-tech_staff-error")))
	if !strings.Contains(errText, "请填写整数") {
		t.Errorf("error beside 科技人员数: %q", errText)
	}
	kept := must(t, ctx, "kept value", chromedp.Evaluate[string](`document.getElementById('f-tech_staff').value + '|' + document.getElementById('f-region_code').value`))
	if kept != "三十|浙江省嘉兴市南湖区" {
		t.Errorf("after saving the draft the form holds %q", kept)
	}
	screenshot(t, ctx, shots, "e1-form-problem")

	must(t, ctx, "correct", chromedp.SetValue(chromedp.ID("f-tech_staff"), "30"))
	clickAndLoad(t, ctx, `button[value="results"]`)
	loc := must(t, ctx, "location", chromedp.Location())
	if !strings.HasSuffix(loc, "/enterprise/results") {
		t.Fatalf("保存并查看结果 went to %s", loc)
	}
	total := must(t, ctx, "total", chromedp.Text(chromedp.CSS(".total .big")))
	if !amountWords.MatchString(total) {
		t.Errorf("estimated total %q", total)
	}
	screenshot(t, ctx, shots, "e2-results")
	must(t, ctx, "to the qualifications", chromedp.Evaluate[int](`(() => { document.getElementById('quals-title').scrollIntoView(); return 1 })()`))
	viewShot(t, ctx, shots, "e2b-quals")
	must(t, ctx, "to 高新技术企业", chromedp.Evaluate[int](`(() => { document.getElementById('q-gaoxin').scrollIntoView(); return 1 })()`))
	viewShot(t, ctx, shots, "e2c-gaoxin")

	// Follow the first cited clause.
	href := must(t, ctx, "cited clause", chromedp.Evaluate[string](`document.querySelector('.mline .from a').getAttribute('href')`))
	_, frag, ok := strings.Cut(href, "#")
	if !ok || !strings.HasPrefix(href, "/policies/") {
		t.Fatalf("cited clause link %q", href)
	}
	clickAndLoad(t, ctx, ".mline .from a")
	want, err := url.PathUnescape(frag)
	if err != nil {
		t.Fatal(err)
	}
	checkTarget(t, ctx, want)
	viewShot(t, ctx, shots, "e3-clause")

	// The policy page answers 我的企业可以获得多少资金？ for the saved profile.
	clickAndLoad(t, ctx, `.entry-points a[href$="#funding"]`)
	answer := must(t, ctx, "answer", chromedp.Text(chromedp.ID("funding")))
	if !strings.Contains(answer, "元") && !strings.Contains(answer, "没有可以测算的资金") || strings.Contains(answer, "填写") {
		t.Errorf("the policy's funding answer: %q", answer)
	}
	answerURL := must(t, ctx, "location", chromedp.Location())
	screenshot(t, ctx, shots, "e4-policy-answer")

	// Confirming the measures' declarations there makes them 现在可以申报.
	if n := must(t, ctx, "declarations", chromedp.Evaluate[int](`document.querySelectorAll('#confirm input[value="yes"]').length`)); n > 0 {
		must(t, ctx, "answer yes", chromedp.Evaluate[int](`[...document.querySelectorAll('#confirm input[value="yes"]')].map(e => e.click()).length`))
		clickAndLoad(t, ctx, "#confirm button")
		if n := must(t, ctx, "eligible", chromedp.Evaluate[int](`document.querySelectorAll('.badge.v-eligible').length`)); n == 0 {
			t.Error("no measure is 现在可以申报 after confirming every declaration")
		}
		screenshot(t, ctx, shots, "e4b-policy-confirmed")
	}

	must(t, ctx, "phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	answerPath := strings.TrimPrefix(answerURL, srv.URL)
	for _, p := range []struct{ path, shot string }{{answerPath, "e5-phone-answer"}, {"/enterprise", "e6-phone-form"}, {"/enterprise/results", "e7-phone-results"}} {
		must(t, ctx, "phone "+p.path, chromedp.Navigate(srv.URL+p.path))
		wide := must(t, ctx, "width", chromedp.Evaluate[int](`document.documentElement.scrollWidth - innerWidth`))
		if wide > 0 {
			t.Errorf("%s scrolls sideways by %dpx at 375px", p.path, wide)
		}
		screenshot(t, ctx, shots, p.shot)
	}
	must(t, ctx, "to the qualifications", chromedp.ScrollIntoView(chromedp.ID("quals-title")))
	viewShot(t, ctx, shots, "e8-phone-quals")
}
