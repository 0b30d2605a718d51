package upload

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitizeName(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("长", 150)
	tests := []struct{ in, want string }{
		{"申报书.pdf", "申报书.pdf"},
		{"2025年度 高新技术企业 申报书（定稿）.docx", "2025年度 高新技术企业 申报书（定稿）.docx"},
		{"../../etc/passwd", "passwd"},
		{"..\\..\\windows\\system32\\报告.pdf", "报告.pdf"},
		{"a/b\\c/报告.pdf", "报告.pdf"},
		{"..", "附件"},
		{"...pdf", "pdf"},
		{".htaccess", "htaccess"},
		{"报告..pdf", "报告.pdf"},
		{"报告.pdf.", "报告.pdf"},
		{"  报告.pdf  ", "报告.pdf"},
		{"报告 .pdf", "报告.pdf"},
		{"", "附件"},
		{".pdf.pdf", "pdf.pdf"},
		{"报\x00告\r\n.pdf", "报告.pdf"},
		{"报告\tfinal.pdf", "报告final.pdf"},
		{"invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"\u2066报告\u2069.pdf", "报告.pdf"},
		{"zero\u200bwidth\ufeff.pdf", "zerowidth.pdf"},
		{"a<b>c:d\"e|f?g*h.pdf", "a_b_c_d_e_f_g_h.pdf"},
		{"CON", "_CON"},
		{"con.pdf", "_con.pdf"},
		{"nul.tar.pdf", "_nul.tar.pdf"},
		{"COM1.docx", "_COM1.docx"},
		{"lpt9.png", "_lpt9.png"},
		{"COMPANY.pdf", "COMPANY.pdf"},
		{"CONSOLE.pdf", "CONSOLE.pdf"},
		{"\xff\xfe报告.pdf", "报告.pdf"},
		{"报告\u3000终稿.pdf", "报告 终稿.pdf"},
		{long + ".pdf", strings.Repeat("长", 96) + ".pdf"},
		{long, strings.Repeat("长", 100)},
		{long + ".这不是扩展名", strings.Repeat("长", 100)},
		{"v1.2 报告", "v1.2 报告"},
	}
	for _, tc := range tests {
		if got := SanitizeName(tc.in); got != tc.want {
			t.Errorf("SanitizeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// checkName fails when name is not one SanitizeName can return.
func checkName(t *testing.T, in, name string) {
	t.Helper()
	bad := name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > MaxNameRunes ||
		strings.ContainsAny(name, `/\<>:"|?*`) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, " ") ||
		strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") || strings.Contains(name, "..") ||
		isReserved(strings.SplitN(name, ".", 2)[0])
	for _, r := range name {
		bad = bad || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
	}
	if bad {
		t.Fatalf("SanitizeName(%q) = %q, not a safe name", in, name)
	}
}
