package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

const searchHelp = `
Search finds stored policies by Chinese full text, in Simplified or Traditional
characters: words typed with spaces must all occur; a word is found inside
longer ones (孵化器补助 finds 孵化器…资金补助). A 文号 finds its document first.

Filters narrow the matches: --region keeps policies issued in the region or
below it (330100 includes its districts); with --applies, also those of the
levels above it that apply there (city, province, national). Expired and
superseded policies are hidden unless --status asks for them.

Each hit shows the matching clauses with the matches in 【】 ([ ] when the
output is not a terminal), then the facet counts of all matches.`

// searchFlags are the command line of search, turned into a query.
type searchFlags struct {
	q       huiqi.SearchQuery
	applies bool
	status  string
	sort    string
	asJSON  bool
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", "search [--data DIR | --db URL] [filters] [--sort S] [--json] [--limit N] [WORDS...]", searchHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	var f searchFlags
	f.define(fs)
	words, err := fs.parse(args)
	if err != nil {
		return err
	}
	q, err := f.query(words)
	if err != nil {
		return fs.usagef("%v", err)
	}
	if err := resolve(); err != nil {
		return err
	}
	ix, err := openSearch(ctx, cfg)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, q)
	if err != nil {
		return err
	}
	if f.asJSON {
		return writeJSON(e, res, true)
	}
	return writeHits(e, ix, q, res)
}

func (f *searchFlags) define(fs *flagSet) {
	fs.StringVar(&f.q.Region, "region", "", "policies of the region `CODE` and below it (GB/T 2260, e.g. 370900)")
	fs.BoolVar(&f.applies, "applies", false, "with --region: also the policies of the levels above that apply there")
	fs.StringVar(&f.q.DocType, "type", "", "documents of type `T` (实施意见, 管理办法…)")
	fs.IntVar(&f.q.Year, "year", 0, "issued in `YEAR`")
	fs.StringVar(&f.q.MeasureKind, "kind", "", "with a measure of kind `K` (subsidy, reward, grant, interest_subsidy, voucher, fund, loan, tax, in_kind, other)")
	fs.StringVar(&f.q.Issuer, "issuer", "", "issued by `NAME`, as printed (仙居县人民政府办公室)")
	fs.StringVar(&f.q.Beneficiary, "beneficiary", "", "with a measure for `WHO` (企业, 孵化器, 人才…)")
	fs.Int64Var(&f.q.MinAmount, "min-amount", 0, "largest measure at least `YUAN`")
	fs.Int64Var(&f.q.MaxAmount, "max-amount", 0, "largest measure at most `YUAN`")
	fs.StringVar(&f.status, "status", "", "comma-separated `STATUSES` to keep: in_force, draft, expired, superseded (default in_force,draft)")
	fs.StringVar(&f.sort, "sort", "", "order by `S`: relevance (default with words), date (default without), amount")
	fs.IntVar(&f.q.Limit, "limit", 10, "show at most `N` hits (up to 100)")
	fs.IntVar(&f.q.Offset, "offset", 0, "skip the first `N` hits")
	fs.BoolVar(&f.asJSON, "json", false, "print the result as JSON")
}

// query builds the search from the flags and the words; the index checks
// the values (a bad region or status is EINVALID).
func (f *searchFlags) query(words []string) (huiqi.SearchQuery, error) {
	q := f.q
	q.Text = strings.Join(words, " ")
	q.Sort = huiqi.SearchSort(f.sort)
	if f.applies {
		if q.Region == "" {
			return q, fmt.Errorf("--applies needs --region")
		}
		q.RegionMode = huiqi.RegionApplies
	}
	for _, s := range strings.Split(f.status, ",") {
		if s = strings.TrimSpace(s); s != "" {
			q.Status = append(q.Status, huiqi.PolicyStatus(s))
		}
	}
	if q.Limit < 1 {
		return q, fmt.Errorf("--limit must be at least 1")
	}
	return q, nil
}

