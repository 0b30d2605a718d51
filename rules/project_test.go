package rules

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestAssumptionNorm(t *testing.T) {
	tests := []struct {
		in      Assumption
		want    Assumption
		wantErr string
	}{
		{Assumption{}, Assumption{Growth: GrowthLastYear, Years: 5}, ""},
		{Assumption{Growth: GrowthNone, Years: 2}, Assumption{Growth: GrowthNone, Years: 2}, ""},
		{Assumption{Growth: "fast"}, Assumption{}, `growth "fast"`},
		{Assumption{Years: 11}, Assumption{}, "years ahead 11"},
		{Assumption{Years: -1}, Assumption{}, "years ahead -1"},
	}
	for _, tt := range tests {
		got, err := tt.in.norm()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%+v: error %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%+v: %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func years(e *huiqi.Enterprise) map[int]huiqi.Financials {
	out := map[int]huiqi.Financials{}
	for _, f := range e.Financials {
		out[f.Year] = f
	}
	return out
}

func val(p *int64) int64 {
	if p == nil {
		return -1
	}
	return *p
}

func TestProject(t *testing.T) {
	e := &huiqi.Enterprise{Financials: []huiqi.Financials{
		{Year: 2024, RevenueYuan: i64(3000), RDExpenseYuan: i64(100)},
		{Year: 2025, RevenueYuan: i64(4000), RDExpenseYuan: i64(100), NetAssetsYuan: i64(7)},
	}}
	pr := project(e, asOf, Assumption{Growth: GrowthLastYear, Years: 3}, []string{"revenue_yuan"})
	ys := years(pr.ent)
	tests := []struct {
		year       int
		rev, rd, n int64
	}{
		{2025, 4000, 100, 7},
		{2026, 5333, 100, 7}, // 4000 × 4/3 = 5333.33, rounded down
		{2027, 7110, 100, 7}, // 5333 × 4/3 = 7110.67: each year from the last, rounded down
		{2028, 9480, 100, 7},
	}
	for _, tt := range tests {
		f, ok := ys[tt.year]
		if !ok {
			t.Fatalf("no year %d", tt.year)
		}
		if val(f.RevenueYuan) != tt.rev || val(f.RDExpenseYuan) != tt.rd || val(f.NetAssetsYuan) != tt.n {
			t.Errorf("%d: revenue %d, R&D %d, net assets %d; want %d, %d, %d", tt.year, val(f.RevenueYuan), val(f.RDExpenseYuan), val(f.NetAssetsYuan), tt.rev, tt.rd, tt.n)
		}
		if f.HighTechRevenueYuan != nil {
			t.Errorf("%d: a figure unknown in 2025 is projected: %d", tt.year, *f.HighTechRevenueYuan)
		}
	}
	if _, ok := ys[2029]; ok || pr.end != 2028 || pr.base != 2025 {
		t.Errorf("years up to %d (end %d, base %d), want up to 2028", len(ys), pr.end, pr.base)
	}
	if len(e.Financials) != 2 {
		t.Errorf("the profile itself was changed: %d years", len(e.Financials))
	}
	if !strings.Contains(pr.notes[0], "2026 年起各项财务数据按 2025 年较 2024 年的增长率逐年增长（销售收入 33.33%") {
		t.Errorf("note %q", pr.notes[0])
	}
	if !pr.projected(huiqi.Fact{Name: "financials[2026].revenue_yuan"}) || pr.projected(huiqi.Fact{Name: "financials[2025].revenue_yuan"}) || pr.projected(huiqi.Fact{Name: "employees"}) {
		t.Error("projected: 2026 is projected, 2025 and employees are not")
	}
}

func TestProjectNoGrowthAndGaps(t *testing.T) {
	e := &huiqi.Enterprise{Financials: []huiqi.Financials{
		{Year: 2024, RevenueYuan: i64(3000)},
		{Year: 2025, RevenueYuan: i64(4000), RDExpenseYuan: i64(100)},
	}}
	pr := project(e, asOf, Assumption{Growth: GrowthNone, Years: 2}, nil)
	if f := years(pr.ent)[2027]; val(f.RevenueYuan) != 4000 || val(f.RDExpenseYuan) != 100 {
		t.Errorf("no growth: 2027 revenue %d, R&D %d; want 4000, 100", val(f.RevenueYuan), val(f.RDExpenseYuan))
	}
	if !strings.HasPrefix(pr.notes[0], "不增长：2026 年起各项财务数据保持 2025 年水平") {
		t.Errorf("note %q", pr.notes[0])
	}
	// R&D of 2024 unknown: its rate is 0 under last_year.
	pr = project(e, asOf, Assumption{Growth: GrowthLastYear, Years: 2}, nil)
	if f := years(pr.ent)[2027]; val(f.RDExpenseYuan) != 100 {
		t.Errorf("R&D without the year before: 2027 %d, want 100 (no growth)", val(f.RDExpenseYuan))
	}
	// The last fiscal year missing: nothing projected, past years never filled.
	old := &huiqi.Enterprise{Financials: []huiqi.Financials{{Year: 2023, RevenueYuan: i64(1)}}}
	pr = project(old, asOf, Assumption{Growth: GrowthLastYear, Years: 3}, nil)
	if len(pr.ent.Financials) != 1 || !strings.Contains(pr.notes[0], "没有 2025 年财务数据") {
		t.Errorf("without 2025: %d years, notes %q", len(pr.ent.Financials), pr.notes)
	}
	// Figures of the year in progress given: projection starts after them.
	cur := &huiqi.Enterprise{Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: i64(10)}, {Year: 2026, RevenueYuan: i64(20)}}}
	pr = project(cur, asOf, Assumption{Growth: GrowthLastYear, Years: 2}, nil)
	if f := years(pr.ent)[2027]; pr.base != 2026 || val(f.RevenueYuan) != 40 {
		t.Errorf("base %d, 2027 revenue %d; want 2026, 40", pr.base, val(f.RevenueYuan))
	}
}

func TestProjectionWith(t *testing.T) {
	e := &huiqi.Enterprise{Financials: []huiqi.Financials{
		{Year: 2024, RDExpenseYuan: i64(100)},
		{Year: 2025, RDExpenseYuan: i64(110)},
	}}
	pr := project(e, asOf, Assumption{Growth: GrowthLastYear, Years: 3}, nil)
	p := pr.with([]*huiqi.Need{
		{Field: "financials[2026].rd_expense_yuan", Year: 2026, RequiredYuan: 200},
		{Field: "financials[2026].rd_expense_yuan", Year: 2026, RequiredYuan: 150}, // the larger holds
	})
	ys := years(p)
	if val(ys[2026].RDExpenseYuan) != 200 || val(ys[2027].RDExpenseYuan) != 220 || val(ys[2028].RDExpenseYuan) != 242 {
		t.Errorf("with needs: %d, %d, %d; want 200, 220, 242", val(ys[2026].RDExpenseYuan), val(ys[2027].RDExpenseYuan), val(ys[2028].RDExpenseYuan))
	}
	if val(years(pr.ent)[2026].RDExpenseYuan) != 121 {
		t.Errorf("the projection itself changed: %d", val(years(pr.ent)[2026].RDExpenseYuan))
	}
}
