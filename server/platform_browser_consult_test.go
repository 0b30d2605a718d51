package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// journeyConsult: the user asks a demo policy of 平湖市 a question of the test
// set, follows the instant answer's citation to the clause, hands the
// question to staff; the officer of 嘉兴市 answers it from the queue and
// the user, notified, reads the answer.
// It returns the thread's path.
func journeyConsult(t *testing.T, ps *platformSite, user, officer *browserPerson, shots string) string {
	t.Helper()
	p := policyFromFile(t, ps.Site.Store, consultFile)
	user.open("/policies/" + p.ID)
	user.fill("就本政策提问", consultQuestion)
	user.press("提问")
	if !strings.HasPrefix(user.path(), "/policies/"+p.ID+"/ask?q=") {
		t.Fatalf("提问 went to %s", user.path())
	}
	ask := user.path()
	user.sees("the instant answer", "即时解答", "问："+consultQuestion, "所引条款", "转人工")
	href := must(t, user.ctx, "quote", chromedp.Evaluate[string](`document.querySelector('ol.quotes a').getAttribute('href')`))
	if _, frag, _ := strings.Cut(href, "#c-"); anchorText(t, frag) != consultClause {
		t.Errorf("the first quote cites %q, want the clause %s", href, consultClause)
	}
	user.shot(shots, "p16-instant-answer")
	user.follow(`//ol[@class="quotes"]//a`)
	checkTarget(t, user.ctx, "c-"+consultClause)
	viewShot(t, user.ctx, shots, "p17-answer-clause")
	user.open(ask)
	user.press("转人工咨询")
	thread := user.path()
	if m := threadLocation.FindStringSubmatch(thread); m == nil {
		t.Fatalf("转人工 went to %s", thread)
	}
	user.sees("the new thread", consultQuestion, "待答复", "所引条款")

	officer.open("/staff")
	officer.follow(`//a[contains(normalize-space(), "待答复的在线咨询")]`)
	officer.sees("the officer's queue", consultQuestion, "330482", "待答复")
	officer.follow(`//a[@href="/staff` + thread + `"]`)
	officer.sees("the officer's thread", consultQuestion, "摘自政策原文", "所引条款")
	const answer = "经核实，新认定的国家级科技企业孵化器可获奖励，请于认定次年向科技部门申报。"
	officer.fill("答复", answer)
	officer.press("提交答复")
	officer.sees("the answered thread", "已答复", answer)
	officer.shot(shots, "p18-officer-answer")

	user.open("/")
	if n := user.text(".site-nav .unread"); n == "" {
		t.Error("the header counts no unread notification")
	}
	user.follow(`//nav[@aria-label="主导航"]//a[starts-with(normalize-space(), "通知")]`)
	user.follow(`//a[starts-with(normalize-space(), "您的咨询已答复")]`)
	if got := user.path(); got != thread {
		t.Errorf("the notification leads to %s, want %s", got, thread)
	}
	user.sees("the user's answered thread", "已答复", answer, "政策专员")
	user.shot(shots, "p19-user-answer")
	return thread
}

// brokenNav lists the header menu's links whose text runs over more than
// one line.
const brokenNav = `[...document.querySelectorAll('.site-nav a')].filter(a => a.getBoundingClientRect().height > 2.5 * parseFloat(getComputedStyle(a).fontSize)).map(a => a.innerText)`

// journeyPhoneWidth: the application and the thread at a phone's width,
// without sideways scrolling, each link of the menu on one line.
func journeyPhoneWidth(user *browserPerson, paths []string, shots string) {
	t := user.t
	t.Helper()
	must(t, user.ctx, "phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	for i, p := range paths {
		user.open(p)
		if wide := must(t, user.ctx, "width", chromedp.Evaluate[int](`document.documentElement.scrollWidth - innerWidth`)); wide > 0 {
			t.Errorf("%s scrolls sideways by %dpx at 390px", p, wide)
		}
		if broken := must(t, user.ctx, "nav", chromedp.Evaluate[[]string](brokenNav)); len(broken) > 0 {
			t.Errorf("%s at 390px breaks the menu's links over lines: %q", p, broken)
		}
		viewShot(t, user.ctx, shots, "p20-phone-"+string(rune('a'+i))+"-top")
		user.shot(shots, "p20-phone-"+string(rune('a'+i)))
	}
}
