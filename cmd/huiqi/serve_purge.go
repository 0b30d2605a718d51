package main

// The background purge of huiqi serve: expired verification codes and
// sessions are deleted every hour, so the tables hold only what the limits
// and sign-ins still need.

import (
	"context"
	"log/slog"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// purgeEvery is how often huiqi serve purges expired codes and sessions.
const purgeEvery = time.Hour

// purger deletes the expired codes and sessions of a store at its clock's
// now and logs what went.
type purger struct {
	store huiqi.AccountStore
	now   func() time.Time
	log   *slog.Logger
}

// startPurge purges once now and then every purgeEvery, in the background,
// until ctx ends (the server stops).
func startPurge(ctx context.Context, st huiqi.AccountStore, logger *slog.Logger) {
	p := purger{store: st, now: time.Now, log: logger}
	t := time.NewTicker(purgeEvery)
	go func() {
		defer t.Stop()
		p.run(ctx, t.C)
	}()
}

// run purges at once and at every tick until ctx ends.
func (p purger) run(ctx context.Context, tick <-chan time.Time) {
	for {
		p.purge(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}

// purge runs one purge. Counts are logged at info when anything went, at
// debug when nothing did; a failure is logged, never returned: the server
// goes on and the next tick tries again. One cut short because the server
// stops is not a failure.
func (p purger) purge(ctx context.Context) {
	codes, sessions, err := p.store.PurgeExpired(ctx, p.now())
	switch {
	case err != nil && ctx.Err() != nil:
	case err != nil:
		p.log.Warn("purge of expired codes and sessions failed", "err", err)
	case codes+sessions > 0:
		p.log.Info("purged expired codes and sessions", "codes", codes, "sessions", sessions)
	default:
		p.log.Debug("purged expired codes and sessions", "codes", 0, "sessions", 0)
	}
}
