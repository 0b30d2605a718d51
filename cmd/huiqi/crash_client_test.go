package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/sms"
)

// ledger records the writes the server acknowledged, and the last save
// attempted per application (it may have committed before the kill).
type ledger struct {
	mu      sync.Mutex
	users   map[string]*ackedUser // by phone
	apps    map[string]*ackedApp
	threads map[string]string // consultation ID → question
}

type ackedUser struct {
	credit   string // bound, "" before
	verified bool   // the binding verified by the administrator
}

type ackedApp struct {
	phone                string
	statement, attempted string
	files                map[string]int64 // SHA-256 → size
	submitted            bool
}

func (l *ledger) do(f func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.users == nil {
		l.users, l.apps, l.threads = map[string]*ackedUser{}, map[string]*ackedApp{}, map[string]string{}
	}
	f()
}

// count counts the applications, files, submissions and consultations
// acknowledged.
func (l *ledger) count() (apps, files, submitted, threads int) {
	l.do(func() {
		threads = len(l.threads)
		for _, a := range l.apps {
			apps, files = apps+1, files+len(a.files)
			if a.submitted {
				submitted++
			}
		}
	})
	return apps, files, submitted, threads
}

// crashRound is what the clients of one server's life share.
type crashRound struct {
	base     string
	st       crashStore // the store, opened beside the server
	led      *ledger
	acked    atomic.Int64  // writes acknowledged
	inflight atomic.Int64  // requests sent and not yet answered
	dying    chan struct{} // closed just before the kill
	admin    *crashClient  // signed in as the administrator
}

// crashClient is one enterprise user writing through the portal.
type crashClient struct {
	*crashRound
	t      *testing.T
	http   *http.Client
	phone  string
	credit string
}

func newCrashClient(t *testing.T, r *crashRound, round, worker int) *crashClient {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	n := round*10 + worker
	return &crashClient{crashRound: r, t: t, http: hc, phone: fmt.Sprintf("139%08d", 10_000+n), credit: creditCode(n)}
}

// do sends a request, counted in flight until answered.
func (c *crashClient) do(req *http.Request, err error) (*http.Response, error) {
	if err != nil {
		return nil, err
	}
	c.inflight.Add(1)
	defer c.inflight.Add(-1)
	return c.http.Do(req)
}

// creditCode returns a valid 统一社会信用代码 for n: the two check
// characters (of the organisation code and of the whole) found by trying.
func creditCode(n int) string {
	body := fmt.Sprintf("91510100MA%06d", n)
	for _, c := range "0123456789ABCDEFGHJKLMNPQRTUWXY" {
		first17 := body + string(c)
		if code := first17 + string(profile.CreditCheckChar(first17)); profile.CheckCreditCode(code) == nil {
			return code
		}
	}
	panic("no check character for " + body)
}

// dead tells whether the kill has begun.
func (c *crashClient) dead() bool {
	select {
	case <-c.dying:
		return true
	default:
		return false
	}
}

// run signs in, binds the enterprise and applies for measures from a
// random start until the server goes away: the kill finds requests in
// flight.
func (c *crashClient) run(measures [][2]string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 2))
	if !c.signIn() || !c.bind() || !c.verify() {
		return
	}
	start := rng.IntN(len(measures))
	for i := range measures {
		if !c.apply(measures[(start+i)%len(measures)], rng) {
			return
		}
	}
}

func (c *crashClient) signIn() bool {
	res, err := c.http.Get(c.base + "/login")
	if err != nil {
		return false
	}
	res.Body.Close()
	if !c.post("/login/code", url.Values{"phone": {c.phone}}, http.StatusOK, "") {
		return false
	}
	code := c.code("您的验证码")
	if code == "" || !c.post("/login", url.Values{"phone": {c.phone}, "code": {code}}, http.StatusSeeOther, "/account") {
		return false
	}
	c.ack(func(l *ledger) { l.users[c.phone] = &ackedUser{} })
	return true
}

// signInStaff signs the client in as a staff member.
func (c *crashClient) signInStaff(username, password string) bool {
	res, err := c.http.Get(c.base + "/login/staff")
	if err != nil {
		c.unexpected("GET /login/staff", err.Error())
		return false
	}
	res.Body.Close()
	return c.post("/login/staff", url.Values{"username": {username}, "password": {password}}, http.StatusSeeOther, "/staff")
}

func (c *crashClient) bind() bool {
	form := url.Values{"credit_code": {c.credit}, "name": {"崩溃测试企业" + c.phone[7:]}, "region_code": {"510104"}}
	if !c.post("/account/enterprises", form, http.StatusSeeOther, "/account?bound=1") {
		return false
	}
	c.ack(func(l *ledger) { l.users[c.phone].credit = c.credit })
	return true
}

// verify has the administrator verify the client's binding.
func (c *crashClient) verify() bool {
	var id string
	c.withStore(func(st crashStore) error {
		u, err := st.FindUserByPhone(context.Background(), c.phone)
		if err == nil {
			id = u.ID
		}
		return err
	})
	form := url.Values{"user_id": {id}, "credit_code": {c.credit}}
	if id == "" || !c.admin.post("/staff/bindings/verify", form, http.StatusSeeOther, "/staff/bindings?verified=1") {
		return false
	}
	c.ack(func(l *ledger) { l.users[c.phone].verified = true })
	return true
}

// apply starts an application, saves it, attaches files and submits it.
func (c *crashClient) apply(m [2]string, rng *rand.Rand) bool {
	loc, ok := c.postLoc("/applications", url.Values{"credit_code": {c.credit}, "policy": {m[0]}, "measure": {m[1]}})
	if !ok || !strings.HasPrefix(loc, "/applications/ap_") {
		c.unexpected("start", loc)
		return false
	}
	id := strings.TrimPrefix(loc, "/applications/")
	c.ack(func(l *ledger) { l.apps[id] = &ackedApp{phone: c.phone, files: map[string]int64{}} })
	path := "/applications/" + id
	stmt := fmt.Sprintf("申报说明 %d", rng.Uint32())
	c.led.do(func() { c.led.apps[id].attempted = stmt })
	if !c.post(path, url.Values{"f.contact_name": {"张三"}, "f.contact_phone": {c.phone}, "f.statement": {stmt}}, http.StatusSeeOther, path+"?done=saved") {
		return false
	}
	c.ack(func(l *ledger) { l.apps[id].statement = stmt })
	for range 1 + rng.IntN(2) {
		file := pdfBytes(rng)
		if !c.upload(path+"/files", file, path+"?done=attached") {
			return false
		}
		sum := sha256.Sum256(file)
		c.ack(func(l *ledger) { l.apps[id].files[hex.EncodeToString(sum[:])] = int64(len(file)) })
	}
	if !c.post(path+"/code", url.Values{}, http.StatusSeeOther, path+"?done=sent") {
		return false
	}
	code := c.code("提交申报材料")
	if code == "" || !c.post(path+"/submit", url.Values{"code": {code}}, http.StatusSeeOther, path+"?done=submitted") {
		return false
	}
	c.ack(func(l *ledger) { l.apps[id].submitted = true })
	return rng.IntN(2) == 0 || c.ask(m[0], rng)
}

// ask hands a question on the policy to a person (转人工): a consultation
// with the question and the instant answer.
func (c *crashClient) ask(policyID string, rng *rand.Rand) bool {
	q := fmt.Sprintf("申报需要提交哪些材料？（%d）", rng.Uint32())
	loc, ok := c.postLoc("/policies/"+policyID+"/ask", url.Values{"q": {q}})
	if !ok || !strings.HasPrefix(loc, "/consultations/th_") {
		c.unexpected("ask", loc)
		return false
	}
	c.ack(func(l *ledger) { l.threads[strings.TrimPrefix(loc, "/consultations/")] = q })
	return true
}

// pdfBytes is a file the upload checks take for a whole PDF: 1 to 300 KB.
func pdfBytes(rng *rand.Rand) []byte {
	b := make([]byte, 1024+rng.IntN(300*1024))
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return append(append([]byte("%PDF-1.7\n"), b...), "\n%%EOF\n"...)
}

func (c *crashClient) ack(f func(l *ledger)) {
	c.led.do(func() { f(c.led) })
	c.acked.Add(1)
}

// unexpected fails the test for an answer a live server must not give;
// after the kill every answer is possible.
func (c *crashClient) unexpected(what, got string) {
	if !c.dead() && got != "" {
		c.t.Errorf("%s of %s: %s", what, c.phone, got)
	}
}

// post posts a form with the CSRF token and checks the status and, for a
// redirect, its target.
func (c *crashClient) post(path string, form url.Values, status int, location string) bool {
	loc, ok := c.postStatus(path, form, status)
	if ok && status == http.StatusSeeOther && loc != location {
		c.unexpected("POST "+path, "redirected to "+loc+", want "+location)
		return false
	}
	return ok
}

func (c *crashClient) postLoc(path string, form url.Values) (string, bool) {
	return c.postStatus(path, form, http.StatusSeeOther)
}

func (c *crashClient) postStatus(path string, form url.Values, status int) (string, bool) {
	form.Set("csrf", c.csrf())
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err == nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.do(req, err)
	return c.answer("POST "+path, res, err, status)
}

func (c *crashClient) upload(path string, data []byte, location string) bool {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", c.csrf())
	fw, _ := mw.CreateFormFile("file", "材料.pdf")
	fw.Write(data)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.base+path, &body)
	if err == nil {
		req.Header.Set("Content-Type", mw.FormDataContentType())
	}
	res, err := c.do(req, err)
	loc, ok := c.answer("POST "+path, res, err, http.StatusSeeOther)
	if ok && loc != location {
		c.unexpected("upload", "redirected to "+loc)
		return false
	}
	return ok
}

// answer reads a response: false for a transport error (the server is
// gone) or another status than want, which a live server must not give.
func (c *crashClient) answer(what string, res *http.Response, err error, want int) (string, bool) {
	if err != nil {
		c.unexpected(what, err.Error())
		return "", false
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return "", false
	}
	if res.StatusCode != want {
		c.unexpected(what, fmt.Sprintf("status %d: %.300s", res.StatusCode, b))
		return "", false
	}
	return res.Header.Get("Location"), true
}

func (c *crashClient) csrf() string {
	u, _ := url.Parse(c.base)
	for _, k := range c.http.Jar.Cookies(u) {
		if k.Name == "huiqi_csrf" {
			return k.Value
		}
	}
	return ""
}

// code reads the newest code sent to the client's phone whose text has
// marker from the development outbox.
func (c *crashClient) code(marker string) string {
	code := ""
	c.withStore(func(st crashStore) error {
		msgs, err := st.Outbox(context.Background(), 200)
		for _, m := range msgs {
			if m.Phone == c.phone && strings.Contains(m.Text, marker) {
				code = sms.Code(m.Text)
				return nil
			}
		}
		if err == nil {
			err = fmt.Errorf("no code for %s", c.phone)
		}
		return err
	})
	return code
}

// withStore calls f with the store the server writes, opened beside it.
func (c *crashClient) withStore(f func(st crashStore) error) {
	if err := f(c.st); err != nil {
		c.unexpected("read the store", err.Error())
	}
}
