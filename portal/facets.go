package portal

import (
	"net/url"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// facetTitles names the facets an index may return; the key is also the
// search parameter a facet value sets, except where facetParams says otherwise.
var facetTitles = map[string]string{
	"region": "地区", "issuer": "发文机关", "doc_type": "文种", "year": "年份",
	"kind": "扶持方式", "measure_kind": "扶持方式", "beneficiary": "扶持对象", "beneficiary_type": "扶持对象类型", "status": "状态",
}

// facetOrder is the order facets are shown in.
var facetOrder = []string{"region", "doc_type", "kind", "measure_kind", "beneficiary", "beneficiary_type", "issuer", "year", "status"}

var facetParams = map[string]string{"measure_kind": "kind"}

func facetTitle(name string) string {
	if t, ok := facetTitles[name]; ok {
		return t
	}
	return name
}

func facetParam(name string) string {
	if p, ok := facetParams[name]; ok {
		return p
	}
	return name
}

// facetLabel shows a facet value for people: region names, kind, beneficiary
// type and status labels, when the index gave none.
func facetLabel(name, value, label string) string {
	if label != "" {
		return label
	}
	switch name {
	case "region":
		if r, ok := region.Lookup(value); ok {
			return r.Name
		}
	case "kind", "measure_kind":
		return kindLabels[value]
	case "beneficiary_type":
		if l, ok := huiqi.BeneficiaryLabels[value]; ok {
			return l
		}
	case "status":
		if l, ok := statusLabels[huiqi.PolicyStatus(value)]; ok {
			return l
		}
	}
	return value
}

// link builds /search URLs from the current parameters.
type link struct{ v url.Values }

// with returns the search URL with key set to value (removed when empty),
// back on the first page.
func (l link) with(key, value string) string {
	v := url.Values{}
	for k, vs := range l.v {
		v[k] = append([]string(nil), vs...)
	}
	v.Del("offset")
	if value == "" {
		v.Del(key)
	} else {
		v.Set(key, value)
	}
	if key == "region" {
		v.Del("region_mode")
	}
	return "/search?" + v.Encode()
}

// page returns the URL of the page starting at offset.
func (l link) page(offset int) string {
	v := url.Values{}
	for k, vs := range l.v {
		v[k] = vs
	}
	v.Set("offset", strconv.Itoa(offset))
	return "/search?" + v.Encode()
}
