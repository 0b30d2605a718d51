package postgres

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/zhtext"
)

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

// fields adds the equality filters and the beneficiary words.
func (pl *plan) fields(q huiqi.SearchQuery) error {
	if err := checkFields(q); err != nil {
		return err
	}
	// The issuer, type, year and kind are facet tokens: one GIN condition;
	// a beneficiary type is any of the type sets holding it, another.
	if tokens := fieldTokens(q); len(tokens) > 0 {
		pl.where = append(pl.where, "d.facets @> "+pl.args.add(tokens)+"::text[]")
	}
	if q.BeneficiaryType != "" {
		pl.where = append(pl.where, "d.facets && "+pl.args.add(benSetsWith(q.BeneficiaryType))+"::text[]")
	}
	pl.beneficiary(q.Beneficiary)
	return nil
}

// checkFields rejects the values no policy can hold.
func checkFields(q huiqi.SearchQuery) error {
	switch {
	case q.Year != 0 && (q.Year < minYear || q.Year > maxYear):
		return huiqi.Errorf(huiqi.EINVALID, "search: year %d out of range", q.Year)
	case q.MeasureKind != "" && !slices.Contains(measureKinds, huiqi.MeasureKind(q.MeasureKind)):
		return huiqi.Errorf(huiqi.EINVALID, "search: unknown measure kind %q", q.MeasureKind)
	case q.BeneficiaryType != "" && huiqi.BeneficiaryLabels[q.BeneficiaryType] == "":
		return huiqi.Errorf(huiqi.EINVALID, "search: unknown beneficiary type %q (enterprise, carrier, talent, research, platform, finance or other)", q.BeneficiaryType)
	}
	return nil
}

// fieldTokens are the facet tokens a policy must hold.
func fieldTokens(q huiqi.SearchQuery) []string {
	var tokens []string
	if v := strings.TrimSpace(q.Issuer); v != "" {
		tokens = append(tokens, token(tokIssuer, v))
	}
	if v := strings.TrimSpace(q.DocType); v != "" {
		tokens = append(tokens, token(tokDocType, v))
	}
	if q.Year != 0 {
		tokens = append(tokens, yearToken(q.Year))
	}
	if q.MeasureKind != "" {
		tokens = append(tokens, token(tokKind, q.MeasureKind))
	}
	return tokens
}

// beneficiary keeps the policies where every word of text occurs in some
// measure's beneficiary (both normalised): 人才 finds 高层次人才.
func (pl *plan) beneficiary(text string) {
	var bens []string
	for _, w := range zhtext.Words(text) {
		bens = append(bens, "strpos(b.beneficiaries, "+pl.args.add(w.Text)+") > 0")
		pl.matchTerms = append(pl.matchTerms, benBigrams(w.Text)...)
	}
	if len(bens) > 0 {
		pl.where = append(pl.where, "EXISTS (SELECT 1 FROM search_heads b WHERE b.policy_id = d.policy_id AND "+
			strings.Join(bens, " AND ")+")")
	}
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

// benBigrams returns what the terms of every policy whose beneficiaries
// contain w hold: terms has each measure's beneficiary (weight B) cut with
// the bigrams of every Han run, so an all-Han word of two or more characters
// brings its bigrams. They narrow the rows strpos reads to the few the GIN
// index finds. Other words bring nothing and are found by strpos alone.
func benBigrams(w string) []string {
	if utf8.RuneCountInString(w) < 2 {
		return nil
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return nil
		}
	}
	var out []string
	for _, b := range zhtext.Bigrams(w) {
		out = append(out, quoteLexeme(b))
	}
	return out
}
