package storekit_test

import (
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestCodeUsageCheck(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	lim := huiqi.CodeLimits{PhoneInterval: time.Minute, PhoneDay: 10, IPHour: 20, IPDay: 50}
	check := func(u storekit.CodeUsage) error { return u.Check(at, lim) }
	runChecks(t, []checkCase{
		{"nothing issued", check(storekit.CodeUsage{}), "", ""},
		{"under every limit", check(storekit.CodeUsage{Last: at.Add(-time.Minute), PhoneDay: 9, IPHour: 19, IPDay: 49}), "", ""},
		{"interval, 1.5 s left rounds up", check(storekit.CodeUsage{Last: at.Add(-58500 * time.Millisecond)}),
			huiqi.ELIMITED, "验证码发送过于频繁，请 2 秒后再试"},
		{"number's day, in minutes", check(storekit.CodeUsage{PhoneDay: 10, PhoneFirst: at.Add(-24*time.Hour + 90*time.Second)}),
			huiqi.ELIMITED, "该手机号今日验证码次数已达上限（10 次），请 2 分钟后再试"},
		{"address's hour, in seconds", check(storekit.CodeUsage{IPHour: 20, IPHourMin: at.Add(-time.Hour + 30*time.Second)}),
			huiqi.ELIMITED, "该网络地址请求验证码过多（每小时 20 次），请 30 秒后再试"},
		{"address's day, in hours", check(storekit.CodeUsage{IPDay: 50, IPDayMin: at.Add(-90 * time.Minute)}),
			huiqi.ELIMITED, "该网络地址今日请求验证码过多（50 次），请 23 小时后再试"},
		{"the interval comes first", check(storekit.CodeUsage{Last: at, PhoneDay: 10, IPHour: 20, IPDay: 50}),
			huiqi.ELIMITED, "验证码发送过于频繁，请 60 秒后再试"},
		{"a passed wait still says 1", check(storekit.CodeUsage{PhoneDay: 10, PhoneFirst: at.Add(-25 * time.Hour)}),
			huiqi.ELIMITED, "该手机号今日验证码次数已达上限（10 次），请 1 秒后再试"},
		{"zero limits are off", storekit.CodeUsage{Last: at, PhoneDay: 99, IPHour: 99, IPDay: 99}.Check(at, huiqi.CodeLimits{}), "", ""},
	})
}

func TestCheckSMSCode(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	ok := huiqi.SMSCode{Phone: "13800000000", Purpose: "signin", Hash: "h", CreatedAt: at, ExpiresAt: at.Add(time.Minute)}
	with := func(f func(c *huiqi.SMSCode)) error { c := ok; f(&c); return storekit.CheckSMSCode(&c) }
	runChecks(t, []checkCase{
		{"valid", storekit.CheckSMSCode(&ok), "", ""},
		{"nil", storekit.CheckSMSCode(nil), huiqi.EINVALID, "verification code is required"},
		{"no phone", with(func(c *huiqi.SMSCode) { c.Phone = "" }), huiqi.EINVALID, "验证码须有手机号、用途和摘要"},
		{"no purpose", with(func(c *huiqi.SMSCode) { c.Purpose = "" }), huiqi.EINVALID, "验证码须有手机号、用途和摘要"},
		{"no hash", with(func(c *huiqi.SMSCode) { c.Hash = "" }), huiqi.EINVALID, "验证码须有手机号、用途和摘要"},
		{"expires when issued", with(func(c *huiqi.SMSCode) { c.ExpiresAt = at }), huiqi.EINVALID,
			"验证码的有效期 2026-11-20 10:00:00 +0000 UTC 不晚于签发时间 2026-11-20 10:00:00 +0000 UTC"},
	})
}
