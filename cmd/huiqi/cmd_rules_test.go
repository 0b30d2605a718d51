package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRulesTestEmbedded(t *testing.T) {
	r := must(t, exitOK, "rules", "test")
	if !strings.Contains(r.stdout, "PASS gaoxin.test.yaml") || !strings.Contains(r.stdout, " passed, 0 failed") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestRulesTestDirFails(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("demo.yaml", "id: demo\nname: 示例\nkind: measure\nsource: {title: 示例}\nversions:\n  - version: \"1\"\n    effective_from: 2025-01-01\n    when: {check: employees >= 10人}\n")
	write("demo.test.yaml", "- name: 十人\n  as_of: 2026-01-01\n  profile: {employees: 10}\n  expect: {demo: {status: eligible}}\n- name: 九人\n  as_of: 2026-01-01\n  profile: {employees: 9}\n  expect: {demo: {status: eligible}}\n")
	r := must(t, exitFail, "rules", "test", dir)
	for _, want := range []string{"PASS demo.test.yaml:1 十人", "FAIL demo.test.yaml:5 九人", "status not_eligible, want eligible", "1 passed, 1 failed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	r = must(t, exitOK, "rules", "check", filepath.Join(dir, "demo.yaml"), filepath.Join(dir, "demo.test.yaml"))
	if !strings.Contains(r.stdout, "ok   "+filepath.Join(dir, "demo.yaml")+": demo (示例), 1 version(s)") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	write("bad.yaml", "id: bad\nname: 坏\nkind: measure\nkinds: x\n")
	r = must(t, exitFail, "rules", "check", filepath.Join(dir, "demo.yaml"), filepath.Join(dir, "bad.yaml"))
	if !strings.Contains(r.stderr, "bad.yaml:4: unknown key \"kinds\"") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestRulesUsageAndList(t *testing.T) {
	must(t, exitUsage, "rules")
	must(t, exitUsage, "rules", "frobnicate")
	must(t, exitUsage, "rules", "check")
	r := must(t, exitOK, "rules", "list")
	if !strings.Contains(r.stdout, "gaoxin\t高新技术企业\tqualification") || !strings.Contains(r.stdout, "version 2016: 2016-01-01 – …") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}
