package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// runIn drives huiqi with stdin as standard input.
func runIn(t *testing.T, stdin string, want int, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	if code != want {
		t.Fatalf("huiqi %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out.String(), errOut.String())
	}
	return result{out.String(), errOut.String(), code}
}

func TestUserAddFirstAdmin(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	r := runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "系统管理员", "--role", "admin")
	if !strings.Contains(r.stdout, "added admin 系统管理员 (管理员, 全部地区) as u_") {
		t.Errorf("stdout %q", r.stdout)
	}
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte("another long password\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	must(t, exitOK, "user", "add", "--data", data, "--username", "wang.li", "--name", "王力", "--role", "officer",
		"--regions", "510105,510100", "--phone", "13812345678", "--password-file", pw)

	db, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.FindUserByUsername(context.Background(), "wang.li")
	if err != nil {
		t.Fatal(err)
	}
	if u.Role != huiqi.RoleOfficer || strings.Join(u.Regions, ",") != "510105,510100" || u.Phone != "13812345678" {
		t.Errorf("stored %+v", u)
	}
	if ok, err := account.CheckPassword(u.PasswordHash, "another long password"); !ok || err != nil {
		t.Errorf("the password file's first line is not the password: %v", err)
	}
	admin, _ := db.FindUserByUsername(context.Background(), "admin")
	if ok, _ := account.CheckPassword(admin.PasswordHash, "correct horse battery"); !ok || len(admin.Regions) != 0 {
		t.Errorf("admin %+v", admin)
	}
	es, err := db.AuditEntries(context.Background(), 0, 10)
	if err != nil || len(es) != 2 || es[0].Action != "user.create" || es[0].Actor != "system" || es[0].Object != "user:"+admin.ID {
		t.Errorf("audit %v, %v", es, err)
	}
}

func TestUserAddRefuses(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	add := []string{"user", "add", "--data", data, "--username", "wang.li", "--name", "王力"}
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		stderr      string
	}{
		{"no role", "correct horse battery\n", add, exitUsage, "--username, --name and --role are required"},
		{"enterprise role", "correct horse battery\n", append(add, "--role", "enterprise"), exitFail, "角色"},
		{"officer without region", "correct horse battery\n", append(add, "--role", "officer"), exitFail, "政策专员至少需要一个地区"},
		{"short password", "short\n", append(add, "--role", "admin"), exitFail, "密码至少 10 个字符"},
		{"no password", "", append(add, "--role", "admin"), exitFail, "no password on standard input"},
		{"missing password file", "", append(add, "--role", "admin", "--password-file", filepath.Join(data, "none")), exitFail, "no such file"},
		{"bad region", "correct horse battery\n", append(add, "--role", "reviewer", "--regions", "5101"), exitFail, `地区代码 "5101" 无效`},
		{"argument", "correct horse battery\n", append(add, "--role", "admin", "extra"), exitUsage, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		r := runIn(t, tt.stdin, tt.code, tt.args...)
		if !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: stderr %q, want %q", tt.name, r.stderr, tt.stderr)
		}
	}
	runIn(t, "correct horse battery\n", exitOK, append(add, "--role", "admin")...)
	r := runIn(t, "correct horse battery\n", exitFail, append(add, "--role", "admin")...)
	if !strings.Contains(r.stderr, "add user wang.li") {
		t.Errorf("a taken username: %q", r.stderr)
	}
}

func TestUserListAndDisable(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "管理员甲", "--role", "admin")
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "li.si", "--name", "李四", "--role", "reviewer", "--regions", "510100")

	r := must(t, exitOK, "user", "list", "--data", data)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID ") || !strings.Contains(lines[1], "admin") ||
		!strings.Contains(lines[2], "li.si") || !strings.Contains(lines[2], "510100") || lines[3] != "2 users" {
		t.Errorf("list:\n%s", r.stdout)
	}
	r = must(t, exitOK, "user", "list", "--data", data, "--role", "reviewer", "--json")
	var users []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &users); err != nil || len(users) != 1 || users[0]["username"] != "li.si" {
		t.Fatalf("--json: %v\n%s", err, r.stdout)
	}
	if strings.Contains(r.stdout, "argon2") {
		t.Error("--json prints the password hash")
	}

	r = must(t, exitOK, "user", "disable", "--data", data, "li.si")
	if !strings.Contains(r.stdout, "disabled li.si") || !strings.Contains(r.stdout, "sessions ended: 0") {
		t.Errorf("disable: %q", r.stdout)
	}
	if r := must(t, exitOK, "user", "list", "--data", data); !strings.Contains(r.stdout, "disabled") {
		t.Errorf("list after disable:\n%s", r.stdout)
	}
	if r := must(t, exitOK, "user", "disable", "--data", data, "li.si"); !strings.Contains(r.stdout, "already disabled") {
		t.Errorf("disable twice: %q", r.stdout)
	}
	must(t, exitOK, "user", "enable", "--data", data, "li.si")
	r = runIn(t, "a brand new password\n", exitOK, "user", "password", "--data", data, "li.si")
	if !strings.Contains(r.stdout, "new password for li.si") {
		t.Errorf("password: %q", r.stdout)
	}
	runIn(t, "short\n", exitFail, "user", "password", "--data", data, "li.si")
	if r := must(t, exitFail, "user", "disable", "--data", data, "zhang.san"); !strings.Contains(r.stderr, "zhang.san") {
		t.Errorf("unknown user: %q", r.stderr)
	}
	must(t, exitUsage, "user", "list", "--data", data, "--role", "boss")
	must(t, exitUsage, "user", "disable", "--data", data)
	must(t, exitUsage, "user", "frobnicate")
	must(t, exitUsage, "user")
	if r := must(t, exitFail, "user", "list", "--data", filepath.Join(data, "none")); !strings.Contains(r.stderr, "no policies stored here yet") {
		t.Errorf("list of a missing directory: %q", r.stderr)
	}
}

func TestUserHelp(t *testing.T) {
	t.Parallel()
	r := must(t, exitOK, "help", "user")
	if !strings.Contains(r.stdout, "huiqi user add --username U") {
		t.Errorf("help user:\n%s", r.stdout)
	}
	r = must(t, exitOK, "user", "add", "-h")
	if !strings.Contains(r.stdout, "--password-file") || !strings.Contains(r.stdout, "first administrator") {
		t.Errorf("user add -h:\n%s", r.stdout)
	}
}

// The user commands work the same on a PostgreSQL server.
func TestUserPostgres(t *testing.T) {
	t.Parallel()
	dsn := newPostgres(t)
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--db", dsn, "--username", "admin", "--name", "管理员", "--role", "admin")
	must(t, exitOK, "user", "disable", "--db", dsn, "admin")
	r := must(t, exitOK, "user", "list", "--db", dsn, "--role", "admin")
	if !strings.Contains(r.stdout, "admin") || !strings.Contains(r.stdout, "disabled") || !strings.Contains(r.stdout, "1 user\n") {
		t.Errorf("list:\n%s", r.stdout)
	}
}
