package storekit

import "github.com/huiqi-dev/huiqi"

// DefaultLimit and MaxLimit bound a page of ListPolicies.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Page checks a filter's paging: limit 0 means DefaultLimit, more than MaxLimit
// is cut to MaxLimit, negative values are EINVALID.
func Page(f huiqi.PolicyFilter) (limit, offset int, err error) {
	if f.Limit < 0 || f.Offset < 0 {
		return 0, 0, huiqi.Errorf(huiqi.EINVALID, "negative limit or offset (%d, %d)", f.Limit, f.Offset)
	}
	limit = f.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	return min(limit, MaxLimit), f.Offset, nil
}

// Unchanged reports whether a stored version with these hashes already holds
// the prepared policy: the same file bytes, or the same text from another file.
func (pr *Prepared) Unchanged(fileSHA, textSHA string) bool {
	return (pr.FileSHA != "" && fileSHA == pr.FileSHA) || textSHA == pr.TextSHA
}
