package postgres_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// FuzzSearchText indexes any text as a policy's title and body and searches
// for it: the tsvector and tsquery literals built from it must always be
// valid, whatever quotes, backslashes or operators it holds, and the policy
// never match more than that one policy; text PostgreSQL cannot hold (not
// UTF-8, NUL) is EINVALID.
func FuzzSearchText(f *testing.F) {
	for _, s := range []string{
		"孵化器补助", "孵化器補助", `it's`, `a\b`, `'`, `\`, `''`, `\'`, "a & b | !c <-> (d)", "奖:*", "5G 2023年 R&D",
		"《关于促进新材料产业发展的若干意见》", "成人社发〔2019〕5号", "\xff\xfe", "😀 emoji", "ＡＢＣ　１２３", "",
	} {
		f.Add(s)
	}
	ix := openSearch(f)
	f.Fuzz(func(t *testing.T, s string) {
		ctx := context.Background()
		p := &huiqi.Policy{ID: "fuzz", Version: 1, Title: s, Text: s, Issuers: []string{s},
			Repeals: []huiqi.Repeal{{Title: s, DocNumber: s}}}
		if err := ix.Index(ctx, p); huiqi.ErrorCode(err) == huiqi.EINVALID && !valid(s) {
			return // text that is not UTF-8 is refused
		} else if err != nil {
			t.Fatalf("Index(%q): %v", s, err)
		}
		res, err := ix.Search(ctx, huiqi.SearchQuery{Text: s, Issuer: s, Beneficiary: s, Status: allStatuses})
		if huiqi.ErrorCode(err) == huiqi.EINVALID && !valid(s) {
			return
		} else if err != nil {
			t.Fatalf("Search(%q): %v", s, err)
		}
		if res.Total > 1 {
			t.Errorf("Search(%q): total %d with one policy indexed", s, res.Total)
		}
	})
}

func valid(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }
