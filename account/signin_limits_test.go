package account

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// testAddressFailureLimit fails 30 sign-ins from one address, each with
// another name so no username's own limit is reached: the address is then
// refused, even with a right password, while other addresses are not.
func testAddressFailureLimit(t *testing.T, f *fixture) {
	const guesser, other = "203.0.113.9", "198.51.100.2"
	f.staff("wang.li", huiqi.RoleReviewer, "510105")
	for i := range 30 {
		f.advance(10 * time.Second) // 09:00:10 … 09:05:00
		_, err := f.svc.SignInWithPassword(f.ctx, fmt.Sprintf("guess%02d", i), "whatever it is", guesser, "")
		wantCode(t, fmt.Sprintf("failure %d", i+1), err, huiqi.EUNAUTHORIZED)
	}
	_, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", guesser, "")
	wantCode(t, "the right password from the address after 30 failures", err, huiqi.ELIMITED)
	// The first failure (09:00:10) leaves the window at 09:15:10.
	if msg := huiqi.ErrorMessage(err); msg != "该网络地址登录失败次数过多，请 10 分钟后再试" {
		t.Errorf("message %q", msg)
	}
	if _, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", other, ""); err != nil {
		t.Fatalf("from another address: %v", err)
	}
	_, err = f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", guesser, "")
	wantCode(t, "the address after a sign-in elsewhere", err, huiqi.ELIMITED)
	f.advance(10*time.Minute + 10*time.Second)
	if _, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", guesser, ""); err != nil {
		t.Errorf("once the first failure left the window: %v", err)
	}
	// A right password does not forget the address's failures: 29 remain
	// in the window, and one more wrong try blocks it again.
	_, err = f.svc.SignInWithPassword(f.ctx, "guess99", "whatever it is", guesser, "")
	wantCode(t, "the 30th failure in the window", err, huiqi.EUNAUTHORIZED)
	_, err = f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", guesser, "")
	wantCode(t, "the address after a success and one more failure", err, huiqi.ELIMITED)
	if !strings.HasPrefix(huiqi.ErrorMessage(err), "该网络地址") {
		t.Errorf("message %q does not name the address", huiqi.ErrorMessage(err))
	}
}

func TestAddressFailuresConfig(t *testing.T) {
	t.Parallel()
	c := Config{Secret: []byte(strings.Repeat("k", 32))}.withDefaults()
	if c.AddressFailures != 30 || c.PasswordWindow != 15*time.Minute {
		t.Errorf("defaults: %d failures per address in %v, want 30 in 15m", c.AddressFailures, c.PasswordWindow)
	}
	c.AddressFailures = -1
	if err := c.validate(); huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Errorf("a negative limit: %v, want EINVALID", err)
	}
}
