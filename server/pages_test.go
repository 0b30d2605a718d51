package server_test

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	f, srv := serve(t)
	cases := []struct {
		name, path string
		status     int
		want       []string
	}{
		{"home", "/", 200, []string{"惠企政策查询", "最新政策", "资金额度最高的现行措施", `role="search"`, "浙江省"}},
		{"search", "/search?q=孵化器补助", 200, []string{"<mark>", "孵化器", "排序", "现行有效", "#c-"}},
		{"search by region", "/search?region=331000", 200, []string{"台州市", "同时显示上级政府的适用政策"}},
		{"search region applies", "/search?region=331024&region_mode=applies", 200, []string{"仙居县", "已包含上级政府的适用政策"}},
		{"search all statuses", "/search?status=all&sort=amount", 200, []string{"已失效", "扶持金额"}},
		{"search paged", "/search?limit=10&offset=10", 200, []string{`rel="prev"`, `aria-current="page"`}},
		{"search by amount and beneficiary", "/search?min_amount=1000000&beneficiary=企业", 200, []string{"✓ 100万元以上", `value="企业"`}},
		{"search beneficiary type facet", "/search?q=补助", 200, []string{`<h3 id="facet-beneficiary_type">扶持对象类型</h3>`,
			"beneficiary_type=enterprise", ">企业</a>", ">孵化载体与园区</a>"}},
		{"search by beneficiary type", "/search?beneficiary_type=carrier", 200, []string{`class="selected">✓ 孵化载体与园区</a>`,
			`name="beneficiary_type" value="carrier"`}},
		{"search bad beneficiary type", "/search?beneficiary_type=company", 400, []string{"beneficiary_type", "company"}},
		{"search bad year", "/search?year=20x4", 400, []string{"<h1>请求有误</h1>", "请求中的参数有误", "详细信息：", "year", "20x4"}},
		{"search bad region", "/search?region=999999", 400, []string{"region"}},
		{"policy", "/policies/{id}", 200, []string{"发布日期", "来源", "类型", "文号", "状态", "附件下载", "字号",
			"我的企业可以获得多少资金", "是否适合申报", "我要申报", "在线咨询", "扶持措施", "版本历史", `id="c-`, "与上一版对比"}},
		{"policy old version", "/policies/{id}?version=1", 200, []string{"历史版本", "查看最新版本"}},
		{"policy bad version", "/policies/{id}?version=x", 400, []string{"版本号"}},
		{"policy unknown", "/policies/000000000000", 404, []string{"<h1>未找到</h1>", "您要找的页面或政策不存在", "000000000000"}},
		{"diff", "/policies/{id}/diff", 200, []string{"版本对比", "第 1 版 → 第 2 版", "扶持措施变化", "<del>", "<ins>"}},
		{"diff single version", "/policies/{single}/diff", 400, []string{"only version 1"}},
		{"coming funding", "/coming/funding?policy={id}", 200, []string{"我的企业可以获得多少资金", "此功能尚未上线", "返回政策原文"}},
		{"coming consult", "/coming/consult", 200, []string{"在线咨询", "此功能尚未上线"}},
		{"coming unknown", "/coming/lottery", 404, nil},
		{"unknown page", "/nothing/here", 404, []string{"页面不存在"}},
		{"api mounted", "/api/v1/regions?parent=330000", 200, []string{`"杭州市"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, hdr, body := fetch(t, srv.URL+expand(c.path, f))
			if status != c.status {
				t.Fatalf("status %d, want %d", status, c.status)
			}
			if !strings.HasPrefix(c.path, "/api/") && !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
				t.Errorf("Content-Type %q", hdr.Get("Content-Type"))
			}
			for _, w := range c.want {
				if !bytes.Contains(body, []byte(w)) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

// TestOriginalDownload checks 附件下载 gives the stored bytes under the file's name.
func TestOriginalDownload(t *testing.T) {
	f, srv := serve(t)
	src, raw, err := f.Store.OriginalFile(t.Context(), f.Versioned, 2)
	if err != nil {
		t.Fatal(err)
	}
	status, hdr, body := fetch(t, srv.URL+"/policies/"+f.Versioned+"/original?version=2")
	if status != 200 || !bytes.Equal(body, raw) {
		t.Fatalf("status %d, %d bytes; want the stored %d", status, len(body), len(raw))
	}
	if cd := hdr.Get("Content-Disposition"); !strings.Contains(cd, src.FileName) {
		t.Errorf("Content-Disposition %q lacks %q", cd, src.FileName)
	}
}

var (
	hrefAnchor = regexp.MustCompile(`href="#(c-[^"]*)"`)
	idAttr     = regexp.MustCompile(`id="([^"]*)"`)
)

