// Package storekit holds the dialect-free parts of the stores: input
// validation (policies, users, SMS codes and their limits, applications,
// consultations, curated rules), the export JSON, the JSON columns, and the
// normalised rows. The sqlite and postgres adapters share it so that both
// accept and store exactly the same things and answer with the same
// messages, while each keeps its own SQL.
package storekit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Prepared is a validated policy ready to be written.
type Prepared struct {
	Key     string
	ID      string
	TextSHA string
	// FileSHA is the SHA-256 of Raw, "" when there are no bytes.
	FileSHA string
	Raw     []byte
	// Policy is a copy of the input with Source.SHA256 and Source.Size filled in.
	Policy huiqi.Policy
}

// Prepare validates p and raw and derives the identity. Every error is
// EINVALID, so nothing has been written when it fails.
func Prepare(p *huiqi.Policy, raw []byte) (*Prepared, error) {
	if p == nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "policy is nil")
	}
	if len(raw) == 0 && p.Text == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "policy has neither text nor source bytes")
	}
	if err := checkDates(p); err != nil {
		return nil, err
	}
	if err := checkStrings(p); err != nil {
		return nil, err
	}
	q := *p
	pr := &Prepared{Raw: raw, TextSHA: huiqi.TextHash(p.Text)}
	if len(raw) > 0 {
		h := sha256.Sum256(raw)
		pr.FileSHA = hex.EncodeToString(h[:])
		if err := fillSource(&q.Source, pr.FileSHA, len(raw)); err != nil {
			return nil, err
		}
	}
	pr.Key = huiqi.IdentityKey(&q)
	pr.ID = huiqi.PolicyID(pr.Key)
	pr.Policy = q
	return pr, nil
}

// fillSource sets the hash and size of the stored bytes. A JSONL record's
// Source may describe the whole corpus file while raw is its line, so a
// differing hash is only an error for a whole file.
func fillSource(s *huiqi.Source, sum string, size int) error {
	given := strings.ToLower(s.SHA256)
	switch {
	case given == "":
		s.SHA256 = sum
	case given != sum && s.Record == 0:
		return huiqi.Errorf(huiqi.EINVALID, "source sha256 %s does not match the bytes (%s)", s.SHA256, sum)
	}
	if s.Size == 0 {
		s.Size = int64(size)
	}
	return nil
}

func checkDates(p *huiqi.Policy) error {
	dates := []struct {
		name string
		d    huiqi.Date
	}{{"issued_on", p.IssuedOn}, {"published_on", p.PublishedOn}, {"effective_on", p.EffectiveOn}, {"expires_on", p.ExpiresOn}}
	for _, d := range dates {
		if !d.d.Valid() {
			return huiqi.Errorf(huiqi.EINVALID, "invalid %s %04d-%02d-%02d", d.name, d.d.Year, d.d.Month, d.d.Day)
		}
	}
	return nil
}

// checkStrings rejects text both databases cannot keep as given: invalid UTF-8
// (encoding/json would silently replace it with U+FFFD, written as the escape
// \ufffd, while a real U+FFFD is written as is) and NUL (PostgreSQL text
// refuses it). Checking the encoded JSON covers every string field at once.
func checkStrings(p *huiqi.Policy) error {
	b, err := json.Marshal(p)
	if err != nil {
		return huiqi.Errorf(huiqi.EINVALID, "policy cannot be encoded: %v", err)
	}
	if hasEscape(b, `\u0000`) {
		return huiqi.Errorf(huiqi.EINVALID, "policy contains a NUL character")
	}
	if hasEscape(b, `\ufffd`) {
		return huiqi.Errorf(huiqi.EINVALID, "policy contains invalid UTF-8")
	}
	return nil
}

// hasEscape finds the JSON escape esc where its backslash is not itself escaped.
func hasEscape(b []byte, esc string) bool {
	from := 0
	for {
		i := bytes.Index(b[from:], []byte(esc))
		if i < 0 {
			return false
		}
		i += from
		slashes := 0
		for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
			slashes++
		}
		if slashes%2 == 0 {
			return true
		}
		from = i + 1
	}
}

// Doc returns the export JSON of the policy as version v of id.
func (pr *Prepared) Doc(version int) ([]byte, error) {
	q := pr.Policy
	q.ID, q.Version = pr.ID, version
	b, err := json.Marshal(&q)
	if err != nil {
		return nil, fmt.Errorf("encode policy: %w", err)
	}
	return b, nil
}
