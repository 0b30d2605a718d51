package rules

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// minimal is a valid rule file the error cases below break one line at a time.
const minimal = `id: demo
name: 示例
kind: measure
source:
  title: 示例文件
versions:
  - version: "1"
    effective_from: 2025-01-01
    when:
      check: employees >= 10人
`

func TestParseMinimal(t *testing.T) {
	s, err := Parse("demo.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "demo" || s.Region != "100000" || len(s.Versions) != 1 || s.Versions[0].From != (huiqi.Date{Year: 2025, Month: 1, Day: 1}) {
		t.Errorf("parsed %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown key", "kind: measure", "kind: measure\nkinds: x", "demo.yaml:4: unknown key \"kinds\""},
		{"unknown condition key", "      check: employees >= 10人", "      check: employees >= 10人\n      chek: x", "demo.yaml:11: unknown key \"chek\""},
		{"two kinds in a condition", "      check: employees >= 10人", "      check: employees >= 10人\n      declare: x", "demo.yaml:11: a condition has one of"},
		{"unknown name", "employees >= 10人", "employes >= 10人", "demo.yaml:10: \"employes >= 10人\": unknown name \"employes\""},
		{"unknown function", "employees >= 10人", "summ(revenue_yuan, 3) >= 1元", "demo.yaml:10: \"summ(revenue_yuan, 3) >= 1元\": unknown function \"summ\""},
		{"units disagree", "employees >= 10人", "employees >= 10万元", "demo.yaml:10: \"employees >= 10万元\": people >= money: units do not agree"},
		{"yearly field read bare", "employees >= 10人", "revenue_yuan >= 10万元", "revenue_yuan is yearly"},
		{"not a condition", "employees >= 10人", "employees + 1", "is a people: a check is a comparison"},
		{"bad expression", "employees >= 10人", "employees >=", "demo.yaml:10: \"employees >=\": unexpected end"},
		{"bad date", "2025-01-01", "2025-13-01", "demo.yaml:8: invalid date"},
		{"no source", "  title: 示例文件", "  url: x", "source.title is required"},
		{"bad kind", "kind: measure", "kind: grant", "kind \"grant\""},
		{"bad region", "kind: measure", "kind: measure\nregion: \"999999\"", "region \"999999\""},
		{"bad id", "id: demo", "id: Demo-1", "id \"Demo-1\""},
		{"declare without id", "      check: employees >= 10人", "      declare: 未被列入经营异常名录", "declaration needs an id"},
		{"empty all", "      check: employees >= 10人", "      all: []", "non-empty list"},
		{"bad level", "employees >= 10人", `certified("孵化器", "county")`, "level \"county\""},
		{"bad region code", "employees >= 10人", `within("12345")`, "not a GB/T 2260 code"},
		{"end before start", "    effective_from: 2025-01-01", "    effective_from: 2025-01-01\n    effective_to: 2024-12-31", "effective_to is before effective_from"},
		{"alias", "kind: measure", "kind: &k measure\nname2: *k", "unknown key"},
		{"amount with two formulas", "      check: employees >= 10人", "      check: employees >= 10人\n    amount: {fixed: 1万元, range: [1元, 2元]}", "demo.yaml:11: amount: want exactly one"},
		{"amount in the wrong unit", "      check: employees >= 10人", "      check: employees >= 10人\n    amount: {fixed: 10人}", "amount fixed \"10人\" is a people"},
		{"rate without base", "      check: employees >= 10人", "      check: employees >= 10人\n    amount: {rate: 10%}", "rate goes with of"},
		{"let refers to itself", "    when:", "    let: {a: {label: A, expr: a + 1}}\n    when:", "refers to itself"},
		{"let without label", "    when:", "    let: {a: {expr: employees}}\n    when:", "label is required"},
		{"table without default", "    when:", "    tables: {t: {rows: [{min: 1, score: 1}]}}\n    when:", "only the last row"},
		{"nesting too deep", "      check: employees >= 10人", strings.Repeat("  ", 0) + "      " + strings.Repeat("not: {", 110) + "check: employees >= 1" + strings.Repeat("}", 110), "nested deeper than 50"},
		{"if with a number condition", "employees >= 10人", "if(employees, 1, 2) >= 1", "want yes/no"},
		{"if with branches of two kinds", "employees >= 10人", "if(core_ip_owned, 1, registered_on) >= 1", "the branches are number and date"},
		{"min of two units", "employees >= 10人", "min(employees, 1万元) >= 1", "units do not agree"},
		{"text compared by order", "employees >= 10人", `industry_code >= "C"`, "only == and != compare text"},
		{"negated date", "employees >= 10人", "-registered_on >= as_of", "cannot negate a date"},
		{"yearly count not literal", "employees >= 10人", "sum(revenue_yuan, employees) >= 1元", "want a whole number from 0 to 20"},
		{"yearly of a non-yearly field", "employees >= 10人", "last(employees) >= 1人", "the first argument is a yearly figure"},
		{"date plus money", "employees >= 10人", "registered_on + 1元 >= as_of", "not defined"},
		{"between of a field", "employees >= 10人", "between(employees, 10人) >= 1人", "the bounds are numbers written out"},
		{"between of two units", "employees >= 10人", "between(1人, 10分) >= 1人", "different units"},
		{"between reversed", "employees >= 10人", "between(10人, 1人) >= 1人", "the bounds 10人 > 1人"},
		{"bounded of a date", "employees >= 10人", "bounded(registered_on, 1, 2) >= 1", "want a number"},
		{"wrong YAML type", `  - version: "1"`, `  - version: [1]`, "demo.yaml:7: cannot unmarshal"},
		{"YAML syntax", "kind: measure", "kind: [measure", "demo.yaml:"},
		{"unknown industry code", "employees >= 10人", `industry_in("Z9")`, "not a GB/T 4754-2017 code"},
		{"band of an unknown table", "employees >= 10人", "band(t, employees) >= 1分", "names a table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(minimal, tt.old, tt.new, 1)
			if src == minimal {
				t.Fatalf("the case does not change the file")
			}
			_, err := Parse("demo.yaml", []byte(src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse = %v, want an error containing %q", err, tt.want)
			}
			if huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Errorf("error code %q, want invalid", huiqi.ErrorCode(err))
			}
		})
	}
}

