package decode

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestHTMLCases(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("<p>对认定的高新技术企业给予一次性奖励二十万元，所需资金由市财政承担。</p>\n", 6)
	tests := []struct {
		name   string
		page   string
		want   []string
		absent []string
		hints  huiqi.Hints
	}{
		{
			name: "spaced labels and Chinese dates",
			page: `<html><head><title>网站 - 关于支持企业发展的若干措施</title></head><body>
<div class="info">发布时间：2021年3月5日 10:20　　来　　源：市经信局　　文　　号：某政发〔2021〕5号</div>
<div>` + body + `</div></body></html>`,
			want:   []string{"对认定的高新技术企业给予一次性奖励二十万元，所需资金由市财政承担。\n对认定"},
			absent: []string{"发布时间", "来源", "网站"},
			hints: huiqi.Hints{Title: "关于支持企业发展的若干措施", Issuer: "市经信局",
				PublishedOn: huiqi.Date{Year: 2021, Month: 3, Day: 5}, DocNumber: "某政发〔2021〕5号"},
		},
		{
			name: "label and value in separate cells",
			page: `<body><table><tr><th>发布机构</th><td>市科技局</td><th>发文字号</th><td></td></tr><tr><td>成文日期：</td><td>2022/11/8</td></tr></table>
<div id="content">` + body + `</div><div id="footer">主办单位：市人民政府办公室 版权所有</div></body>`,
			want:   []string{"所需资金由市财政承担。"},
			absent: []string{"主办单位", "发布机构", "2022"},
			hints:  huiqi.Hints{Issuer: "市科技局", IssuedOn: huiqi.Date{Year: 2022, Month: 11, Day: 8}},
		},
		{
			name: "line breaks between Chinese characters in the source vanish",
			page: "<body><div>对认定的高新技术企业给予一次性奖励，\n    所需资金由市财政承担。资金补助对认定的高新技术企业给予一次性奖励</div></body>",
			want: []string{"一次性奖励，所需资金"},
		},
		{
			name: "br and td break lines, nbsp indent trimmed",
			page: "<body><div>&nbsp;&nbsp;第一条&nbsp;总则<br>第二条&nbsp;适用范围政策补助资金<table><tr><td>项目</td><td>金额</td></tr></table></div></body>",
			want: []string{"第一条 总则\n第二条 适用范围政策补助资金\n项目 金额"},
		},
		{
			name:   "hidden and script content dropped",
			page:   `<body><div style="display: none">隐藏的导航菜单内容很多很多很多</div><script>var a="脚本文字";</script><div>` + body + `</div></body>`,
			want:   []string{"高新技术企业"},
			absent: []string{"隐藏", "脚本"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := Bytes("page.html", []byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			for _, w := range tc.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, d.Text)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(d.Text, a) {
					t.Errorf("text contains %q:\n%s", a, d.Text)
				}
			}
			if tc.hints != (huiqi.Hints{}) && d.Hints != tc.hints {
				t.Errorf("hints\n got %+v\nwant %+v", d.Hints, tc.hints)
			}
		})
	}
}
