package sms

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi/sqlite"
)

func TestLogSender(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var logged bytes.Buffer
	at := time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	s := &LogSender{Outbox: db, Log: slog.New(slog.NewTextHandler(&logged, nil)), Now: func() time.Time { return at }}
	if err := s.Send(ctx, "13812345678", text); err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, "13912345678", "【惠企】您的申报已受理。"); err != nil {
		t.Fatal(err)
	}
	msgs, err := db.Outbox(ctx, 10)
	if err != nil || len(msgs) != 2 {
		t.Fatalf("outbox: %v, %v", msgs, err)
	}
	if m := msgs[1]; m.Phone != "13812345678" || m.Text != text || !m.SentAt.Equal(at) {
		t.Errorf("outbox keeps %+v", m)
	}
	if msgs[0].Phone != "13912345678" {
		t.Errorf("newest first: %+v", msgs)
	}
	log := logged.String()
	if !strings.Contains(log, "138****5678") || strings.Contains(log, "13812345678") {
		t.Errorf("the log shows the number unmasked:\n%s", log)
	}
	if strings.Contains(log, "123456") || !strings.Contains(log, "验证码为 ******") || !strings.Contains(log, "您的申报已受理") {
		t.Errorf("the log shows the code or not the text:\n%s", log)
	}
	logged.Reset()
	s.ShowCodes = true
	if err := s.Send(ctx, "13812345678", text); err != nil || !strings.Contains(logged.String(), "123456") {
		t.Errorf("ShowCodes: %v\n%s", err, logged.String())
	}
}
