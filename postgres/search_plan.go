package postgres

import (
	"slices"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
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
	// match is the condition on terms, "" without text or beneficiary:
	// the query is then driven by the terms' GIN index alone (see
	// whereSQL). matchTerms are its tsquery's groups, AND-ed.
	match      string
	matchTerms []string
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
		pl.matchTerms = append(pl.matchTerms, tq.and)
	}
	for _, f := range []func(huiqi.SearchQuery) error{pl.region, pl.fields, pl.amounts, pl.statuses, pl.sort} {
		if err := f(q); err != nil {
			return nil, err
		}
	}
	if len(pl.matchTerms) > 0 {
		pl.match = "d.terms @@ " + pl.args.add(strings.Join(pl.matchTerms, " & ")) + "::tsquery"
	}
	// The arguments so far are the WHERE clause's and the status's; the
	// statements add their own after them (ranks, page).
	pl.filterArgs = len(pl.args)
	return pl, nil
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

// byDate is newest first; policies without a date come last, and the ID
// breaks ties so that pages never overlap.
const byDate = "d.sort_date DESC NULLS LAST, d.policy_id"

// byDateText is byDate in a form no index provides (see whereSQL).
const byDateText = "d.sort_date + 0 DESC NULLS LAST, d.policy_id"

func (pl *plan) sort(q huiqi.SearchQuery) error {
	date, amount := byDate, "d.max_amount DESC, "
	if len(pl.matchTerms) > 0 {
		date, amount = byDateText, "d.max_amount + 0 DESC, "
	}
	switch q.Sort {
	case "", huiqi.SortRelevance:
		// Without text every score is 0: relevance is the date order.
		pl.relevance = pl.text != nil
		pl.order = date
	case huiqi.SortDate:
		pl.order = date
	case huiqi.SortAmount:
		pl.order = amount + date
	default:
		return huiqi.Errorf(huiqi.EINVALID, "search: sort %q: want relevance, date or amount", q.Sort)
	}
	return nil
}

// whereSQL is the WHERE clause of the plan, with the status filter or not.
//
// With text, the other conditions are wrapped in IS TRUE, which no index
// matches, as the orders are (byDateText): the planner then finds the
// matches through the terms' GIN index and filters the narrow rows. Left
// to itself it may instead take another index (a year, a date order) and
// test terms @@ on each row it reads, which decompresses that row's whole
// vector from TOAST: 120 ms for the 1,316 policies of one year.
func (pl *plan) whereSQL(withStatus bool) string {
	where := slices.Clone(pl.where)
	if withStatus {
		where = append(where, pl.statusFilter())
	}
	if pl.match != "" {
		for i, c := range where {
			where[i] = "(" + c + ") IS TRUE"
		}
		where = append([]string{pl.match}, where...)
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
