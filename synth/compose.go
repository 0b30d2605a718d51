package synth

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/region"
	"strconv"
	"strings"
)

var (
	han      = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	bodies   = []string{"人民政府办公室", "人民政府", "科学技术局", "经济和信息化局", "财政局", "商务局"}
	types    = []string{"若干措施", "实施意见", "实施办法", "扶持办法", "行动方案", "若干政策"}
	defaults = []string{"加快科技创新", "促进中小企业高质量发展", "推动数字经济发展", "支持企业上市", "培育高新技术企业"}
)

// Next composes one document.
func (g *Generator) Next() Doc {
	g.n++
	r := g.regions[g.rnd.Intn(len(g.regions))]
	name := r.Name
	if p, ok := region.Lookup(r.Parent); ok && r.Level == 3 && p.Name != "市辖区" {
		name = p.Name + r.Name // 白云区 is in two cities: name the city too
	}
	issuer := name + pick(g.rnd, bodies)
	year := 2016 + g.rnd.Intn(9)
	date := fmt.Sprintf("%d-%02d-%02d", year, 1+g.rnd.Intn(12), 1+g.rnd.Intn(28))
	topic := pick(g.rnd, defaults)
	if len(g.topics) > 0 && g.rnd.Intn(3) > 0 {
		topic = pick(g.rnd, g.topics)
	}
	title := fmt.Sprintf("%s关于%s的%s", r.Name, topic, pick(g.rnd, types))
	number := fmt.Sprintf("%s政办发〔%d〕%d号", firstRune(r.Name), year, 1+g.rnd.Intn(200))

	var b strings.Builder
	fmt.Fprintf(&b, "%s文件\n%s\n%s关于印发《%s》的通知\n各有关单位：\n", issuer, number, issuer, title)
	fmt.Fprintf(&b, "《%s》已经研究同意，现印发给你们，请认真贯彻执行。\n%s\n%d年%d月%d日\n（此件公开发布）\n%s\n",
		title, issuer, year, 1+g.rnd.Intn(12), 1+g.rnd.Intn(28), title)
	b.WriteString(pick(g.rnd, g.others) + "\n")
	item := 0
	sections := 3 + g.rnd.Intn(5)
	for s := 0; s < sections; s++ {
		heading := "加大支持力度"
		if len(g.headings) > 0 {
			heading = pick(g.rnd, g.headings)
		}
		fmt.Fprintf(&b, "%s、%s\n", han[s%len(han)], heading)
		for k := 2 + g.rnd.Intn(6); k > 0; k-- {
			item++
			fmt.Fprintf(&b, "%d．%s\n", item, g.item())
		}
	}
	fmt.Fprintf(&b, "%s、附则\n本办法自%d年%d月1日起施行，有效期三年。\n", han[sections%len(han)], year, 1+g.rnd.Intn(12))
	return Doc{Title: title, Issuer: issuer, Date: date, Text: b.String()}
}

// item picks an item text: half grant money, with the amounts varied.
func (g *Generator) item() string {
	switch x := g.rnd.Intn(10); {
	case x < 5:
		return g.vary(pick(g.rnd, g.measures))
	case x < 6 && len(g.targets) > 0:
		return pick(g.rnd, g.targets)
	case x < 7 && len(g.tasks) > 0:
		return pick(g.rnd, g.tasks)
	}
	return pick(g.rnd, g.others)
}

// vary scales the 万元 amounts of a text by a random factor, keeping their form.
func (g *Generator) vary(s string) string {
	f := []float64{0.5, 1, 1, 1.5, 2, 3}[g.rnd.Intn(6)]
	return reWan.ReplaceAllStringFunc(s, func(m string) string {
		v, err := strconv.ParseFloat(strings.TrimSuffix(m, "万元"), 64)
		if err != nil {
			return m
		}
		return strconv.FormatFloat(v*f, 'f', -1, 64) + "万元"
	})
}

func pick(rnd interface{ Intn(int) int }, s []string) string { return s[rnd.Intn(len(s))] }

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
