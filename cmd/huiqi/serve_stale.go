package main

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// staleness says how the index differs from the store, "" when the checks
// find nothing: entries an older huiqi wrote without what this one derives
// (an outdater's), the number of policies (a policy stored but not indexed, or
// indexed but deleted since), then the version the index holds of each of
// the latest stored policies (a new version stored but not indexed).
//
// With an index that sums what it holds (huiqi.Fingerprint, the embedded
// index) the check is complete: every stored policy at its version. Else it
// is cheap (one count each side and a few searches), not complete: a store
// and an index that differ by as many policies missing as extra, all older
// than the latest few, pass it.
func staleness(ctx context.Context, store huiqi.PolicyStore, index huiqi.SearchIndex) (string, error) {
	if o, ok := index.(outdater); ok {
		n, err := o.Outdated(ctx)
		if err != nil {
			return "", err
		}
		if n > 0 {
			return fmt.Sprintf("the index holds %s written by an older huiqi, without the beneficiary types", policies(n)), nil
		}
	}
	if fp, ok := index.(fingerprinter); ok {
		return fingerprintStaleness(ctx, store, index, fp)
	}
	return recentStaleness(ctx, store, index)
}

// recentStaleness compares the counts and the latest stored versions.
func recentStaleness(ctx context.Context, store huiqi.PolicyStore, index huiqi.SearchIndex) (string, error) {
	recent, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: recentChecked})
	if err != nil {
		return "", err
	}
	n, err := index.Count(ctx)
	if err != nil {
		return "", err
	}
	if n != total {
		return fmt.Sprintf("the store holds %s, the index %d", policies(total), n), nil
	}
	for _, s := range recent {
		v, ok := indexedVersion(ctx, index, s)
		switch {
		case !ok:
			return fmt.Sprintf("policy %s (%s, version %d) is stored but not indexed", s.ID, s.Title, s.Version), nil
		case v != s.Version:
			return fmt.Sprintf("policy %s (%s) is at version %d in the store, %d in the index", s.ID, s.Title, s.Version, v), nil
		}
	}
	return "", nil
}

// allStatuses keeps every policy in a search.
var allStatuses = []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft, huiqi.StatusExpired, huiqi.StatusSuperseded}

// indexedVersion finds a stored policy in the index through the search
// interface, by its 文号 or title (which rank it first) within its region
// and type, and returns the version indexed. A policy it cannot look up
// (no title) counts as found at its version: the check must not cry wolf.
func indexedVersion(ctx context.Context, index huiqi.SearchIndex, s huiqi.PolicySummary) (int, bool) {
	text := s.DocNumber
	if text == "" {
		text = s.Title
	}
	if text == "" {
		return s.Version, true
	}
	q := huiqi.SearchQuery{Text: text, Region: s.RegionCode, DocType: s.DocType, Status: allStatuses, Limit: 20}
	res, err := index.Search(ctx, q)
	if err != nil {
		return s.Version, true
	}
	for _, h := range res.Hits {
		if h.ID == s.ID {
			return h.Version, true
		}
	}
	return 0, false
}

// outdater is an index that knows which of its entries an older huiqi wrote
// without something this one derives in Go, which no migration computes
// (PostgreSQL's search rows written before migration 0005 lack the
// beneficiary types): those entries need a rebuild even when every policy
// is there at its version.
type outdater interface {
	Outdated(ctx context.Context) (int, error)
}

// fingerprinter is an index that sums what it holds (the embedded index):
// the check is then complete, every policy at its version.
type fingerprinter interface {
	Fingerprint(ctx context.Context) (huiqi.Fingerprint, error)
}

// fingerprintPage is how many stored policies one listing reads.
const fingerprintPage = 2000

// fingerprintStaleness compares the index's fingerprint with the store's,
// read by listing every stored policy's ID and version. When they differ,
// the cheap check names a policy where it can.
func fingerprintStaleness(ctx context.Context, store huiqi.PolicyStore, index huiqi.SearchIndex, fp fingerprinter) (string, error) {
	have, err := fp.Fingerprint(ctx)
	if err != nil {
		return "", err
	}
	var want huiqi.Fingerprint
	for off := 0; ; off += fingerprintPage {
		page, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Offset: off, Limit: fingerprintPage})
		if err != nil {
			return "", err
		}
		for _, s := range page {
			want.Add(s.ID, s.Version)
		}
		if len(page) == 0 || off+len(page) >= total {
			break
		}
	}
	if have == want {
		return "", nil
	}
	if why, err := recentStaleness(ctx, store, index); err != nil || why != "" {
		return why, err
	}
	return "the index holds other policies or versions than the store", nil
}
