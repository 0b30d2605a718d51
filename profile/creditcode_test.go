package profile

import (
	"strings"
	"testing"
)

// realCodes are the published 统一社会信用代码 of listed companies and their
// subsidiaries (from their annual reports and business licences).
var realCodes = map[string]string{
	"华为技术有限公司":       "914403001922038216",
	"深圳市腾讯计算机系统有限公司": "91440300708461136T",
	"阿里巴巴（中国）有限公司":   "91330100716105852F",
	"小米科技有限责任公司":     "91110108551385082Q",
	"北京百度网讯科技有限公司":   "91110000802100433B",
	"比亚迪股份有限公司":      "91440300192317458F",
	"中兴通讯股份有限公司":     "9144030027939873X7", // organisation check X
}

func TestCheckCreditCodeReal(t *testing.T) {
	t.Parallel()
	for name, code := range realCodes {
		if err := CheckCreditCode(code); err != nil {
			t.Errorf("%s %s: %v", name, code, err)
		}
	}
}

// TestCheckCreditCodeOneChange changes each character of every real code to
// every other character of the set. Every such code must fail: each weight
// is prime to 31, so one changed character always changes the sum mod 31.
func TestCheckCreditCodeOneChange(t *testing.T) {
	t.Parallel()
	for _, code := range realCodes {
		for i := range 18 {
			for _, r := range creditChars {
				if byte(r) == code[i] {
					continue
				}
				bad := code[:i] + string(r) + code[i+1:]
				if CheckCreditCode(bad) == nil {
					t.Errorf("%s (position %d of %s changed) passes", bad, i+1, code)
				}
			}
		}
	}
}

func TestCheckCreditCodeMessages(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, code, want string }{
		{"short", "91440300708461136", "应为 18 位，实际为 17 位"},
		{"long", "91440300708461136TT", "实际为 19 位"},
		{"lower case", "91440300708461136t", "第 18 位 't' 不是允许的字符"},
		{"letter O", "9144030O708461136T", "第 8 位 'O'"},
		{"region letter", "9144A300708461136T", "第 3–8 位应为行政区划码"},
		{"organisation check", "914403007084611379", "组织机构代码校验位应为 6，实际为 7"},
		{"check char", "91440300708461136U", "校验位（第 18 位）应为 T，实际为 U"},
		{"full width", "９1440300708461136T", "第 1 位"},
		{"full width later", "9144030070846113６T", "第 17 位"},
		{"empty", "", "实际为 0 位"},
	}
	for _, tt := range tests {
		err := CheckCreditCode(tt.code)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: CheckCreditCode(%q) = %v; want %q", tt.name, tt.code, err, tt.want)
		}
	}
}

func TestCheckChars(t *testing.T) {
	t.Parallel()
	for _, code := range realCodes {
		if c := CreditCheckChar(code[:17]); c != code[17] {
			t.Errorf("CreditCheckChar(%s) = %c; want %c", code[:17], c, code[17])
		}
		if c := OrgCheckChar(code[8:16]); c != code[16] {
			t.Errorf("OrgCheckChar(%s) = %c; want %c", code[8:16], c, code[16])
		}
	}
	if CreditCheckChar("9144030070846113") != 0 || CreditCheckChar("9144030070846113I") != 0 {
		t.Error("CreditCheckChar accepts a short code or the letter I")
	}
	if OrgCheckChar("7084611") != 0 || OrgCheckChar("7084611a") != 0 {
		t.Error("OrgCheckChar accepts a short body or a lower-case letter")
	}
}

// FuzzCheckCreditCode: no input panics, and an accepted code is 18
// characters of the set whose check characters both match.
func FuzzCheckCreditCode(f *testing.F) {
	for _, code := range realCodes {
		f.Add(code)
	}
	f.Add("９1440300708461136T")
	f.Fuzz(func(t *testing.T, code string) {
		if CheckCreditCode(code) != nil {
			return
		}
		if len(code) != 18 || CreditCheckChar(code[:17]) != code[17] || OrgCheckChar(code[8:16]) != code[16] {
			t.Fatalf("accepted %q", code)
		}
	})
}
