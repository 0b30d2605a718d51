package storekit_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestTryCode(t *testing.T) {
	tests := []struct {
		name        string
		hash, want  string
		tries, most int
		ok          bool
		code, msg   string
	}{
		{"matches", "h1", "h1", 0, 5, true, "", ""},
		{"matches at the last try", "h1", "h1", 4, 5, true, "", ""},
		{"differs", "h2", "h1", 0, 5, false, "", ""},
		{"a prefix differs", "h", "h1", 0, 5, false, "", ""},
		{"tries used up", "h1", "h1", 5, 5, false, huiqi.ELIMITED, "验证码错误次数过多，请重新获取"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := storekit.TryCode(tt.hash, tt.want, tt.tries, tt.most)
			if ok != tt.ok || huiqi.ErrorCode(err) != tt.code || (err != nil && err.Error() != tt.msg) {
				t.Errorf("TryCode = %v, %v; want %v, %s %q", ok, err, tt.ok, tt.code, tt.msg)
			}
		})
	}
	runChecks(t, []checkCase{
		{"one try", storekit.CheckMaxTries(1), "", ""},
		{"no tries", storekit.CheckMaxTries(0), huiqi.EINVALID, "maxTries 0 is not positive"},
		{"negative", storekit.CheckMaxTries(-2), huiqi.EINVALID, "maxTries -2 is not positive"},
		{"no live code", storekit.NoLiveCode(), huiqi.ENOTFOUND, "没有有效的验证码，请重新获取"},
	})
}
