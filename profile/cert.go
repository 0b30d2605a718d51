package profile

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// certName is one canonical certification name with the other names it goes
// by. leveled titles are granted at several levels (国家级孵化器, 省级孵化器),
// so a level word before the name is read as the certification's level.
type certName struct {
	name    string
	aliases []string
	leveled bool
}

// certNames are the titles policies most often ask for, by their canonical
// name.
var certNames = []certName{
	{name: "高新技术企业", aliases: []string{"国家高新技术企业", "高企", "国家级高新技术企业", "国家高新企业"}},
	{name: "科技型中小企业", aliases: []string{"国家科技型中小企业", "科技型中小企业入库"}},
	{name: "创新型中小企业", leveled: true},
	{name: "专精特新中小企业", aliases: []string{"专精特新企业", "专精特新"}, leveled: true},
	{name: "专精特新“小巨人”企业", aliases: []string{"小巨人", "小巨人企业", "专精特新小巨人", "国家级专精特新小巨人企业"}},
	{name: "制造业单项冠军企业", aliases: []string{"单项冠军", "制造业单项冠军", "单项冠军企业"}, leveled: true},
	{name: "瞪羚企业", aliases: []string{"瞪羚"}, leveled: true},
	{name: "独角兽企业", aliases: []string{"独角兽"}},
	{name: "技术先进型服务企业", aliases: []string{"技术先进型服务企业认定"}},
	{name: "孵化器", aliases: []string{"科技企业孵化器", "企业孵化器"}, leveled: true},
	{name: "众创空间", leveled: true},
	{name: "加速器", aliases: []string{"科技企业加速器", "企业加速器"}, leveled: true},
	{name: "企业研究院", leveled: true},
	{name: "企业研发中心/工程技术研究中心", aliases: []string{"企业研发中心", "研发中心", "工程技术研究中心", "工程研究中心", "企业工程技术研究中心"}, leveled: true},
	{name: "企业技术中心", aliases: []string{"认定企业技术中心"}, leveled: true},
	{name: "重点实验室", leveled: true},
	{name: "知识产权示范企业", leveled: true},
	{name: "知识产权优势企业", leveled: true},
	{name: "规上工业企业", aliases: []string{"规模以上工业企业", "规上企业"}},
	{name: "技术创新示范企业", leveled: true},
	{name: "新型研发机构", leveled: true},
	{name: "制造业创新中心", leveled: true},
	{name: "雏鹰企业", aliases: []string{"雏鹰"}, leveled: true},
	{name: "隐形冠军企业", aliases: []string{"隐形冠军"}, leveled: true},
	{name: "院士专家工作站", aliases: []string{"院士工作站"}, leveled: true},
	{name: "博士后科研工作站", aliases: []string{"博士后工作站"}},
	// 政府质量奖: 中国质量奖 (national), 省、市、县（区）人民政府质量奖.
	{name: "政府质量奖", aliases: []string{"人民政府质量奖", "质量奖"}, leveled: true},
}

// levelWords are the words before a title that give its level, longest
// first so 国家级 is taken before 国家.
var levelWords = []struct{ word, level string }{
	{"国家级", huiqi.LevelNational}, {"国家", huiqi.LevelNational},
	{"省级", huiqi.LevelProvincial}, {"省", huiqi.LevelProvincial},
	{"市级", huiqi.LevelCity}, {"区县级", huiqi.LevelDistrict},
	{"区级", huiqi.LevelDistrict}, {"县级", huiqi.LevelDistrict},
}

// certIndex maps the folded form of every name and alias to its entry.
var certIndex = func() map[string]*certName {
	m := map[string]*certName{}
	for i := range certNames {
		c := &certNames[i]
		m[fold(c.name)] = c
		for _, a := range c.aliases {
			m[fold(a)] = c
		}
	}
	return m
}()

// fold drops what does not tell titles apart: spaces of any width and every
// kind of quotation mark ("小巨人", “小巨人”, 「小巨人」).
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '＂':
			return -1
		}
		return r
	}, s)
}
