package fulltext

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// Page sizes.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// field is a text field searched with a boost.
type field struct {
	name  string
	boost float64
}

var (
	// allField must hold every query word; titleField adds to the score
	// of the policies whose title holds them.
	allField   = []field{{fText, 1}}
	titleField = []field{{fTitle, 3}}
)

// plan is a validated query: its bleve parts and the normalised words that
// snippets highlight.
type plan struct {
	text    query.Query // nil without text; scores the matches
	match   query.Query // nil without text; the words alone, to count matches
	filters []query.Query
	words   []string
	sort    huiqi.SearchSort
	limit   int
	offset  int
	today   int
}

// compile validates q and builds its plan; a bad query is EINVALID.
func compile(q huiqi.SearchQuery) (*plan, error) {
	p := &plan{limit: q.Limit, offset: q.Offset, sort: q.Sort}
	if err := p.page(q); err != nil {
		return nil, err
	}
	now := q.Now
	if now.IsZero() {
		now = time.Now()
	}
	p.today = now.Year()*10000 + int(now.Month())*100 + now.Day()
	p.words = joinLoneChars(queryWords(q.Text), zhtext.Normalize(q.Text))
	if len(p.words) > 0 {
		p.text = textQuery(p.words, q.Text)
		p.match = matchQuery(p.words)
	}
	if err := p.sortOrder(); err != nil {
		return nil, err
	}
	return p, p.addFilters(q)
}

func (p *plan) page(q huiqi.SearchQuery) error {
	switch {
	case q.Limit < 0 || q.Limit > maxLimit:
		return huiqi.Errorf(huiqi.EINVALID, "limit must be between 1 and %d, got %d", maxLimit, q.Limit)
	case q.Offset < 0:
		return huiqi.Errorf(huiqi.EINVALID, "offset must not be negative, got %d", q.Offset)
	case q.Limit == 0:
		p.limit = defaultLimit
	}
	return nil
}

func (p *plan) sortOrder() error {
	switch p.sort {
	case "":
		p.sort = huiqi.SortDate
		if p.text != nil {
			p.sort = huiqi.SortRelevance
		}
	case huiqi.SortRelevance, huiqi.SortDate, huiqi.SortAmount:
	default:
		return huiqi.Errorf(huiqi.EINVALID, "unknown sort %q (relevance, date or amount)", p.sort)
	}
	return nil
}

// queryWords cuts the query into normalised words, dropping punctuation.
func queryWords(text string) []string {
	var out []string
	for _, w := range zhtext.Words(text) {
		if !slices.Contains(out, w.Text) {
			out = append(out, w.Text)
		}
	}
	return out
}

// joinLoneChars replaces each single Han character the segmenter left
// between words (临 and 发 in 临政办发〔2017〕132号, 级 in 5A级旅游景区) by
// the bigram it forms with the character after it in the query (临政,
// 级旅), else with the one before (办发), when the query has longer words.
// The index holds every bigram, so the pair is one term; the character
// alone would have to match as the prefix of every term that starts with
// it, which costs more than the rest of the query. A character with no Han
// neighbour is dropped; a query of lone characters keeps them.
func joinLoneChars(words []string, norm string) []string {
	long := false
	for _, w := range words {
		long = long || len([]rune(w)) > 1 || !hasHan(w)
	}
	if !long {
		return words
	}
	runes := []rune(norm)
	var out []string
	for _, w := range words {
		if len([]rune(w)) > 1 || !hasHan(w) {
			out = append(out, w)
			continue
		}
		if g := pairOf([]rune(w)[0], runes); g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// pairOf is the bigram c forms with a Han neighbour at its first place in
// runes, or "".
func pairOf(c rune, runes []rune) string {
	i := slices.Index(runes, c)
	switch {
	case i < 0:
		return ""
	case i+1 < len(runes) && isHan(runes[i+1]):
		return string(runes[i : i+2])
	case i > 0 && isHan(runes[i-1]):
		return string(runes[i-1 : i+1])
	}
	return ""
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// textQuery needs every query word somewhere in the policy. Words in the
// title, the query as typed (its bigrams across word boundaries) and the
// query as a 文号 or title key add to the score.
func textQuery(words []string, raw string) query.Query {
	q := bleve.NewBooleanQuery()
	for _, w := range words {
		q.AddMust(wordQuery(w, allField))
		q.AddShould(wordQuery(w, titleField))
	}
	for _, run := range strings.Fields(raw) {
		if slices.Contains(words, zhtext.Normalize(run)) {
			continue // one word: its bigrams are a must already
		}
		if grams := zhtext.Bigrams(run); len(grams) > 2 {
			for _, f := range []string{fTitle, fText} {
				c := bleve.NewConjunctionQuery(termsIn(grams, f, 1)...)
				c.SetBoost(2)
				q.AddShould(c)
			}
		}
	}
	for _, k := range []string{numberKey(raw), titleKey(raw)} {
		if k != "" {
			t := bleve.NewTermQuery(k)
			t.SetField(fKey)
			t.SetBoost(10)
			q.AddShould(t)
		}
	}
	return q
}

// matchQuery is what textQuery needs of a policy, without what only adds
// to its score.
func matchQuery(words []string) query.Query {
	qs := make([]query.Query, len(words))
	for i, w := range words {
		qs[i] = wordQuery(w, allField)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// wordQuery matches a word in any of the fields: as the dictionary word
// itself, or as all its bigrams (the text was cut differently: 孵化器补助
// against 孵化器给予资金补助), or for a single character as the prefix of a term.
func wordQuery(w string, fields []field) query.Query {
	grams := zhtext.Bigrams(w)
	var alts []query.Query
	for _, f := range fields {
		t := bleve.NewTermQuery(w)
		t.SetField(f.name)
		t.SetBoost(2 * f.boost)
		alts = append(alts, t)
		switch {
		case len(grams) > 1:
			c := bleve.NewConjunctionQuery(termsIn(grams, f.name, f.boost)...)
			alts = append(alts, c)
		case len([]rune(w)) == 1 && hasHan(w):
			pq := bleve.NewPrefixQuery(w)
			pq.SetField(f.name)
			pq.SetBoost(f.boost / 2)
			alts = append(alts, pq)
		}
	}
	return bleve.NewDisjunctionQuery(alts...)
}

func termsIn(terms []string, field string, boost float64) []query.Query {
	out := make([]query.Query, len(terms))
	for i, s := range terms {
		t := bleve.NewTermQuery(s)
		t.SetField(field)
		t.SetBoost(boost)
		out[i] = t
	}
	return out
}

func term(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, len(values))
	for i, v := range values {
		qs[i] = term(field, v)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func numRange(field string, min, max *float64) query.Query {
	t := true
	q := bleve.NewNumericRangeInclusiveQuery(min, max, &t, &t)
	q.SetField(field)
	return q
}

func f64(v int) *float64 {
	f := float64(v)
	return &f
}

// yearValue validates a year filter.
func yearValue(y int) (string, error) {
	if y < 1949 || y > 2200 {
		return "", huiqi.Errorf(huiqi.EINVALID, "year %d out of range", y)
	}
	return strconv.Itoa(y), nil
}

// regionCodes resolves a region filter to six-digit codes: the region
// itself and, for RegionApplies, the levels above it and the nation.
func regionCodes(code string) (region.Region, error) {
	r, ok := region.Lookup(strings.TrimSpace(code))
	if !ok {
		return region.Region{}, huiqi.Errorf(huiqi.EINVALID, "unknown region code %q", code)
	}
	return r, nil
}
