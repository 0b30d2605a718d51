package storekit

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

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

// RegionPatterns turns region prefixes into patterns of a listing's
// filter, each prefix followed by wildcard (SQLite's GLOB "*", PostgreSQL's
// LIKE "%"). No patterns means every region: none given, or "" (the whole
// country) among them. A prefix of anything but digits is EINVALID.
func RegionPatterns(prefixes []string, wildcard string) ([]string, error) {
	var out []string
	for _, p := range prefixes {
		if p == "" {
			return nil, nil
		}
		if strings.Trim(p, "0123456789") != "" {
			return nil, huiqi.Errorf(huiqi.EINVALID, "地区代码前缀 %q 无效", p)
		}
		out = append(out, p+wildcard)
	}
	return out, nil
}
