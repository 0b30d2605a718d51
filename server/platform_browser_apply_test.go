package server_test

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/huiqi-dev/huiqi/sms"
)

// nowApply is the 我要申报 button of the confirmed measure among those
// that can be applied for now.
const nowApply = `//section[@aria-labelledby="now-title"]//article[.//h3[contains(., "` + leaseCondition + `")]]//a[normalize-space()="我要申报"]`

// journeyClaim clicks the measure's 我要申报 of 现在可以申报; the page asks
// for a bound enterprise, the account page binds the profile's, waiting
// for verification. It returns the measure's name.
func journeyClaim(user *browserPerson, shots string) string {
	user.t.Helper()
	user.follow(nowApply)
	if !strings.HasPrefix(user.path(), "/applications/new?") {
		user.t.Fatalf("我要申报 went to %s", user.path())
	}
	name, ok := strings.CutPrefix(user.text("h1"), "我要申报：")
	if !ok || !strings.Contains(name, leaseCondition) {
		user.t.Errorf("the start page's heading %q", user.text("h1"))
	}
	user.sees("the start page without a verified enterprise", "还没有已核验的企业", "政策专员核验")
	user.shot(shots, "p07-start-unbound")
	user.follow(`//div[contains(@class,"notice")]//a[normalize-space()="账号"]`)
	user.sees("the account page after the profile", journeyCredit, "嘉兴某某科技有限公司", "浙江省嘉兴市南湖区", "待核验", "请联系所在地区的政策专员核验")
	user.shot(shots, "p08-claim-pending")
	return name
}

// journeyVerify: the region's officer finds the claim on 企业绑定核验 from
// the desk, the number masked, and verifies it.
func journeyVerify(officer *browserPerson, shots string) {
	officer.t.Helper()
	officer.open("/staff")
	officer.link("企业绑定核验")
	officer.sees("the claims", journeyCredit, "嘉兴某某科技有限公司", sms.Mask(journeyPhone), "浙江省嘉兴市南湖区（330402）")
	if body := officer.text("body"); strings.Contains(body, journeyPhone) || strings.Count(body, "浙江省嘉兴市南湖区（330402）") != 2 {
		officer.t.Errorf("the claims show the whole number %v, the claimed region and the code's %d times, want 2",
			strings.Contains(body, journeyPhone), strings.Count(body, "浙江省嘉兴市南湖区（330402）"))
	}
	officer.shot(shots, "p09-officer-claims")
	officer.press("核验")
	officer.sees("the claims after verifying", "已核验企业绑定", "没有待核验的企业绑定")
}

var journeyAppPath = regexp.MustCompile(`^/applications/ap_[A-Za-z0-9_-]+$`)