func TestVersions(t *testing.T) {
	src := minimal + `  - version: "2"
    effective_from: 2026-01-01
    when:
      check: employees >= 20人
`
	if _, err := Parse("demo.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "demo.yaml:11: version \"2\" overlaps") {
		t.Fatalf("overlap: %v", err)
	}
	src = strings.Replace(src, "    effective_from: 2025-01-01\n", "    effective_from: 2025-01-01\n    effective_to: 2025-12-31\n", 1)
	s, err := Parse("demo.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		date huiqi.Date
		want string
	}{
		{huiqi.Date{Year: 2024, Month: 12, Day: 31}, ""},
		{huiqi.Date{Year: 2025, Month: 12, Day: 31}, "1"},
		{huiqi.Date{Year: 2026, Month: 1, Day: 1}, "2"},
		{huiqi.Date{Year: 2040, Month: 1, Day: 1}, "2"},
	} {
		v, ok := s.At(tt.date)
		if got := map[bool]string{true: "x", false: ""}[ok]; ok {
			got = v.Name
			if got != tt.want {
				t.Errorf("At(%s) = %s, want %s", tt.date, got, tt.want)
			}
		} else if tt.want != "" {
			t.Errorf("At(%s): none, want %s", tt.date, tt.want)
		}
	}
	if _, err := s.Assess(&huiqi.Enterprise{}, huiqi.Date{Year: 2020, Month: 1, Day: 1}); huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
		t.Errorf("Assess before any version: %v, want not_found", err)
	}
}
