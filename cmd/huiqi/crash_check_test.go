package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/storetest"
)

// problems collects what a check finds.
type problems []string

func (p *problems) add(format string, a ...any) { *p = append(*p, fmt.Sprintf(format, a...)) }

// checkAfterCrash reopens the data directory the killed server left and
// checks it against the ledger of acknowledged writes.
func checkAfterCrash(t *testing.T, cfg Config, led *ledger) problems {
	t.Helper()
	ctx := context.Background()
	var p problems
	if cfg.DBURL == "" {
		var ok string
		if err := rawDB(t, "sqlite", filepath.Join(cfg.DataDir, sqlite.FileName)).QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
			p.add("integrity_check: %q, %v", ok, err)
		}
	}
	st := openCrashStore(t, cfg)
	defer st.Close()
	if _, err := storetest.VerifyAudit(ctx, st); err != nil {
		p.add("the audit log after the kill: %v", err)
	}
	actions := auditActions(t, st)
	led.do(func() {
		p.checkAckedUsers(st, led)
		p.checkAckedApps(st, led)
		p.checkAckedThreads(st, led)
	})
	p.checkWholeApps(t, st, actions)
	p.checkWholeThreads(t, st, actions)
	return p
}

// auditActions counts the entries of each action by object.
func auditActions(t *testing.T, st huiqi.AuditLog) map[string]map[string]int {
	t.Helper()
	out := map[string]map[string]int{}
	err := eachAudit(context.Background(), st, func(e huiqi.AuditEntry) error {
		if out[e.Object] == nil {
			out[e.Object] = map[string]int{}
		}
		out[e.Object][e.Action]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (p *problems) checkAckedUsers(st crashStore, led *ledger) {
	ctx := context.Background()
	for phone, want := range led.users {
		u, err := st.FindUserByPhone(ctx, phone)
		if err != nil {
			p.add("the user of %s signed in before the kill: %v", phone, err)
			continue
		}
		bs, err := st.Enterprises(ctx, u.ID)
		i := slices.IndexFunc(bs, func(b huiqi.EnterpriseBinding) bool { return b.CreditCode == want.credit })
		switch {
		case want.credit != "" && (err != nil || i < 0):
			p.add("%s bound %s before the kill; bindings now %v, %v", phone, want.credit, bs, err)
		case want.verified && !bs[i].Verified:
			p.add("%s: the binding of %s verified before the kill is not", phone, want.credit)
		}
	}
}

func (p *problems) checkAckedApps(st crashStore, led *ledger) {
	ctx := context.Background()
	for id, want := range led.apps {
		a, err := st.FindApplication(ctx, id)
		if err != nil {
			p.add("application %s created before the kill: %v", id, err)
			continue
		}
		if got := a.Form["statement"]; want.statement != "" && got != want.statement && got != want.attempted {
			p.add("%s: statement %q, saved %q", id, got, want.statement)
		}
		if want.submitted && a.Status != huiqi.AppSubmitted {
			p.add("%s: status %s, submitted before the kill", id, a.Status)
		}
		for sum, size := range want.files {
			i := slices.IndexFunc(a.Attachments, func(f huiqi.Attachment) bool { return f.SHA256 == sum })
			if i < 0 {
				p.add("%s: the file %s… (%d bytes) attached before the kill is missing", id, sum[:12], size)
			} else if a.Attachments[i].Size != size {
				p.add("%s: the file %s… has %d bytes, %d were attached", id, sum[:12], a.Attachments[i].Size, size)
			}
		}
	}
}

// checkWholeApps checks every stored application against the audit log:
// its creation, each update (the revision), each submission step and each
// file have their entry, every file reads back as its checksum says, and
// no entry names an application that is not there.
func (p *problems) checkWholeApps(t *testing.T, st crashStore, actions map[string]map[string]int) {
	ctx := context.Background()
	apps, _, err := st.ListApplications(ctx, huiqi.ApplicationFilter{Limit: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range apps {
		a, err := st.FindApplication(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		obj := "application:" + a.ID
		seen[obj] = true
		n := actions[obj]
		submits := 0
		for _, step := range a.Steps {
			if step.Status == huiqi.AppSubmitted {
				submits++
			}
		}
		switch {
		case n["application.create"] != 1:
			p.add("%s has %d creation entries", a.ID, n["application.create"])
		case a.Revision != 1+n["application.save"]+n["application.submit"]:
			p.add("%s: revision %d, but %d saves and %d submissions logged", a.ID, a.Revision, n["application.save"], n["application.submit"])
		case submits != n["application.submit"] || (a.Status == huiqi.AppSubmitted) != (submits == 1):
			p.add("%s: status %s, %d submission steps, %d logged", a.ID, a.Status, submits, n["application.submit"])
		case len(a.Attachments) != n["application.attach"]-n["application.remove"]:
			p.add("%s: %d files, %d attached and %d removed in the log", a.ID, len(a.Attachments), n["application.attach"], n["application.remove"])
		}
		for _, f := range a.Attachments {
			_, b, err := st.AttachmentData(ctx, a.ID, f.ID)
			sum := sha256.Sum256(b)
			if err != nil || hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
				p.add("%s: file %s does not read back whole (%d of %d bytes): %v", a.ID, f.ID, len(b), f.Size, err)
			}
		}
	}
	for obj := range actions {
		if strings.HasPrefix(obj, "application:") && !seen[obj] {
			p.add("the log names %s, which is not stored", obj)
		}
	}
}

// TestCrashCheckFinds: the checks of TestCrashSafety find each kind of
// damage — a file, a step, an audit entry or a row lost, bytes changed.
func TestCrashCheckFinds(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, sql, want string }{
		{"file row lost", `DELETE FROM attachments`, "attached before the kill is missing"},
		{"file bytes changed", `UPDATE attachments SET bytes = X'00'`, "does not read back whole"},
		{"application lost", `DELETE FROM applications`, "is not stored"},
		{"step lost", `DELETE FROM application_steps WHERE status = 'submitted'`, "1 logged"},
		{"entry lost", `DELETE FROM audit_log WHERE action = 'application.attach'`, "the audit log after the kill"},
		{"revision changed", `UPDATE applications SET revision = revision + 1`, "saves and 1 submissions logged"},
		{"consultation lost", `DELETE FROM threads`, "thread:"},
		{"consultation's answer lost", `DELETE FROM thread_messages WHERE id = (SELECT max(id) FROM thread_messages)`, "1 messages"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			tg := sqliteTarget(t)
			es := fillAudit(t, tg)
			id := strings.TrimPrefix(es[2].Object, "application:")
			led := &ledger{}
			led.do(func() {
				a := &ackedApp{files: map[string]int64{}, submitted: true}
				sum := sha256.Sum256([]byte("%PDF-1.7 report"))
				a.files[hex.EncodeToString(sum[:])] = int64(len("%PDF-1.7 report"))
				led.apps[id] = a
			})
			if p := checkAfterCrash(t, Config{DataDir: tg.flags[1]}, led); len(p) > 0 {
				t.Fatalf("a whole store: %v", p)
			}
			if _, err := tg.raw(t).Exec(c.sql); err != nil {
				t.Fatal(err)
			}
			p := checkAfterCrash(t, Config{DataDir: tg.flags[1]}, led)
			if !slices.ContainsFunc(p, func(s string) bool { return strings.Contains(s, c.want) }) {
				t.Errorf("after %s the checks say %q, want %q", c.sql, p, c.want)
			}
		})
	}
}

func (p *problems) checkAckedThreads(st crashStore, led *ledger) {
	for id, q := range led.threads {
		th, err := st.FindThread(context.Background(), id)
		if err != nil || th.Question != q {
			p.add("consultation %s asked before the kill: %v", id, err)
		}
	}
}

// checkWholeThreads checks every stored consultation: its question and
// the instant answer, and one entry of its asking; no entry names a
// consultation that is not there.
func (p *problems) checkWholeThreads(t *testing.T, st crashStore, actions map[string]map[string]int) {
	ctx := context.Background()
	list, _, err := st.ListThreads(ctx, huiqi.ThreadFilter{Limit: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range list {
		th, err := st.FindThread(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen["thread:"+th.ID] = true
		if n := actions["thread:"+th.ID]["consult.ask"]; n != 1 || len(th.Messages) < 2 || th.Messages[0].Text != th.Question {
			p.add("consultation %s: %d messages, %d entries of its asking", th.ID, len(th.Messages), n)
		}
	}
	for obj := range actions {
		if strings.HasPrefix(obj, "thread:") && !seen[obj] {
			p.add("the log names %s, which is not stored", obj)
		}
	}
}
