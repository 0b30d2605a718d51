package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// burst runs n calls of fn at the same instant and counts the nil errors;
// any error but ELIMITED fails the test.
func burst(t *testing.T, n int, fn func(i int) error) int {
	t.Helper()
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch huiqi.ErrorCode(err) {
		case "":
			ok++
		case huiqi.ELIMITED:
		default:
			t.Errorf("burst: %v", err)
		}
	}
	return ok
}

// testCodeBurstOnePhone: 20 requests for one number at once issue one code.
func testCodeBurstOnePhone(t *testing.T, s Accounts) {
	lim := huiqi.CodeLimits{PhoneInterval: time.Minute, PhoneDay: 10, IPHour: 100, IPDay: 100}
	ok := burst(t, 20, func(i int) error {
		return s.IssueCode(context.Background(), codeAt("13800138000", "203.0.113.7", fmt.Sprint("h", i), t0), lim)
	})
	if ok != 1 {
		t.Errorf("%d of 20 requests at once issued a code, want 1", ok)
	}
}

// testCodeBurstOneIP: 50 requests for distinct numbers from one address at
// once issue IPHour codes.
func testCodeBurstOneIP(t *testing.T, s Accounts) {
	lim := huiqi.CodeLimits{PhoneInterval: time.Minute, PhoneDay: 10, IPHour: 10, IPDay: 100}
	ok := burst(t, 50, func(i int) error {
		c := codeAt(fmt.Sprintf("138%08d", i), "203.0.113.7", "h", t0.Add(time.Duration(i)*time.Millisecond))
		return s.IssueCode(context.Background(), c, lim)
	})
	if ok != 10 {
		t.Errorf("%d of 50 requests from one address issued a code, want 10", ok)
	}
}

// testCodeConcurrentTries: wrong tries at once are all counted, so no more
// than maxTries are answered.
func testCodeConcurrentTries(t *testing.T, s Accounts) {
	issue(t, s, codeAt("13800138000", "", "right", t0), interval, "")
	answered := burst(t, 12, func(int) error {
		ok, err := s.CheckCode(context.Background(), "13800138000", huiqi.CodeSignIn, "wrong", 3, t0.Add(time.Second))
		if ok {
			return fmt.Errorf("a wrong code matched")
		}
		return err
	})
	if answered != 3 {
		t.Errorf("%d of 12 wrong tries at once were answered, want 3", answered)
	}
}
