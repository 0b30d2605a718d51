package server_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/huiqi-dev/huiqi/sms"
)

// browserPerson is one browser of the journey: its own cookies, its own tab.
type browserPerson struct {
	t    *testing.T
	ctx  context.Context
	base string
}

// newBrowserPerson opens a browser context of its own within the browser of ctx
// (which must have run once), so that each browserPerson signs in apart.
func newBrowserPerson(t *testing.T, ctx context.Context, base string) *browserPerson {
	t.Helper()
	c, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return &browserPerson{t, c, base}
}

// open goes to path of the site.
func (p *browserPerson) open(path string) {
	p.t.Helper()
	must(p.t, p.ctx, "open "+path, chromedp.Navigate(p.base+path))
}

// path is the path (and query) of the page the person is on.
func (p *browserPerson) path() string {
	p.t.Helper()
	return strings.TrimPrefix(must(p.t, p.ctx, "location", chromedp.Location()), p.base)
}

// field finds the form field a label names (the label's text starts with
// label), within the fieldset whose legend is scope when scope is not "",
// and returns its id.
func (p *browserPerson) field(label, scope string) string {
	p.t.Helper()
	js := fmt.Sprintf(`(() => {
		const flat = s => s.replace(/\s+/g, '');
		let root = document;
		if (%[2]q) root = [...document.querySelectorAll('fieldset')].find(f => f.querySelector(':scope > legend') && flat(f.querySelector(':scope > legend').textContent) === flat(%[2]q));
		if (!root) return '';
		const l = [...root.querySelectorAll('label[for]')].find(l => flat(l.textContent).startsWith(flat(%[1]q)));
		return l ? l.htmlFor : '';
	})()`, label, scope)
	id := must(p.t, p.ctx, "label "+label, chromedp.Evaluate[string](js))
	if id == "" {
		p.t.Fatalf("%s: no field labelled %q %s", p.path(), label, scope)
	}
	return id
}

// fill types value into the field labelled label.
func (p *browserPerson) fill(label, value string) {
	p.t.Helper()
	p.fillIn("", label, value)
}

// fillIn types value into the field labelled label within scope.
func (p *browserPerson) fillIn(scope, label, value string) {
	p.t.Helper()
	must(p.t, p.ctx, "type "+label, chromedp.SendKeys(chromedp.ID(p.field(label, scope)), value))
}

// set sets the value of a date or select field labelled label within scope.
func (p *browserPerson) set(scope, label, value string) {
	p.t.Helper()
	must(p.t, p.ctx, "set "+label, chromedp.SetValue(chromedp.ID(p.field(label, scope)), value))
}

// press clicks the button whose text starts with text and waits for the
// page it leads to.
func (p *browserPerson) press(text string) {
	p.t.Helper()
	p.follow(fmt.Sprintf(`//button[starts-with(normalize-space(), %q)]`, text))
}

// follow clicks the first element the XPath selects and waits for the
// page it leads to.
func (p *browserPerson) follow(xpath string) {
	p.t.Helper()
	must(p.t, p.ctx, "click "+xpath, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.Search(xpath))))
}

// link clicks the first link whose text is text.
func (p *browserPerson) link(text string) {
	p.t.Helper()
	p.follow(fmt.Sprintf(`//a[normalize-space()=%q]`, text))
}

// text is the visible text of the first element sel (CSS) selects.
func (p *browserPerson) text(sel string) string {
	p.t.Helper()
	return must(p.t, p.ctx, "text of "+sel, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {innerText: ''}).innerText`, sel)))
}

// sees fails the test unless the page's text holds every one of wants.
func (p *browserPerson) sees(what string, wants ...string) {
	p.t.Helper()
	body := p.text("body")
	for _, w := range wants {
		if !strings.Contains(body, w) {
			p.t.Errorf("%s (%s) does not show %q", what, p.path(), w)
		}
	}
}

// shot saves the whole page as name.png in dir.
func (p *browserPerson) shot(dir, name string) {
	p.t.Helper()
	screenshot(p.t, p.ctx, dir, name)
}

// signInStaff signs in at /login/staff with the test password.
func (p *browserPerson) signInStaff(username string) {
	p.t.Helper()
	p.open("/login/staff")
	p.fill("用户名", username)
	p.fill("密码", staffPassword)
	p.press("登录")
	if got := p.path(); got != "/staff" {
		p.t.Fatalf("%s signed in to %s, want the desk /staff", username, got)
	}
}

// outboxCode reads the latest code sent to phone from the administrator's
// outbox page, as a browserPerson would read it off the screen.
func (p *browserPerson) outboxCode(phone string) string {
	p.t.Helper()
	p.open("/admin/outbox")
	rows := must(p.t, p.ctx, "outbox rows", chromedp.Evaluate[[][]string](`[...document.querySelectorAll('.plat-table tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))`))
	for _, r := range rows { // newest first
		if len(r) == 3 && r[1] == phone {
			if c := sms.Code(r[2]); c != "" {
				return c
			}
		}
	}
	p.t.Fatalf("the outbox page shows no code for %s: %v", phone, rows)
	return ""
}

// journeyPDF is a small valid PDF of one empty page, its cross-reference
// table pointing at each object.
func journeyPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%s\n%%%%EOF\n", len(objs)+1, strconv.Itoa(xref))
	return []byte(b.String())
}

// writeJourneyPDF writes the minimal PDF as name in a temporary directory and
// returns its path.
func writeJourneyPDF(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, journeyPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// check clicks the radio button or checkbox the XPath selects.
func (p *browserPerson) check(xpath string) {
	p.t.Helper()
	must(p.t, p.ctx, "check "+xpath, chromedp.Click(chromedp.Search(xpath)))
}
