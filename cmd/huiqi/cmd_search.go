package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

const searchHelp = `
Search finds stored policies by Chinese full text, in Simplified or Traditional
characters: words typed with spaces must all occur; a word is found inside
longer ones (孵化器补助 finds 孵化器…资金补助). A 文号 finds its document first.

Filters narrow the matches: --region keeps policies issued in the region or
below it (330100 includes its districts); with --applies, also those of the
levels above it that apply there (city, province, national). Expired and
superseded policies are hidden unless --status asks for them (--status all
shows every status). The flags are the parameters of /api/v1/search, checked
the same way: a bad value is an error naming its flag (exit status 2).

Each hit shows the matching clauses with the matches in 【】 ([ ] when the
output is not a terminal), then the facet counts of all matches.`

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", "search [--data DIR | --db URL] [filters] [--sort S] [--json] [--limit N] [--page P | --offset N] [WORDS...]", searchHelp)
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

// searchFlag is one filter flag and the API parameter it sets: the command
// line and /api/v1/search read and check their values the same way
// (api.ParseSearchQuery), so they cannot drift apart.
type searchFlag struct{ flag, param, def, usage string }

var searchFlagList = []searchFlag{
	{"region", "region", "", "policies of the region `CODE` and below it (GB/T 2260, e.g. 370900)"},
	{"type", "doc_type", "", "documents of type `T` (实施意见, 管理办法…)"},
	{"year", "year", "", "issued in `YEAR` (1949 to 2100)"},
	{"kind", "kind", "", "with a measure of kind `K` (subsidy, reward, grant, interest_subsidy, voucher, fund, loan, tax, in_kind, other)"},
	{"issuer", "issuer", "", "issued by `NAME`, as printed (仙居县人民政府办公室)"},
	{"beneficiary", "beneficiary", "", "with a measure for `WHO` (企业, 孵化器, 人才…)"},
	{"beneficiary-type", "beneficiary_type", "", "with a measure for a beneficiary of type `T` (enterprise, carrier, talent, research, platform, finance, other)"},
	{"min-amount", "min_amount", "", "largest measure at least `YUAN`"},
	{"max-amount", "max_amount", "", "largest measure at most `YUAN`"},
	{"status", "status", "", "comma-separated `STATUSES` to keep: in_force, draft, expired, superseded, or all (default in_force,draft)"},
	{"sort", "sort", "", "order by `S`: relevance (default with words), date (default without), amount"},
	{"limit", "limit", "10", "show at most `N` hits (1 to 100)"},
	{"offset", "offset", "", "skip the first `N` hits (up to 10000)"},
}

// searchFlags are the command line of search, turned into a query.
type searchFlags struct {
	vals    map[string]*string // by API parameter
	applies bool
	page    int
	asJSON  bool
}

func (f *searchFlags) define(fs *flagSet) {
	f.vals = map[string]*string{}
	for _, sf := range searchFlagList {
		f.vals[sf.param] = fs.String(sf.flag, sf.def, sf.usage)
	}
	fs.BoolVar(&f.applies, "applies", false, "with --region: also the policies of the levels above that apply there")
	fs.IntVar(&f.page, "page", 0, "show page `P` of --limit hits (instead of --offset)")
	fs.BoolVar(&f.asJSON, "json", false, "print the result as JSON")
}

// query builds the search from the flags and the words. A bad value is an
// error naming its flag; nothing is opened before the command line is right.
func (f *searchFlags) query(words []string) (huiqi.SearchQuery, error) {
	v := url.Values{}
	for param, s := range f.vals {
		if *s != "" {
			v.Set(param, *s)
		}
	}
	if len(words) > 0 {
		v.Set("q", strings.Join(words, " "))
	}
	if f.applies {
		if v.Get("region") == "" {
			return huiqi.SearchQuery{}, fmt.Errorf("--applies needs --region")
		}
		v.Set("region_mode", string(huiqi.RegionApplies))
	}
	q, err := api.ParseSearchQuery(v)
	if err != nil || f.page == 0 {
		return q, flagError(err)
	}
	if f.page < 0 || v.Get("offset") != "" {
		return q, fmt.Errorf("--page: want a page number from 1, and no --offset with it")
	}
	v.Set("offset", strconv.Itoa((f.page-1)*q.Limit))
	if q, err = api.ParseSearchQuery(v); err != nil {
		return q, fmt.Errorf("--page: page %d of %d hits starts past the 10000th hit, the deepest a search goes", f.page, q.Limit)
	}
	return q, nil
}

// flagError names the flag in an error of api.ParseSearchQuery, which names
// the API parameter ("parameter min_amount: …" becomes "--min-amount: …").
func flagError(err error) error {
	if err == nil {
		return nil
	}
	msg := huiqi.ErrorMessage(err)
	param, rest, ok := strings.Cut(strings.TrimPrefix(msg, "parameter "), ": ")
	if !ok {
		return errors.New(msg)
	}
	rest = strings.ReplaceAll(rest, "min_amount", "--min-amount")
	switch param {
	case "q":
		return fmt.Errorf("search words: %s", rest)
	case "region_mode":
		return fmt.Errorf("--applies: %s", rest)
	}
	for _, sf := range searchFlagList {
		if sf.param == param {
			return fmt.Errorf("--%s: %s", sf.flag, rest)
		}
	}
	return errors.New(msg)
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
