package postgres

import (
	"slices"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// Page sizes of a search.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// statusSQL is a policy's status on the day bound to %s, with the same
// precedence as the embedded index: a draft is a draft, a repealed policy is
// superseded even after its own expiry, then expired, else in force.
const statusSQL = `CASE WHEN d.draft THEN 'draft' WHEN d.superseded THEN 'superseded'
	WHEN d.expires_on < %s THEN 'expired' ELSE 'in_force' END`

// plan is a validated query: its WHERE clause with arguments, the text query
// (nil without text), the order and the page.
type plan struct {
	args sqlArgs
	// filterArgs is how many of args the WHERE clause and status use.
	filterArgs int
	where      []string
	status     string // statusSQL with its day bound
	// statusArg is the parameter of the wanted statuses, kept apart from
	// where: the status facet counts every status of the other matches.
	statusArg string
	text      *textQuery
	// relevance sorts by score (only with text).
	relevance bool
	// raw is the query text, for the exact 文号 or title boost.
	raw    string
	order  string
	limit  int
	offset int
	// none is a text with no word in it: nothing can match.
	none bool
}

// sqlArgs numbers query arguments as they are added, so that the SQL is
// built from fixed fragments and every value the user gave is a parameter.
type sqlArgs []any

func (a *sqlArgs) add(v any) string {
	*a = append(*a, v)
	return bind(len(*a))
}

// newPlan validates q and builds its SQL pieces; a bad value is EINVALID.
func newPlan(q huiqi.SearchQuery) (*plan, error) {
	pl := &plan{limit: q.Limit, offset: q.Offset, raw: q.Text}
	if err := pl.page(); err != nil {
		return nil, err
	}
	for _, v := range []string{q.Text, q.Region, q.Issuer, q.DocType, q.MeasureKind, q.Beneficiary} {
		if !validText(v) {
			return nil, huiqi.Errorf(huiqi.EINVALID, "search: parameters must be UTF-8 without NUL")
		}
	}
	now := q.Now
	if now.IsZero() {
		now = time.Now()
	}
	pl.status = strings.Replace(statusSQL, "%s", pl.args.add(now.UTC().Format("2006-01-02"))+"::date", 1)
	if strings.TrimSpace(q.Text) != "" {
		tq, ok := parseText(q.Text)
		if !ok {
			pl.none = true
			return pl, nil
		}
		pl.text = &tq
		pl.where = append(pl.where, "d.terms @@ "+pl.args.add(tq.and)+"::tsquery")
	}
	for _, f := range []func(huiqi.SearchQuery) error{pl.region, pl.fields, pl.amounts, pl.statuses, pl.sort} {
		if err := f(q); err != nil {
			return nil, err
		}
	}
	// The arguments so far are the WHERE clause's and the status's; the
	// statements add their own after them (ranks, page).
	pl.filterArgs = len(pl.args)
	return pl, nil
}

// benWeight scales the beneficiaries' rank, which normalisation 2 divides
// by their length, to the head's.
const benWeight = "5"

// ranks returns the score expressions, binding their arguments in args; "0"
// without text. The head (title, issuers, 文号, region, beneficiaries) is
// short, so its rank weighs those fields as fields: a word in the title or
// naming whom a measure is for outweighs the same word in the text, as the
// embedded index's field boosts do. The full score adds the rank over all
// terms, normalised by 1 + log(length) so that long documents do not win
// merely by repeating a word.
func (pl *plan) ranks(args *sqlArgs) (full, head string) {
	if pl.text == nil {
		return "0", "0"
	}
	q := args.add(pl.text.rank) + "::tsquery"
	boost := exactBoost(args, pl.raw)
	head = "ts_rank(d.head, " + q + ") + " + benWeight + " * ts_rank(d.bens, " + q + ", 2)" + boost
	return head + " + ts_rank(d.terms, " + q + ", 1)", head
}

// exactBoost adds to the score of a policy whose 文号 or title is the whole
// query: someone who types a 文号 wants that document first.
func exactBoost(args *sqlArgs, text string) string {
	var keys []string
	for _, k := range []string{numberKey(text), titleKey(text)} {
		if k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	arg := args.add(keys) + "::text[]"
	return " + CASE WHEN d.title_key = ANY(" + arg + ") OR d.number_key = ANY(" + arg + ") THEN 1 ELSE 0 END"
}

func (pl *plan) page() error {
	switch {
	case pl.limit < 0 || pl.limit > maxLimit:
		return huiqi.Errorf(huiqi.EINVALID, "search: limit %d: want 0 to %d", pl.limit, maxLimit)
	case pl.offset < 0:
		return huiqi.Errorf(huiqi.EINVALID, "search: offset %d: want 0 or more", pl.offset)
	case pl.limit == 0:
		pl.limit = defaultLimit
	}
	return nil
}

// region keeps policies within the region (its path names it) or, in the
// applies mode, also those of every level above it.
func (pl *plan) region(q huiqi.SearchQuery) error {
	if q.RegionMode != "" && q.RegionMode != huiqi.RegionWithin && q.RegionMode != huiqi.RegionApplies {
		return huiqi.Errorf(huiqi.EINVALID, "search: region mode %q: want %q or %q", q.RegionMode, huiqi.RegionWithin, huiqi.RegionApplies)
	}
	if strings.TrimSpace(q.Region) == "" {
		return nil
	}
	r, ok := region.Lookup(strings.TrimSpace(q.Region))
	if !ok {
		return huiqi.Errorf(huiqi.EINVALID, "search: unknown region code %q", q.Region)
	}
	within := "d.region_path @> " + pl.args.add([]string{r.Code}) + "::text[]"
	if q.RegionMode != huiqi.RegionApplies {
		pl.where = append(pl.where, within)
		return nil
	}
	above := []string{region.National.Code}
	for _, a := range region.Ancestors(r.Code) {
		above = append(above, a.Code)
	}
	pl.where = append(pl.where, "("+within+" OR d.region_code = ANY("+pl.args.add(above)+"::text[]))")
	return nil
}

// fields adds the equality filters.
func (pl *plan) fields(q huiqi.SearchQuery) error {
	if q.Year != 0 && (q.Year < minYear || q.Year > maxYear) {
		return huiqi.Errorf(huiqi.EINVALID, "search: year %d out of range", q.Year)
	}
	if q.MeasureKind != "" && !slices.Contains(measureKinds, huiqi.MeasureKind(q.MeasureKind)) {
		return huiqi.Errorf(huiqi.EINVALID, "search: unknown measure kind %q", q.MeasureKind)
	}
	if v := strings.TrimSpace(q.Issuer); v != "" {
		pl.where = append(pl.where, "d.issuers @> "+pl.args.add([]string{v})+"::text[]")
	}
	if v := strings.TrimSpace(q.DocType); v != "" {
		pl.where = append(pl.where, "d.doc_type = "+pl.args.add(v))
	}
	if q.Year != 0 {
		pl.where = append(pl.where, "d.year = "+pl.args.add(q.Year))
	}
	if q.MeasureKind != "" {
		pl.where = append(pl.where, "d.measure_kinds @> "+pl.args.add([]string{q.MeasureKind})+"::text[]")
	}
	// Every word of the beneficiary must occur in some measure's
	// beneficiary (both normalised): 人才 finds 高层次人才.
	for _, w := range zhtext.Words(q.Beneficiary) {
		pl.where = append(pl.where, "strpos(d.beneficiaries, "+pl.args.add(w.Text)+") > 0")
	}
	return nil
}

func (pl *plan) amounts(q huiqi.SearchQuery) error {
	switch {
	case q.MinAmount < 0 || q.MaxAmount < 0:
		return huiqi.Errorf(huiqi.EINVALID, "search: amounts must not be negative")
	case q.MaxAmount > 0 && q.MinAmount > q.MaxAmount:
		return huiqi.Errorf(huiqi.EINVALID, "search: min_amount %d is above max_amount %d", q.MinAmount, q.MaxAmount)
	}
	if q.MinAmount > 0 {
		pl.where = append(pl.where, "d.max_amount >= "+pl.args.add(q.MinAmount))
	}
	if q.MaxAmount > 0 {
		pl.where = append(pl.where, "d.max_amount <= "+pl.args.add(q.MaxAmount))
	}
	return nil
}

// The years a year filter accepts.
const (
	minYear = 1949
	maxYear = 2200
)

var measureKinds = []huiqi.MeasureKind{
	huiqi.KindSubsidy, huiqi.KindReward, huiqi.KindGrant, huiqi.KindInterest, huiqi.KindVoucher,
	huiqi.KindFund, huiqi.KindLoan, huiqi.KindTax, huiqi.KindInKind, huiqi.KindOther,
}

var allStatuses = []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusExpired, huiqi.StatusDraft, huiqi.StatusSuperseded}

// statuses keeps the asked statuses, in force and draft by default.
func (pl *plan) statuses(q huiqi.SearchQuery) error {
	want := q.Status
	if len(want) == 0 {
		want = []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft}
	}
	names := make([]string, 0, len(want))
	for _, s := range want {
		if !slices.Contains(allStatuses, s) {
			return huiqi.Errorf(huiqi.EINVALID, "search: unknown status %q", s)
		}
		names = append(names, string(s))
	}
	pl.statusArg = pl.args.add(names) + "::text[]"
	return nil
}

// byDate is newest first; policies without a date come last, and the ID
// breaks ties so that pages never overlap.
const byDate = "d.sort_date DESC NULLS LAST, d.policy_id"

func (pl *plan) sort(q huiqi.SearchQuery) error {
	switch q.Sort {
	case "", huiqi.SortRelevance:
		// Without text every score is 0: relevance is the date order.
		pl.relevance = pl.text != nil
		pl.order = byDate
	case huiqi.SortDate:
		pl.order = byDate
	case huiqi.SortAmount:
		pl.order = "d.max_amount DESC, " + byDate
	default:
		return huiqi.Errorf(huiqi.EINVALID, "search: sort %q: want relevance, date or amount", q.Sort)
	}
	return nil
}

// whereSQL is the WHERE clause of the plan, with the status filter or not.
func (pl *plan) whereSQL(withStatus bool) string {
	where := pl.where
	if withStatus {
		where = append(slices.Clip(where), pl.statusFilter())
	}
	if len(where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(where, " AND ")
}

// statusFilter keeps the wanted statuses.
func (pl *plan) statusFilter() string {
	return "(" + pl.status + ") = ANY(" + pl.statusArg + ")"
}
