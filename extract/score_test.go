package extract

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// This file mirrors ../shared/eval/score.py so that the gold-file tests judge
// the extractor by the same rules as the evaluation.

type goldDoc struct {
	File        string        `json:"file"`
	Line        int           `json:"line"`
	Title       string        `json:"title"`
	TitleAlts   []string      `json:"title_alternatives"`
	Issuers     []string      `json:"issuers"`
	RegionCode  string        `json:"region_code"`
	DocType     string        `json:"doc_type"`
	DocTypeAlts []string      `json:"doc_type_alternatives"`
	DocNumber   string        `json:"doc_number"`
	IssuedOn    *string       `json:"issued_on"`
	PublishedOn *string       `json:"published_on"`
	Measures    []goldMeasure `json:"measures"`
	Targets     []goldTarget  `json:"targets"`
	Tasks       []goldTask    `json:"tasks"`
}

type goldMeasure struct {
	Clause      json.RawMessage `json:"clause"`
	Kind        string          `json:"kind"`
	AmountYuan  *float64        `json:"amount_yuan"`
	AmountIsCap bool            `json:"amount_is_cap"`
	Rate        *float64        `json:"rate"`
	PerUnit     string          `json:"per_unit"`
	Text        string          `json:"text"`
}

type goldTarget struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text"`
}

type goldTask struct {
	Clause json.RawMessage `json:"clause"`
	Units  []string        `json:"units"`
}

// predDoc is the part of the export the scorer reads.
type predDoc struct {
	Title   string   `json:"title"`
	Issuers []string `json:"issuers"`
	Region  *struct {
		Code string `json:"code"`
	} `json:"region"`
	DocType     string        `json:"doc_type"`
	DocNumber   *string       `json:"doc_number"`
	IssuedOn    *string       `json:"issued_on"`
	PublishedOn *string       `json:"published_on"`
	Measures    []goldMeasure `json:"measures"`
	Targets     []goldTarget  `json:"targets"`
	Tasks       []goldTask    `json:"tasks"`
}

var reNormDrop = regexp.MustCompile(`[\s《》〈〉“”"'()()【】\[\]〔〕]`)

func normText(s string) string { return reNormDrop.ReplaceAllString(norm.NFKC.String(s), "") }

func normUnit(u string) string {
	u = normText(u)
	switch u {
	case "名":
		return "人"
	case "個":
		return "个"
	case "項":
		return "项"
	case "場":
		return "场"
	}
	return u
}

func closeTo(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// counts is (true positives, predicted, gold).
type counts struct{ tp, pred, gold int }

func (c *counts) add(o counts) { c.tp += o.tp; c.pred += o.pred; c.gold += o.gold }

func (c counts) f1() float64 {
	p := 1.0
	if c.pred > 0 {
		p = float64(c.tp) / float64(c.pred)
	} else if c.gold > 0 {
		p = 0
	}
	r := 1.0
	if c.gold > 0 {
		r = float64(c.tp) / float64(c.gold)
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type scores struct {
	metaOK, metaN            int
	measures, targets, tasks counts
	hasTasks                 bool
}

func clauseString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

func scoreDoc(g goldDoc, p predDoc) scores {
	var s scores
	if g.Title != "" {
		s.metaN++
		ok := normText(p.Title) == normText(g.Title)
		for _, a := range g.TitleAlts {
			ok = ok || normText(p.Title) == normText(a)
		}
		s.metaOK += b2i(ok)
	}
	if len(g.Issuers) > 0 {
		s.metaN++
		ok := false
		for _, x := range p.Issuers {
			for _, y := range g.Issuers {
				ok = ok || normText(x) == normText(y)
			}
		}
		s.metaOK += b2i(ok)
	}
	if g.RegionCode != "" {
		s.metaN++
		s.metaOK += b2i(p.Region != nil && p.Region.Code == g.RegionCode)
	}
	if g.DocType != "" {
		s.metaN++
		ok := normText(p.DocType) == normText(g.DocType)
		for _, a := range g.DocTypeAlts {
			ok = ok || normText(p.DocType) == normText(a)
		}
		s.metaOK += b2i(ok)
	}
	if g.DocNumber != "" {
		s.metaN++
		s.metaOK += b2i(p.DocNumber != nil && normText(*p.DocNumber) == normText(g.DocNumber))
	}
	for _, f := range [][2]*string{{g.IssuedOn, p.IssuedOn}, {g.PublishedOn, p.PublishedOn}} {
		s.metaN++
		s.metaOK += b2i(deref(f[0]) == deref(f[1]))
	}
	var pm []goldMeasure
	for _, m := range p.Measures {
		if m.AmountYuan != nil {
			pm = append(pm, m)
		}
	}
	s.measures = counts{matchMeasures(g.Measures, pm), len(pm), len(g.Measures)}
	used := make([]bool, len(p.Targets))
	tp := 0
	for _, gt := range g.Targets {
		for i, pt := range p.Targets {
			if !used[i] && closeTo(gt.Value, pt.Value) && normUnit(gt.Unit) == normUnit(pt.Unit) {
				used[i] = true
				tp++
				break
			}
		}
	}
	s.targets = counts{tp, len(p.Targets), len(g.Targets)}
	if len(g.Tasks) > 0 {
		s.hasTasks = true
		gp, pp := taskPairs(g.Tasks), taskPairs(p.Tasks)
		n := 0
		for k := range pp {
			if gp[k] {
				n++
			}
		}
		s.tasks = counts{n, len(pp), len(gp)}
	}
	return s
}

func matchMeasures(gold, pred []goldMeasure) int {
	used := make([]bool, len(pred))
	tp := 0
	for _, g := range gold {
		for i, p := range pred {
			if !used[i] && sameMeasure(g, p) {
				used[i] = true
				tp++
				break
			}
		}
	}
	return tp
}

func sameMeasure(g, p goldMeasure) bool {
	if g.AmountYuan == nil || p.AmountYuan == nil || !closeTo(*g.AmountYuan, *p.AmountYuan) {
		return false
	}
	if g.AmountIsCap != p.AmountIsCap || (g.Kind == "fund") != (p.Kind == "fund") {
		return false
	}
	if g.Rate != nil && p.Rate == nil {
		return false
	}
	return g.PerUnit == "" || p.PerUnit != ""
}

func taskPairs(ts []goldTask) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, t := range ts {
		for _, u := range t.Units {
			out[[2]string{clauseString(t.Clause), normText(u)}] = true
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
