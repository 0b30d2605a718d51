package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Ingest indexes what it stores: search finds it at once, with the matches
// bracketed, filters and JSON; reindex rebuilds the same index.
func TestIngestSearchReindex(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	must(t, exitOK, "ingest", "--data", data, "--quiet", copyDocs(t), "testdata/records.jsonl")

	r := must(t, exitOK, "search", "--data", data, "电子商务", "扶持")
	if !strings.Contains(r.stdout, "1. 临海市促进电子商务高质量发展扶持办法") || !strings.Contains(r.stdout, "[电子商务]") {
		t.Fatalf("search 电子商务 扶持:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "共 1 份政策（用时 ") || !strings.Contains(r.stdout, "，显示第 1 份") || !strings.Contains(r.stdout, "地区: ") {
		t.Errorf("search prints no total or facets:\n%s", r.stdout)
	}
	trad := must(t, exitOK, "search", "--data", data, "電子商務", "扶持")
	if first(trad.stdout) != first(r.stdout) {
		t.Errorf("Traditional query finds %q, Simplified %q", first(trad.stdout), first(r.stdout))
	}

	r = must(t, exitOK, "search", "--data", data, "--region", "331000", "--json", "--limit", "100")
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Region struct{ Code string } `json:"region"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.Total == 0 {
		t.Fatalf("search --region 331000 --json: %v\n%s", err, r.stdout)
	}
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.Region.Code, "3310") {
			t.Errorf("region %s is not within 331000", h.Region.Code)
		}
	}

	r = must(t, exitOK, "reindex", "--data", data, "--quiet")
	if !strings.Contains(r.stdout, "5 policies indexed") {
		t.Errorf("reindex: %s", r.stdout)
	}
	again := must(t, exitOK, "search", "--data", data, "电子商务", "扶持")
	if first(again.stdout) != "1. 临海市促进电子商务高质量发展扶持办法" {
		t.Errorf("after reindex: %s", again.stdout)
	}
	if _, err := os.Stat(filepath.Join(data, "index.rebuild")); !os.IsNotExist(err) {
		t.Errorf("reindex left index.rebuild behind")
	}
}

func first(out string) string {
	line, _, _ := strings.Cut(out, "\n")
	if i := strings.Index(line, "  "); i > 0 {
		line = line[:i]
	}
	return line
}

func TestSearchUsage(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	must(t, exitOK, "ingest", "--data", data, "--quiet", "testdata/records.jsonl")
	for _, tt := range []struct {
		name string
		args []string
		want int
		text string
	}{
		{"applies needs region", []string{"--applies", "x"}, exitUsage, "--applies needs --region"},
		{"bad status", []string{"--status", "gone", "x"}, exitUsage, `--status: "gone" is not one of in_force, expired, draft, superseded, all`},
		{"bad region", []string{"--region", "999999"}, exitUsage, `--region: "999999" is not a GB/T 2260 region code`},
		{"bad kind", []string{"--kind", "money"}, exitUsage, `--kind: "money" is not one of subsidy, reward`},
		{"bad beneficiary type", []string{"--beneficiary-type", "企业"}, exitUsage, `--beneficiary-type: "企业" is not one of enterprise, carrier`},
		{"bad sort", []string{"--sort", "size", "x"}, exitUsage, `--sort: "size" is not one of relevance, date, amount`},
		{"bad year", []string{"--year", "20x4"}, exitUsage, `--year: "20x4" is not a whole number`},
		{"year out of range", []string{"--year", "1800"}, exitUsage, "--year: 1800 is out of range 1949 to 2100"},
		{"limit", []string{"--limit", "0"}, exitUsage, "--limit: 0 is out of range 1 to 100"},
		{"limit too large", []string{"--limit", "1000"}, exitUsage, "--limit: 1000 is out of range 1 to 100"},
		{"negative offset", []string{"--offset", "-1"}, exitUsage, "--offset: -1 is out of range"},
		{"negative amount", []string{"--min-amount", "-3"}, exitUsage, "--min-amount: -3 is out of range"},
		{"amounts crossed", []string{"--min-amount", "5", "--max-amount", "1"}, exitUsage, "--max-amount: 1 is below --min-amount 5"},
		{"page and offset", []string{"--page", "2", "--offset", "3"}, exitUsage, "--page: want a page number from 1, and no --offset"},
		{"page too deep", []string{"--page", "9999", "--limit", "100"}, exitUsage, "--page: page 9999 of 100 hits starts past the 10000th hit"},
		{"words too long", []string{strings.Repeat("补", 201)}, exitUsage, "search words: longer than 200 characters"},
		{"not a flag", []string{"--regoin", "330000"}, exitUsage, "flag provided but not defined: -regoin"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := must(t, tt.want, append([]string{"search", "--data", data}, tt.args...)...)
			if !strings.Contains(r.stderr, tt.text) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.text)
			}
		})
	}
	r := must(t, exitOK, "search", "--data", data, "--status", "all", "--limit", "1", "--page", "2")
	if !strings.HasPrefix(r.stdout, "2. ") || !strings.Contains(r.stdout, "共 2 份政策") || !strings.Contains(r.stdout, "，显示第 2 份") {
		t.Errorf("search --limit 1 --page 2 does not show the second hit:\n%s", r.stdout)
	}
	r = must(t, exitFail, "search", "--data", filepath.Join(data, "none"), "x")
	if !strings.Contains(r.stderr, "no policies stored here yet") {
		t.Errorf("search without data: %s", r.stderr)
	}
}

// In server mode ingest indexes into the database, search finds it there and
// reindex rewrites it in place.
func TestSearchPostgres(t *testing.T) {
	t.Parallel()
	dsn := newPostgres(t)
	must(t, exitOK, "ingest", "--db", dsn, "--quiet", "testdata/docs")
	r := must(t, exitOK, "search", "--db", dsn, "電子商務", "扶持")
	if first(r.stdout) != "1. 临海市促进电子商务高质量发展扶持办法" {
		t.Fatalf("search --db: %s", r.stdout)
	}
	r = must(t, exitOK, "reindex", "--db", dsn, "--quiet")
	if !strings.Contains(r.stdout, "3 policies indexed") {
		t.Errorf("reindex --db: %s", r.stdout)
	}
	r = must(t, exitOK, "search", "--db", dsn, "--region", "331000", "--json")
	if !strings.Contains(r.stdout, `"total": 2`) {
		t.Errorf("search --db --region 331000: %s", r.stdout)
	}
}

// A bulk load with --no-index stores without indexing; reindex makes the
// policies findable.
func TestIngestNoIndex(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	r := must(t, exitOK, "ingest", "--data", data, "--quiet", "--no-index", copyDocs(t))
	if !strings.Contains(r.stdout, "3 created") {
		t.Fatalf("ingest --no-index: %s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(data, "index")); !os.IsNotExist(err) {
		t.Errorf("ingest --no-index created an index")
	}
	must(t, exitOK, "reindex", "--data", data, "--quiet")
	r = must(t, exitOK, "search", "--data", data, "电子商务", "扶持")
	if first(r.stdout) != "1. 临海市促进电子商务高质量发展扶持办法" {
		t.Errorf("after ingest --no-index and reindex: %s", r.stdout)
	}
}

func TestSearchSummary(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		offset, shown, total int
		want                 string
	}{
		{0, 0, 0, "共 0 份政策（用时 1.5 毫秒）"},
		{0, 1, 1, "共 1 份政策（用时 1.5 毫秒），显示第 1 份"},
		{10, 10, 42, "共 42 份政策（用时 1.5 毫秒），显示第 11–20 份"},
		{50, 0, 42, "共 42 份政策（用时 1.5 毫秒），--offset 50 已超出结果总数"},
	} {
		if got := summary(tt.offset, tt.shown, tt.total, 1500*time.Microsecond); got != tt.want {
			t.Errorf("summary(%d, %d, %d) = %q, want %q", tt.offset, tt.shown, tt.total, got, tt.want)
		}
	}
}
