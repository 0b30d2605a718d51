package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

var (
	// reUnitParen is a parenthesis naming responsible units, at the end of an item.
	reUnitParen = regexp.MustCompile(`[（(]\s*([^（）()]{2,400}?)\s*[）)]`)
	// reUnitLine is a "责任单位：…" line.
	reUnitLine = regexp.MustCompile(`(?:牵头|责任|主责|配合|协同|参与)?(?:单位|部门)\s*[:：]\s*([^。\n（）()]{2,400})`)
	// reUnitLabel splits "牵头单位：A；配合单位：B" into labelled parts.
	reUnitLabel = regexp.MustCompile(`(牵头|责任|主责|配合|协同|参与|协办|主办)?(?:单位|部门)\s*[:：]`)
	// reLeadVerb is "A牵头" inside a unit list.
	reLeadVerb   = regexp.MustCompile(`^(.+?)(?:牵头(?:负责)?|为牵头单位)$`)
	reUnitSuffix = regexp.MustCompile(`(?:等相关部门|等有关部门|等相关单位|等有关单位|按照职责分工负责|按职责分工负责|按照职责分工|按职责分工|按职责|分别负责|负责落实|共同负责|负责|配合|参与|等部门|等单位|等)$`)
	// reOrgEnd is how the name of a unit ends.
	reOrgEnd = regexp.MustCompile(`(?:局|委|办|厅|部|院|署|中心|政府|街道|镇|乡|街|会|协|联|社|行|公司|集团|组|处|室|站|所|队|团|区|县|市|省|地区|单位|部门|管委会|\>|>|[）)])$`)
)

// findTasks returns the numbered work items that name responsible units.
func findTasks(d *doc) []huiqi.Task {
	own := make([][]string, len(d.clauses))
	leads := make([][]string, len(d.clauses))
	for i := range d.clauses {
		own[i], leads[i] = d.clauseUnits(&d.clauses[i])
	}
	kind := taskKind(d.clauses, own)
	if kind == "" {
		return nil
	}
	var out []huiqi.Task
	for i := range d.clauses {
		c := &d.clauses[i]
		if c.Kind != kind {
			continue
		}
		units, lead := own[i], leads[i]
		if len(units) == 0 {
			units, lead = d.closingUnits(i, own, leads)
		}
		if len(units) == 0 {
			units, lead = inheritedUnits(d.clauses, i, own, leads)
		}
		if len(units) == 0 {
			continue
		}
		out = append(out, huiqi.Task{
			Clause:     strconv.Itoa(c.Number),
			ClausePath: c.Path,
			Title:      c.Heading,
			LeadUnits:  nonNil(lead),
			Units:      units,
			Text:       d.text[c.Span.Start:c.Span.End],
			Span:       c.Span,
		})
	}
	return out
}

// taskKind picks the numbering style of work items: Arabic items when any of
// them names units, else the deepest style that does.
func taskKind(cs []huiqi.Clause, own [][]string) huiqi.ClauseKind {
	order := []huiqi.ClauseKind{huiqi.ClauseArabic, huiqi.ClauseParenHan, huiqi.ClauseArticle, huiqi.ClauseHan}
	for _, k := range order {
		for i := range cs {
			if cs[i].Kind == k && len(own[i]) > 0 {
				return k
			}
		}
	}
	return ""
}

// closingUnits finds the units of a later sibling that closes the group item i
// belongs to: "(责任单位:…)" after item 3 applies to items 1–3.
func (d *doc) closingUnits(i int, own, leads [][]string) ([]string, []string) {
	c := &d.clauses[i]
	parent := parentPath(c.Path)
	for j := i + 1; j < len(d.clauses); j++ {
		n := &d.clauses[j]
		if n.Depth < c.Depth || parentPath(n.Path) != parent && n.Depth == c.Depth {
			break
		}
		if n.Depth == c.Depth && n.Kind == c.Kind && len(own[j]) > 0 {
			return own[j], leads[j]
		}
	}
	return nil, nil
}

