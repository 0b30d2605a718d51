package main

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

const auditHelp = `
Audit checks and shows the audit log: every change to accounts,
applications and consultations, and every sign-in, appended in the same
transaction as the change. Each entry carries the hash of the one before,
so an entry altered or removed breaks the chain from there on.

  huiqi audit verify [--json]    check the whole log; exit 1 naming the
                                 first broken entry
  huiqi audit list [--object X] [--actor U] [--limit N] [--json]
                                 print the newest entries, oldest first

Both take --data DIR or --db URL. Run huiqi audit verify -h (or list) for
the flags.`

func runAudit(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return runAuditVerify(ctx, e, args[1:])
		case "list":
			return runAuditList(ctx, e, args[1:])
		}
	}
	fs := newFlagSet(e, "audit", "audit verify|list [flags]", auditHelp)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fs.usagef("missing subcommand: verify or list")
	}
	return fs.usagef("unknown subcommand %q: want verify or list", pos[0])
}

// auditPage is how many entries one read of the log returns.
const auditPage = 1000

// openAuditLog opens the configured store's audit log; the store must
// exist already.
func openAuditLog(ctx context.Context, c Config) (huiqi.AuditLog, func() error, error) {
	st, err := openExisting(ctx, c)
	if err != nil {
		return nil, nil, err
	}
	log, ok := st.(huiqi.AuditLog)
	if !ok {
		st.Close()
		return nil, nil, fmt.Errorf("this store keeps no audit log")
	}
	return log, st.Close, nil
}

// eachAudit calls fn with every entry of the log in order, reading it in
// pages; fn returning an error stops the walk.
func eachAudit(ctx context.Context, log huiqi.AuditLog, fn func(huiqi.AuditEntry) error) error {
	var after int64
	for {
		page, err := log.AuditEntries(ctx, after, auditPage)
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
			after = e.Seq
		}
		if len(page) < auditPage {
			return nil
		}
	}
}
