package synth

import (
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/region"
)

var (
	brandChars = []rune("华腾瑞联创智恒信达远博通科泰鼎宏盛睿新源云峰航启明晟芯蓝海拓数安优卓越微精")
	suffixes   = map[string][]string{
		"C": {"科技", "智能科技", "电子科技", "精密制造", "新材料科技", "装备科技"},
		"I": {"信息技术", "软件", "网络科技", "数据科技", "智能科技"},
		"M": {"科技", "技术服务", "检测技术", "生物科技", "设计研究"},
	}
)

// name composes a company name: the place, a two-character brand and an
// industry word, as Chinese company names are built.
func (g *EnterpriseGenerator) name(place region.Region, class industry.Industry) string {
	city := place
	if p, ok := region.Lookup(place.Parent); ok && place.Level == 3 && p.Level == 2 {
		city = p
	}
	short := strings.TrimRight(city.Name, "市省区县")
	words := suffixes[class.Section]
	if words == nil {
		words = []string{"科技", "实业", "发展"}
	}
	brand := string([]rune{brandChars[g.rnd.Intn(len(brandChars))], brandChars[g.rnd.Intn(len(brandChars))]})
	return short + brand + words[g.rnd.Intn(len(words))] + "有限公司"
}

// orgSpace is the number of 主体标识码 bodies drawn from: "MA" and six
// characters of the credit-code set (31^6).
const orgSpace = 31 * 31 * 31 * 31 * 31 * 31

// creditCode makes a valid 统一社会信用代码 for an enterprise (91) of the
// region. Enterprises registered before 2015 carry their old eight-digit
// organisation code; later ones an "MA" code. The body is the profile's
// number through a bijection, so codes never repeat within one stream.
func (g *EnterpriseGenerator) creditCode(regionCode string, year int) string {
	var body string
	if year < 2015 {
		const space = 100_000_000
		body = fmt.Sprintf("%08d", (int64(g.n)*48_271+g.codeOffset)%space) // 48271 is prime to 10^8
	} else {
		v := (int64(g.n)*48_271 + g.codeOffset) % orgSpace // and to 31^6
		b := []byte("MA")
		for range 6 {
			b = append(b, creditSet[v%31])
			v /= 31
		}
		body = string(b)
	}
	first17 := "91" + regionCode + body + string(profile.OrgCheckChar(body))
	return first17 + string(profile.CreditCheckChar(first17))
}

const creditSet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// people sets head counts: employees log-normal around 35 (3 to 3,000),
// S&T staff a share of them, larger in software and research.
func (g *EnterpriseGenerator) people(e *huiqi.Enterprise, class industry.Industry) {
	n := int(g.logNormal(35, 1.0, 3, 3000))
	share := 0.10 + 0.25*g.rnd.Float64()
	if class.Section == "I" || class.Section == "M" {
		share += 0.2
	}
	e.Employees = ptr(n)
	e.TechStaff = ptr(int(float64(n) * share))
}

// addDays returns d moved by n days.
func addDays(d huiqi.Date, n int) huiqi.Date {
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}
