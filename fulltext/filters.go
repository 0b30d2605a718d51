package fulltext

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

var measureKinds = []huiqi.MeasureKind{
	huiqi.KindSubsidy, huiqi.KindReward, huiqi.KindGrant, huiqi.KindInterest, huiqi.KindVoucher,
	huiqi.KindFund, huiqi.KindLoan, huiqi.KindTax, huiqi.KindInKind, huiqi.KindOther,
}

// addFilters turns the query's filters into bleve queries, rejecting bad
// values with EINVALID. The status filter is added at search time, when the
// superseded policies are known.
func (p *plan) addFilters(q huiqi.SearchQuery) error {
	if err := p.regionFilter(q.Region, q.RegionMode); err != nil {
		return err
	}
	if v := strings.TrimSpace(q.Issuer); v != "" {
		p.filters = append(p.filters, term(fIssuer, v))
	}
	if v := strings.TrimSpace(q.DocType); v != "" {
		p.filters = append(p.filters, term(fDocType, v))
	}
	if q.Year != 0 {
		y, err := yearValue(q.Year)
		if err != nil {
			return err
		}
		p.filters = append(p.filters, term(fYear, y))
	}
	if k := q.MeasureKind; k != "" {
		if !slices.Contains(measureKinds, huiqi.MeasureKind(k)) {
			return huiqi.Errorf(huiqi.EINVALID, "unknown measure kind %q", k)
		}
		p.filters = append(p.filters, term(fKind, k))
	}
	if t := q.BeneficiaryType; t != "" {
		if huiqi.BeneficiaryLabels[t] == "" {
			return huiqi.Errorf(huiqi.EINVALID, "unknown beneficiary type %q (enterprise, carrier, talent, research, platform, finance or other)", t)
		}
		p.filters = append(p.filters, term(fBenType, t))
	}
	for _, w := range queryWords(q.Beneficiary) {
		p.filters = append(p.filters, wordQuery(w, []field{{fBeneficiary, 1}}))
	}
	return p.amountFilter(q.MinAmount, q.MaxAmount)
}

func (p *plan) regionFilter(code string, mode huiqi.RegionMode) error {
	switch mode {
	case "", huiqi.RegionWithin, huiqi.RegionApplies:
	default:
		return huiqi.Errorf(huiqi.EINVALID, "unknown region mode %q (within or applies)", mode)
	}
	if strings.TrimSpace(code) == "" {
		return nil
	}
	r, err := regionCodes(code)
	if err != nil {
		return err
	}
	within := term(fRegionAnc, r.Code)
	if mode != huiqi.RegionApplies {
		p.filters = append(p.filters, within)
		return nil
	}
	// Applies: issued in the region or below it, or by any level above it.
	above := []string{region.National.Code}
	for _, a := range region.Ancestors(r.Code) {
		above = append(above, a.Code)
	}
	p.filters = append(p.filters, bleve.NewDisjunctionQuery(within, anyTerm(fRegion, above)))
	return nil
}

func (p *plan) amountFilter(min, max int64) error {
	switch {
	case min < 0 || max < 0:
		return huiqi.Errorf(huiqi.EINVALID, "amounts must not be negative")
	case max > 0 && min > max:
		return huiqi.Errorf(huiqi.EINVALID, "min_amount %d is above max_amount %d", min, max)
	case min == 0 && max == 0:
		return nil
	}
	lo := float64(min)
	var hi *float64
	if max > 0 {
		f := float64(max)
		hi = &f
	}
	p.filters = append(p.filters, numRange(fAmount, &lo, hi))
	return nil
}
