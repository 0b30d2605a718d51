package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func session(userID, hash string) *huiqi.Session {
	return &huiqi.Session{IDHash: hash, UserID: userID, CreatedAt: t0, ExpiresAt: t0.Add(12 * time.Hour),
		IP: "203.0.113.7", UserAgent: "Mozilla/5.0 测试"}
}

func createSession(t *testing.T, s huiqi.AccountStore, sess *huiqi.Session) {
	t.Helper()
	if err := s.CreateSession(context.Background(), sess); err != nil {
		t.Fatalf("CreateSession(%s): %v", sess.IDHash, err)
	}
}

func testSessions(t *testing.T, s Accounts) {
	ctx := context.Background()
	u := enterpriseUser(t, s, "13800138000")
	sess := session(u.ID, "hash-1")
	createSession(t, s, sess)
	got, err := s.FindSession(ctx, "hash-1", t0.Add(time.Hour))
	if err != nil || !reflect.DeepEqual(got, sess) {
		t.Errorf("FindSession = %+v, %v; want %+v", got, err, sess)
	}
	_, err = s.FindSession(ctx, "hash-1", sess.ExpiresAt)
	wantCode(t, "FindSession at its expiry", err, huiqi.ENOTFOUND)
	_, err = s.FindSession(ctx, "hash-unknown", t0)
	wantCode(t, "FindSession of an unknown hash", err, huiqi.ENOTFOUND)
	wantCode(t, "CreateSession again", s.CreateSession(ctx, session(u.ID, "hash-1")), huiqi.ECONFLICT)
	wantCode(t, "CreateSession of nobody", s.CreateSession(ctx, session("u_nobody", "hash-2")), huiqi.ENOTFOUND)
	wantCode(t, "CreateSession without expiry", s.CreateSession(ctx, &huiqi.Session{IDHash: "h", UserID: u.ID}), huiqi.EINVALID)
	if err := s.DeleteSession(ctx, "hash-1"); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindSession(ctx, "hash-1", t0)
	wantCode(t, "FindSession after delete", err, huiqi.ENOTFOUND)
	if err := s.DeleteSession(ctx, "hash-1"); err != nil {
		t.Errorf("DeleteSession of an ended session: %v", err)
	}
}

func testSessionsOfUser(t *testing.T, s Accounts) {
	ctx := context.Background()
	a := enterpriseUser(t, s, "13800138000")
	b := enterpriseUser(t, s, "13800138001")
	for _, h := range []string{"a1", "a2", "a3"} {
		createSession(t, s, session(a.ID, h))
	}
	createSession(t, s, session(b.ID, "b1"))
	if n, err := s.DeleteUserSessions(ctx, a.ID); n != 3 || err != nil {
		t.Errorf("DeleteUserSessions = %d, %v; want 3", n, err)
	}
	for _, h := range []string{"a1", "a2", "a3"} {
		_, err := s.FindSession(ctx, h, t0)
		wantCode(t, "FindSession("+h+") after signing out everywhere", err, huiqi.ENOTFOUND)
	}
	if _, err := s.FindSession(ctx, "b1", t0); err != nil {
		t.Errorf("another user's session ended: %v", err)
	}
	if n, err := s.DeleteUserSessions(ctx, a.ID); n != 0 || err != nil {
		t.Errorf("DeleteUserSessions again = %d, %v; want 0", n, err)
	}
}