// TestClauseLinksResolve checks on every policy page that each link to a
// clause has its anchor on the page.
func TestClauseLinksResolve(t *testing.T) {
	f, srv := serve(t)
	list, _, err := f.Store.ListPolicies(t.Context(), listAll)
	if err != nil {
		t.Fatal(err)
	}
	links := 0
	for _, s := range list {
		_, _, body := fetch(t, srv.URL+"/policies/"+s.ID)
		ids := map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(body, -1) {
			ids[html.UnescapeString(string(m[1]))] = true
		}
		for _, m := range hrefAnchor.FindAllSubmatch(body, -1) {
			frag, err := url.PathUnescape(html.UnescapeString(string(m[1])))
			if err != nil {
				t.Fatal(err)
			}
			links++
			if !ids[frag] {
				t.Errorf("%s: link to #%s has no anchor", s.ID, frag)
			}
		}
	}
	if links < 100 {
		t.Errorf("only %d clause links over %d policies", links, len(list))
	}
}

var (
	inputTag = regexp.MustCompile(`<(input|select)\b[^>]*>`)
	inputID  = regexp.MustCompile(`\bid="([^"]+)"`)
)

// TestAccessibility checks what a template can get wrong: the language, one
// h1, landmarks, and a label for every visible form control.
func TestAccessibility(t *testing.T) {
	f, srv := serve(t)
	for _, path := range []string{"/", "/search?q=补助", "/search?q=没有这样的政策", "/policies/{id}", "/policies/{id}?version=1",
		"/policies/{id}/diff", "/coming/apply", "/nothing/here", "/search?year=x"} {
		_, _, body := fetch(t, srv.URL+expand(path, f))
		page := string(body)
		for _, w := range []string{`<html lang="zh-CN">`, "<header", `role="banner"`, `<nav class="site-nav" aria-label=`,
			`<main id="main"`, "<footer", `role="contentinfo"`, `<a class="skip" href="#main">`, `name="viewport"`} {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", path, w)
			}
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s has %d h1", path, n)
		}
		for _, tag := range inputTag.FindAllString(page, -1) {
			if strings.Contains(tag, `type="hidden"`) {
				continue
			}
			if strings.Contains(tag, `type="checkbox"`) {
				continue // wrapped in its label
			}
			m := inputID.FindStringSubmatch(tag)
			if m == nil || !strings.Contains(page, `for="`+m[1]+`"`) {
				t.Errorf("%s: %s has no label", path, tag)
			}
		}
		for _, th := range thTag.FindAllString(page, -1) {
			if !strings.Contains(th, ` scope="`) {
				t.Errorf("%s: %s has no scope", path, th)
			}
		}
	}
}

var thTag = regexp.MustCompile(`<th\b[^>]*>`)

// TestFocusStyles checks that the style sheet shows where the keyboard focus
// is and that the skip link appears when focused.
func TestFocusStyles(t *testing.T) {
	_, srv := serve(t)
	_, _, css := fetch(t, srv.URL+"/static/site.css")
	for _, w := range []string{":focus-visible{outline:", ".skip:focus{"} {
		if !strings.Contains(string(css), w) {
			t.Errorf("site.css lacks %s", w)
		}
	}
	if regexp.MustCompile(`outline:\s*(none|0)`).Match(css) {
		t.Error("site.css removes an outline")
	}
}
