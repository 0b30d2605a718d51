package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

const auditListHelp = `
Audit list prints the newest entries of the audit log, oldest first: number,
time, actor, action, object, region and detail. --object takes an object
(application:ap_…) or, ending in a colon, a kind of object (application:);
--actor a user ID or system. --json prints the entries whole with their
hashes.`

func runAuditList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "audit list", "audit list [--data DIR | --db URL] [--object X] [--actor U] [--limit N] [--json]", auditListHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	object := fs.String("object", "", "only entries about `X`: application:ap_…, or application: for all applications")
	actor := fs.String("actor", "", "only entries by user `ID` (or system)")
	limit := fs.Int("limit", 50, "print at most the newest `N` entries, 0 for all")
	asJSON := fs.Bool("json", false, "print JSON: an array of entries")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if *limit < 0 {
		return fs.usagef("--limit: want a number ≥ 0, got %d", *limit)
	}
	if err := resolve(); err != nil {
		return err
	}
	log, closeLog, err := openAuditLog(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeLog()
	match := auditFilter(*object, *actor)
	var out []huiqi.AuditEntry
	err = eachAudit(ctx, log, func(en huiqi.AuditEntry) error {
		if match(en) {
			out = append(out, en)
			if *limit > 0 && len(out) > 2**limit {
				out = append(out[:0], out[len(out)-*limit:]...)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if *limit > 0 && len(out) > *limit {
		out = out[len(out)-*limit:]
	}
	if *asJSON {
		if out == nil {
			out = []huiqi.AuditEntry{}
		}
		return writeJSON(e, out, true)
	}
	return printAudit(e, out)
}

// auditFilter matches entries by object (a trailing colon: by kind) and actor.
func auditFilter(object, actor string) func(huiqi.AuditEntry) bool {
	return func(en huiqi.AuditEntry) bool {
		switch {
		case actor != "" && en.Actor != actor:
			return false
		case object == "":
			return true
		case strings.HasSuffix(object, ":"):
			return strings.HasPrefix(en.Object, object)
		}
		return en.Object == object
	}
}

func printAudit(e *env, es []huiqi.AuditEntry) error {
	rows := [][]string{{"SEQ", "AT", "ACTOR", "ACTION", "OBJECT", "REGION", "DETAIL"}}
	for _, en := range es {
		rows = append(rows, []string{fmt.Sprint(en.Seq), en.At.Local().Format(time.DateTime), en.Actor, en.Action,
			en.Object, dash(en.Region), dash(clip(en.Detail, 80))})
	}
	if err := writeTable(e.stdout, rows); err != nil {
		return err
	}
	if len(es) == 1 {
		fmt.Fprintln(e.stdout, "1 entry")
	} else {
		fmt.Fprintf(e.stdout, "%d entries\n", len(es))
	}
	return nil
}

// clip shortens s to n characters on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
