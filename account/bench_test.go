package account

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
)

func BenchmarkCheckPassword(b *testing.B) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		CheckPassword(h, "correct horse battery")
	}
}

// benchSignIn measures a failed sign-in of a known and of an unknown
// username over SQLite: the two should cost the same.
func benchSignIn(b *testing.B, username string) {
	db, err := sqlite.Open(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	f := newFixture(b, db, func(now func() time.Time) { db.Now = now })
	u, _ := NewStaff("wang.li", "王力", huiqi.RoleOfficer, []string{"510100"}, "", "correct horse battery")
	if err := CreateStaff(f.ctx, db, "system", u, f.clock()); err != nil {
		b.Fatal(err)
	}
	f.svc.cfg.PasswordFailures = 1 << 30
	f.svc.fails = newFailures(1<<30, time.Minute)
	for b.Loop() {
		f.svc.SignInWithPassword(f.ctx, username, "a wrong password", "", "")
	}
}

func BenchmarkSignInWrongPassword(b *testing.B) { benchSignIn(b, "wang.li") }
func BenchmarkSignInUnknownUser(b *testing.B)   { benchSignIn(b, "zhang.san") }
