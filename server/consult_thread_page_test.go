package server_test

import (
	"context"
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/consult"
)

// TestThreadPage: the thread page shows the instant answer once — its
// text with each quote set apart, the money items as a list, then the cited clauses named as a
// reader cites them (第一条（二）) and linked to the clause — names the
// bound enterprise and the region in words, and shows a person's words
// as written; the officer's queue names the region too.
func TestThreadPage(t *testing.T) {
	ps := servePlatform(t)
	ctx := context.Background()
	p := policyFromFile(t, ps.Site.Store, consultFile)
	ent := newVisitor(t, ps.URL)
	ps.signIn(ent, "13900000311")
	claimForm(ent, "330106")
	u, err := ps.Store.FindUserByPhone(ctx, "13900000311")
	if err != nil {
		t.Fatal(err)
	}
	verifyBinding(t, ps, u, bindCode)
	id := handoff(t, ent, p.ID, consultQuestion)
	th, err := ps.Store.FindThread(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	answer := th.Messages[1]
	if len(answer.Citations) == 0 || !strings.Contains(answer.Text, "其中的资金事项") {
		t.Fatalf("the instant answer has no citation or money item: %+v", answer)
	}
	const reply = "请问<b>第[1]条</b>的材料？"
	ent.postForm("/consultations/"+id, consultForm("text", reply, "csrf", ent.csrfOf("/consultations/"+id)))

	ps.staff("jx-thread", huiqi.RoleOfficer, "330400")
	off := newVisitor(t, ps.URL)
	ps.signInStaff(off, "jx-thread")
	if queue := mustGet(t, off, "/staff/consultations"); !strings.Contains(queue, "<td>浙江省嘉兴市平湖市（330482）</td>") {
		t.Error("the officer's queue does not name the thread's region")
	}
	for who, page := range map[string]string{"owner": mustGet(t, ent, "/consultations/"+id), "officer": mustGet(t, off, "/staff/consultations/"+id)} {
		text := html.UnescapeString(page)
		lines := strings.Split(answer.Citations[0].Text, "\n")
		quote := []rune(slices.MaxFunc(lines, func(a, b string) int { return len(a) - len(b) }))
		if n := strings.Count(text, string(quote[:min(24, len(quote))])); n != 1 {
			t.Errorf("%s: the first quote shows %d times, want once", who, n)
		}
		if first, _, _ := strings.Cut(answer.Citations[0].Text, "\n"); !strings.Contains(text, "<blockquote>"+first) {
			t.Errorf("%s: the first quote is not set apart", who)
		}
		if !strings.Contains(page, `<ul class="items"><li>`) {
			t.Errorf("%s: the money items are not a list", who)
		}
		links := hrefs(t, page)
		for _, c := range answer.Citations {
			label := consult.ClauseLabel(p, c.ClausePath)
			want := "/policies/" + p.ID + "?version=" + strconv.Itoa(c.Version) + "#c-" + c.ClausePath
			if label == "" || !strings.Contains(text, ">"+label+"</a>") || !slices.Contains(links, want) {
				t.Errorf("%s: the citation of %s is not named %q and linked to %s", who, c.ClausePath, label, want)
			}
		}
		for _, want := range []string{"所引条款", "杭州甲科技有限公司", bindCode, "浙江省嘉兴市平湖市（330482）", reply} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the thread page lacks %q", who, want)
			}
		}
		if strings.Contains(page, "<b>第") {
			t.Errorf("%s: a person's reply is not shown as plain text", who)
		}
	}
}
