package region

import "testing"

func TestResolve(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		texts []string
		want  string // code; "" for ok=false
	}{
		{"county party committee", []string{"中共成都市青羊区委"}, "510105"},
		{"unique district name", []string{"云岩区人民政府办公室"}, "520103"},
		{"city bureau", []string{"嘉兴市科学技术局"}, "330400"},
		{"county-level city", []string{"临海市人民政府办公室"}, "331082"},
		{"city government", []string{"泰安市人民政府"}, "370900"},
		{"province department", []string{"山东省科学技术厅"}, "370000"},
		{"province general office", []string{"浙江省人民政府办公厅"}, "330000"},
		{"state council", []string{"国务院办公厅"}, "100000"},
		{"ministry", []string{"科技部"}, "100000"},
		{"national commission", []string{"国家发展改革委"}, "100000"},
		{"state council title naming a region", []string{"国务院关于支持新疆维吾尔自治区高质量发展的意见"}, "100000"},
		{"national bureau's provincial branch", []string{"国家税务总局浙江省税务局"}, "330000"},
		{"ambiguous district alone", []string{"鼓楼区人民政府"}, ""},
		{"ambiguous district with city in title", []string{"鼓楼区人民政府", "关于印发南京市鼓楼区科技创新政策的通知"}, "320106"},
		{"ambiguous district after its city", []string{"福州市鼓楼区科技局"}, "350102"},
		{"short name before high-tech zone", []string{"成都高新区管委会"}, "510100"},
		{"university is not a region", []string{"中山大学"}, ""},
		{"market is not a city", []string{"中山市场监督管理"}, ""},
		{"autonomous prefecture short form", []string{"延边州人民政府"}, "222400"},
		{"autonomous region", []string{"广西壮族自治区人民政府"}, "450000"},
		{"municipality district", []string{"北京市海淀区人民政府"}, "110108"},
		{"province then city", []string{"四川省成都市"}, "510100"},
		{"issuer wins over title", []string{"嘉兴市科学技术局", "关于转发浙江省科技厅文件的通知"}, "330400"},
		{"title only", []string{"", "温岭市人民政府关于进一步加强质量提升的若干意见"}, "331081"},
		{"together with is not 会同县", []string{"会同财政局等部门"}, ""},
		{"common word as full district name", []string{"深圳市光明区人民政府"}, "440311"},
		{"generic district name", []string{"城区管委会"}, ""},
		{"short province before regulator", []string{"国家金融监督管理总局山东监管局"}, "370000"},
		{"county-level short name before zone", []string{"岱山经济开发区管委会"}, "330921"},
		{"district followed by 域 is not the district", []string{"维护和平区域稳定"}, ""},
		{"county-level city under a province", []string{"仙桃市人民政府"}, "429004"},
		{"forest district short name", []string{"神农架林区管委会"}, "429021"},
		{"xinjiang corps city", []string{"石河子市人民政府"}, "659001"},
		{"municipality short name before zone", []string{"天津经济技术开发区管委会"}, "120000"},
		{"province short name alone is not enough", []string{"浙江大学"}, ""},
		{"jilin province and city are both named", []string{"吉林省吉林市人民政府"}, "220200"},
		{"jilin short name is ambiguous", []string{"吉林高新区"}, ""},
		{"subject region does not refine the issuer", []string{"浙江省人民政府关于印发杭州市城市发展规划的通知"}, "330000"},
		{"title without issuer names the region", []string{"关于印发杭州市城市发展规划的通知"}, "330100"},
		{"nothing", []string{"关于开展2023年度申报工作的通知"}, ""},
		{"no texts", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, ok := Resolve(tt.texts...)
			got := r.Code
			if !ok {
				got = ""
			}
			if got != tt.want {
				t.Errorf("Resolve(%q) = %q (%s), %v; want %q", tt.texts, got, r.FullName, ok, tt.want)
			}
		})
	}
}
