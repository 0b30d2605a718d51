package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// purgeFixture is a real store with a user, a session expiring at noon and
// a code issued at 08:00, and a purger on a clock the test moves.
func purgeFixture(t *testing.T) (*sqlite.DB, *purger, *time.Time, *bytes.Buffer) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	start := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	u := &huiqi.User{Phone: "13800138000", Role: huiqi.RoleEnterprise}
	if err := db.CreateUser(ctx, u, nil); err != nil {
		t.Fatal(err)
	}
	sess := &huiqi.Session{IDHash: "h", UserID: u.ID, CreatedAt: start, ExpiresAt: start.Add(4 * time.Hour)}
	if err := db.CreateSession(ctx, sess); err != nil {
		t.Fatal(err)
	}
	code := &huiqi.SMSCode{Phone: u.Phone, Purpose: huiqi.CodeSignIn, Hash: "c", CreatedAt: start, ExpiresAt: start.Add(5 * time.Minute)}
	if err := db.IssueCode(ctx, code, huiqi.CodeLimits{}); err != nil {
		t.Fatal(err)
	}
	now := start
	var log bytes.Buffer
	p := &purger{store: db, now: func() time.Time { return now }, log: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	return db, p, &now, &log
}

func TestPurgeOnClock(t *testing.T) {
	ctx := context.Background()
	_, p, now, log := purgeFixture(t)
	steps := []struct {
		at   time.Duration // after 08:00
		want string
	}{
		{time.Hour, "level=DEBUG msg=\"purged expired codes and sessions\" codes=0 sessions=0"},
		{4 * time.Hour, "level=INFO msg=\"purged expired codes and sessions\" codes=0 sessions=1"},
		{24 * time.Hour, "level=DEBUG msg=\"purged expired codes and sessions\" codes=0 sessions=0"}, // the code stays a day
		{24*time.Hour + 6*time.Minute, "level=INFO msg=\"purged expired codes and sessions\" codes=1 sessions=0"},
	}
	for _, st := range steps {
		log.Reset()
		*now = time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC).Add(st.at)
		p.purge(ctx)
		if !strings.Contains(log.String(), st.want) {
			t.Errorf("purge at 08:00+%v logged %q, want %q", st.at, log.String(), st.want)
		}
	}
}

func TestPurgeFailureLogged(t *testing.T) {
	db, p, _, log := purgeFixture(t)
	db.Close()
	p.purge(context.Background())
	if !strings.Contains(log.String(), "level=WARN msg=\"purge of expired codes and sessions failed\"") {
		t.Errorf("purge of a closed store logged %q, want a warning", log.String())
	}
	log.Reset()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.purge(ctx)
	if log.Len() != 0 {
		t.Errorf("purge cut short by the server stopping logged %q, want nothing", log.String())
	}
}

// TestPurgeRun ticks the loop the server runs: it purges at once, at each
// tick, and returns when its context ends.
func TestPurgeRun(t *testing.T) {
	_, p, now, log := purgeFixture(t)
	*now = now.Add(5 * time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	tick := make(chan time.Time)
	done := make(chan struct{})
	go func() { p.run(ctx, tick); close(done) }()
	for range 3 { // a tick is taken only once the purge before it is done
		tick <- time.Time{}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
	if got := strings.Count(log.String(), "msg=\"purged expired codes and sessions\""); got < 3 {
		t.Errorf("run logged %d purges, want at least 3 (start and two ticks):\n%s", got, log.String())
	}
	if !strings.Contains(log.String(), "sessions=1") {
		t.Errorf("the first purge did not delete the expired session:\n%s", log.String())
	}
}

// TestServePurgesAtStart: huiqi serve purges at start-up, in the
// background: a session that expired yesterday is deleted and logged.
func TestServePurgesAtStart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	data := t.TempDir()
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "管理员", "--role", "admin")
	db, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.FindUserByUsername(ctx, "admin")
	if err == nil {
		yesterday := time.Now().Add(-24 * time.Hour)
		err = db.CreateSession(ctx, &huiqi.Session{IDHash: "old", UserID: u.ID, CreatedAt: yesterday.Add(-time.Hour), ExpiresAt: yesterday})
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	s := startServe(t, "--data", data)
	const want = `msg="purged expired codes and sessions" codes=0 sessions=1`
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.stderr.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not log %q:\n%s", want, s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
