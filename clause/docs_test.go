package clause

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// loadDoc reads a corpus document from testdata and returns its cleaned text
// and clauses.
func loadDoc(t testing.TB, name string) (string, []huiqi.Clause) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text := Clean(string(b))
	return text, Parse(text)
}

// byPath indexes clauses by path, failing on paths that are missing.
func byPath(t *testing.T, cs []huiqi.Clause, want ...string) map[string]huiqi.Clause {
	t.Helper()
	m := map[string]huiqi.Clause{}
	for _, c := range cs {
		m[c.Path] = c
	}
	for _, p := range want {
		if _, ok := m[p]; !ok {
			t.Errorf("clause %q not found", p)
		}
	}
	return m
}

// children returns the paths of the direct children of parent ("" for top level).
func children(cs []huiqi.Clause, parent string) string {
	var out []string
	for _, c := range cs {
		rest, ok := strings.CutPrefix(c.Path, parent+"/")
		if parent == "" {
			rest, ok = c.Path, true
		}
		if ok && !strings.Contains(rest, "/") {
			out = append(out, rest)
		}
	}
	return strings.Join(out, " ")
}

func TestSeed003ActionPlan(t *testing.T) {
	t.Parallel()
	text, cs := loadDoc(t, "003_935ac3933a80a7ae.txt")
	checks := []struct{ parent, want string }{
		{"", "一 二 三"},
		{"一", "—1 —2 —3 —4 —5"},
		{"二", "(一) (二) (三) (四) (五)"},
		{"二/(一)", "1 2 3"},
		{"二/(二)", "4 5 6"},
		{"二/(三)", "7 8"},
		{"二/(四)", "9 10 11 12 13"},
		{"二/(五)", "14 15"},
		{"三", "(一) (二) (三) (四)"},
	}
	for _, c := range checks {
		if got := children(cs, c.parent); got != c.want {
			t.Errorf("children of %q = %q, want %q", c.parent, got, c.want)
		}
	}
	m := byPath(t, cs, "二/(一)/3", "二/(二)", "二/(三)/7", "三/(四)")
	if m["二/(一)/3"].Span.End > m["二/(二)"].Span.Start {
		t.Errorf("item 3 %v runs into (二) at %d", m["二/(一)/3"].Span, m["二/(二)"].Span.Start)
	}
	if h := m["二/(三)/7"].Heading; h != "加快高新技术企业培育" {
		t.Errorf("heading of 7 = %q", h)
	}
	if h := m["二/(一)"].Heading; h != "重塑创新坐标" {
		t.Errorf("heading of (一) = %q", h)
	}
	if end := m["三/(四)"].Span.End; end != len(text) {
		t.Errorf("last clause ends at %d, text at %d", end, len(text))
	}
	for _, chrome := range []string{"访谈解读", "信息来源", "原创文章", "获取验证码"} {
		if strings.Contains(text, chrome) {
			t.Errorf("trailing chrome %q left in the text", chrome)
		}
	}
}

func TestSeed004SharedDocument(t *testing.T) {
	t.Parallel()
	text, cs := loadDoc(t, "004_0e7b4b1e1064c15b.txt")
	for _, s := range []string{"资金支持不超过500万元", "现代产业体系建设这个核心", "15 .打造创新平台体系", "行动11.培育高新技术企业"} {
		if !strings.Contains(text, s) {
			t.Errorf("cleaned text lacks %q", s)
		}
	}
	for _, s := range []string{"由会员分享", "珍藏版", "\n11、", "支\n8、"} {
		if strings.Contains(text, s) {
			t.Errorf("cleaned text still has %q", s)
		}
	}
	if !strings.HasPrefix(text, "泰安市人民政府关于") {
		t.Errorf("text starts %q, want the title without marker 1、", text[:30])
	}
	checks := []struct{ parent, want string }{
		{"", "一 二 三 四"},
		{"三", "(一) (二) (三) (四) (六) (六)~2 (七) (八)"},
		{"三/(一)", "1 2 3"},
		{"三/(二)", "4 5 6"},
		{"三/(三)", "7 8 9 10"},
		{"三/(四)", "11 12 13"},
		{"三/(六)", "14 15 16 17"},
		{"三/(六)~2", "18 19"},
		{"三/(七)", "20 21 22"},
		{"三/(八)", "23 24 25 26 27 28"},
		{"四", "(一) (二) (三)"},
	}
	for _, c := range checks {
		if got := children(cs, c.parent); got != c.want {
			t.Errorf("children of %q = %q, want %q", c.parent, got, c.want)
		}
	}
	m := byPath(t, cs, "三/(一)", "三/(一)/2", "三/(三)/7")
	if h := m["三/(一)"].Heading; h != "实施标志性产业链“赋能”行动" {
		t.Errorf("inline heading of (一) = %q", h)
	}
	if c := m["三/(一)/2"]; c.Label != "2 ." || c.Number != 2 || c.Heading != "推动标志性产业链策源能力跃升" {
		t.Errorf("item 2 = %+v", c)
	}
	if c := m["三/(三)/7"]; !strings.Contains(text[c.Span.Start:c.Span.End], "资金支持不超过500万元") {
		t.Errorf("item 7 span lacks the joined amount")
	}
}

