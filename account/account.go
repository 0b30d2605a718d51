// Package account signs users in and out: SMS codes for enterprise users,
// passwords for staff, sessions, API tokens, and who may act where. It
// works over huiqi.AccountStore and huiqi.AuditLog, and sends codes through
// an sms.Sender.
package account

import (
	"context"
	"errors"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sms"
)

// Config is the service's configuration; zero fields take the defaults.
type Config struct {
	// Secret keys the hashes of verification codes (LoadSecret); at least
	// 32 bytes.
	Secret     []byte
	CodeTTL    time.Duration    // how long a code lives (5 min)
	CodeDigits int              // digits of a code (6)
	CodeTries  int              // wrong tries before a code is spent (5)
	CodeLimits huiqi.CodeLimits // how often codes are issued (60 s, 10/day per number; 20/hour, 50/day per address)
	// SessionTTL is a session's absolute lifetime from sign-in (12 h);
	// using it does not extend it.
	SessionTTL time.Duration
	// PasswordFailures failed sign-ins of one username within
	// PasswordWindow refuse further tries until the window has passed
	// (10 in 15 min).
	PasswordFailures int
	PasswordWindow   time.Duration
	// AddressFailures failed password sign-ins from one client address
	// within PasswordWindow, whatever the usernames, refuse further tries
	// from it until the window has passed (30 in 15 min).
	AddressFailures int
	Now             func() time.Time // the clock (time.Now)
}

// DefaultCodeLimits are the code limits when Config.CodeLimits is zero.
var DefaultCodeLimits = huiqi.CodeLimits{PhoneInterval: time.Minute, PhoneDay: 10, IPHour: 20, IPDay: 50}

func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&c.CodeTTL, 5*time.Minute)
	def(&c.SessionTTL, 12*time.Hour)
	def(&c.PasswordWindow, 15*time.Minute)
	if c.CodeDigits == 0 {
		c.CodeDigits = 6
	}
	if c.CodeTries == 0 {
		c.CodeTries = 5
	}
	if c.PasswordFailures == 0 {
		c.PasswordFailures = 10
	}
	if c.AddressFailures == 0 {
		c.AddressFailures = 30
	}
	if c.CodeLimits == (huiqi.CodeLimits{}) {
		c.CodeLimits = DefaultCodeLimits
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// validate reports a configuration that cannot work.
func (c Config) validate() error {
	switch {
	case len(c.Secret) < 32:
		return huiqi.Errorf(huiqi.EINVALID, "account secret: want at least 32 bytes, got %d", len(c.Secret))
	case c.CodeDigits < 4 || c.CodeDigits > 8:
		return huiqi.Errorf(huiqi.EINVALID, "verification codes: want 4 to 8 digits, got %d", c.CodeDigits)
	case c.CodeTTL < 0 || c.SessionTTL < 0 || c.PasswordWindow < 0 || c.CodeTries < 0 || c.PasswordFailures < 0 || c.AddressFailures < 0:
		return huiqi.Errorf(huiqi.EINVALID, "account configuration: durations and counts must not be negative")
	}
	return nil
}

// Service signs users in and out.
type Service struct {
	store  huiqi.AccountStore
	log    huiqi.AuditLog
	sender sms.Sender
	cfg    Config
	fails  *failures // per username
	addrs  *failures // per client address
	dummy  string    // a password hash checked for unknown usernames
}

// New returns the service over a store, its audit log and an SMS sender.
func New(store huiqi.AccountStore, log huiqi.AuditLog, sender sms.Sender, cfg Config) (*Service, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	dummy, err := HashPassword(newToken())
	if err != nil {
		return nil, err
	}
	return &Service{store: store, log: log, sender: sender, cfg: cfg, dummy: dummy,
		fails: newFailures(cfg.PasswordFailures, cfg.PasswordWindow),
		addrs: newFailures(cfg.AddressFailures, cfg.PasswordWindow)}, nil
}

// Config returns the configuration in effect, defaults filled in.
func (s *Service) Config() Config { return s.cfg }

func (s *Service) now() time.Time { return s.cfg.Now().UTC() }

// is reports whether err carries the domain code.
func is(err error, code string) bool {
	var e *huiqi.Error
	return errors.As(err, &e) && e.Code == code
}

// audit appends one entry at the service's time.
func (s *Service) audit(ctx context.Context, actor, action, object, detail string) error {
	e := &huiqi.AuditEntry{At: s.now(), Actor: actor, Action: action, Object: object, Detail: detail}
	return s.log.AppendAudit(ctx, e)
}
