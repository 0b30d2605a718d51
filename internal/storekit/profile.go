package storekit

import (
	"encoding/json"
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// profileBody is how a saved profile is stored: one JSON document per
// version. Enterprise omits an empty certification list, but a profile that
// lists none ("certifications": []) answers differently from one that does
// not say (docs/rules.md, Windows), so the body keeps that apart.
type profileBody struct {
	Profile          huiqi.Enterprise       `json:"profile"`
	NoCertifications bool                   `json:"no_certifications,omitempty"`
	Problems         []huiqi.ProfileProblem `json:"problems,omitempty"`
	Entered          map[string]string      `json:"entered,omitempty"`
}

// EncodeProfile checks p's key and returns the body stored for p. The same
// profile always encodes to the same bytes, so a store can tell an unchanged
// save by comparing bodies.
func EncodeProfile(p *huiqi.SavedProfile) ([]byte, error) {
	if p == nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "profile: nil")
	}
	if err := huiqi.CheckProfileKey(p.Key); err != nil {
		return nil, err
	}
	b := profileBody{Profile: p.Profile, Problems: p.Problems, Entered: p.Entered}
	b.NoCertifications = p.Profile.Certifications != nil && len(p.Profile.Certifications) == 0
	if len(b.Entered) == 0 {
		b.Entered = nil
	}
	out, err := json.Marshal(b)
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "profile %s: %v", p.Key, err)
	}
	return out, nil
}

// DecodeProfile fills p's profile, problems and entered values from a
// stored body.
func DecodeProfile(body []byte, p *huiqi.SavedProfile) error {
	var b profileBody
	if err := json.Unmarshal(body, &b); err != nil {
		return fmt.Errorf("decode profile %s: %w", p.Key, err)
	}
	p.Profile, p.Problems, p.Entered = b.Profile, b.Problems, b.Entered
	if b.NoCertifications {
		p.Profile.Certifications = []huiqi.Certification{}
	}
	return nil
}