// writeHits prints the hits with their snippets, then the totals and facets.
func writeHits(e *env, ix huiqi.SearchIndex, q huiqi.SearchQuery, res *huiqi.SearchResult) error {
	open, shut := "[", "]"
	if isTerminal(e.stdout) {
		open, shut = "【", "】"
	}
	for i, h := range res.Hits {
		writeHit(e.stdout, q.Offset+i+1, h, open, shut)
	}
	fmt.Fprintf(e.stdout, "%d policies found in %.1f ms", res.Total, float64(res.Took.Microseconds())/1000)
	if len(res.Hits) > 0 {
		fmt.Fprintf(e.stdout, ", showing %d–%d", q.Offset+1, q.Offset+len(res.Hits))
	}
	fmt.Fprintln(e.stdout)
	if shown := q.Offset + len(res.Hits); shown < res.Total {
		fmt.Fprintf(e.stdout, "more with --offset %d\n", shown)
	}
	writeFacets(e.stdout, res.Facets)
	if res.Total == 0 {
		if n, err := ix.Count(context.Background()); err == nil && n == 0 {
			fmt.Fprintln(e.stdout, "the index is empty: run huiqi ingest, or huiqi reindex if policies are stored")
		}
	}
	return nil
}

func writeHit(w io.Writer, n int, h huiqi.SearchHit, open, shut string) {
	fmt.Fprintf(w, "%d. %s", n, h.Title)
	if h.DocNumber != "" {
		fmt.Fprintf(w, "  %s", h.DocNumber)
	}
	fmt.Fprintln(w)
	var meta []string
	if h.Region != nil {
		meta = append(meta, h.Region.Name)
	}
	day := h.IssuedOn
	if day.IsZero() {
		day = h.PublishedOn
	}
	for _, s := range []string{h.DocType, day.String(), statusName(h.Status)} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if h.MaxAmount > 0 {
		meta = append(meta, "最高"+yuan(h.MaxAmount))
	}
	meta = append(meta, "id "+h.ID)
	fmt.Fprintf(w, "   %s\n", strings.Join(meta, " · "))
	for _, s := range h.Snippets {
		path := s.ClausePath
		if path == "" {
			path = "正文"
		}
		fmt.Fprintf(w, "   %s  %s\n", path, marked(s, open, shut))
	}
	fmt.Fprintln(w)
}

// marked writes the snippet on one line with its marks bracketed.
func marked(s huiqi.Snippet, open, shut string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		if m.Start < at || m.End > len(s.Text) || m.Start >= m.End {
			continue // marks are sorted and inside the text; skip any that are not
		}
		b.WriteString(s.Text[at:m.Start])
		b.WriteString(open + s.Text[m.Start:m.End] + shut)
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return strings.Join(strings.Fields(b.String()), " ")
}

func statusName(s huiqi.PolicyStatus) string {
	switch s {
	case huiqi.StatusInForce:
		return "现行有效"
	case huiqi.StatusExpired:
		return "已失效"
	case huiqi.StatusDraft:
		return "征求意见稿"
	case huiqi.StatusSuperseded:
		return "已废止"
	}
	return string(s)
}

// yuan writes an amount the way policies do: 元 below 1万, then 万元, 亿元.
func yuan(n int64) string {
	switch {
	case n >= 100_000_000 && n%1_000_000 == 0:
		return trimZero(float64(n)/1e8) + "亿元"
	case n >= 10_000 && n%100 == 0:
		return trimZero(float64(n)/1e4) + "万元"
	}
	return fmt.Sprintf("%d元", n)
}

func trimZero(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

// facetOrder is the order facets are printed in, with their names.
var facetOrder = [][2]string{
	{"status", "状态"}, {"region", "地区"}, {"doc_type", "类型"}, {"year", "年份"},
	{"measure_kind", "措施"}, {"issuer", "发文机关"},
}

// writeFacets prints each facet's top values on one line.
func writeFacets(w io.Writer, facets map[string][]huiqi.FacetCount) {
	for _, f := range facetOrder {
		counts := facets[f[0]]
		if len(counts) == 0 {
			continue
		}
		var parts []string
		for i, c := range counts {
			if i == 8 {
				parts = append(parts, fmt.Sprintf("…%d more", len(counts)-i))
				break
			}
			name := c.Value
			if c.Label != "" {
				name = c.Label + "(" + c.Value + ")"
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, c.Count))
		}
		fmt.Fprintf(w, "%s: %s\n", f[1], strings.Join(parts, ", "))
	}
}

// openSearch opens the index of an existing store: a data directory with no
// policies is an error, not a new empty index.
func openSearch(ctx context.Context, cfg Config) (huiqi.SearchIndex, error) {
	store, err := openExisting(ctx, cfg)
	if err != nil {
		return nil, err
	}
	store.Close()
	return openIndex(ctx, cfg)
}
