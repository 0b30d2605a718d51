package server_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/sms"
)

// journeyPhone is the enterprise user's mobile number.
const journeyPhone = "13800138077"

// journeyCredit is the 统一社会信用代码 of the user's enterprise, registered
// in 嘉兴市南湖区 (330402), with its check character.
var journeyCredit = func() string {
	const first17 = "91330402716105852"
	return first17 + string(profile.CreditCheckChar(first17))
}()

// TestBrowserPlatform walks the platform in headless Chromium as its
// people do: an enterprise user signs in with a code read off the
// administrator's outbox page, fills 我的企业, has the binding verified by
// the region's officer, applies with a PDF attached and submits with a
// second code; the region's reviewer takes, approves and disburses; the
// user sees the outcome, then asks about a policy, follows the cited
// clause, hands the question to staff and reads the officer's answer.
func TestBrowserPlatform(t *testing.T) {
	ctx := newBrowser(t)
	ps := servePlatform(t)
	shots := screenshotDir(t)
	t.Logf("screenshots in %s", shots)
	ps.staff("jx.admin", huiqi.RoleAdmin)
	ps.staff("jx.officer", huiqi.RoleOfficer, "330400") // 嘉兴市: 南湖区 and 平湖市 within
	ps.staff("jx.reviewer", huiqi.RoleReviewer, "330400")

	must(t, ctx, "start", chromedp.Navigate(ps.URL+"/"))
	user := &browserPerson{t, ctx, ps.URL}
	admin := newBrowserPerson(t, ctx, ps.URL)
	admin.signInStaff("jx.admin")

	journeySignIn(user, admin, shots)
	journeyProfile(user, shots)
	measure := journeyClaim(user, shots)
	officer := newBrowserPerson(t, ctx, ps.URL)
	officer.signInStaff("jx.officer")
	journeyVerify(officer, shots)
	app := journeyApply(user, measure, shots)
	ps.advance(61 * time.Second) // a second code to the number after a minute
	journeySubmit(user, admin, app, shots)

	reviewer := newBrowserPerson(t, ctx, ps.URL)
	reviewer.signInStaff("jx.reviewer")
	journeyReview(reviewer, app, shots)
	user.open(app)
	user.link("我的申报")
	user.sees("我的申报 after review", leaseCondition, "嘉兴某某科技有限公司", "资金已拨付")
	user.follow(`//a[@href="` + app + `"]`)
	user.sees("the applicant's page after review", "资金已拨付", "核定金额", "5万元",
		"已提交 → 审核中 → 审核通过 → 资金已拨付", "材料齐全，同意支持。", "资金已拨付 · 测试jx.reviewer（审核员） · ")
	checkBeijing(t, user.text(".timeline"))
	if tl := user.text(".timeline"); !strings.Contains(tl, "已提交 · 企业用户 · ") {
		t.Errorf("the timeline does not say the enterprise user submitted: %q", tl)
	}
	user.shot(shots, "p15-applicant-outcome")

	thread := journeyConsult(t, ps, user, officer, shots)
	journeyPhoneWidth(user, []string{app, thread}, shots)
}

var stepTime = regexp.MustCompile(`资金已拨付 · [^\n]* · (\d{4}-\d\d-\d\d \d\d:\d\d)`)

// checkBeijing checks that the timeline gives the disbursement's time
// in Beijing time, as the pages give every time.
func checkBeijing(t *testing.T, timeline string) {
	t.Helper()
	m := stepTime.FindStringSubmatch(timeline)
	if m == nil {
		t.Fatalf("the timeline gives no time of the disbursement: %q", timeline)
	}
	cst := time.FixedZone("CST", 8*60*60)
	at, err := time.ParseInLocation("2006-01-02 15:04", m[1], cst)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(at); d < -time.Minute || d > 3*time.Minute {
		t.Errorf("the disbursement shown at %s, %v from now in Beijing time (%s)", m[1], d.Round(time.Minute), time.Now().In(cst).Format("15:04"))
	}
}

