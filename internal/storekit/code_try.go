package storekit

import (
	"crypto/subtle"

	"github.com/huiqi-dev/huiqi"
)

// CheckMaxTries refuses a limit of tries below one.
func CheckMaxTries(maxTries int) error {
	if maxTries < 1 {
		return huiqi.Errorf(huiqi.EINVALID, "maxTries %d is not positive", maxTries)
	}
	return nil
}

// NoLiveCode is the ENOTFOUND of a check when the number has no live code
// for the purpose.
func NoLiveCode() error {
	return huiqi.Errorf(huiqi.ENOTFOUND, "没有有效的验证码，请重新获取")
}

// TryCode judges a try of hash against the live code's hash want after
// tries earlier tries: ELIMITED once maxTries were made, else whether it
// matches, compared in constant time. The store counts the try unless it
// is ELIMITED, and uses the code up when it matches.
func TryCode(hash, want string, tries, maxTries int) (bool, error) {
	if tries >= maxTries {
		return false, huiqi.Errorf(huiqi.ELIMITED, "验证码错误次数过多，请重新获取")
	}
	return subtle.ConstantTimeCompare([]byte(hash), []byte(want)) == 1, nil
}
