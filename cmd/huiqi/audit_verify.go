package main

import (
	"context"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
)

const auditVerifyHelp = `
Audit verify reads the whole audit log in order and checks each entry: a
sequence without gaps, the hash of the entry before, and its own hash over
its content. A whole log prints its size and its last entry's hash and
exits 0; keep that hash somewhere else, since removing the newest entries
leaves a chain that still holds. A broken log names the first broken entry
and exits 1. --json prints {"ok", "count", "last"} or {"ok", "count",
"broken", "error"}, count being the entries found whole.`

// auditReport is what audit verify --json prints.
type auditReport struct {
	OK     bool              `json:"ok"`
	Count  int64             `json:"count"`
	Last   *huiqi.AuditEntry `json:"last,omitempty"`
	Broken int64             `json:"broken,omitempty"` // the first entry altered or missing
	Error  string            `json:"error,omitempty"`
}

func runAuditVerify(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "audit verify", "audit verify [--data DIR | --db URL] [--json]", auditVerifyHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if err := resolve(); err != nil {
		return err
	}
	log, closeLog, err := openAuditLog(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeLog()
	r, err := verifyAudit(ctx, log)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(e, r, true); err != nil {
			return err
		}
	} else {
		printAuditReport(e, r)
	}
	if !r.OK {
		return errFailed
	}
	return nil
}

// verifyAudit checks the whole log; a broken chain is a report, not an error.
func verifyAudit(ctx context.Context, log huiqi.AuditLog) (auditReport, error) {
	var v huiqi.AuditVerifier
	var r auditReport
	err := eachAudit(ctx, log, func(e huiqi.AuditEntry) error {
		if err := v.Next(e); err != nil {
			// The entry after the last whole one: the altered entry, or
			// the first of those missing.
			r.Broken, r.Error = 1, err.Error()
			if last := v.Last(); last != nil {
				r.Broken = last.Seq + 1
			}
			return errFailed
		}
		return nil
	})
	if err != nil && r.Error == "" {
		return r, err
	}
	r.OK, r.Count, r.Last = r.Error == "", v.Count(), v.Last()
	return r, nil
}

func printAuditReport(e *env, r auditReport) {
	switch {
	case !r.OK:
		fmt.Fprintf(e.stderr, "审计日志已损坏：第 %d 条起无法验证（此前 %d 条完整）\n%s\n", r.Broken, r.Count, r.Error)
	case r.Last == nil:
		fmt.Fprintln(e.stdout, "审计日志完整：0 条")
	default:
		fmt.Fprintf(e.stdout, "审计日志完整：%d 条，最后一条 #%d %s %s\n", r.Count, r.Last.Seq, r.Last.Hash, r.Last.At.Format(time.RFC3339))
	}
}