// journeyApply starts the application from the results' 我要申报 for the
// verified enterprise, checks what it is prefilled with and follows the
// cited clause, fills the form, and attaches a PDF through the file input.
// It returns the application's path.
func journeyApply(user *browserPerson, measure, shots string) string {
	t := user.t
	t.Helper()
	user.open("/account")
	user.sees("the account page once verified", "已核验")
	user.link("我的企业")
	user.link("查看结果 →")
	user.follow(nowApply)
	user.sees("the start page", "我要申报："+measure, "以哪家企业的名义申报")
	if opt := user.text("#" + user.field("以哪家企业的名义申报", "")); !strings.Contains(opt, "嘉兴某某科技有限公司（"+journeyCredit+"）") {
		t.Errorf("the enterprise offered: %q", opt)
	}
	user.press("开始填写申报表")
	app := user.path()
	if !journeyAppPath.MatchString(app) {
		t.Fatalf("开始填写申报表 went to %s", app)
	}
	user.sees("the new application", measure, "草稿", "依据条款", "匹配结果", "申报条件（按匹配结果预填，请核对）", "尚未提交")
	if v := must(t, user.ctx, "phone", chromedp.Value(chromedp.ID(user.field("联系电话", "")))); v != journeyPhone {
		t.Errorf("联系电话 prefilled %q, want the account's number", v)
	}
	conds := must(t, user.ctx, "conditions", chromedp.Evaluate[[]string](`[...document.querySelectorAll('fieldset input[id^="f-c"]')].map(e => e.value)`))
	if !slices.ContainsFunc(conds, func(v string) bool { return v != "" }) {
		t.Errorf("the matched conditions are not prefilled: %q", conds)
	}
	if cited := user.text("blockquote.cited"); len([]rune(cited)) < 10 {
		t.Errorf("the cited clause: %q", cited)
	}
	user.shot(shots, "p10-application")

	// The cited clause, on the policy page.
	href := must(t, user.ctx, "clause link", chromedp.Evaluate[string](`document.querySelector('blockquote.cited a').getAttribute('href')`))
	_, frag, ok := strings.Cut(href, "#c-")
	if !ok {
		t.Fatalf("the cited clause's link %q has no anchor", href)
	}
	user.link("见政策原文")
	checkTarget(t, user.ctx, "c-"+anchorText(t, frag))
	viewShot(t, user.ctx, shots, "p11-cited-clause")
	user.open(app)

	user.fill("联系人", "李四")
	user.fill("通讯地址", "浙江省嘉兴市南湖区某某路 1 号")
	user.fill("申报说明", "本公司为高新技术企业，符合申报条件。")
	user.press("保存草稿")
	user.sees("the saved draft", "草稿已保存。")
	must(t, user.ctx, "choose the file", chromedp.SetUploadFiles(chromedp.ID(user.field("上传附件", "")), []string{writeJourneyPDF(t, "营业执照.pdf")}))
	user.press("上传")
	user.sees("the application with its file", "附件已上传。", "附件（1/", "营业执照.pdf")
	if v := must(t, user.ctx, "kept", chromedp.Value(chromedp.ID(user.field("联系人", "")))); v != "李四" {
		t.Errorf("联系人 after the upload: %q", v)
	}
	return app
}

// journeySubmit requests a code, reads it on the outbox page and
// submits with it.
func journeySubmit(user, admin *browserPerson, app, shots string) {
	user.t.Helper()
	user.press("获取验证码")
	user.sees("the application after 获取验证码", "验证码已发送")
	code := admin.outboxCode(journeyPhone)
	user.fill("短信验证码", code)
	user.press("提交申报")
	if got := user.path(); got != app+"?done=submitted" {
		user.t.Errorf("提交申报 went to %s", got)
	}
	user.sees("the submitted application", "申报已提交，请等待审核。", "已提交", "办理进度")
	if n := must(user.t, user.ctx, "editing", chromedp.Evaluate[int](`document.querySelectorAll('button').length - document.querySelectorAll('header button').length`)); n != 0 {
		user.t.Errorf("the submitted application still offers %d buttons", n)
	}
	user.shot(shots, "p12-submitted")
}

// journeyReview: the reviewer opens the application from the desk, takes it,
// approves 5万 and confirms the disbursement.
func journeyReview(reviewer *browserPerson, app, shots string) {
	t := reviewer.t
	t.Helper()
	id := strings.TrimPrefix(app, "/applications/")
	reviewer.follow(`//a[contains(normalize-space(), "待审核的申报")]`)
	reviewer.sees("the queue", "共 1 份申报", "嘉兴某某科技有限公司", "已提交")
	reviewer.follow(`//a[@href="/staff/applications/` + id + `"]`)
	reviewer.sees("the application under review", "已提交", "李四", "营业执照.pdf", "本公司为高新技术企业", "依据条款")
	reviewer.press("受理审核")
	reviewer.sees("the taken application", "审核中", "审核操作已完成。")
	reviewer.fill("核定金额", "5万")
	reviewer.fill("审核意见（选填）", "材料齐全，同意支持。")
	reviewer.shot(shots, "p13-review")
	reviewer.press("审核通过")
	reviewer.sees("the approved application", "审核通过", "5万元")
	reviewer.press("确认拨付")
	reviewer.sees("the disbursed application", "资金已拨付", "已提交 → 审核中 → 审核通过 → 资金已拨付")
	reviewer.shot(shots, "p14-disbursed")
}

// anchorText decodes an anchor of a link.
func anchorText(t *testing.T, s string) string {
	t.Helper()
	u, err := url.PathUnescape(s)
	if err != nil {
		t.Fatalf("anchor %q: %v", s, err)
	}
	return u
}