// inheritedUnits gives an item the units its parent clause names for all of it.
func inheritedUnits(cs []huiqi.Clause, i int, own, leads [][]string) ([]string, []string) {
	for j := i - 1; j >= 0; j-- {
		if ancestorOf(&cs[j], &cs[i]) && cs[j].Path != cs[i].Path && len(own[j]) > 0 {
			return own[j], leads[j]
		}
	}
	return nil, nil
}

func parentPath(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[:i]
	}
	return ""
}

// clauseUnits reads the responsible units a clause names for itself: a closing
// parenthesis or a 责任单位 line in its own text (up to its first child).
func (d *doc) clauseUnits(c *huiqi.Clause) (units, lead []string) {
	own := d.text[c.HeadSpan.Start:c.HeadSpan.End]
	if c.HeadSpan.End == c.Span.End || c.Kind == huiqi.ClauseArabic {
		own = d.text[c.Span.Start:c.Span.End]
	}
	tail := own[max(0, len(own)-1200):]
	for _, g := range parenGroups(tail) {
		if !reUnitHint.MatchString(g) {
			continue
		}
		if u, l := parseUnits(g); len(u) > 0 {
			units, lead = u, l
		}
	}
	if len(units) == 0 && (strings.Contains(tail, "单位") || strings.Contains(tail, "部门")) {
		if m := reUnitLine.FindStringSubmatch(tail); m != nil {
			units, lead = parseUnits(m[0])
		}
	}
	return units, lead
}

// reUnitHint is a word some unit list of every form contains; most brackets
// (citations, notes) have none and skip the full parse.
var reUnitHint = regexp.MustCompile(`单位|部门|牵头|负责|职责|局|委|办|厅|部|院|署|中心|政府|街道|镇|协`)

// parenGroups returns the contents of the outermost bracket pairs of s,
// keeping nested ones inside ("市文广新局（体育局）" stays whole).
func parenGroups(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '（', '(':
			if depth == 0 {
				start = i + utf8.RuneLen(r)
			}
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
				if depth == 0 {
					out = append(out, s[start:i])
				}
			}
		}
	}
	return out
}

// parseUnits reads a unit list: "责任单位:区科学技术局、区工业和信息化局",
// "市科技局牵头,市财政局配合", "牵头单位：A；配合单位：B、C", "市科技局、市工信局按照职责分工".
func parseUnits(s string) (units, lead []string) {
	s = strings.TrimSpace(s)
	keyword := reUnitLabel.MatchString(s) || strings.Contains(s, "牵头") || strings.Contains(s, "职责分工") || strings.Contains(s, "负责") || strings.Contains(s, "配合")
	parts := reUnitLabel.Split(s, -1)
	labels := reUnitLabel.FindAllStringSubmatch(s, -1)
	orgs, total := 0, 0
	for pi, part := range parts {
		isLead := pi > 0 && pi-1 < len(labels) && (labels[pi-1][1] == "牵头" || labels[pi-1][1] == "主责" || labels[pi-1][1] == "主办")
		for _, name := range splitUnitList(part) {
			name = strings.TrimSpace(name)
			if m := reLeadVerb.FindStringSubmatch(name); m != nil {
				name, isLead = m[1], true
			}
			for reUnitSuffix.MatchString(name) {
				name = reUnitSuffix.ReplaceAllString(name, "")
			}
			name = strings.TrimSpace(name)
			if name == "" || name == "相关部门" || name == "有关部门" || name == "各有关部门" || name == "各相关部门" {
				continue
			}
			total++
			if !reOrgEnd.MatchString(name) || utf8.RuneCountInString(name) > 30 {
				continue
			}
			orgs++
			if !contains(units, name) {
				units = append(units, name)
			}
			if isLead && !contains(lead, name) {
				lead = append(lead, name)
			}
		}
	}
	if orgs == 0 || (!keyword && orgs < total) || orgs*10 < total*7 {
		return nil, nil
	}
	// Leads first, as the export orders them.
	if len(lead) > 0 {
		rest := append([]string{}, lead...)
		for _, u := range units {
			if !contains(rest, u) {
				rest = append(rest, u)
			}
		}
		units = rest
	}
	return units, lead
}

// splitUnitList cuts a list of units at separators and at 及, outside brackets.
func splitUnitList(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case (r == '）' || r == ')') && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune("、，,；; \u3000\n及", r):
			out = append(out, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, s[start:])
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
