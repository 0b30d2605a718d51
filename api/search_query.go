package api

import (
	"net/url"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// SearchParams are the query parameters of a search, in the API and the portal.
var SearchParams = []string{"q", "region", "region_mode", "issuer", "doc_type", "year", "kind",
	"beneficiary", "beneficiary_type", "min_amount", "max_amount", "status", "sort", "offset", "limit"}

// maxText bounds every text parameter, in characters.
const maxText = 200

// maxOffset bounds paging: deep pages cost the index and nobody reads them.
const maxOffset = 10000

var measureKinds = []string{string(huiqi.KindSubsidy), string(huiqi.KindReward), string(huiqi.KindGrant),
	string(huiqi.KindInterest), string(huiqi.KindVoucher), string(huiqi.KindFund), string(huiqi.KindLoan),
	string(huiqi.KindTax), string(huiqi.KindInKind), string(huiqi.KindOther)}

// beneficiaryTypes are the values of beneficiary_type (huiqi.BeneficiaryLabels).
var beneficiaryTypes = []string{huiqi.BeneficiaryEnterprise, huiqi.BeneficiaryCarrier, huiqi.BeneficiaryTalent,
	huiqi.BeneficiaryResearch, huiqi.BeneficiaryPlatform, huiqi.BeneficiaryFinance, huiqi.BeneficiaryOther}

var statuses = []string{string(huiqi.StatusInForce), string(huiqi.StatusExpired),
	string(huiqi.StatusDraft), string(huiqi.StatusSuperseded)}

// ParseSearchQuery reads a search from query parameters (see SearchParams).
// A bad value is an EINVALID error naming the parameter and the problem.
// status may be repeated or comma-separated; "all" means every status.
func ParseSearchQuery(v url.Values) (huiqi.SearchQuery, error) {
	p := &params{v: v}
	var q huiqi.SearchQuery
	q.Text = p.text("q", maxText)
	q.Region = p.regionCode("region")
	q.RegionMode = huiqi.RegionMode(p.oneOf("region_mode", string(huiqi.RegionWithin), string(huiqi.RegionApplies)))
	q.Issuer = p.text("issuer", maxText)
	q.DocType = p.text("doc_type", maxText)
	q.Year = p.intIn("year", 0, 1949, 2100)
	q.MeasureKind = p.oneOf("kind", measureKinds...)
	q.Beneficiary = p.text("beneficiary", maxText)
	q.BeneficiaryType = p.oneOf("beneficiary_type", beneficiaryTypes...)
	q.MinAmount = p.int64In("min_amount", 0, 0, 1e13)
	q.MaxAmount = p.int64In("max_amount", 0, 0, 1e13)
	if q.MaxAmount > 0 && q.MinAmount > q.MaxAmount {
		p.fail("max_amount", "%d is below min_amount %d", q.MaxAmount, q.MinAmount)
	}
	q.Status = parseStatus(p, v["status"])
	q.Sort = huiqi.SearchSort(p.oneOf("sort", string(huiqi.SortRelevance), string(huiqi.SortDate), string(huiqi.SortAmount)))
	q.Offset = p.intIn("offset", 0, 0, maxOffset)
	q.Limit = p.intIn("limit", 20, 1, 100)
	return q, p.err
}

// parseStatus reads the status filter from repeated or comma-separated values.
func parseStatus(p *params, vs []string) []huiqi.PolicyStatus {
	var out []huiqi.PolicyStatus
	for _, v := range vs {
		for _, s := range strings.Split(v, ",") {
			switch s = strings.TrimSpace(s); {
			case s == "":
			case s == "all":
				out = out[:0]
				for _, a := range statuses {
					out = append(out, huiqi.PolicyStatus(a))
				}
				return out
			case contains(statuses, s):
				out = append(out, huiqi.PolicyStatus(s))
			default:
				p.fail("status", "%q is not one of %s, all", s, strings.Join(statuses, ", "))
			}
		}
	}
	return out
}
