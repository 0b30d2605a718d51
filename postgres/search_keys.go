package postgres

import (
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// titleKey and numberKey are how a repeal names a policy. Both sides fold the same way, as the embedded
// index does: zhtext's normalisation, no spaces or quotation marks, one kind
// of bracket around a 文号's year (〔2023〕, [2023], (2023), 【2023】); a title
// under 6 characters or a 文号 under 4 names nothing.
func titleKey(t string) string {
	t = titleFold.Replace(zhtext.Normalize(strings.TrimSpace(t)))
	if utf8.RuneCountInString(t) < 6 {
		return ""
	}
	return "t:" + t
}

func numberKey(n string) string {
	n = bracketFold.Replace(zhtext.Normalize(strings.TrimSpace(n)))
	if utf8.RuneCountInString(n) < 4 {
		return ""
	}
	return "n:" + n
}

// repealKeysOf names the documents a policy repeals: by 文号 when one is
// printed (a title alone is often generic, and extraction may pair a 文号
// with the wrong title), else by title, as the embedded index does.
func repealKeysOf(rs []huiqi.Repeal) []string {
	var keys []string
	for _, r := range rs {
		k := numberKey(r.DocNumber)
		if k == "" {
			k = titleKey(r.Title)
		}
		if k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

var (
	bracketFold = strings.NewReplacer(
		"[", "〔", "［", "〔", "【", "〔", "(", "〔", "（", "〔", "﹝", "〔",
		"]", "〕", "］", "〕", "】", "〕", ")", "〕", "）", "〕", "﹞", "〕",
		" ", "", "\t", "")
	titleFold = strings.NewReplacer("《", "", "》", "", "“", "", "”", "", "\"", "", " ", "", "\n", "")
)
