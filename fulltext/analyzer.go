package fulltext

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/huiqi-dev/huiqi/zhtext"
)

// analyzerName is the bleve analyzer that cuts Chinese text with zhtext:
// dictionary words plus Han bigrams, Traditional folded to Simplified.
const analyzerName = "huiqi_zh"

func init() {
	// Registration can only fail on a duplicate name, which is a build bug.
	if err := registry.RegisterAnalyzer(analyzerName, newAnalyzer); err != nil {
		panic(err)
	}
}

func newAnalyzer(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
	return zhAnalyzer{}, nil
}

// zhAnalyzer turns zhtext terms into bleve tokens. zhtext normalises, so no
// token filter is needed; a word and the bigram starting on the same
// character share a position.
type zhAnalyzer struct{}

func (zhAnalyzer) Analyze(input []byte) analysis.TokenStream {
	terms := zhtext.Terms(string(input))
	out := make(analysis.TokenStream, len(terms))
	for i, t := range terms {
		typ := analysis.Ideographic
		if t.Kind == zhtext.Word && !hasHan(t.Text) {
			typ = analysis.AlphaNumeric
		}
		out[i] = &analysis.Token{
			Term:     []byte(t.Text),
			Start:    t.Start,
			End:      t.End,
			Position: t.Pos + 1,
			Type:     typ,
		}
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 {
			return true
		}
	}
	return false
}
