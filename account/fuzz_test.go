package account

import (
	"strings"
	"testing"
)

// A stored hash of any shape neither panics nor asks for unbounded work.
func FuzzParseHash(f *testing.F) {
	f.Add("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")
	f.Add("$argon2id$v=19$m=4294967295,t=2,p=1$c29tZXNhbHQ$Q1Q")
	f.Add("$argon2id$v=19$m=8,t=-1,p=0$$")
	f.Add("")
	f.Fuzz(func(t *testing.T, hash string) {
		p, salt, key, err := parseHash(hash)
		if err != nil {
			return
		}
		if p.memory > 1<<20 || p.time > 16 || p.threads > 16 || len(salt) < 8 || len(key) < 16 || len(key) > 64 {
			t.Errorf("%q parsed to %+v, salt %d, key %d bytes", hash, p, len(salt), len(key))
		}
	})
}

// Whatever NormalizePhone accepts is an 11-digit mainland mobile number.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 138 1234 5678", "8613812345678", "1381234567８", "12812345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := NormalizePhone(s)
		if err == nil && (!mobile.MatchString(p) || !strings.Contains(strings.NewReplacer(" ", "", "-", "").Replace(s), p)) {
			t.Errorf("NormalizePhone(%q) = %q", s, p)
		}
	})
}
