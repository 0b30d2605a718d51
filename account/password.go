package account

import (
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"golang.org/x/crypto/argon2"
)

// Password lengths, in characters.
const (
	MinPassword = 10
	MaxPassword = 256 // bounds the work one sign-in attempt can ask for
)

// params are argon2id's cost parameters: OWASP's recommended minimum of
// 19 MiB, 2 passes, 1 lane, a 16-byte salt and a 32-byte key.
type params struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
	keyLen  uint32
}

var defaultParams = params{memory: 19 * 1024, time: 2, threads: 1, keyLen: 32}

// b64 is the PHC string format's base64: standard alphabet, no padding.
var b64 = base64.RawStdEncoding

// HashPassword checks a password's length and returns its argon2id hash in
// the PHC string format: $argon2id$v=19$m=19456,t=2,p=1$salt$key.
func HashPassword(password string) (string, error) {
	if err := checkPasswordLength(password); err != nil {
		return "", err
	}
	p, salt := defaultParams, randomBytes(16)
	key := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, p.keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.memory, p.time, p.threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

func checkPasswordLength(password string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPassword:
		return huiqi.Errorf(huiqi.EINVALID, "密码至少 %d 个字符", MinPassword)
	case n > MaxPassword:
		return huiqi.Errorf(huiqi.EINVALID, "密码不能超过 %d 个字符", MaxPassword)
	}
	return nil
}

// CheckPassword reports whether password matches a hash HashPassword made,
// comparing in constant time; an error means the hash is malformed.
func CheckPassword(hash, password string) (bool, error) {
	p, salt, key, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	if utf8.RuneCountInString(password) > MaxPassword {
		return false, nil
	}
	got := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, p.keyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// parseHash reads a PHC argon2id string, refusing costs no hash of ours
// would have, so a planted hash cannot make a check take minutes.
func parseHash(hash string) (p params, salt, key []byte, err error) {
	bad := func(what string) error { return fmt.Errorf("password hash: %s", what) }
	f := strings.Split(hash, "$")
	if len(f) != 6 || f[0] != "" || f[1] != "argon2id" {
		return p, nil, nil, bad("not an argon2id PHC string")
	}
	var v int
	if _, err := fmt.Sscanf(f[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, bad("unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(f[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil ||
		p.memory < 8 || p.memory > 1<<20 || p.time < 1 || p.time > 16 || p.threads < 1 || p.threads > 16 {
		return p, nil, nil, bad("parameters out of range")
	}
	if salt, err = b64.DecodeString(f[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, bad("bad salt")
	}
	if key, err = b64.DecodeString(f[5]); err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, bad("bad key")
	}
	p.keyLen = uint32(len(key))
	return p, salt, key, nil
}