// journeySignIn: the user asks for a code at /login, reads it on the
// administrator's outbox page, types it and is signed in.
func journeySignIn(user, admin *browserPerson, shots string) {
	user.t.Helper()
	user.open("/login")
	user.fill("手机号", journeyPhone)
	user.press("获取验证码")
	user.sees("the code form", "验证码已发送至", sms.Mask(journeyPhone))
	code := admin.outboxCode(journeyPhone)
	admin.shot(shots, "p01-admin-outbox")
	user.fill("短信验证码", code)
	user.shot(shots, "p02-login-code")
	user.press("登录")
	if got := user.path(); got != "/account" {
		user.t.Errorf("signed in to %s, want /account", got)
	}
	nav := user.text(".site-header")
	for _, want := range []string{"我的申报", "我的咨询", "退出"} {
		if !strings.Contains(nav, want) {
			user.t.Errorf("the signed-in header lacks %s: %q", want, nav)
		}
	}
	user.sees("the account page", journeyPhone, "企业用户")
	user.shot(shots, "p03-signed-in")
}

// leaseCondition is the condition of a 嘉兴 measure the user confirms.
const leaseCondition = "履行2年以上租赁合同"

// journeyProfile fills 我的企业 by its labels for an enterprise of 嘉兴市南湖区
// and checks the results offer 我要申报.
func journeyProfile(user *browserPerson, shots string) {
	user.t.Helper()
	user.link("我的企业")
	for _, f := range [][3]string{
		{"", "企业名称", "嘉兴某某科技有限公司"}, {"", "统一社会信用代码", journeyCredit}, {"", "注册地", "嘉兴市南湖区"},
		{"", "所属行业", "I6513"}, {"", "职工总数", "120"}, {"", "科技人员数", "30"}, {"", "Ⅰ类知识产权数", "3"},
		{"2025 年度", "销售收入", "5200万"}, {"2025 年度", "研发费用", "3100000"},
		{"2024 年度", "销售收入", "41000000"}, {"2024 年度", "研发费用", "2500000"},
		{"2023 年度", "销售收入", "30000000"}, {"2023 年度", "研发费用", "2000000"},
	} {
		user.fillIn(f[0], f[1], f[2])
	}
	user.set("", "注册成立日期", "2019-03-08")
	user.set("资质 1", "名称", "高新技术企业")
	user.set("资质 1", "级别", "national")
	user.set("资质 1", "认定日期", "2023-11-01")
	user.check(`//fieldset[starts-with(normalize-space(legend), "拥有对主要产品")]//label[normalize-space()="是"]/input`)
	user.sees("the profile form of a signed-in user", "信息保存在本网站您的账号下")
	user.shot(shots, "p04-profile")
	user.press("保存并查看结果")
	if got := user.path(); got != "/enterprise/results" {
		user.t.Fatalf("保存并查看结果 went to %s", got)
	}
	if now := user.text(`[aria-labelledby="now-title"]`); strings.Contains(now, leaseCondition) {
		user.t.Errorf("the lease measure can be applied for before its condition is confirmed: %q", now)
	}
	viewShot(user.t, user.ctx, shots, "p05-results")

	// The measure for a lease of two years or more waits for the user to
	// confirm that condition; confirmed, it can be applied for now.
	user.follow(`//article[contains(@class,"mline")][.//h3[contains(., "` + leaseCondition + `")]]//a[contains(normalize-space(), "并确认")]`)
	user.check(`//section[@id="confirm"]//fieldset[contains(legend, "` + leaseCondition + `")]//label[normalize-space()="是"]/input`)
	user.press("保存确认")
	user.sees("the confirmed policy answer", "已保存您的确认。")
	if badge := user.text(`#eligibility .mline:has(.v-eligible) h3`); !strings.Contains(badge, leaseCondition) {
		user.t.Errorf("after confirming, 现在可以申报 is %q", badge)
	}
	user.link("查看全部政策的结果")
	if now := user.text(`[aria-labelledby="now-title"]`); !strings.Contains(now, leaseCondition) || !strings.Contains(now, "我要申报") {
		user.t.Fatalf("现在可以申报 after confirming: %q", now)
	}
	viewShot(user.t, user.ctx, shots, "p06-results-now")
}
