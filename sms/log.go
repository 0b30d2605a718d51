package sms

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Outbox keeps the messages of the development sender;
// huiqi.AccountStore is one.
type Outbox interface {
	AddOutbox(ctx context.Context, m *huiqi.OutboxMessage) error
}

// LogSender is the development sender: it sends nothing, but logs each
// message and keeps it in the outbox, where the administrator's outbox page
// shows it whole.
type LogSender struct {
	Outbox Outbox
	Log    *slog.Logger // slog.Default() when nil
	// ShowCodes logs the text with its verification codes; by default they
	// are replaced with asterisks in the log (the outbox keeps them).
	ShowCodes bool
	Now       func() time.Time // time.Now when nil
}

// Send logs the message with the number masked and adds it to the outbox.
func (s *LogSender) Send(ctx context.Context, phone, text string) error {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	m := &huiqi.OutboxMessage{Phone: phone, Text: text, SentAt: now().UTC()}
	if err := s.Outbox.AddOutbox(ctx, m); err != nil {
		return fmt.Errorf("sms outbox: %w", err)
	}
	logged := text
	if !s.ShowCodes {
		logged = hideCodes(text)
	}
	log := s.Log
	if log == nil {
		log = slog.Default()
	}
	log.InfoContext(ctx, "sms kept in outbox", "phone", Mask(phone), "text", logged, "outbox_id", m.ID)
	return nil
}