func TestZhejiangArticles(t *testing.T) {
	t.Parallel()
	_, cs := loadDoc(t, "zj410.txt")
	// The published text has no 第四条; the parser keeps what is there.
	want := "第一条 第二条 第三条 第五条 第六条 第七条 第八条 第九条 第十条 第十一条 第十二条 第十三条 第十四条 第十五条 第十六条 第十七条 第十八条"
	if got := children(cs, ""); got != want {
		t.Errorf("articles = %q", got)
	}
	checks := []struct{ parent, want string }{
		{"第二条", "一 二 三 四"},
		{"第三条", "一 二"},
		{"第三条/二", "1 2 3"},
		{"第十一条", "一 二"},
	}
	for _, c := range checks {
		if got := children(cs, c.parent); got != c.want {
			t.Errorf("children of %q = %q, want %q", c.parent, got, c.want)
		}
	}
	m := byPath(t, cs, "第三条")
	if c := m["第三条"]; c.Label != "第三条" || c.Number != 3 || c.Kind != huiqi.ClauseArticle {
		t.Errorf("第三条 = %+v", c)
	}
}

func TestZhejiangMixedLists(t *testing.T) {
	t.Parallel()
	_, cs := loadDoc(t, "zj483.txt")
	checks := []struct{ parent, want string }{
		{"", "一 二 三 四"},
		{"一", "(一) (二) (三) (四) (五)"},
		{"二", "(一) (二) (三) (四)"},
		{"二/(一)", "1 2 3 4"},
		{"二/(一)/2", "(1) (2) (3) (4) (5)"},
		{"二/(二)", "(1) (2) (3) (4) (5) (6)"},
		{"二/(四)", "1 2 3 4 5 6"},
		{"二/(四)/1", "(1) (2) (3)"},
	}
	for _, c := range checks {
		if got := children(cs, c.parent); got != c.want {
			t.Errorf("children of %q = %q, want %q", c.parent, got, c.want)
		}
	}
	m := byPath(t, cs, "二/(一)/2/(1)")
	if c := m["二/(一)/2/(1)"]; c.Depth != 4 || c.Kind != huiqi.ClauseParenArabic || c.Heading != "在临海市新注册的独立法人" {
		t.Errorf("(1) = %+v", c)
	}
}

func TestCentralChapters(t *testing.T) {
	t.Parallel()
	_, cs := loadDoc(t, "central_001.txt")
	if got := children(cs, ""); got != "第一章 第二章 第三章 第四章" {
		t.Errorf("chapters = %q", got)
	}
	if got := children(cs, "第四章/二"); got != "(一) (二) (三) (四) (五) (六) (七)" {
		t.Errorf("第四章/二 = %q", got)
	}

	_, cs = loadDoc(t, "central_067.txt")
	if got := children(cs, ""); got != "第一章 第二章 第三章 第四章 第五章 第六章" {
		t.Errorf("chapters = %q", got)
	}
	if got := children(cs, "第一章/第二条"); got != "(一) (二) (三) (四)" {
		t.Errorf("inline items of 第二条 = %q", got)
	}
	m := byPath(t, cs, "第六章/第二十五条", "第二章/第五条", "第一章")
	if h := m["第二章/第五条"].Heading; h != "推动敏捷治理" {
		t.Errorf("heading of 第五条 = %q", h)
	}
	if h := m["第一章"].Heading; h != "总则" {
		t.Errorf("heading of 第一章 = %q", h)
	}
}

func TestCentralWrappedPDF(t *testing.T) {
	t.Parallel()
	text, cs := loadDoc(t, "central_198.txt")
	for _, s := range []string{"指导智能网联汽车开展道路测试工作", "网联等设施及环境条件的场地"} {
		if !strings.Contains(text, s) {
			t.Errorf("wrapped lines not joined: %q missing", s)
		}
	}
	if strings.Contains(text, "— 2 —") {
		t.Error("page footer left in the text")
	}
	if got := children(cs, "第四章/第十三条"); got != "(一) (二)" {
		t.Errorf("第十三条 = %q (a wrapped reference read as a label?)", got)
	}
	if got := children(cs, "第三章/第九条"); got != "(一) (二) (三) (四) (五) (六) (七) (八)" {
		t.Errorf("第九条 = %q", got)
	}
}
