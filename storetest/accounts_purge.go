package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// testPurgeExpired purges two days after t0: codes that expired more than
// a day ago and expired sessions go; the last day's codes stay and the
// per-day limit still counts them.
func testPurgeExpired(t *testing.T, s Accounts) {
	ctx := context.Background()
	now := t0.Add(48 * time.Hour)
	none := huiqi.CodeLimits{}
	issue(t, s, codeAt("13800138000", "203.0.113.7", "old", t0), none, "")                                    // expired two days ago
	issue(t, s, codeAt("13800138001", "203.0.113.7", "old", now.Add(-25*time.Hour)), none, "")                // 24h55m ago
	issue(t, s, codeAt("13800138002", "203.0.113.7", "edge", now.Add(-24*time.Hour-5*time.Minute)), none, "") // exactly a day ago
	issue(t, s, codeAt("13800138000", "203.0.113.7", "day", now.Add(-24*time.Hour+time.Minute)), none, "")    // within the day
	issue(t, s, codeAt("13800138000", "203.0.113.7", "hour", now.Add(-time.Hour)), none, "")                  // expired, within the day
	issue(t, s, codeAt("13800138003", "203.0.113.7", "live", now.Add(-time.Minute)), none, "")                // live
	u := enterpriseUser(t, s, "13800138000")
	for _, sess := range []*huiqi.Session{
		{IDHash: "gone", UserID: u.ID, CreatedAt: t0, ExpiresAt: t0.Add(12 * time.Hour)},
		{IDHash: "at-expiry", UserID: u.ID, CreatedAt: t0, ExpiresAt: now},
		{IDHash: "live", UserID: u.ID, CreatedAt: t0, ExpiresAt: now.Add(time.Hour)},
	} {
		createSession(t, s, sess)
	}
	if codes, sessions, err := s.PurgeExpired(ctx, now); codes != 2 || sessions != 2 || err != nil {
		t.Fatalf("PurgeExpired = %d codes, %d sessions, %v; want 2 and 2", codes, sessions, err)
	}
	if _, err := s.FindSession(ctx, "live", now); err != nil {
		t.Errorf("live session purged: %v", err)
	}
	check(t, s, "13800138003", huiqi.CodeSignIn, "live", now, true, "")
	lim := huiqi.CodeLimits{PhoneDay: 2}
	issue(t, s, codeAt("13800138000", "", "next", now), lim, "该手机号今日验证码次数已达上限（2 次）")
	if codes, sessions, err := s.PurgeExpired(ctx, now); codes != 0 || sessions != 0 || err != nil {
		t.Errorf("PurgeExpired again = %d codes, %d sessions, %v; want none", codes, sessions, err)
	}
	if codes, _, err := s.PurgeExpired(ctx, now.Add(time.Second)); codes != 1 || err != nil {
		t.Errorf("PurgeExpired a second later = %d codes, %v; want the one that expired exactly a day ago", codes, err)
	}
}
