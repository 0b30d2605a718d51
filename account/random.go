package account

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"math/big"
)

// randomBytes returns n bytes from crypto/rand, which never fails on the
// systems Go supports (it panics rather than return weak bytes).
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// newToken returns 32 random bytes in base64url, without padding.
func newToken() string { return base64.RawURLEncoding.EncodeToString(randomBytes(32)) }

// tokenHash is what the store keeps of a session or API token: the SHA-256
// of the token as the client presents it, in hex.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// randomDigits returns n decimal digits, uniformly drawn.
func randomDigits(n int) string {
	max := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	v, err := rand.Int(rand.Reader, max)
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	s := v.String()
	for len(s) < n {
		s = "0" + s
	}
	return s
}
