package window

import (
	"os"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func d(y, m, day int) huiqi.Date { return huiqi.Date{Year: y, Month: m, Day: day} }

func mustParse(t *testing.T, src string) *Table {
	t.Helper()
	tb, err := Parse("w.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

const sample = `
windows:
  - rule: gaoxin
    region: "100000"
    default: true
    batches:
      - {name: 第二批, opens: 07-01, closes: 08-31}
      - {name: 第一批, opens: 05-01, closes: 06-30}
  - rule: gaoxin
    region: "370000"
    note: 山东省（测试数据）
    batches:
      - {name: 第一批, opens: 03-01, closes: 03-31}
      - {name: 2027年特别批次, opens: 2027-09-01, closes: 2027-09-15}
      - {name: 第一批, opens: 2028-04-10, closes: 2028-04-20}
  - rule: gaoxin
    region: "370100"
    batches:
      - {name: 市级, opens: 10-01, closes: 10-31}
`

func TestNext(t *testing.T) {
	tb := mustParse(t, sample)
	tests := []struct {
		name, region string
		on           huiqi.Date
		want         string // name opens closes region
	}{
		{"before the first batch", "110101", d(2026, 1, 10), "2026年第一批 2026-05-01 2026-06-30 100000"},
		{"inside a batch: it is still open", "110101", d(2026, 6, 30), "2026年第一批 2026-05-01 2026-06-30 100000"},
		{"the day after a batch closes", "110101", d(2026, 7, 1), "2026年第二批 2026-07-01 2026-08-31 100000"},
		{"after the last batch: next year", "110101", d(2026, 9, 1), "2027年第一批 2027-05-01 2027-06-30 100000"},
		{"unknown region: nationwide", "", d(2026, 9, 1), "2027年第一批 2027-05-01 2027-06-30 100000"},
		{"a province's own windows", "370602", d(2026, 2, 1), "2026年第一批 2026-03-01 2026-03-31 370000"},
		{"a dated batch adds to its year", "370602", d(2027, 4, 1), "2027年特别批次 2027-09-01 2027-09-15 370000"},
		{"the recurring batches stay in that year", "370602", d(2027, 1, 1), "2027年第一批 2027-03-01 2027-03-31 370000"},
		{"a dated batch replaces the recurring one of its name", "370602", d(2028, 1, 1), "2028年第一批 2028-04-10 2028-04-20 370000"},
		{"the most specific region", "370102", d(2026, 2, 1), "2026年市级 2026-10-01 2026-10-31 370100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := tb.Next("gaoxin", tt.region, tt.on)
			if !ok {
				t.Fatal("no window")
			}
			if got := strings.Join([]string{w.Name, w.Opens.String(), w.Closes.String(), w.Region}, " "); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	if _, ok := tb.Next("kejixing", "110101", d(2026, 1, 1)); ok {
		t.Error("a window for a rule without windows")
	}
	if w, _ := tb.Next("gaoxin", "110101", d(2026, 1, 1)); !w.Default {
		t.Error("a default window is not marked so")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"windows: [{rule: gaoxin, region: '100000', batches: [{name: a, opens: 05-01, closes: 04-30}]}]", "closes before it opens"},
		{"windows: [{rule: gaoxin, region: '100000', batches: [{name: a, opens: 13-01, closes: 12-30}]}]", `date "13-01"`},
		{"windows: [{rule: gaoxin, region: '100000', batches: [{name: a, opens: 2027-05-01, closes: 06-30}]}]", "both MM-DD"},
		{"windows: [{rule: gaoxin, region: '100000', batches: [{name: a, opens: 2027-05-01, closes: 2028-06-30}]}]", "both MM-DD"},
		{"windows: [{rule: gaoxin, region: '999999', batches: [{name: a, opens: 05-01, closes: 06-30}]}]", "not a GB/T 2260 code"},
		{"windows: [{rule: gaoxin, region: '100000', batches: []}]", "at least one"},
		{"windows: [{rule: gaoxin, region: '100000', batchs: []}]", "batchs"},
		{"windows: [{region: '100000', batches: [{name: a, opens: 05-01, closes: 06-30}]}]", "rule is required"},
		{"windows: [{rule: gaoxin, region: '100000', batches: [{name: a, opens: 05-01}]}]", "opens and closes are required"},
		{"windows:\n  - {rule: g, region: '100000', batches: [{name: a, opens: 05-01, closes: 06-30}]}\n  - {rule: g, region: '100000', batches: [{name: a, opens: 05-01, closes: 06-30}]}", "given twice"},
	}
	for _, tt := range tests {
		_, err := Parse("w.yaml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "w.yaml: ") {
			t.Errorf("%s: error %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestLeapDay(t *testing.T) {
	tb := mustParse(t, "windows: [{rule: g, region: '100000', batches: [{name: a, opens: 02-01, closes: 02-29}]}]")
	if w, _ := tb.Next("g", "", d(2026, 1, 1)); w.Closes != d(2026, 2, 28) {
		t.Errorf("closes %s in a common year, want 2026-02-28", w.Closes)
	}
	if w, _ := tb.Next("g", "", d(2028, 1, 1)); w.Closes != d(2028, 2, 29) {
		t.Errorf("closes %s in a leap year, want 2028-02-29", w.Closes)
	}
}

func TestDefaultAndOverride(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(def.Rules(), ","); got != "chuangxin,gaoxin,kejixing,zhuanjingtexin" {
		t.Errorf("default rules %s", got)
	}
	for _, rule := range def.Rules() {
		w, ok := def.Next(rule, "370602", d(2026, 5, 1))
		if !ok || !w.Default || !strings.Contains(w.Note, "默认值") {
			t.Errorf("%s: default window %+v: want one marked as a default to configure", rule, w)
		}
	}
	over := def.Override(mustParse(t, sample))
	if w, _ := over.Next("gaoxin", "370602", d(2026, 2, 1)); w.Region != "370000" || w.Default {
		t.Errorf("override: %+v", w)
	}
	if w, _ := over.Next("gaoxin", "110101", d(2026, 2, 1)); w.Name != "2026年第一批" || w.Region != "100000" || w.Note != "" {
		t.Errorf("override: the nationwide gaoxin entry is the file's (no note), got %+v", w)
	}
	if _, ok := over.Next("kejixing", "110101", d(2026, 2, 1)); !ok {
		t.Error("override dropped the defaults of other rules")
	}
}

// The example of docs/rules.md parses and means what the text says.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i := strings.Index(s, "```yaml\nwindows:")
	if i < 0 {
		t.Fatal("docs/rules.md has no windows example")
	}
	block := s[i+len("```yaml\n"):]
	block = block[:strings.Index(block, "```")]
	tb := mustParse(t, block)
	if w, _ := tb.Next("gaoxin", "370602", d(2027, 7, 1)); w.Name != "2027年第二批" || w.Opens != d(2027, 8, 1) {
		t.Errorf("2027: %+v", w)
	}
	if w, _ := tb.Next("gaoxin", "370602", d(2027, 3, 1)); w.Name != "2027年第一批" {
		t.Errorf("2027: %+v (the recurring first batch stays)", w)
	}
	if w, _ := tb.Next("gaoxin", "370602", d(2028, 7, 1)); w.Name != "2029年第一批" {
		t.Errorf("2028 after the first batch: %+v (the dated second batch is 2027's only)", w)
	}
}

func TestEntries(t *testing.T) {
	es := mustParse(t, sample).Entries()
	if len(es) != 3 || es[0].Region != "100000" || es[1].Region != "370000" || es[2].Region != "370100" {
		t.Fatalf("entries %+v", es)
	}
	want := []string{"第二批 每年 07-01 至 08-31", "第一批 每年 05-01 至 06-30"}
	if strings.Join(es[0].Batches, "|") != strings.Join(want, "|") || !es[0].Default {
		t.Errorf("nationwide %+v", es[0])
	}
	if es[1].Batches[1] != "2027年特别批次 2027-09-01 至 2027-09-15" || es[1].Note != "山东省（测试数据）" {
		t.Errorf("province %+v", es[1])
	}
}
