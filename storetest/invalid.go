package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func testInvalidInput(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	seed, seedRaw := Simple(1, "330100", "通知")
	save(t, s, seed, seedRaw, huiqi.SaveCreated)
	valid := func() (*huiqi.Policy, []byte) { return RichPolicy() }
	tests := []struct {
		name   string
		modify func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte)
	}{
		{"nil policy", func(*huiqi.Policy, []byte) (*huiqi.Policy, []byte) { return nil, []byte("x") }},
		{"no text and no bytes", func(p *huiqi.Policy, _ []byte) (*huiqi.Policy, []byte) { p.Text = ""; return p, nil }},
		{"issued 30 February", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.IssuedOn = huiqi.Date{Year: 2024, Month: 2, Day: 30}
			return p, raw
		}},
		{"published month 13", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.PublishedOn = huiqi.Date{Year: 2024, Month: 13, Day: 1}
			return p, raw
		}},
		{"effective day 0", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.EffectiveOn = huiqi.Date{Year: 2024, Month: 1}
			return p, raw
		}},
		{"expires year only", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.ExpiresOn = huiqi.Date{Year: 2026}
			return p, raw
		}},
		{"text not UTF-8", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.Text += "\xff\xfe"
			return p, raw
		}},
		{"issuer not UTF-8", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.Issuers = append(p.Issuers, "\xc3")
			return p, raw
		}},
		{"NUL in a measure", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.Measures[0].Beneficiary = "企业\x00"
			return p, raw
		}},
		{"source hash of other bytes", func(p *huiqi.Policy, raw []byte) (*huiqi.Policy, []byte) {
			p.Source.SHA256 = huiqi.TextHash("other")
			return p, raw
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := rowCounts(t, s)
			p, raw := tt.modify(valid())
			res, err := s.SavePolicy(ctx, p, raw)
			wantCode(t, "SavePolicy", err, huiqi.EINVALID)
			if res != (huiqi.SaveResult{}) {
				t.Errorf("failed save returned %+v", res)
			}
			if p != nil && (p.ID != "" || p.Version != 0) {
				t.Errorf("failed save set p.ID, p.Version = %q, %d", p.ID, p.Version)
			}
			if after := rowCounts(t, s); !equalCounts(before, after) {
				t.Errorf("failed save wrote rows: before %v, after %v", before, after)
			}
		})
	}
	// A backslash before "u0000" in text is not a NUL: it must be accepted.
	p, raw := Simple(2, "", "")
	p.Text += `C:\u0000\path`
	save(t, s, p, raw, huiqi.SaveCreated)
}
