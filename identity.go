package huiqi

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// IdentityKey is what makes two files the same document in different versions:
// the 发文字号 when there is one, else the title with the first issuer (or the
// region), else the text itself.
func IdentityKey(p *Policy) string {
	if n := squash(p.DocNumber); n != "" {
		return "no:" + n
	}
	if t := squash(p.Title); t != "" {
		who := ""
		if len(p.Issuers) > 0 {
			who = squash(p.Issuers[0])
		} else if p.Region != nil {
			who = p.Region.Code
		}
		return "ti:" + t + "|" + who
	}
	return "tx:" + TextHash(p.Text)
}

// PolicyID derives the stable ID of a policy from its identity key, so the same
// document gets the same ID in every store.
func PolicyID(identityKey string) string {
	h := sha256.Sum256([]byte(identityKey))
	return hex.EncodeToString(h[:6])
}

// TextHash is the hex SHA-256 of a text.
func TextHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// squash drops spaces and brackets and folds full-width forms so that
// 临政办发〔2017〕132号 and 临政办发[2017]132号 are one key.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if unicode.IsSpace(r) || strings.ContainsRune("()[]〔〕【】《》<>\"'“”", r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
