package synth

import "github.com/huiqi-dev/huiqi"

// certifications gives titles as often as technology SMEs hold them: 高新技术
// 企业 to about half of those spending 3% or more on R&D, 科技型中小企业 to
// 45% of those under 500 staff, the rarer titles to a few. One name in ten
// is written as people write it (国家高新技术企业, 小巨人), not canonically.
// IP counts follow: title holders own more.
func (g *EnterpriseGenerator) certifications(e *huiqi.Enterprise) {
	reg := e.RegisteredOn.Year
	if rdShareOf(e) >= 0.03 && g.chance(0.5) {
		if since, ok := g.dateIn(max(reg+1, 2017), lastFiscalYear, 10, 12); ok {
			g.add(e, "高新技术企业", "国家高新技术企业", "", since, addDays(since, 3*365-1))
		}
	}
	if *e.Employees <= 500 && g.chance(0.45) {
		if since, ok := g.dateIn(max(reg, 2023), lastDate.Year, 4, 6); ok {
			g.add(e, "科技型中小企业", "国家科技型中小企业", "", since, huiqi.Date{Year: since.Year, Month: 12, Day: 31})
		}
	}
	for _, t := range []struct {
		name, alias, level string
		p                  float64
		from               int
	}{
		{"创新型中小企业", "创新型中小企业", "", 0.08, 2023},
		{"专精特新中小企业", "省级专精特新中小企业", huiqi.LevelProvincial, 0.06, 2019},
		{"专精特新“小巨人”企业", "小巨人", huiqi.LevelNational, 0.01, 2019},
		{"瞪羚企业", "瞪羚企业", huiqi.LevelCity, 0.03, 2018},
		{"企业研发中心/工程技术研究中心", "市级工程技术研究中心", huiqi.LevelCity, 0.05, 2012},
	} {
		if !g.chance(t.p) {
			continue
		}
		if since, ok := g.dateIn(max(reg+1, t.from), lastFiscalYear, 1, 12); ok {
			g.add(e, t.name, t.alias, t.level, since, addDays(since, 3*365-1))
		}
	}
	held := len(e.Certifications)
	e.IP = &huiqi.IPCounts{Class1: ptr(g.rnd.Intn(3 + 4*held)), Class2: ptr(g.rnd.Intn(8 + 10*held))}
	e.CoreIPOwned = ptr(*e.IP.Class1+*e.IP.Class2 > 0 && g.chance(0.9))
	e.InKeyTechField = ptr(held > 0 || g.chance(0.5))
}

// add appends a title, under its alias one time in ten.
func (g *EnterpriseGenerator) add(e *huiqi.Enterprise, name, alias, level string, since, until huiqi.Date) {
	if since.Year > lastDate.Year || since.Year == lastDate.Year && since.Month > lastDate.Month {
		return // not granted yet
	}
	if g.chance(0.1) {
		name = alias
	}
	e.Certifications = append(e.Certifications, huiqi.Certification{Name: name, Level: level, Since: since, Until: until})
}

// dateIn draws a day in the years from–to and the months lo–hi; ok is
// false when from is after to.
func (g *EnterpriseGenerator) dateIn(from, to, lo, hi int) (huiqi.Date, bool) {
	if from > to {
		return huiqi.Date{}, false
	}
	y := from + g.rnd.Intn(to-from+1)
	return huiqi.Date{Year: y, Month: lo + g.rnd.Intn(hi-lo+1), Day: 1 + g.rnd.Intn(28)}, true
}
