package decode

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// numbering is what word/numbering.xml and word/styles.xml say about list
// numbers, plus the running counters of the lists met so far.
type numbering struct {
	nums      map[string]numInstance       // w:num by numId
	abstracts map[string]map[int]*numLevel // w:abstractNum by abstractNumId, then ilvl
	styles    map[string]styleNum          // paragraph styles with numbering
	counters  map[string]*[9]int           // by abstractNumId: lists sharing one continue
	started   map[string]bool              // numIds whose start overrides were applied
}

type numInstance struct {
	abstract  string
	overrides map[int]int // ilvl → startOverride
}

type numLevel struct {
	start  int
	format string // w:numFmt: decimal, chineseCounting, …
	text   string // w:lvlText: "%1、", "（%2）"
	space  bool   // w:suff="space"
	legal  bool   // w:isLgl: all levels in decimal
}

type styleNum struct {
	numID, ilvl, basedOn string
}

// numberingXML mirrors the parts of numbering.xml decode reads.
type numberingXML struct {
	Abstracts []struct {
		ID     string `xml:"abstractNumId,attr"`
		Levels []struct {
			Ilvl  int     `xml:"ilvl,attr"`
			Start xmlVal  `xml:"start"`
			Fmt   xmlVal  `xml:"numFmt"`
			Text  xmlVal  `xml:"lvlText"`
			Suff  xmlVal  `xml:"suff"`
			Legal *xmlVal `xml:"isLgl"`
		} `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  xmlVal `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  int    `xml:"ilvl,attr"`
			Start xmlVal `xml:"startOverride"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type xmlVal struct {
	Val string `xml:"val,attr"`
}

// stylesXML mirrors the parts of styles.xml decode reads.
type stylesXML struct {
	Styles []struct {
		ID      string `xml:"styleId,attr"`
		BasedOn xmlVal `xml:"basedOn"`
		NumPr   struct {
			NumID xmlVal `xml:"numId"`
			Ilvl  xmlVal `xml:"ilvl"`
		} `xml:"pPr>numPr"`
	} `xml:"style"`
}

// parseNumbering reads numbering.xml and styles.xml; either may be nil or
// broken, which leaves the document without rebuilt numbers, not failed.
func parseNumbering(numXML, stylesData []byte) *numbering {
	n := &numbering{
		nums: map[string]numInstance{}, abstracts: map[string]map[int]*numLevel{},
		styles: map[string]styleNum{}, counters: map[string]*[9]int{}, started: map[string]bool{},
	}
	var nx numberingXML
	if numXML != nil && xml.Unmarshal(numXML, &nx) == nil {
		for _, a := range nx.Abstracts {
			levels := map[int]*numLevel{}
			for _, l := range a.Levels {
				start, err := strconv.Atoi(l.Start.Val)
				if err != nil {
					start = 1
				}
				levels[l.Ilvl] = &numLevel{start: start, format: l.Fmt.Val, text: l.Text.Val,
					space: l.Suff.Val == "space", legal: l.Legal != nil && l.Legal.Val != "0" && l.Legal.Val != "false"}
			}
			n.abstracts[a.ID] = levels
		}
		for _, m := range nx.Nums {
			inst := numInstance{abstract: m.Abstract.Val, overrides: map[int]int{}}
			for _, o := range m.Overrides {
				if v, err := strconv.Atoi(o.Start.Val); err == nil {
					inst.overrides[o.Ilvl] = v
				}
			}
			n.nums[m.ID] = inst
		}
	}
	var sx stylesXML
	if stylesData != nil && xml.Unmarshal(stylesData, &sx) == nil {
		for _, s := range sx.Styles {
			n.styles[s.ID] = styleNum{numID: s.NumPr.NumID.Val, ilvl: s.NumPr.Ilvl.Val, basedOn: s.BasedOn.Val}
		}
	}
	return n
}

// label returns the list number of a paragraph as Word displays it, and
// advances the list's counters; "" for a paragraph outside a list or in a
// bulleted one.
func (n *numbering) label(p *docxPara) string {
	numID, ilvlS := p.numID, p.ilvl
	if !p.hasNumPr || numID == "" {
		sn := n.styleNumbering(p.style)
		numID = first(numID, sn.numID)
		ilvlS = first(ilvlS, sn.ilvl)
	}
	inst, ok := n.nums[numID]
	if !ok || numID == "0" {
		return ""
	}
	levels := n.abstracts[inst.abstract]
	ilvl, _ := strconv.Atoi(ilvlS)
	if levels == nil || ilvl < 0 || ilvl > 8 || levels[ilvl] == nil {
		return ""
	}
	counts := n.advance(numID, inst, levels, ilvl)
	lvl := levels[ilvl]
	if lvl.format == "bullet" || lvl.format == "none" {
		return ""
	}
	label := lvl.text
	for k := 0; k <= ilvl; k++ {
		f := "decimal"
		if levels[k] != nil && !lvl.legal {
			f = levels[k].format
		}
		label = strings.ReplaceAll(label, "%"+strconv.Itoa(k+1), formatNumber(counts[k], f))
	}
	if lvl.space && label != "" {
		label += " "
	}
	return label
}

// styleNumbering follows a style's basedOn chain to its numbering.
func (n *numbering) styleNumbering(style string) styleNum {
	for i := 0; i < 10 && style != ""; i++ {
		s, ok := n.styles[style]
		if !ok {
			break
		}
		if s.numID != "" {
			return s
		}
		style = s.basedOn
	}
	return styleNum{}
}

// advance counts a paragraph at ilvl: its level goes up by one (or starts),
// deeper levels restart, and a numId's startOverride applies on first use.
func (n *numbering) advance(numID string, inst numInstance, levels map[int]*numLevel, ilvl int) [9]int {
	c := n.counters[inst.abstract]
	if c == nil {
		c = &[9]int{}
		n.counters[inst.abstract] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for k, v := range inst.overrides {
			if k >= 0 && k < 9 {
				c[k] = v - 1
			}
		}
	}
	for k := 0; k < ilvl; k++ { // a level used before its parents counts them as started
		if c[k] == 0 && levels[k] != nil {
			c[k] = levels[k].start
		}
	}
	if c[ilvl] == 0 {
		c[ilvl] = levels[ilvl].start
	} else {
		c[ilvl]++
	}
	for k := ilvl + 1; k < 9; k++ {
		c[k] = 0
	}
	return *c
}
