package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/consult"
	"github.com/huiqi-dev/huiqi/portal"
	"github.com/huiqi-dev/huiqi/server"
)

// TestAskInstantAnswer: anyone may ask on a policy page; the answer quotes
// the clause that answers, linked to its anchor on the policy page, with
// its amounts; a question the policy does not answer says so plainly.
func TestAskInstantAnswer(t *testing.T) {
	ps := servePlatform(t)
	p := policyFromFile(t, ps.Site.Store, consultFile)
	v := newVisitor(t, ps.URL)

	_, policyPage := v.get("/policies/" + p.ID)
	if !strings.Contains(policyPage, `action="/policies/`+p.ID+`/ask"`) || !strings.Contains(policyPage, `name="q"`) {
		t.Fatal("the policy page has no question form")
	}
	res, body := v.get(askURL(p.ID, consultQuestion))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("ask: %d", res.StatusCode)
	}
	anchor := "/policies/" + p.ID + "#c-" + consultClause
	if !hasLink(t, body, anchor) {
		t.Errorf("the answer does not link clause %s to %s", consultClause, anchor)
	}
	if !strings.Contains(policyPage, `id="c-`+consultClause+`"`) {
		t.Errorf("the policy page has no anchor c-%s", consultClause)
	}
	for _, want := range []string{"所引条款", "一（二）", "分别给予300万元、200万元、100万元的奖励", "资金事项", "300万元", "条件：",
		"以上摘自政策原文", "转人工需要先登录", "/login?next="} {
		if !strings.Contains(body, want) {
			t.Errorf("the answer page lacks %q", want)
		}
	}
	if strings.Contains(body, "由模型") {
		t.Error("an answer without a model says it was phrased by one")
	}

	_, none := v.get(askURL(p.ID, consultNone))
	if !strings.Contains(none, "本政策原文中没有找到能回答这个问题的条款") || strings.Contains(none, `class="quotes"`) || strings.Contains(none, "资金事项") {
		t.Error("an unanswerable question is not told so plainly, or quotes something")
	}
	_, long := v.get(askURL(p.ID, strings.Repeat("补", consult.MaxQuestionRunes+1)))
	if !strings.Contains(long, "问题不能超过 500 个字") || strings.Contains(long, "即时解答") {
		t.Error("a question too long is answered or not refused with a reason")
	}
	if res, _ := v.get(askURL("000000000000", consultQuestion)); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown policy: %d", res.StatusCode)
	}
}

// TestAskInert: a question with markup is shown as text on the answer
// page and on the thread, and an officer's answer with markup too.
func TestAskInert(t *testing.T) {
	ps := servePlatform(t)
	p := policyFromFile(t, ps.Site.Store, consultFile)
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>孵化器奖励多少？`
	v := newVisitor(t, ps.URL)
	_, body := v.get(askURL(p.ID, evil))
	checkInert(t, "answer page", body)
	if !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("the question is not shown escaped on the answer page")
	}

	ps.signIn(v, "13900000201")
	id := handoff(t, v, p.ID, evil)
	_, thread := v.get("/consultations/" + id)
	checkInert(t, "thread", thread)

	ps.staff("inert-officer", "officer", "330400")
	o := newVisitor(t, ps.URL)
	ps.signInStaff(o, "inert-officer")
	_, desk := o.get("/staff/consultations/" + id)
	checkInert(t, "staff thread", desk)
	res, _ := o.postForm("/staff/consultations/"+id, consultForm("text", `答复<script>alert(2)</script>[1]`, "csrf", o.csrfOf("/staff/consultations/"+id)))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer: %d", res.StatusCode)
	}
	_, answered := v.get("/consultations/" + id)
	checkInert(t, "answered thread", answered)
	if !strings.Contains(answered, "答复&lt;script&gt;alert(2)&lt;/script&gt;") {
		t.Error("the officer's answer is not shown escaped")
	}
}

// checkInert fails when a page carries a script or handler it should not.
func checkInert(t *testing.T, what, body string) {
	t.Helper()
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "onerror=alert") && !strings.Contains(body, "&lt;img") {
		t.Errorf("%s carries the markup of the question", what)
	}
}

// fakePhraser phrases every answer the same way, citing quote 1.
type fakePhraser struct{ text string }

func (f fakePhraser) Phrase(context.Context, []consult.Quote, []string) (string, error) {
	return f.text, nil
}
func (fakePhraser) Model() string { return "test-model" }

// TestAskPhrased: with a Phraser the phrased text is shown, its citations
// linked to the quotes, with a note that a model phrased it from them.
func TestAskPhrased(t *testing.T) {
	ps := servePlatform(t)
	p := policyFromFile(t, ps.Site.Store, consultFile)
	plat := &portal.Platform{Accounts: ps.Accounts, Users: ps.Store, Apps: ps.Store, Threads: ps.Store, Audit: ps.Store,
		Phraser: fakePhraser{"新认定的国家级科技企业孵化器给予300万元奖励<b>[1]</b>。"}}
	h, err := server.New(ps.Site.Store, ps.Site.Index, consultLogger(), server.WithPlatform(plat))
	if err != nil {
		t.Fatal(err)
	}
	srv := consultServer(t, h)
	_, body := newVisitor(t, srv).get(askURL(p.ID, consultQuestion))
	for _, want := range []string{"新认定的国家级科技企业孵化器给予300万元奖励&lt;b&gt;<a class=\"cite\" href=\"#q-1\">[1]</a>&lt;/b&gt;",
		`id="q-1"`, "由模型（test-model）依据下列所引条款组织语言"} {
		if !strings.Contains(body, want) {
			t.Errorf("the phrased answer lacks %q", want)
		}
	}
}
