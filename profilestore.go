package huiqi

import (
	"context"
	"time"
)

// ProfileStore keeps enterprise profiles server-side, each under an opaque
// key: today the draft token of a browser (draft:…); later a signed-in user
// or a 统一社会信用代码. Every save that changes something is a new version,
// so a profile is never lost, even one saved with problems.
// Implementations: sqlite and postgres; storetest.RunProfiles is the suite.
type ProfileStore interface {
	// SaveProfile stores p under p.Key as a new version and sets p.Version
	// and p.SavedAt; when p equals the latest version (profile, problems,
	// entered values and draft flag) nothing is written and p gets the
	// latest version's number and time. EINVALID for a bad key.
	SaveProfile(ctx context.Context, p *SavedProfile) error
	// FindProfile returns the latest version saved under key; ENOTFOUND
	// when there is none.
	FindProfile(ctx context.Context, key string) (*SavedProfile, error)
	// ProfileVersions lists the versions saved under key, oldest first;
	// ENOTFOUND when there are none.
	ProfileVersions(ctx context.Context, key string) ([]ProfileVersion, error)
	// DeleteProfile removes every version saved under key; ENOTFOUND when
	// there are none.
	DeleteProfile(ctx context.Context, key string) error
}

// SavedProfile is one stored version of an enterprise profile.
type SavedProfile struct {
	Key     string     `json:"key"`
	Version int        `json:"version"`
	Profile Enterprise `json:"profile"`
	// Draft marks a profile saved with problems, or saved before its
	// owner asked for results: it is kept, shown and editable.
	Draft bool `json:"draft"`
	// Problems are what package profile found wrong, by field path.
	Problems []ProfileProblem `json:"problems,omitempty"`
	// Entered keeps, by field path, what was typed that could not be read
	// into Profile ("12x" for employees), so nothing entered is lost.
	Entered map[string]string `json:"entered,omitempty"`
	SavedAt time.Time         `json:"saved_at"`
}

// ProfileProblem is one problem of a saved profile: the field's path in the
// profile format (financials[2025].revenue_yuan; "" for the whole profile)
// and the message.
type ProfileProblem struct {
	Path string `json:"path"`
	Msg  string `json:"msg"`
}

// ProfileVersion describes one stored version of a profile.
type ProfileVersion struct {
	Version int       `json:"version"`
	Draft   bool      `json:"draft"`
	SavedAt time.Time `json:"saved_at"`
}

// MaxProfileKey is the longest profile key.
const MaxProfileKey = 128

// CheckProfileKey reports whether key can name a profile: 1 to
// MaxProfileKey characters among A–Z a–z 0–9 and . _ : -.
func CheckProfileKey(key string) error {
	if key == "" || len(key) > MaxProfileKey {
		return Errorf(EINVALID, "profile key: want 1 to %d characters, got %d", MaxProfileKey, len(key))
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-') {
			return Errorf(EINVALID, "profile key: character %q at %d is not allowed (A-Z a-z 0-9 . _ : -)", c, i)
		}
	}
	return nil
}
