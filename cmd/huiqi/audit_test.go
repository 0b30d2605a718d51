package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/storetest"
)

// auditTarget is a store the audit commands run against: the flags that
// select it, and how to open it and its raw database.
type auditTarget struct {
	flags []string
	open  func(t *testing.T) platformStore
	raw   func(t *testing.T) *sql.DB
}

func sqliteTarget(t *testing.T) auditTarget {
	data := filepath.Join(t.TempDir(), "data")
	return auditTarget{
		flags: []string{"--data", data},
		open: func(t *testing.T) platformStore {
			db, err := sqlite.Open(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		},
		raw: func(t *testing.T) *sql.DB { return rawDB(t, "sqlite", filepath.Join(data, sqlite.FileName)) },
	}
}

func postgresTarget(t *testing.T) auditTarget {
	dsn := pgtest.NewDatabase(t)
	return auditTarget{
		flags: []string{"--db", dsn},
		open: func(t *testing.T) platformStore {
			db, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		},
		raw: func(t *testing.T) *sql.DB { return rawDB(t, "pgx", dsn) },
	}
}

func rawDB(t *testing.T, driver, dsn string) *sql.DB {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fillAudit writes through the CLI and the stores: an administrator, an
// application with a file and a step, and a consultation — 6 entries.
func fillAudit(t *testing.T, tg auditTarget) []huiqi.AuditEntry {
	t.Helper()
	runIn(t, "correct horse battery\n", exitOK, append([]string{"user", "add", "--username", "admin", "--name", "管理员", "--role", "admin"}, tg.flags...)...)
	runIn(t, "another long password\n", exitOK, append([]string{"user", "add", "--username", "wang.li", "--name", "王力", "--role", "reviewer", "--regions", "510100"}, tg.flags...)...)
	st := tg.open(t)
	ctx := context.Background()
	ev := func(actor, action string) *huiqi.AuditEntry {
		return &huiqi.AuditEntry{Actor: actor, Action: action, Detail: `{"by":"audit_test"}`}
	}
	a := storetest.NewApplication("u_applicant", "510104")
	if err := st.CreateApplication(ctx, a, ev("u_applicant", "application.create")); err != nil {
		t.Fatal(err)
	}
	att := &huiqi.Attachment{Name: "审计报告.pdf", ContentType: "application/pdf"}
	if err := st.AddAttachment(ctx, a.ID, att, []byte("%PDF-1.7 report"), 0, ev("u_applicant", "application.attach")); err != nil {
		t.Fatal(err)
	}
	a.Status = huiqi.AppSubmitted
	step := &huiqi.ApplicationStep{Status: huiqi.AppSubmitted, By: "u_applicant", Role: huiqi.RoleEnterprise}
	if err := st.UpdateApplication(ctx, a, step, ev("u_applicant", "application.submit")); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateThread(ctx, storetest.NewThread("u_applicant", "510104"), nil, ev("u_applicant", "consult.ask")); err != nil {
		t.Fatal(err)
	}
	es, err := st.AuditEntries(ctx, 0, 100)
	if err != nil || len(es) != 6 {
		t.Fatalf("the stores wrote %d entries, want 6: %v", len(es), err)
	}
	return es
}

func testAuditCommands(t *testing.T, tg auditTarget) {
	es := fillAudit(t, tg)
	last := es[len(es)-1]
	r := runIn(t, "", exitOK, append([]string{"audit", "verify"}, tg.flags...)...)
	want := fmt.Sprintf("审计日志完整：6 条，最后一条 #6 %s %s\n", last.Hash, last.At.Format("2006-01-02T15:04:05Z07:00"))
	if r.stdout != want {
		t.Errorf("verify printed %q, want %q", r.stdout, want)
	}
	var rep auditReport
	r = runIn(t, "", exitOK, append([]string{"audit", "verify", "--json"}, tg.flags...)...)
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || !rep.OK || rep.Count != 6 || rep.Last == nil || rep.Last.Hash != last.Hash {
		t.Errorf("verify --json: %s (%v)", r.stdout, err)
	}

	var listed []huiqi.AuditEntry
	r = runIn(t, "", exitOK, append([]string{"audit", "list", "--object", "application:", "--json"}, tg.flags...)...)
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil || len(listed) != 3 ||
		listed[0].Action != "application.create" || listed[2].Action != "application.submit" || listed[2].Hash != es[4].Hash {
		t.Errorf("list --object application: → %s (%v)", r.stdout, err)
	}
	r = runIn(t, "", exitOK, append([]string{"audit", "list", "--actor", "system", "--limit", "1"}, tg.flags...)...)
	if !strings.Contains(r.stdout, "user.create") || !strings.Contains(r.stdout, "1 entry") || strings.Contains(r.stdout, "application.") {
		t.Errorf("list --actor system --limit 1:\n%s", r.stdout)
	}
	r = runIn(t, "", exitOK, append([]string{"audit", "list", "--object", es[3].Object}, tg.flags...)...)
	if !strings.Contains(r.stdout, "application.create") || !strings.Contains(r.stdout, "3 entries") {
		t.Errorf("list --object %s:\n%s", es[3].Object, r.stdout)
	}
}

// tamperCases change the log behind the store's back; verify must name
// the first entry altered or missing and exit 1.
var tamperCases = []struct {
	name, sql  string
	broken     int64
	msg, entry string
}{
	{"detail altered", `UPDATE audit_log SET detail = '{"amount":1}' WHERE seq = 2`, 2, "第 2 条起无法验证（此前 1 条完整）", "entry 2 (user.create user:"},
	{"middle deleted", `DELETE FROM audit_log WHERE seq = 4`, 4, "第 4 条起无法验证（此前 3 条完整）", "entry 5 follows entry 3: entry 4 is missing"},
}

func testAuditTampered(t *testing.T, target func(t *testing.T) auditTarget) {
	for _, c := range tamperCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			tg := target(t)
			fillAudit(t, tg)
			if _, err := tg.raw(t).Exec(c.sql); err != nil {
				t.Fatal(err)
			}
			r := runIn(t, "", exitFail, append([]string{"audit", "verify"}, tg.flags...)...)
			if !strings.Contains(r.stderr, c.msg) || !strings.Contains(r.stderr, c.entry) || strings.Contains(r.stdout, "完整：") {
				t.Errorf("verify of a tampered log:\nstdout %q\nstderr %q\nwant %q and %q", r.stdout, r.stderr, c.msg, c.entry)
			}
			var rep auditReport
			r = runIn(t, "", exitFail, append([]string{"audit", "verify", "--json"}, tg.flags...)...)
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.OK || rep.Broken != c.broken || !strings.Contains(rep.Error, c.entry) {
				t.Errorf("verify --json of a tampered log: %s (%v)", r.stdout, err)
			}
		})
	}
}

