// Package extract turns a decoded policy document into a structured huiqi.Policy:
// metadata, the clause tree, money measures, stacking rules, targets and tasks.
// It is pure: no I/O, deterministic, safe for concurrent use.
package extract

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/clause"
	"github.com/huiqi-dev/huiqi/hanzi"
)

// Extract structures one document. Its error is always a *huiqi.Error naming the
// document; a document with no text is EINVALID.
func Extract(doc huiqi.Document) (*huiqi.Policy, error) {
	if strings.TrimSpace(doc.Text) == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s: no text to extract", doc.Name)
	}
	p := &huiqi.Policy{Source: doc.Source, Script: "hans"}
	text := doc.Text
	if hanzi.IsTraditional(text) {
		p.Script = "hant"
		p.OriginalText = text
		text = hanzi.ToSimplified(text)
	}
	text = clause.Clean(text)
	p.Text = text

	d := newDoc(text)
	readMeta(p, d, doc.Hints)
	p.Clauses = clause.Parse(text)
	d.setClauses(p.Clauses)
	p.Measures = findMeasures(d)
	p.Stacking = findStacking(d)
	p.Targets = findTargets(d, p)
	p.Tasks = findTasks(d)
	fillNil(p)
	return p, nil
}

// fillNil makes empty lists marshal as [] rather than null, as the export format wants.
func fillNil(p *huiqi.Policy) {
	if p.Issuers == nil {
		p.Issuers = []string{}
	}
	if p.Repeals == nil {
		p.Repeals = []huiqi.Repeal{}
	}
	if p.Clauses == nil {
		p.Clauses = []huiqi.Clause{}
	}
	if p.Measures == nil {
		p.Measures = []huiqi.Measure{}
	}
	if p.Stacking == nil {
		p.Stacking = []huiqi.StackingRule{}
	}
	if p.Targets == nil {
		p.Targets = []huiqi.Target{}
	}
	if p.Tasks == nil {
		p.Tasks = []huiqi.Task{}
	}
}
