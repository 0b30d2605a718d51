package profile

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestLoadTestdata reads every real profile, checks it as of a fixed day and
// compares what it read with what the file says, field by field, through
// the JSON form.
func TestLoadTestdata(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/*.*")
	if len(files) < 5 {
		t.Fatalf("%d profiles in testdata", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		e, warn, err := Check(filepath.Base(f), data, huiqi.Date{Year: 2026, Month: 11, Day: 22})
		if err != nil || e == nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if e.Name == "" || e.RegionCode == "" || e.IndustryCode == "" {
			t.Errorf("%s: name, region or industry lost: %+v", f, e)
		}
		if strings.HasSuffix(f, "xian-testing.yml") != (len(warn) > 0) {
			t.Errorf("%s: warnings %v", f, warn)
		}
	}
}

func TestLoadYAMLAsWritten(t *testing.T) {
	t.Parallel()
	data, _ := os.ReadFile("testdata/chengdu-sensor.yaml")
	e, err := Load("chengdu-sensor.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(e)
	for _, want := range []string{
		`"region_code":"510107"`, `"industry_code":"3983"`, `"registered_on":"2019-03-11"`,
		`"financials":[{"year":2024,"revenue_yuan":12800000,"rd_expense_yuan":1460000,"rd_expense_domestic_yuan":null,"high_tech_revenue_yuan":11200000`,
		`"rd_expense_domestic_yuan":null`, `"ip":{"class1":3,"class2":11}`,
		`{"name":"创新型中小企业","level":"provincial","since":"2024-07-01","until":"2027-06-30"}`,
		`{"name":"市级企业技术中心","since":null,"until":null}`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("read profile lacks %s:\n%s", want, got)
		}
	}
}

func TestLoadFormats(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, file, data, wantName string }{
		{"json by extension", "a.json", `{"name":"甲"}`, "甲"},
		{"yaml by extension", "a.yaml", `name: 乙`, "乙"},
		{"yml", "a.yml", `name: 丙`, "丙"},
		{"json sniffed", "profile", ` {"name":"丁"}`, "丁"},
		{"yaml sniffed", "-", "name: 戊\nemployees: 3\n", "戊"},
		{"json is yaml too but read as json", "a.txt", `{"name": "己"}`, "己"},
		{"byte order mark", "a.json", "\uFEFF{\"name\":\"庚\"}", "庚"},
		{"quoted yaml date", "a.yaml", "name: 辛\nregistered_on: \"2020-01-02\"", "辛"},
	}
	for _, tt := range tests {
		e, err := Load(tt.file, []byte(tt.data))
		if err != nil || e.Name != tt.wantName {
			t.Errorf("%s: Load = %+v, %v", tt.name, e, err)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, file, data, want string }{
		{"unknown field", "a.json", `{"name":"x","employes":3}`, `a.json:1: employes: 未知字段（是否应为 employees？）`},
		{"unknown nested", "a.yaml", "financials:\n  - year: 2024\n    revenue: 5\n", `a.yaml:3: financials[0].revenue: 未知字段`},
		{"unknown far off", "a.json", `{"colour":"red"}`, `colour: 未知字段（可用字段: certifications, core_ip_owned`},
		{"string for number", "a.json", `{"employees":"86"}`, `employees: 应为整数，实际为字符串 "86"`},
		{"money with unit", "a.yaml", "financials:\n- year: 2024\n  revenue_yuan: 1200万\n", `financials[0].revenue_yuan: 应为整数，实际为字符串 "1200万"`},
		{"money as float", "a.json", `{"financials":[{"year":2024,"revenue_yuan":1.5e7}]}`, `应为整数（不带小数点、单位或分隔符，金额以元计），实际为 1.5e7`},
		{"number for string", "a.json", `{"region_code":510105}`, `region_code: 应为字符串，实际为数字 "510105"（请加引号）`},
		{"bad date", "a.json", `{"registered_on":"2023-02-30"}`, `registered_on: 日期 "2023-02-30" 无效`},
		{"date as number", "a.json", `{"registered_on":20230201}`, `registered_on: 应为日期字符串 YYYY-MM-DD，实际为数字 20230201`},
		{"yes is not a bool", "a.yaml", "core_ip_owned: yes", `core_ip_owned: 应为 true 或 false，实际为字符串 "yes"`},
		{"object for list", "a.json", `{"certifications":{"name":"x"}}`, `certifications: 应为数组（列表），实际为对象`},
		{"duplicate json key", "a.json", "{\"name\":\"a\",\n\"name\":\"b\"}", `a.json: 第 2 行: 字段 "name" 重复出现`},
		{"duplicate yaml key", "a.yaml", "name: a\nname: b\n", `a.yaml: 第 2 行: 字段 "name" 重复出现`},
		{"syntax", "a.json", `{"name": "a",}`, `a.json: 第 1 行: JSON 语法错误`},
		{"truncated", "a.json", `{"name": "a"`, `a.json: JSON 不完整`},
		{"trailing", "a.json", `{"name": "a"} {}`, `JSON 值之后还有多余内容`},
		{"not an object", "a.json", `[1,2]`, `a.json:1: 内容应为一个对象（字段: 值），实际为数组`},
		{"empty", "a.yaml", "  \n", `a.yaml: 文件为空`},
		{"not utf-8", "a.json", "{\"name\":\"\xb2\xe2\"}", `不是 UTF-8 编码的文本`},
		{"integer overflow", "a.json", `{"employees":99999999999999999999}`, `employees: 应为整数`},
		{"deep", "a.json", strings.Repeat("[", 100) + strings.Repeat("]", 100), `嵌套过深`},
		{"alias bomb", "a.yaml", aliasBomb(), `嵌套过深或内容过多`},
		{"too large", "a.json", `{"name":"` + strings.Repeat("长", 100_000) + `"}`, `a.json: 文件过大（300011 字节，上限 262144）`},
		{"too many values", "a.json", `{"financials":[` + strings.Repeat(`{"year":1},`, 10_000) + `{}]}`, `嵌套过深或内容过多（第 1 行）`},
		{"long unknown key", "a.json", `{"` + strings.Repeat("长", 1000) + `":1}`, `a.json:1: ` + strings.Repeat("长", 13) + `…: 未知字段（可用字段: `},
		{"problems listed up to 100", "a.json", `{"financials":[` + strings.Repeat(`{"yr":1},`, 300) + `{}]}`, "a.json:1: financials[99].yr: 未知字段（是否应为 year？）\na.json: 还有 200 个问题未列出"},
		{"every problem at once", "a.json", `{"nam":"x","employees":"3","tech_staff":true}`, "a.json:1: nam: 未知字段（是否应为 name？）\na.json:1: employees: 应为整数"},
	}
	for _, tt := range tests {
		_, err := Load(tt.file, []byte(tt.data))
		var ps Problems
		if !errors.As(err, &ps) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load error\n%v\nwant it to contain\n%s", tt.name, err, tt.want)
		}
		if huiqi.ErrorCode(err) != huiqi.EINVALID {
			t.Errorf("%s: error code %q", tt.name, huiqi.ErrorCode(err))
		}
	}
}

// aliasBomb is a YAML file whose aliases multiply to 10^9 nodes.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [x,x,x,x,x,x,x,x,x,x]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(n + ": &" + n + " [")
		for i := range 10 {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = n
	}
	return b.String()
}

// FuzzLoad: no input crashes Load, and what Load accepts survives a round
// trip through JSON unchanged.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(filepath.Ext(file), data)
	}
	f.Add(".json", []byte(`{"financials":[{"year":2024}],"declarations":{"x":true}}`))
	f.Add(".yaml", []byte("a: &a [1]\nb: *a\n"))
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		e, err := Load("fuzz"+ext, data)
		if err != nil {
			if huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Fatalf("error code %q: %v", huiqi.ErrorCode(err), err)
			}
			return
		}
		_ = Validate(e)
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		e2, err := Load("again.json", b)
		if err != nil {
			t.Fatalf("Load of its own JSON %s: %v", b, err)
		}
		if b2, _ := json.Marshal(e2); string(b2) != string(b) {
			t.Fatalf("round trip changed\n%s\n%s", b, b2)
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	data, err := os.ReadFile("testdata/hangzhou-software.json")
	if err != nil {
		b.Fatal(err)
	}
	yaml, _ := os.ReadFile("testdata/chengdu-sensor.yaml")
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := Check("p.json", data, huiqi.Date{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := Check("p.yaml", yaml, huiqi.Date{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Unquoted YAML codes keep the text written: a leading zero, eighteen digits.
func TestLoadYAMLCodesAsText(t *testing.T) {
	t.Parallel()
	e, err := Load("p.yaml", []byte("industry_code: 0111\ncredit_code: 914403001922038216\nregion_code: 110108\nname: 2024\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e.IndustryCode != "0111" || e.CreditCode != "914403001922038216" || e.RegionCode != "110108" || e.Name != "2024" {
		t.Errorf("read %+v", e)
	}
	if err := Validate(e); err != nil {
		t.Error(err)
	}
}