func testTokens(t *testing.T, s Accounts) {
	ctx := context.Background()
	u := createUser(t, s, staff(), nil)
	other := enterpriseUser(t, s, "13800138000")
	tok := &huiqi.APIToken{UserID: u.ID, Name: "对接系统", Hash: "tok-1", CreatedAt: t0}
	if err := s.CreateToken(ctx, tok, nil); err != nil {
		t.Fatal(err)
	}
	if len(tok.ID) < 12 || tok.ID[:2] != "t_" || !tok.CreatedAt.Equal(t0) {
		t.Fatalf("created token %+v", tok)
	}
	used := t0.Add(time.Hour)
	got, err := s.FindToken(ctx, "tok-1", used)
	if err != nil || got.ID != tok.ID || got.UserID != u.ID || got.LastUsedAt == nil || !got.LastUsedAt.Equal(used) {
		t.Fatalf("FindToken = %+v, %v; want %s last used at %v", got, err, tok.ID, used)
	}
	tok2 := &huiqi.APIToken{UserID: u.ID, Name: "备用", Hash: "tok-2", CreatedAt: t0.Add(time.Minute)}
	if err := s.CreateToken(ctx, tok2, nil); err != nil {
		t.Fatal(err)
	}
	wantCode(t, "RevokeToken by another user", s.RevokeToken(ctx, other.ID, tok.ID, nil), huiqi.ENOTFOUND)
	wantCode(t, "RevokeToken of an unknown ID", s.RevokeToken(ctx, u.ID, "t_nothing", nil), huiqi.ENOTFOUND)
	if err := s.RevokeToken(ctx, u.ID, tok.ID, nil); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindToken(ctx, "tok-1", used)
	wantCode(t, "FindToken of a revoked token", err, huiqi.ENOTFOUND)
	if err := s.RevokeToken(ctx, u.ID, tok.ID, nil); err != nil {
		t.Errorf("RevokeToken again: %v", err)
	}
	ts, err := s.ListTokens(ctx, u.ID)
	if err != nil || len(ts) != 2 || ts[0].ID != tok.ID || ts[1].ID != tok2.ID {
		t.Fatalf("ListTokens = %+v, %v; want %s then %s", ts, err, tok.ID, tok2.ID)
	}
	if ts[0].RevokedAt == nil || ts[0].LastUsedAt == nil || !ts[0].LastUsedAt.Equal(used) || ts[1].RevokedAt != nil || ts[1].LastUsedAt != nil {
		t.Errorf("listed %+v", ts)
	}
	if !reflect.DeepEqual(ts[1], *tok2) {
		t.Errorf("listed %+v, want %+v", ts[1], *tok2)
	}
	if ts, err := s.ListTokens(ctx, other.ID); err != nil || ts == nil || len(ts) != 0 {
		t.Errorf("ListTokens of a user without tokens = %#v, %v", ts, err)
	}
}

func testTokenInvalid(t *testing.T, s Accounts) {
	ctx := context.Background()
	u := enterpriseUser(t, s, "13800138000")
	wantCode(t, "CreateToken for nobody", s.CreateToken(ctx, &huiqi.APIToken{UserID: "u_nobody", Name: "x", Hash: "h"}, nil), huiqi.ENOTFOUND)
	wantCode(t, "CreateToken without hash", s.CreateToken(ctx, &huiqi.APIToken{UserID: u.ID, Name: "x"}, nil), huiqi.EINVALID)
	wantCode(t, "CreateToken without name", s.CreateToken(ctx, &huiqi.APIToken{UserID: u.ID, Hash: "h"}, nil), huiqi.EINVALID)
	if err := s.CreateToken(ctx, &huiqi.APIToken{UserID: u.ID, Name: "x", Hash: "h"}, nil); err != nil {
		t.Fatal(err)
	}
	wantCode(t, "CreateToken with a hash in use", s.CreateToken(ctx, &huiqi.APIToken{UserID: u.ID, Name: "y", Hash: "h"}, nil), huiqi.ECONFLICT)
	_, err := s.FindToken(ctx, "nothing", t0)
	wantCode(t, "FindToken of an unknown hash", err, huiqi.ENOTFOUND)
}

func testOutbox(t *testing.T, s Accounts) {
	ctx := context.Background()
	var sent []huiqi.OutboxMessage
	for i := range 5 {
		m := &huiqi.OutboxMessage{Phone: "13800138000", Text: "【惠企】您的验证码为 12345" + string(rune('0'+i)), SentAt: t0.Add(time.Duration(i) * time.Second)}
		if err := s.AddOutbox(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.ID == 0 || (i > 0 && m.ID <= sent[i-1].ID) {
			t.Fatalf("message %d got ID %d after %v", i, m.ID, sent)
		}
		sent = append(sent, *m)
	}
	got, err := s.Outbox(ctx, 3)
	want := []huiqi.OutboxMessage{sent[4], sent[3], sent[2]}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Outbox(3) = %+v, %v;\nwant %+v", got, err, want)
	}
	if got, _ := s.Outbox(ctx, 100); len(got) != 5 {
		t.Errorf("Outbox(100) lists %d messages, want 5", len(got))
	}
	_, err = s.Outbox(ctx, 0)
	wantCode(t, "Outbox(0)", err, huiqi.EINVALID)
	wantCode(t, "AddOutbox without text", s.AddOutbox(ctx, &huiqi.OutboxMessage{Phone: "13800138000"}), huiqi.EINVALID)
}