func TestAuditSQLite(t *testing.T) {
	t.Parallel()
	testAuditCommands(t, sqliteTarget(t))
}

func TestAuditSQLiteTampered(t *testing.T) {
	t.Parallel()
	testAuditTampered(t, sqliteTarget)
}

func TestAuditPostgres(t *testing.T) {
	t.Parallel()
	testAuditCommands(t, postgresTarget(t))
}

func TestAuditPostgresTampered(t *testing.T) {
	t.Parallel()
	testAuditTampered(t, postgresTarget)
}

// TestAuditUsage: a missing store, an empty log and bad command lines.
func TestAuditUsage(t *testing.T) {
	t.Parallel()
	none := filepath.Join(t.TempDir(), "none")
	r := runIn(t, "", exitFail, "audit", "verify", "--data", none)
	if !strings.Contains(r.stderr, "no policies stored here yet") {
		t.Errorf("verify of a missing data dir: %q", r.stderr)
	}
	data := t.TempDir()
	db, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if r := runIn(t, "", exitOK, "audit", "verify", "--data", data); r.stdout != "审计日志完整：0 条\n" {
		t.Errorf("verify of an empty log: %q", r.stdout)
	}
	if r := runIn(t, "", exitOK, "audit", "list", "--data", data, "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("list --json of an empty log: %q", r.stdout)
	}
	runIn(t, "", exitUsage, "audit")
	runIn(t, "", exitUsage, "audit", "check")
	runIn(t, "", exitUsage, "audit", "list", "--limit", "-1", "--data", data)
	if r := runIn(t, "", exitOK, "help", "audit"); !strings.Contains(r.stdout, "huiqi audit verify") {
		t.Errorf("help audit: %q", r.stdout)
	}
}
